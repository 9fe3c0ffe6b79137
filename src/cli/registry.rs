//! `copydesk registry check`: validate registry files; `copydesk registry build`: write an index;
//! `copydesk registry export-default`.

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

/// `copydesk registry build PATH... -o INDEX`.
pub fn build(paths: &[PathBuf], output: &std::path::Path) -> ExitCode {
    let start = std::time::Instant::now();
    let written = copydesk::registry_index::build(paths, output).and_then(|(bytes, n)| {
        write_index(output, &bytes).map(|()| n).map_err(|e| {
            vec![copydesk::workspace::Problem::new(
                output,
                format!("cannot write the index: {e}"),
            )]
        })
    });
    match written {
        Ok(n) => {
            eprintln!(
                "wrote {} ({n} entities) in {:.1} s",
                output.display(),
                start.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            problems.iter().for_each(|p| eprintln!("copydesk: {p}"));
            ExitCode::from(2)
        }
    }
}

/// Writes through a temporary file renamed into place, so a server that has the old index mapped
/// keeps reading the old file, never a half-written one. The only file the binary writes, and
/// only when the user asks for it (see the source scan in `tests/lsp/hostile.rs`).
fn write_index(out: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = out
        .file_name()
        .map_or("index".into(), |n| n.to_string_lossy());
    let tmp = out.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, out));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
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
