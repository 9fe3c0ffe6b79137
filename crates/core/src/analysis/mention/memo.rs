//! What the search of each block found, kept for the next analysis of the same draft.
//!
//! The exact and misspelled reads of a block (most of an analysis against a large registry)
//! depend only on its text, the registry, and one thing carried from earlier blocks: whether a
//! word is the family name of someone written in full before who is not in the registry
//! (`Finder::other_names`). A memo keeps, per block text, the reads and every such question
//! the search asked with its answer; the next analysis against the same registry reuses them
//! for a block with the same text when each question has the same answer there. Second
//! references and the story-wide passes run again every time: they are cheap, and they are
//! what an edit elsewhere changes. The fuzzy candidates of each word (a pure function of
//! the word and the registry, which second references look up for every capitalised word)
//! are kept too, and so are the exact pass's forms per lead and the closest form to each
//! span's words (both pure functions of their words and the registry).

use super::{Closest, LeadForms, NearForms, Read};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The searches of one analysis's blocks, by block text (see the module documentation).
#[derive(Debug, Default)]
pub struct Memo {
    /// The [`Registry::generation`](crate::registry::Registry::generation) searched.
    registry: u64,
    blocks: HashMap<String, Vec<Searched>>,
    /// Fuzzy candidates of the words looked up (`Finder::near_candidates`).
    pub(super) near: HashMap<String, Arc<NearForms>>,
    /// The exact pass's forms of the leads met (`Finder::lead_forms`).
    pub(super) leads: rustc_hash::FxHashMap<String, Arc<LeadForms>>,
    /// The closest forms to the spans read (`Finder::closest`).
    pub(super) closest: HashMap<String, Closest>,
}

/// One block's search: what it found and what it asked of the earlier blocks.
#[derive(Clone, Debug)]
pub(super) struct Searched {
    pub taken: Vec<bool>,
    pub reads: Vec<Read>,
    /// Words asked about as another person's family name, with the answer.
    pub asked: Vec<(String, bool)>,
}

impl Memo {
    pub(super) fn new(registry: u64) -> Memo {
        Memo {
            registry,
            ..Memo::default()
        }
    }

    /// The fuzzy candidates of `word` in `registry`, if they were looked up.
    pub(super) fn near(&self, registry: u64, word: &str) -> Option<Arc<NearForms>> {
        (registry == self.registry)
            .then(|| self.near.get(word).cloned())
            .flatten()
    }

    /// The exact pass's forms of `lead` in `registry`, if they were gathered.
    pub(super) fn lead(&self, registry: u64, lead: &str) -> Option<Arc<LeadForms>> {
        (registry == self.registry)
            .then(|| self.leads.get(lead).cloned())
            .flatten()
    }

    /// The closest form to a span's words in `registry`, if it was looked for.
    pub(super) fn closest(&self, registry: u64, span_key: &str) -> Option<Closest> {
        (registry == self.registry)
            .then(|| self.closest.get(span_key).copied())
            .flatten()
    }

    /// The search of a block with this text against `registry`, if it asked only questions
    /// that `other_names` answers the same way.
    pub(super) fn recall(
        &self,
        registry: u64,
        text: &str,
        other_names: &HashSet<String>,
    ) -> Option<&Searched> {
        if registry != self.registry {
            return None;
        }
        self.blocks.get(text)?.iter().find(|s| {
            s.asked
                .iter()
                .all(|(word, known)| other_names.contains(word) == *known)
        })
    }

    pub(super) fn keep(&mut self, text: &str, searched: Searched) {
        let list = self.blocks.entry(text.to_string()).or_default();
        if !list.iter().any(|s| s.asked == searched.asked) {
            list.push(searched);
        }
    }

    /// How many blocks' searches are kept.
    pub fn len(&self) -> usize {
        self.blocks.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }
}
