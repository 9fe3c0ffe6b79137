//! The attribution cues, read from `cues.txt` (one entry a line: its forms, its category and
//! a made-up example sentence) and matched as whole words with Aho-Corasick automata, which
//! build in microseconds where the equivalent regular expressions took milliseconds to compile.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

const DATA: &str = include_str!("cues.txt");

/// What a cue does; see the head of `cues.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Speech,
    Weak,
    Stance,
    StanceAdjective,
    Tally,
    Put,
}

impl Category {
    fn parse(name: &str) -> Option<Category> {
        Some(match name {
            "speech" => Category::Speech,
            "weak" => Category::Weak,
            "stance" => Category::Stance,
            "stance-adjective" => Category::StanceAdjective,
            "tally" => Category::Tally,
            "put" => Category::Put,
            _ => return None,
        })
    }
}

/// One line of the lexicon.
pub struct Entry {
    pub forms: Vec<&'static str>,
    pub category: Category,
    /// Read by the test that checks every entry attributes its example.
    #[cfg(test)]
    pub example: &'static str,
}

/// Every entry of `cues.txt`, in order. A malformed line is a bug in the data file, which the
/// lexicon's own test reports.
pub fn entries() -> impl Iterator<Item = Result<Entry, &'static str>> {
    DATA.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let mut fields = line.split(" | ");
            let (Some(forms), Some(category), Some(_example), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(line);
            };
            Ok(Entry {
                forms: forms.split(',').map(str::trim).collect(),
                category: Category::parse(category).ok_or(line)?,
                #[cfg(test)]
                example: _example,
            })
        })
}

/// Phrases matched as whole words, in any case.
pub struct Phrases(AhoCorasick);

impl Phrases {
    fn new<'a>(forms: impl IntoIterator<Item = &'a str>) -> Phrases {
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(forms)
            .expect("lexicon phrases build");
        Phrases(automaton)
    }

    /// Where the phrases stand in `s`, as whole words.
    pub fn find_iter<'s>(&'s self, s: &'s str) -> impl Iterator<Item = Range<usize>> + 's {
        let word_byte = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        self.0.find_iter(s).map(|m| m.range()).filter(move |r| {
            let bytes = s.as_bytes();
            !word_byte(r.start.checked_sub(1).and_then(|i| bytes.get(i)))
                && !word_byte(bytes.get(r.end))
        })
    }

    pub fn is_match(&self, s: &str) -> bool {
        self.find_iter(s).next().is_some()
    }
}

/// The lexicon, by use.
pub struct Cues {
    /// Attribute wherever they stand.
    pub speech: Phrases,
    /// Attribute with a source before or a report after: weak verbs, stance verbs and
    /// adjectives.
    pub weak: Phrases,
    pub stance_adjectives: HashSet<&'static str>,
    /// "put", "puts", "putting", and what is put "at" a figure.
    pub put: Phrases,
    pub tallies: HashSet<&'static str>,
}

pub static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let all: Vec<Entry> = entries().filter_map(Result::ok).collect();
    let forms = |keep: &dyn Fn(Category) -> bool| -> Vec<&'static str> {
        all.iter()
            .filter(|e| keep(e.category))
            .flat_map(|e| e.forms.iter().copied())
            .collect()
    };
    Cues {
        speech: Phrases::new(forms(&|c| c == Category::Speech)),
        weak: Phrases::new(forms(&|c| {
            matches!(
                c,
                Category::Weak | Category::Stance | Category::StanceAdjective
            )
        })),
        stance_adjectives: forms(&|c| c == Category::StanceAdjective)
            .into_iter()
            .collect(),
        put: Phrases::new(forms(&|c| c == Category::Put)),
        tallies: forms(&|c| c == Category::Tally).into_iter().collect(),
    }
});
