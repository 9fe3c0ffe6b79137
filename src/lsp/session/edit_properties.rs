//! Property: any sequence of incremental `didChange` edits, in UTF-8, UTF-16 or UTF-32
//! positions, leaves the open document equal to a plain `String` that had the same edits.
//!
//! Positions are computed from the `String` by counting, independently of the server's
//! conversions. Texts mix CRLF, lone CR, emoji (surrogate pairs in UTF-16), ZWJ sequences,
//! combining marks and CJK.

use super::*;
use proptest::prelude::*;
use tower_lsp_server::ls_types::{Position, Range};

const PIECES: &[&str] = &[
    "Zhao Leji",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\u{1F600}",
    "\u{1F469}\u{200D}\u{1F467}",
    "e\u{301}",
    "\u{4E2D}\u{6587}",
    "\u{10348}",
    "\u{FEFF}",
    "said.",
    "\"",
    "é",
    "",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
}

/// The LSP position of byte `offset`, counted from the text's characters.
fn count(text: &str, offset: usize, enc: Encoding) -> Position {
    let before = &text[..offset];
    let mut line = 0;
    let mut character = 0;
    let mut chars = before.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => {
                line += 1;
                character = 0;
            }
            c => {
                character += match enc {
                    Encoding::Utf8 => c.len_utf8(),
                    Encoding::Utf16 => c.len_utf16(),
                    Encoding::Utf32 => 1,
                } as u32
            }
        }
    }
    Position::new(line, character)
}

/// Offsets an editor can name: char boundaries not between a CR and its LF.
fn cuts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    (0..=text.len())
        .filter(|&i| {
            text.is_char_boundary(i) && !(i > 0 && b[i - 1] == b'\r' && b.get(i) == Some(&b'\n'))
        })
        .collect()
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop_oneof![
        Just(Encoding::Utf8),
        Just(Encoding::Utf16),
        Just(Encoding::Utf32)
    ]
}

type Edit = (prop::sample::Index, prop::sample::Index, String);

proptest! {
    #[test]
    fn did_change_agrees_with_a_string_model(
        initial in text(),
        batches in prop::collection::vec(prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), text()), 1..4), 1..12),
        enc in encoding(),
    ) {
        let mut model = initial.clone();
        let mut doc = OpenDocument {
            rope: Rope::from_str(&initial),
            version: 1,
            format: Format::Markdown,
            is_draft: true,
            folder: PathBuf::new(),
            generation: 0,
            analyzed: None,
        };
        for (n, batch) in batches.into_iter().enumerate() {
            // Changes in one notification apply in order, each to the result of the last.
            let mut changes = Vec::new();
            for (a, b, new_text) in batch as Vec<Edit> {
                let cuts = cuts(&model);
                let (x, y) = (cuts[a.index(cuts.len())], cuts[b.index(cuts.len())]);
                let (start, end) = (x.min(y), x.max(y));
                changes.push(TextDocumentContentChangeEvent {
                    range: Some(Range::new(count(&model, start, enc), count(&model, end, enc))),
                    range_length: None,
                    text: new_text.clone(),
                });
                model.replace_range(start..end, &new_text);
            }
            doc.apply(changes, n as i32 + 2, enc);
            prop_assert_eq!(doc.rope.to_string(), model.clone());
        }
    }
}
