//! Lookup structures over every written form of every entity.
//!
//! - `by_first_word`: exact matching, keyed by a form's first word.
//! - `near`: fuzzy candidates, keyed by each word's skeleton and every one-deletion of it
//!   (a symmetric-delete index: two words within one edit share a key).
//! - `known_words`: every word the registry uses in a name, to tell a misspelling from a
//!   different real name.

use super::spelling::{deletions, key, plain, skeleton, words};
use super::{Entity, EntityIdx, Kind};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// The canonical `name`.
    Name,
    /// Another correct form: a short name or an acronym.
    Alias,
    /// A known wrong spelling, to be corrected to the name.
    Variant,
}

/// One written form of an entity.
#[derive(Clone, Debug)]
pub struct Form {
    pub entity: EntityIdx,
    pub kind: FormKind,
    pub text: Box<str>,
    /// Exact-match keys of the words, in order.
    pub words: Box<[Box<str>]>,
    /// The separator before each word after the first.
    pub separators: Box<[Separator]>,
    /// Written in capitals ("NPC"): matches only as written, never fuzzily.
    pub acronym: bool,
}

/// What stands between two words of a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    Space,
    Hyphen,
    /// Nothing: scripts written without spaces ("赵乐际").
    Joined,
}

impl Separator {
    fn of(gap: &str) -> Separator {
        if gap.is_empty() {
            Separator::Joined
        } else if gap.contains(['-', '\u{2010}', '\u{2011}']) {
            Separator::Hyphen
        } else {
            Separator::Space
        }
    }

    /// Whether a gap written in prose is this separator. A line break inside a paragraph is a
    /// space.
    pub fn matches(self, gap: &str) -> bool {
        match self {
            Separator::Space => !gap.is_empty() && gap.chars().all(char::is_whitespace),
            Separator::Hyphen => matches!(gap, "-" | "\u{2010}" | "\u{2011}"),
            Separator::Joined => gap.is_empty(),
        }
    }
}

#[derive(Debug, Default)]
pub struct NameIndex {
    forms: Vec<Form>,
    by_first_word: HashMap<Box<str>, Vec<u32>>,
    near: HashMap<Box<str>, Vec<u32>>,
    known_words: HashSet<Box<str>>,
    longest: usize,
}

fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !s.contains(' ')
}

/// Shortest skeleton length worth fuzzy keys: shorter words only match as written.
const NEAR_MIN_CHARS: usize = 4;

impl NameIndex {
    pub fn build(entities: &[Entity]) -> NameIndex {
        let mut index = NameIndex::default();
        for (i, e) in entities.iter().enumerate() {
            let i = i as EntityIdx;
            index.add(i, FormKind::Name, &e.name);
            for a in &e.aliases {
                index.add(i, FormKind::Alias, a);
            }
            for v in &e.variants {
                index.add(i, FormKind::Variant, v);
            }
            if e.kind == Kind::Person {
                index.known_words.insert(plain(e.family_name()).into());
            }
        }
        for list in index.near.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        index
    }

    fn add(&mut self, entity: EntityIdx, kind: FormKind, text: &str) {
        let spans: Vec<(usize, &str)> = words(text).collect();
        if spans.is_empty() {
            return;
        }
        let separators = spans
            .windows(2)
            .map(|w| Separator::of(&text[w[0].0 + w[0].1.len()..w[1].0]))
            .collect();
        let form_words: Box<[Box<str>]> = spans.iter().map(|(_, w)| key(w).into()).collect();
        let acronym = is_acronym(text);
        self.longest = self.longest.max(form_words.len());
        let id = self.forms.len() as u32;
        self.by_first_word
            .entry(form_words[0].clone())
            .or_default()
            .push(id);
        if kind != FormKind::Variant {
            for (_, w) in &spans {
                self.known_words.insert(plain(w).into());
            }
        }
        if !acronym {
            for (_, w) in &spans {
                let sk = skeleton(w);
                if sk.chars().count() >= NEAR_MIN_CHARS {
                    for d in deletions(&sk) {
                        self.near.entry(d.into()).or_default().push(id);
                    }
                }
                self.near.entry(sk.into()).or_default().push(id);
            }
        }
        self.forms.push(Form {
            entity,
            kind,
            text: text.into(),
            words: form_words,
            separators,
            acronym,
        });
    }

    pub fn form(&self, id: u32) -> &Form {
        &self.forms[id as usize]
    }

    /// The most words any form has.
    pub fn longest_form(&self) -> usize {
        self.longest
    }

    /// Forms whose first word is exactly `word` (an exact-match key).
    pub fn starting_with(&self, word: &str) -> &[u32] {
        self.by_first_word.get(word).map_or(&[], Vec::as_slice)
    }

    /// Forms with a word within about one edit of `word`, by skeleton.
    pub fn near_candidates(&self, word: &str, out: &mut Vec<u32>) {
        let sk = skeleton(word);
        if let Some(list) = self.near.get(sk.as_str()) {
            out.extend_from_slice(list);
        }
        if sk.chars().count() >= NEAR_MIN_CHARS {
            for d in deletions(&sk) {
                if let Some(list) = self.near.get(d.as_str()) {
                    out.extend_from_slice(list);
                }
            }
        }
    }

    /// Whether the registry uses this word (compared [`plain`]) in some correct name.
    pub fn is_known_word(&self, word: &str) -> bool {
        self.known_words.contains(plain(word).as_str())
    }
}
