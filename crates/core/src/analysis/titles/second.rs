//! Second references by title: "Boris Johnson ... The prime minister said ..." reads "prime
//! minister" as Johnson's title, so a stale or wrong one is checked like a title beside his name.
//!
//! Reading a title as someone's is only safe when nobody else could be meant, so a second
//! reference is read only when
//! - one person, and only one, has been named in the paragraph before it;
//! - the title names one of that person's registry roles begun by the story's date (held now or
//!   earlier): a title the person never held may well be someone else's ("the president" after
//!   a visiting prime minister is the host);
//! - no other person named in the story holds that title on its date.

use super::lexicon::Vocabulary;
use super::read::{Phrase, Reader};
use super::{relation, vocabulary, Relation, TitleMention};
use crate::analysis::Context;
use crate::registry::{EntityIdx, Kind};
use std::collections::HashMap;
use std::ops::Range;

/// Second references in the reader's block, each with the mention it refers back to.
pub(super) fn references(
    cx: &Context,
    reader: &Reader,
    taken: &[Range<usize>],
    vocabularies: &mut HashMap<EntityIdx, Vocabulary>,
) -> Vec<(usize, Phrase)> {
    let mut out = Vec::new();
    let mut person: Option<(EntityIdx, usize)> = None;
    let mut several = false;
    for i in 0..reader.len() {
        if let Some(mi) = reader.owner(i) {
            let e = cx.mentions[mi].entity;
            if cx.registry.entity(e).kind == Kind::Person {
                several |= person.is_some_and(|(p, _)| p != e);
                person = Some((e, mi));
            }
            continue;
        }
        let Some((entity, mi)) = person.filter(|_| !several) else {
            continue;
        };
        let vocab = vocabulary(cx, vocabularies, entity);
        let Some(phrase) = reader.second_reference(i, vocab) else {
            continue;
        };
        let range = reader.source_of(phrase.title.clone());
        if taken
            .iter()
            .any(|t| t.start < range.end && range.start < t.end)
        {
            continue;
        }
        out.push((mi, phrase));
    }
    out
}

/// Whether a second reference can be checked: it names one of the person's roles, and no other
/// person in the story holds that title on its date.
pub(super) fn worth_reading(cx: &Context, t: &TitleMention) -> bool {
    // A role that begins after the story's date cannot be what "the president" means there:
    // "the former president" after a candidate who later became one is someone else.
    let roles = &cx.registry.entity(t.entity).roles;
    if !t
        .roles
        .iter()
        .any(|&r| roles[r].start.is_none_or(|s| s <= cx.date))
    {
        return false;
    }
    let mut others = cx
        .mentions
        .iter()
        .map(|m| m.entity)
        .filter(|&e| e != t.entity && cx.registry.entity(e).kind == Kind::Person);
    !others.any(|e| {
        cx.registry
            .entity(e)
            .roles_on(cx.date)
            .any(|r| relation(cx.registry, &t.normalised, None, r) == Relation::Same)
    })
}
