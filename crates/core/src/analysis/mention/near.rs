//! A written word's fuzzy candidates, kept per analysis and split by the forms' word counts.
//!
//! A common word ("Bank", "National") is near thousands of forms, nearly all longer than the
//! span being read; a span of two words wants only the two-word ones. Splitting a list once by
//! word count (peeked from the index, not decoded) spares decoding and checking every form of
//! it at each span it seeds.

use crate::registry::{EntityIdx, NameIndex};
use std::sync::OnceLock;

#[derive(Debug)]
pub(super) struct NearForms {
    /// Forms with a word near the written one ([`NameIndex::near_candidates`]), sorted, each
    /// once.
    pub(super) ids: Box<[u32]>,
    /// `ids` by word count, each group sorted; split the first time the list seeds a search.
    by_count: OnceLock<Vec<(usize, Box<[u32]>)>>,
    /// The entities of `ids`' forms, sorted, each once; gathered the first time one is asked for.
    entities: OnceLock<Box<[EntityIdx]>>,
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
