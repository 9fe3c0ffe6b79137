//! Comparisons said of a subject: a copula, a comparative and the "than" that completes it
//! ("is cheaper than the tunnel", "was far more popular than", "did better among young voters
//! than"). Weighing one thing against another is a judgement someone made, unlike a
//! comparative alone ("a bigger boat"), which describes; inside a noun phrase ("a bigger venue
//! than", "more leeway than") a comparison mostly measures what the sentence narrates, so only
//! what a copula says of its subject is read, but for "better" and "worse", which judge
//! wherever they compare ("knows the port better than", "a worse deal than").
//!
//! "More", "less" and "fewer" right before "than" count ("more than 200 people", "less than
//! a week"): the figure check reads those. "Rather than" and "other than" compare nothing.

use super::super::lexicon::{Words, CLAIM_WORDS};
use super::super::own::Own;
use super::is_copula;
use super::opinion::is_adverb;
use std::ops::Range;

/// How many words back from "than" a comparative may stand: "better among young voters in
/// the suburbs than".
const REACH: usize = 7;

/// Comparatives of quantity, which right before "than" count rather than compare.
static QUANTITY: Words = Words::new("more less fewer");

/// Words right before "than" that make it no comparison: "rather than", "other than".
static NOT_COMPARING: Words = Words::new("rather other");

/// The first comparison: from its comparative to "than".
pub fn comparison(own: &Own) -> Option<Range<usize>> {
    let words = &own.words;
    words.iter().enumerate().find_map(|(j, than)| {
        if !than.is("than") || j == 0 || NOT_COMPARING.contains(&words[j - 1].lower) {
            return None;
        }
        // The comparative is in the same clause: "the bridge, which is older, than ..."
        // compares nothing the reader can see.
        let clause = own.text[..than.range.start]
            .rfind([',', ';', ':', '(', '\u{2014}'])
            .map_or(0, |i| i + 1);
        let comparative = words[..j]
            .iter()
            .enumerate()
            .rev()
            .take(REACH)
            .take_while(|(_, w)| w.range.start >= clause)
            .find(|(k, w)| {
                if QUANTITY.contains(&w.lower) {
                    return k + 1 < j;
                }
                CLAIM_WORDS.comparatives.contains(w.lower.as_ref())
            })?;
        let (k, word) = comparative;
        // "Better" and "worse" judge wherever they compare: "knows the port better than",
        // "a better plan than".
        let judging = word.is("better") || word.is("worse");
        let judged = judging
            || words[..k]
                .iter()
                .rev()
                .take(4)
                .find(|w| !is_adverb(w))
                .is_some_and(is_copula);
        if !judged {
            return None;
        }
        Some(word.range.start..than.range.end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compared(s: &str) -> Option<&str> {
        comparison(&Own::from_text(s)).map(|r| &s[r])
    }

    #[test]
    fn a_comparative_and_than_compare() {
        for (s, phrase) in [
            ("The tunnel is cheaper than the bridge.", "cheaper than"),
            (
                "The ferry is more popular with tourists than the bus.",
                "more popular with tourists than",
            ),
            (
                "The mayor did better among older voters than her rival.",
                "better among older voters than",
            ),
            (
                "The skipper knows the channel better than the pilot.",
                "better than",
            ),
        ] {
            assert_eq!(compared(s), Some(phrase), "{s}");
        }
    }

    #[test]
    fn counts_and_alternatives_compare_nothing() {
        for s in [
            "More than 200 people came to the harbour.",
            "The ferry left less than an hour later.",
            "The council chose the bridge rather than the tunnel.",
            "Nobody other than the mayor spoke.",
            "A bigger boat arrived on Monday.",
            "The town gave the band a bigger stage than last year.",
            "The band played longer than planned.",
            "The new pier, which is longer, opened earlier than planned.",
        ] {
            assert_eq!(compared(s), None, "{s}");
        }
    }
}
