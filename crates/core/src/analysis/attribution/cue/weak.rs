//! When a weak verb ("noted", "added", "fear", "estimated") reports: a source before it, a
//! report after it ("noted that", "..., it added."), or a setting or an audience ("noted in a
//! statement", "added to reporters"); not as a noun, a prediction or an everyday sense ("The
//! economy added 500,000 jobs").

use super::super::lexicon::*;
use super::super::own::{Own, OwnWord};
use super::data::document_subject;
use super::source::{
    after_quotation, appositive_source, inverted_after_comma, is_manner_adverb, is_name_inside,
    is_source_word,
};
use super::stance::{is_a_noun, is_stance, stance_has_subject};
use std::ops::Range;

/// A weak verb reports when a source stands before it ("Zhao noted", "the ministry also
/// estimated") or a report follows it ("noted that", "..., it added.").
pub(super) fn weak_cue_reports(own: &Own, verb: Range<usize>) -> bool {
    let s = own.text;
    let before = own.before(verb.start).take(4);
    // A linking word spelt as a name is the name: "..., Will believes".
    let previous = before.clone().find(|w| {
        !(LINKING_WORDS.contains(&w.lower)
            && !(MODALS.contains(&w.lower) && is_name_inside(own, w)))
            && !is_manner_adverb(w.text)
    });
    if predicts(own, verb.start) {
        return false;
    }
    // "Officials are hoping ...": a stance in the progressive has its subject before the "are".
    let progressive = s[verb.clone()].ends_with("ing")
        && is_stance(own, &verb)
        && previous.is_some_and(|w| matches!(w.lower.as_ref(), "is" | "are" | "was" | "were"));
    let previous = match previous {
        Some(aux) if progressive => own
            .before(aux.range.start)
            .take(3)
            .find(|w| !LINKING_WORDS.contains(&w.lower) && !is_manner_adverb(w.text)),
        _ => previous,
    };
    let lower_prev = previous.map(|w| w.lower.as_ref());
    let passive = lower_prev.is_some_and(|w| NOT_A_REPORT_BEFORE.contains(w));
    let next = own.next_word(verb.end);
    if is_a_noun(own, &verb, next) {
        return false;
    }
    // "the group they identify with": belonging, not a finding.
    if s[verb.clone()].to_ascii_lowercase().starts_with("identif")
        && next.is_some_and(|w| w.is("with"))
    {
        return false;
    }
    // "admit that, given the divide, ..." as "admit that the ...".
    let reports_that = next.is_some_and(|w| {
        (w.is("that") && s[w.range.end..].starts_with(|c: char| c.is_whitespace() || c == ','))
            || (w.text == "as" && own.next_word(w.range.end).is_some_and(|w| w.is("saying")))
    }) || that_after_a_phrase(own, verb.end);
    if passive {
        // "Some economists are concerned about ...": a stance held by the source before "are".
        let stance = CUES
            .stance_adjectives
            .contains(s[verb.clone()].to_ascii_lowercase().as_str())
            && lower_prev.is_some_and(|w| {
                matches!(
                    w,
                    "is" | "are" | "was" | "were" | "remain" | "remains" | "grew"
                )
            });
        let holder = before
            .clone()
            .skip_while(|w| Some(&w.lower) != previous.map(|p| &p.lower))
            .skip(1)
            .find(|w| !LINKING_WORDS.contains(&w.lower));
        // "He was accused by a reporter of ...": the agent is the source; so it is in "as
        // reported by the paper", "as noted by the judge".
        let agent =
            (is_stance(own, &verb) || lower_prev == Some("as")) && next.is_some_and(|w| w.is("by"));
        return reports_that || agent || stance && holder.is_some_and(|w| is_source_word(w.text));
    }
    // "Women who oppose the plan ...": a stance inside a relative clause describes its noun.
    if is_stance(own, &verb)
        && !reports_that
        && lower_prev.is_some_and(|w| matches!(w, "who" | "which" | "that"))
    {
        return false;
    }
    let source = previous
        .is_some_and(|w| is_source_word(w.text) || CUES.vague_sources.contains(w.lower.as_ref()));
    if source || appositive_source(own, verb.start) || after_quotation(own, verb.clone()) {
        return true;
    }
    if document_subject(own, verb.start) {
        return true;
    }
    // "The friends admitted the plan had failed", "The state reported a 3 percent rise": a verb
    // only a speaker does takes any subject a stance does.
    let speakers_only = SPEAKERS_ONLY.contains(s[verb.clone()].to_ascii_lowercase().as_str());
    if (is_stance(own, &verb) || speakers_only) && stance_has_subject(own, &verb, previous) {
        return true;
    }
    // After a determiner the word is a noun ("the report", "a claim"), not a verb.
    if lower_prev.is_some_and(|w| NOUN_DETERMINERS.contains(w)) {
        return false;
    }
    if reports_that || setting_or_audience(own, verb.end) {
        return true;
    }
    // "..., Zhao added." needs a past tense: a bare "the state." is a noun.
    let verb_text = &s[verb.clone()];
    let past =
        verb_text.ends_with("ed") || matches!(verb_text, "found" | "thought" | "shown" | "wrote");
    // "remained divided, ..." is an adjective, which no stop after it makes a report.
    let adjective = !is_stance(own, &verb)
        && CUES
            .stance_adjectives
            .contains(verb_text.to_ascii_lowercase().as_str());
    past && !adjective && (reports_after_past(own, verb.end) || inverted_after_comma(own, &verb))
}

/// Weak verbs whose subject can only be a speaker, whatever the noun: someone admits, reported,
/// confirms or discloses ("report" and "reports" are nouns too often: "the jobs report").
static SPEAKERS_ONLY: Words = Words::new(
    "admit admits admitted reported confirm confirms confirmed disclose discloses disclosed",
);

/// "He would support ...", "They will definitely back ...": a modal before the verb (past
/// linking words and adverbs of manner) predicts a stance, which is the reporter's claim. A
/// capitalised modal inside the sentence is a name: "..., Will wrote."
pub fn predicts(own: &Own, verb: usize) -> bool {
    own.before(verb)
        .take(4)
        .take_while(|w| LINKING_WORDS.contains(&w.lower) || is_manner_adverb(w.text))
        .any(|w| MODALS.contains(&w.lower) && !is_name_inside(own, w))
}

/// "noted on Friday that", "recalled in 2008 that", "wrote for the paper that": "that" after a
/// short phrase of time, place or medium that opens with a preposition and holds no verb.
fn that_after_a_phrase(own: &Own, verb_end: usize) -> bool {
    let Some(first) = own.next_word(verb_end) else {
        return false;
    };
    let opens = matches!(
        first.lower.as_ref(),
        "in" | "on" | "at" | "during" | "last" | "earlier" | "this" | "for" | "after" | "before"
    );
    let mut end = verb_end;
    opens
        && own
            .after(verb_end)
            .take(6)
            .take_while(|w| {
                let gap = &own.text[end..w.range.start];
                end = w.range.end;
                !gap.contains([',', ';', ':', '(', '"', '\u{201c}', '\u{2014}'])
            })
            .skip(2)
            .take_while(|w| w.is("that") || !VERBISH.contains(&w.lower))
            .any(|w| w.is("that"))
}

/// A setting or an audience right after a verb: "noted in a statement", "added to reporters".
fn setting_or_audience(own: &Own, at: usize) -> bool {
    own.next_word(at).is_some_and(|w| {
        let phrase = &own.text[w.range.start..];
        CUES.settings.opens(phrase) || CUES.audiences.opens(phrase)
    })
}

/// What may follow a past-tense weak verb to make it a report ("..., Zhao added."): a stop or
/// a quotation mark, "that", "separately", a setting, an audience, a channel ("wrote on social
/// media"), "at a ...", or a document ("cited the annual report").
fn reports_after_past(own: &Own, at: usize) -> bool {
    let rest = own.text[at..].trim_start();
    let stops = [',', ':', ';', '.', '!', '?', '"', '\u{201c}', '\u{201d}'];
    if rest.is_empty() || rest.starts_with(stops) || rest.starts_with("that") {
        return true;
    }
    let Some(next) = own.next_word(at) else {
        return false;
    };
    let then = own.next_word(next.range.end);
    let document =
        |w: Option<&OwnWord>| w.is_some_and(|w| CUES.documents.contains(w.lower.as_ref()));
    next.is("separately")
        || setting_or_audience(own, at)
        || CUES.channels.opens(&own.text[next.range.start..])
        || (next.is("at") && then.is_some_and(|w| w.is("a") || w.is("an")))
        || (matches!(next.lower.as_ref(), "the" | "a" | "an" | "its" | "their")
            && (document(then) || document(then.and_then(|w| own.next_word(w.range.end)))))
}
