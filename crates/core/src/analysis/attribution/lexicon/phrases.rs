//! The shared machinery of the data lexicons: lines of `forms | category | example`, and
//! phrases matched as whole words with an Aho-Corasick automaton (built in microseconds, where
//! the equivalent regular expressions took milliseconds to compile).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::ops::Range;

/// One line of a lexicon file.
pub struct Line {
    /// The forms, as written: a trailing `*` matches any ending ("smuggl*").
    pub forms: Vec<&'static str>,
    pub category: &'static str,
    /// A made-up sentence the entry applies to, which the lexicon's test checks.
    #[cfg(test)]
    pub example: &'static str,
}

/// The entries of a lexicon file, skipping blank lines and `#` comments; a malformed line
/// (not three fields) comes back as an error for the lexicon's test to report.
pub fn lines(data: &'static str) -> impl Iterator<Item = Result<Line, &'static str>> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let mut fields = line.split(" | ");
            match (fields.next(), fields.next(), fields.next(), fields.next()) {
                (Some(forms), Some(category), Some(_example), None) => Ok(Line {
                    forms: forms.split(',').map(str::trim).collect(),
                    category,
                    #[cfg(test)]
                    example: _example,
                }),
                _ => Err(line),
            }
        })
}

/// Phrases matched as whole words, in any (ASCII) case.
pub struct Phrases {
    automaton: AhoCorasick,
    /// By pattern: the form ended in `*`, so any word ending may follow.
    open_ended: Vec<bool>,
}

impl Phrases {
    pub fn new<'a>(forms: impl IntoIterator<Item = &'a str>) -> Phrases {
        let (patterns, open_ended): (Vec<&str>, Vec<bool>) = forms
            .into_iter()
            .map(|f| match f.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (f, false),
            })
            .unzip();
        // A contiguous NFA builds several times faster than a DFA, which a check run once per
        // process (the CLI) feels, and searches sentences nearly as fast.
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .expect("lexicon phrases build");
        Phrases {
            automaton,
            open_ended,
        }
    }

    /// Where the phrases stand in `s`, as whole words (an open-ended form runs to the end of
    /// its word).
    pub fn find_iter<'s>(&'s self, s: &'s str) -> impl Iterator<Item = Range<usize>> + 's {
        let bytes = s.as_bytes();
        let word_byte = |i: usize| {
            bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        };
        self.automaton.find_iter(s).filter_map(move |m| {
            if m.start() > 0 && word_byte(m.start() - 1) {
                return None;
            }
            if self.open_ended[m.pattern().as_usize()] {
                let end = (m.end()..=bytes.len()).find(|&i| !word_byte(i))?;
                return Some(m.start()..end);
            }
            (!word_byte(m.end())).then_some(m.range())
        })
    }

    pub fn find(&self, s: &str) -> Option<Range<usize>> {
        self.find_iter(s).next()
    }

    /// Whether one of the phrases opens `s`.
    pub fn opens(&self, s: &str) -> bool {
        self.find(s).is_some_and(|r| r.start == 0)
    }

    pub fn is_match(&self, s: &str) -> bool {
        self.find(s).is_some()
    }
}
