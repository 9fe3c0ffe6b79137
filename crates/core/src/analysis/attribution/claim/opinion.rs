//! Evaluations by a judging adjective where the sentence says it of something: after a
//! copula ("The plan is dangerous", "turnout was strong") or a word of degree ("too weak", "so
//! unfit", "more important"), past adverbs ("is not very good", "was clearly wrong"). After an
//! article only a verdict ("a ridiculous decision"): there most adjectives describe ("a strong
//! earthquake", "in a serious condition", "a good friend of the mayor"). Not after "as": "cast him as weak", "saw it as crucial" give
//! someone's view, which the cue names. The adjectives are the lexicon's `opinion` entries:
//! words that judge whatever they describe. Used bare they are often part of a name or a fixed
//! phrase ("Great Britain", "good morning"), so a capitalised one, or one with no such word
//! before it, is not read.

use super::super::lexicon::{Words, CLAIM_WORDS, DEGREE_ADVERBS};
use super::super::own::{is_space, Own, OwnWord};
use super::is_copula;
use std::ops::Range;

/// Words before an adjective that make it said of something: words of degree, of seeming and
/// of becoming ("are growing worse").
static LEAD_INS: Words = Words::new(
    "such so too very more less far even really quite rather pretty look looks looked sound \
    sounds sounded get gets got getting grow grows grew growing",
);

/// The first judging adjective said of something, from the word that leads in to it.
pub fn opinion(own: &Own) -> Option<Range<usize>> {
    let words = &own.words;
    words.iter().enumerate().find_map(|(i, adjective)| {
        let lower = adjective.lower.as_ref();
        let verdict = CLAIM_WORDS.verdicts.contains(lower);
        if !adjective.text.starts_with(|c: char| c.is_ascii_lowercase())
            || !(verdict || CLAIM_WORDS.opinion.contains(lower))
        {
            return None;
        }
        let mut next = adjective;
        // Up to two adverbs between: "is not very", "was clearly".
        for (j, w) in words[..i].iter().enumerate().rev().take(3) {
            if !is_space(&own.text[w.range.end..next.range.start]) {
                return None;
            }
            if LEAD_INS.contains(&w.lower) || is_copula(w) {
                return Some(w.range.start..adjective.range.end);
            }
            // After an article the noun shows what is judged: "a ridiculous decision", "is a
            // serious contender".
            if (w.is("a") || w.is("an")) && (verdict || after_copula(own, j)) {
                let noun = own.next_word(adjective.range.end);
                return Some(w.range.start..noun.map_or(adjective.range.end, |n| n.range.end));
            }
            if !is_adverb(w) {
                return None;
            }
            next = w;
        }
        None
    })
}

pub(super) fn is_adverb(w: &OwnWord) -> bool {
    DEGREE_ADVERBS.contains(&w.lower) || w.lower.ends_with("ly") || ADVERBS.contains(&w.lower)
}

/// Adverbs that stand between a copula and what it says: "is now a", "was still a", "is
/// perhaps better".
static ADVERBS: Words =
    Words::new("not now still also already never perhaps probably arguably possibly maybe");

/// Whether the article at `article` opens what a copula says of its subject ("is now a ..."),
/// where an adjective judges, rather than a noun phrase that only describes ("A strong
/// earthquake struck").
fn after_copula(own: &Own, article: usize) -> bool {
    own.words[..article]
        .iter()
        .rev()
        .take(3)
        .find(|w| !is_adverb(w))
        .is_some_and(is_copula)
}
