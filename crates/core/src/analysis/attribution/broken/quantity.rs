//! A share of people as the source, with no verb after it: "Twenty percent they would vote
//! for him", "Nearly half of the voters they were angry", "Six in 10 voters the economy is
//! ...". A poll's finding whose "said" was cut.
//!
//! The share (a number, a fraction, "a majority") and the people it counts ("of the voters",
//! "in six states") are followed straight away by a subject pronoun, or by a name and an
//! auxiliary ("Clinton is"): a second subject where the verb was. "They", "he", "she" and
//! "we" are never an object; "it" counts only straight after the share ("Half it was ..."),
//! since "half of the money went to it" is whole.

use super::leading::subject_starts;
use super::lower;
use crate::analysis::attribution::cue::{has_reporting_verb, is_name_word};
use crate::analysis::attribution::lexicon::{
    Words, AUXILIARIES, IRREGULAR_PAST, SUBJECT_PRONOUNS, VERBISH,
};
use std::ops::Range;

/// Words before a share: "nearly half", "more than 40 percent", "a slim majority".
pub(super) static APPROXIMATORS: Words = Words::new(
    "nearly about almost roughly around approximately over under just only some more less fewer \
    than a the large small slim narrow bare clear solid big overwhelming vast",
);

/// Shares that are words: "half", "a third", "two-thirds", "a majority".
static FRACTIONS: Words = Words::new(
    "half third thirds quarter quarters fifth fifths majority majorities minority minorities \
    plurality",
);

/// Numbers written as words ("Twenty-four" is two of them).
static NUMBER_WORDS: Words = Words::new(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen \
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety \
    hundred",
);

/// Words that may join the people counted: "of the voters", "in six states", "among those".
static LINKS: Words =
    Words::new("of in from across among the those these all its their his her our both such");

/// A number, in figures or words, or a fraction: one word of a share.
fn is_share(w: &str) -> bool {
    let l = lower(w);
    l.starts_with(|c: char| c.is_ascii_digit())
        || l.split('-')
            .all(|part| NUMBER_WORDS.contains(part) || FRACTIONS.contains(part))
}

/// A word that may be part of the people counted: no verb, no clause.
fn is_nominal(w: &str) -> bool {
    let l = lower(w);
    !(AUXILIARIES.contains(&l)
        || VERBISH.contains(&l)
        || IRREGULAR_PAST.contains(&l)
        || l.ends_with("ed")
        || l.ends_with("ing")
        || l.ends_with("ly")
        || has_reporting_verb(w))
}

/// The share as subject, and where its verb belongs (before the second subject).
pub fn share_subject(s: &str, words: &[(usize, &str)]) -> Option<(Range<usize>, usize)> {
    // An opening word may open a phrase ("Just", "Some") or the share itself.
    share_at(s, words).or_else(|| subject_starts(s, words).find_map(|k| share_at(s, &words[k..])))
}

fn share_at(s: &str, words: &[(usize, &str)]) -> Option<(Range<usize>, usize)> {
    let word = |i: usize| words.get(i).map(|&(_, w)| w);
    let mut i = 0;
    while i < 3 && word(i).is_some_and(|w| APPROXIMATORS.contains_any_case(w)) {
        i += 1;
    }
    // Most sentences hold no share: their words are not gathered.
    if !word(i).is_some_and(is_share) {
        return None;
    }
    let plain: Vec<&str> = words.iter().map(|&(_, w)| w).collect();
    let fraction = lower(plain[i])
        .split('-')
        .any(|part| FRACTIONS.contains(part));
    // "The two he met": a share needs "the" only before a fraction ("the majority").
    if i > 0 && lower(plain[i - 1]) == "the" && !fraction {
        return None;
    }
    i += 1;
    let number_end = i;
    // "percent", "per cent", "in 10", "out of 10".
    let l = |i: usize| plain.get(i).map(|w| lower(w)).unwrap_or_default();
    if matches!(l(i).as_str(), "percent" | "%") {
        i += 1;
    } else if l(i) == "per" && l(i + 1) == "cent"
        || matches!(l(i).as_str(), "in" | "of") && is_share(&l(i + 1))
    {
        i += 2;
    } else if l(i) == "out" && l(i + 1) == "of" && is_share(&l(i + 2)) {
        i += 3;
    }
    // A bare number ("Two he knew well") may be a relative clause's object; a share is not.
    if i == number_end && !fraction {
        return None;
    }
    let share_end = i;
    // The people counted, up to the second subject.
    let mut last_noun = None;
    while i < plain.len() && i < share_end + 9 {
        let w = plain[i];
        let lw = lower(w);
        let head = lw.split(['\'', '\u{2019}']).next().unwrap_or("");
        let subject = SUBJECT_PRONOUNS.contains(head) || head == "it" && i == share_end;
        let after_noun = i == share_end || last_noun == Some(i - 1);
        if subject && after_noun {
            return cut(s, words, i);
        }
        // "Six in 10 voters Clinton is ...": a name and its verb after the people counted.
        let named = i > share_end
            && last_noun == Some(i - 1)
            && is_name_word(w)
            && plain
                .get(i + 1)
                .is_some_and(|n| AUXILIARIES.contains_any_case(n));
        // "Thirty percent the party had ...": a clause opening with "the" and reaching its
        // auxiliary within four words.
        let clause = after_noun
            && lw == "the"
            && plain[i + 1..]
                .iter()
                .take(4)
                .any(|n| AUXILIARIES.contains_any_case(n) || n.ends_with("n't"));
        if named || clause {
            return cut(s, words, i);
        }
        if !(LINKS.contains(&lw) || is_nominal(w))
            || SUBJECT_PRONOUNS.contains(head)
            || head == "it"
        {
            return None;
        }
        // "voters", "people" (not "address", "Los"): a plural noun in lower case.
        let plural = lw.ends_with('s') && !lw.ends_with("ss") && !lw.ends_with("us");
        if !LINKS.contains(&lw) && w.starts_with(char::is_lowercase) && (plural || lw == "people") {
            last_noun = Some(i);
        }
        i += 1;
    }
    None
}

/// The share from its first word to the word before `at`, if no comma or quotation stands
/// between.
fn cut(s: &str, words: &[(usize, &str)], at: usize) -> Option<(Range<usize>, usize)> {
    let (start, _) = words[0];
    let (last_at, last) = words[at.checked_sub(1)?];
    let end = last_at + last.len();
    let span = &s[start..words[at].0];
    if span.contains([',', ';', ':', '(', '"', '\u{201c}', '\u{201d}', '\u{2014}']) {
        return None;
    }
    Some((start..end, end))
}

#[cfg(test)]
mod tests {
    use super::super::tests::with_words;
    use super::*;

    fn share(s: &str) -> Option<&str> {
        with_words(s, |words| share_subject(s, words)).map(|(r, _)| &s[r])
    }

    #[test]
    fn a_share_with_no_verb() {
        for (s, subject) in [
            (
                "Forty-two percent they would back a new tax.",
                "Forty-two percent",
            ),
            ("Nearly half they had not decided.", "Nearly half"),
            (
                "About a third of the nurses in two counties they planned to strike.",
                "About a third of the nurses in two counties",
            ),
            (
                "Seven in 10 farmers they lost money.",
                "Seven in 10 farmers",
            ),
            (
                "In Ohio, 55 percent it was time for a change.",
                "55 percent",
            ),
            (
                "Four in 10 residents Okafor would win easily.",
                "Four in 10 residents",
            ),
            ("Some 22 percent they would stay home.", "Some 22 percent"),
            (
                "Just 28 percent of voters they liked her, up from 20 percent.",
                "Just 28 percent of voters",
            ),
            ("One in three the party doesn't care.", "One in three"),
        ] {
            assert_eq!(share(s), Some(subject), "{s}");
        }
    }

    #[test]
    fn a_share_with_its_verb_is_whole() {
        for s in [
            "Forty-two percent said they would back a new tax.",
            "Half of the money went to it.",
            "About a third of the nurses think they are underpaid.",
            "Seven in 10 farmers lost their crops.",
            "Nearly half, they said, had not decided.",
            "Two of them he had never met.",
            "55 percent of it was spent.",
            "Three people were hurt.",
            "More than half of the address in Los Angeles was about taxes.",
            "A majority of voters backed the plan, and they may again.",
            "Prices rose 10 percent the year before.",
        ] {
            assert_eq!(share(s), None, "{s}");
        }
    }
}
