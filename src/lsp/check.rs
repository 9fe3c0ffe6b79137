//! Checking open drafts: debounce, analyse a snapshot off the async threads, publish only what is
//! still current.
//!
//! Every edit and reload bumps the document's generation. An analysis is of one generation; it
//! is kept and published only if the document is still at that generation, so diagnostics never
//! describe text the editor no longer has.

use super::config::{reload, Which};
use super::diagnostics;
use super::session::{Analyzed, Shared};
use crate::analysis::{analyze, Settings};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use tower_lsp_server::ls_types::Uri;

/// Checks `uri` again after the debounce, unless another edit supersedes this one first.
pub fn schedule(shared: &Arc<Shared>, uri: Uri) {
    let generation = {
        let mut s = shared.session();
        let Some(doc) = s.documents.get_mut(&uri).filter(|d| d.is_draft) else {
            return;
        };
        doc.generation += 1;
        doc.generation
    };
    let shared = shared.clone();
    tokio::spawn(async move {
        if !shared.options.debounce.is_zero() {
            tokio::time::sleep(shared.options.debounce).await;
        }
        if !is_current(&shared, &uri, generation) {
            return;
        }
        if let Some(analyzed) = current(&shared, &uri).await {
            publish(&shared, &uri, &analyzed).await;
        }
    });
}

fn is_current(shared: &Shared, uri: &Uri, generation: u64) -> bool {
    shared
        .session()
        .documents
        .get(uri)
        .is_some_and(|d| d.generation == generation)
}

/// The analysis of the document as it is now, computed if needed. `None` when the document is
/// not open, is not a draft, changed while it was analysed, or the analysis failed.
pub async fn current(shared: &Arc<Shared>, uri: &Uri) -> Option<Arc<Analyzed>> {
    let folder_missing = {
        let s = shared.session();
        let doc = s.documents.get(uri).filter(|d| d.is_draft)?;
        if let Some(a) = doc.current() {
            return Some(a);
        }
        s.folder(&doc.folder).is_none_or(|f| f.state.is_none())
    };
    if folder_missing {
        reload(shared, Which::Missing).await;
    }
    let (text, format, version, generation, state) = {
        let s = shared.session();
        let doc = s.documents.get(uri).filter(|d| d.is_draft)?;
        if let Some(a) = doc.current() {
            return Some(a);
        }
        let state = s.folder(&doc.folder)?.state.clone()?;
        (
            doc.rope.to_string(),
            doc.format,
            doc.version,
            doc.generation,
            state,
        )
    };
    let settings = Settings {
        date: None,
        today: time::OffsetDateTime::now_utc().date(),
        severity: state.severity.clone(),
        historical: state.historical,
    };
    let registry = state.registry.clone();
    let job = tokio::task::spawn_blocking(move || {
        catch_unwind(AssertUnwindSafe(|| {
            analyze(&text, format, &registry, &settings)
        }))
        .map(|analysis| (text, analysis))
    });
    let (text, analysis) = match job.await {
        Ok(Ok(done)) => done,
        _ => {
            tracing::error!(
                uri = uri.as_str(),
                "the analysis panicked; please report it"
            );
            return None;
        }
    };
    for name in &analysis.failed_checks {
        tracing::error!(
            uri = uri.as_str(),
            "internal error in the {name} check; please report it"
        );
    }
    let analyzed = Arc::new(Analyzed {
        version,
        generation,
        index: crate::position::LineIndex::new(&text),
        text,
        analysis,
        registry: state.registry.clone(),
        registry_files: state.registry_files.clone(),
    });
    let mut s = shared.session();
    let doc = s
        .documents
        .get_mut(uri)
        .filter(|d| d.generation == generation)?;
    doc.analyzed = Some(analyzed.clone());
    Some(analyzed)
}

/// Pushes diagnostics to a client that cannot pull them. A client that pulls asks after each
/// change and gets the current analysis; pushing as well would show every finding twice.
async fn publish(shared: &Shared, uri: &Uri, analyzed: &Analyzed) {
    let (encoding, pulls) = {
        let s = shared.session();
        (s.encoding, s.features.pull_diagnostics)
    };
    if pulls {
        return;
    }
    let diags = diagnostics::all(analyzed, uri, encoding);
    if !is_current(shared, uri, analyzed.generation) {
        return;
    }
    shared
        .client
        .publish_diagnostics(uri.clone(), diags, Some(analyzed.version))
        .await;
}
