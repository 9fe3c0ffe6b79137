//! Byte offsets to editor positions and back: the one place that knows about UTF-16.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as LSP counts them. Columns are counted in the
//! negotiated [`Encoding`]; a column past the end of its line clamps to the line end, a line past
//! the end of the text to the text's end.

/// How columns are counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
    Utf32,
}

impl Encoding {
    /// How many units of this encoding `c` takes.
    pub fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// A zero-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

/// Line starts of one text, for conversions in both directions.
///
/// Conversions take logarithmic time, not time in the line's length: a 10 MB draft on one line
/// with thousands of findings must not make every conversion walk the line. Every character
/// outside ASCII is recorded with its offset; columns in ASCII runs between them are bytes.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// Byte offsets of the characters outside ASCII, in order.
    wide: Vec<Wide>,
}

#[derive(Clone, Copy, Debug)]
struct Wide {
    offset: usize,
    utf8: u8,
    utf16: u8,
    /// How many more UTF-8 bytes than UTF-16 units, and than characters, the text has before
    /// this character: a column is its bytes less one of these differences.
    extra16: usize,
    extra32: usize,
}

impl Wide {
    fn width(&self, enc: Encoding) -> usize {
        match enc {
            Encoding::Utf8 => self.utf8 as usize,
            Encoding::Utf16 => self.utf16 as usize,
            Encoding::Utf32 => 1,
        }
    }

    fn extra(&self, enc: Encoding) -> usize {
        match enc {
            Encoding::Utf8 => 0,
            Encoding::Utf16 => self.extra16,
            Encoding::Utf32 => self.extra32,
        }
    }

    fn end(&self) -> usize {
        self.offset + self.utf8 as usize
    }
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        let mut wide = Vec::new();
        let (mut extra16, mut extra32) = (0, 0);
        let bytes = text.as_bytes();
        for (i, c) in text.char_indices() {
            match c {
                '\n' => starts.push(i + 1),
                '\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                c if !c.is_ascii() => {
                    let (utf8, utf16) = (c.len_utf8(), c.len_utf16());
                    wide.push(Wide {
                        offset: i,
                        utf8: utf8 as u8,
                        utf16: utf16 as u8,
                        extra16,
                        extra32,
                    });
                    extra16 += utf8 - utf16;
                    extra32 += utf8 - 1;
                }
                _ => {}
            }
        }
        LineIndex {
            starts,
            len: text.len(),
            wide,
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte range of a line's content, without its line ending.
    fn line_content(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let b = text.as_bytes();
        while end > start && matches!(b[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        (start, end)
    }

    /// The column of char boundary `offset` as if the text were one line; subtracting the line
    /// start's gives the column in the line.
    fn absolute_column(&self, offset: usize, enc: Encoding) -> usize {
        let i = self.wide.partition_point(|w| w.offset < offset);
        let extra = match self.wide.get(i) {
            Some(w) => w.extra(enc),
            None => self
                .wide
                .last()
                .map_or(0, |w| w.extra(enc) + w.utf8 as usize - w.width(enc)),
        };
        offset - extra
    }

    /// The position of a byte offset (clamped to the text, rounded down to a character).
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let (start, end) = self.line_content(text, line);
        let column = self.absolute_column(offset.min(end), enc) - self.absolute_column(start, enc);
        Position {
            line: line as u32,
            character: column as u32,
        }
    }

    /// The byte offset of a position, clamped to its line and to the text; a column inside a
    /// character moves to the character's start.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return self.len;
        }
        let (start, end) = self.line_content(text, line);
        let target = self.absolute_column(start, enc) + pos.character as usize;
        // The line's first wide character whose end lies past the target column.
        let first = self.wide.partition_point(|w| w.offset < start);
        let last = self.wide.partition_point(|w| w.offset < end);
        let line_wide = &self.wide[first..last];
        let j = line_wide
            .partition_point(|w| self.absolute_column(w.offset, enc) + w.width(enc) <= target);
        match line_wide.get(j) {
            Some(w) if self.absolute_column(w.offset, enc) <= target => w.offset,
            next => {
                // In the ASCII run before `next` (or to the line's end): one byte per column.
                let run_start = j.checked_sub(1).map_or(start, |k| line_wide[k].end());
                let run_end = next.map_or(end, |w| w.offset);
                let column = self.absolute_column(run_start, enc);
                (run_start + target.saturating_sub(column)).min(run_end)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_counts_surrogate_pairs_twice() {
        let text = "a😀b\n中文 Zhao";
        let idx = LineIndex::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(
            idx.position(text, b, Encoding::Utf16),
            Position {
                line: 0,
                character: 3
            }
        );
        assert_eq!(
            idx.position(text, b, Encoding::Utf32),
            Position {
                line: 0,
                character: 2
            }
        );
        assert_eq!(
            idx.position(text, b, Encoding::Utf8),
            Position {
                line: 0,
                character: 5
            }
        );
        let z = text.find('Z').unwrap();
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            assert_eq!(idx.offset(text, idx.position(text, z, enc), enc), z);
        }
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "one\r\ntwo\rthree";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(
            idx.position(text, text.find("two").unwrap(), Encoding::Utf16),
            Position {
                line: 1,
                character: 0
            }
        );
        assert_eq!(
            idx.position(text, 3, Encoding::Utf16),
            Position {
                line: 0,
                character: 3
            }
        );
        assert_eq!(
            idx.offset(
                text,
                Position {
                    line: 0,
                    character: 99
                },
                Encoding::Utf16
            ),
            3
        );
        assert_eq!(
            idx.offset(
                text,
                Position {
                    line: 9,
                    character: 0
                },
                Encoding::Utf16
            ),
            text.len()
        );
    }

    #[test]
    fn combining_accents_are_separate_characters() {
        let text = "Jose\u{301} said";
        let idx = LineIndex::new(text);
        let s = text.find(" said").unwrap() + 1;
        assert_eq!(idx.position(text, s, Encoding::Utf16).character, 6);
        assert_eq!(
            idx.offset(
                text,
                Position {
                    line: 0,
                    character: 1
                },
                Encoding::Utf16
            ),
            1
        );
    }
}
