//! Annotated fixture drafts: every check's fixtures, in the one format of
//! [`copydesk::fixture`] (the expected findings written under the text they mark).
//!
//! Each `tests/drafts/**/NAME.md` (or `.txt`) is stripped of its annotations, analysed against
//! the `registry.json` in its folder (the default registry under `default-registry/`) on 1 January 2026 (unless the draft gives its own date),
//! with the severities of the `copydesk.json` in its folder if there is one (how a fixture turns
//! on a code that is off by default), and annotated again; the test fails when that differs from the file. Run with
//! `UPDATE_EXPECT=1` to rewrite the annotations from the current output, then review the diff.
//! A draft that also exists, plain, under `tests/fixtures/` (used by the end-to-end tests) must
//! equal it once stripped, so the two cannot drift apart.

use copydesk::analysis::{analyze, Format, Settings, SeverityMap};
use copydesk::config::parse_config;
use copydesk::fixture::{annotate, has_mentions, strip};
use copydesk::registry::{default_registry, parse_registry, Registry};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The fixture drafts under `dir` (`.md`, `.txt`), in a stable order.
pub fn drafts(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            drafts(&p, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")) {
            out.push(p);
        }
    }
}

/// The draft's registry: `registry.json` in its folder, or the built-in default registry for
/// drafts under `tests/drafts/default-registry/` (what a user gets with no registry named).
pub fn registry_for(draft: &Path) -> Registry {
    let folder = draft.parent().unwrap();
    if folder.ends_with("default-registry") {
        return default_registry();
    }
    let path = folder.join("registry.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} has no registry.json beside it", draft.display()));
    let file =
        parse_registry(&path.display().to_string(), &text).unwrap_or_else(|e| panic!("{e:?}"));
    Registry::new([file.entities])
}

/// The severities of the `copydesk.json` beside the draft, or the defaults.
fn severity_for(draft: &Path) -> SeverityMap {
    let path = draft.parent().unwrap().join("copydesk.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            parse_config(&path.display().to_string(), &text)
                .unwrap_or_else(|e| panic!("{e:?}"))
                .severity
        }
        Err(_) => SeverityMap::default(),
    }
}

/// The annotated draft as the analysis writes it.
fn check(path: &Path, annotated: &str) -> String {
    let source = strip(annotated);
    let registry = registry_for(path);
    let settings = Settings {
        date: None,
        today: time::macros::date!(2026 - 01 - 01),
        severity: severity_for(path),
        historical: Default::default(),
    };
    let analysis = analyze(
        &source,
        Format::from_path(&path.to_string_lossy()),
        &registry,
        &settings,
    );
    assert!(
        analysis.failed_checks.is_empty(),
        "{}: {:?}",
        path.display(),
        analysis.failed_checks
    );
    annotate(&source, &analysis, &registry, has_mentions(annotated))
}

/// The lines of `expected` and `actual` that differ, in order, marked `-` and `+`.
fn diff(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    // Longest common subsequence of lines, then a walk that prints what is not in it.
    let mut lcs = vec![vec![0usize; a.len() + 1]; e.len() + 1];
    for i in (0..e.len()).rev() {
        for j in (0..a.len()).rev() {
            lcs[i][j] = if e[i] == a[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < e.len() || j < a.len() {
        if i < e.len() && j < a.len() && e[i] == a[j] {
            (i, j) = (i + 1, j + 1);
        } else if i < e.len() && (j == a.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            writeln!(out, "  - {}", e[i]).unwrap();
            i += 1;
        } else {
            writeln!(out, "  + {}", a[j]).unwrap();
            j += 1;
        }
    }
    out
}

#[test]
fn fixture_drafts() {
    let mut paths = Vec::new();
    drafts(Path::new("tests/drafts"), &mut paths);
    assert!(!paths.is_empty());
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for path in &paths {
        let annotated = std::fs::read_to_string(path).unwrap();
        let actual = check(path, &annotated);
        if actual != annotated {
            if update {
                std::fs::write(path, &actual).unwrap();
            } else {
                failures.push(format!(
                    "{} differs (run with UPDATE_EXPECT=1 to accept):\n{}",
                    path.display(),
                    diff(&annotated, &actual)
                ));
            }
        }
        let plain = Path::new("tests/fixtures").join(path.strip_prefix("tests/drafts").unwrap());
        if plain.exists() {
            assert_eq!(
                strip(&annotated),
                std::fs::read_to_string(&plain).unwrap(),
                "{} and {} differ",
                path.display(),
                plain.display()
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
