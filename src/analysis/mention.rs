//! Finding mentions of registry entities in prose.
//!
//! Per block, in document order:
//! 1. exact forms (names, aliases, acronyms, known variants), longest first, possessives allowed;
//! 2. misspellings: name-like runs of capitalised words near a registry form (see [`spelling`]);
//! 3. second references: a person's family name after a full mention of that person.

use super::document::{Block, Document};
use crate::registry::spelling::{self, key, strip_possessive};
use crate::registry::{EntityIdx, FormKind, Kind, Registry, Separator};
use std::collections::HashMap;
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

/// Whether two words are joined as inside one name: by spaces (a line break counts) or a hyphen.
fn joined_in_name(block: &str, a: &Word, b: &Word) -> bool {
    let gap = &block[a.range.end..b.range.start];
    Separator::Space.matches(gap) || Separator::Hyphen.matches(gap)
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
        reads.sort_by_key(|r| r.words.start);
        // Second references, in order, so a family name only refers back to earlier mentions.
        let mut pending = reads.into_iter().peekable();
        let mut all = Vec::new();
        for i in 0..words.len() {
            while let Some(r) = pending.next_if(|r| r.words.start <= i) {
                self.remember(&r);
                all.push(r);
            }
            if !taken[i] && words[i].is_capitalised() {
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

    /// Name-like runs near a registry form, longest span first.
    fn misspelled(&self, block: &Block, words: &[Word], taken: &mut [bool], reads: &mut Vec<Read>) {
        for run in name_runs(block, words, taken) {
            for len in (1..=run.len().min(4)).rev() {
                for start in run.start..=run.end - len {
                    let span = start..start + len;
                    if taken[span.clone()].iter().any(|&t| t)
                        || !words[span.end - 1].is_capitalised()
                    {
                        continue;
                    }
                    if let Some(r) = self.near_form(block, words, span.clone()) {
                        taken[span].iter_mut().for_each(|t| *t = true);
                        reads.push(r);
                    }
                }
            }
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
        if written.len() == 1
            && (NEVER_NAMES.contains(&written[0]) || sentence_initial(block, &words[span.start]))
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
            if written.len() == 1 && entity.kind == Kind::Person {
                continue;
            }
            let Some((cost, swapped)) = compare(&written, &form.words, index) else {
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
        best.map(|(_, r)| r)
    }

    /// A second reference at word `i`: a mentioned person's family name, or a misspelling of it.
    fn family(&self, block: &Block, words: &[Word], i: usize) -> Option<Read> {
        let (base, possessive) = words[i].base();
        let mut found = None;
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
                    found = Some(self.read(
                        i..i + n,
                        *entity,
                        Reference::FamilyName,
                        Spelling::Correct,
                        possessive,
                    ));
                    break;
                }
            }
            if found.is_some() {
                return found;
            }
        }
        if NEVER_NAMES.contains(&base)
            || self.registry.index().is_known_word(base)
            || base.chars().count() < 5
        {
            return None;
        }
        let mut best: Option<(u32, EntityIdx)> = None;
        for (family, entity) in self.families.values().flatten() {
            if family.len() != 1 {
                continue;
            }

            if let Some(cost) = spelling::near(base, &family[0]).filter(|&c| c > 0) {
                if best.is_none_or(|(c, _)| cost < c) {
                    best = Some((cost, *entity));
                }
            }
        }
        best.map(|(_, entity)| {
            self.read(
                i..i + 1,
                entity,
                Reference::FamilyName,
                Spelling::Misspelled,
                possessive,
            )
        })
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
            let gap = &block.text[words[j - 1].range.end..w.range.start];
            if !separators.get(j - 1).is_some_and(|s| s.matches(gap)) {
                return None;
            }
        }
    }
    Some(possessive)
}

/// How close written words are to a registry form, in half-edits, and whether they are the two
/// words of the form swapped; `None` when they are not a misspelling of it.
fn compare(
    written: &[&str],
    form: &[Box<str>],
    index: &crate::registry::NameIndex,
) -> Option<(u32, bool)> {
    let same_but_case = written
        .iter()
        .zip(form)
        .all(|(w, f)| w.to_lowercase() == f.to_lowercase());
    if same_but_case {
        return None;
    }
    let straight = || {
        let mut cost = 0;
        let mut exact = 0;
        for (w, f) in written.iter().zip(form) {
            let c = spelling::near(w, f)?;
            // A word that is itself a registry name is a different name, not a typo.
            if c > 1 && index.is_known_word(w) {
                return None;
            }
            exact += usize::from(c == 0);
            cost += c;
        }
        // A single word must be one typo away and long enough not to be another word; a longer
        // name keeps one word intact.
        let plausible = if written.len() == 1 {
            cost <= 2 && written[0].chars().count() >= 6
        } else {
            exact >= 1 || cost <= written.len() as u32
        };
        plausible.then_some((cost, false))
    };
    let swapped = || {
        (written.len() == 2
            && spelling::plain(written[0]) == spelling::plain(&form[1])
            && spelling::plain(written[1]) == spelling::plain(&form[0]))
        .then_some((2, true))
    };
    straight().or_else(swapped)
}

/// Runs of capitalised words (with name particles inside) that no mention has taken.
fn name_runs(block: &Block, words: &[Word], taken: &[bool]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if taken[i] || !words[i].is_capitalised() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut j = i + 1;
        while j < words.len() && !taken[j] && joined_in_name(&block.text, &words[j - 1], &words[j])
        {
            if words[j].is_capitalised() {
                end = j + 1;
            } else if !PARTICLES.contains(&words[j].text) {
                break;
            }
            j += 1;
        }
        runs.push(start..end);
        i = end;
    }
    runs
}

/// Whether a word opens a sentence (so its capital says nothing about it being a name).
fn sentence_initial(block: &Block, word: &Word) -> bool {
    let before = block.text[..word.range.start]
        .trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘(".contains(c));
    before.is_empty() || before.ends_with(['.', '!', '?', ':'])
}
