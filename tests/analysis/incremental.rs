//! Re-checking an edited draft with `reanalyze` gives exactly what a full `analyze` gives:
//! mentions, titles and findings (with their byte ranges, which move as an edit shifts the
//! text), over random sequences of edits to the fixture drafts and a generated draft, each with
//! its registry. An edit deletes a stretch and inserts a piece of the draft itself (names,
//! quotations, attributions) or a fragment that changes what blocks carry into the next ones:
//! a paragraph break, an opening quotation mark, a colon, a name written in full.

use crate::drafts::{drafts, registry_for};
use crate::gen;
use copydesk::analysis::{analyze, reanalyze, Analysis, Format, Settings, SeverityMap};
use copydesk::fixture::strip;
use copydesk::registry::{parse_registry, Kind, Registry};
use proptest::prelude::*;
use std::path::Path;
use std::sync::LazyLock;

/// A draft with its format and registry.
struct Case {
    name: String,
    text: String,
    format: Format,
    registry: Registry,
    /// Names whose reading depends on earlier blocks: a one-word place's or organisation's
    /// name with a letter dropped, and a person's family name with one changed, each alone
    /// (a misspelling; of the person's name only after it was written in full) and after a
    /// given name (someone else, which makes the later lone word that person, not a
    /// misspelling); and the registry names in full.
    names: Vec<String>,
}

/// Fragments of names for [`Case::names`].
fn names(registry: &Registry) -> Vec<String> {
    let (mut people, mut others) = (Vec::new(), Vec::new());
    for i in 0..registry.len() as u32 {
        let entity = registry.entity(i);
        let person = entity.kind == Kind::Person;
        let word = if person {
            entity.family_name()
        } else {
            &entity.name
        };
        if word.len() < 7 || !word.is_ascii() || word.contains(' ') {
            continue;
        }
        let mut typo = word.to_string();
        let at = typo.len() / 2;
        let changed = match (person, &typo[at..=at]) {
            (false, _) => "",
            (true, "e") => "a",
            (true, _) => "e",
        };
        typo.replace_range(at..=at, changed);
        let list = if person { &mut people } else { &mut others };
        if list.len() < 6 {
            list.extend([
                format!(" Anna {typo} "),
                format!(" and {typo} "),
                format!(" {} ", entity.name),
            ]);
        }
    }
    people.extend(others);
    people
}

fn registry(name: &str, json: &str) -> Registry {
    Registry::new([parse_registry(name, json).unwrap().entities])
}

static CASES: LazyLock<Vec<Case>> = LazyLock::new(|| {
    let mut paths = Vec::new();
    drafts(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/drafts"),
        &mut paths,
    );
    let mut cases: Vec<Case> = paths
        .iter()
        .map(|p| {
            let registry = registry_for(p);
            Case {
                name: p.display().to_string(),
                text: strip(&std::fs::read_to_string(p).unwrap()),
                format: Format::from_path(&p.to_string_lossy()),
                names: names(&registry),
                registry,
            }
        })
        .collect();
    let generated = registry("g.json", &gen::registry_json(gen::draft::POOL));
    cases.push(Case {
        name: "generated".into(),
        text: gen::draft(gen::Size::Words(600), 3),
        format: Format::Markdown,
        names: names(&generated),
        registry: generated,
    });
    cases
});

/// A story short enough that random edits often land where one paragraph hands attribution
/// to the next: a lead-in, a quotation left open, a quotation nobody is said to have said.
static QUOTATIONS: LazyLock<Case> = LazyLock::new(|| Case {
    name: "quotations".into(),
    text: QUOTATIONS_TEXT.into(),
    format: Format::Markdown,
    names: Vec::new(),
    registry: registry("empty.json", r#"{"version": 1, "entities": []}"#),
});

const QUOTATIONS_TEXT: &str = "The council met on Tuesday. The mayor said:

\u{201C}The bridge will be the longest in the region and the cheapest.\u{201D}

\u{201C}Work starts in March,\u{201D} the engineer said. \u{201C}The rock is hard.

\u{201C}We have never dug through rock this old, and it will cost more.\u{201D}

Costs rose by 40 percent last year, the worst rise on record.

\u{201C}Nobody expected it.\u{201D} Ana Ruiz, the treasurer.
";

/// Fragments that change what a block carries into the next ones (mentions, an open quotation,
/// an attributed lead-in).
const FRAGMENTS: &[&str] = &[
    "\n\n",
    "\n",
    "\"",
    "\u{201C}",
    "\u{201D}",
    ":",
    ". ",
    " said. ",
    " she said:\n\n\u{201C}",
    ", according to ",
    " Martin Schulz ",
    " Schulz ",
    "> ",
    "- ",
    "# ",
    "<!-- copydesk-disable-next-line -->\n",
];

/// One edit: where (a fraction of the text), how many bytes to delete, and what to insert.
#[derive(Clone, Debug)]
struct Change {
    at: f64,
    delete: usize,
    insert: Insert,
}

#[derive(Clone, Debug)]
enum Insert {
    /// A stretch of the case's original text, from a fraction of it, so many bytes long.
    Piece(f64, usize),
    Fragment(&'static str),
    /// One of the case's [`Case::names`], by a fraction of their number.
    Name(f64),
}

fn change() -> impl Strategy<Value = Change> {
    let insert = prop_oneof![
        3 => (0.0..1.0f64, 0..60usize).prop_map(|(f, n)| Insert::Piece(f, n)),
        2 => prop::sample::select(FRAGMENTS).prop_map(Insert::Fragment),
        3 => (0.0..1.0f64).prop_map(Insert::Name),
    ];
    (
        0.0..1.0f64,
        prop_oneof![2 => Just(0usize), 1 => 0..40usize],
        insert,
    )
        .prop_map(|(at, delete, insert)| Change { at, delete, insert })
}

/// The char boundary at or before `at`.
fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, case: &Case, change: &Change) -> String {
    let original = &case.text;
    let start = floor(text, (change.at * text.len() as f64) as usize);
    let end = floor(text, start + change.delete).max(start);
    let inserted = match change.insert {
        Insert::Piece(from, len) => {
            let a = floor(original, (from * original.len() as f64) as usize);
            &original[a..floor(original, a + len).max(a)]
        }
        Insert::Fragment(f) => f,
        Insert::Name(f) if !case.names.is_empty() => {
            &case.names[(f * case.names.len() as f64) as usize % case.names.len()]
        }
        Insert::Name(_) => "",
    };
    format!("{}{inserted}{}", &text[..start], &text[end..])
}

fn settings() -> Settings {
    Settings {
        date: None,
        today: time::macros::date!(2026 - 01 - 01),
        severity: SeverityMap::default(),
        historical: Default::default(),
    }
}

fn assert_same(again: &Analysis, full: &Analysis, text: &str) {
    assert_eq!(again.mentions, full.mentions, "mentions of {text:?}");
    assert_eq!(again.titles, full.titles, "titles of {text:?}");
    assert_eq!(again.findings, full.findings, "findings of {text:?}");
    assert_eq!(again.date, full.date);
    assert!(again.failed_checks.is_empty(), "{:?}", again.failed_checks);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_re_check_after_any_edits_equals_a_full_check(
        which in 0..64usize,
        changes in prop::collection::vec(change(), 1..8),
    ) {
        re_check_each(&CASES[which % CASES.len()], &changes);
    }

    #[test]
    fn quotations_re_checked_after_any_edits_equal_a_full_check(
        changes in prop::collection::vec(change(), 1..12),
    ) {
        re_check_each(&QUOTATIONS, &changes);
    }
}

/// Applies `changes` one by one, re-checking after each, and compares with a full check.
fn re_check_each(case: &Case, changes: &[Change]) {
    let settings = settings();
    let mut text = case.text.clone();
    let mut previous = analyze(&text, case.format, &case.registry, &settings);
    for change in changes {
        text = apply(&text, case, change);
        let again = reanalyze(&previous, &text, case.format, &case.registry, &settings);
        let full = analyze(&text, case.format, &case.registry, &settings);
        assert_same(&again, &full, &format!("{}: {text}", case.name));
        previous = again;
    }
}

/// A re-check against another registry (a reload) searches again: the same text gives the
/// new registry's mentions, not the old one's.
#[test]
fn a_re_check_against_another_registry_searches_again() {
    let case = CASES
        .iter()
        .find(|c| c.name.contains("parliament"))
        .unwrap();
    let settings = settings();
    let first = analyze(&case.text, case.format, &case.registry, &settings);
    assert!(!first.mentions.is_empty());
    let empty = registry("empty.json", r#"{"version": 1, "entities": []}"#);
    let again = reanalyze(&first, &case.text, case.format, &empty, &settings);
    assert!(again.mentions.is_empty());
    let reloaded = registry(
        "registry.json",
        include_str!("../drafts/parliament/registry.json"),
    );
    let back = reanalyze(&again, &case.text, case.format, &reloaded, &settings);
    assert_same(
        &back,
        &analyze(&case.text, case.format, &reloaded, &settings),
        "parliament",
    );
}

/// A lone family name one letter off a registry person's is a misspelling, unless someone of
/// that name was written in full before: writing that full name in an earlier paragraph
/// changes what the later, unedited paragraph says.
#[test]
fn an_edit_before_a_paragraph_changes_what_it_reads() {
    let case = CASES
        .iter()
        .find(|c| c.name.contains("parliament"))
        .unwrap();
    let lone = case
        .names
        .iter()
        .rfind(|n| n.starts_with(" and "))
        .expect("a place or an organisation");
    let full = lone.replace(" and ", " Anna ");
    let settings = settings();
    let before = format!("The talks ended.\n\nThe minister met{lone}on Monday.\n");
    let after = format!("The talks ended with{full}there.\n\nThe minister met{lone}on Monday.\n");
    let first = analyze(&before, Format::Markdown, &case.registry, &settings);
    assert_eq!(
        first.mentions.len(),
        1,
        "{lone} is a misspelling: {:?}",
        first.mentions
    );
    let again = reanalyze(&first, &after, Format::Markdown, &case.registry, &settings);
    assert!(
        again.mentions.is_empty(),
        "{full} is someone else: {:?}",
        again.mentions
    );
    let back = reanalyze(&again, &before, Format::Markdown, &case.registry, &settings);
    assert_eq!(back.mentions, first.mentions);
}

/// What a paragraph's attribution reads from the one before it (a lead-in ending in a colon,
/// a quotation left open) changes with an edit there: the later, unedited paragraph is read
/// again with what it now receives, not reused from the last analysis.
#[test]
fn an_edit_before_a_paragraph_changes_its_attribution() {
    let empty = registry("empty.json", r#"{"version": 1, "entities": []}"#);
    let quote = "\u{201C}The new tunnel will be the longest in the country and the most expensive.\u{201D}\n";
    let led = format!("The engineer stood by the entrance on Friday. She said:\n\n{quote}");
    let bare = format!("The engineer stood by the entrance on Friday.\n\n{quote}");
    let open = format!(
        "\u{201C}We start digging in March,\u{201D} the engineer said. \u{201C}The rock is hard.\n\n{quote}"
    );
    let settings = settings();
    let full = |text: &str| analyze(text, Format::Markdown, &empty, &settings);
    let in_quote = |a: &Analysis| {
        a.findings
            .iter()
            .filter(|f| f.range.start >= a.document.blocks[1].source_range(0..0).start)
            .count()
    };
    assert_eq!(
        in_quote(&full(&led)),
        0,
        "the lead-in attributes the quotation"
    );
    assert!(in_quote(&full(&bare)) > 0, "nobody is said to say it");
    let mut previous = full(&led);
    for text in [&bare, &led, &open, &bare, &open, &led] {
        let again = reanalyze(&previous, text, Format::Markdown, &empty, &settings);
        assert_same(&again, &full(text), text);
        previous = again;
    }
}
