//! Stance and belief verbs ("fear", "oppose", "accuse"): whether the cue is one, whether its
//! word is a noun here ("Republican support for the bill"), and the subjects a stance takes
//! that no source list names ("Farmers fear ...", "The book accuses the mayor of ...").

use super::super::lexicon::*;
use super::super::own::{is_space, Own, OwnWord};
use super::source::{is_name_word, is_plural_noun};
use std::ops::Range;

/// Whether the cue's word is a noun here: after "has" ("has support", not "has supported"),
/// or a stance's bare form before a noun's complement ("Republican support for the bill",
/// "demand among buyers"), which a verb of that sense does not take.
pub(super) fn is_a_noun(own: &Own, verb: &Range<usize>, next: Option<&OwnWord>) -> bool {
    let word = own.text[verb.clone()].to_ascii_lowercase();
    let participle = word.ends_with("ed")
        || word.ends_with("en")
        || word.ends_with("wn")
        || IRREGULAR_PAST.contains(word.as_str());
    let right_before = own
        .before(verb.start)
        .next()
        .filter(|w| is_space(&own.text[w.range.end..verb.start]));
    let after_have =
        right_before.is_some_and(|w| matches!(w.lower.as_ref(), "has" | "have" | "had" | "having"));
    // "the mayor's report", "Sanders' support".
    // "She's hoping" is a pronoun and its auxiliary.
    let possessed = right_before.is_some_and(|w| {
        (w.text.ends_with("'s") || w.text.ends_with("\u{2019}s"))
            && !SUBJECT_PRONOUNS.contains(&w.lower)
            || (w.lower.ends_with('s') && own.text[w.range.end..].starts_with(['\'', '\u{2019}']))
    });
    // "people suspected of fraud": a participle that describes its noun.
    let describes = participle && next.is_some_and(|w| w.is("of"));
    if possessed || describes || (after_have && !participle) {
        return true;
    }
    // After a capitalised word, which reads as its source, the bare form may be a noun that
    // word qualifies: "Republican support for", not "Voters know from experience".
    let qualified = right_before.is_some_and(|w| is_name_word(w.text));
    let bare = !participle && !word.ends_with('s') && !word.ends_with("ing");
    let complement = next.is_some_and(|w| match w.lower.as_ref() {
        "among" | "from" | "of" => true,
        "for" => !VERBS_WITH_FOR.contains(word.as_str()),
        _ => false,
    });
    qualified && bare && is_stance(own, verb) && complement
}

/// Whether the cue at `verb` is a belief or stance verb ("fear", "accuse").
pub(super) fn is_stance(own: &Own, verb: &Range<usize>) -> bool {
    CUES.stances
        .contains(own.text[verb.clone()].to_ascii_lowercase().as_str())
}

/// A stance verb's subject that no source list names: a plural noun before a present-tense
/// verb ("Farmers fear", "Some undecided voters think"), or, for a verdict, any subject when
/// an object and "of", "for" or "as" follow ("The book accuses the mayor of ...", "The mayor
/// also dismissed the poll as ...").
pub(super) fn stance_has_subject(
    own: &Own,
    verb: &Range<usize>,
    previous: Option<&OwnWord>,
) -> bool {
    let Some(previous) = previous else {
        return false;
    };
    let verb_text = &own.text[verb.clone()];
    let participle = verb_text.ends_with("ing");
    let present = !participle && !verb_text.ends_with("ed") && !verb_text.ends_with('s');
    if present && is_plural_noun(previous) {
        return true;
    }
    // In another tense a plural noun or a determined noun ("The landlord feared") is the
    // subject when a clause or an object follows, which a participle describing its noun
    // does not take ("the changes proposed by the council"): "Landlords feared the rise ...".
    let determined = own.before(previous.range.start).next().is_some_and(|d| {
        matches!(d.lower.as_ref(), "the" | "a" | "an" | "this" | "that")
            && previous.text.chars().all(|c| c.is_ascii_lowercase())
            && !NOT_PLURAL_NOUNS.contains(&previous.lower)
    });
    let clause = own.next_word(verb.end).is_some_and(|w| {
        NOUN_DETERMINERS.contains(&w.lower)
            || matches!(
                w.lower.as_ref(),
                "he" | "she" | "they" | "it" | "we" | "there"
            )
            || is_name_word(w.text)
    });
    if !participle && (is_plural_noun(previous) || determined) && clause {
        return true;
    }
    let verdict = CUES
        .verdicts
        .contains(verb_text.to_ascii_lowercase().as_str());
    // A subject, not a determiner ("the blame for"), a conjunction or a preposition.
    let subject = !NOUN_DETERMINERS.contains(&previous.lower)
        && !matches!(
            previous.lower.as_ref(),
            "of" | "with"
                | "and"
                | "or"
                | "but"
                | "to"
                | "for"
                | "from"
                | "by"
                | "in"
                | "on"
                | "at"
                | "as"
        );
    // An object first ("accused the mayor of", not "the man accused of"), then the complement.
    let object = own
        .next_word(verb.end)
        .is_some_and(|w| !matches!(w.lower.as_ref(), "of" | "for" | "as" | "to" | "by"));
    let complement = own
        .after(verb.end)
        .skip(1)
        .take(5)
        .any(|w| matches!(w.lower.as_ref(), "of" | "for" | "as"));
    verdict && !participle && subject && object && complement
}
