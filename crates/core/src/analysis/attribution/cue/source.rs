//! Who reports: the words that can be a source ("officials", "Zhao", "she's"), and where a
//! source stands around its verb besides just before it: behind an appositive ("Okafor, a
//! lawyer for the family, predicted"), or after an inverted verb ("..., wrote Sanders",
//! "..., predicted the bank's chief economist").

use super::super::lexicon::*;
use super::super::lower::lower;
use super::super::own::{Own, OwnWord};
use crate::analysis::tokens::is_never_a_name;
use std::ops::Range;

/// "Prices will rise, predicted the bank's chief economist.": a past-tense verb after a
/// comma, then its source and nothing more than an appositive. "Called" names ("a group,
/// called Open Doors,"), so it is left out.
pub(super) fn inverted_after_comma(own: &Own, verb: &Range<usize>) -> bool {
    let word = own.text[verb.clone()].to_ascii_lowercase();
    let past = word.ends_with("ed") || IRREGULAR_PAST.contains(word.as_str());
    let source: Vec<&OwnWord> = own
        .after(verb.end)
        .take_while(|w| !own.text[verb.end..w.range.start].contains(','))
        .collect();
    let opens = source
        .first()
        .is_some_and(|w| NOUN_DETERMINERS.contains(&w.lower) || is_name_word(w.text));
    own.text[..verb.start].trim_end().ends_with(',')
        && past
        && !word.starts_with("call")
        && opens
        && (1..=6).contains(&source.len())
        && source.iter().any(|w| is_source_word(w.text))
        && !source.iter().any(|w| VERBISH.contains(&w.lower))
}

/// A reporting verb right after a quotation's closing mark, before its source: "..., wrote
/// Sanders", "..., added the coach" (not a scare quote's noun: "the \"reform\" added costs").
pub(super) fn after_quotation(own: &Own, verb: Range<usize>) -> bool {
    let before = own.text[..verb.start].trim_end();
    let closes = before.ends_with(['"', '\u{201d}']) || before.ends_with("''");
    // Inverted, the verb is in the past or the present ("wrote", "adds"); a bare form or an
    // adjective there describes the source ("\"...,\" state Sen. Ana Ruiz", "undecided voter").
    let word = own.text[verb.clone()].to_ascii_lowercase();
    let inverted = (word.ends_with("ed") || word.ends_with('s') || IRREGULAR_PAST.contains(&word))
        && !CUES.stance_adjectives.contains(word.as_str());
    closes
        && inverted
        && own
            .next_word(verb.end)
            .is_some_and(|w| NOUN_DETERMINERS.contains(&w.lower) || is_source_word(w.text))
}

/// A capitalised word that does not open the sentence: a name, whatever else it spells
/// ("..., Will wrote", "\u{201c}...\u{201d} Will wrote").
pub(super) fn is_name_inside(own: &Own, w: &OwnWord) -> bool {
    w.text.starts_with(char::is_uppercase) && !own.text[..w.range.start].trim().is_empty()
}

/// A plural noun that can be a subject: "farmers", "Republicans" (not "was", "this", "its").
pub fn is_plural_noun(w: &OwnWord) -> bool {
    let lower = w.lower.as_ref();
    lower.len() >= 4
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && lower.chars().all(char::is_alphabetic)
        && !NOT_PLURAL_NOUNS.contains(lower)
}

/// "Okafor, a lawyer for the family, predicted ...": a source before an appositive set off by
/// commas just before the verb.
pub(super) fn appositive_source(own: &Own, verb: usize) -> bool {
    // "Okafor, a lawyer, has repeatedly said": past the auxiliaries and adverbs to the comma.
    let verb = own
        .before(verb)
        .take_while(|w| LINKING_WORDS.contains(&w.lower) || is_manner_adverb(w.text))
        .last()
        .map_or(verb, |w| w.range.start);
    let Some(head) = own.text[..verb].trim_end().strip_suffix(',') else {
        return false;
    };
    let Some(comma) = head.rfind(',') else {
        return false;
    };
    let mut appositive = own.after(comma).take_while(|w| w.range.end <= head.len());
    // "Hale, speaking on the House floor, called ...": a participle's aside too.
    let opens = appositive.next().is_some_and(|w| {
        matches!(w.text, "a" | "an" | "the" | "who")
            || w.text.starts_with(char::is_lowercase)
                && (w.text.ends_with("ing") || w.text.ends_with("ed"))
    });
    opens
        && appositive.count() < 14
        && own
            .before(comma)
            .next()
            .is_some_and(|w| is_name_word(w.text) || ROLE_NOUNS.contains_any_case(w.text))
}

/// "Voters quickly accused ...", "He strongly suggested ...": an adverb of manner between a
/// source and its verb.
pub fn is_manner_adverb(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ly")
        && w.starts_with(char::is_lowercase)
        && !ROLE_NOUNS.contains(w)
        && !matches!(w, "family" | "assembly" | "supply" | "anomaly" | "monopoly")
}

/// A word that can be the source of a report: a pronoun, a role ("officials", "the ministry"),
/// or a name ("Zhao", "Xinhua", "the IMF's").
pub fn is_source_word(w: &str) -> bool {
    // A pronoun and its auxiliary: "She's hoping", "They're worried" (not "it's", which is
    // no source, nor "she'll", a modal).
    let w = w
        .split_once(['\'', '\u{2019}'])
        .filter(|(p, aux)| SUBJECT_PRONOUNS.contains(lower(p)) && matches!(*aux, "s" | "re" | "ve"))
        .map_or(w, |(p, _)| p);
    let lower = lower(w);
    // Plurals: "reports", "aides", "analyses" is rare enough to leave.
    let singular = lower
        .as_bytes()
        .strip_suffix(b"s")
        .unwrap_or(lower.as_bytes());
    if PRONOUNS.contains(&lower) || ROLE_NOUNS.contains(&lower) || ROLE_NOUNS.contains(singular) {
        return true;
    }
    is_name_word(w)
}

pub fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && !w.chars().any(|c| c.is_ascii_digit())
        && !is_never_a_name(w)
}
