//! Checking many drafts on every core, printing as files finish.
//!
//! Workers take the next file from a shared counter, read and check it, and hand back its
//! report already rendered, so the printer holds text, not documents. `jsonl` is printed in the
//! order files finish; human and JSON output keep the files' order, holding back what finished
//! early, and workers stop at most [`WINDOW`] files ahead of the printer so a slow file cannot
//! make the rest pile up in memory. SARIF is one document with shared rule tables and is
//! collected whole.

use super::report::{self, FileReport};
use super::OutputFormat;
use copydesk::analysis::{analyze, Format, Settings, Severity};
use copydesk::registry::Registry;
use copydesk::workspace::read_text;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// How many files workers may run ahead of the first one not yet printed.
const WINDOW: usize = 256;

/// What a batch found, for the exit status.
#[derive(Default)]
pub struct Outcome {
    /// The most severe finding in any file.
    pub worst: Option<Severity>,
    /// A file could not be read.
    pub unreadable: bool,
    /// Files checked and reported.
    checked: usize,
}

/// One file's result, rendered by the worker that checked it.
enum Done {
    Rendered {
        text: String,
        findings: usize,
        worst: Option<Severity>,
    },
    Sarif(FileReport),
    Unreadable,
}

/// The printer's progress, which workers wait on in ordered formats.
struct Progress {
    printed: Mutex<usize>,
    advanced: Condvar,
}

/// Checks `files` on `jobs` threads (0: one per core) and writes the report to `out`.
pub fn run(
    files: &[PathBuf],
    registry: &Registry,
    settings: &Settings,
    format: OutputFormat,
    jobs: usize,
    out: &mut impl Write,
) -> io::Result<Outcome> {
    let jobs = match jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .clamp(1, files.len().max(1));
    let ordered = format != OutputFormat::Jsonl;
    let next = AtomicUsize::new(0);
    let progress = Progress {
        printed: Mutex::new(0),
        advanced: Condvar::new(),
    };
    let (send, receive) = mpsc::sync_channel::<(usize, Done)>(jobs * 4);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let send = send.clone();
            let (next, progress) = (&next, &progress);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(i) else { break };
                if ordered {
                    wait_for(progress, i);
                }
                let done = check_one(path, registry, settings, format);
                if send.send((i, done)).is_err() {
                    break;
                }
            });
        }
        drop(send);
        let result = print(receive, format, &progress, out);
        // On a write error the receiver is dropped, which stops the workers; wake any waiting.
        *progress.printed.lock().unwrap_or_else(|e| e.into_inner()) = usize::MAX / 2;
        progress.advanced.notify_all();
        result
    })
}

/// Blocks while file `i` is more than [`WINDOW`] files ahead of the printer.
fn wait_for(progress: &Progress, i: usize) {
    let mut printed = progress.printed.lock().unwrap_or_else(|e| e.into_inner());
    while i >= *printed + WINDOW {
        printed = progress
            .advanced
            .wait(printed)
            .unwrap_or_else(|e| e.into_inner());
    }
}

fn check_one(
    path: &std::path::Path,
    registry: &Registry,
    settings: &Settings,
    format: OutputFormat,
) -> Done {
    let text = match read_text(path) {
        Ok(t) => t,
        Err(p) => {
            eprintln!("copydesk: {p}");
            return Done::Unreadable;
        }
    };
    let analysis = analyze(
        &text,
        Format::from_path(&path.to_string_lossy()),
        registry,
        settings,
    );
    for name in &analysis.failed_checks {
        eprintln!(
            "copydesk: internal error in the {name} check on {}; please report it",
            path.display()
        );
    }
    let r = FileReport {
        path: path.to_path_buf(),
        text,
        findings: analysis.findings,
    };
    let worst = r.findings.iter().map(|f| f.severity).min();
    let findings = r.findings.len();
    let text = match format {
        OutputFormat::Human => report::human_file(&r),
        OutputFormat::Jsonl => report::jsonl_lines(&r),
        OutputFormat::Json => {
            indent(&serde_json::to_string_pretty(&report::json_file(&r)).unwrap_or_default())
        }
        OutputFormat::Sarif => return Done::Sarif(r),
    };
    Done::Rendered {
        text,
        findings,
        worst,
    }
}

/// A pretty-printed file entry indented to sit inside the report's `files` array. JSON strings
/// hold no raw line breaks, so indenting every line is safe.
fn indent(pretty: &str) -> String {
    let mut out = String::with_capacity(pretty.len() + 64);
    for line in pretty.lines() {
        out.push_str("    ");
        out.push_str(line);
        out.push('\n');
    }
    out.pop();
    out
}

fn print(
    receive: mpsc::Receiver<(usize, Done)>,
    format: OutputFormat,
    progress: &Progress,
    out: &mut impl Write,
) -> io::Result<Outcome> {
    let mut outcome = Outcome::default();
    let mut held: BTreeMap<usize, Done> = BTreeMap::new();
    let mut sarif = Vec::new();
    let (mut next, mut total) = (0, 0);
    if format == OutputFormat::Json {
        // Keys in the order serde_json writes the whole document: sorted.
        out.write_all(b"{\n  \"files\": [")?;
    }
    for (i, done) in receive {
        if format == OutputFormat::Jsonl {
            emit(done, format, &mut outcome, &mut total, &mut sarif, out)?;
            continue;
        }
        held.insert(i, done);
        while let Some(done) = held.remove(&next) {
            emit(done, format, &mut outcome, &mut total, &mut sarif, out)?;
            next += 1;
        }
        *progress.printed.lock().unwrap_or_else(|e| e.into_inner()) = next;
        progress.advanced.notify_all();
    }
    match format {
        OutputFormat::Human => report::human_summary(out, total, outcome.checked)?,
        OutputFormat::Json => out.write_all(if outcome.checked == 0 {
            b"],\n  \"version\": 1\n}\n"
        } else {
            b"\n  ],\n  \"version\": 1\n}\n"
        })?,
        OutputFormat::Sarif => report::print_to(out, format, &sarif)?,
        OutputFormat::Jsonl => {}
    }
    out.flush()?;
    Ok(outcome)
}

fn emit(
    done: Done,
    format: OutputFormat,
    outcome: &mut Outcome,
    total: &mut usize,
    sarif: &mut Vec<FileReport>,
    out: &mut impl Write,
) -> io::Result<()> {
    let worst = match done {
        Done::Unreadable => {
            outcome.unreadable = true;
            return Ok(());
        }
        Done::Sarif(r) => {
            let worst = r.findings.iter().map(|f| f.severity).min();
            sarif.push(r);
            worst
        }
        Done::Rendered {
            text,
            findings,
            worst,
        } => {
            if format == OutputFormat::Json {
                out.write_all(if outcome.checked == 0 { b"\n" } else { b",\n" })?;
            }
            out.write_all(text.as_bytes())?;
            *total += findings;
            worst
        }
    };
    outcome.checked += 1;
    outcome.worst = match (outcome.worst, worst) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    Ok(())
}
