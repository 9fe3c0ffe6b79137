//! Finding mentions of registry entities in prose.
//!
//! Per block, in document order:
//! 1. exact forms (names, aliases, acronyms, known variants), longest first, possessives allowed;
//! 2. misspellings: name-like runs of capitalised words near a registry form (see [`spelling`]);
//! 3. second references: a person's family name after a full mention of that person.

mod ahead;
mod consistent;
mod lead;
mod memo;
mod misspelled;
mod near;
mod shared;

use super::titles::{is_title_word, relation, trailing_title, Relation};
use super::tokens::{self, is_never_a_name, BlockTokens, Tokens, Word};
use crate::registry::compare::{compare, near_word, units};
use crate::registry::spelling::{self, key, unaccented};
use crate::registry::{Entity, EntityIdx, FormKind, Kind, Registry, Separator};
use lead::LeadForms;
pub use memo::Memo;
use misspelled::{first_plain, name_runs, same_first_letter};
use near::NearForms;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

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

/// Lower-case words that join the words of an organisation's name ("Bank of Russia", "Food and
/// Agriculture Organization", "Panel on Climate Change", "Organization of the ...").
const CONNECTIVES: &[&str] = &["of", "for", "and", "the", "on"];

/// Words written before a name that are not a given name: courtesy titles without a full stop
/// ("Mrs Clinton"), royal and religious titles ("Crown Prince Mohammed"), a party member.
const COURTESY: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Madam",
    "Sen",
    "Rep",
    "Gov",
    "Gen",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Crown",
    "Emir",
    "Sheikh",
    "Sultan",
    "Pope",
    "Cardinal",
    "Archbishop",
    "Bishop",
    "Rabbi",
    "Imam",
    "Judge",
    "Justice",
    "Saint",
    "Democrat",
];

/// The most words a misspelled name is looked for in.
const MAX_NAME_WORDS: usize = 10;

/// Whether words `i` and `i + 1` are joined as inside one name: by spaces (a line break counts),
/// a hyphen, or the full stop of an abbreviation or initial ("U.S. Air Force").
fn joined_in_name(t: &BlockTokens, i: usize) -> bool {
    t.spaced(i) || t.hyphenated(i) || t.dotted(i)
}

/// A candidate read of a span of words, before it is accepted.
#[derive(Clone, Debug)]
struct Read {
    words: Range<usize>,
    entity: EntityIdx,
    reference: Reference,
    spelling: Spelling,
    canonical: String,
    possessive: bool,
}

/// Finds every mention in the document, sorted by position.
pub fn find_mentions(tokens: &Tokens, registry: &Registry) -> Vec<Mention> {
    find_mentions_again(tokens, registry, &Memo::default(), &|| false)
        .map_or_else(Vec::new, |(mentions, _)| mentions)
}

/// [`find_mentions`], reusing the block searches of an earlier analysis (see [`Memo`]); also
/// returns this analysis's memo. The mentions are the same as `find_mentions`'. `None` when
/// `cancelled` says so (asked before each block).
pub fn find_mentions_again(
    tokens: &Tokens,
    registry: &Registry,
    previous: &Memo,
    cancelled: &dyn Fn() -> bool,
) -> Option<(Vec<Mention>, Memo)> {
    find_splitting(tokens, registry, previous, cancelled, ahead::MIN_SPLIT)
}

/// [`find_mentions_again`], searching the later half ahead when the blocks hold at least
/// `min_split` bytes of text.
fn find_splitting(
    tokens: &Tokens,
    registry: &Registry,
    previous: &Memo,
    cancelled: &dyn Fn() -> bool,
    min_split: usize,
) -> Option<(Vec<Mention>, Memo)> {
    if registry.is_empty() {
        return Some((Vec::new(), Memo::new(registry.generation())));
    }
    let blocks = &tokens.blocks;
    let later = ahead::later_half(blocks, min_split);
    let ahead = OnceLock::new();
    let lookups = Lookups::default();
    let mut finder = Finder::new(registry, previous, &ahead, &lookups);
    let stop = ahead::Stop::default();
    let found = std::thread::scope(|scope| {
        // The later half's blocks are searched ahead on another core, while this one reads
        // the first half; the reads there are then recalled as from an earlier analysis, so
        // only where something carried from the first half changed them is a block searched
        // again (see [`Memo`]).
        let mut searching = (later < blocks.len()).then(|| {
            scope.spawn(|| ahead::search(&blocks[later..], registry, previous, &lookups, &stop))
        });
        let _stop = stop.on_return();
        for (b, block) in blocks.iter().enumerate() {
            if b == later {
                if let Some(Ok(memo)) = searching.take().map(|s| s.join()) {
                    let _ = ahead.set(memo);
                }
            }
            if cancelled() {
                return None;
            }
            finder.block(b, block);
        }
        Some(())
    });
    found?;
    let mut mentions = finder.mentions;
    consistent::drop_consistent_misspellings(&mut mentions, tokens, registry);
    let mut memo = finder.memo;
    memo.near = take(lookups.near);
    memo.leads = take(lookups.leads);
    memo.closest = take(lookups.closest);
    Some((mentions, memo))
}

/// What an analysis looks up by words alone, and keeps in its [`Memo`] for the next: pure
/// functions of the words and the registry, so the search ahead and the reading share them.
#[derive(Default)]
struct Lookups {
    /// Fuzzy candidates per written word: a story repeats its names, and finding candidates
    /// means folding the word and looking up each of its deletions.
    near: Mutex<HashMap<String, Arc<NearForms>>>,
    /// The closest form to written words (`Finder::closest_form`), by the words and their
    /// separators: a story repeats its names, misspelled or not.
    closest: Mutex<HashMap<String, Closest>>,
    /// The exact pass's forms per lead (first word, or first two words joined by a NUL).
    /// Keyed by a fast hash: looked up several times at every word of the draft.
    leads: Mutex<rustc_hash::FxHashMap<String, Arc<LeadForms>>>,
}

/// A lookup table, locked: no lookup panics while holding it, so a poisoned one is whole.
fn lock<T>(table: &Mutex<T>) -> MutexGuard<'_, T> {
    table.lock().unwrap_or_else(PoisonError::into_inner)
}

fn take<T>(table: Mutex<T>) -> T {
    table.into_inner().unwrap_or_else(PoisonError::into_inner)
}

/// The registry form closest to some written words: its cost, its id and whether the words are
/// its two words swapped; `None` when no form is close, or two entities' forms are equally so.
type Closest = Option<(u32, u32, bool)>;

/// A mentioned person's family name, as words, and the first letter of its first word (see
/// [`same_first_letter`]; asked of every remembered family at every capitalised word).
type FamilyName = (Vec<Box<str>>, EntityIdx, Option<char>);

struct Finder<'r> {
    registry: &'r Registry,
    /// Family names of people mentioned so far, by their first word.
    families: HashMap<String, Vec<FamilyName>>,
    /// The same by entity (a person has one family name), and the entities by its first
    /// letter: a capitalised word is compared with the families it may be a typo of, not all.
    family_of: FxHashMap<EntityIdx, FamilyName>,
    by_letter: FxHashMap<Option<char>, Vec<EntityIdx>>,
    /// Family names of people the registry does not know, from names written in full so far
    /// ("Martin Schulz"): a later "Schulz" is that person, not a misspelling of Scholz.
    other_names: HashSet<String>,
    /// The same, keyed as family names are, only from names that open with a given name (not
    /// "President Clinton"): a bare "Clinton" after both "Bill Clinton" and "Hillary Clinton"
    /// may be either.
    other_people: HashSet<String>,
    mentions: Vec<Mention>,
    /// Fuzzy candidates, closest forms and lead forms looked up in this analysis, shared with
    /// the search ahead.
    lookups: &'r Lookups,
    /// Room for building a lead's key without allocating at each lookup.
    lead_key: RefCell<String>,
    /// The questions the current block's search asked of `other_names`, with their answers.
    asked: RefCell<Vec<(String, bool)>>,
    /// The previous analysis's block searches, and this one's.
    previous: &'r Memo,
    /// The searches of the later blocks made ahead, once they are done (see `ahead.rs`).
    ahead: &'r OnceLock<Memo>,
    memo: Memo,
}

impl<'r> Finder<'r> {
    fn new(
        registry: &'r Registry,
        previous: &'r Memo,
        ahead: &'r OnceLock<Memo>,
        lookups: &'r Lookups,
    ) -> Finder<'r> {
        Finder {
            registry,
            families: HashMap::new(),
            family_of: FxHashMap::default(),
            by_letter: FxHashMap::default(),
            other_names: HashSet::new(),
            other_people: HashSet::new(),
            mentions: Vec::new(),
            lookups,
            lead_key: RefCell::default(),
            asked: RefCell::default(),
            previous,
            ahead,
            memo: Memo::new(registry.generation()),
        }
    }

    /// What the previous analysis, or else the search ahead, remembers.
    fn recalled<'m, T>(&'m self, recall: impl Fn(&'m Memo) -> Option<T>) -> Option<T> {
        recall(self.previous).or_else(|| self.ahead.get().and_then(recall))
    }

    /// Forms with a word near `word` ([`NameIndex::near_candidates`]), remembered per word.
    fn near_candidates(&self, word: &str) -> Arc<NearForms> {
        if let Some(found) = lock(&self.lookups.near).get(word) {
            return found.clone();
        }
        let generation = self.registry.generation();
        if let Some(found) = self.recalled(|m| m.near(generation, word)) {
            lock(&self.lookups.near).insert(word.to_string(), found.clone());
            return found;
        }
        let mut found = Vec::new();
        self.registry.index().near_candidates(word, &mut found);
        let found = Arc::new(NearForms::new(found));
        lock(&self.lookups.near).insert(word.to_string(), found.clone());
        found
    }

    /// The forms of one word `first`, or of more starting with `first second`, by their later
    /// words; remembered per lead, and from the previous analysis.
    fn lead_forms(&self, first: &str, second: Option<&str>) -> Arc<LeadForms> {
        let mut lead = self.lead_key.borrow_mut();
        lead.clear();
        lead.push_str(first);
        if let Some(second) = second {
            lead.push('\0');
            lead.push_str(second);
        }
        if let Some(found) = lock(&self.lookups.leads).get(lead.as_str()) {
            return found.clone();
        }
        let generation = self.registry.generation();
        let found = match self.recalled(|m| m.lead(generation, &lead)) {
            Some(found) => found,
            None => {
                let index = self.registry.index();
                let ids = index.starting_with(first, second).into_owned();
                Arc::new(LeadForms::new(index, ids))
            }
        };
        lock(&self.lookups.leads).insert(lead.clone(), found.clone());
        found
    }

    /// [`Self::closest_form`] of written words, by `span_key` (the words and their
    /// separators); remembered per analysis, and from the previous analysis.
    fn closest(&self, span_key: String, written: &[&str], separators: &[Separator]) -> Closest {
        if let Some(&found) = lock(&self.lookups.closest).get(&span_key) {
            return found;
        }
        let generation = self.registry.generation();
        let found = self
            .recalled(|m| m.closest(generation, &span_key))
            .unwrap_or_else(|| self.closest_form(written, separators));
        lock(&self.lookups.closest).insert(span_key, found);
        found
    }

    /// Whether `word` (lower case) is the family name of someone written in full earlier who
    /// is not in the registry; the question is remembered for the block's [`Memo`] entry.
    fn is_other_name(&self, word: &str) -> bool {
        let known = self.other_names.contains(word);
        self.asked.borrow_mut().push((word.to_string(), known));
        known
    }

    /// A block's exact and misspelled reads, and the words they take: from the previous
    /// analysis (or the search ahead) when it searched the same text under the same answers,
    /// else searched now.
    fn search(&mut self, block: &BlockTokens) -> (Vec<bool>, Vec<Read>) {
        let generation = self.registry.generation();
        let other_names = &self.other_names;
        let searched = match self.recalled(|m| m.recall(generation, block.text(), other_names)) {
            Some(s) => s.clone(),
            None => {
                let mut taken = vec![false; block.words.len()];
                let mut reads = Vec::new();
                self.asked.borrow_mut().clear();
                self.exact(block, &mut taken, &mut reads);
                self.misspelled(block, &mut taken, &mut reads);
                memo::Searched {
                    taken,
                    reads,
                    asked: self.asked.take(),
                }
            }
        };
        let result = (searched.taken.clone(), searched.reads.clone());
        self.memo.keep(block.text(), searched);
        result
    }

    fn block(&mut self, b: usize, block: &BlockTokens) {
        let words = &block.words;
        let (mut taken, mut reads) = self.search(block);
        self.remember_other_names(block, &taken);
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
            if !taken[i] && (words[i].name_like() || particle) {
                if let Some(r) = self.family(block, i) {
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
                first.range.start.max(last.range.start + last.base().len())
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
    fn remember_other_names(&mut self, block: &BlockTokens, taken: &[bool]) {
        let words = &block.words;
        for run in name_runs(block) {
            let last = run.end - 1;
            if run.len() >= 2 && !taken[last] && words[last - 1].name_like() {
                self.other_names.insert(words[last].lower.clone());
                let given = words[last - 1].text;
                if !is_never_a_name(given)
                    && !COURTESY.contains(&given)
                    && trailing_title(&[given]).is_none()
                {
                    self.other_people
                        .insert(key(words[last].base()).into_owned());
                }
            }
        }
    }

    fn remember(&mut self, r: &Read) {
        let entity = self.registry.entity(r.entity);
        if entity.kind != Kind::Person || r.reference == Reference::FamilyName {
            return;
        }
        let family: Vec<Box<str>> = tokens::words(entity.family_name())
            .map(|(_, w)| key(w).into())
            .collect();
        if let Some(first) = family.first() {
            let letter = first_plain(first);
            let list = self.families.entry(first.to_string()).or_default();
            list.retain(|(_, e, _)| *e != r.entity);
            list.push((family.clone(), r.entity, letter));
            let same = self.by_letter.entry(letter).or_default();
            if !same.contains(&r.entity) {
                same.push(r.entity);
            }
            self.family_of.insert(r.entity, (family, r.entity, letter));
        }
    }

    /// Exact forms, longest first.
    fn exact(&self, block: &BlockTokens, taken: &mut [bool], reads: &mut Vec<Read>) {
        let words = &block.words;
        let index = self.registry.index();
        // Once per block: asked per word, a 10 MB paragraph took minutes.
        let ascii = block.text().is_ascii();
        let longest = index.longest_form();
        // The leads of each word, in one buffer for the block.
        let mut leads = Vec::with_capacity(12);
        let mut i = 0;
        while i < words.len() {
            let base = words[i].base();
            let mut best: Option<Read> = None;
            let first = key(words[i].text);
            let second = words.get(i + 1).map(|w| (key(w.text), key(w.base())));
            // What each later word may spell in a longer form: as written, and with the
            // diacritics a registry leaves out dropped (for the folded leads). Asked only
            // where a lead has forms longer than two words.
            let later = OnceCell::new();
            let later = || {
                later.get_or_init(|| {
                    let end = words.len().min(i + longest);
                    let as_written: Vec<Vec<Cow<str>>> = words[(i + 2).min(end)..end]
                        .iter()
                        .map(|w| vec![key(w.text), key(w.base())])
                        .collect();
                    let folded: Vec<Vec<Cow<str>>> = as_written
                        .iter()
                        .map(|alternatives| {
                            let unaccented = alternatives
                                .iter()
                                .map(|t| Cow::Owned(unaccented(t).into_owned()));
                            alternatives.iter().cloned().chain(unaccented).collect()
                        })
                        .collect();
                    (as_written, folded)
                })
            };
            let exact = [
                (key(base), None),
                (first.clone(), None),
                (first.clone(), second.as_ref().map(|s| s.0.clone())),
                (first, second.map(|s| s.1)),
            ];
            // Each lead with whether diacritics a registry leaves out may be read past (see
            // `Registry::omits_diacritics`): first as written, then, in prose with any
            // diacritics, also with them dropped ("João Lourenço" for "Joao Lourenco"). A
            // reading as written comes first, and wins at equal length.
            leads.clear();
            leads.extend(exact.iter().map(|(l, n)| (l.clone(), n.clone(), false)));
            if !ascii {
                leads.extend(exact.iter().map(|(l, n)| (l.clone(), n.clone(), true)));
                // A word with nothing to drop is kept as it is, not copied: most are.
                fn dropped<'s>(s: &Cow<'s, str>) -> Cow<'s, str> {
                    match unaccented(s) {
                        Cow::Borrowed(_) => s.clone(),
                        Cow::Owned(o) => Cow::Owned(o),
                    }
                }
                leads.extend(
                    exact
                        .iter()
                        .map(|(l, n)| (dropped(l), n.as_ref().map(dropped), true)),
                );
            }
            // The forms of each lead looked up: a lead read again with diacritics dropped
            // has the forms it had as written.
            let mut looked: [Option<Arc<LeadForms>>; 12] = Default::default();
            for (k, (lead, next, fold)) in leads.iter().enumerate() {
                // Most leads are the same words as an earlier one, borrowed from the same
                // text: the same bytes are the same lead without comparing them.
                let same = |a: &str, b: &str| std::ptr::eq(a, b) || a == b;
                let same_next = |a: &Option<Cow<str>>, b: &Option<Cow<str>>| match (a, b) {
                    (Some(a), Some(b)) => same(a, b),
                    (a, b) => a.is_none() && b.is_none(),
                };
                let same_lead =
                    |j: &usize| same(&leads[*j].0, lead) && same_next(&leads[*j].1, next);
                if (0..k).any(|j| leads[j].2 == *fold && same_lead(&j)) {
                    continue;
                }
                let earlier = (0..k).filter(|j| looked[*j].is_some()).find(same_lead);
                let forms = match earlier.and_then(|j| looked[j].clone()) {
                    Some(forms) => forms,
                    None => self.lead_forms(lead, next.as_deref()),
                };
                if let Some(slot) = looked.get_mut(k) {
                    *slot = Some(forms.clone());
                }
                let later = || {
                    let (as_written, folded) = later();
                    if *fold {
                        &folded[..]
                    } else {
                        &as_written[..]
                    }
                };
                for &id in forms.candidates(later).iter() {
                    let form = index.form(id);
                    let n = form.words.len();
                    // A form with no words (a damaged index's stand-in) would match nowhere
                    // and everywhere: an empty read that never moves on.
                    if n == 0 || i + n > words.len() || taken[i..i + n].iter().any(|&t| t) {
                        continue;
                    }
                    let Some(possessive) = matches_exactly(
                        block,
                        i,
                        &form.words,
                        &form.separators,
                        *fold && self.registry.omits_diacritics(form.entity),
                    ) else {
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

    /// A second reference at word `i`: a mentioned person's family name, or a misspelling of it.
    fn family(&self, block: &BlockTokens, i: usize) -> Option<Read> {
        let words = &block.words;
        let base = words[i].base();
        let mut exact: Option<Read> = None;
        for candidate in [key(words[i].text), key(base)] {
            for (family, entity, _) in self
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
                let Some(possessive) = matches_exactly(
                    block,
                    i,
                    family,
                    &spaces,
                    self.registry.omits_diacritics(*entity),
                ) else {
                    continue;
                };
                match &exact {
                    // Two people of that family name named in full: either may be meant.
                    Some(read) if read.entity != *entity => return None,
                    Some(_) => {}
                    None => {
                        exact = Some(self.read(
                            i..i + n,
                            *entity,
                            Reference::FamilyName,
                            Spelling::Correct,
                            possessive,
                        ))
                    }
                }
            }
        }
        if let Some(read) = exact {
            let last = &words[read.words.end - 1];
            // Someone the registry does not know shares the name ("Hillary Clinton").
            return (!self.other_people.contains(key(last.base()).as_ref())).then_some(read);
        }
        let index = self.registry.index();
        // Worth comparing: a family name with a word near this one by the index (a few
        // lookups), or one starting with the same letter, as a typo's name nearly always does
        // and the index misses when the typo falls in a folded letter ("Wadehpul", "Beloisov").
        let near = self.near_candidates(base);
        let mut best: Option<(u32, usize, EntityIdx)> = None;
        let mut tie = false;
        let letter = first_plain(words[i].text);
        // The families of that letter, then those of other letters the index finds near: each
        // person once, and the best is the same in any order (one family name a person).
        let mut people: Vec<EntityIdx> = (self.by_letter.get(&letter).cloned()).unwrap_or_default();
        let other_letter = |e: &&EntityIdx| self.family_of.get(*e).is_some_and(|f| f.2 != letter);
        // The near forms' entities are gathered only when some family has another letter.
        if self.family_of.len() > people.len() {
            let near_entities = near.entities(index);
            if near_entities.len() <= self.family_of.len() {
                people.extend(near_entities.iter().filter(other_letter));
            } else {
                people.extend(
                    (self.family_of.keys())
                        .filter(other_letter)
                        .filter(|e| near_entities.binary_search(e).is_ok()),
                );
            }
        }
        for (family, entity, _) in people.iter().filter_map(|e| self.family_of.get(e)) {
            let n = family.len();
            if i + n > words.len() || !words[i + n - 1].name_like() {
                continue;
            }
            // A particle after the word makes it a given name: "Osama bin Laden".
            let particle_after = words
                .get(i + n)
                .is_some_and(|w| PARTICLES.contains(&w.text) && joined_in_name(block, i + n - 1));
            if particle_after || (i..i + n - 1).any(|k| !joined_in_name(block, k)) {
                continue;
            }
            let span = &words[i..i + n];
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
        // One transliteration or diacritic off a default-registry name is that name (see
        // `misspelled::near_form`).
        let spelling = if cost == 0 || (cost == 1 && self.registry.omits_diacritics(entity)) {
            Spelling::Correct
        } else {
            Spelling::Misspelled
        };
        let possessive = words[i + n - 1].possessive;
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

/// Whether the words from `start` spell `form` exactly (the last word may carry a possessive;
/// with `omits_diacritics`, a word may carry diacritics the form leaves out); returns whether it
/// did.
fn matches_exactly(
    block: &BlockTokens,
    start: usize,
    form: &[Box<str>],
    separators: &[Separator],
    omits_diacritics: bool,
) -> Option<bool> {
    let n = form.len();
    let mut possessive = false;
    for (j, w) in block.words[start..start + n].iter().enumerate() {
        if !spells(w.text, &form[j], omits_diacritics) {
            let stripped = (j + 1 == n && w.possessive).then(|| w.base());
            if stripped.is_none_or(|s| !spells(s, &form[j], omits_diacritics)) {
                return None;
            }
            possessive = true;
        }
        if j > 0 {
            let gap = block.gap(start + j - 1);
            if !separators.get(j - 1).is_some_and(|s| s.matches(gap)) {
                return None;
            }
        }
    }
    Some(possessive)
}

/// Whether a written word spells a form's word: as written (apostrophes aside), or, with
/// `omits_diacritics`, with the diacritics a form written without any leaves out ("Lourenço"
/// for "Lourenco").
fn spells(written: &str, form: &str, omits_diacritics: bool) -> bool {
    let k = key(written);
    *k == *form || (omits_diacritics && !k.is_ascii() && form.is_ascii() && unaccented(&k) == form)
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
            w.base()
        } else {
            w.text
        };
        if is_never_a_name(text) {
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

#[cfg(test)]
mod tests;
