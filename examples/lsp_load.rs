//! The load test, run by hand: 200 `didChange` a second for 60 seconds to a 5,000-word draft,
//! through the in-process server.
//!
//! `cargo run --release --example lsp_load [SECONDS] [RATE]`

#[path = "../tests/lsp/client.rs"]
mod client;
#[path = "../tests/lsp/load.rs"]
mod load;

use std::time::Duration;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let rate: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let r = load::run(Duration::from_secs(seconds), rate).await;
    let mib = |k: u64| k as f64 / 1024.0;
    println!(
        "{} didChange in {:.1} s ({:.0}/s) to a {}-word draft",
        r.changes,
        r.elapsed.as_secs_f64(),
        r.changes as f64 / r.elapsed.as_secs_f64(),
        r.words
    );
    println!(
        "resident memory: start {:.1} MiB, end {:.1} MiB, peak {:.1} MiB",
        mib(r.rss_kib[0]),
        mib(*r.rss_kib.last().unwrap()),
        mib(*r.rss_kib.iter().max().unwrap())
    );
    println!(
        "hover while typing: p95 {:.1} ms",
        r.hover_p95.as_secs_f64() * 1e3
    );
    println!(
        "last didChange -> its diagnostics: {:.0} ms (debounce 150 ms included); {} diagnostics; same as a fresh check: {}",
        r.final_latency.as_secs_f64() * 1e3,
        r.final_diagnostics,
        r.matches_fresh_check
    );
    if !r.matches_fresh_check {
        std::process::exit(1);
    }
}
