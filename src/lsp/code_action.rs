//! Code actions: each finding's fixes, and "Turn off CODE on this line".
//!
//! The fixes come from the diagnostic's `data`, with the version they were computed for. A
//! diagnostic of another version is refused, and every edit is a versioned `WorkspaceEdit`
//! that the client will not apply to text that has moved since.

use super::diagnostics::{Data, SOURCE};
use super::session::{Analyzed, ClientFeatures};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tower_lsp_server::jsonrpc::{Error, ErrorCode};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, DocumentChanges, NumberOrString,
    OneOf, OptionalVersionedTextDocumentIdentifier, Position, Range, TextDocumentEdit, TextEdit,
    Uri, WorkspaceEdit,
};

/// What a lazily resolved action carries until `codeAction/resolve`.
#[derive(Serialize, Deserialize)]
pub struct Pending {
    pub uri: Uri,
    pub version: i32,
    pub edits: Vec<TextEdit>,
}

/// The actions for the diagnostics the client sent, against the current analysis `a`.
pub fn actions(
    uri: &Uri,
    diagnostics: &[Diagnostic],
    a: &Analyzed,
    features: ClientFeatures,
) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    let mut turned_off = Vec::new();
    for d in diagnostics
        .iter()
        .filter(|d| d.source.as_deref() == Some(SOURCE))
    {
        let Some(data) = d
            .data
            .clone()
            .and_then(|v| serde_json::from_value::<Data>(v).ok())
        else {
            continue;
        };
        if data.version != a.version {
            tracing::debug!(
                uri = uri.as_str(),
                data.version,
                a.version,
                "refusing fixes of an older version"
            );
            continue;
        }
        let preferred = data.fixes.len() == 1;
        for fix in data.fixes {
            out.push(action(
                uri, a.version, fix.title, fix.edits, d, preferred, features,
            ));
        }
        let Some(NumberOrString::String(code)) = &d.code else {
            continue;
        };
        let line = d.range.start.line;
        if turned_off.contains(&(code.clone(), line)) {
            continue;
        }
        if let Some(edit) = disable_comment(a, code, line) {
            turned_off.push((code.clone(), line));
            let title = format!("Turn off {code} on this line");
            out.push(action(
                uri,
                a.version,
                title,
                vec![edit],
                d,
                false,
                features,
            ));
        }
    }
    out
}

fn action(
    uri: &Uri,
    version: i32,
    title: String,
    edits: Vec<TextEdit>,
    diagnostic: &Diagnostic,
    preferred: bool,
    features: ClientFeatures,
) -> CodeActionOrCommand {
    let (edit, data) = if features.resolve_edits {
        let pending = Pending {
            uri: uri.clone(),
            version,
            edits,
        };
        (None, serde_json::to_value(pending).ok())
    } else {
        (Some(workspace_edit(uri, version, edits, features)), None)
    };
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        is_preferred: preferred.then_some(true),
        edit,
        data,
        ..CodeAction::default()
    })
}

/// Fills in a lazily resolved action's edit, if the document is still at its version.
pub fn resolve(
    mut action: CodeAction,
    current_version: impl FnOnce(&Uri) -> Option<i32>,
    features: ClientFeatures,
) -> Result<CodeAction, Error> {
    let pending: Pending = action
        .data
        .take()
        .and_then(|v| serde_json::from_value(v).ok())
        .ok_or_else(|| Error::invalid_params("this code action carries no copydesk data"))?;
    if current_version(&pending.uri) != Some(pending.version) {
        return Err(Error {
            code: ErrorCode::ContentModified,
            message: "the document changed since this fix was offered".into(),
            data: None,
        });
    }
    action.edit = Some(workspace_edit(
        &pending.uri,
        pending.version,
        pending.edits,
        features,
    ));
    Ok(action)
}

/// A versioned edit where the client takes one; otherwise plain changes (the version was
/// checked against the current document just before).
fn workspace_edit(
    uri: &Uri,
    version: i32,
    edits: Vec<TextEdit>,
    features: ClientFeatures,
) -> WorkspaceEdit {
    if features.document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: uri.clone(),
                    version: Some(version),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }
    }
}

/// `<!-- copydesk-disable-next-line CODE -->` on its own line above `line`, with that line's
/// own line ending. Not offered above a wire-copy first line (`date YYYY-MM-DD ...`), which
/// must stay first.
fn disable_comment(a: &Analyzed, code: &str, line: u32) -> Option<TextEdit> {
    let pos = crate::position::Position { line, character: 0 };
    let start = a
        .index
        .offset(&a.text, pos, crate::position::Encoding::Utf8);
    let rest = &a.text[start..];
    if line == 0 && rest.starts_with("date ") {
        return None;
    }
    let eol = match rest.find(['\n', '\r']) {
        Some(i) if rest[i..].starts_with("\r\n") => "\r\n",
        Some(i) if rest[i..].starts_with('\r') => "\r",
        _ => "\n",
    };
    Some(TextEdit::new(
        Range::new(Position::new(line, 0), Position::new(line, 0)),
        format!("<!-- copydesk-disable-next-line {code} -->{eol}"),
    ))
}
