//! `copydesk registry check`: validate registry files; `copydesk registry build`: write an index.

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
    match copydesk::registry_index::build(paths, output) {
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
