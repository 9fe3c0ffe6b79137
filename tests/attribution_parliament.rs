//! The parliament story: the attribution findings of the published draft and of the copy with
//! planted errors, by zero-based line (see `tests/fixtures/parliament/expected.json`).

use copydesk::analysis::{analyze, Code, Format, Settings, SeverityMap};
use copydesk::registry::{parse_registry, Registry};

fn attribution_lines(file: &str) -> Vec<(usize, Code)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/parliament/");
    let registry_text = std::fs::read_to_string(format!("{dir}registry.json")).unwrap();
    let registry = Registry::new([parse_registry("registry.json", &registry_text)
        .unwrap()
        .entities]);
    let source = std::fs::read_to_string(format!("{dir}{file}")).unwrap();
    let settings = Settings {
        date: None,
        today: time::macros::date!(2025 - 08 - 26),
        severity: SeverityMap::default(),
    };
    let analysis = analyze(&source, Format::Markdown, &registry, &settings);
    assert!(
        analysis.failed_checks.is_empty(),
        "{:?}",
        analysis.failed_checks
    );
    analysis
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.code,
                Code::UnattributedClaim | Code::IncompleteAttribution
            )
        })
        .map(|f| {
            eprintln!("{file}: {} {}", f.code, f.message);
            (source[..f.range.start].matches('\n').count(), f.code)
        })
        .collect()
}

#[test]
fn published_draft_has_only_the_missing_verb() {
    assert_eq!(
        attribution_lines("draft.md"),
        vec![(14, Code::IncompleteAttribution)]
    );
}

#[test]
fn planted_errors_are_found_and_nothing_else() {
    assert_eq!(
        attribution_lines("draft-with-errors.md"),
        vec![
            (6, Code::UnattributedClaim),
            (14, Code::IncompleteAttribution),
            (18, Code::UnattributedClaim),
        ]
    );
}
