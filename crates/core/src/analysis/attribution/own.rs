//! One sentence as attribution reads it: the reporter's own text (quotations blanked, see
//! `quote`) and its words, taken from the token layer.
//!
//! A hyphenated run of tokens is one word here ("broad-based", "co-host", "ex-minister"): the
//! lexicons list such compounds whole, and the adjective inside one ("broad" of "broad-based")
//! is not the adjective alone.

use crate::analysis::tokens::{is_hyphen, words, Word};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

/// Whether `gap` is white space, at least one character of it.
pub fn is_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace)
}

/// A word of the reporter's own text.
#[derive(Clone, Debug)]
pub struct OwnWord<'a> {
    /// In the sentence's own text.
    pub range: Range<usize>,
    pub text: &'a str,
    /// Lower case, without diacritics or a possessive ending (the token layer's plain form;
    /// a compound's parts joined by their hyphens). Borrowed from the token unless joined.
    pub lower: Cow<'a, str>,
}

impl OwnWord<'_> {
    /// Whether it is `lower` (in lower case).
    pub fn is(&self, lower: &str) -> bool {
        self.lower == lower
    }
}

/// A sentence's own text and words.
pub struct Own<'a> {
    pub text: &'a str,
    pub words: Vec<OwnWord<'a>>,
    /// Where the speech and the weak cues stand (see `cue`), found once for the several
    /// readings that ask.
    pub(super) speech_cues: OnceCell<Vec<Range<usize>>>,
    pub(super) weak_cues: OnceCell<Vec<Range<usize>>>,
    /// Attributed by anything but a weak verb (see `cue`).
    pub(super) reported: OnceCell<bool>,
}

impl<'a> Own<'a> {
    /// The sentence whose own text is `text`, standing at `offset` in its block, with the
    /// block's tokens of that sentence (`words`, ranges in the block).
    pub fn new(text: &'a str, offset: usize, words: &'a [Word]) -> Own<'a> {
        let parts = words
            .iter()
            .filter(|w| w.range.start >= offset && w.range.end <= offset + text.len())
            .map(|w| {
                (
                    w.range.start - offset..w.range.end - offset,
                    w.lower.as_ref(),
                )
            })
            // Blanked: the word is inside a quotation.
            .filter(|(r, _)| !text[r.clone()].starts_with(' '));
        let mut joined: Vec<OwnWord<'a>> = Vec::with_capacity(words.len());
        for (range, lower) in parts {
            match joined.last_mut() {
                Some(last) if is_hyphen(&text[last.range.end..range.start]) => {
                    let joined = last.lower.to_mut();
                    joined.push_str(&text[last.range.end..range.start]);
                    joined.push_str(lower);
                    last.range.end = range.end;
                    last.text = &text[last.range.clone()];
                }
                _ => joined.push(OwnWord {
                    text: &text[range.clone()],
                    range,
                    lower: Cow::Borrowed(lower),
                }),
            }
        }
        Own::with_words(text, joined)
    }

    /// Bare text, split by the token layer's splitter: for a phrase read outside a block.
    pub fn from_text(text: &'a str) -> Own<'a> {
        let tokens: Vec<Word> = words(text).map(|(i, w)| Word::new(i, w, 0)).collect();
        // The tokens go with this call: each word keeps its own lower case.
        let words = Own::new(text, 0, &tokens)
            .words
            .into_iter()
            .map(|w| OwnWord {
                text: &text[w.range.clone()],
                range: w.range,
                lower: Cow::Owned(w.lower.into_owned()),
            })
            .collect();
        Own::with_words(text, words)
    }

    fn with_words(text: &'a str, words: Vec<OwnWord<'a>>) -> Own<'a> {
        Own {
            text,
            words,
            speech_cues: OnceCell::new(),
            weak_cues: OnceCell::new(),
            reported: OnceCell::new(),
        }
    }

    /// The words starting at or after byte `at`, in order.
    pub fn after(&self, at: usize) -> impl Iterator<Item = &OwnWord<'a>> + Clone {
        let first = self.words.partition_point(|w| w.range.start < at);
        self.words[first..].iter()
    }

    /// The words ending at or before byte `at`, nearest first.
    pub fn before(&self, at: usize) -> impl Iterator<Item = &OwnWord<'a>> + Clone {
        let end = self.words.partition_point(|w| w.range.end <= at);
        self.words[..end].iter().rev()
    }

    /// The word after byte `at` when only white space (at least one character) stands
    /// between: "will rise", not "will, rise" nor "will $5".
    pub fn next_word(&self, at: usize) -> Option<&OwnWord<'a>> {
        self.after(at)
            .next()
            .filter(|w| is_space(&self.text[at..w.range.start]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_are_one_word_and_quotations_none() {
        let own = Own::from_text("The ex-minister's         plan, he said.");
        let words: Vec<&str> = own.words.iter().map(|w| w.lower.as_ref()).collect();
        assert_eq!(words, ["the", "ex-minister", "plan", "he", "said"]);
        assert_eq!(own.words[1].text, "ex-minister's");
        assert_eq!(own.next_word(3).map(|w| w.text), Some("ex-minister's"));
        assert_eq!(own.next_word(30).map(|w| w.text), None);
        let before: Vec<&str> = own.before(31).map(|w| w.text).collect();
        assert_eq!(before, ["plan", "ex-minister's", "The"]);
    }
}
