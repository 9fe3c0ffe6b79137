//! Fixture drafts with their expected findings and mentions, checked by eye and by this test.
//!
//! Each `tests/drafts/**/NAME.md` (or `.txt`, and the drafts under `tests/fixtures/`) is analysed against the `registry.json` in its
//! folder. `NAME.findings` lists the expected findings and `NAME.mentions`, when present, the
//! expected mentions, one per line as rendered below. Run with `UPDATE_EXPECT=1` to rewrite the
//! expectation files from the current output, then review the diff.

use copydesk::analysis::{analyze, Analysis, Format, Settings, SeverityMap};
use copydesk::position::{Encoding, LineIndex};
use copydesk::registry::{parse_registry, Registry};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn drafts(dir: &Path, out: &mut Vec<PathBuf>) {
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

fn registry_for(draft: &Path) -> Registry {
    let path = draft.parent().unwrap().join("registry.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} has no registry.json beside it", draft.display()));
    let file =
        parse_registry(&path.display().to_string(), &text).unwrap_or_else(|e| panic!("{e:?}"));
    Registry::new([file.entities])
}

fn render_findings(text: &str, analysis: &Analysis) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    for f in &analysis.findings {
        let p = index.position(text, f.range.start, Encoding::Utf32);
        let quoted = text[f.range.clone()].replace(['\r', '\n'], " ");
        write!(
            out,
            "{}:{} {} {}",
            p.line + 1,
            p.character + 1,
            f.code,
            f.entity.as_deref().unwrap_or("-")
        )
        .unwrap();
        write!(out, " {quoted:?}").unwrap();
        if let Some(fix) = f.fixes.first() {
            let new: Vec<&str> = fix.edits.iter().map(|e| e.new_text.as_str()).collect();
            write!(out, " => {:?}", new.join(" | ")).unwrap();
        }
        writeln!(out, "\n    {}", f.message).unwrap();
    }
    out
}

fn render_mentions(text: &str, analysis: &Analysis, registry: &Registry) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    for m in &analysis.mentions {
        let p = index.position(text, m.range.start, Encoding::Utf32);
        let quoted = text[m.range.clone()].replace(['\r', '\n'], " ");
        writeln!(
            out,
            "{}:{} {quoted:?} {} {:?} {:?}{}",
            p.line + 1,
            p.character + 1,
            registry.entity(m.entity).id,
            m.reference,
            m.spelling,
            if m.possessive { " possessive" } else { "" }
        )
        .unwrap();
    }
    out
}

fn compare(path: &Path, actual: &str, failures: &mut Vec<String>) {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected != actual {
        let mut diff = format!(
            "{} differs (run with UPDATE_EXPECT=1 to accept):\n",
            path.display()
        );
        for line in expected
            .lines()
            .filter(|l| !actual.lines().any(|a| a == *l))
        {
            writeln!(diff, "  - {line}").unwrap();
        }
        for line in actual
            .lines()
            .filter(|l| !expected.lines().any(|e| e == *l))
        {
            writeln!(diff, "  + {line}").unwrap();
        }
        failures.push(diff);
    }
}

#[test]
fn fixture_drafts() {
    let mut paths = Vec::new();
    drafts(Path::new("tests/drafts"), &mut paths);
    drafts(Path::new("tests/fixtures"), &mut paths);
    assert!(!paths.is_empty());
    let settings = Settings {
        date: None,
        today: time::macros::date!(2026 - 01 - 01),
        severity: SeverityMap::default(),
        historical: Default::default(),
    };
    let mut failures = Vec::new();
    for draft in &paths {
        let registry = registry_for(draft);
        let text = std::fs::read_to_string(draft).unwrap();
        let format = Format::from_path(&draft.to_string_lossy());
        let analysis = analyze(&text, format, &registry, &settings);
        assert!(
            analysis.failed_checks.is_empty(),
            "{}: {:?}",
            draft.display(),
            analysis.failed_checks
        );
        let name = draft.file_name().unwrap().to_string_lossy().to_string();
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
        compare(
            &draft.with_file_name(format!("{stem}.findings")),
            &render_findings(&text, &analysis),
            &mut failures,
        );
        let mentions = draft.with_file_name(format!("{stem}.mentions"));
        if mentions.exists() {
            compare(
                &mentions,
                &render_mentions(&text, &analysis, &registry),
                &mut failures,
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
