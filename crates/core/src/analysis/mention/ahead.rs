//! The later half of a long draft's blocks searched ahead, on another core.
//!
//! A block's search (its exact and misspelled reads) depends on its text, the registry, and
//! the questions it asks of the blocks before it (see [`Memo`]). While one core reads the first
//! half of a long draft, another searches the later half as if it opened the story; the first
//! then recalls those searches as it would an earlier analysis's, and searches a block again
//! only where an answer carried from the first half differs. The mentions are the serial ones.

use super::{Finder, Lookups, Memo};
use crate::analysis::tokens::BlockTokens;
use crate::registry::Registry;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// Drafts with less block text than this (in bytes) are read on one core: a thread costs more
/// than it saves there, and an edit's re-check recalls nearly every block anyway.
pub(super) const MIN_SPLIT: usize = 32 * 1024;

/// The first block of the half searched ahead, by text length; `blocks.len()` (none) when
/// the blocks hold less than `min_split` bytes of text.
pub(super) fn later_half(blocks: &[BlockTokens], min_split: usize) -> usize {
    let total: usize = blocks.iter().map(|b| b.text().len()).sum();
    if total < min_split {
        return blocks.len();
    }
    let mut seen = 0;
    for (b, block) in blocks.iter().enumerate() {
        if seen * 2 >= total {
            return b;
        }
        seen += block.text().len();
    }
    blocks.len()
}

/// Tells the search ahead to give up: the reading it serves has returned (finished, cancelled
/// or panicked), and its scope waits for the search to end.
#[derive(Default)]
pub(super) struct Stop(AtomicBool);

/// Sets its [`Stop`] when dropped.
pub(super) struct OnReturn<'a>(&'a Stop);

impl Stop {
    pub(super) fn on_return(&self) -> OnReturn<'_> {
        OnReturn(self)
    }
}

impl Drop for OnReturn<'_> {
    fn drop(&mut self) {
        self.0 .0.store(true, Ordering::Relaxed);
    }
}

/// Searches `blocks` as if they opened the story, reusing `previous` and sharing `lookups`;
/// the searches made, as a memo to recall them from.
pub(super) fn search(
    blocks: &[BlockTokens],
    registry: &Registry,
    previous: &Memo,
    lookups: &Lookups,
    stop: &Stop,
) -> Memo {
    let none = OnceLock::new();
    let mut finder = Finder::new(registry, previous, &none, lookups);
    for block in blocks {
        if stop.0.load(Ordering::Relaxed) {
            break;
        }
        // What a block's search asks of the earlier ones: the full names read before it.
        let (taken, _) = finder.search(block);
        finder.remember_other_names(block, &taken);
    }
    finder.memo
}
