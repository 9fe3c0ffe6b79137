//! Titles on real text: White House speeches and remarks, 2009-2015 (US government works, public
//! domain), against a registry of the people they name with dated roles.
//!
//! `cargo run --release --example speeches -- PATH REGISTRY.json [--show]`
//!
//! PATH is a folder of speech files (searched recursively for `.txt`), each with its date on a
//! line of its own near the top ("June 10, 2010"), as in the collection scraped from
//! whitehouse.gov by jmausolf/White_House_Speeches (its scripts; the files themselves are in
//! computingForSocialScience/cfss-homework-jmausolf, `Final_Project/White_House_Speeches/
//! 1_WHITE_HOUSE_SPEECHES/__2009-2015_MASTER_Speeches`). It prints:
//! - title findings per 1,000 words on the unmodified text (`--show` lists each, for review);
//! - recall on swapped titles: every title written before a name that names a role held on the
//!   speech's date is replaced, one at a time, by the title of another role the same person
//!   held before or after (a senator's "Senator" for the "Secretary" she later became), and the
//!   speech checked again: a `title-mismatch` must fall on the swapped title.

use copydesk::analysis::titles::{Placement, Tense};
use copydesk::analysis::{analyze, Code, Format, Settings, SeverityMap};
use copydesk::registry::{parse_registry, Registry};
use regex::Regex;
use std::path::{Path, PathBuf};
use time::{Date, Month};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

/// The speech's date: the first line near the top that is only a date.
fn speech_date(text: &str, line: &Regex) -> Option<Date> {
    text.lines().take(12).find_map(|l| {
        let c = line.captures(l.trim())?;
        let month = Month::January.nth_next(
            [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ]
            .iter()
            .position(|m| *m == &c[1])? as u8,
        );
        Date::from_calendar_date(c[3].parse().ok()?, month, c[2].parse().ok()?).ok()
    })
}

/// `title` capitalised as `like` is: "Secretary of State" for "Senator", "senator" for "senator".
fn styled(title: &str, like: &str) -> String {
    if !like.starts_with(char::is_uppercase) {
        return title.to_string();
    }
    title
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && matches!(w, "of" | "the" | "for" | "and") {
                w.to_string()
            } else {
                let mut c = w.chars();
                c.next()
                    .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(registry_path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: speeches PATH REGISTRY.json [--show]");
        std::process::exit(2);
    };
    let show = args.iter().any(|a| a == "--show");
    let text = std::fs::read_to_string(registry_path).expect("registry reads");
    let file = parse_registry(registry_path, &text).expect("registry is valid");
    let registry = Registry::new([file.entities]);
    let date_line = Regex::new(r"^(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})$").unwrap();
    let mut paths = Vec::new();
    files(Path::new(dir), &mut paths);
    let (mut speeches, mut words, mut flagged, mut titles) = (0, 0, 0, 0);
    let (mut swaps, mut caught) = (0, 0);
    for path in &paths {
        let Ok(source) = std::fs::read_to_string(path) else {
            continue;
        };
        let Some(date) = speech_date(&source, &date_line) else {
            continue;
        };
        let settings = Settings {
            date: Some(date),
            today: date,
            severity: SeverityMap::default(),
            historical: Default::default(),
        };
        speeches += 1;
        words += source.split_whitespace().count();
        let analysis = analyze(&source, Format::Text, &registry, &settings);
        titles += analysis.titles.len();
        for f in analysis
            .findings
            .iter()
            .filter(|f| matches!(f.code, Code::TitleMismatch | Code::TitleInconsistent))
        {
            flagged += 1;
            if show {
                let from = source[..f.range.start]
                    .rfind(['.', '\n'])
                    .map_or(0, |i| i + 1);
                let to = source[f.range.end..]
                    .find(['.', '\n'])
                    .map_or(source.len(), |i| f.range.end + i);
                println!(
                    "{} {date} {}: {}\n    | {}",
                    path.file_name().unwrap_or_default().to_string_lossy(),
                    f.code,
                    f.message,
                    source[from..to].trim()
                );
            }
        }
        for t in &analysis.titles {
            let held_named = t.held_on(&registry, date);
            if t.verb
                || t.second_reference
                || t.placement != Placement::Before
                || t.tense != Tense::Current
                || !held_named
            {
                continue;
            }
            let person = registry.entity(t.entity);
            let named: Vec<&str> = t
                .roles
                .iter()
                .map(|&r| person.roles[r].title.as_str())
                .collect();
            let Some(other) = person
                .roles
                .iter()
                .find(|r| !r.held_on(date) && !named.contains(&r.title.as_str()))
            else {
                continue;
            };
            let swapped = styled(&other.title, &t.written);
            let mut text = source.clone();
            text.replace_range(t.range.clone(), &swapped);
            let at = t.range.start..t.range.start + swapped.len();
            let again = analyze(&text, Format::Text, &registry, &settings);
            swaps += 1;
            let found = again.findings.iter().any(|f| {
                f.code == Code::TitleMismatch && f.range.start < at.end && at.start < f.range.end
            });
            if found {
                caught += 1;
            } else if show {
                println!(
                    "missed swap {} {date}: {:?} -> {swapped:?} for {}",
                    path.file_name().unwrap_or_default().to_string_lossy(),
                    t.written,
                    person.name
                );
            }
        }
    }
    let per_1000 = flagged as f64 * 1000.0 / words.max(1) as f64;
    println!("{speeches} speeches, {words} words, {titles} titles read next to registry people");
    println!("title findings on unmodified text: {flagged} ({per_1000:.3} per 1,000 words)");
    println!(
        "swapped titles caught: {caught} of {swaps} (recall {:.3})",
        caught as f64 / swaps.max(1) as f64
    );
}
