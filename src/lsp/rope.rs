//! Positions in the server's open documents, which live in ropes: converted with the same rules
//! as [`LineIndex`], so an edit lands where the analysis would put it.

use crate::position::{Encoding, Position};
use ropey::Rope;

/// The byte offset of a position in a rope, clamped as [`LineIndex::offset`] clamps. The rope
/// must count lines as LSP does (ropey's `cr_lines` without `unicode_lines`).
pub fn rope_offset(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_bytes();
    }
    let mut offset = rope.line_to_byte(line);
    let mut column = 0;
    for c in rope.line(line).chars() {
        let w = enc.width(c);
        if matches!(c, '\n' | '\r') || column + w > pos.character as usize {
            break;
        }
        column += w;
        offset += c.len_utf8();
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::position::LineIndex;

    #[test]
    fn rope_and_line_index_agree() {
        let text = "date 2025-08-26 Zhao\r\nJose\u{301} 😀 中文\rlone\n\nend";
        let rope = Rope::from_str(text);
        let idx = LineIndex::new(text);
        assert_eq!(rope.len_lines(), idx.line_count());
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            for line in 0..7 {
                for character in 0..30 {
                    let pos = Position { line, character };
                    assert_eq!(
                        rope_offset(&rope, pos, enc),
                        idx.offset(text, pos, enc),
                        "{pos:?} {enc:?}"
                    );
                }
            }
        }
    }
}
