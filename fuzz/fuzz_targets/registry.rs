//! The registry loader on arbitrary bytes: every problem has a place inside the file, and any
//! registry it accepts can be indexed and used to check a draft.

#![no_main]

mod common;

use copydesk::analysis::{analyze, Format};
use copydesk::registry::{check_references, parse_registry, Registry};
use libfuzzer_sys::fuzz_target;

const DRAFT: &str = include_str!("../../tests/fixtures/parliament/draft-with-errors.md");

fn check_place(text: &str, line: usize, column: usize, message: &str) {
    let lines = text.split('\n').count();
    assert!(
        line >= 1 && line <= lines,
        "line {line} of {lines}: {message}"
    );
    let width = text
        .split('\n')
        .nth(line - 1)
        .map_or(0, |l| l.chars().count());
    assert!(
        column >= 1 && column <= width + 1,
        "column {column} of {width}: {message}"
    );
    assert!(!message.is_empty());
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match parse_registry("r.json", &text) {
        Err(errors) => {
            assert!(!errors.is_empty(), "an error result names a problem");
            for e in errors {
                let (line, column) = e.position.expect("a parse error is located");
                check_place(&text, line, column, &e.message);
            }
        }
        Ok(file) => {
            let mut dangling = check_references(std::slice::from_ref(&file));
            copydesk::problem::Problem::locate_all(&mut dangling, &text);
            for e in dangling {
                let (line, column) = e.position.expect("located in its file");
                check_place(&text, line, column, &e.message);
            }
            let registry = Registry::new([file.entities]);
            let analysis = analyze(DRAFT, Format::Markdown, &registry, &common::settings());
            common::check_analysis(DRAFT, &analysis);
        }
    }
});
