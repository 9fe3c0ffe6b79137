//! The benchmark data generator: its registries pass the strict loader, its drafts mention
//! registry entities (some misspelled), and it is deterministic. Also a quick smoke run of the
//! analysis the benches time.

use crate::gen;

use copydesk::analysis::{analyze, Code, Format, Settings, SeverityMap};
use copydesk::registry::{check_references, parse_registry, Registry};

#[test]
fn generated_registry_passes_the_strict_loader() {
    let text = gen::registry_json(3_000);
    let file = parse_registry("generated.json", &text).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(file.entities.len(), 3_000);
    assert!(check_references(&[file]).is_empty());
}

#[test]
fn generation_is_deterministic_and_prefix_stable() {
    assert_eq!(gen::registry_json(50), gen::registry_json(50));
    let small = gen::registry_json(20);
    let large = gen::registry_json(40);
    let prefix = small.trim_end_matches("\n]}\n");
    assert!(large.starts_with(prefix));
    let draft = gen::draft(gen::Size::Words(500), 1);
    assert_eq!(draft, gen::draft(gen::Size::Words(500), 1));
}

#[test]
fn generated_draft_is_dense_with_mentions() {
    let text = gen::registry_json(gen::draft::POOL);
    let registry = Registry::new([parse_registry("g.json", &text).unwrap().entities]);
    let draft = gen::draft(gen::Size::Words(2_000), 1);
    let words = draft.split_whitespace().count();
    assert!((2_000..2_300).contains(&words), "{words} words");
    let settings = Settings {
        date: None,
        today: time::macros::date!(2026 - 01 - 15),
        severity: SeverityMap::default(),
        historical: Default::default(),
    };
    let analysis = analyze(&draft, Format::Markdown, &registry, &settings);
    assert!(analysis.failed_checks.is_empty());
    assert!(
        analysis.mentions.len() > 100,
        "{} mentions",
        analysis.mentions.len()
    );
    let misspelled = analysis
        .findings
        .iter()
        .filter(|f| f.code == Code::NameMisspelling)
        .count();
    assert!(misspelled >= 2, "{misspelled} misspellings");
}
