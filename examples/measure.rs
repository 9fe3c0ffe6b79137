//! One-shot measurements the criterion benches cannot take: peak memory of a registry load, and
//! medians of full checks with a load figure beside them, for the README table.
//!
//! `cargo run --release --example measure -- load REGISTRY.json...`
//! `cargo run --release --example measure -- load INDEX.idx` (built by `copydesk registry build`)
//! `cargo run --release --example measure -- check REGISTRY.json DRAFT.md [RUNS]`
//! `cargo run --release --example measure -- recheck REGISTRY.json DRAFT.md [RUNS]` (a one-word
//! edit in the middle of the draft, re-checked with `reanalyze`)
//! `cargo run --release --example measure -- prefix REGISTRY.json|INDEX.idx` (completion's lookups)

use copydesk::analysis::{analyze, reanalyze, Format, Settings, SeverityMap};
use copydesk::registry::{
    check_references, parse_registry, DefaultRegistry, Registry, RegistryFile,
};
use copydesk::workspace::{load_registries, read_text};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("load") if args.len() == 2 && copydesk::registry_index::is_index_path(args[1].as_ref()) => {
            // A prebuilt index: map, check, and look one name up (the first page-ins).
            let start = Instant::now();
            let registry = copydesk::registry_index::open(args[1].as_ref()).expect("index opens");
            let opened = start.elapsed();
            let mut near = Vec::new();
            registry.index().near_candidates("Volodin", &mut near);
            let first = registry.entity(0).name.clone();
            let ms = |d: Duration| d.as_secs_f64() * 1e3;
            println!(
                "open index of {} entities: {:.1} ms, first lookups {:.1} ms ({} near \"Volodin\", entity 0 {first}), peak RSS {:.0} MB",
                registry.len(),
                ms(opened),
                ms(start.elapsed() - opened),
                near.len(),
                peak_rss_mb()
            );
        }
        Some("prefix") if args.len() == 2 => {
            // Completion's lookup: the first one sorts the lead keys (JSON) or searches the
            // mapped table; then every two-letter capitalised prefix, as typed.
            let registry = load_registries(&[PathBuf::from(&args[1])], DefaultRegistry::Off)
                .expect("registry loads")
                .registry;
            let start = Instant::now();
            registry.index().forms_starting("Vy", 2000);
            let first = start.elapsed();
            let mut times = Vec::new();
            let mut found = 0;
            for a in 'A'..='Z' {
                for b in 'a'..='z' {
                    let typed = format!("{a}{b}");
                    let start = Instant::now();
                    found += registry.index().forms_starting(&typed, 2000).len();
                    times.push(start.elapsed());
                }
            }
            let us = |d: Duration| d.as_secs_f64() * 1e6;
            println!(
                "prefix lookups over {} entities: first {:.1} ms (builds the sorted keys for JSON), then median {:.1} µs, slowest {:.1} µs per two-letter prefix ({found} forms in all, at most 2000 each)",
                registry.len(),
                first.as_secs_f64() * 1e3,
                us(median(times.clone())),
                us(*times.iter().max().unwrap()),
            );
        }
        Some("load") => {
            let paths: Vec<PathBuf> = args[1..].iter().map(PathBuf::from).collect();
            let start = Instant::now();
            let texts: Vec<String> = paths.iter().map(|p| read_text(p).expect("reads")).collect();
            let read = start.elapsed();
            let files: Vec<RegistryFile> = paths
                .iter()
                .zip(&texts)
                .map(|(p, t)| parse_registry(&p.display().to_string(), t).expect("valid"))
                .collect();
            let parsed = start.elapsed();
            assert!(check_references(&files).is_empty());
            drop(texts);
            let checked = start.elapsed();
            let registry = Registry::new(files.into_iter().map(|f| f.entities));
            let built = start.elapsed();
            let ms = |d: Duration| d.as_secs_f64() * 1e3;
            println!(
                "load {} entities: {:.0} ms (read {:.0}, parse {:.0}, references {:.0}, index {:.0}), peak RSS {:.0} MB",
                registry.len(),
                ms(built),
                ms(read),
                ms(parsed - read),
                ms(checked - parsed),
                ms(built - checked),
                peak_rss_mb()
            );
            // Exit without freeing millions of allocations: the figure is the load.
            std::mem::forget(registry);
        }
        Some("check") => {
            let (registry, text, runs, settings) = check_inputs(&args);
            let mut times = Vec::new();
            let mut findings = 0;
            for _ in 0..runs {
                let start = Instant::now();
                let analysis = analyze(&text, Format::Markdown, &registry, &settings);
                times.push(start.elapsed());
                findings = analysis.findings.len();
            }
            println!(
                "check {} against {}: median {:.3} ms over {runs} runs, {findings} findings",
                args[2],
                args[1],
                median(times).as_secs_f64() * 1e3
            );
        }
        Some("recheck") => {
            let (registry, text, runs, settings) = check_inputs(&args);
            // The same draft with one word in the middle replaced: each run edits one way
            // or back, so every re-check has one changed paragraph.
            let middle = text.len() / 2;
            let at = middle + text[middle..].find(" the ").expect("a word to edit");
            let edited = format!("{} these {}", &text[..at], &text[at + 5..]);
            let texts = [&text, &edited];
            let mut previous = analyze(&text, Format::Markdown, &registry, &settings);
            let mut times = Vec::new();
            for run in 0..runs {
                let now = texts[(run + 1) % 2];
                let start = Instant::now();
                let analysis = reanalyze(&previous, now, Format::Markdown, &registry, &settings);
                times.push(start.elapsed());
                previous = analysis;
            }
            let full = analyze(texts[runs % 2], Format::Markdown, &registry, &settings);
            assert_eq!(full.findings, previous.findings, "a re-check equals a full check");
            println!(
                "re-check of {} after a one-word edit against {}: median {:.3} ms over {runs} runs, {} findings",
                args[2],
                args[1],
                median(times).as_secs_f64() * 1e3,
                previous.findings.len()
            );
        }
        _ => eprintln!("usage: measure load REGISTRY... | measure load INDEX | measure check|recheck REGISTRY|INDEX DRAFT [RUNS]"),
    }
}

/// What `check` and `recheck` read from `REGISTRY DRAFT [RUNS]`, and the settings they use.
fn check_inputs(args: &[String]) -> (Registry, String, usize, Settings) {
    let registry = load_registries(&[PathBuf::from(&args[1])], DefaultRegistry::Off)
        .expect("registry loads")
        .registry;
    let text = read_text(args[2].as_ref()).expect("draft reads");
    let runs = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(11);
    let settings = Settings {
        date: None,
        today: time::macros::date!(2026 - 01 - 15),
        severity: SeverityMap::default(),
        historical: Default::default(),
    };
    (registry, text, runs, settings)
}
