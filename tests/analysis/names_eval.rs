//! The labelled evaluation of `name-misspelling` on `tests/corpus/names/`.
//!
//! - `clean/*.md`: wire stories spelled as the registry spells every name; any finding is false.
//! - `planted/*.md`: the same stories with misspellings planted. `plants.json` lists each plant
//!   (the clean text, what was written instead, the entity and the kind of error); the planted
//!   files are the clean ones with the plants applied, which this test checks (run with
//!   `UPDATE_PLANTED=1` to rewrite them after editing `plants.json`).
//!
//! Prints recall on plants, the rate of right first fixes and every false flag:
//! `cargo test --test analysis names_eval -- --nocapture`.

use copydesk::analysis::{
    analyze, Code, Finding, Format, Reference, Settings, SeverityMap, Spelling,
};
use copydesk::registry::{parse_registry, pinyin, Kind, Registry};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Floors at what the matcher reaches now: raise them when it improves.
const MIN_RECALL: f64 = 0.99;
const MIN_RIGHT_FIX: f64 = 0.99;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Plant {
    /// The text in the clean story.
    clean: String,
    /// Which occurrence of `clean` (1-based) the plant replaces.
    #[serde(default = "first")]
    nth: usize,
    /// What the planted story writes instead.
    planted: String,
    entity: String,
    kind: String,
    /// Where the plant sits, when that matters: a possessive, a second reference, a heading.
    #[serde(default)]
    context: String,
}

fn first() -> usize {
    1
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/names")
}

fn registry() -> Registry {
    let text = fs::read_to_string(corpus().join("registry.json")).unwrap();
    let file = parse_registry("registry.json", &text).unwrap_or_else(|errors| {
        panic!("registry.json does not load:\n{errors:#?}");
    });
    Registry::new([file.entities])
}

fn settings() -> Settings {
    Settings {
        date: None,
        today: time::macros::date!(2025 - 01 - 01),
        severity: SeverityMap::default(),
        historical: Default::default(),
    }
}

fn findings(source: &str, registry: &Registry) -> Vec<Finding> {
    analyze(source, Format::Markdown, registry, &settings())
        .findings
        .into_iter()
        .filter(|f| f.code == Code::NameMisspelling)
        .collect()
}

fn drafts(folder: &str) -> Vec<(String, String)> {
    let mut out: Vec<_> = fs::read_dir(corpus().join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// A plant placed in the planted text.
struct Placed<'a> {
    plant: &'a Plant,
    range: Range<usize>,
}

/// Applies `plants` to `clean`: the planted text and where each plant sits in it.
fn plant<'a>(name: &str, clean: &str, plants: &'a [Plant]) -> (String, Vec<Placed<'a>>) {
    let mut at: Vec<(usize, &Plant)> = plants
        .iter()
        .map(|p| {
            let start = clean
                .match_indices(&p.clean)
                .nth(p.nth - 1)
                .unwrap_or_else(|| panic!("{name}: no occurrence {} of {:?}", p.nth, p.clean))
                .0;
            (start, p)
        })
        .collect();
    at.sort_by_key(|(start, _)| *start);
    let mut text = String::new();
    let mut placed = Vec::new();
    let mut from = 0;
    for (start, p) in at {
        assert!(start >= from, "{name}: plants {:?} overlap", p.clean);
        text.push_str(&clean[from..start]);
        placed.push(Placed {
            plant: p,
            range: text.len()..text.len() + p.planted.len(),
        });
        text.push_str(&p.planted);
        from = start + p.clean.len();
    }
    text.push_str(&clean[from..]);
    (text, placed)
}

fn apply(text: &str, f: &Finding) -> Option<String> {
    let edit = f.fixes.first()?.edits.first()?;
    let mut out = text.to_string();
    out.replace_range(edit.range.clone(), &edit.new_text);
    Some(out)
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

fn show(name: &str, text: &str, f: &Finding) -> String {
    format!(
        "{name}:{}: {:?} -> {:?} ({})",
        line_of(text, f.range.start),
        &text[f.range.clone()],
        f.fixes
            .first()
            .and_then(|x| x.edits.first())
            .map_or("", |e| e.new_text.as_str()),
        f.entity.as_deref().unwrap_or("-"),
    )
}

#[derive(Default)]
struct Tally {
    plants: usize,
    found: usize,
    right_fix: usize,
    false_flags: Vec<String>,
    misses: Vec<String>,
    wrong_fixes: Vec<String>,
    by_kind: BTreeMap<String, (usize, usize)>,
    by_context: BTreeMap<String, (usize, usize)>,
}

#[test]
fn name_misspellings_on_the_labelled_corpus() {
    let registry = registry();
    let labels: BTreeMap<String, Vec<Plant>> =
        serde_json::from_str(&fs::read_to_string(corpus().join("plants.json")).unwrap()).unwrap();
    let update = std::env::var_os("UPDATE_PLANTED").is_some();
    let mut t = Tally::default();
    let clean = drafts("clean");
    for (name, text) in &clean {
        for f in findings(text, &registry) {
            t.false_flags
                .push(format!("clean/{}", show(name, text, &f)));
        }
    }
    let clean_false = t.false_flags.len();
    for (name, plants) in &labels {
        let clean_text = &clean
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("plants.json names {name}, which is not in clean/"))
            .1;
        let (text, placed) = plant(name, clean_text, plants);
        let path = corpus().join("planted").join(name);
        if update {
            fs::write(&path, &text).unwrap();
        }
        let on_disk = fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == text,
            "planted/{name} is not clean/{name} with its plants (UPDATE_PLANTED=1 rewrites it)"
        );
        let found = findings(&text, &registry);
        let mut used = vec![false; found.len()];
        for p in &placed {
            t.plants += 1;
            let context = match p.plant.context.as_str() {
                "" => "plain full or short name",
                c => c,
            };
            t.by_kind.entry(p.plant.kind.clone()).or_default().0 += 1;
            t.by_context.entry(context.to_string()).or_default().0 += 1;
            let hit = found.iter().enumerate().find(|(_, f)| {
                f.range.start < p.range.end
                    && p.range.start < f.range.end
                    && f.entity.as_deref() == Some(p.plant.entity.as_str())
            });
            let label = format!(
                "planted/{name}:{}: {:?} ({}, {}) should become {:?}",
                line_of(&text, p.range.start),
                p.plant.planted,
                p.plant.kind,
                p.plant.entity,
                p.plant.clean
            );
            let Some((i, f)) = hit else {
                t.misses.push(label);
                continue;
            };
            used[i] = true;
            t.found += 1;
            t.by_kind.entry(p.plant.kind.clone()).or_default().1 += 1;
            t.by_context.entry(context.to_string()).or_default().1 += 1;
            let mut expected = text.clone();
            expected.replace_range(p.range.clone(), &p.plant.clean);
            if apply(&text, f).as_ref() == Some(&expected) {
                t.right_fix += 1;
            } else {
                t.wrong_fixes
                    .push(format!("{label}; fix was {}", show(name, &text, f)));
            }
        }
        for (f, used) in found.iter().zip(used) {
            if !used {
                t.false_flags
                    .push(format!("planted/{}", show(name, &text, f)));
            }
        }
    }
    let recall = t.found as f64 / t.plants.max(1) as f64;
    let right_fix = t.right_fix as f64 / t.found.max(1) as f64;
    println!(
        "\nname-misspelling on tests/corpus/names ({} clean drafts, {} planted drafts)",
        clean.len(),
        labels.len()
    );
    println!(
        "  recall on plants:   {}/{} = {:.1}%",
        t.found,
        t.plants,
        100.0 * recall
    );
    println!(
        "  right first fix:    {}/{} = {:.1}%",
        t.right_fix,
        t.found,
        100.0 * right_fix
    );
    println!(
        "  false flags:        {} on clean drafts, {} on planted drafts outside the plants",
        clean_false,
        t.false_flags.len() - clean_false
    );
    println!("  recall by kind:");
    for (kind, (n, found)) in &t.by_kind {
        println!("    {kind:<40} {found}/{n}");
    }
    println!("  recall by where the plant sits:");
    for (context, (n, found)) in &t.by_context {
        println!("    {context:<40} {found}/{n}");
    }
    for (title, list) in [
        ("missed plants", &t.misses),
        ("wrong first fixes", &t.wrong_fixes),
        ("false flags", &t.false_flags),
    ] {
        if !list.is_empty() {
            println!("  {title}:");
            for line in list {
                println!("    {line}");
            }
        }
    }
    assert!(
        recall >= MIN_RECALL,
        "recall {recall:.3} fell below {MIN_RECALL}"
    );
    assert!(
        right_fix >= MIN_RIGHT_FIX,
        "right first fix {right_fix:.3} fell below {MIN_RIGHT_FIX}"
    );
    assert!(
        t.false_flags.is_empty(),
        "{} false flags, none allowed",
        t.false_flags.len()
    );
}

/// The parliament fixture keeps exactly its two name findings, and the published story none.
#[test]
fn parliament_fixture_keeps_its_two_name_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parliament");
    let text = fs::read_to_string(dir.join("registry.json")).unwrap();
    let registry = Registry::new([parse_registry("registry.json", &text).unwrap().entities]);
    let draft = fs::read_to_string(dir.join("draft.md")).unwrap();
    assert_eq!(findings(&draft, &registry), vec![]);
    let planted = fs::read_to_string(dir.join("draft-with-errors.md")).unwrap();
    let found = findings(&planted, &registry);
    let got: Vec<(usize, &str, Option<&str>)> = found
        .iter()
        .map(|f| {
            (
                line_of(&planted, f.range.start) - 1,
                &planted[f.range.clone()],
                f.entity.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (2, "Zhao Leiji", Some("zhao-leji")),
            (4, "Vyacheslav Volodine", Some("vyacheslav-volodin")),
        ]
    );
}

/// Floors for typos made by rule rather than by hand (see `typo`).
const MIN_GENERATED_RECALL: f64 = 0.99;
const MIN_GENERATED_RIGHT_FIX: f64 = 0.99;

/// One typo of kind `n % 4` (deletion, insertion, substitution, transposition) in the middle
/// of `word`, or `None` when the word is too short to carry one.
fn typo(word: &str, n: usize) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 5 || !chars.iter().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let m = chars.len() / 2;
    let mut out = chars.clone();
    match n % 4 {
        0 => {
            out.remove(m);
        }
        1 => out.insert(m, if "aeiou".contains(chars[m]) { 'r' } else { 'e' }),
        2 => {
            // A neighbour on the keyboard, as a slipped finger gives.
            const ROWS: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
            let c = chars[m].to_ascii_lowercase();
            let row = ROWS.iter().find(|r| r.contains(c))?;
            let i = row.find(c)?;
            out[m] = row
                .chars()
                .nth(if i + 1 < row.len() { i + 1 } else { i - 1 })?;
        }
        _ => {
            if chars[m] == chars[m + 1] {
                return None;
            }
            out.swap(m, m + 1);
        }
    }
    Some(out.into_iter().collect())
}

/// Typos made by rule in the first full mention of every person in the clean drafts: a check on
/// recall that nobody tuned the matcher against. A typo that makes another valid Chinese
/// syllable or another registry name is left out: the contract reads those as other people.
#[test]
fn generated_typos_in_full_names() {
    let tally = generated_typos(Reference::Name);
    tally.print("the first full mention of each person");
    tally.assert_at_least(MIN_GENERATED_RECALL, MIN_GENERATED_RIGHT_FIX);
}

/// Floors for typos made by rule in second references.
const MIN_SECOND_REFERENCE_RECALL: f64 = 0.95;
const MIN_SECOND_REFERENCE_RIGHT_FIX: f64 = 0.99;

/// The same typos in the first second reference to each person ("Netanyahoo said" after
/// "Benjamin Netanyahu"): a bare family name, with no given name to vouch for it.
#[test]
fn generated_typos_in_second_references() {
    let tally = generated_typos(Reference::FamilyName);
    tally.print("the first second reference to each person");
    tally.assert_at_least(MIN_SECOND_REFERENCE_RECALL, MIN_SECOND_REFERENCE_RIGHT_FIX);
}

/// What planting generated typos found.
#[derive(Default)]
struct Generated {
    planted: usize,
    found: usize,
    right: usize,
    skipped: usize,
    misses: Vec<String>,
}

impl Generated {
    fn recall(&self) -> f64 {
        self.found as f64 / self.planted.max(1) as f64
    }

    fn right_fix(&self) -> f64 {
        self.right as f64 / self.found.max(1) as f64
    }

    fn print(&self, what: &str) {
        println!("\ngenerated typos in {what} (clean drafts)");
        println!(
            "  recall:          {}/{} = {:.1}%",
            self.found,
            self.planted,
            100.0 * self.recall()
        );
        println!(
            "  right first fix: {}/{} = {:.1}%",
            self.right,
            self.found,
            100.0 * self.right_fix()
        );
        println!("  left out (another valid name): {}", self.skipped);
        for line in &self.misses {
            println!("    {line}");
        }
    }

    fn assert_at_least(&self, recall: f64, right_fix: f64) {
        assert!(
            self.recall() >= recall,
            "recall {:.3} fell below {recall}",
            self.recall()
        );
        assert!(
            self.right_fix() >= right_fix,
            "right first fix {:.3} fell below {right_fix}",
            self.right_fix()
        );
    }
}

/// Plants one typo (see `typo`) in the longest word of the first correct mention of each
/// person made by `reference`, one draft at a time, and looks for its finding.
fn generated_typos(reference: Reference) -> Generated {
    let registry = registry();
    let mut tally = Generated::default();
    let mut n = 0;
    for (name, clean) in drafts("clean") {
        let analysis = analyze(&clean, Format::Markdown, &registry, &settings());
        let mut seen = Vec::new();
        for m in &analysis.mentions {
            let entity = registry.entity(m.entity);
            if entity.kind != Kind::Person
                || m.reference != reference
                || m.spelling != Spelling::Correct
                || seen.contains(&m.entity)
            {
                continue;
            }
            seen.push(m.entity);
            let written = &clean[m.range.clone()];
            let Some((offset, word)) = written
                .split(|c: char| !c.is_alphanumeric())
                .scan(0, |at, w| {
                    let here = *at;
                    *at += w.len() + 1;
                    Some((here, w))
                })
                .max_by_key(|(_, w)| w.chars().count())
            else {
                continue;
            };
            n += 1;
            let Some(bad) = typo(word, n) else { continue };
            if (entity.family_first() && pinyin::is_syllable(&bad))
                || registry.index().is_known_word(&bad)
            {
                tally.skipped += 1;
                continue;
            }
            let start = m.range.start + offset;
            let mut text = clean.clone();
            text.replace_range(start..start + word.len(), &bad);
            let range = start..start + bad.len();
            tally.planted += 1;
            let label = format!("{name}: {word:?} -> {bad:?} ({})", entity.id);
            let hit = findings(&text, &registry).into_iter().find(|f| {
                f.range.start < range.end
                    && range.start < f.range.end
                    && f.entity.as_deref() == Some(entity.id.as_str())
            });
            match hit {
                Some(f) => {
                    tally.found += 1;
                    if apply(&text, &f).as_deref() == Some(clean.as_str()) {
                        tally.right += 1;
                    } else {
                        tally.misses.push(format!("wrong fix: {label}"));
                    }
                }
                None => tally.misses.push(format!("missed: {label}")),
            }
        }
    }
    tally
}
