//! Code actions that teach the registry: "Accept 'X' as a spelling of NAME" on a
//! `name-misspelling` (X joins the entity's `aliases`), and "Add 'X' to the registry (FILE)" on a
//! selected name or an unknown capitalised name of two words or more (a skeleton entity joins
//! the first registry file the configuration names).
//!
//! The server writes no files: each action is a workspace edit on the registry file for the
//! client to apply. When the file is open in the editor the edit is computed from that text and
//! targets that version (the client refuses it if the file moved on); otherwise it is computed
//! from the file on disk. Every edit is parsed as a registry before it is offered, so it never
//! leaves invalid JSON. The built-in registry is no file: nothing is offered for it.

use super::diagnostics::{Data, SOURCE};
use super::navigate::entity_file;
use super::session::{Analyzed, ClientFeatures};
use super::to_proto;
use crate::analysis::Code;
use crate::position::{Encoding, LineIndex};
use crate::registry::edit::{add_alias, append_entity, entity_objects, new_id, TextEdit};
use crate::registry::Kind;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use tower_lsp_server::ls_types::{
    self as lsp, CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, DocumentChanges,
    OneOf, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, Uri, WorkspaceEdit,
};

/// The command run after "Add to the registry" is applied: shows the new entity's name.
pub const SHOW_ENTITY: &str = "copydesk.showEntity";

/// A registry file's text as the editor has it (with the open version) or as it is on disk.
pub struct FileText {
    pub text: String,
    pub version: Option<i32>,
}

/// What the actions need from outside: the client's features, the encoding and each file's
/// current text.
pub struct Env<'a> {
    pub features: ClientFeatures,
    pub enc: Encoding,
    pub text_of: &'a dyn Fn(&Path) -> Option<FileText>,
}

/// The registry actions for a request on `range` (bytes of the analysed text) with the
/// client's `diagnostics`.
pub fn actions(
    a: &Analyzed,
    diagnostics: &[Diagnostic],
    range: Range<usize>,
    env: &Env,
) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    for d in diagnostics
        .iter()
        .filter(|d| d.source.as_deref() == Some(SOURCE))
    {
        out.extend(accept_spelling(a, d, env));
    }
    out.extend(add_to_registry(a, range, env));
    out
}

/// "Accept 'Volodine' as a spelling of Vyacheslav Volodin".
fn accept_spelling(a: &Analyzed, d: &Diagnostic, env: &Env) -> Option<CodeActionOrCommand> {
    let data: Data = serde_json::from_value(d.data.clone()?).ok()?;
    if data.version != a.version {
        return None;
    }
    let id = data.entity?;
    let finding = a.analysis.findings.iter().find(|f| {
        f.code == Code::NameMisspelling
            && f.entity.as_deref() == Some(id.as_str())
            && to_proto::range(&a.index, &a.text, &f.range, env.enc) == d.range
    })?;
    let mention =
        a.analysis.mentions.iter().find(|m| {
            m.range.start == finding.range.start && a.registry.entity(m.entity).id == id
        })?;
    let written = a.text[finding.range.clone()].to_string();
    let entity = a.registry.entity(mention.entity);
    // A form the registry lists as a wrong spelling is the registry's decision, not an
    // oversight: accepting it is an edit of `variants` for the person who keeps the registry.
    if entity.variants.contains(&written) {
        return None;
    }
    let path = entity_file(&a.registry, mention.entity)?;
    let file = (env.text_of)(&path)?;
    let edit = add_alias(&path.display().to_string(), &file.text, &id, &written)?;
    let title = format!("Accept '{written}' as a spelling of {}", entity.name);
    let mut action = action(title, &path, &file, edit, env)?;
    action.diagnostics = Some(vec![d.clone()]);
    Some(CodeActionOrCommand::CodeAction(action))
}

/// "Add 'Ann Lee' to the registry (people.json)": on a selection, or on a capitalised name of
/// two words or more that the registry does not know, under the cursor.
fn add_to_registry(a: &Analyzed, range: Range<usize>, env: &Env) -> Option<CodeActionOrCommand> {
    let name = if range.is_empty() {
        unknown_name_at(a, range.start)?
    } else {
        a.text.get(range.clone())?.trim().to_string()
    };
    let words = name.split_whitespace().count();
    if words == 0 || words > 8 || name.contains(['\n', '\r']) {
        return None;
    }
    // A name the registry already has (as a name, alias or known variant) is not new.
    let index = a.registry.index();
    if index
        .forms_starting(&name, 64)
        .iter()
        .any(|&f| *index.form(f).text == *name)
    {
        return None;
    }
    let path = a
        .registry_files
        .iter()
        .find(|p| !crate::registry_index::is_index_path(p))?;
    let file = (env.text_of)(path)?;
    let in_file = entity_objects(&file.text);
    let id = new_id(&name, |id| {
        a.registry.get(id).is_some() || in_file.iter().any(|(i, _)| i == id)
    });
    let (edit, name_range) = append_entity(
        &path.display().to_string(),
        &file.text,
        &id,
        Kind::Person,
        &name,
    )?;
    let shown = path.file_name().map_or(path.display().to_string(), |n| {
        n.to_string_lossy().into_owned()
    });
    let title = format!("Add '{name}' to the registry ({shown})");
    let edited = edit.apply(&file.text);
    let mut action = action(title, path, &file, edit, env)?;
    // Where the new name lands once the edit is applied, for the editor to show.
    let index = LineIndex::new(&edited);
    let at = to_proto::range(&index, &edited, &name_range, env.enc);
    if env.features.show_document {
        action.command = Some(lsp::Command {
            title: "Show the new entity".into(),
            command: SHOW_ENTITY.into(),
            arguments: Some(vec![
                serde_json::to_value(Uri::from_file_path(path)?).ok()?,
                serde_json::to_value(at).ok()?,
            ]),
        });
    }
    Some(CodeActionOrCommand::CodeAction(action))
}

/// The capitalised run of two or more words around byte `offset` that no mention covers.
fn unknown_name_at(a: &Analyzed, offset: usize) -> Option<String> {
    let text = &a.text;
    let line_start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = text[offset.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |i| offset + i);
    let line = &text[line_start..line_end];
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-' | '.');
    // Runs of capitalised words separated by single spaces.
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    for word in line.split(' ') {
        let start = line_start + i;
        i += word.len() + 1;
        let word = word.trim_end_matches([',', ';', ':', '!', '?', ')', '"', '\u{201d}']);
        let capital = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(is_word)
            && word.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        let end = start + word.len();
        match runs.last_mut() {
            Some(r) if capital && r.end + 1 == start && !text[r.clone()].ends_with('.') => {
                r.end = end
            }
            _ if capital => runs.push(start..end),
            _ => {}
        }
    }
    let run = runs
        .into_iter()
        .find(|r| r.start <= offset && offset <= r.end)?;
    let name = text[run.clone()].trim_end_matches(['.', '\'']);
    let covered = a
        .analysis
        .mentions
        .iter()
        .any(|m| m.range.start < run.end && run.start < m.range.end);
    (name.split(' ').count() >= 2 && !covered).then(|| name.to_string())
}

/// A quick fix that applies `edit` to the registry file at `path`.
fn action(
    title: String,
    path: &Path,
    file: &FileText,
    edit: TextEdit,
    env: &Env,
) -> Option<CodeAction> {
    let uri = Uri::from_file_path(path)?;
    let index = LineIndex::new(&file.text);
    let change = lsp::TextEdit::new(
        to_proto::range(&index, &file.text, &edit.range, env.enc),
        edit.text,
    );
    let edit = if env.features.document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri,
                    version: file.version,
                },
                edits: vec![OneOf::Left(change)],
            }])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(uri, vec![change])])),
            ..WorkspaceEdit::default()
        }
    };
    Some(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        edit: Some(edit),
        ..CodeAction::default()
    })
}
