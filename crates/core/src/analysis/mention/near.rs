//! A written word's fuzzy candidates, kept per analysis and split by the forms' word counts.
//!
//! A common word ("Bank", "National") is near thousands of forms, nearly all longer than the
//! span being read; a span of two words wants only the two-word ones. Splitting a list once by
//! word count (from the index's table of counts, not decoded) spares decoding and checking every form of
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

/// The shortest list set as bits rather than sorted.
const BITS_FROM: usize = 512;

impl NearForms {
    pub(super) fn new(mut ids: Vec<u32>) -> NearForms {
        let most = ids.iter().max().map_or(0, |&m| m as usize + 1);
        if ids.len() >= BITS_FROM && ids.len() * 8 >= most / 64 {
            // A long list (a common word's, tens of thousands of forms) is set as bits and
            // read back in order: sorting it was a twentieth of a large check.
            let mut bits = vec![0u64; most.div_ceil(64)];
            for &id in &ids {
                bits[id as usize / 64] |= 1 << (id % 64);
            }
            ids.clear();
            for (i, &word) in bits.iter().enumerate() {
                let mut word = word;
                while word != 0 {
                    ids.push((i * 64) as u32 + word.trailing_zeros());
                    word &= word - 1;
                }
            }
        } else {
            // The index gives a sorted list per key, one after another: the stable sort
            // merges such runs (`sort_unstable` sorted them over).
            ids.sort();
            ids.dedup();
        }
        NearForms {
            ids: ids.into(),
            by_count: OnceLock::new(),
            entities: OnceLock::new(),
        }
    }

    /// The forms of this list with `n` words by [`NameIndex::word_count`], sorted.
    pub(super) fn of_count(&self, index: &NameIndex, n: usize) -> &[u32] {
        let groups = self.by_count.get_or_init(|| {
            // `ids` is sorted, and so each group as it fills: a few word counts, no sort.
            let mut groups: Vec<(usize, Vec<u32>)> = Vec::new();
            for &id in self.ids.iter() {
                let count = index.word_count(id);
                match groups.iter_mut().find(|(c, _)| *c == count) {
                    Some((_, group)) => group.push(id),
                    None => groups.push((count, vec![id])),
                }
            }
            (groups.into_iter())
                .map(|(count, group)| (count, group.into()))
                .collect()
        });
        groups
            .iter()
            .find(|(c, _)| *c == n)
            .map_or(&[], |(_, g)| &g[..])
    }

    /// The entities of this list's forms, sorted, each once.
    pub(super) fn entities(&self, index: &NameIndex) -> &[EntityIdx] {
        self.entities.get_or_init(|| {
            // Peeked, not decoded: a common word's list holds thousands of forms.
            let mut all: Vec<EntityIdx> =
                self.ids.iter().map(|&id| index.peek_entity(id)).collect();
            all.sort_unstable();
            all.dedup();
            all.into()
        })
    }
}
