//! Checking one snapshot of an open draft, as plain functions: what to analyse, and the
//! analysis itself (run by the driver off the async threads).
//!
//! Every edit and reload bumps the document's generation. A snapshot is of one generation; the
//! driver keeps and publishes its analysis only if the document is still at that generation, so
//! diagnostics never describe text the editor no longer has. A snapshot carries the latest
//! finished analysis, whose unchanged paragraphs the new one reuses
//! ([`reanalyze_unless`]), and the analysis gives up when the driver says the text changed again.
//!
//! While no analysis of a document has finished (a huge draft just opened), a request reads
//! the paragraph at its position against the registry alone ([`around`]), and the draft's
//! first part is analysed on its own ([`first_part`]) so its diagnostics come at once.

use super::folder::FolderState;
use super::session::{Analyzed, Session};
use crate::analysis::{reanalyze_unless, Document, Format, Settings};
use crate::position::LineIndex;
use ropey::Rope;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use time::Date;
use tower_lsp_server::ls_types::{Position, Uri};

/// How far from a position [`around`] looks for the paragraph's ends, in lines each way, and
/// the most text it reads: a provisional answer must be quick.
const AROUND_LINES: usize = 40;
const AROUND_BYTES: usize = 64 * 1024;

/// A draft longer than this is analysed in two steps when it has no analysis yet: its first
/// [`FIRST_PART_BYTES`] (to a paragraph's end) on their own, published at once, then the whole.
pub const HUGE_DRAFT: usize = 64 * 1024;
pub const FIRST_PART_BYTES: usize = 16 * 1024;

/// The text of one generation of a draft, with the configuration to check it with.
pub struct Snapshot {
    /// A clone of the open document's rope: taken in constant time under the session's lock,
    /// and made one string only on the analysis thread ([`run`]), where copying a 10 MB draft
    /// keeps no request waiting.
    pub text: Rope,
    pub format: Format,
    pub version: i32,
    pub generation: u64,
    pub state: Arc<FolderState>,
    /// The latest finished analysis of the document, perhaps of another text.
    pub previous: Option<Arc<Analyzed>>,
    /// The story's date when `text` is only part of the draft (its dateline or front matter
    /// is elsewhere); `None` reads it from `text`.
    pub date: Option<Date>,
}

/// Where a document's analysis stands.
pub enum Ready {
    /// Not open, or not a draft: nothing to analyse.
    Nothing,
    /// The analysis of the current generation.
    Done(Arc<Analyzed>),
    /// The document's folder has not been loaded yet.
    NeedsFolder,
    /// This snapshot is to be analysed.
    Todo(Snapshot),
}

/// What analysing `uri` needs now.
pub fn prepare(s: &Session, uri: &Uri) -> Ready {
    let Some(doc) = s.documents.get(uri).filter(|d| d.is_draft) else {
        return Ready::Nothing;
    };
    if let Some(a) = doc.current() {
        return Ready::Done(a);
    }
    let Some(state) = s.folder(&doc.folder).and_then(|f| f.state.clone()) else {
        return Ready::NeedsFolder;
    };
    Ready::Todo(Snapshot {
        text: doc.rope.clone(),
        format: doc.format,
        version: doc.version,
        generation: doc.generation,
        state,
        previous: doc.analyzed.clone(),
        date: None,
    })
}

/// The first part of a huge draft with no analysis yet, as a snapshot of its own: the text up
/// to the last blank line within [`FIRST_PART_BYTES`] (the last line break when there is none).
/// Its findings are provisional: the analysis of the whole draft, which reuses this one's
/// paragraph searches, replaces them.
pub fn first_part(snapshot: &Snapshot) -> Option<Snapshot> {
    if snapshot.previous.is_some() || snapshot.text.len_bytes() <= HUGE_DRAFT {
        return None;
    }
    // Line breaks are ASCII: cutting after one is always at a character boundary.
    let head: Vec<u8> = snapshot.text.bytes().take(FIRST_PART_BYTES).collect();
    let blank = |end: &[u8]| end.ends_with(b"\n\n") || end.ends_with(b"\n\r\n");
    let cut = (1..=head.len())
        .rev()
        .find(|&i| blank(&head[..i]))
        .or_else(|| head.iter().rposition(|&b| b == b'\n').map(|i| i + 1))?;
    Some(Snapshot {
        text: snapshot.text.byte_slice(..cut).into(),
        format: snapshot.format,
        version: snapshot.version,
        generation: snapshot.generation,
        state: snapshot.state.clone(),
        previous: None,
        date: snapshot.date,
    })
}

/// The paragraph at a position, to be read on its own ([`run`]) while no analysis of the
/// document has finished.
pub struct Around {
    pub snapshot: Snapshot,
    /// The document's line the paragraph starts on.
    pub first_line: u32,
    /// The position in the paragraph.
    pub position: Position,
}

/// The lines around `pos` up to a blank line each way (at most [`AROUND_LINES`] each way and
/// [`AROUND_BYTES`] in all), as a snapshot of their own. `None` when the document is not an
/// open draft, its folder is not loaded, or the lines are too long.
pub fn around(s: &Session, uri: &Uri, pos: Position) -> Option<Around> {
    let doc = s.documents.get(uri).filter(|d| d.is_draft)?;
    let state = s.folder(&doc.folder)?.state.clone()?;
    let rope = &doc.rope;
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return None;
    }
    let blank = |l: usize| rope.line(l).chars().all(char::is_whitespace);
    let mut first = line;
    while first > 0 && line - first < AROUND_LINES && !blank(first - 1) {
        first -= 1;
    }
    let mut end = line + 1;
    while end < rope.len_lines() && end - line < AROUND_LINES && !blank(end) {
        end += 1;
    }
    let (start, stop) = (rope.line_to_byte(first), rope.line_to_byte(end));
    if stop - start > AROUND_BYTES {
        return None;
    }
    // The story's date is in its first lines (a dateline or front matter), not the paragraph.
    let head_end = rope.line_to_byte(rope.len_lines().min(AROUND_LINES));
    let cap = rope.char_to_byte(rope.byte_to_char(head_end.min(AROUND_BYTES)));
    let head = rope.byte_slice(..cap);
    let date = Document::parse(&head.to_string(), doc.format).date;
    Some(Around {
        snapshot: Snapshot {
            text: rope.byte_slice(start..stop).into(),
            format: doc.format,
            version: doc.version,
            generation: doc.generation,
            state,
            previous: None,
            date,
        },
        first_line: first as u32,
        position: Position {
            line: (line - first) as u32,
            character: pos.character,
        },
    })
}

/// Analyses a snapshot with `today` as the date of undated drafts, reusing what it can of the
/// previous analysis. `None` if `cancelled` said so, or if the analysis panicked (a bug,
/// logged); a check that panicked only loses its own findings.
pub fn run(
    snapshot: Snapshot,
    today: Date,
    uri: &Uri,
    cancelled: &dyn Fn() -> bool,
) -> Option<Analyzed> {
    let Snapshot {
        text,
        format,
        version,
        generation,
        state,
        previous,
        date,
    } = snapshot;
    let text = text.to_string();
    let settings = Settings {
        date,
        today,
        severity: state.severity.clone(),
        historical: state.historical,
    };
    let analysis = catch_unwind(AssertUnwindSafe(|| {
        let previous = previous.as_ref().map(|p| &p.analysis);
        reanalyze_unless(
            previous,
            &text,
            format,
            &state.registry,
            &settings,
            cancelled,
        )
    }));
    let Ok(analysis) = analysis else {
        tracing::error!(
            uri = uri.as_str(),
            "the analysis panicked; please report it"
        );
        return None;
    };
    // Dropped before the new analysis is kept: the two never live on together longer.
    drop(previous);
    // What the analysis read of a mapped index is decoded and kept now: its pages need not
    // stay resident a second time (see `release_records`).
    if let Some(index) = state.registry.mapped() {
        index.release_records();
    }
    let analysis = analysis?;
    for name in &analysis.failed_checks {
        tracing::error!(
            uri = uri.as_str(),
            "internal error in the {name} check; please report it"
        );
    }
    Some(Analyzed {
        version,
        generation,
        index: LineIndex::new(&text),
        text,
        analysis,
        registry: state.registry.clone(),
        registry_files: state.registry_files.clone(),
    })
}
