//! What follows a subject: a time or an adverb before its verb, a finite verb, a number that
//! counts things, a noun with a verb soon after it.

use super::super::lower;
use super::super::plural::is_people;
use super::{CLAUSE_STARTERS, NOT_A_NOUN_START, TIME_NOUNS};
use crate::analysis::attribution::lexicon::{
    Words, AUXILIARIES, IRREGULAR_PAST, LINKING_WORDS, SUBJECT_ADVERBS,
};

/// A finite verb: an auxiliary ("would", "won't"), an irregular past or one in "-ed".
pub(super) fn is_finite(w: &str) -> bool {
    let l = lower(w);
    AUXILIARIES.contains(&l)
        || negative_auxiliary(&l)
        || IRREGULAR_PAST.contains(&l)
        || l.len() > 4 && l.ends_with("ed")
}

/// A number that counts things: "80 firefighters", "12 percent" (not "Boeing 737 Max").
pub(super) fn counts_things(words: &[&str]) -> bool {
    let [number, noun, ..] = words else {
        return false;
    };
    number.starts_with(|c: char| c.is_ascii_digit())
        && (number.contains([',', '%'])
            || noun.starts_with(char::is_lowercase)
                && !AUXILIARIES.contains(noun)
                && (noun.ends_with('s')
                    || matches!(
                        *noun,
                        "people" | "children" | "men" | "women" | "staff" | "percent" | "per"
                    )))
}

/// How many words after a subject are a time or an adverb: "on Monday", "the next day",
/// "last week", "also".
pub(super) fn time_or_adverb_len(words: &[&str]) -> usize {
    let lowered: Vec<_> = words.iter().take(3).map(|w| lower(w)).collect();
    let l = |i: usize| lowered.get(i).cloned().unwrap_or_default();
    if l(0) == "on" && l(1).ends_with("day") {
        return 2;
    }
    if matches!(l(0).as_str(), "this" | "that" | "last" | "next") && TIME_NOUNS.contains(l(1)) {
        return 2;
    }
    if l(0) == "the"
        && matches!(l(1).as_str(), "next" | "following" | "same" | "previous")
        && TIME_NOUNS.contains(l(2))
    {
        return 3;
    }
    if l(0) == "the" && TIME_NOUNS.contains(l(1)) && matches!(l(2).as_str(), "before" | "after") {
        return 3;
    }
    // "on" only before a day, above: "the candidate on the stage" is no time; "now" before an
    // article opens an appositive ("Ann Lee, now a judge,"), not a verb's adverb.
    let appositive = l(0) == "now" && matches!(l(1).as_str(), "a" | "an" | "the");
    usize::from(
        LINKING_WORDS.contains(l(0)) && !AUXILIARIES.contains(l(0)) && l(0) != "on" && !appositive,
    )
}

/// "won't", "didn't", "hasn't": an auxiliary with its "not".
pub(super) fn negative_auxiliary(w: &str) -> bool {
    w.ends_with("n't") || w.ends_with("n\u{2019}t")
}

/// After "he", "she" or "it": a word that cannot be the verb, with a verb within a few words
/// ("He inflation would fall", "It aid convoys had been").
pub(super) fn noun_before_verb(words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let w = lower(first);
    // A word in "-s" is a verb ("It says") unless an auxiliary follows it ("It crews would").
    let aux_next = words
        .get(1)
        .is_some_and(|n| AUXILIARIES.contains_any_case(n) || negative_auxiliary(n));
    let could_be_verb = |w: &str| {
        AUXILIARIES.contains(w)
            || negative_auxiliary(w)
            || w == "cannot"
            || IRREGULAR_PAST.contains(w)
            || w.ends_with('s') && !aux_next
            || w.ends_with("ed")
            || w.ends_with("ly")
    };
    // "He members of the court shouldn't ...": people in the plural, then a verb of their own.
    if people_before_verb(words) {
        return true;
    }
    if !first.starts_with(char::is_lowercase)
        || could_be_verb(&w)
        || SUBJECT_ADVERBS.contains(&w)
        || NOT_A_NOUN_START.contains(&w)
        || CLAUSE_STARTERS.contains(&w)
    {
        return false;
    }
    words[1..].iter().take(4).any(|w| {
        let w = lower(w);
        AUXILIARIES.contains(&w)
            || negative_auxiliary(&w)
            || w.ends_with("ed")
            || IRREGULAR_PAST.contains(&w)
    })
}

/// "members of the court shouldn't", "voters were": people in the plural ("sponsors",
/// "monitors" may be the pronoun's verb) whose own finite verb follows within six words,
/// before any word that would open a relative clause or a list ("He sponsors the bill that
/// would ...").
fn people_before_verb(words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    first.starts_with(char::is_lowercase)
        && is_people(first)
        && words[1..]
            .iter()
            .take(6)
            .take_while(|w| !CLAUSE_BREAKS.contains_any_case(w))
            .any(|w| is_finite(w))
}

/// Words that end a noun phrase's run to its verb: a relative word or a conjunction.
static CLAUSE_BREAKS: Words =
    Words::new("that which who whom whose and or but because if when while as to");
