//! Checking one snapshot of an open draft, as plain functions: what to analyse, and the
//! analysis itself (run by the driver off the async threads).
//!
//! Every edit and reload bumps the document's generation. A snapshot is of one generation; the
//! driver keeps and publishes its analysis only if the document is still at that generation, so
//! diagnostics never describe text the editor no longer has.

use super::folder::FolderState;
use super::session::{Analyzed, Session};
use crate::analysis::{analyze, Format, Settings};
use crate::position::LineIndex;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use time::Date;
use tower_lsp_server::ls_types::Uri;

/// The text of one generation of a draft, with the configuration to check it with.
pub struct Snapshot {
    pub text: String,
    pub format: Format,
    pub version: i32,
    pub generation: u64,
    pub state: Arc<FolderState>,
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
        text: doc.rope.to_string(),
        format: doc.format,
        version: doc.version,
        generation: doc.generation,
        state,
    })
}

/// Analyses a snapshot with `today` as the date of undated drafts. `None` if the analysis
/// panicked (a bug, logged); a check that panicked only loses its own findings.
pub fn run(snapshot: Snapshot, today: Date, uri: &Uri) -> Option<Analyzed> {
    let Snapshot {
        text,
        format,
        version,
        generation,
        state,
    } = snapshot;
    let settings = Settings {
        date: None,
        today,
        severity: state.severity.clone(),
    };
    let analysis = catch_unwind(AssertUnwindSafe(|| {
        analyze(&text, format, &state.registry, &settings)
    }));
    let Ok(analysis) = analysis else {
        tracing::error!(
            uri = uri.as_str(),
            "the analysis panicked; please report it"
        );
        return None;
    };
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
