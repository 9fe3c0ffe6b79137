//! Where a sentence's subject starts: at its first word, after an opening conjunction, after an
//! opening phrase or time and its comma, or after a dateline.

use super::super::lower;
use super::after::is_finite;
use super::SUBJECT_PRONOUNS;
use crate::analysis::attribution::cue::is_name_word;
use crate::analysis::attribution::lexicon::{Words, VERBISH};
use crate::analysis::tokens::is_never_a_name;

/// Where a sentence's subject may start: its first word; after "But", "And" ("But he that
/// ..."); after an opening phrase that no subject starts (a preposition, an adverb, a
/// participle: "During a meeting in Iowa, Rubio reporters that ...") and its comma.
pub(in super::super) fn subject_starts<'w>(
    s: &'w str,
    words: &'w [(usize, &str)],
) -> impl Iterator<Item = usize> + 'w {
    let first = words.first().map(|(_, w)| lower(w)).unwrap_or_default();
    let conjunction = OPENING_CONJUNCTIONS.contains(&first)
        && words
            .get(1)
            .is_some_and(|&(at, _)| !s[..at].trim_end().ends_with(','));
    // "First, ...", "Still, ...": an adverb and its comma.
    let adverb = words.get(1).is_some_and(|&(at, _)| {
        OPENING_ADVERBS.contains_any_case(words[0].1) && s[..at].trim_end().ends_with(',')
    });
    let phrase = words.first().is_some_and(|(_, w)| opens_a_phrase(w))
        || opens_with_a_time(s, words)
        || adverb;
    // A phrase that a preposition opens may run long before its comma ("With Ann Lee facing
    // questions over ... during her time in office, Okafor ..."); one that a participle or a
    // quantifier opens may be the subject itself ("Retired surgeon Ann Lee ...").
    let preposition = words
        .first()
        .is_some_and(|(_, w)| LONG_PHRASE_OPENERS.contains_any_case(w));
    let reach = if preposition { 20 } else { 14 };
    let after_phrase = phrase.then(|| after_comma(s, words, 0, reach)).flatten();
    // "During a meeting in Cedar Rapids, Iowa, Rubio ...", "Then, in 2017, Kerry ...": the
    // opening phrase runs on past a place or a phrase of its own between commas.
    // Not past a clause of the sentence's own: "Yet he has paid no price, with attacks on
    // Ann Lee at Amazon, Tom Reyes at ...".
    let verbless = |end: usize| !words[1..end].iter().any(|(_, w)| is_finite(w));
    let further = std::iter::successors(after_phrase, move |&k| {
        let segment = &words[k..];
        let next = after_comma(s, words, k, 14)?;
        let place = next - k <= 3 && segment[..next - k].iter().all(|(_, w)| is_name_word(w));
        (verbless(next) && (place || opens_a_phrase(&capitalised(segment[0].1)))).then_some(next)
    })
    .skip(1)
    .take(3);
    // "Regarding the bill, ...": a participle before its comma is no name.
    let opening = after_phrase.is_none().then_some(0);
    [
        opening,
        conjunction.then_some(1),
        after_phrase,
        after_dateline(s, words),
    ]
    .into_iter()
    .flatten()
    .chain(further)
}

/// `w` with its first letter in capitals, as it would open a sentence: "in" as "In".
fn capitalised(w: &str) -> String {
    let mut chars = w.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// Prepositions that open a sentence with a phrase that may run long before its comma.
static LONG_PHRASE_OPENERS: Words = Words::new("with in as after during despite amid for");

/// Where the words after the first comma following word `from` start, within `reach` words
/// and not straight after a quotation.
fn after_comma(s: &str, words: &[(usize, &str)], from: usize, reach: usize) -> Option<usize> {
    (from + 1..words.len().min(from + reach))
        .find(|&k| s[..words[k].0].trim_end().ends_with(','))
        .filter(|&k| !s[words[k - 1].0..words[k].0].contains(['"', '\u{201c}', '\u{201d}']))
}

/// Where the story starts after a dateline and its dash: "WASHINGTON (AP) \u{2014} ...",
/// "PARIS, May 4 (Reuters) - ...". The dateline is a place in capitals or ends with the
/// agency in brackets.
fn after_dateline(s: &str, words: &[(usize, &str)]) -> Option<usize> {
    let k = (1..words.len().min(8)).find(|&k| {
        s[words[k - 1].0 + words[k - 1].1.len()..words[k].0]
            .contains(['\u{2014}', '\u{2013}', '\u{2015}', '-'])
    })?;
    let dateline = s[..words[k - 1].0 + words[k - 1].1.len()].trim_end();
    let dash = &s[dateline.len()..words[k].0];
    let agency = dateline.ends_with(')') || dash.trim_start().starts_with(')');
    let capitals =
        dateline.chars().any(char::is_uppercase) && !dateline.chars().any(char::is_lowercase);
    (agency || capitals).then_some(k)
}

/// Adverbs that may open a sentence before a comma: "First, ...", "Still, ...".
static OPENING_ADVERBS: Words = Words::new(
    "first second third finally meanwhile instead still later earlier afterward afterwards again \
    overall otherwise indeed yet now then today tonight yesterday alas",
);

/// Words that end an opening time: "Hours later,", "This month,", "Two years ago,".
static TIME_ENDS: Words = Words::new(
    "later earlier ago afterward afterwards day days week weeks month months year years morning \
    evening night weekend hours minutes moments decades monday tuesday wednesday thursday \
    friday saturday sunday january february march april june july august september october \
    november december",
);

/// "This month, ...", "Hours later, ...": a time of up to four words and its comma open the
/// sentence before its subject.
fn opens_with_a_time(s: &str, words: &[(usize, &str)]) -> bool {
    let Some(k) = (1..words.len().min(5)).find(|&k| s[..words[k].0].trim_end().ends_with(','))
    else {
        return false;
    };
    TIME_ENDS.contains_any_case(words[k - 1].1)
        && !words[..k].iter().any(|(_, w)| VERBISH.contains_any_case(w))
}

/// Words that open a subject, not a phrase before it.
pub(super) static DETERMINERS: Words = Words::new(
    "the a an this that these those some most many much both no each every all any its his her \
    their our my your there another other such",
);

/// Conjunctions and adverbs that may open a sentence before its subject: "But he ...".
pub(super) static OPENING_CONJUNCTIONS: Words = Words::new("but and so yet then still now also");

/// Whether a sentence's first word opens a phrase rather than a subject: a preposition or an
/// adverb that is never a name ("During", "However"), an adverb in "-ly" ("Significantly"), a
/// participle ("Speaking", "Asked").
pub(in super::super) fn opens_a_phrase(first: &str) -> bool {
    let l = lower(first);
    let determiner = DETERMINERS.contains(&l) || SUBJECT_PRONOUNS.contains(&l);
    !determiner
        && (is_never_a_name(first)
            || l.len() > 4 && (l.ends_with("ly") || l.ends_with("ing") || l.ends_with("ed")))
}
