//! Evaluations by a judging adjective where the sentence says it of something: after a
//! copula ("The plan is dangerous", "turnout was strong"), an article ("a terrible night") or
//! a word of degree ("too weak", "so unfit", "more important"), past adverbs ("is not very
//! good", "was clearly wrong"). Not after "as": "cast him as weak", "saw it as crucial" give
//! someone's view, which the cue names. The adjectives are the lexicon's `opinion` entries:
//! words that judge whatever they describe. Used bare they are often part of a name or a fixed
//! phrase ("Great Britain", "good morning"), so a capitalised one, or one with no such word
//! before it, is not read.

use super::super::lexicon::{Words, CLAIM_WORDS, COPULAS, DEGREE_ADVERBS};
use super::super::own::{is_space, Own};
use std::ops::Range;

/// Words before an adjective that make it said of something: articles and words of degree.
static LEAD_INS: Words = Words::new(
    "a an such so too very more less far even really quite rather pretty look looks looked \
    sound sounds sounded",
);

/// Nouns that make "a good" or "a great" a quantity, not a judgement: "a good number of",
/// "a great deal".
static QUANTITIES: Words = Words::new("number deal many few part portion share majority");

/// The first judging adjective said of something, from the word that leads in to it.
pub fn opinion(own: &Own) -> Option<Range<usize>> {
    let words = &own.words;
    words.iter().enumerate().find_map(|(i, adjective)| {
        if !adjective.text.starts_with(|c: char| c.is_ascii_lowercase())
            || !CLAIM_WORDS.opinion.contains(adjective.lower.as_str())
        {
            return None;
        }
        if own
            .next_word(adjective.range.end)
            .is_some_and(|n| QUANTITIES.contains(&n.lower))
        {
            return None;
        }
        let mut next = adjective;
        // Up to two adverbs between: "is not very", "was clearly".
        for w in words[..i].iter().rev().take(3) {
            if !is_space(&own.text[w.range.end..next.range.start]) {
                return None;
            }
            if LEAD_INS.contains(&w.lower) || COPULAS.contains(&w.lower) {
                // After an article the noun shows what is judged: "a terrible night".
                let noun = (w.is("a") || w.is("an"))
                    .then(|| own.next_word(adjective.range.end))
                    .flatten();
                let end = noun.map_or(adjective.range.end, |n| n.range.end);
                return Some(w.range.start..end);
            }
            if !(DEGREE_ADVERBS.contains(&w.lower) || w.lower.ends_with("ly")) {
                return None;
            }
            next = w;
        }
        None
    })
}
