//! The prebuilt registry index: an analysis against the mapped index finds exactly what it
//! finds against the JSON it was built from (on generated registries and drafts dense with
//! names, misspellings and titles), and the CLI reads an index wherever it reads a registry.

use crate::gen;

use copydesk::analysis::{analyze, Format, Settings, SeverityMap};
use copydesk::registry::mapped::{self, MappedRegistry, SourceStamp};
use copydesk::registry::{parse_registry, Registry};
use std::process::Command;

fn settings() -> Settings {
    Settings {
        date: None,
        today: time::macros::date!(2026 - 01 - 15),
        severity: SeverityMap::default(),
        historical: Default::default(),
    }
}

fn mapped(registry: &Registry) -> Registry {
    let stamp = SourceStamp {
        path: "generated.json".into(),
        size: 1,
        modified: (0, 0),
        fingerprint: 2,
    };
    let bytes = mapped::write(registry, std::slice::from_ref(&stamp)).unwrap();
    let index = MappedRegistry::open(Box::new(bytes)).unwrap();
    assert_eq!(index.sources(), &[stamp]);
    Registry::from_index(index)
}

#[test]
fn findings_with_the_index_equal_findings_with_the_json() {
    let text = gen::registry_json(12_000);
    let built = Registry::new([parse_registry("g.json", &text).unwrap().entities]);
    let index = mapped(&built);
    assert_eq!(index.len(), built.len());
    for (i, e) in built.iter().enumerate().step_by(997) {
        assert_eq!(index.entity(i as u32), e);
        assert_eq!(index.get(&e.id), Some(e));
    }
    assert_eq!(index.get("no-such-entity"), None);
    for seed in 1..=3 {
        let draft = gen::draft(gen::Size::Words(2_000), seed);
        let a = analyze(&draft, Format::Markdown, &built, &settings());
        let b = analyze(&draft, Format::Markdown, &index, &settings());
        assert!(a.findings.len() > 20, "{} findings", a.findings.len());
        assert_eq!(a.findings, b.findings, "seed {seed}");
        assert_eq!(a.mentions.len(), b.mentions.len());
    }
}

/// The index's table of word counts (which splits a common word's forms without reading
/// their records) gives every form's count as its record does, a long form's too; and a word
/// peeked alone is the word peeked with those before it.
#[test]
fn the_table_of_word_counts_agrees_with_the_forms() {
    let mut text = gen::registry_json(2_000);
    let long = vec!["Word"; 300].join(" ");
    let at = text.rfind(']').unwrap();
    text.insert_str(
        at,
        &format!(r#", {{"id": "long", "kind": "other", "name": "{long}"}}"#),
    );
    let built = Registry::new([parse_registry("g.json", &text).unwrap().entities]);
    let index = mapped(&built);
    let (a, b) = (built.index(), index.index());
    let mut id = 0;
    while a.peek_words(id, 0).0 > 0 {
        assert_eq!(b.word_count(id), a.word_count(id), "form {id}");
        assert_eq!(b.word_count(id), b.peek_words(id, 0).0, "form {id}");
        for k in 0..4 {
            let words = b.peek_words(id, k + 1).1;
            assert_eq!(b.peek_word(id, k), words.get(k).copied(), "form {id}");
            assert_eq!(a.peek_word(id, k), words.get(k).copied(), "form {id}");
        }
        id += 1;
    }
    assert!(id > 2_000 && a.word_count(id - 1) == 300, "{id}");
}

#[test]
fn an_empty_registry_makes_an_empty_index() {
    let index = mapped(&Registry::default());
    assert!(index.is_empty());
    let a = analyze("Zhao Leji said so.", Format::Markdown, &index, &settings());
    assert!(a.mentions.is_empty());
}

#[test]
fn the_cli_reads_an_index_as_it_reads_the_json_and_warns_when_it_is_stale() {
    let dir = tempfile::tempdir().unwrap();
    let path = |n: &str| dir.path().join(n);
    std::fs::write(path("r.json"), gen::registry_json(3_000)).unwrap();
    std::fs::write(path("d.md"), gen::draft(gen::Size::Words(1_000), 7)).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            stderr,
        )
    };
    let built = run(&["registry", "build", "r.json", "-o", "r.idx"]);
    assert_eq!(built.0, Some(0), "{}", built.2);
    let check = |registry: &str| {
        run(&[
            "check",
            "--date",
            "2026-01-15",
            "--format",
            "json",
            "--registry",
            registry,
            "d.md",
        ])
    };
    let (json, index) = (check("r.json"), check("r.idx"));
    assert!(json.1.contains("name-misspelling"), "{}", json.1);
    assert_eq!(json.1, index.1);
    assert_eq!(json.0, index.0);
    assert!(!index.2.contains("warning"), "{}", index.2);
    // An index beside other registries is merged like them.
    let both = run(&[
        "check",
        "--date",
        "2026-01-15",
        "--format",
        "json",
        "--registry",
        "r.idx",
        "--registry",
        "r.json",
        "d.md",
    ]);
    assert_eq!(both.1, json.1);
    // The source changes: the index still loads, with a warning naming the source.
    let mut text = std::fs::read_to_string(path("r.json")).unwrap();
    text.push('\n');
    std::fs::write(path("r.json"), text).unwrap();
    let stale = check("r.idx");
    assert_eq!(stale.1, json.1);
    assert!(
        stale.2.contains("warning: r.idx: built from"),
        "{}",
        stale.2
    );
    assert!(stale.2.contains("r.json, which has changed"), "{}", stale.2);
    // Building from an index is refused.
    let again = run(&["registry", "build", "r.idx", "-o", "x.idx"]);
    assert_eq!(again.0, Some(2));
    assert!(again.2.contains("r.idx: is an index"), "{}", again.2);
}

#[test]
fn the_index_keeps_each_files_as_of_and_sources() {
    let a = r#"{"version": 1, "as_of": "2024-05-01",
        "sources": [{"name": "Parliament list", "url": "https://example.org/list", "licence": "CC0"}],
        "entities": [
          {"id": "anna-berg", "kind": "person", "name": "Anna Berg",
           "roles": [{"title": "speaker", "of": "Riksdag"}]},
          {"id": "karl-lind", "kind": "person", "name": "Karl Lind"}]}"#;
    let b = r#"{"version": 1, "entities": [
          {"id": "karl-lind", "kind": "person", "name": "Karl Lindqvist"}]}"#;
    let files = [
        parse_registry("a.json", a).unwrap(),
        parse_registry("b.json", b).unwrap(),
    ];
    let built = Registry::from_files(files);
    let index = mapped(&built);
    for i in 0..built.len() as u32 {
        assert_eq!(index.entity(i), built.entity(i));
        assert_eq!(index.provenance(i), built.provenance(i));
        assert_eq!(index.known_until(i), built.known_until(i));
    }
    assert_eq!(
        index.provenance(0).unwrap().sources[0].name,
        "Parliament list"
    );
    assert_eq!(index.provenance(1).unwrap().file, "b.json");
    // Decoded again for merging, each entity goes back with its own file.
    let parts = index.mapped().unwrap().to_files();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].1.len(), 1);
    assert_eq!(parts[1].1[0].name, "Karl Lindqvist");
}

/// Found by the `index` fuzz target: a form record that passes the checksum but fails to decode
/// stands in as a form of no words, which matched everywhere and kept the exact pass reading
/// the same empty mention for ever. It now matches nothing.
#[test]
fn a_form_that_does_not_decode_does_not_stall_the_check() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/drafts/parliament");
    let json = std::fs::read_to_string(dir.join("registry.json")).unwrap();
    let draft = std::fs::read_to_string(dir.join("draft-with-errors.md")).unwrap();
    let built = Registry::new([parse_registry("p.json", &json).unwrap().entities]);
    let mut bytes = mapped::write(&built, &[]).unwrap();
    // The form "Zhao Leji": its text follows its kind (0, a name) and acronym (0) bytes; the
    // entity record spells the name after its id instead.
    let mut text = 9u32.to_ne_bytes().to_vec();
    text.extend_from_slice(b"Zhao Leji");
    let at = (2..bytes.len() - text.len())
        .find(|&p| bytes[p..].starts_with(&text) && bytes[p - 2..p] == [0, 0])
        .expect("the form record");
    bytes[at - 2] = 9;
    let sum = mapped::fingerprint(&bytes[24..]);
    bytes[16..24].copy_from_slice(&sum.to_ne_bytes());
    let index = Registry::from_index(MappedRegistry::open(Box::new(bytes)).unwrap());
    let a = analyze(&draft, Format::Markdown, &index, &settings());
    assert!(a.failed_checks.is_empty(), "{:?}", a.failed_checks);
}

/// The server checksums a mapped index by reading its file in pieces (so opening it does not
/// make every page resident): the sum in pieces is the sum at once, a wrong one is refused,
/// and releasing the records' pages leaves every entity and form readable.
#[test]
fn an_index_checksummed_in_pieces_opens_as_one_checksummed_whole() {
    let text = gen::registry_json(3_000);
    let built = Registry::new([parse_registry("g.json", &text).unwrap().entities]);
    let bytes = mapped::write(&built, &[]).unwrap();
    let tail = &bytes[mapped::CHECKED_FROM..];
    let mut pieces = mapped::Fingerprint::default();
    for piece in tail.chunks(1000) {
        pieces.update(piece);
    }
    assert_eq!(pieces.finish(), mapped::fingerprint(tail));
    let wrong = MappedRegistry::open_with(Box::new(bytes.clone()), Some(pieces.finish() ^ 1));
    assert!(wrong.unwrap_err().contains("checksum"));
    let index = MappedRegistry::open_with(Box::new(bytes), Some(pieces.finish())).unwrap();
    let first = index.entity(0).clone();
    index.release_records();
    assert_eq!(index.entity(0), &first);
    assert_eq!(index.len(), built.len());
}
