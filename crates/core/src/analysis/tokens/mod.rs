//! The token layer: each block of prose split once into sentences and words.
//!
//! Every reader of prose (mentions, titles, attribution) reads these tokens rather than
//! splitting text itself, so a word means the same everywhere: a Unicode word (UAX #29), so
//! "People's", "Ching-te"'s two parts and "U.S" (without its final period) are words, and
//! punctuation and spaces are not. The registry splits its names with [`words`] too, so a
//! name's words and a draft's words line up.
//!
//! [`Tokens::new`] runs once per analysis; the result lives in the analysis
//! [`Context`](crate::analysis::Context).

mod never_names;

pub use never_names::is_never_a_name;

use super::document::{Block, Document};
use super::sentence::sentences;
use crate::registry::spelling::plain;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// The words of `s` with their byte offsets: the one definition of a word, for prose and names.
pub fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.unicode_word_indices()
}

/// The word without a trailing possessive ("Volodin's" gives "Volodin").
pub fn strip_possessive(word: &str) -> Option<&str> {
    ["'s", "\u{2019}s", "'S", "\u{2019}S"]
        .iter()
        .find_map(|p| word.strip_suffix(p))
        .filter(|w| !w.is_empty())
}

/// Whether the text between two words joins them into one hyphenated word.
pub fn is_hyphen(gap: &str) -> bool {
    matches!(gap, "-" | "\u{2010}" | "\u{2011}")
}

/// How a word is written, by its first character and the letters after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// Starts with a lower-case letter: "said", "von", "iPhone".
    Lower,
    /// Starts with a capital, lower-case letters follow: "Zhao", "McDonald".
    Capitalised,
    /// Capitals only: "NATO", "U.S", "I".
    Upper,
    /// Starts with no cased letter: "2024", "赵乐际".
    Uncased,
}

impl Case {
    fn of(word: &str) -> Case {
        let mut chars = word.chars();
        match chars.next() {
            Some(c) if c.is_uppercase() => {
                if chars.any(char::is_lowercase) {
                    Case::Capitalised
                } else {
                    Case::Upper
                }
            }
            Some(c) if c.is_lowercase() => Case::Lower,
            _ => Case::Uncased,
        }
    }
}

/// One word of a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// In the block's text.
    pub range: Range<usize>,
    pub text: &'a str,
    pub case: Case,
    /// Whether an ASCII digit is in it ("G7", "2024"): no name word has one.
    pub digits: bool,
    /// Whether it ends in a possessive "'s".
    pub possessive: bool,
    /// Lower case, without diacritics or a possessive ending ([`plain`]).
    pub lower: String,
    /// The sentence it stands in (index into [`BlockTokens::sentences`]).
    pub sentence: usize,
}

impl<'a> Word<'a> {
    /// The word `text` found at byte `at`, in sentence `sentence`.
    pub fn new(at: usize, text: &'a str, sentence: usize) -> Word<'a> {
        let stripped = strip_possessive(text);
        let base = stripped.unwrap_or(text);
        Word {
            range: at..at + text.len(),
            text,
            // Of the name, not of the possessive: "NATO's" is in capitals.
            case: Case::of(base),
            digits: text.chars().any(|c| c.is_ascii_digit()),
            possessive: stripped.is_some(),
            lower: plain(base),
            sentence,
        }
    }

    /// Whether it starts with a capital letter.
    pub fn capitalised(&self) -> bool {
        matches!(self.case, Case::Capitalised | Case::Upper)
    }

    /// Whether it can be a word of a name: capitalised, and without digits.
    pub fn name_like(&self) -> bool {
        self.capitalised() && !self.digits
    }

    /// The word without a possessive ending.
    pub fn base(&self) -> &'a str {
        if self.possessive {
            strip_possessive(self.text).unwrap_or(self.text)
        } else {
            self.text
        }
    }
}

/// A block's sentences and words.
#[derive(Debug)]
pub struct BlockTokens<'a> {
    pub block: &'a Block,
    pub words: Vec<Word<'a>>,
    /// Sentences in the block's text ([`sentences`]), in order.
    pub sentences: Vec<Range<usize>>,
}

impl<'a> BlockTokens<'a> {
    pub fn new(block: &'a Block) -> BlockTokens<'a> {
        let text = block.text.as_str();
        let sentences = sentences(text);
        let mut sentence = 0;
        let words = words(text)
            .map(|(i, w)| {
                while sentences.get(sentence).is_some_and(|s| s.end <= i) {
                    sentence += 1;
                }
                Word::new(i, w, sentence.min(sentences.len().saturating_sub(1)))
            })
            .collect();
        BlockTokens {
            block,
            words,
            sentences,
        }
    }

    /// The block's text.
    pub fn text(&self) -> &'a str {
        &self.block.text
    }

    /// The text between words `i` and `i + 1` (empty when either is missing).
    pub fn gap(&self, i: usize) -> &'a str {
        match (self.words.get(i), self.words.get(i + 1)) {
            (Some(a), Some(b)) => &self.text()[a.range.end..b.range.start],
            _ => "",
        }
    }

    /// Whether words `i` and `i + 1` are separated by white space only (a line break counts).
    pub fn spaced(&self, i: usize) -> bool {
        let g = self.gap(i);
        !g.is_empty() && g.chars().all(char::is_whitespace)
    }

    /// Whether words `i` and `i + 1` are joined by a hyphen: "Ching-te", "ex-minister".
    pub fn hyphenated(&self, i: usize) -> bool {
        is_hyphen(self.gap(i))
    }

    /// The words that lie within `range` of the block's text.
    pub fn words_in(&self, range: Range<usize>) -> &[Word<'a>] {
        let start = self.words.partition_point(|w| w.range.start < range.start);
        let end = self.words.partition_point(|w| w.range.end <= range.end);
        self.words.get(start..end.max(start)).unwrap_or(&[])
    }

    /// Whether word `i` is an abbreviation or an initial whose full stop joins it to word
    /// `i + 1` inside one name: "U.S. Air Force", "Donald J. Trump".
    pub fn dotted(&self, i: usize) -> bool {
        let abbreviation = self.words.get(i).is_some_and(|w| {
            w.case == Case::Upper && (w.text.contains('.') || w.text.chars().count() == 1)
        });
        abbreviation
            && self
                .gap(i)
                .strip_prefix('.')
                .is_some_and(|rest| !rest.is_empty() && rest.chars().all(char::is_whitespace))
    }

    /// The text of the sentence word `i` stands in.
    pub fn sentence_of(&self, i: usize) -> &'a str {
        self.words
            .get(i)
            .and_then(|w| self.sentences.get(w.sentence))
            .and_then(|r| self.text().get(r.clone()))
            .unwrap_or("")
    }

    /// The source range of a range of block text.
    pub fn source_range(&self, text: Range<usize>) -> Range<usize> {
        self.block.source_range(text)
    }
}

/// Every block of a document, tokenised.
#[derive(Debug)]
pub struct Tokens<'a> {
    pub blocks: Vec<BlockTokens<'a>>,
}

impl<'a> Tokens<'a> {
    pub fn new(document: &'a Document) -> Tokens<'a> {
        Tokens {
            blocks: document.blocks.iter().map(BlockTokens::new).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Document, Format};

    fn tokens(text: &str) -> Vec<(String, Case, bool, usize)> {
        let doc = Document::parse(text, Format::Text);
        let t = BlockTokens::new(&doc.blocks[0]);
        t.words
            .iter()
            .map(|w| (w.lower.clone(), w.case, w.possessive, w.sentence))
            .collect()
    }

    #[test]
    fn words_carry_case_possessives_and_sentences() {
        use Case::*;
        assert_eq!(
            tokens("NATO's chief met Zhao Leji. The 2024 talks ended."),
            [
                ("nato".into(), Upper, true, 0),
                ("chief".into(), Lower, false, 0),
                ("met".into(), Lower, false, 0),
                ("zhao".into(), Capitalised, false, 0),
                ("leji".into(), Capitalised, false, 0),
                ("the".into(), Capitalised, false, 1),
                ("2024".into(), Uncased, false, 1),
                ("talks".into(), Lower, false, 1),
                ("ended".into(), Lower, false, 1),
            ]
        );
    }

    #[test]
    fn abbreviations_stay_inside_their_sentence() {
        let sentences: Vec<usize> = tokens("Gov. Gavin Newsom met U.S. officials.")
            .iter()
            .map(|t| t.3)
            .collect();
        assert_eq!(sentences, [0; 6]);
    }

    #[test]
    fn gaps_tell_spaces_from_hyphens() {
        let doc = Document::parse("Lai Ching-te,\nand", Format::Text);
        let t = BlockTokens::new(&doc.blocks[0]);
        assert!(t.spaced(0) && t.hyphenated(1) && !t.spaced(2));
        assert_eq!(t.words[2].text, "te");
        assert_eq!(t.gap(2), ",\n");
        assert_eq!(t.sentence_of(3), "Lai Ching-te,\nand");
    }

    #[test]
    fn abbreviations_and_initials_join_the_next_word() {
        let doc = Document::parse(
            "The U.S. Air Force and Donald J. Trump. Then A. it",
            Format::Text,
        );
        let t = BlockTokens::new(&doc.blocks[0]);
        let dotted: Vec<&str> = (0..t.words.len())
            .filter(|&i| t.dotted(i))
            .map(|i| t.words[i].text)
            .collect();
        assert_eq!(dotted, ["U.S", "J", "A"]);
    }

    #[test]
    fn words_in_a_range() {
        let doc = Document::parse("Zhao met Leji. Then they left.", Format::Text);
        let t = BlockTokens::new(&doc.blocks[0]);
        let second: Vec<&str> = t
            .words_in(t.sentences[1].clone())
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(second, ["Then", "they", "left"]);
        assert!(t.words_in(4..5).is_empty());
    }

    #[test]
    fn possessives_strip() {
        assert_eq!(strip_possessive("Volodin's"), Some("Volodin"));
        assert_eq!(strip_possessive("Volodin\u{2019}s"), Some("Volodin"));
        assert_eq!(strip_possessive("Volodin"), None);
        assert_eq!(strip_possessive("'s"), None);
    }
}
