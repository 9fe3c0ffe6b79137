//! Superlatives: the lexicon's ("record high", "unprecedented"), "the first to", "the only",
//! and superlatives by their form: a word in "-est" after a determiner
//! or a possessive ("the wealthiest donors", "its steepest fall", "Europe's oldest port", "the
//! second-largest"), and "most" or "least" before an adjective ("most dangerous", "least
//! popular"). English has no other words that end so after "the" but a short list of nouns
//! and of words of time and place ("the interest", "the latest", "the nearest"), which the
//! lexicon names as plain forms.

use super::super::lexicon::{ascii_regex, Words, CLAIM_WORDS, MODALS};
use super::super::own::{is_space, Own, OwnWord};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// "the first woman to", "the third time in history", "the first openly gay mayor to", "the
/// first Asian-American to": one or two words (a compound is one), with an adverb before them.
static NTH_TO: LazyLock<Regex> = LazyLock::new(|| {
    let nth = r"(?<nth>first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))";
    let adverb = r"(?<adverb>\w+ly\s+)?";
    ascii_regex(&format!(
        r"(?i)\bthe {nth} {adverb}(?:\w+(?:-\w+)*\s+){{1,2}}(?:to|ever|in history|since)\b"
    ))
});

/// "the only country to", "the only one that", "the only candidate in the race who", "the
/// only way out is".
static ONLY_ONE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)\bthe only (?:\w+(?:-\w+)*\s+){0,4}(?:to|that|who|is|was|are|were)\b")
});

/// Words after which an "-est" word is a superlative: "the biggest", "its steepest".
static DETERMINERS: Words = Words::new("the its his her their our my your whose");

/// Endings of adjectives, read after "most" and "least": "most effective", "least popular".
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ive", "ful", "ous", "al", "ant", "ent", "ic", "able", "ible", "ed", "ing", "ile", "ar", "ish",
    "less", "ist", "ate",
];

/// Whether `w` is a possessive: "Europe's", "voters'".
fn is_possessive(own: &Own, w: &OwnWord) -> bool {
    let apostrophe = own.text[w.range.end..].starts_with(['\'', '\u{2019}']);
    ["'s", "\u{2019}s"].iter().any(|p| w.text.ends_with(p))
        || (apostrophe && w.lower.ends_with('s'))
}

/// Whether `lower` has the form of a superlative: "largest", "second-largest",
/// "highest-profile"; not a plain form ("interest", "latest").
fn is_superlative_form(lower: &str) -> bool {
    lower.split('-').any(|part| {
        part.len() >= 6
            && part.ends_with("est")
            && part.bytes().all(|b| b.is_ascii_lowercase())
            && !CLAIM_WORDS.plain_forms.contains(part)
    })
}

/// Words that may stand between a determiner and its superlative: "the very best", "the
/// second largest".
static MODIFIERS: Words =
    Words::new("very single second third fourth fifth sixth seventh eighth ninth tenth");

/// "the wealthiest", "Europe's oldest", "the second largest": an "-est" word after a
/// determiner or a possessive, or after one of those and a modifier; the phrase is the
/// superlative itself, as the lexicon's are.
fn est_superlative(own: &Own) -> Option<Range<usize>> {
    let words = &own.words;
    let joined = |a: &OwnWord, b: &OwnWord| is_space(&own.text[a.range.end..b.range.start]);
    let opens = |d: &OwnWord| DETERMINERS.contains(&d.lower) || is_possessive(own, d);
    (1..words.len()).find_map(|i| {
        let w = &words[i];
        if !w.text.starts_with(|c: char| c.is_ascii_lowercase()) || !is_superlative_form(&w.lower) {
            return None;
        }
        let prev = &words[i - 1];
        if !joined(prev, w) {
            return None;
        }
        if opens(prev) {
            return Some(w.range.clone());
        }
        let first = words.get(i.checked_sub(2)?)?;
        (MODIFIERS.contains(&prev.lower) && joined(first, prev) && opens(first))
            .then(|| w.range.clone())
    })
}

/// "most dangerous", "least likely": "most" or "least" and an adjective after it (not "at
/// least", not "most of", not "most Democratic voters").
fn most_adjective(own: &Own) -> Option<Range<usize>> {
    own.words.windows(2).enumerate().find_map(|(i, pair)| {
        let (most, adjective) = (&pair[0], &pair[1]);
        if !(most.is("most") || most.is("least"))
            || !adjective.text.starts_with(|c: char| c.is_ascii_lowercase())
            || !is_space(&own.text[most.range.end..adjective.range.start])
            || (i > 0 && own.words[i - 1].is("at"))
        {
            return None;
        }
        let word = adjective.lower.as_ref();
        let adjectival = word == "likely"
            || CLAIM_WORDS.opinion.contains(word)
            || (word.len() >= 5 && ADJECTIVE_ENDINGS.iter().any(|e| word.ends_with(e)));
        (adjectival && !CLAIM_WORDS.plain_forms.contains(word))
            .then_some(most.range.start..adjective.range.end)
    })
}

/// The first superlative in a sentence: the lexicon's, by form, or "the first to", "the only".
pub fn superlative(own: &Own) -> Option<Range<usize>> {
    let s = own.text;
    [
        lexicon_superlative(own),
        possessive_superlative(own),
        est_superlative(own),
        most_adjective(own),
        modal_superlative(own),
        NTH_TO.find(s).map(|m| m.range()),
        ONLY_ONE.find(s).map(|m| m.range()),
    ]
    .into_iter()
    .flatten()
    .min_by_key(|r| r.start)
}

/// The lexicon's first superlative, not the idiom "for the most part" (mostly), nor a team's
/// tally of wins and losses ("a record of 28-15").
fn lexicon_superlative(own: &Own) -> Option<Range<usize>> {
    CLAIM_WORDS.superlative.find_iter(own.text).find(|r| {
        let phrase = &own.text[r.clone()];
        let next = own.next_word(r.end);
        let part = phrase.eq_ignore_ascii_case("the most") && next.is_some_and(|w| w.is("part"));
        let tally = phrase.eq_ignore_ascii_case("a record")
            && next.is_some_and(|w| w.is("of"))
            && next
                .and_then(|w| own.next_word(w.range.end))
                .is_some_and(|w| is_score(w.text));
        !(part || tally)
    })
}

/// A score or a win-loss tally: "28-15", "3-1".
fn is_score(w: &str) -> bool {
    w.split_once('-').is_some_and(|(a, b)| {
        [a, b]
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
    })
}

/// "can best address", "would most help": a modal and a superlative adverb before its verb,
/// which ranks how well one does it against all others (not "will most likely", a hedge).
fn modal_superlative(own: &Own) -> Option<Range<usize>> {
    own.words.windows(3).find_map(|w| {
        let (modal, most, verb) = (&w[0], &w[1], &w[2]);
        let ranks = matches!(most.lower.as_ref(), "best" | "most" | "least");
        let verb_like = verb.text.starts_with(|c: char| c.is_ascii_lowercase())
            && !NOT_VERBS_AFTER_MOST.contains(&verb.lower);
        (MODALS.contains(&modal.lower) && ranks && verb_like)
            .then_some(most.range.start..verb.range.end)
    })
}

/// Words after "most" that are no verb it grades: "will most likely", "could most of".
static NOT_VERBS_AFTER_MOST: Words = Words::new("likely probably certainly of the a an");

/// "the world's most dangerous", "the campaign's best chance": a superlative after a
/// possessive.
fn possessive_superlative(own: &Own) -> Option<Range<usize>> {
    own.words.windows(2).find_map(|pair| {
        let most = matches!(pair[1].lower.as_ref(), "most" | "best" | "worst" | "least");
        (is_possessive(own, &pair[0]) && most).then(|| pair[0].range.start..pair[1].range.end)
    })
}
