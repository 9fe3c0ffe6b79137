//! Finding mentions of registry entities in prose.
//!
//! Per block, in document order:
//! 1. exact forms (names, aliases, acronyms, known variants), longest first, possessives allowed;
//! 2. misspellings: name-like runs of capitalised words near a registry form (see [`spelling`]);
//! 3. second references: a person's family name after a full mention of that person.

use super::document::{Block, Document};
use crate::registry::compare::{compare, near_word, units};
use crate::registry::spelling::{self, key, strip_possessive};
use crate::registry::{Entity, EntityIdx, FormKind, Kind, Registry, Separator};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// How a mention names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reference {
    /// The full name (or a spelling of it).
    Name,
    /// An alias or acronym.
    Alias,
    /// A family name on second reference.
    FamilyName,
}

/// Whether the mention is spelled as the registry spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spelling {
    Correct,
    /// One of the registry's known wrong `variants`.
    Variant,
    /// Close to a registry form: a typo, a transliteration, lost diacritics.
    Misspelled,
    /// Given and family name in the wrong order.
    Swapped,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub block: usize,
    /// In the block's text, without a possessive ending.
    pub text: Range<usize>,
    /// In the source.
    pub range: Range<usize>,
    pub entity: EntityIdx,
    pub reference: Reference,
    pub spelling: Spelling,
    /// The registry form this mention was read as (what a fix writes).
    pub canonical: String,
    pub possessive: bool,
}

/// Lower-case words that may sit inside a name ("Charles de Gaulle", "Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "ter",
    "zu", "bin", "ibn", "al", "el", "la", "le", "y", "e",
];

/// Lower-case words that join the words of an organisation's name ("Bank of Russia").
const CONNECTIVES: &[&str] = &["of", "for"];

/// The most words a misspelled name is looked for in.
const MAX_NAME_WORDS: usize = 8;

/// Capitalised words that are never read as a misspelled name.
const NEVER_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Their",
    "They",
    "Then",
    "When",
    "While",
    "Where",
    "What",
    "Which",
    "After",
    "Before",
];

struct Word<'a> {
    range: Range<usize>,
    text: &'a str,
}

impl Word<'_> {
    fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
            && !self.text.chars().any(|c| c.is_ascii_digit())
    }

    /// The word without a possessive, and whether it had one.
    fn base(&self) -> (&str, bool) {
        match strip_possessive(self.text) {
            Some(b) => (b, true),
            None => (self.text, false),
        }
    }
}

/// The text between two words.
fn gap<'a>(block: &'a str, a: &Word, b: &Word) -> &'a str {
    &block[a.range.end..b.range.start]
}

/// Whether two words are joined as inside one name: by spaces (a line break counts) or a hyphen.
fn joined_in_name(block: &str, a: &Word, b: &Word) -> bool {
    let gap = gap(block, a, b);
    Separator::Space.matches(gap) || Separator::Hyphen.matches(gap)
}

/// Whether two words are joined by a hyphen.
fn hyphenated(block: &str, a: &Word, b: &Word) -> bool {
    Separator::Hyphen.matches(gap(block, a, b))
}

/// A candidate read of a span of words, before it is accepted.
struct Read {
    words: Range<usize>,
    entity: EntityIdx,
    reference: Reference,
    spelling: Spelling,
    canonical: String,
    possessive: bool,
}

/// Finds every mention in the document, sorted by position.
pub fn find_mentions(doc: &Document, registry: &Registry) -> Vec<Mention> {
    let mut finder = Finder {
        registry,
        families: HashMap::new(),
        other_names: HashSet::new(),
        mentions: Vec::new(),
    };
    if registry.is_empty() {
        return Vec::new();
    }
    for (b, block) in doc.blocks.iter().enumerate() {
        finder.block(b, block);
    }
    finder.mentions
}

/// A mentioned person's family name, as words.
type FamilyName = (Vec<Box<str>>, EntityIdx);

struct Finder<'r> {
    registry: &'r Registry,
    /// Family names of people mentioned so far, by their first word.
    families: HashMap<String, Vec<FamilyName>>,
    /// Family names of people the registry does not know, from names written in full so far
    /// ("Martin Schulz"): a later "Schulz" is that person, not a misspelling of Scholz.
    other_names: HashSet<String>,
    mentions: Vec<Mention>,
}

impl Finder<'_> {
    fn block(&mut self, b: usize, block: &Block) {
        let words: Vec<Word> = spelling::words(&block.text)
            .map(|(i, w)| Word {
                range: i..i + w.len(),
                text: w,
            })
            .collect();
        let mut taken = vec![false; words.len()];
        let mut reads = Vec::new();
        self.exact(block, &words, &mut taken, &mut reads);
        self.misspelled(block, &words, &mut taken, &mut reads);
        self.remember_other_names(block, &words, &taken);
        reads.sort_by_key(|r| r.words.start);
        // Second references, in order, so a family name only refers back to earlier mentions.
        let mut pending = reads.into_iter().peekable();
        let mut all = Vec::new();
        for i in 0..words.len() {
            while let Some(r) = pending.next_if(|r| r.words.start <= i) {
                self.remember(&r);
                all.push(r);
            }
            let particle = PARTICLES.contains(&words[i].text);
            if !taken[i] && (words[i].is_capitalised() || particle) {
                if let Some(r) = self.family(block, &words, i) {
                    taken[r.words.clone()].iter_mut().for_each(|t| *t = true);
                    all.push(r);
                }
            }
        }
        for r in pending {
            self.remember(&r);
            all.push(r);
        }
        all.sort_by_key(|r| r.words.start);
        for r in all {
            let first = &words[r.words.start];
            let last = &words[r.words.end - 1];
            let end = if r.possessive {
                first
                    .range
                    .start
                    .max(last.range.start + last.base().0.len())
            } else {
                last.range.end
            };
            let text = first.range.start..end;
            self.mentions.push(Mention {
                block: b,
                range: block.source_range(text.clone()),
                text,
                entity: r.entity,
                reference: r.reference,
                spelling: r.spelling,
                canonical: r.canonical,
                possessive: r.possessive,
            });
        }
    }

    /// Remembers the last word of each full name that is not a registry entity.
    fn remember_other_names(&mut self, block: &Block, words: &[Word], taken: &[bool]) {
        for run in name_runs(block, words) {
            let last = run.end - 1;
            if run.len() >= 2 && !taken[last] && words[last - 1].is_capitalised() {
                self.other_names
                    .insert(spelling::plain(words[last].base().0));
            }
        }
    }

    fn remember(&mut self, r: &Read) {
        let entity = self.registry.entity(r.entity);
        if entity.kind != Kind::Person || r.reference == Reference::FamilyName {
            return;
        }
        let family: Vec<Box<str>> = spelling::words(entity.family_name())
            .map(|(_, w)| key(w).into())
            .collect();
        if let Some(first) = family.first() {
            let list = self.families.entry(first.to_string()).or_default();
            list.retain(|(_, e)| *e != r.entity);
            list.push((family, r.entity));
        }
    }

    /// Exact forms, longest first.
    fn exact(&self, block: &Block, words: &[Word], taken: &mut [bool], reads: &mut Vec<Read>) {
        let index = self.registry.index();
        let mut i = 0;
        while i < words.len() {
            let (base, _) = words[i].base();
            let mut best: Option<Read> = None;
            for candidate in [key(words[i].text), key(base)] {
                for &id in index.starting_with(&candidate) {
                    let form = index.form(id);
                    let n = form.words.len();
                    if i + n > words.len() || taken[i..i + n].iter().any(|&t| t) {
                        continue;
                    }
                    let Some(possessive) =
                        matches_exactly(block, &words[i..i + n], &form.words, &form.separators)
                    else {
                        continue;
                    };
                    let better = best.as_ref().is_none_or(|b| n > b.words.len());
                    if better {
                        let entity = index.form(id).entity;
                        best = Some(Read {
                            words: i..i + n,
                            entity,
                            reference: if form.kind == FormKind::Alias {
                                Reference::Alias
                            } else {
                                Reference::Name
                            },
                            spelling: if form.kind == FormKind::Variant {
                                Spelling::Variant
                            } else {
                                Spelling::Correct
                            },
                            canonical: if form.kind == FormKind::Variant {
                                self.registry.entity(entity).name.clone()
                            } else {
                                form.text.to_string()
                            },
                            possessive,
                        });
                    }
                }
            }
            match best {
                Some(r) => {
                    taken[r.words.clone()].iter_mut().for_each(|t| *t = true);
                    i = r.words.end;
                    reads.push(r);
                }
                None => i += 1,
            }
        }
    }

    /// Name-like runs near a registry form, longest span first. A span may take in exact
    /// mentions of the same entity: "Luis Inácio Lula da Silva" is one misspelled name, not a
    /// misspelling around the correct alias "Lula".
    fn misspelled(&self, block: &Block, words: &[Word], taken: &mut [bool], reads: &mut Vec<Read>) {
        let mut exact_at: Vec<Option<usize>> = vec![None; words.len()];
        for (k, r) in reads.iter().enumerate() {
            exact_at[r.words.clone()]
                .iter_mut()
                .for_each(|o| *o = Some(k));
        }
        let mut near_taken = vec![false; words.len()];
        let mut absorbed = Vec::new();
        let mut found = Vec::new();
        let longest = self.registry.index().longest_form().min(MAX_NAME_WORDS);
        for run in name_runs(block, words) {
            for len in (1..=run.len().min(longest)).rev() {
                for start in run.start..=run.end - len {
                    let span = start..start + len;
                    if near_taken[span.clone()].iter().any(|&t| t)
                        || !ends_name(block, words, span.end - 1)
                        || splits_hyphenated(block, words, &span)
                    {
                        continue;
                    }
                    let mut inside: Vec<usize> =
                        exact_at[span.clone()].iter().flatten().copied().collect();
                    inside.dedup();
                    let covered: usize = inside.iter().map(|&k| reads[k].words.len()).sum();
                    let within = |k: &usize| {
                        span.start <= reads[*k].words.start && reads[*k].words.end <= span.end
                    };
                    if covered == len || !inside.iter().all(within) {
                        continue;
                    }
                    let Some(r) = self.near_form(block, words, span.clone()) else {
                        continue;
                    };
                    if inside.iter().any(|&k| reads[k].entity != r.entity) {
                        continue;
                    }
                    near_taken[span].iter_mut().for_each(|t| *t = true);
                    absorbed.extend(inside);
                    found.push(r);
                }
            }
        }
        absorbed.sort_unstable();
        for k in absorbed.into_iter().rev() {
            reads.swap_remove(k);
        }
        for r in found {
            taken[r.words.clone()].iter_mut().for_each(|t| *t = true);
            reads.push(r);
        }
    }

    fn near_form(&self, block: &Block, words: &[Word], span: Range<usize>) -> Option<Read> {
        let index = self.registry.index();
        let written: Vec<&str> = span
            .clone()
            .map(|i| {
                if i + 1 == span.end {
                    words[i].base().0
                } else {
                    words[i].text
                }
            })
            .collect();
        let possessive = words[span.end - 1].base().1;
        let written_separators: Vec<Separator> = span
            .clone()
            .skip(1)
            .map(|i| {
                if hyphenated(&block.text, &words[i - 1], &words[i]) {
                    Separator::Hyphen
                } else {
                    Separator::Space
                }
            })
            .collect();
        let single = written.len() == 1;
        if single
            && (NEVER_NAMES.contains(&written[0])
                || after_given_name(block, words, span.start)
                || self.other_names.contains(&spelling::plain(written[0])))
        {
            return None;
        }
        let mut candidates = Vec::new();
        for w in &written {
            index.near_candidates(w, &mut candidates);
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(u32, Read)> = None;
        let mut tie = false;
        for id in candidates {
            let form = index.form(id);
            if form.acronym || form.words.len() != written.len() {
                continue;
            }
            let entity = self.registry.entity(form.entity);
            if single && entity.kind == Kind::Person {
                continue;
            }
            // "Social Democrat" and "Berliner" are words made from a name, not misspellings.
            if entity.kind != Kind::Person
                && written
                    .iter()
                    .zip(&form.words)
                    .any(|(w, f)| spelling::is_derived(w, f))
            {
                continue;
            }
            // Hyphenated parts compare as one word ("Ching-teh" for "Ching-te").
            let (w_units, f_units) = (
                units(&written, &written_separators),
                units(&form.words, &form.separators),
            );
            let compared = if w_units.len() == f_units.len() {
                compare(&w_units, &f_units, entity, index)
            } else {
                compare(&written, &form.words, entity, index)
            };
            let Some((cost, swapped)) = compared else {
                continue;
            };
            let read = Read {
                words: span.clone(),
                entity: form.entity,
                reference: if form.kind == FormKind::Alias {
                    Reference::Alias
                } else {
                    Reference::Name
                },
                spelling: if swapped {
                    Spelling::Swapped
                } else {
                    Spelling::Misspelled
                },
                canonical: if form.kind == FormKind::Variant {
                    entity.name.clone()
                } else {
                    form.text.to_string()
                },
                possessive,
            };
            match &best {
                Some((c, b)) if cost == *c && b.entity != form.entity => tie = true,
                Some((c, _)) if cost >= *c => {}
                _ => {
                    tie = false;
                    best = Some((cost, read));
                }
            }
        }
        if tie {
            return None;
        }
        let (cost, read) = best?;
        if single && cost > 1 {
            // A lone word with a typo: its first letter must be right ("Dallas" is no typo of
            // Kallas), and where capitals say nothing (a sentence start, a headline in title
            // case) only a long word is a near-certain misspelling.
            let capital_says_nothing =
                sentence_initial(block, &words[span.start]) || title_case(words);
            if !same_first_letter(written[0], &read.canonical)
                || (capital_says_nothing && written[0].chars().count() < 8)
            {
                return None;
            }
        }
        Some(read)
    }

    /// A second reference at word `i`: a mentioned person's family name, or a misspelling of it.
    fn family(&self, block: &Block, words: &[Word], i: usize) -> Option<Read> {
        let (base, _) = words[i].base();
        for candidate in [key(words[i].text), key(base)] {
            for (family, entity) in self
                .families
                .get(candidate.as_ref())
                .into_iter()
                .flatten()
                .rev()
            {
                let n = family.len();
                if i + n > words.len() {
                    continue;
                }
                let spaces = vec![Separator::Space; n.saturating_sub(1)];
                if let Some(possessive) = matches_exactly(block, &words[i..i + n], family, &spaces)
                {
                    return Some(self.read(
                        i..i + n,
                        *entity,
                        Reference::FamilyName,
                        Spelling::Correct,
                        possessive,
                    ));
                }
            }
        }
        let index = self.registry.index();
        // Only entities with a name word near this one are worth comparing: the index finds
        // them in a few lookups, where comparing every mentioned family name would not scale.
        let mut near = Vec::new();
        index.near_candidates(base, &mut near);
        if near.is_empty() {
            return None;
        }
        let mut best: Option<(u32, usize, EntityIdx)> = None;
        let mut tie = false;
        for (family, entity) in self.families.values().flatten() {
            let n = family.len();
            if i + n > words.len()
                || !words[i + n - 1].is_capitalised()
                || !near.iter().any(|&id| index.form(id).entity == *entity)
            {
                continue;
            }
            let span = &words[i..i + n];
            if span
                .windows(2)
                .any(|p| !joined_in_name(&block.text, &p[0], &p[1]))
            {
                continue;
            }
            let entity_data = self.registry.entity(*entity);
            let Some(cost) = family_cost(span, family, entity_data, index, &self.other_names)
            else {
                continue;
            };
            match best {
                Some((c, _, e)) if cost == c && e != *entity => tie = true,
                Some((c, _, _)) if cost >= c => {}
                _ => {
                    tie = false;
                    best = Some((cost, n, *entity));
                }
            }
        }
        if tie {
            return None;
        }
        let (cost, n, entity) = best?;
        let spelling = if cost == 0 {
            Spelling::Correct
        } else {
            Spelling::Misspelled
        };
        let possessive = words[i + n - 1].base().1;
        Some(self.read(
            i..i + n,
            entity,
            Reference::FamilyName,
            spelling,
            possessive,
        ))
    }

    fn read(
        &self,
        words: Range<usize>,
        entity: EntityIdx,
        reference: Reference,
        spelling: Spelling,
        possessive: bool,
    ) -> Read {
        let e = self.registry.entity(entity);
        let canonical = if reference == Reference::FamilyName {
            e.family_name()
        } else {
            &e.name
        };
        Read {
            words,
            entity,
            reference,
            spelling,
            canonical: canonical.to_string(),
            possessive,
        }
    }
}

/// Whether `words` spell `form` exactly (the last word may carry a possessive); returns whether
/// it did.
fn matches_exactly(
    block: &Block,
    words: &[Word],
    form: &[Box<str>],
    separators: &[Separator],
) -> Option<bool> {
    let n = form.len();
    let mut possessive = false;
    for (j, w) in words.iter().enumerate() {
        let k = key(w.text);
        if *k != *form[j] {
            let stripped = (j + 1 == n).then(|| strip_possessive(w.text)).flatten();
            if stripped.is_none_or(|s| *key(s) != *form[j]) {
                return None;
            }
            possessive = true;
        }
        if j > 0 {
            let gap = gap(&block.text, &words[j - 1], w);
            if !separators.get(j - 1).is_some_and(|s| s.matches(gap)) {
                return None;
            }
        }
    }
    Some(possessive)
}

/// How far words are from a remembered family name, when they can be read as a misspelling of
/// it (or, at cost 0, as the name written in other capitals: "Von der Leyen").
fn family_cost(
    span: &[Word],
    family: &[Box<str>],
    entity: &Entity,
    index: &crate::registry::NameIndex,
    other_names: &HashSet<String>,
) -> Option<u32> {
    let mut cost = 0;
    for (j, (w, f)) in span.iter().zip(family).enumerate() {
        let text = if j + 1 == span.len() {
            w.base().0
        } else {
            w.text
        };
        if NEVER_NAMES.contains(&text) {
            return None;
        }
        let c = near_word(text, f, entity)?;
        if c > 1 && !same_first_letter(text, f) {
            return None;
        }
        let diacritics_only = spelling::plain(text) == spelling::plain(f);
        if !diacritics_only {
            // A bare family name has no given name to vouch for it: short ones and other
            // registry names are left alone ("Zhou" after "Zhao Leji").
            let short = text.chars().count().max(f.chars().count()) < 5;
            if short || index.is_known_word(text) || other_names.contains(&spelling::plain(text)) {
                return None;
            }
        }
        cost += c;
    }
    Some(cost)
}

/// Runs of capitalised words (with name particles and connectives inside).
fn name_runs(block: &Block, words: &[Word]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].is_capitalised() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut j = i + 1;
        while j < words.len() && joined_in_name(&block.text, &words[j - 1], &words[j]) {
            if ends_name(block, words, j) {
                end = j + 1;
            } else if !PARTICLES.contains(&words[j].text) && !CONNECTIVES.contains(&words[j].text) {
                break;
            }
            j += 1;
        }
        runs.push(start..end);
        i = end;
    }
    runs
}

/// Whether a span cuts a hyphenated word in two ("Marie Le Pen" out of "Jean-Marie Le Pen").
fn splits_hyphenated(block: &Block, words: &[Word], span: &Range<usize>) -> bool {
    let joined = |a: usize, b: usize| hyphenated(&block.text, &words[a], &words[b]);
    (span.start > 0 && joined(span.start - 1, span.start))
        || (span.end < words.len() && joined(span.end - 1, span.end))
}

/// Whether a name can end at word `j`: a capitalised word, or a lower-case part hyphenated to
/// one ("Ching-te").
fn ends_name(block: &Block, words: &[Word], j: usize) -> bool {
    words[j].is_capitalised()
        || j.checked_sub(1).is_some_and(|p| {
            words[p].is_capitalised() && hyphenated(&block.text, &words[p], &words[j])
        })
}

/// Whether the word at `i` follows a capitalised word as a family name follows a given name
/// ("Lenín Moreno"): then it belongs to a person, not to a one-word organisation or place.
fn after_given_name(block: &Block, words: &[Word], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &words[p]) else {
        return false;
    };
    prev.is_capitalised()
        && !prev.base().1
        && !NEVER_NAMES.contains(&prev.text)
        && prev.text.chars().any(char::is_lowercase)
        && Separator::Space.matches(gap(&block.text, prev, &words[i]))
}

/// Whether two words start with the same letter, diacritics aside: typos rarely touch it.
fn same_first_letter(a: &str, b: &str) -> bool {
    let first = |s: &str| spelling::plain(s).chars().next();
    first(a) == first(b)
}

/// Whether most words of a block are capitalised, as in a headline written in title case.
fn title_case(words: &[Word]) -> bool {
    let lettered = words
        .iter()
        .filter(|w| w.text.chars().any(char::is_alphabetic));
    let (n, caps) = lettered.fold((0, 0), |(n, c), w| {
        (n + 1, c + usize::from(w.is_capitalised()))
    });
    n >= 4 && caps * 3 >= n * 2
}

/// Whether a word opens a sentence (so its capital says nothing about it being a name).
fn sentence_initial(block: &Block, word: &Word) -> bool {
    let before = block.text[..word.range.start]
        .trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘(".contains(c));
    before.is_empty() || before.ends_with(['.', '!', '?', ':'])
}

#[cfg(test)]
#[path = "mention_tests.rs"]
mod tests;
