//! The parliament example's title findings, by zero-based line as `expected.json` gives them.

use copydesk::analysis::{analyze, Code, Finding, Format, Settings, SeverityMap};
use copydesk::position::{Encoding, LineIndex};
use copydesk::registry::{parse_registry, Registry};

const REGISTRY: &str = include_str!("fixtures/parliament/registry.json");

fn title_findings(draft: &str) -> Vec<(Finding, usize)> {
    let file = parse_registry("registry.json", REGISTRY).unwrap();
    let registry = Registry::new([file.entities]);
    let settings = Settings {
        date: None,
        today: time::macros::date!(2026 - 01 - 01),
        severity: SeverityMap::default(),
    };
    let analysis = analyze(draft, Format::Markdown, &registry, &settings);
    let index = LineIndex::new(draft);
    let line = |offset| index.position(draft, offset, Encoding::Utf16).line as usize;
    analysis
        .findings
        .into_iter()
        .filter(|f| matches!(f.code, Code::TitleMismatch | Code::TitleInconsistent))
        .map(|f| {
            let l = line(f.range.start);
            (f, l)
        })
        .collect()
}

#[test]
fn draft_with_errors_has_the_vice_and_the_two_titles() {
    let draft = include_str!("fixtures/parliament/draft-with-errors.md");
    let findings = title_findings(draft);
    assert_eq!(findings.len(), 2, "{findings:#?}");

    let (mismatch, line) = &findings[0];
    assert_eq!((mismatch.code, *line), (Code::TitleMismatch, 4));
    assert_eq!(mismatch.entity.as_deref(), Some("zhao-leji"));
    assert_eq!(&draft[mismatch.range.clone()], "vice chairman");
    assert_eq!(
        mismatch.message,
        "Zhao Leji has been chairman, not vice chairman, of the NPC Standing Committee since 10 March 2023."
    );
    let fix = &mismatch.fixes[0];
    assert_eq!(fix.edits[0].new_text, "chairman");

    let (inconsistent, line) = &findings[1];
    assert_eq!((inconsistent.code, *line), (Code::TitleInconsistent, 20));
    assert_eq!(inconsistent.entity.as_deref(), Some("zhao-leji"));
    assert_eq!(&draft[inconsistent.range.clone()], "Chairman");
    assert_eq!(inconsistent.related.len(), 1);
    assert_eq!(inconsistent.related[0].range, mismatch.range);
}

#[test]
fn published_draft_has_no_title_findings() {
    let draft = include_str!("fixtures/parliament/draft.md");
    assert_eq!(title_findings(draft), Vec::new());
}
