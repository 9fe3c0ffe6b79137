//! The outline of a draft (`textDocument/documentSymbol`): who is in this story. Each entity
//! the draft mentions, in the order of its first mention, with its role on the story's date;
//! its mentions are its children.

use super::hover::role_detail;
use super::session::Analyzed;
use super::to_proto;
use crate::position::Encoding;
use crate::registry::{EntityIdx, Kind};
use tower_lsp_server::ls_types::{DocumentSymbol, SymbolKind};

/// How an entity's kind shows in symbol lists (the protocol has no person or place).
pub fn symbol_kind(kind: Kind) -> SymbolKind {
    match kind {
        Kind::Person => SymbolKind::OBJECT,
        Kind::Organization => SymbolKind::NAMESPACE,
        Kind::Place => SymbolKind::PACKAGE,
        Kind::Other => SymbolKind::CONSTANT,
    }
}

/// One entry per entity mentioned, in the order of first mention.
pub fn outline(a: &Analyzed, enc: Encoding) -> Vec<DocumentSymbol> {
    let mut order: Vec<EntityIdx> = Vec::new();
    let mut mentions = a.analysis.mentions.clone();
    mentions.sort_by_key(|m| m.range.start);
    for m in &mentions {
        if !order.contains(&m.entity) {
            order.push(m.entity);
        }
    }
    let range = |r: &std::ops::Range<usize>| to_proto::range(&a.index, &a.text, r, enc);
    order
        .into_iter()
        .map(|idx| {
            let entity = a.registry.entity(idx);
            let own: Vec<_> = mentions.iter().filter(|m| m.entity == idx).collect();
            let children: Vec<DocumentSymbol> = own
                .iter()
                .map(|m| {
                    #[allow(deprecated)]
                    DocumentSymbol {
                        name: a.text[m.range.clone()].to_string(),
                        detail: None,
                        kind: symbol_kind(entity.kind),
                        tags: None,
                        deprecated: None,
                        range: range(&m.range),
                        selection_range: range(&m.range),
                        children: None,
                    }
                })
                .collect();
            let first = own[0].range.clone();
            let span = first.start..own.iter().map(|m| m.range.end).max().unwrap_or(first.end);
            #[allow(deprecated)]
            DocumentSymbol {
                name: entity.name.clone(),
                detail: Some(role_detail(&a.registry, idx, a.analysis.date)),
                kind: symbol_kind(entity.kind),
                tags: None,
                deprecated: None,
                range: range(&span),
                selection_range: range(&first),
                children: Some(children),
            }
        })
        .collect()
}
