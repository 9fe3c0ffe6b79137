//! The default registry compiled into the binary (issue 13): it loads with no problem, holds the
//! dated roles the sources give, finds every current head of state and government by name, and
//! makes no false name or title finding on clean stories about world politics.

use copydesk::analysis::{analyze, parse_date, Code, Format, Settings};
use copydesk::registry::{
    check_references, default_file, default_index, default_registry, parse_registry, Kind,
    Registry, RoleOf, DEFAULT_INDEX, DEFAULT_REGISTRY_JSON,
};
use std::sync::OnceLock;

fn registry() -> &'static Registry {
    static R: OnceLock<Registry> = OnceLock::new();
    R.get_or_init(default_registry)
}

/// Settings for a story dated `date` (YYYY-MM-DD), every code at its default.
fn settings_on(date: &str) -> Settings {
    let date = parse_date(date).unwrap();
    Settings {
        date: Some(date),
        today: date,
        severity: Default::default(),
        historical: Default::default(),
    }
}

fn findings(text: &str, date: &str) -> Vec<(Code, String)> {
    let settings = settings_on(date);
    analyze(text, Format::Markdown, registry(), &settings)
        .findings
        .into_iter()
        .filter(|f| f.code != Code::UnattributedClaim && f.code != Code::IncompleteAttribution)
        .map(|f| (f.code, f.message))
        .collect()
}

/// A role of the entity with this name, as (title, of, start, end).
fn roles(name: &str) -> Vec<(String, String, String, String)> {
    let r = registry();
    let e = r
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("{name} is in the default registry"));
    let d = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    e.roles
        .iter()
        .map(|role| {
            let of = role.of.as_ref().map_or("", |o| r.of_name(o)).to_string();
            (role.title.clone(), of, d(role.start), d(role.end))
        })
        .collect()
}

fn has_role(name: &str, title: &str, of: &str, start: &str, end: &str) {
    let want = (title.into(), of.into(), start.into(), end.into());
    let rs = roles(name);
    assert!(rs.contains(&want), "{name}: {rs:?} has no {want:?}");
}

#[test]
fn the_default_registry_loads_with_no_problem_and_says_where_it_comes_from() {
    let file = parse_registry("default", DEFAULT_REGISTRY_JSON).expect("it parses");
    assert!(check_references(&[file]).is_empty());
    let file = default_file();
    assert!(file.entities.len() > 2000, "{}", file.entities.len());
    assert!(file.as_of.is_some());
    let licences: Vec<_> = file
        .sources
        .iter()
        .filter_map(|s| s.licence.as_deref())
        .collect();
    assert!(licences.contains(&"public domain") && licences.contains(&"CC0-1.0"));
    assert!(file.sources.iter().take(2).all(|s| s.commit.is_some()));
}

/// The embedded index (what `copydesk check` reads when no registry is named, for start-up
/// speed) is the one written from the JSON; when it is stale this rewrites it and fails, as
/// `generated_docs` does: commit the new file. A stale index would not be wrong (the JSON is
/// then used), only slow.
#[test]
fn the_embedded_default_index_is_generated_from_the_json() {
    let fresh = default_index();
    if fresh != DEFAULT_INDEX {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/crates/core/data/default-registry.idx"
        );
        std::fs::write(path, &fresh).unwrap();
        panic!("{path} was stale and has been rewritten: commit it");
    }
    assert!(registry().mapped().is_some(), "the index is used");
    assert_eq!(registry().len(), default_file().entities.len());
}

/// The Factbook spelled Netanyahu's given name three ways over the years; the generator once made
/// three people of him, so "Prime Minister Benjamin Netanyahu" in 2025 read as a stale title.
#[test]
fn a_leader_respelled_by_the_factbook_stays_one_person() {
    for spelling in ["Benjamin", "Binyamin", "Benyamin"] {
        let text = format!("Prime Minister {spelling} Netanyahu spoke in Jerusalem on Monday.\n");
        assert_eq!(findings(&text, "2025-03-03"), vec![], "{spelling}");
    }
}

/// A new spelling in the Factbook for a few days ("RUHANI", then "ROHANI") or a deputy's start
/// date must not end a leader's role: both leaders held office through 2016.
#[test]
fn a_respelling_or_a_deputy_does_not_end_a_leaders_role() {
    for text in [
        "Iranian President Hassan Rouhani spoke in Tehran on Monday.\n",
        "Prime Minister Hailemariam Desalegn spoke in Addis Ababa on Monday.\n",
    ] {
        assert_eq!(findings(text, "2016-06-01"), vec![], "{text}");
    }
    has_role(
        "Hailemariam Desalegn",
        "prime minister",
        "Ethiopia",
        "2012-09-21",
        "2018-04-02",
    );
}

/// A Factbook spelling that gained its accents is the same person, not a second entity.
#[test]
fn a_name_that_gained_diacritics_is_one_person() {
    for (accented, plain) in [
        ("Andrés Manuel López Obrador", "Andres Manuel Lopez Obrador"),
        ("Alberto Ángel Fernández", "Alberto Angel Fernandez"),
    ] {
        let people = |name: &str| registry().iter().filter(|e| e.name == name).count();
        assert_eq!((people(accented), people(plain)), (1, 0), "{accented}");
    }
}

/// Two separate terms are two roles of one person, not one role from the later start.
#[test]
fn leaders_who_served_two_terms_have_both() {
    has_role(
        "Robert Fico",
        "prime minister",
        "Slovakia",
        "2012-04-04",
        "2018-03-22",
    );
    has_role(
        "Robert Fico",
        "prime minister",
        "Slovakia",
        "2023-10-25",
        "",
    );
}

#[test]
fn british_prime_ministers_since_2010_have_their_dates() {
    has_role(
        "David Cameron",
        "prime minister",
        "United Kingdom",
        "2010-05-11",
        "2016-07-13",
    );
    has_role(
        "Theresa May",
        "prime minister",
        "United Kingdom",
        "2016-07-13",
        "2019-07-24",
    );
    has_role(
        "Boris Johnson",
        "prime minister",
        "United Kingdom",
        "2019-07-24",
        "2022-09-06",
    );
    has_role(
        "Mary Elizabeth Truss",
        "prime minister",
        "United Kingdom",
        "2022-09-06",
        "2022-10-25",
    );
    has_role(
        "Rishi Sunak",
        "prime minister",
        "United Kingdom",
        "2022-10-25",
        "2024-07-05",
    );
    has_role(
        "Keir Starmer",
        "prime minister",
        "United Kingdom",
        "2024-07-05",
        "",
    );
}

#[test]
fn us_presidents_and_vice_presidents_have_their_terms() {
    has_role(
        "Donald Trump",
        "president",
        "United States",
        "2017-01-20",
        "2021-01-20",
    );
    has_role(
        "Donald Trump",
        "president",
        "United States",
        "2025-01-20",
        "",
    );
    has_role(
        "Joseph Biden",
        "vice president",
        "United States",
        "2009-01-20",
        "2017-01-20",
    );
    has_role(
        "Joseph Biden",
        "president",
        "United States",
        "2021-01-20",
        "2025-01-20",
    );
}

#[test]
fn congress_members_are_found_by_nickname() {
    let f = findings(
        "Senator Chuck Schumer said on Tuesday that he would vote no.",
        "2025-03-12",
    );
    assert!(f.is_empty(), "{f:?}");
    let a = analyze_mentions("Senator Chuck Schumer spoke.", "2025-03-12");
    assert!(a.contains(&"Charles E. Schumer".to_string()), "{a:?}");
}

fn analyze_mentions(text: &str, date: &str) -> Vec<String> {
    let settings = settings_on(date);
    analyze(text, Format::Text, registry(), &settings)
        .mentions
        .iter()
        .map(|m| registry().entity(m.entity).name.clone())
        .collect()
}

#[test]
fn right_names_and_titles_give_nothing_and_a_misspelling_is_found() {
    assert_eq!(
        findings(
            "Prime Minister Keir Starmer said on Monday that talks would go on.",
            "2025-06-02"
        ),
        vec![]
    );
    assert_eq!(
        findings(
            "President Xi Jinping met the delegation in Beijing, officials said.",
            "2025-06-02"
        ),
        vec![]
    );
    let f = findings(
        "Prime Minister Keir Starmar said on Monday that talks would go on.",
        "2025-06-02",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, Code::NameMisspelling);
    assert!(f[0].1.contains("Keir Starmer"), "{f:?}");
}

/// The default registry writes the Factbook's names, mostly without diacritics and in its own
/// transliteration: the name with its diacritics or in common usage is the same name, and so are
/// correct short forms; a typo still is a misspelling, on second reference too.
#[test]
fn names_as_news_writes_them_are_not_misspellings() {
    for text in [
        "João Lourenço met reporters in Luanda on Monday, officials said.",
        "Bashar al-Assad met reporters in Damascus on Monday, officials said.",
        "Hassan Rouhani met reporters in Tehran on Monday, officials said.",
        "Lula met reporters in Brasília on Monday, officials said.",
        "Liz Truss met reporters in London on Monday, officials said.",
        "Luiz Inácio Lula da Silva met reporters on Monday. Lula said the talks would go on.",
    ] {
        let names: Vec<_> = findings(text, "2023-06-01")
            .into_iter()
            .filter(|(c, _)| *c == Code::NameMisspelling)
            .collect();
        assert_eq!(names, vec![], "{text}");
    }
    let named = analyze_mentions(
        "João Lourenço met reporters in Luanda on Monday.",
        "2023-06-01",
    );
    assert_eq!(named[0], "Joao Manuel Goncalves Lourenco");
    let f = findings(
        "Benjamin Netanyahu met reporters on Monday. Netanyahoo said the talks would go on.",
        "2023-06-01",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].1.contains("\"Netanyahoo\""), "{f:?}");
}

/// A near-namesake of a built-in person, written the same way throughout and never as the
/// registry's name, is another person: James Comey is not James Comer misspelled. A typo
/// written once still is one.
#[test]
fn a_near_namesake_written_throughout_is_another_person() {
    let names = |text: &str| -> Vec<_> {
        findings(text, "2017-06-01")
            .into_iter()
            .filter(|(c, _)| *c == Code::NameMisspelling)
            .collect()
    };
    let text = "James Comey testified on Tuesday. Comey told senators the inquiry was open, \
                and Comey's deputy agreed, officials said.";
    assert_eq!(names(text), vec![], "{text}");
    let once = "James Comey testified on Tuesday, officials said.";
    assert_eq!(names(once).len(), 1, "{once}");
}

/// Found on real US political news: lone words one letter away from a country or its people
/// are other places and words, not misspellings; a dropped letter still is one (so "Americas"
/// is still read as "Americans" misspelled: a known false flag).
#[test]
fn other_places_near_a_country_are_not_misspellings() {
    let text = "Voters in Indiana and students at Columbia met delegates from Chile, \
                officials said.";
    let names: Vec<_> = findings(text, "2025-06-02")
        .into_iter()
        .filter(|(c, _)| *c == Code::NameMisspelling)
        .collect();
    assert_eq!(names, vec![], "{text}");
    let typo = "Delegates from Colmbia arrived in Geneva, officials said.";
    let f = findings(typo, "2025-06-02");
    assert!(
        f.iter()
            .any(|(c, m)| *c == Code::NameMisspelling && m.contains("Colombia")),
        "{f:?}"
    );
}

/// Nationality words are forms of their country, never misspellings of it.
#[test]
fn demonyms_are_correct_words_that_name_the_country() {
    let text = "German, French, Chinese, Iraqi, Dutch, Japanese, Russian and Brazilian \
                officials met Germans, Britons and Americans in Geneva, a spokesman said.";
    assert_eq!(findings(text, "2025-06-02"), vec![]);
    let named = analyze_mentions("German officials met French diplomats.", "2025-06-02");
    assert_eq!(named, vec!["Germany", "France"]);
}

/// Every head of state or government in office on the registry's date is found by the name
/// the registry gives, and by each other correct form, with no finding.
#[test]
fn every_current_head_of_state_and_government_is_found_by_name() {
    let r = registry();
    let as_of = default_file().as_of.unwrap();
    let date = as_of.to_string();
    let mut checked = 0;
    for (i, e) in r.iter().enumerate() {
        let leads = e.kind == Kind::Person
            && e.roles.iter().any(|role| {
                role.held_on(as_of)
                    && matches!(&role.of, Some(RoleOf::Entity(id)) if r.get(id.as_str()).is_some_and(|p| p.kind == Kind::Place))
            });
        if !leads {
            continue;
        }
        for form in std::iter::once(&e.name).chain(&e.aliases) {
            let text = format!("{form} spoke to reporters on Monday, an official said.");
            let found = analyze_mentions(&text, &date);
            assert!(
                found.iter().any(|n| n == &e.name),
                "{form} ({}) not found: {found:?}",
                r.entity(i as u32).id
            );
            let f = findings(&text, &date);
            assert!(f.is_empty(), "{form}: {f:?}");
            checked += 1;
        }
    }
    assert!(checked > 250, "{checked}");
}

/// Stories written for this test (not copied from anywhere) about world politics: the default
/// registry must not flag a correct name or title in them.
#[test]
fn clean_world_stories_give_no_name_or_title_finding() {
    let stories = [
        ("summit.md", include_str!("../corpus/world/summit.md")),
        ("election.md", include_str!("../corpus/world/election.md")),
        ("congress.md", include_str!("../corpus/world/congress.md")),
        ("mideast.md", include_str!("../corpus/world/mideast.md")),
    ];
    for (name, text) in stories {
        let date = text.lines().find_map(|l| l.strip_prefix("date: ")).unwrap();
        let f = findings(text, date);
        assert!(f.is_empty(), "{name}: {f:#?}");
    }
}

fn run(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn export_default_writes_the_built_in_registry() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["registry", "export-default"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        DEFAULT_REGISTRY_JSON
    );
}

#[test]
fn the_default_registry_is_used_when_no_registry_is_named_and_can_be_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let story = "date 2025-06-02 Talks\n\nPrime Minister Keir Starmar said on Monday that talks would go on.\n";
    std::fs::write(dir.path().join("story.txt"), story).unwrap();
    let out = run(dir.path(), &["check", "--format", "json", "story.txt"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("\"entity\": \"keir-starmer\"")
            || text.contains("\"entity\":\"keir-starmer\""),
        "{text}"
    );
    let off = run(dir.path(), &["check", "--no-default-registry", "story.txt"]);
    assert_eq!(off.status.code(), Some(0));
    std::fs::write(
        dir.path().join("copydesk.json"),
        r#"{"default_registry": "off"}"#,
    )
    .unwrap();
    assert_eq!(
        run(dir.path(), &["check", "story.txt"]).status.code(),
        Some(0)
    );
}

/// A newsroom entity with a default entity's name wins, and is reported once as a warning at
/// its own file, line and column; a role may be held in a default country.
#[test]
fn merging_prefers_the_newsroom_entry_and_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("copydesk.json"),
        r#"{"registries": ["people.json"], "default_registry": "merge"}"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("people.json"),
        "{\"version\": 1, \"entities\": [\n  {\"id\": \"starmer\", \"kind\": \"person\", \"name\": \"Keir Starmer\",\n   \"roles\": [{\"title\": \"prime minister\", \"of\": \"united-kingdom\", \"start\": \"2024-07-05\"}]}\n]}\n",
    )
    .unwrap();
    let story = "date 2025-06-02 Talks\n\nPrime Minister Keir Starmar met Chancellor Friedrich Merz on Monday, officials said.\n";
    std::fs::write(dir.path().join("story.txt"), story).unwrap();
    let out = run(dir.path(), &["check", "--format", "json", "story.txt"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(
        warnings[0].contains("people.json:2:10: `starmer` has the same name as the default registry's `keir-starmer`"),
        "{stderr}"
    );
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let entities: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["entity"].as_str())
        .collect();
    assert_eq!(entities, vec!["starmer"], "{stdout}");
}

/// A holder's end across a gap in the Factbook's history (none between March 2017 and November
/// 2020): the next head of the same slot's start ends it, whatever that head's title, so a prime
/// minister followed by a president heading the government ends when the president began.
#[test]
fn a_role_ends_when_the_next_head_of_its_slot_began() {
    has_role(
        "Hwang Kyo-ahn",
        "prime minister",
        "South Korea",
        "2015-06-18",
        "2017-05-10",
    );
    has_role(
        "Binali Yildirim",
        "prime minister",
        "Turkey",
        "2016-05-22",
        "2018-07-09",
    );
}

/// "ABIY Ahmed" (with start dates) and "ABIY Ahmed Ali" (with none) are one man, whose role starts
/// when he first took office, not at his re-election; and a respelling with no start date
/// ("GUNAWARDENE") is the dated holder.
#[test]
fn respellings_with_no_start_date_are_one_person() {
    let named = |part: &str| {
        registry()
            .iter()
            .filter(|e| e.kind == Kind::Person && e.name.contains(part))
            .count()
    };
    assert_eq!(named("Abiy"), 1);
    assert_eq!(named("Gunawarden"), 1);
    has_role(
        "Abiy Ahmed Ali",
        "prime minister",
        "Ethiopia",
        "2018-04-02",
        "",
    );
    let text = "Prime Minister Abiy Ahmed spoke in Addis Ababa on Monday.\n";
    assert_eq!(findings(text, "2019-06-03"), vec![]);
}

/// Two people whose given names differ by a syllable are two people: Li Keqiang is not Li Qiang
/// respelled.
#[test]
fn li_keqiang_and_li_qiang_are_two_premiers() {
    has_role("Li Keqiang", "premier", "China", "2013-03-16", "2023-03-11");
    has_role("Li Qiang", "premier", "China", "2023-03-11", "");
}

/// World regions the Factbook names are places, so their names are correct words ("Americas"
/// is no misspelling of America).
#[test]
fn world_regions_are_places() {
    for name in [
        "Americas",
        "Latin America",
        "Sub-Saharan Africa",
        "Middle East",
        "Southeast Asia",
    ] {
        let e = registry().iter().find(|e| e.name == name);
        assert!(e.is_some_and(|e| e.kind == Kind::Place), "{name}");
    }
    let text = "Aid to poorer parts of the Americas and of Southern Asia fell, the report said.\n";
    assert_eq!(findings(text, "2024-02-01"), vec![]);
}

/// A leader written with a nickname in quotation marks, or with a re-election noted beside the
/// start date ('Joko "Jokowi" WIDODO (since 20 October 2014, reelected ...)'), is still read.
#[test]
fn a_quoted_nickname_or_a_reelection_note_keeps_the_leader() {
    has_role(
        "Joko Widodo",
        "president",
        "Indonesia",
        "2014-10-20",
        "2024-10-20",
    );
    has_role(
        "Simon William English",
        "prime minister",
        "New Zealand",
        "2016-12-12",
        "2017-10-26",
    );
}
