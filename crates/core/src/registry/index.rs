//! Lookup structures over every written form of every entity.
//!
//! - `by_lead`: exact matching, keyed by a form's first two words (one for a one-word form), so
//!   a common first word ("National", "University") does not lead to every form that uses it.
//! - `near`: fuzzy candidates, keyed by each word's skeleton and every one-deletion of it
//!   (a symmetric-delete index: two words within one edit share a key). Keys lead to distinct
//!   skeletons, and each skeleton to the forms using it: a million names share a few hundred
//!   thousand words, so keys and deletions are stored once per word, not once per form. A key
//!   is kept as its 64-bit hash in one sorted array, not as a string in a map: building it
//!   allocates nothing per key (start-up with the default registry was mostly these
//!   allocations), and a collision can only add a candidate, which the comparison then rejects.
//! - `known_words`: every word the registry uses in a name, to tell a misspelling from a
//!   different real name.

use super::mapped::MappedRegistry;
use super::prefix::PrefixIndex;
use super::spelling::{key, plain, skeleton};
use super::{Entity, EntityIdx, Kind};
use crate::analysis::tokens::words;
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};
// Registry words are not attacker-chosen: a fast hash beats SipHash's flooding resistance here.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

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
    /// The period of an initial or abbreviation, with or without a space after it ("Donald J.
    /// Trump", "U.S. Air Force").
    Dotted,
}

impl Separator {
    fn of(gap: &str) -> Separator {
        if gap.is_empty() {
            Separator::Joined
        } else if gap.trim_end().starts_with('.') && gap.trim_end().len() == 1 {
            Separator::Dotted
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
            Separator::Dotted => gap
                .strip_prefix('.')
                .is_some_and(|rest| rest.chars().all(char::is_whitespace)),
        }
    }
}

#[derive(Debug, Default)]
pub struct NameIndex {
    pub(super) forms: Vec<Form>,
    pub(super) by_lead: HashMap<Box<str>, Vec<u32>>,
    /// The hash of a skeleton or one of its deletions ([`near_hash`]) and a skeleton number with
    /// that key, sorted.
    pub(super) near: Vec<(u64, u32)>,
    /// Skeletons by number (the index file stores `near` by these keys' text).
    pub(super) skeletons: Vec<Box<str>>,
    /// By skeleton number: the forms with a word of that skeleton, each once.
    pub(super) skeleton_forms: Vec<Vec<u32>>,
    pub(super) known_words: HashSet<Box<str>>,
    pub(super) longest: usize,
    /// A prebuilt index read in place; when present, the tables above are empty and every
    /// lookup goes to it (the same tables, stored sorted in the file).
    pub(super) mapped: Option<Arc<MappedRegistry>>,
    /// The lead keys sorted, built the first time a prefix is asked for.
    pub(super) prefix: OnceLock<PrefixIndex>,
}

/// What the build remembers about each distinct word, so skeletons and deletions are computed
/// once per word however many names use it.
#[derive(Default)]
struct Words {
    /// Written word (exact key) to its skeleton number, and whether it is in `known_words`.
    seen: HashMap<Box<str>, (u32, bool)>,
    skeletons: HashMap<Box<str>, u32>,
    /// Room for one deletion at a time.
    buffer: String,
}

/// The key of a skeleton or deletion in `near`.
fn near_hash(key: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(key)
}

/// Calls `each` with `skeleton` and, when it is long enough for fuzzy keys, each of its
/// one-character deletions, written in turn into `buffer`.
fn near_keys(skeleton: &str, buffer: &mut String, mut each: impl FnMut(&str)) {
    each(skeleton);
    if skeleton.chars().count() >= NEAR_MIN_CHARS {
        for (i, c) in skeleton.char_indices() {
            buffer.clear();
            buffer.push_str(&skeleton[..i]);
            buffer.push_str(&skeleton[i + c.len_utf8()..]);
            each(buffer);
        }
    }
}

/// The exact-match key of a form's first two words (exact-match keys, see [`key`]).
fn lead_key(first: &str, second: Option<&str>) -> String {
    match second {
        Some(second) => format!("{first}\u{0}{second}"),
        None => first.to_string(),
    }
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
        let mut seen = Words::default();
        // About three forms and four words a name: reserving up front spares the rehashing.
        index.forms.reserve(entities.len() * 3);
        index.by_lead.reserve(entities.len() * 3);
        seen.seen.reserve(entities.len() * 4);
        seen.skeletons.reserve(entities.len() * 4);
        index.known_words.reserve(entities.len() * 4);
        index.near.reserve(entities.len() * 30);
        for (i, e) in entities.iter().enumerate() {
            let i = i as EntityIdx;
            index.add(&mut seen, i, FormKind::Name, &e.name);
            for a in &e.aliases {
                index.add(&mut seen, i, FormKind::Alias, a);
            }
            for v in &e.variants {
                index.add(&mut seen, i, FormKind::Variant, v);
            }
            if e.kind == Kind::Person {
                index.known_words.insert(plain(e.family_name()).into());
            }
        }
        index.near.sort_unstable();
        index.near.dedup();
        index
    }

    fn add(&mut self, seen: &mut Words, entity: EntityIdx, kind: FormKind, text: &str) {
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
        let lead = lead_key(&form_words[0], form_words.get(1).map(|w| &**w));
        match self.by_lead.get_mut(lead.as_str()) {
            Some(list) => list.push(id),
            None => {
                self.by_lead.insert(lead.into(), vec![id]);
            }
        }
        for (_, w) in &spans {
            let (skeleton, known) = self.word(seen, w);
            if kind != FormKind::Variant && !known {
                self.known_words.insert(plain(w).into());
                if let Some(entry) = seen.seen.get_mut(*w) {
                    entry.1 = true;
                }
            }
            let forms = &mut self.skeleton_forms[skeleton as usize];
            if !acronym && forms.last() != Some(&id) {
                forms.push(id);
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

    /// The skeleton number of a written word, and whether the word is already a known word;
    /// a new skeleton gets its symmetric-delete keys.
    fn word(&mut self, seen: &mut Words, w: &str) -> (u32, bool) {
        if let Some(&found) = seen.seen.get(w) {
            return found;
        }
        let sk = skeleton(w);
        let number = match seen.skeletons.get(sk.as_str()) {
            Some(&n) => n,
            None => {
                let n = self.skeleton_forms.len() as u32;
                self.skeleton_forms.push(Vec::new());
                let near = &mut self.near;
                near_keys(&sk, &mut seen.buffer, |k| near.push((near_hash(k), n)));
                let sk: Box<str> = sk.into();
                self.skeletons.push(sk.clone());
                seen.skeletons.insert(sk, n);
                n
            }
        };
        seen.seen.insert(w.into(), (number, false));
        (number, false)
    }

    pub fn form(&self, id: u32) -> &Form {
        match &self.mapped {
            Some(m) => m.form(id),
            None => &self.forms[id as usize],
        }
    }

    /// Form `id`'s word count and its first `wanted` words (exact-match keys), without
    /// decoding a mapped form: for ruling forms out cheaply. It agrees with [`Self::form`] on
    /// every form that decodes; a damaged one may peek as words and decode as none, so what
    /// passes is still read with [`Self::form`].
    pub fn peek_words(&self, id: u32, wanted: usize) -> (usize, Vec<&str>) {
        match &self.mapped {
            Some(m) => m.peek_words(id, wanted).unwrap_or_default(),
            None => self
                .forms
                .get(id as usize)
                .map_or_else(Default::default, |f| {
                    let words = f.words.iter().take(wanted).map(|w| &**w).collect();
                    (f.words.len(), words)
                }),
        }
    }

    /// Form `id`'s word `k`, as [`Self::peek_words`] gives it with `k + 1` words wanted, without
    /// decoding a mapped form or gathering the words before it.
    pub fn peek_word(&self, id: u32, k: usize) -> Option<&str> {
        match &self.mapped {
            Some(m) => m.peek_word(id, k),
            None => (self.forms.get(id as usize)).and_then(|f| f.words.get(k).map(|w| &**w)),
        }
    }

    /// Form `id`'s word count, as [`Self::peek_words`] gives it, without reading a mapped
    /// form's record.
    pub fn word_count(&self, id: u32) -> usize {
        match &self.mapped {
            Some(m) => m.word_count(id).unwrap_or_default(),
            None => self.forms.get(id as usize).map_or(0, |f| f.words.len()),
        }
    }

    /// Form `id`'s entity, without decoding a mapped form: for gathering the entities of long
    /// candidate lists. It agrees with [`Self::form`] on every form that decodes.
    pub fn peek_entity(&self, id: u32) -> EntityIdx {
        match &self.mapped {
            Some(m) => m.peek_entity(id).unwrap_or_else(|| m.form(id).entity),
            None => self.forms[id as usize].entity,
        }
    }

    /// The most words any form has.
    pub fn longest_form(&self) -> usize {
        match &self.mapped {
            Some(m) => m.longest_form(),
            None => self.longest,
        }
    }

    /// Forms of the one word `first` (`second` absent), or of two or more words starting with
    /// `first second` (exact-match keys).
    pub fn starting_with(&self, first: &str, second: Option<&str>) -> Cow<'_, [u32]> {
        let lead = lead_key(first, second);
        match &self.mapped {
            Some(m) => Cow::Owned(m.starting_with(&lead)),
            None => Cow::Borrowed(self.by_lead.get(lead.as_str()).map_or(&[], Vec::as_slice)),
        }
    }

    /// Forms with a word within about one edit of `word`, by skeleton.
    /// The same form may be listed more than once.
    pub fn near_candidates(&self, word: &str, out: &mut Vec<u32>) {
        let add = |key: &str| match &self.mapped {
            Some(m) => m.near(key, out),
            None => {
                let h = near_hash(key);
                let start = self.near.partition_point(|&(k, _)| k < h);
                for &(_, n) in self.near[start..].iter().take_while(|&&(k, _)| k == h) {
                    out.extend_from_slice(&self.skeleton_forms[n as usize]);
                }
            }
        };
        near_keys(&skeleton(word), &mut String::new(), add);
    }

    /// The fuzzy keys as text with their skeleton numbers, for the index file.
    pub(super) fn near_by_text(&self) -> HashMap<String, Vec<u32>> {
        let mut by_text: HashMap<String, Vec<u32>> = HashMap::default();
        let mut buffer = String::new();
        for (n, sk) in self.skeletons.iter().enumerate() {
            near_keys(sk, &mut buffer, |k| {
                let list = by_text.entry(k.to_string()).or_default();
                if list.last() != Some(&(n as u32)) {
                    list.push(n as u32);
                }
            });
        }
        by_text
    }

    /// Whether the registry uses this word (compared [`plain`]) in some correct name.
    pub fn is_known_word(&self, word: &str) -> bool {
        match &self.mapped {
            Some(m) => m.is_known(&plain(word)),
            None => self.known_words.contains(plain(word).as_str()),
        }
    }
}
