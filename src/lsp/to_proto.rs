//! The protocol's positions and ranges from the core's byte offsets, in the negotiated encoding,
//! and back. The converters for findings, hovers, code actions and registry answers build on
//! these.

use crate::position::{Encoding, LineIndex, Position};
use std::ops::Range;
use tower_lsp_server::ls_types as lsp;

/// A byte range of `text` as an LSP range.
pub fn range(index: &LineIndex, text: &str, r: &Range<usize>, enc: Encoding) -> lsp::Range {
    lsp::Range::new(
        position(index, text, r.start, enc),
        position(index, text, r.end, enc),
    )
}

/// A byte offset of `text` as an LSP position.
pub fn position(index: &LineIndex, text: &str, offset: usize, enc: Encoding) -> lsp::Position {
    let p = index.position(text, offset, enc);
    lsp::Position::new(p.line, p.character)
}

/// An LSP position as the core's (line and column in the negotiated encoding).
pub fn from_position(p: lsp::Position) -> Position {
    Position {
        line: p.line,
        character: p.character,
    }
}
