//! Half-typed and odd input around names and titles: no check fails, every range is valid.

use copydesk::analysis::{analyze, Format, Settings, SeverityMap};
use copydesk::registry::{parse_registry, Registry};

const REGISTRY: &str = include_str!("../fixtures/parliament/registry.json");

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
            historical: Default::default(),
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
