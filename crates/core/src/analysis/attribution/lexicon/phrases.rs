//! The shared machinery of the data lexicons: lines of `forms | category | example`, and
//! phrases matched as whole words with an Aho-Corasick automaton (built in microseconds, where
//! the equivalent regular expressions took milliseconds to compile).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Bytes a lexicon searches with its NFA before it builds a DFA: a DFA searches about twice
/// as fast but takes several times longer to build, which only a long story (or a language
/// server's many re-checks) repays. Both find the same matches.
const DFA_AFTER: usize = 128 * 1024;

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
    patterns: Vec<&'static str>,
    automaton: AhoCorasick,
    /// Built once [`DFA_AFTER`] bytes have been searched.
    dfa: OnceLock<AhoCorasick>,
    searched: AtomicUsize,
    /// By pattern: the form ended in `*`, so any word ending may follow.
    open_ended: Vec<bool>,
}

impl Phrases {
    pub fn new(forms: impl IntoIterator<Item = &'static str>) -> Phrases {
        let (patterns, open_ended): (Vec<&str>, Vec<bool>) = forms
            .into_iter()
            .map(|f| match f.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (f, false),
            })
            .unzip();
        // A contiguous NFA builds several times faster than a DFA, which a check run once per
        // process (the CLI) feels; a long story switches to a DFA (see `DFA_AFTER`).
        let automaton = build(&patterns, AhoCorasickKind::ContiguousNFA);
        Phrases {
            patterns,
            automaton,
            dfa: OnceLock::new(),
            searched: AtomicUsize::new(0),
            open_ended,
        }
    }

    /// The automaton to search `s` with: the DFA once enough text has been searched.
    fn automaton(&self, s: &str) -> &AhoCorasick {
        if let Some(dfa) = self.dfa.get() {
            return dfa;
        }
        if self.searched.fetch_add(s.len(), Ordering::Relaxed) < DFA_AFTER {
            return &self.automaton;
        }
        self.dfa
            .get_or_init(|| build(&self.patterns, AhoCorasickKind::DFA))
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
        self.automaton(s).find_iter(s).filter_map(move |m| {
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

/// The automaton of `patterns`: whole phrases in any ASCII case, the longest at each start.
fn build(patterns: &[&str], kind: AhoCorasickKind) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .kind(Some(kind))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("lexicon phrases build")
}
