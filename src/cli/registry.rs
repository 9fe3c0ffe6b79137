//! `copydesk registry check`: validate registry files; `copydesk registry export-default`.

use copydesk::registry::{check_references, parse_registry};
use copydesk::workspace::read_text;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(paths: &[PathBuf]) -> ExitCode {
    let mut unreadable = false;
    let mut problems = 0;
    let mut files = Vec::new();
    for path in paths {
        match read_text(path) {
            Ok(text) => match parse_registry(&path.display().to_string(), &text) {
                Ok(file) => files.push(file),
                Err(errors) => {
                    problems += errors.len();
                    errors.iter().for_each(|e| println!("{e}"));
                }
            },
            Err(p) => {
                unreadable = true;
                eprintln!("copydesk: {p}");
            }
        }
    }
    for e in check_references(&files) {
        problems += 1;
        println!("{e}");
    }
    if unreadable {
        ExitCode::from(2)
    } else if problems > 0 {
        eprintln!(
            "{problems} problem{} found",
            if problems == 1 { "" } else { "s" }
        );
        ExitCode::from(1)
    } else {
        let n: usize = files.iter().map(|f| f.entities.len()).sum();
        eprintln!(
            "{} file{} valid, {n} entities",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        );
        ExitCode::SUCCESS
    }
}

/// Writes the built-in default registry, as registry JSON, on stdout.
pub fn export_default() -> ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out
        .write_all(copydesk::registry::DEFAULT_REGISTRY_JSON.as_bytes())
        .and_then(|()| out.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("copydesk: cannot write the default registry: {e}");
            ExitCode::from(2)
        }
    }
}
