//! Offset <-> position conversion against a plain model, in UTF-8, UTF-16 and UTF-32: `position`
//! then `offset` returns the same character boundary, positions grow with offsets, and any
//! position (even past a line's or the text's end) maps to a boundary inside the text.

#![no_main]

mod common;

use common::{inside_crlf, ENCODINGS};
use copydesk::position::{Encoding, LineIndex, Position};
use libfuzzer_sys::fuzz_target;

fn width(enc: Encoding, c: char) -> u32 {
    match enc {
        Encoding::Utf8 => c.len_utf8() as u32,
        Encoding::Utf16 => c.len_utf16() as u32,
        Encoding::Utf32 => 1,
    }
}

/// Each line's content as (start, end) byte offsets, ends excluding `\n`, `\r\n` or `\r`.
fn model_lines(text: &str) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' => {
                lines.push((start, i));
                start = i + 1;
            }
            '\r' => {
                lines.push((start, i));
                start = if chars.peek().map(|&(_, c)| c) == Some('\n') {
                    chars.next();
                    i + 2
                } else {
                    i + 1
                };
            }
            _ => {}
        }
    }
    lines.push((start, text.len()));
    lines
}

fn model_offset(text: &str, lines: &[(usize, usize)], pos: Position, enc: Encoding) -> usize {
    let Some(&(start, end)) = lines.get(pos.line as usize) else {
        return text.len();
    };
    let mut column = 0;
    for (i, c) in text[start..end].char_indices() {
        column += width(enc, c);
        if column > pos.character {
            return start + i;
        }
    }
    end
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let index = LineIndex::new(text);
    let lines = model_lines(text);
    assert_eq!(index.line_count(), lines.len());

    let boundaries: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let step = (boundaries.len() / 256).max(1);
    for enc in ENCODINGS {
        let mut last = Position {
            line: 0,
            character: 0,
        };
        for &offset in boundaries.iter().step_by(step) {
            let pos = index.position(text, offset, enc);
            assert!(
                pos >= last,
                "positions go backwards at {offset}: {last:?} then {pos:?}"
            );
            last = pos;
            if !inside_crlf(text, offset) {
                assert_eq!(
                    index.offset(text, pos, enc),
                    offset,
                    "{offset} via {pos:?} in {enc:?}"
                );
            }
            // A column inside a character, or past the line, lands where the model says.
            for nudge in [1, 2, 3] {
                let off = Position {
                    line: pos.line,
                    character: pos.character + nudge,
                };
                let got = index.offset(text, off, enc);
                assert!(text.is_char_boundary(got));
                assert_eq!(
                    got,
                    model_offset(text, &lines, off, enc),
                    "{off:?} in {enc:?}"
                );
            }
        }
        // Lines past the end, columns far past the line.
        for line in [lines.len() as u32, lines.len() as u32 + 1, u32::MAX] {
            let pos = Position { line, character: 0 };
            assert_eq!(index.offset(text, pos, enc), text.len());
        }
        for (l, _) in lines.iter().enumerate().step_by((lines.len() / 64).max(1)) {
            let pos = Position {
                line: l as u32,
                character: u32::MAX,
            };
            assert_eq!(
                index.offset(text, pos, enc),
                model_offset(text, &lines, pos, enc)
            );
        }
        // Offsets past the end clamp to it.
        let end = index.position(text, text.len(), enc);
        assert_eq!(index.position(text, text.len() + 7, enc), end);
    }
});
