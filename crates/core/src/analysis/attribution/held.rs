//! A claim inside a clause that the sentence's subject holds: "The senator is betting that
//! voters will ...", "The agency is looking into whether the sale was illegal". The clause is
//! what the subject thinks, argues or asks, whatever the verb that brings it in, so the claim
//! is the subject's, not the reporter's. A subject that names nobody ("It is unclear whether
//! ...", "This means that ...") holds nothing.

use super::cue::{is_plural_noun, is_source_word};
use super::lexicon::{
    Words, CUES, LINKING_WORDS, MODALS, NOUN_DETERMINERS, ROLE_NOUNS, SUBJECT_OPENERS, VERBISH,
};
use super::own::{Own, OwnWord};

/// Nouns whose "that" clause the reporter states or weighs, not anyone's view: "the fact
/// that", "the possibility that", "news that".
static UNHELD_NOUNS: Words = Words::new(
    "fact facts reality possibility possibilities prospect prospects chance chances odds risk \
    danger news evidence sign signs talk speculation rumors rumours",
);

/// Whether the claim starting at byte `claim` of the sentence lies in a clause that the
/// sentence's subject holds.
pub fn holds_claim(own: &Own, claim: usize) -> bool {
    let words = &own.words;
    let Some(k) = words
        .iter()
        .rposition(|w| w.range.end <= claim && opens_a_clause(own, w))
    else {
        return false;
    };
    // A new clause of the reporter's own between them: "He knows that ...; the plan is ...".
    !own.text[words[k].range.end..claim].contains(';') && subject_holds(own, &words[..k])
}

/// "that" bringing in a clause ("betting that the voters", "aware that she"), or "whether",
/// "how" or "why";
/// not a relative "that" ("a plan that would"), "so that", "now that", nor "the fact that",
/// which the reporter states.
fn opens_a_clause(own: &Own, w: &OwnWord) -> bool {
    // An embedded question: "looking into whether", "unsure how it should" ("what" is as
    // often a thing: "in what could be the closest race").
    if matches!(w.lower.as_ref(), "whether" | "how" | "why") {
        return true;
    }
    if !w.is("that") {
        return false;
    }
    let mut before = own.before(w.range.start);
    let previous = before.next();
    let after_a_link = previous.is_some_and(|p| {
        matches!(
            p.lower.as_ref(),
            "so" | "such"
                | "now"
                | "given"
                | "except"
                | "provided"
                | "assuming"
                | "in"
                | "but"
                | "than"
                | "is"
                | "was"
                | "be"
        ) || UNHELD_NOUNS.contains(&p.lower)
    });
    // "so vague that", "so well known that", "such a rush that": a result, not a view.
    let result = before.clone().take(3).any(|w| w.is("so") || w.is("such"));
    // After a view or a statement ("his prediction a year ago that ...") a clause follows.
    let view = own
        .before(w.range.start)
        .take(3)
        .any(|n| CUES.opinion_nouns.contains(n.lower.as_ref()));
    // After another noun with its determiner the "that" is a relative ("the contribution that
    // Pate made").
    // An object pronoun is no such noun: "confided to her that ...".
    let relative = !view
        && previous.is_some_and(|p| !is_verb_like(p) && !NOUN_DETERMINERS.contains(&p.lower))
        && before.take(3).take_while(|n| !is_verb_like(n)).any(|d| {
            NOUN_DETERMINERS.contains(&d.lower)
                || d.text.ends_with("'s")
                || d.text.ends_with("\u{2019}s")
        });
    let next = own.next_word(w.range.end);
    // A clause opens with its subject: a determiner, a pronoun, a name, a number or a
    // gerund ("sure that keeping him in jail ..."), or after a view any word but a verb.
    // After a past verb ("argued that voters ...") no relative can follow, only a clause.
    let after_verb = previous.is_some_and(|p| p.lower.ends_with("ed"));
    let clause = next.is_some_and(|n| {
        ((view || after_verb) && !VERBISH.contains(&n.lower) && !MODALS.contains(&n.lower))
            || n.lower.ends_with("ing")
            || NOUN_DETERMINERS.contains(&n.lower)
            || matches!(
                n.lower.as_ref(),
                "he" | "she" | "they" | "we" | "i" | "it" | "there" | "if" | "when" | "because"
            )
            || n.text.starts_with(|c: char| c.is_ascii_digit())
            || (n.text.starts_with(char::is_uppercase) && !VERBISH.contains(&n.lower))
    });
    !after_a_link && !result && !relative && clause
}

/// A word that is or may be a verb, which a relative's noun phrase does not hold: "is betting
/// that", "was convinced that".
fn is_verb_like(w: &OwnWord) -> bool {
    VERBISH.contains(&w.lower)
        || LINKING_WORDS.contains(&w.lower)
        || MODALS.contains(&w.lower)
        || w.lower.ends_with("ing")
        || w.lower.ends_with("ed")
}

/// Whether the sentence's subject, before the clause, names someone: "The senator", "Critics",
/// "she" (past "But", "Still" and an opening phrase set off by a comma: "Specifically, the
/// bureau ..."). No comma stands between the subject and the clause: "Trump leads, although it
/// is possible that ..." is the reporter's weighing.
fn subject_holds(own: &Own, before: &[OwnWord]) -> bool {
    let opened = before
        .iter()
        .position(|w| !SUBJECT_OPENERS.contains(&w.lower))
        .unwrap_or(before.len());
    // Each comma may close an opening phrase: "When she moved to Queens, Freddy confided ...".
    let after_commas = (1..before.len())
        .filter(|&i| own.text[before[i - 1].range.end..before[i].range.start].contains(','));
    std::iter::once(opened)
        .chain(after_commas)
        .filter(|&start| start < before.len())
        .any(|start| !new_clause(own, &before[start..]) && names_someone(own, &before[start..]))
}

/// Whether a comma and a conjunction or a new subject stand among `words`: "Trump leads,
/// although it is possible that ..." is the reporter's weighing, not Trump's view.
fn new_clause(own: &Own, words: &[OwnWord]) -> bool {
    words.windows(2).any(|pair| {
        own.text[pair[0].range.end..pair[1].range.start].contains(',')
            && CLAUSE_OPENERS.contains(&pair[1].lower)
    })
}

static CLAUSE_OPENERS: Words = Words::new(
    "although though but while because since it there which who as when if yet so whereas \
    unless and or",
);

/// The subject opening `words` names a source: a name, a pronoun or a role ("lawmakers"); not
/// "it", "this" or "there", a possessive ("Clinton's deficit meant that ...") nor a
/// capitalised plural opening the sentence ("Trials were ..."). Before an auxiliary or a past
/// verb the subject is the word right before it ("The FBI investigation is"); otherwise a
/// source among its first words, up to a preposition ("They live in terror that ...").
fn names_someone(own: &Own, words: &[OwnWord]) -> bool {
    let stops_at_verb = |w: &OwnWord| {
        VERBISH.contains(&w.lower)
            || LINKING_WORDS.contains(&w.lower)
            || MODALS.contains(&w.lower)
            || (w.lower.ends_with("ed") && w.lower.len() > 4)
    };
    let preposition = |w: &OwnWord| PREPOSITIONS.contains(&w.lower);
    // An opening phrase is no subject: "Among other things, the ...".
    if words.first().is_some_and(preposition) {
        return false;
    }
    let mut end = words.first().map_or(0, |w| w.range.start);
    let phrase: Vec<&OwnWord> = words
        .iter()
        .take(6)
        .take_while(|w| {
            let comma = own.text[end..w.range.start].contains(',');
            end = w.range.end;
            !comma && !stops_at_verb(w) && !preposition(w)
        })
        .collect();
    let source = |(i, w): (usize, &&OwnWord)| {
        let opening_plural = i == 0 && starts_sentence(own, w) && is_plural_noun(w);
        let possessive = w.text.ends_with("'s")
            || w.text.ends_with("\u{2019}s")
            || own.text[w.range.end..].starts_with(['\'', '\u{2019}']);
        !matches!(
            w.lower.as_ref(),
            "it" | "which" | "who" | "this" | "that" | "there"
        ) && !NOUN_DETERMINERS.contains(&w.lower)
            && !possessive
            && is_source_word(w.text)
            && (!opening_plural || ROLE_NOUNS.contains(&w.lower))
    };
    match words.get(phrase.len()) {
        Some(w) if stops_at_verb(w) => phrase.iter().enumerate().next_back().is_some_and(source),
        Some(_) => phrase.iter().enumerate().any(source),
        None => false,
    }
}

static PREPOSITIONS: Words = Words::new(
    "of to for in on at with by from about over among after before during despite since under \
    without beyond given as like unlike through across against amid until following including",
);

/// Whether `w` opens the sentence.
fn starts_sentence(own: &Own, w: &OwnWord) -> bool {
    own.text[..w.range.start].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held(s: &str, claim: &str) -> bool {
        holds_claim(
            &Own::from_text(s),
            s.find(claim).expect("claim in sentence"),
        )
    }

    #[test]
    fn a_subject_holds_the_clause_it_brings_in() {
        for (s, claim) in [
            (
                "She is betting that the voters will punish the mayor.",
                "will punish",
            ),
            (
                "Specifically, the agency is looking into whether the sale was illegal.",
                "illegal",
            ),
            (
                "Lawmakers remain at odds over whether the 5 percent cap should stay.",
                "should stay",
            ),
            (
                "She is sure that keeping the levy will double the rent.",
                "will double",
            ),
            (
                "When the rent rose, Okafor confided to her that the levy would double it.",
                "would double",
            ),
            (
                "The mayor backed away from her prediction last year that rents would fall.",
                "would fall",
            ),
            (
                "Lawmakers disagree over how far the 5 percent cap should go.",
                "should go",
            ),
            (
                "Okafor gambled that landlords would raise the rent.",
                "would raise",
            ),
        ] {
            assert!(held(s, claim), "{s}");
        }
    }

    #[test]
    fn nobody_holds_a_relative_clause_or_a_fact() {
        for (s, claim) in [
            (
                "It is unclear whether the levy will double the rent.",
                "will double",
            ),
            (
                "The mayor backed a plan that would double the rent.",
                "would double",
            ),
            (
                "She kept the seat that Okafor would have won.",
                "would have",
            ),
            (
                "The mayor addressed the fact that the levy will double the rent.",
                "will double",
            ),
            (
                "The mayor won in what could be the closest race in years.",
                "the closest",
            ),
            (
                "This means that the levy will double the rent.",
                "will double",
            ),
            (
                "The mayor is so popular that she will win again.",
                "will win",
            ),
            (
                "The mayor leads, although it is possible that she will lose.",
                "will lose",
            ),
            (
                "The mayor knows the city; the levy will double the rent, that much is clear.",
                "will double",
            ),
        ] {
            assert!(!held(s, claim), "{s}");
        }
    }
}
