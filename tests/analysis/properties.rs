//! Properties of the core on generated drafts: every finding's range lies on character
//! boundaries and survives a trip through editor positions in every encoding; edits made through
//! positions agree with a plain `String` model; applying any set of non-overlapping fixes gives
//! valid text with exactly the intended replacements.
//!
//! Drafts are built from fragments that stress positions (CRLF, lone CR, emoji outside the
//! Basic Multilingual Plane, so UTF-16 surrogate pairs, ZWJ sequences, combining marks, CJK)
//! mixed with registry names, misspellings and Markdown syntax, plus arbitrary characters.

use copydesk::analysis::{analyze, parse_date, Analysis, Edit, Format, Settings, SeverityMap};
use copydesk::position::{Encoding, LineIndex, Position};
use copydesk::registry::{parse_registry, Registry};
use proptest::prelude::*;
use std::ops::Range;
use std::sync::LazyLock;

static PARLIAMENT: LazyLock<Registry> = LazyLock::new(|| {
    let text = include_str!("../fixtures/parliament/registry.json");
    Registry::new([parse_registry("registry.json", text).unwrap().entities])
});

const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

const FRAGMENTS: &[&str] = &[
    "Zhao Leji",
    "Zhao Leiji",
    "Leji Zhao",
    "Zhao Leji's",
    "Zhao Leji\u{2019}s",
    "Vyacheslav Volodine",
    "Viacheslav\r\nVolodin",
    "Chao Le-chi",
    "Volodin",
    "Zhao",
    "Zaho",
    "NPC Standing Committee",
    "State Duma",
    "Chairman",
    " said",
    " told reporters",
    ". ",
    ", ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    "\u{1F600}",
    "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}",
    "e\u{301}",
    "Jose\u{301}",
    "\u{4E2D}\u{6587}",
    "\u{FF21}",
    "\u{10348}",
    "\u{FEFF}",
    "# ",
    "> ",
    "- ",
    "1. ",
    "`",
    "```\n",
    "*",
    "_",
    "[",
    "](https://x.example/Zhao)",
    "<https://x.example>",
    "&amp;",
    "&#x1F600;",
    "<!-- copydesk-disable -->",
    "<!-- copydesk-enable -->",
    "<!-- copydesk-disable-next-line name-misspelling -->\n",
    "| a | b |\n|---|---|\n| ",
    "\"",
    "\u{201C}",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(FRAGMENTS).prop_map(String::from),
        1 => "\\PC{1,4}",
        1 => any::<char>().prop_map(String::from),
    ]
}

fn draft() -> impl Strategy<Value = String> {
    let body = prop::collection::vec(fragment(), 0..80).prop_map(|parts| parts.concat());
    (any::<bool>(), body).prop_map(|(dated, body)| {
        if dated {
            format!("date 2025-08-26 {body}")
        } else {
            body
        }
    })
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::Markdown), Just(Format::Text)]
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop::sample::select(&ENCODINGS[..])
}

fn settings() -> Settings {
    Settings {
        date: None,
        today: parse_date("2025-08-26").unwrap(),
        severity: SeverityMap::default(),
        historical: Default::default(),
    }
}

fn run(text: &str, format: Format) -> Analysis {
    let analysis = analyze(text, format, &PARLIAMENT, &settings());
    assert!(
        analysis.failed_checks.is_empty(),
        "{:?}",
        analysis.failed_checks
    );
    analysis
}

/// Between the `\r` and `\n` of a CRLF: no editor position names this offset.
fn inside_crlf(text: &str, offset: usize) -> bool {
    offset > 0
        && text.as_bytes()[offset - 1] == b'\r'
        && text.as_bytes().get(offset) == Some(&b'\n')
}

fn assert_sound(text: &str, index: &LineIndex, range: &Range<usize>) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{range:?} in {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{range:?} splits a character"
    );
    for offset in [range.start, range.end] {
        assert!(!inside_crlf(text, offset), "{range:?} splits a CRLF");
        for enc in ENCODINGS {
            let pos = index.position(text, offset, enc);
            assert_eq!(
                index.offset(text, pos, enc),
                offset,
                "{offset} via {pos:?} in {enc:?}"
            );
        }
    }
}

/// Every char boundary of `text` that an editor position can name.
fn boundaries(text: &str) -> Vec<usize> {
    (0..=text.len())
        .filter(|&i| text.is_char_boundary(i) && !inside_crlf(text, i))
        .collect()
}

/// Applies fixes' edits the way an editor does: each range converted to positions in `enc`
/// against the original text, then applied from the last to the first.
fn apply_through_positions(text: &str, edits: &[Edit], enc: Encoding) -> String {
    let index = LineIndex::new(text);
    let mut positioned: Vec<(Position, Position, &str)> = edits
        .iter()
        .map(|e| {
            (
                index.position(text, e.range.start, enc),
                index.position(text, e.range.end, enc),
                e.new_text.as_str(),
            )
        })
        .collect();
    positioned.sort_by_key(|&(start, end, _)| (start, end));
    let mut out = text.to_string();
    for (start, end, new_text) in positioned.into_iter().rev() {
        let idx = LineIndex::new(&out);
        let range = idx.offset(&out, start, enc)..idx.offset(&out, end, enc);
        out.replace_range(range, new_text);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn finding_ranges_lie_on_boundaries_and_round_trip(text in draft(), format in format()) {
        let analysis = run(&text, format);
        let index = LineIndex::new(&text);
        for m in &analysis.mentions {
            assert_sound(&text, &index, &m.range);
        }
        for f in &analysis.findings {
            assert_sound(&text, &index, &f.range);
            f.related.iter().for_each(|r| assert_sound(&text, &index, &r.range));
            f.fixes.iter().flat_map(|x| &x.edits).for_each(|e| assert_sound(&text, &index, &e.range));
        }
    }

    #[test]
    fn positions_count_what_each_encoding_counts(text in draft(), at in any::<prop::sample::Index>()) {
        let cuts = boundaries(&text);
        let offset = cuts[at.index(cuts.len())];
        let index = LineIndex::new(&text);
        let before = &text[..offset];
        let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let line = before.matches('\n').count() + before.matches('\r').count() - before.matches("\r\n").count();
        let column = &text[line_start..offset];
        let expected = [column.len(), column.encode_utf16().count(), column.chars().count()];
        for (enc, character) in ENCODINGS.into_iter().zip(expected) {
            let want = Position { line: line as u32, character: character as u32 };
            prop_assert_eq!(index.position(&text, offset, enc), want);
        }
    }

    #[test]
    fn edits_through_positions_agree_with_a_string_model(
        text in draft(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), fragment()), 1..20),
        enc in encoding(),
    ) {
        let mut model = text.clone();
        let mut document = text;
        for (a, b, new_text) in edits {
            let cuts = boundaries(&model);
            let (mut start, mut end) = (cuts[a.index(cuts.len())], cuts[b.index(cuts.len())]);
            if start > end {
                std::mem::swap(&mut start, &mut end);
            }
            let index = LineIndex::new(&document);
            let (from, to) = (index.position(&document, start, enc), index.position(&document, end, enc));
            model.replace_range(start..end, &new_text);
            let range = index.offset(&document, from, enc)..index.offset(&document, to, enc);
            document.replace_range(range, &new_text);
            prop_assert_eq!(&document, &model);
        }
    }

    #[test]
    fn non_overlapping_fixes_give_the_intended_text(
        text in draft(),
        format in format(),
        picks in prop::collection::vec(any::<bool>(), 64),
        enc in encoding(),
    ) {
        let analysis = run(&text, format);
        // Take fixes in document order as `picks` says, skipping any that overlap one taken.
        let mut chosen: Vec<&Edit> = Vec::new();
        for (fix, pick) in analysis.findings.iter().flat_map(|f| &f.fixes).zip(picks.iter().cycle()) {
            let overlaps = fix.edits.iter().any(|e| chosen.iter().any(|c| e.range.start < c.range.end && c.range.start < e.range.end));
            if *pick && !overlaps {
                chosen.extend(&fix.edits);
            }
        }
        chosen.sort_by_key(|e| (e.range.start, e.range.end));
        let edits: Vec<Edit> = chosen.into_iter().cloned().collect();

        // The model: untouched text between edits, each new text in its place.
        let mut expected = String::new();
        let mut placed = Vec::new();
        let mut last = 0;
        for e in &edits {
            expected.push_str(&text[last..e.range.start]);
            placed.push(expected.len()..expected.len() + e.new_text.len());
            expected.push_str(&e.new_text);
            last = e.range.end;
        }
        expected.push_str(&text[last..]);

        let fixed = apply_through_positions(&text, &edits, enc);
        prop_assert_eq!(&fixed, &expected);
        for (e, at) in edits.iter().zip(&placed) {
            prop_assert_eq!(&fixed[at.clone()], e.new_text.as_str());
        }
    }

    #[test]
    fn fixed_names_are_not_flagged_again(text in draft(), format in format()) {
        let analysis = run(&text, format);
        let edits: Vec<Edit> = analysis
            .findings
            .iter()
            .filter(|f| f.code.as_str() == "name-misspelling")
            .flat_map(|f| &f.fixes)
            .flat_map(|x| &x.edits)
            .cloned()
            .collect();
        let mut taken: Vec<&Edit> = Vec::new();
        for e in &edits {
            if taken.iter().all(|t| e.range.end <= t.range.start || t.range.end <= e.range.start) {
                taken.push(e);
            }
        }
        let taken: Vec<Edit> = taken.into_iter().cloned().collect();
        let fixed = apply_through_positions(&text, &taken, Encoding::Utf16);
        let again = run(&fixed, format);
        let flagged: Vec<&str> = again
            .findings
            .iter()
            .filter(|f| f.code.as_str() == "name-misspelling")
            .map(|f| &fixed[f.range.clone()])
            .collect();
        let canonical: Vec<&str> = taken.iter().map(|e| e.new_text.as_str()).collect();
        prop_assert!(flagged.iter().all(|w| !canonical.contains(w)), "a fixed name is flagged again: {:?}", flagged);
    }
}

/// The properties above say nothing if the drafts carry no findings: many must (89 of 200 do).
#[test]
fn generated_drafts_carry_fixes() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = draft();
    let with_fixes = (0..200)
        .filter(|_| {
            let text = strategy.new_tree(&mut runner).unwrap().current();
            run(&text, Format::Markdown)
                .findings
                .iter()
                .any(|f| !f.fixes.is_empty())
        })
        .count();
    assert!(
        with_fixes >= 60,
        "only {with_fixes} of 200 drafts have a fix"
    );
}
