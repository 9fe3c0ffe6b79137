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

#[test]
fn odd_input_near_titles_does_not_break_the_check() {
    let drafts = [
        "Zhao Leji,",
        "Chairman",
        "Zhao Leji, vice",
        "Zhao Leji, vice chairman of",
        "Zhao Leji, the",
        "Zhao Leji, who",
        "Zhao Leji, who co-",
        "“Vice Chairman Zhao Leji”, 赵乐际, vice chairman of 全国人大常委会 🙂.",
        "Zhao Leji, a\u{301} vice chairman of the NPC Standing Committee",
        "Zhao Leji, vice chairman of the NPC Standing Committee\r\n\r\nChairman Zhao Leji.",
        "ex-\nChairman Zhao Leji, former\n",
        "> Zhao Leji, *vice* chairman of `NPC` the [Duma](https://x.example)'s",
    ];
    for draft in drafts {
        let file = parse_registry("registry.json", REGISTRY).unwrap();
        let registry = Registry::new([file.entities]);
        let settings = Settings {
            date: None,
            today: time::macros::date!(2025 - 08 - 26),
            severity: SeverityMap::default(),
        };
        let analysis = analyze(draft, Format::Markdown, &registry, &settings);
        assert!(analysis.failed_checks.is_empty(), "{draft:?}");
        for f in &analysis.findings {
            assert!(draft.get(f.range.clone()).is_some(), "{draft:?}: {f:?}");
            for e in f.fixes.iter().flat_map(|x| &x.edits) {
                assert!(draft.get(e.range.clone()).is_some(), "{draft:?}: {e:?}");
            }
        }
    }
}
