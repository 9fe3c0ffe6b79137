//! What the fuzz targets share: the parliament registry, and the invariants every analysis and
//! every range must keep whatever the input.

#![allow(dead_code)]

use copydesk::analysis::{parse_date, Analysis, Settings, SeverityMap};
use copydesk::position::{Encoding, LineIndex};
use copydesk::registry::{parse_registry, Registry};
use std::ops::Range;
use std::sync::LazyLock;

pub static PARLIAMENT: LazyLock<Registry> = LazyLock::new(|| {
    let text = include_str!("../../tests/fixtures/parliament/registry.json");
    let file = parse_registry("registry.json", text).expect("the fixture registry loads");
    Registry::new([file.entities])
});

pub const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

pub fn settings() -> Settings {
    Settings {
        date: None,
        today: parse_date("2025-08-26").expect("a date"),
        severity: SeverityMap::default(),
        historical: Default::default(),
    }
}

/// Whether `offset` sits between the `\r` and `\n` of a CRLF: no editor position names it.
pub fn inside_crlf(text: &str, offset: usize) -> bool {
    offset > 0
        && text.as_bytes().get(offset - 1) == Some(&b'\r')
        && text.as_bytes().get(offset) == Some(&b'\n')
}

/// A range lies inside the text, on character boundaries, and survives a trip through editor
/// positions in every encoding.
pub fn check_range(text: &str, index: &LineIndex, range: &Range<usize>, what: &str) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{what} range {range:?} out of the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what} range {range:?} splits a character"
    );
    for offset in [range.start, range.end] {
        if inside_crlf(text, offset) {
            continue;
        }
        for enc in ENCODINGS {
            let pos = index.position(text, offset, enc);
            assert_eq!(
                index.offset(text, pos, enc),
                offset,
                "{what} offset {offset} via {pos:?} in {enc:?}"
            );
        }
    }
}

/// The invariants of one analysis of `text`.
pub fn check_analysis(text: &str, analysis: &Analysis) {
    assert!(
        analysis.failed_checks.is_empty(),
        "checks failed: {:?}",
        analysis.failed_checks
    );
    let index = LineIndex::new(text);
    for m in &analysis.mentions {
        check_range(text, &index, &m.range, "mention");
    }
    for f in &analysis.findings {
        check_range(text, &index, &f.range, "finding");
        for r in &f.related {
            check_range(text, &index, &r.range, "related");
        }
        for fix in &f.fixes {
            let mut edits: Vec<_> = fix.edits.iter().map(|e| e.range.clone()).collect();
            edits.sort_by_key(|r| (r.start, r.end));
            for e in &edits {
                check_range(text, &index, e, "fix edit");
            }
            assert!(
                edits.windows(2).all(|w| w[0].end <= w[1].start),
                "a fix's edits overlap: {edits:?}"
            );
        }
    }
}
