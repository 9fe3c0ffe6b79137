//! `copydesk check`: load config and registries, check each draft, print a report.

use super::report::{self, FileReport};
use super::{CheckArgs, FailOn};
use copydesk::analysis::{analyze, Format, Historical, Settings, Severity, SeverityMap};
use copydesk::registry::{DefaultRegistry, Registry};
use copydesk::workspace::{find_config, load_config, load_registries, read_text};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(args: &CheckArgs) -> ExitCode {
    let (registry, severity, historical) = match setup(args) {
        Ok(x) => x,
        Err(problems) => {
            problems.iter().for_each(|p| eprintln!("copydesk: {p}"));
            return ExitCode::from(2);
        }
    };
    let settings = Settings {
        date: args.date,
        today: today(),
        severity,
        historical,
    };
    let mut failed = false;
    let mut reports = Vec::new();
    for path in drafts(&args.paths, &mut failed) {
        match read_text(&path) {
            Ok(text) => {
                let format = Format::from_path(&path.to_string_lossy());
                let analysis = analyze(&text, format, &registry, &settings);
                for name in &analysis.failed_checks {
                    eprintln!(
                        "copydesk: internal error in the {name} check on {}; please report it",
                        path.display()
                    );
                }
                reports.push(FileReport {
                    path,
                    text,
                    findings: analysis.findings,
                });
            }
            Err(p) => {
                eprintln!("copydesk: {p}");
                failed = true;
            }
        }
    }
    if let Err(e) = report::print(args.format, &reports) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: cannot write the report: {e}");
            return ExitCode::from(2);
        }
    }
    // The process ends here: freeing a registry of thousands of entities name by name would
    // cost more than checking a story.
    std::mem::forget(registry);
    if failed {
        return ExitCode::from(2);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Information => Some(Severity::Information),
        FailOn::Never => None,
    };
    let fails = threshold.is_some_and(|t| {
        reports
            .iter()
            .flat_map(|r| &r.findings)
            .any(|f| f.severity <= t)
    });
    if fails {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The registry, severities and title style from the config (explicit or discovered) and
/// `--registry`.
fn setup(
    args: &CheckArgs,
) -> Result<(Registry, SeverityMap, Historical), Vec<copydesk::workspace::Problem>> {
    let config_path = match &args.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir().ok().and_then(|d| find_config(&d)),
    };
    let loaded = match config_path {
        Some(p) => load_config(&p).map_err(|e| vec![e])?,
        None => Default::default(),
    };
    let mut paths = loaded.registries;
    paths.extend(args.registry.iter().cloned());
    let default = match args.no_default_registry {
        true => DefaultRegistry::Off,
        false => loaded.config.default_registry.unwrap_or_default(),
    };
    let loaded_registry = load_registries(&paths, default)?;
    for w in &loaded_registry.warnings {
        eprintln!("copydesk: warning: {w}");
    }
    let historical = loaded.config.historical.unwrap_or_default();
    Ok((loaded_registry.registry, loaded.config.severity, historical))
}

/// The files to check, in the order given; folders walked in name order.
fn drafts(paths: &[PathBuf], failed: &mut bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let walker = walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .follow_links(false);
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() && is_draft(e.path()) => {
                        out.push(e.into_path())
                    }
                    Ok(_) => {}
                    Err(e) => {
                        eprintln!("copydesk: {e}");
                        *failed = true;
                    }
                }
            }
        } else {
            out.push(path.clone());
        }
    }
    out
}

fn is_draft(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("md" | "markdown" | "txt"))
}

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}
