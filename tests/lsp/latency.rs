//! How long the editor waits for diagnostics: the time from sending `didChange` to receiving
//! the `publishDiagnostics` of that version, on a 5,000-word draft, with the debounce set to
//! zero so only the server's own work is measured (copying the rope, analysing, converting
//! positions, encoding JSON, the in-memory pipe).
//!
//! Prints median and p95: `cargo test --release --test lsp latency -- --nocapture`.

use crate::client::{capabilities, start};
use copydesk::lsp::Options;
use serde_json::{json, Value};
use std::fmt::Write;
use std::path::Path;
use std::time::{Duration, Instant};
use tower_lsp_server::ls_types::Uri;

const REGISTRY: &str = include_str!("../fixtures/parliament/registry.json");
const DRAFT: &str = include_str!("../fixtures/parliament/draft-with-errors.md");
const EDITS: usize = 60;

/// The parliament story's paragraphs repeated to at least `words` words, after its dateline.
fn long_draft(words: usize) -> String {
    let (dateline, body) = DRAFT.split_once('\n').unwrap();
    let mut out = format!("{dateline}\n");
    while out.split_whitespace().count() < words {
        out.push_str(body);
        out.push('\n');
    }
    out
}

/// A registry of `n` made-up people besides the parliament's entities, to measure with a
/// newsroom-sized name index.
fn large_registry(n: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ren", "sa", "tov", "lin", "dra", "ve", "nu", "pe", "zor", "ha", "ti",
        "gu", "bel",
    ];
    let word = |mut i: usize| {
        let mut w = String::new();
        for _ in 0..3 {
            w.push_str(SYLLABLES[i % 16]);
            i /= 16;
        }
        let mut c = w.chars();
        let first = c.next().unwrap().to_ascii_uppercase();
        format!("{first}{}", c.as_str())
    };
    let mut out = String::from("{\"version\": 1, \"entities\": [\n");
    for i in 0..n {
        let sep = if i + 1 == n { "" } else { "," };
        let _ = writeln!(
            out,
            "{{\"id\": \"p{i}\", \"kind\": \"person\", \"name\": \"{} {}\"}}{sep}",
            word(i),
            word(i / 7 + 1000)
        );
    }
    out.push_str("]}\n");
    out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

async fn measure(registries: &[(&str, String)], label: &str) -> (Duration, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for (name, text) in registries {
        std::fs::write(dir.path().join(name), text).unwrap();
        names.push(name.to_string());
    }
    std::fs::write(
        dir.path().join("copydesk.json"),
        json!({ "registries": names }).to_string(),
    )
    .unwrap();
    let uri = |p: &Path| Uri::from_file_path(p).unwrap().as_str().to_string();
    let draft_uri = uri(&dir.path().join("long.md"));
    let draft = long_draft(5000);
    let words = draft.split_whitespace().count();

    let options = Options {
        debounce: Duration::ZERO,
        ..Options::default()
    };
    let mut client = start(options);
    client
        .initialize(&uri(dir.path()), capabilities("utf-16"), Value::Null)
        .await;
    client.open(&draft_uri, &draft);
    let first = client.diagnostics(&draft_uri, Some(1)).await;
    assert!(first.len() >= 2, "{first:#?}");

    // Type and delete a character in the middle of the draft, one version at a time.
    let line = draft.lines().count() as u32 / 2;
    let mut samples = Vec::with_capacity(EDITS);
    for i in 0..EDITS {
        let version = i as i64 + 2;
        let at = json!({"line": line, "character": 5});
        let change = if i % 2 == 0 {
            json!([{"range": {"start": at, "end": at}, "text": "x"}])
        } else {
            json!([{"range": {"start": at, "end": {"line": line, "character": 6}}, "text": ""}])
        };
        let sent = Instant::now();
        client.change(&draft_uri, version, change);
        client.diagnostics(&draft_uri, Some(version)).await;
        samples.push(sent.elapsed());
    }
    samples.sort();
    let (median, p95) = (percentile(&samples, 0.5), percentile(&samples, 0.95));
    println!(
        "didChange -> publishDiagnostics, {words} words, {label}: median {:.2} ms, p95 {:.2} ms ({EDITS} edits, debounce excluded)",
        median.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3
    );
    client.shutdown().await;
    (median, p95)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diagnostics_follow_an_edit_quickly() {
    let small = [("parliament.json", REGISTRY.to_string())];
    let (_, p95) = measure(&small, "parliament registry").await;
    let large = [
        ("people.json", large_registry(100_000)),
        ("parliament.json", REGISTRY.to_string()),
    ];
    let (_, large_p95) = measure(&large, "parliament + 100,000 people").await;
    // Generous bounds that hold in a debug build on a slow machine; the release figures are
    // what the README quotes.
    assert!(p95 < Duration::from_millis(500), "p95 {p95:?}");
    assert!(large_p95 < Duration::from_millis(2000), "p95 {large_p95:?}");
}

/// Adaptive debounce (issue 16): with no check running and the last one cheap, an edit is
/// checked at once, not after the debounce (ten seconds here, which the test would notice).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cheap_check_of_an_idle_draft_does_not_wait_for_the_debounce() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("parliament.json"), REGISTRY).unwrap();
    std::fs::write(
        dir.path().join("copydesk.json"),
        json!({ "registries": ["parliament.json"] }).to_string(),
    )
    .unwrap();
    let uri = |p: &Path| Uri::from_file_path(p).unwrap().as_str().to_string();
    let draft_uri = uri(&dir.path().join("story.md"));
    let mut client = start(Options {
        debounce: Duration::from_secs(10),
        ..Options::default()
    });
    client
        .initialize(&uri(dir.path()), capabilities("utf-16"), Value::Null)
        .await;
    let started = Instant::now();
    client.open(&draft_uri, DRAFT);
    client.diagnostics(&draft_uri, Some(1)).await;
    let at = json!({"line": 2, "character": 0});
    client.change(
        &draft_uri,
        2,
        json!([{"range": {"start": at, "end": at}, "text": "x"}]),
    );
    client.diagnostics(&draft_uri, Some(2)).await;
    let took = started.elapsed();
    assert!(took < Duration::from_secs(5), "{took:?}");
    client.shutdown().await;
}
