//! A written word's fuzzy candidates, kept per analysis and split by the forms' word counts.
//!
//! A common word ("Bank", "National") is near thousands of forms, nearly all longer than the
//! span being read; a span of two words wants only the two-word ones. Splitting a list once by
//! word count (peeked from the index, not decoded) spares decoding and checking every form of
//! it at each span it seeds.

use crate::registry::spelling::Counted;
use crate::registry::{EntityIdx, NameIndex};
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

#[derive(Debug)]
pub(super) struct NearForms {
    /// Forms with a word near the written one ([`NameIndex::near_candidates`]), sorted, each
    /// once.
    pub(super) ids: Box<[u32]>,
    /// `ids` by word count, each group sorted; split the first time the list seeds a search.
    by_count: OnceLock<Vec<(usize, Box<[u32]>)>>,
    /// The entities of `ids`' forms, sorted, each once; gathered the first time one is asked for.
    entities: OnceLock<Box<[EntityIdx]>>,
    /// By word count and word position: `by_count`'s group by the forms' word there, once
    /// asked for twice (`None` after the first time).
    by_word: Mutex<FxHashMap<(usize, usize), Option<ByWord>>>,
}

/// Forms grouped by their word at one position ([`NearForms::by_word`]).
pub(super) type ByWord = Arc<[WordForms]>;

/// The forms of one word count with one word at one position.
#[derive(Debug)]
pub(super) struct WordForms {
    /// That word, counted; `None` for forms whose peek stops short of it.
    pub(super) word: Option<Counted>,
    /// Sorted.
    pub(super) ids: Box<[u32]>,
}

impl NearForms {
    pub(super) fn new(mut ids: Vec<u32>) -> NearForms {
        // The index gives a sorted list per key, one after another: the stable sort merges
        // such runs (`sort_unstable` sorted them over, a twentieth of a large check).
        ids.sort();
        ids.dedup();
        NearForms {
            ids: ids.into(),
            by_count: OnceLock::new(),
            entities: OnceLock::new(),
            by_word: Mutex::default(),
        }
    }

    /// The forms of this list with `n` words by [`NameIndex::peek_words`], sorted.
    pub(super) fn of_count(&self, index: &NameIndex, n: usize) -> &[u32] {
        let groups = self.by_count.get_or_init(|| {
            let mut counted: Vec<(usize, u32)> = self
                .ids
                .iter()
                .map(|&id| (index.peek_words(id, 0).0, id))
                .collect();
            counted.sort_unstable();
            counted
                .chunk_by(|a, b| a.0 == b.0)
                .map(|group| (group[0].0, group.iter().map(|&(_, id)| id).collect()))
                .collect()
        });
        groups
            .iter()
            .find(|(c, _)| *c == n)
            .map_or(&[], |(_, g)| &g[..])
    }

    /// The forms of this list with `n` words ([`Self::of_count`]) grouped by their word `k`
    /// (peeked as [`NameIndex::peek_words`] gives it with `k + 1` words wanted), each word
    /// counted once: a misspelling search asks about the same forms' words at every span
    /// ("University of ..."), and ruling a word out rules out all its forms. `None` the first
    /// time: most lists are asked about once, and then only about a few forms, cheaper peeked
    /// one by one than all grouped.
    pub(super) fn by_word(
        &self,
        index: &NameIndex,
        n: usize,
        k: usize,
    ) -> Option<Arc<[WordForms]>> {
        let lock = || self.by_word.lock().unwrap_or_else(PoisonError::into_inner);
        match lock().entry((n, k)) {
            Entry::Occupied(built) => {
                if let Some(found) = built.get() {
                    return Some(found.clone());
                }
            }
            Entry::Vacant(first) => {
                first.insert(None);
                return None;
            }
        }
        let mut groups: FxHashMap<Option<&str>, Vec<u32>> = FxHashMap::default();
        for &id in self.of_count(index, n) {
            let (_, words) = index.peek_words(id, k + 1);
            groups.entry(words.get(k).copied()).or_default().push(id);
        }
        let built: ByWord = groups
            .into_iter()
            .map(|(word, ids)| WordForms {
                word: word.map(Counted::new),
                ids: ids.into(),
            })
            .collect();
        Some(
            lock()
                .entry((n, k))
                .or_default()
                .get_or_insert(built)
                .clone(),
        )
    }

    /// Whether a form of this list names `entity`.
    pub(super) fn names(&self, index: &NameIndex, entity: EntityIdx) -> bool {
        let entities = self.entities.get_or_init(|| {
            // Peeked, not decoded: a common word's list holds thousands of forms.
            let mut all: Vec<EntityIdx> =
                self.ids.iter().map(|&id| index.peek_entity(id)).collect();
            all.sort_unstable();
            all.dedup();
            all.into()
        });
        entities.binary_search(&entity).is_ok()
    }
}
