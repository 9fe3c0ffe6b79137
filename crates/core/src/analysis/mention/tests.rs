//! Tests of mention finding and misspelling reads, one small registry and one line each.

use crate::analysis::{analyze, Code, Format, Settings, SeverityMap};
use crate::registry::{parse_registry, Registry};

const REGISTRY: &str = r#"{"version": 1, "entities": [
  {"id": "lula", "kind": "person", "name": "Luiz Inácio Lula da Silva", "family_name": "Lula", "aliases": ["Lula"]},
  {"id": "dmitry-peskov", "kind": "person", "name": "Dmitry Peskov"},
  {"id": "li-qiang", "kind": "person", "name": "Li Qiang", "family_name": "Li"},
  {"id": "zhao-leji", "kind": "person", "name": "Zhao Leji", "family_name": "Zhao"},
  {"id": "olaf-scholz", "kind": "person", "name": "Olaf Scholz"},
  {"id": "kaja-kallas", "kind": "person", "name": "Kaja Kallas"},
  {"id": "lai-ching-te", "kind": "person", "name": "Lai Ching-te", "family_name": "Lai"},
  {"id": "marine-le-pen", "kind": "person", "name": "Marine Le Pen", "family_name": "Le Pen"},
  {"id": "ahmed-aboul-gheit", "kind": "person", "name": "Ahmed Aboul Gheit", "family_name": "Aboul Gheit"},
  {"id": "ursula-von-der-leyen", "kind": "person", "name": "Ursula von der Leyen", "family_name": "von der Leyen"},
  {"id": "recep-tayyip-erdogan", "kind": "person", "name": "Recep Tayyip Erdoğan"},
  {"id": "spd", "kind": "organization", "name": "Social Democratic Party", "aliases": ["Social Democrats"]},
  {"id": "morena", "kind": "organization", "name": "Morena"},
  {"id": "berlin", "kind": "place", "name": "Berlin"},
  {"id": "paris", "kind": "place", "name": "Paris"}
]}"#;

/// Each `name-misspelling` as (what is written, what the fix writes).
fn flagged(text: &str) -> Vec<(String, String)> {
    let registry = Registry::new([parse_registry("test", REGISTRY).unwrap().entities]);
    let settings = Settings {
        date: None,
        today: time::macros::date!(2025 - 01 - 01),
        severity: SeverityMap::default(),
        historical: Default::default(),
    };
    analyze(text, Format::Markdown, &registry, &settings)
        .findings
        .into_iter()
        .filter(|f| f.code == Code::NameMisspelling)
        .map(|f| {
            let fix = f.fixes[0].edits[0].new_text.clone();
            (text[f.range].to_string(), fix)
        })
        .collect()
}

fn check(text: &str, expect: &[(&str, &str)]) {
    let got = flagged(text);
    let expect: Vec<(String, String)> = expect
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, expect, "in {text:?}");
}

#[test]
fn a_misspelled_name_takes_in_its_correct_alias() {
    check(
        "Luis Inácio Lula da Silva spoke.",
        &[("Luis Inácio Lula da Silva", "Luiz Inácio Lula da Silva")],
    );
}

#[test]
fn other_gender_forms_are_other_people() {
    check("Elizaveta Peskova met Dmitry Peskov. Peskova said so.", &[]);
}

#[test]
fn one_pinyin_syllable_off_is_another_name() {
    check("Li Qing and Zhao Lei spoke.", &[]);
    check("Li Quiang spoke.", &[("Li Quiang", "Li Qiang")]);
}

#[test]
fn a_family_name_written_in_full_for_someone_else_is_theirs() {
    check("Olaf Scholz met Martin Schulz. Schulz said no.", &[]);
    check(
        "Olaf Scholz spoke. Schulz said no.",
        &[("Schulz", "Scholz")],
    );
}

#[test]
fn words_made_from_names_are_not_misspellings() {
    check("A Social Democrat read the Berliner Zeitung.", &[]);
}

#[test]
fn a_family_name_after_a_given_name_is_a_person() {
    check("Ecuador's Lenín Moreno attended.", &[]);
}

#[test]
fn hyphenated_names_compare_whole() {
    check("Lai Ching-teh spoke.", &[("Lai Ching-teh", "Lai Ching-te")]);
    check("Jean-Marie Le Pen died.", &[]);
}

#[test]
fn second_references_of_several_words_and_diacritics() {
    check(
        "Ahmed Aboul Gheit spoke. Abul Gheit said.",
        &[("Abul Gheit", "Aboul Gheit")],
    );
    check(
        "Recep Tayyip Erdoğan spoke. Erdogan's aide said.",
        &[("Erdogan", "Erdoğan")],
    );
    check(
        "Ursula von der Leyen spoke. Von der Leyen said. Von der Leyden said.",
        &[("Von der Leyden", "Von der Leyen")],
    );
}

#[test]
fn a_lone_word_needs_its_first_letter_and_a_telling_capital() {
    check("Kaja Kallas spoke in Dallas on Monday.", &[]);
    check("## Stock Merlin Rise As Markets Calm", &[]);
    check("She flew to Berlni on Monday.", &[("Berlni", "Berlin")]);
}

/// A story searched with its later half ahead (see `ahead.rs`) reads as when searched in order:
/// here a family name the first half gives to someone the registry does not know ("Martin
/// Schulz") changes how the later half reads it, so the search ahead's reading of those blocks
/// is not the story's.
#[test]
fn searching_the_later_half_ahead_finds_what_one_reading_does() {
    use super::{find_splitting, Memo};
    use crate::analysis::{tokens::Tokens, Document};
    let registry = Registry::new([parse_registry("test", REGISTRY).unwrap().entities]);
    let mut text = String::from("Martin Schulz spoke in Berlin.\n\n");
    for i in 0..120 {
        text.push_str(&format!(
            "Olaf Sholz met Kaja Kallas in Paris on day {i}. Scholz said talks went well.\n\n\
             Schulz, who chairs Morena, left for Berln. Li Qiang arrived later.\n\n"
        ));
    }
    let document = Document::parse(&text, Format::Markdown);
    let tokens = Tokens::new(&document);
    let find = |min_split| {
        find_splitting(&tokens, &registry, &Memo::default(), &|| false, min_split)
            .unwrap()
            .0
    };
    let in_order = find(usize::MAX);
    assert!(in_order.len() > 600, "{}", in_order.len());
    assert_eq!(find(0), in_order);
    assert_eq!(find(text.len() / 3), in_order);
}
