//! The exact pass's forms by their first two words, split by their third.
//!
//! The index files a form under its first two words, and a registry holds thousands of forms
//! that start alike ("University of ...", "Ministry of ..."). Walking all of them at each
//! "University of" in a draft was most of a check's time; split by the third word, a position
//! compares only the forms that go on as the draft does. The split is kept per analysis: a
//! story repeats its leads.

use crate::registry::NameIndex;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

/// The forms filed under one lead, in the index's order.
pub(super) struct LeadForms {
    ids: Vec<u32>,
    /// Positions in `ids` of the forms of one or two words.
    short: Vec<u32>,
    /// Positions in `ids` of longer forms, by their third word's exact key. A damaged form may
    /// be filed where it does not decode: every candidate is still matched word by word.
    by_third: HashMap<Box<str>, Vec<u32>>,
}

impl LeadForms {
    pub(super) fn new(index: &NameIndex, ids: Vec<u32>) -> LeadForms {
        let mut short = Vec::new();
        let mut by_third: HashMap<Box<str>, Vec<u32>> = HashMap::default();
        for (p, &id) in ids.iter().enumerate() {
            // Peeked, not decoded: most of these forms are never compared.
            match index.peek_words(id, 3).1.get(2) {
                Some(&third) => by_third.entry(third.into()).or_default().push(p as u32),
                None => short.push(p as u32),
            }
        }
        LeadForms {
            ids,
            short,
            by_third,
        }
    }

    /// The forms that can match where the third written word may spell any of `thirds` (none
    /// when the draft has no third word there), in the index's order: the forms of one or two
    /// words, and the longer ones whose third word is one of `thirds`.
    pub(super) fn candidates(&self, thirds: &[Cow<str>]) -> Cow<'_, [u32]> {
        if self.by_third.is_empty() {
            return Cow::Borrowed(&self.ids);
        }
        let mut positions = self.short.clone();
        for (k, third) in thirds.iter().enumerate() {
            if thirds[..k].contains(third) {
                continue;
            }
            if let Some(more) = self.by_third.get(third.as_ref()) {
                positions.extend_from_slice(more);
            }
        }
        positions.sort_unstable();
        Cow::Owned(
            positions
                .into_iter()
                .map(|p| self.ids[p as usize])
                .collect(),
        )
    }
}
