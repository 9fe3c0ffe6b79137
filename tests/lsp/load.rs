//! Sustained typing: a client sends `didChange` at a steady rate to a 5,000-word draft, asks for
//! a hover once a second, and at the end compares the server's last diagnostics with a fresh
//! server's check of the final text. Resident memory is sampled as it goes.
//!
//! Shared by `examples/lsp_load.rs` (60 s, run by hand) and a short test in `hostile_lsp.rs`.
#![allow(dead_code)]

use crate::client::{capabilities, start};
use copydesk::lsp::Options;
use copydesk::position::{Encoding, LineIndex};
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};
use tower_lsp_server::ls_types::Uri;

const REGISTRY: &str = include_str!("../fixtures/parliament/registry.json");
const DRAFT: &str = include_str!("../fixtures/parliament/draft-with-errors.md");

/// What is typed, a piece per edit: names, misspellings, emoji, CJK, combining marks, CRLF.
const PIECES: &[&str] = &[
    " Zhao Leiji",
    " said",
    " 😀",
    " 中文",
    " Jose\u{301}",
    "\r\n",
    " Vyacheslav Volodine",
    ".",
    " the NPC Standing Committee",
];

pub struct Report {
    pub words: usize,
    pub changes: usize,
    pub elapsed: Duration,
    /// Resident memory in KiB: after the draft's first check, then once a second.
    pub rss_kib: Vec<u64>,
    pub hover_p95: Duration,
    /// From the last `didChange` to the diagnostics of its version.
    pub final_latency: Duration,
    pub final_diagnostics: usize,
    pub matches_fresh_check: bool,
}

/// The parliament story's body repeated to at least `words` words, after its dateline.
pub fn long_draft(words: usize) -> String {
    let (dateline, body) = DRAFT.split_once('\n').unwrap();
    let mut out = format!("{dateline}\n");
    while out.split_whitespace().count() < words {
        out.push_str(body);
        out.push('\n');
    }
    out
}

pub fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").parse().ok())
        .unwrap_or(0)
}

/// A small deterministic generator, so a run can be repeated exactly.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Diagnostics without the document version their fixes are bound to, which differs between
/// the typed and the fresh document by design.
fn without_versions(mut diags: Vec<Value>) -> Vec<Value> {
    for d in &mut diags {
        if let Some(data) = d.get_mut("data").and_then(Value::as_object_mut) {
            data.remove("version");
        }
    }
    diags
}

fn lsp_pos(p: copydesk::position::Position) -> Value {
    json!({"line": p.line, "character": p.character})
}

/// Sends `rate` changes a second for `duration`, in UTF-16 positions, keeping a `String` model.
pub async fn run(duration: Duration, rate: u32) -> Report {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("registry.json"), REGISTRY).unwrap();
    std::fs::write(
        dir.path().join("copydesk.json"),
        r#"{"registries": ["registry.json"]}"#,
    )
    .unwrap();
    let uri = |p: &Path| Uri::from_file_path(p).unwrap().as_str().to_string();
    let draft_uri = uri(&dir.path().join("long.md"));
    let mut model = long_draft(5000);
    let words = model.split_whitespace().count();

    let mut client = start(Options::default());
    client
        .initialize(&uri(dir.path()), capabilities("utf-16"), Value::Null)
        .await;
    client.open(&draft_uri, &model);
    client.diagnostics(&draft_uri, Some(1)).await;
    let mut rss = vec![rss_kib()];

    let mut rng = Lcg(0x5eed);
    let mut inserted: Vec<(usize, usize)> = Vec::new();
    let mut version = 1;
    let mut hovers = Vec::new();
    let mut ticker = tokio::time::interval(Duration::from_secs(1) / rate);
    let started = Instant::now();
    let mut last_second = 0;
    while started.elapsed() < duration {
        ticker.tick().await;
        version += 1;
        let index = LineIndex::new(&model);
        // Alternate: type a piece somewhere, then delete the last piece typed, so the draft
        // stays near its size while every kind of edit happens.
        let (range, text) = match inserted.pop() {
            Some((at, len)) if rng.below(3) > 0 => (at..at + len, String::new()),
            popped => {
                inserted.extend(popped);
                let lines: Vec<usize> = std::iter::once(0)
                    .chain(model.match_indices('\n').map(|(i, _)| i + 1))
                    .collect();
                let at = lines[rng.below(lines.len())];
                (at..at, PIECES[rng.below(PIECES.len())].to_string())
            }
        };
        let start_pos = index.position(&model, range.start, Encoding::Utf16);
        let end_pos = index.position(&model, range.end, Encoding::Utf16);
        model.replace_range(range.clone(), &text);
        // Pieces typed earlier at or after this edit move with it.
        for (at, _) in inserted.iter_mut() {
            if *at >= range.end {
                *at = *at + text.len() - range.len();
            }
        }
        if !text.is_empty() {
            inserted.push((range.start, text.len()));
        }
        client.change(
            &draft_uri,
            version,
            json!([{"range": {"start": lsp_pos(start_pos), "end": lsp_pos(end_pos)}, "text": text}]),
        );
        let second = started.elapsed().as_secs();
        if second > last_second {
            last_second = second;
            let asked = Instant::now();
            client
                .request(
                    "textDocument/hover",
                    json!({"textDocument": {"uri": draft_uri}, "position": {"line": 2, "character": 3}}),
                )
                .await
                .unwrap();
            hovers.push(asked.elapsed());
            rss.push(rss_kib());
        }
    }
    let changes = version as usize - 1;
    let last_sent = Instant::now();
    let final_diags = without_versions(client.diagnostics(&draft_uri, Some(version)).await);
    let final_latency = last_sent.elapsed();
    let elapsed = started.elapsed();
    rss.push(rss_kib());
    client.shutdown().await;

    let mut fresh = start(Options::default());
    fresh
        .initialize(&uri(dir.path()), capabilities("utf-16"), Value::Null)
        .await;
    fresh.open(&draft_uri, &model);
    let fresh_diags = without_versions(fresh.diagnostics(&draft_uri, Some(1)).await);
    fresh.shutdown().await;

    if std::env::var("LOAD_DEBUG").is_ok() {
        for d in final_diags.iter().filter(|d| !fresh_diags.contains(d)) {
            eprintln!("server only: {d}");
        }
        for d in fresh_diags.iter().filter(|d| !final_diags.contains(d)) {
            eprintln!("fresh only: {d}");
        }
    }
    hovers.sort();
    Report {
        words,
        changes,
        elapsed,
        rss_kib: rss,
        hover_p95: hovers
            .get((hovers.len() as f64 * 0.95) as usize)
            .or(hovers.last())
            .copied()
            .unwrap_or_default(),
        final_latency,
        final_diagnostics: final_diags.len(),
        matches_fresh_check: final_diags == fresh_diags,
    }
}
