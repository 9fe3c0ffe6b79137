//! Precision and recall of `title-mismatch` and `title-inconsistent` on the labelled cases in
//! `tests/corpus/titles/cases.md` (format described at its top), against the registry beside it.
//!
//! `cargo test --test analysis titles_eval -- --nocapture` prints the figures, every miss and every false
//! flag; the test fails if they drop below what the checks reached, or if a correct title is
//! flagged at all.

use copydesk::analysis::{analyze, Code, Format, Historical, Settings, SeverityMap};
use copydesk::registry::{parse_registry, Registry};
use regex::Regex;
use std::ops::Range;

const CASES: &str = include_str!("../corpus/titles/cases.md");
const REGISTRY: &str = include_str!("../corpus/titles/registry.json");

/// Floors: what the checks reached on this corpus when the test was written.
const MIN_RECALL: f64 = 0.97;
const MIN_PRECISION: f64 = 1.0;

struct Label {
    range: Range<usize>,
    labels: Vec<String>,
}

struct Case {
    name: String,
    text: String,
    labels: Vec<Label>,
}

fn parse_cases() -> Vec<Case> {
    let markup = Regex::new(r"\[([^\]]+)\]\{([a-z ]+)\}").unwrap();
    let mut cases = Vec::new();
    for chunk in CASES.split("\n## ").skip(1) {
        let mut lines = chunk.lines();
        let name = lines.next().unwrap().trim().to_string();
        let date = lines.next().unwrap().trim();
        assert!(date.starts_with("date "), "case {name:?} has no date line");
        let body = lines.collect::<Vec<_>>().join("\n");
        let mut text = format!("{date}\n\n");
        let mut labels = Vec::new();
        let mut last = 0;
        for m in markup.captures_iter(&body) {
            let whole = m.get(0).unwrap();
            text.push_str(&body[last..whole.start()]);
            let start = text.len();
            text.push_str(&m[1]);
            labels.push(Label {
                range: start..text.len(),
                labels: m[2].split(' ').map(str::to_string).collect(),
            });
            last = whole.end();
        }
        text.push_str(&body[last..]);
        cases.push(Case { name, text, labels });
    }
    cases
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

#[derive(Default)]
struct Score {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        let flagged = self.true_positives + self.false_positives;
        if flagged == 0 {
            1.0
        } else {
            self.true_positives as f64 / flagged as f64
        }
    }

    fn recall(&self) -> f64 {
        let expected = self.true_positives + self.false_negatives;
        if expected == 0 {
            1.0
        } else {
            self.true_positives as f64 / expected as f64
        }
    }
}

#[test]
fn title_checks_on_the_labelled_corpus() {
    let file = parse_registry("registry.json", REGISTRY).unwrap();
    let registry = Registry::new([file.entities]);
    let settings = Settings {
        date: None,
        today: time::macros::date!(2026 - 01 - 01),
        severity: SeverityMap::default(),
        historical: Default::default(),
    };
    let cases = parse_cases();
    let codes = [
        (Code::TitleMismatch, "mismatch"),
        (Code::TitleInconsistent, "inconsistent"),
    ];
    let mut scores: Vec<Score> = codes.iter().map(|_| Score::default()).collect();
    let (mut correct, mut correct_flagged) = (0, 0);
    let (mut labelled, mut read) = (0, 0);
    let mut report = Vec::new();
    for case in &cases {
        let analysis = analyze(&case.text, Format::Markdown, &registry, &settings);
        assert!(analysis.failed_checks.is_empty(), "{}", case.name);
        let titles = &analysis.titles;
        for l in case
            .labels
            .iter()
            .filter(|l| !l.labels.iter().any(|x| x == "none"))
        {
            labelled += 1;
            if titles.iter().any(|t| overlaps(&t.range, &l.range)) {
                read += 1;
            } else {
                report.push(format!(
                    "title not read: {:?} in {:?}",
                    &case.text[l.range.clone()],
                    case.name
                ));
            }
        }
        if std::env::var_os("SHOW_TITLES").is_some() {
            for t in titles {
                let org = t.org.as_ref().map_or("", |o| o.text.as_str());
                println!(
                    "[{}] {:?} {:?} {:?} {:?} of {org:?} roles {:?}",
                    case.name,
                    registry.entity(t.entity).id,
                    t.written,
                    t.placement,
                    t.tense,
                    t.roles
                );
            }
        }
        if std::env::var_os("SHOW_FINDINGS").is_some() {
            for f in &analysis.findings {
                let fixes: Vec<String> = f
                    .fixes
                    .iter()
                    .map(|x| {
                        let mut fixed = case.text.clone();
                        for e in x.edits.iter().rev() {
                            fixed.replace_range(e.range.clone(), &e.new_text);
                        }
                        format!("{} => {}", x.title, fixed.lines().nth(2).unwrap_or(""))
                    })
                    .collect();
                println!(
                    "[{}] {} {:?}: {}\n    {}",
                    case.name,
                    f.code,
                    &case.text[f.range.clone()],
                    f.message,
                    fixes.join("\n    ")
                );
            }
        }
        for ((code, label), score) in codes.iter().zip(&mut scores) {
            let found: Vec<_> = analysis
                .findings
                .iter()
                .filter(|f| f.code == *code)
                .collect();
            for l in case
                .labels
                .iter()
                .filter(|l| l.labels.iter().any(|x| x == label))
            {
                if found.iter().any(|f| overlaps(&f.range, &l.range)) {
                    score.true_positives += 1;
                } else {
                    score.false_negatives += 1;
                    report.push(format!(
                        "missed {code} on {:?} in {:?}",
                        &case.text[l.range.clone()],
                        case.name
                    ));
                }
            }
            for f in &found {
                let expected = case
                    .labels
                    .iter()
                    .any(|l| overlaps(&f.range, &l.range) && l.labels.iter().any(|x| x == label));
                if !expected {
                    score.false_positives += 1;
                    report.push(format!(
                        "false {code} on {:?} in {:?}: {}",
                        &case.text[f.range.clone()],
                        case.name,
                        f.message
                    ));
                }
            }
        }
        for l in case
            .labels
            .iter()
            .filter(|l| l.labels.iter().any(|x| x == "ok"))
        {
            correct += 1;
            let flagged = analysis.findings.iter().any(|f| {
                matches!(f.code, Code::TitleMismatch | Code::TitleInconsistent)
                    && overlaps(&f.range, &l.range)
            });
            correct_flagged += usize::from(flagged);
        }
    }
    println!("{} cases", cases.len());
    for ((code, _), s) in codes.iter().zip(&scores) {
        println!(
            "{code}: precision {:.3} recall {:.3} (tp {}, fp {}, fn {})",
            s.precision(),
            s.recall(),
            s.true_positives,
            s.false_positives,
            s.false_negatives
        );
    }
    println!("correct titles flagged: {correct_flagged} of {correct}");
    println!("labelled titles read: {read} of {labelled}");
    for line in &report {
        println!("  {line}");
    }
    assert_eq!(correct_flagged, 0, "correct titles were flagged");
    for s in &scores {
        assert!(s.recall() >= MIN_RECALL && s.precision() >= MIN_PRECISION);
    }
}

const AGING: &str = include_str!("../corpus/titles/aging.md");

/// Titles that age (`tests/corpus/titles/aging.md`): each case's title findings, their messages
/// and every fix applied, exactly; a case with none expected must give none.
#[test]
fn aging_titles_give_these_findings_and_fixes() {
    let file = parse_registry("registry.json", REGISTRY).unwrap();
    let registry = Registry::new([file.entities]);
    let mut failures = Vec::new();
    for chunk in AGING.split("\n## ").skip(1) {
        let mut lines = chunk.lines().filter(|l| !l.trim().is_empty());
        let name = lines.next().unwrap().trim();
        let date = lines.next().unwrap().trim();
        let mut historical = Historical::default();
        let mut copy = None;
        let mut expected = Vec::new();
        for line in lines {
            if let Some(style) = line.strip_prefix("historical ") {
                historical = Historical::parse(style.trim()).expect("a known style");
            } else if let Some(fixed) = line.strip_prefix(">> ") {
                expected.push(format!("  fix: {fixed}"));
            } else if let Some(message) = line.strip_prefix("> ") {
                expected.push(message.to_string());
            } else {
                copy = Some(line);
            }
        }
        let copy = copy.unwrap_or_else(|| panic!("case {name:?} has no copy"));
        let text = format!("{date}\n\n{copy}\n");
        let settings = Settings {
            date: None,
            today: time::macros::date!(2026 - 01 - 01),
            severity: SeverityMap::default(),
            historical,
        };
        let analysis = analyze(&text, Format::Markdown, &registry, &settings);
        let mut got = Vec::new();
        for f in analysis
            .findings
            .iter()
            .filter(|f| matches!(f.code, Code::TitleMismatch | Code::TitleInconsistent))
        {
            got.push(f.message.clone());
            for fix in &f.fixes {
                let mut fixed = text.clone();
                for e in fix.edits.iter().rev() {
                    fixed.replace_range(e.range.clone(), &e.new_text);
                }
                got.push(format!("  fix: {}", fixed.lines().nth(2).unwrap_or("")));
            }
        }
        if got != expected {
            failures.push(format!(
                "{name}:\n  expected:\n    {}\n  got:\n    {}",
                expected.join("\n    "),
                got.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
