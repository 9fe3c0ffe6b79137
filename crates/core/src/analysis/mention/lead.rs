//! The exact pass's forms by their first two words, and past them word by word.
//!
//! The index files a form under its first two words, and a registry holds thousands of forms
//! that start alike ("University of ...", "Central Bank of ...", "Ministry of Education of
//! ..."). Walking all of them at each such lead in a draft was most of a check's time; kept as
//! a tree of their later words, a position compares only the forms that go on as the draft
//! does, however many words they share. The tree is built per analysis, the first time a lead
//! is met: a story repeats its leads.

use crate::registry::NameIndex;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

/// The forms filed under one lead, in the index's order.
#[derive(Debug)]
pub(super) struct LeadForms {
    ids: Vec<u32>,
    /// Positions in `ids`: the forms of one or two words at the root, longer ones under their
    /// later words' exact keys. A damaged form may be filed where it does not decode: every
    /// candidate is still matched word by word.
    tree: Node,
}

#[derive(Debug, Default)]
struct Node {
    /// Positions of the forms whose words end here.
    ends: Vec<u32>,
    /// By the next word's exact key.
    next: HashMap<Box<str>, Node>,
}

impl LeadForms {
    pub(super) fn new(index: &NameIndex, ids: Vec<u32>) -> LeadForms {
        let mut tree = Node::default();
        for (p, &id) in ids.iter().enumerate() {
            // Peeked, not decoded: most of these forms are never compared.
            let (_, words) = index.peek_words(id, usize::MAX);
            let mut node = &mut tree;
            for &word in words.iter().skip(2) {
                node = node.next.entry(word.into()).or_default();
            }
            node.ends.push(p as u32);
        }
        LeadForms { ids, tree }
    }

    /// The forms that can match where the written word `k` places after the lead's second may
    /// spell any of `later(k)` (empty past the draft's words), in the index's order: the forms
    /// of one or two words, and the longer ones whose every later word is one of those.
    /// `later` is asked only when some form is longer than two words.
    pub(super) fn candidates<'a>(
        &self,
        later: impl FnOnce() -> &'a [Vec<Cow<'a, str>>],
    ) -> Cow<'_, [u32]> {
        if self.tree.next.is_empty() {
            return Cow::Borrowed(&self.ids);
        }
        let mut positions = self.tree.ends.clone();
        self.tree.gather(later(), &mut positions);
        positions.sort_unstable();
        Cow::Owned(
            positions
                .into_iter()
                .map(|p| self.ids[p as usize])
                .collect(),
        )
    }
}

impl Node {
    /// Adds the forms below this node whose next words are among `later`'s, word by word.
    fn gather(&self, later: &[Vec<Cow<str>>], out: &mut Vec<u32>) {
        let Some((here, rest)) = later.split_first() else {
            return;
        };
        for (k, word) in here.iter().enumerate() {
            // Alternatives that coincide lead to the same forms: taken once.
            if here[..k].contains(word) {
                continue;
            }
            if let Some(child) = self.next.get(word.as_ref()) {
                out.extend_from_slice(&child.ends);
                if !child.next.is_empty() {
                    child.gather(rest, out);
                }
            }
        }
    }
}
