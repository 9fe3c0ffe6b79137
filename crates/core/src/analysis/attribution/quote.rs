//! Direct quotations in a block: where they open and close, and the reporter's own words.
//!
//! Double quotation marks only (straight or curly, or two apostrophes as some wire archives
//! write them: ''...''): single curly marks double as apostrophes.
//! A quotation still open at the end of a paragraph continues in the next one when that
//! paragraph opens with a quotation mark, by the usual convention.

use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to after the closing mark (or the block's end when unclosed).
    pub range: Range<usize>,
    /// No closing mark in this block.
    pub open_at_end: bool,
}

/// The double quotation marks of `text`, in order: curly, straight, or two apostrophes.
///
/// A character scan, not the token layer: the token layer keeps words and drops punctuation,
/// and a quotation mark is punctuation whose side (before or after a word, after a space)
/// tells an opening mark from a closing one.
pub fn marks(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((i, c)) = chars.next() {
            match c {
                '\u{201c}' | '\u{201d}' | '"' => return Some(i..i + c.len_utf8()),
                '\'' if chars.next_if(|&(_, n)| n == '\'').is_some() => return Some(i..i + 2),
                _ => {}
            }
        }
        None
    })
}

/// The quotations of `text`, in order.
pub fn quotes(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for mark in marks(text) {
        let (i, end) = (mark.start, mark.end);
        let prev = text[..i].chars().next_back().unwrap_or(' ');
        let next = text[end..].chars().next().unwrap_or(' ');
        // Two apostrophes are one straight double mark.
        let c = match &text[mark] {
            "\u{201c}" => '\u{201c}',
            "\u{201d}" => '\u{201d}',
            _ => '"',
        };
        match (c, open) {
            ('\u{201c}', Some(start)) if start != i => {
                // A new opening mark without a close: the earlier quote ran to here.
                out.push(Quote {
                    range: start..i,
                    open_at_end: false,
                });
                open = Some(i);
            }
            ('\u{201c}', None) => open = Some(i),
            ('\u{201d}', Some(start)) => {
                out.push(Quote {
                    range: start..end,
                    open_at_end: false,
                });
                open = None;
            }
            ('"', Some(start)) => {
                // A straight mark that looks like an opening one (space before, letter after)
                // after an unclosed quote starts a new quote.
                if prev.is_whitespace() && next.is_alphanumeric() {
                    out.push(Quote {
                        range: start..i,
                        open_at_end: false,
                    });
                    open = Some(i);
                } else {
                    out.push(Quote {
                        range: start..end,
                        open_at_end: false,
                    });
                    open = None;
                }
            }
            ('"', None) => open = Some(i),
            _ => {}
        }
    }
    if let Some(start) = open {
        out.push(Quote {
            range: start..text.len(),
            open_at_end: true,
        });
    }
    out
}

/// `text` with everything inside quotation marks blanked to spaces (byte for byte, so offsets
/// still hold): the reporter's own words, which is where claims and attribution are read.
pub fn reporter_text(text: &str, quotes: &[Quote]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for q in quotes {
        let inner_start = q.range.start + mark_len(&text[q.range.start..], true);
        let closing = if q.open_at_end {
            0
        } else {
            mark_len(&text[..q.range.end], false)
        };
        let inner_end = q.range.end - closing;
        if inner_start > inner_end || inner_start < at {
            continue;
        }
        out.push_str(&text[at..inner_start]);
        out.extend(std::iter::repeat_n(' ', inner_end - inner_start));
        at = inner_end;
    }
    out.push_str(&text[at..]);
    out
}

/// The length of the quotation mark opening (`at_start`) or closing `s`.
fn mark_len(s: &str, at_start: bool) -> usize {
    let two = if at_start {
        s.starts_with("''")
    } else {
        s.ends_with("''")
    };
    let one = if at_start {
        s.chars().next()
    } else {
        s.chars().next_back()
    };
    if two {
        2
    } else {
        one.map_or(0, char::len_utf8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_and_straight_quotes() {
        let t = "\u{201c}We are ready,\u{201d} he said. \"Go,\" she said.";
        let q = quotes(t);
        assert_eq!(q.len(), 2);
        assert_eq!(&t[q[0].range.clone()], "\u{201c}We are ready,\u{201d}");
        assert_eq!(&t[q[1].range.clone()], "\"Go,\"");
        assert_eq!(
            reporter_text(t, &q),
            "\u{201c}             \u{201d} he said. \"   \" she said."
        );
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        let t = "He said: \u{201c}We will win. We always do.";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert!(q[0].open_at_end);
        assert_eq!(reporter_text(t, &q).trim_end(), "He said: \u{201c}");
    }

    #[test]
    fn two_apostrophes_are_a_double_mark() {
        let t = "''We are ready,'' he said of the '90s.";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert_eq!(&t[q[0].range.clone()], "''We are ready,''");
        assert_eq!(
            reporter_text(t, &q),
            "''             '' he said of the '90s."
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("China\u{2019}s top legislator said Zhao's visit").is_empty());
    }
}
