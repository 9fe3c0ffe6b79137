//! Development harness for the attribution checks on PolNeAR's training split (real US political
//! news with sources, cues and contents annotated). Not run in CI: the corpus has no licence, so
//! it stays outside the repository.
//!
//! `cargo run --release --example polnear -- PATH/TO/PolNeAR/data/train [--show N]`
//!
//! Only the training split may be read: a path naming `dev` or `test` is refused, so the held-out
//! splits stay unseen. Each story is checked as a plain-text draft with an empty registry. What it
//! measures:
//! - attributed sentences (holding an annotated cue, or inside an annotated content) flagged
//!   `unattributed-claim`, by the kind of cue;
//! - claims whose attribution is cut: a sentence holding source, cue and content of one
//!   unquoted attribution, reduced to the content alone, flagged `unattributed-claim` (by the
//!   claim kind a small independent word list gives the content);
//! - cut verbs: the same sentence, quoted or not, with only a reporting verb removed, flagged
//!   `incomplete-attribution` (by where the source stands);
//! - headlines (the first line of each story) with any finding;
//! - the flag rate on sentences with no attribution at all.

mod corpus;
mod measure;

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut show = 0usize;
    while let Some(a) = args.next() {
        if a == "--show" {
            show = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
        } else {
            path = Some(PathBuf::from(a));
        }
    }
    let Some(path) = path else {
        eprintln!("usage: polnear PATH/TO/PolNeAR/data/train [--show N]");
        std::process::exit(2);
    };
    let held_out = path
        .components()
        .any(|c| matches!(c.as_os_str().to_str(), Some("dev" | "test")));
    if held_out || path.file_name().and_then(|n| n.to_str()) != Some("train") {
        eprintln!(
            "polnear: refusing {}: only the training split (data/train) may be read",
            path.display()
        );
        std::process::exit(2);
    }
    let stories = match corpus::load(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("polnear: {e}");
            std::process::exit(2);
        }
    };
    let report = measure::measure(&stories);
    report.print(show);
}
