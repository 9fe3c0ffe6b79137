//! Between drafts and the registry: the registry entry of a mention (`textDocument/definition`),
//! every mention of an entity in the open drafts (`textDocument/references`), and the registry
//! searched by name (`workspace/symbol`).
//!
//! An entity's place is looked up in its file's text as it is now (the open editor's version,
//! else the file on disk), found by its id, so it follows edits not yet saved or reloaded. The
//! built-in default registry is no file: its entities have no place to go to.

use super::hover::role_detail;
use super::outline::symbol_kind;
use super::session::Analyzed;
use super::to_proto;
use crate::analysis::Mention;
use crate::position::{Encoding, LineIndex};
use crate::registry::edit::{entity_objects, find_entity};
use crate::registry::{EntityIdx, FormKind, Registry, DEFAULT_REGISTRY_NAME};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use time::Date;
use tower_lsp_server::ls_types::{Location, OneOf, Uri, WorkspaceSymbol};

/// The most symbols one search answers.
const MAX_SYMBOLS: usize = 100;

/// The mention at byte `offset`, if any.
pub fn mention_at(a: &Analyzed, offset: usize) -> Option<&Mention> {
    a.analysis
        .mentions
        .iter()
        .find(|m| m.range.contains(&offset))
}

/// The registry file entity `idx` was loaded from; `None` for the built-in registry.
pub fn entity_file(registry: &Registry, idx: EntityIdx) -> Option<PathBuf> {
    let file = &registry.provenance(idx)?.file;
    let path = PathBuf::from(file);
    (file != DEFAULT_REGISTRY_NAME && path.is_absolute()).then_some(path)
}

/// Where entity `id`'s object is in `text`, the text of the file at `path`.
pub fn entity_location(path: &Path, text: &str, id: &str, enc: Encoding) -> Option<Location> {
    let object = find_entity(text, id)?.object;
    let index = LineIndex::new(text);
    let range = to_proto::range(&index, text, &object, enc);
    Some(Location::new(Uri::from_file_path(path)?, range))
}

/// The mentions of entity `id` in one analysed draft.
pub fn mentions_of(a: &Analyzed, uri: &Uri, id: &str, enc: Encoding) -> Vec<Location> {
    a.analysis
        .mentions
        .iter()
        .filter(|m| a.registry.entity(m.entity).id == id)
        .map(|m| {
            let range = to_proto::range(&a.index, &a.text, &m.range, enc);
            Location::new(uri.clone(), range)
        })
        .collect()
}

/// A registry file's text, its lines, and its entities' ids and objects.
type FileText = (LineIndex, Vec<(String, std::ops::Range<usize>)>, String);

/// The query as a name's beginning: a query typed in lower case ("volo") is read capitalised,
/// as names are written.
fn as_written(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    let mut start = true;
    for c in query.trim().chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = c == ' ';
    }
    out
}

/// The registry's entities whose name or alias starts with `query`, each with its place in
/// its file (read through `text_of`, once per file); entities of no file are left out.
pub fn symbols(
    registry: &Registry,
    query: &str,
    date: Date,
    mut text_of: impl FnMut(&Path) -> Option<String>,
    enc: Encoding,
) -> Vec<WorkspaceSymbol> {
    let query = as_written(query);
    if query.is_empty() {
        return Vec::new();
    }
    let mut files: HashMap<PathBuf, Option<FileText>> = HashMap::new();
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for id in registry.index().forms_starting(&query, MAX_SYMBOLS * 4) {
        let form = registry.index().form(id);
        if form.kind == FormKind::Variant || seen.contains(&form.entity) {
            continue;
        }
        seen.push(form.entity);
        let Some(path) = entity_file(registry, form.entity) else {
            continue;
        };
        let file = files.entry(path.clone()).or_insert_with(|| {
            let text = text_of(&path)?;
            Some((LineIndex::new(&text), entity_objects(&text), text))
        });
        let Some((index, objects, text)) = file else {
            continue;
        };
        let entity = registry.entity(form.entity);
        let Some((_, object)) = objects.iter().rev().find(|(i, _)| *i == entity.id) else {
            continue;
        };
        let Some(uri) = Uri::from_file_path(&path) else {
            continue;
        };
        let range = to_proto::range(index, text, object, enc);
        out.push(WorkspaceSymbol {
            name: entity.name.clone(),
            kind: symbol_kind(entity.kind),
            tags: None,
            container_name: Some(role_detail(registry, form.entity, date)),
            location: OneOf::Left(Location::new(uri, range)),
            data: None,
        });
        if out.len() >= MAX_SYMBOLS {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lower_case_query_is_read_capitalised() {
        assert_eq!(as_written("volo"), "Volo");
        assert_eq!(as_written(" vyacheslav vol"), "Vyacheslav Vol");
        assert_eq!(as_written("NPC"), "NPC");
    }
}
