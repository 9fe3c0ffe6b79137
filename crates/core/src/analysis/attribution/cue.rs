//! Reading a sentence's attribution: a reporting cue with a source, or a broken one.
//!
//! Works on the reporter's own words (quotations blanked, see `quote`), so a "said" inside a
//! quotation attributes nothing. A sentence is attributed by a speech verb ("said", "according
//! to"), by data or a document ([`data`]), by a weak verb that reports ([`weak`]), among them
//! stances ([`stance`]), with a source where [`source`] finds one, or by an opinion owned
//! without a verb (`opinion`).

mod data;
mod source;
mod stance;
mod weak;

#[cfg(test)]
mod tests;

pub use data::is_data_source;
pub(super) use source::{is_manner_adverb, is_plural_noun};
pub use source::{is_name_word, is_source_word};
pub(super) use weak::predicts;

use super::lexicon::phrases::Phrases;
use super::lexicon::*;
use super::own::{is_space, Own, OwnWord};
use data::{
    document_setting, names_data_source, names_respondents, poll_gives_a_figure, puts_a_figure,
};
use stance::is_stance;
use std::ops::Range;
use weak::weak_cue_reports;

/// Whether the sentence carries a reporting cue with a source.
pub fn is_attributed(own: &Own) -> bool {
    reported(own) || weak_verb_reports(own) || super::opinion::holds_opinion(own)
}

/// Where the first stance cue starts when the sentence is attributed by stances alone
/// ("Most voters oppose ...", "Farmers fear ..."), which speak for what their holders think
/// but not for a count of the holders.
pub fn stance_only(own: &Own) -> Option<usize> {
    if reported(own) {
        return None;
    }
    let mut cues = weak_cues(own)
        .filter(|m| weak_cue_reports(own, m.clone()))
        .peekable();
    let first = cues.peek().map(|m| m.start)?;
    let stance = |m: &Range<usize>| {
        is_stance(own, m)
            || CUES
                .stance_adjectives
                .contains(own.text[m.clone()].to_ascii_lowercase().as_str())
    };
    cues.all(|m| stance(&m)).then_some(first)
}

/// Where the speech cues stand in the sentence (see [`cues`]).
fn speech_cues<'s>(own: &'s Own) -> impl Iterator<Item = Range<usize>> + 's {
    own.speech_cues
        .get_or_init(|| cues(own, &CUES.speech).collect())
        .iter()
        .cloned()
}

/// Where the weak cues stand in the sentence (see [`cues`]).
fn weak_cues<'s>(own: &'s Own) -> impl Iterator<Item = Range<usize>> + 's {
    own.weak_cues
        .get_or_init(|| cues(own, &CUES.weak).collect())
        .iter()
        .cloned()
}

/// Where `phrases` stand in the sentence as cues, not as words of a name nor as plural nouns.
fn cues<'s>(own: &'s Own, phrases: &'s Phrases) -> impl Iterator<Item = Range<usize>> + 's {
    phrases.find_iter(own.text).filter(|m| {
        !in_a_name(own, m.clone())
            && !counted_plural(own, m.clone())
            && !plural_subject(own, m.clone())
    })
}

/// Verbs that agree with a plural subject, not with "he" or "it": after a cue in "-s" they
/// make it a noun, the subject ("Those states are", "His remarks were", "the reports have").
static PLURAL_VERBS: Words = Words::new("are were have will would can could should may might must");

/// A cue in "-s" right before a plural's verb is a plural noun: "member states have pledged",
/// "his remarks were the worst", which report nothing. Not after a relative word and a source
/// (a name, pronoun or role), the cue's subject in a clause that lacks its own: "which the agency estimates will
/// cost", "what she thinks would work" (but "which states will vote").
fn plural_subject(own: &Own, cue: Range<usize>) -> bool {
    let word = &own.text[cue.clone()];
    let mut before = own.before(cue.start);
    let subject = before.next().is_some_and(|w| is_source_word(w.text));
    let relative = subject
        && before
            .take(4)
            .any(|w| matches!(w.lower.as_ref(), "which" | "that" | "what" | "who" | "whom"));
    !relative
        && !word.contains(' ')
        && word.ends_with('s')
        && !word.ends_with("ss")
        && own.next_word(cue.end).is_some_and(|w| {
            let past = w.lower.ends_with("ed");
            // "Ten states sued the agency", "member states agreed to": a past verb with its
            // object or "to" after it, where an adjective ("reports increased sales") has a noun.
            let object = own
                .next_word(w.range.end)
                .is_some_and(|o| NOUN_DETERMINERS.contains(&o.lower) || o.is("to"));
            PLURAL_VERBS.contains(&w.lower) || past && object
        })
}

/// Words that count a plural noun after them, which no verb in "-s" agrees with: "both
/// states", "15 states", "many reports", "a million tweets".
static COUNTING: Words = Words::new(
    "both many several few various numerous other all two three four five six seven eight \
    nine ten dozen dozens hundreds thousands million millions billion",
);

/// A cue in "-s" right after a counting word or a number is a plural noun: "in both states",
/// "the 15 states that voted"; not after a name's number ("Article 5 states that ...").
fn counted_plural(own: &Own, cue: Range<usize>) -> bool {
    let word = &own.text[cue.clone()];
    if word.contains(' ') || !word.ends_with('s') || word.ends_with("ss") {
        return false;
    }
    let mut before = own.before(cue.start);
    let Some(count) = before.next() else {
        return false;
    };
    if !is_space(&own.text[count.range.end..cue.start]) {
        return false;
    }
    let number = count.text.bytes().all(|b| b.is_ascii_digit() || b == b',');
    let named = before.next().is_some_and(|w| {
        w.text.starts_with(char::is_uppercase) && !NOUN_DETERMINERS.contains(&w.lower)
    });
    COUNTING.contains(&count.lower) || (number && !named)
}

/// A cue word capitalised after the sentence's first word (or after a quotation opening it)
/// belongs to a name or title ("the United States", "Islamic State", "The Late Show", "\"...,\"
/// State Senator Ana Ruiz"), which reports nothing.
fn in_a_name(own: &Own, cue: Range<usize>) -> bool {
    // After a colon a capital opens a clause: "It has not gone unnoticed: According to ...".
    let before = own.text[..cue.start].trim();
    is_name_word(&own.text[cue.clone()]) && !before.is_empty() && !before.ends_with(':')
}

/// Attributed by anything but a weak verb: a speech verb, an estimate, a setting or data.
fn reported(own: &Own) -> bool {
    *own.reported.get_or_init(|| reads_reported(own))
}

fn reads_reported(own: &Own) -> bool {
    let s = own.text;
    let strong = speech_cues(own).any(|m| {
        let after = &s[m.end..];
        let names_something = after
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        !s[m].eq_ignore_ascii_case("according to") || names_something
    });
    strong
        || puts_a_figure(own)
        || CUES.settings.is_match(s)
        || names_data_source(own)
        || document_setting(own)
        || names_respondents(own)
        || poll_gives_a_figure(own)
}

/// Whether a reporting verb with its source stands in `s`: what a source named after a comma
/// needs ("..., the ministry said"). "According to" counts; a setting ("in a statement") or a
/// data source ("data from the exchange") does not.
pub fn has_reporting_verb(s: &str) -> bool {
    // Each test needs one of these phrases: most words and segments asked about hold none, and
    // looking costs far less than reading `s` as a sentence.
    if ![&CUES.speech, &CUES.put, &CUES.weak]
        .iter()
        .any(|cues| cues.is_match(s))
    {
        return false;
    }
    let own = Own::from_text(s);
    cues(&own, &CUES.speech).next().is_some() || puts_a_figure(&own) || weak_verb_reports(&own)
}

/// The first cue that attributes the sentence: a speech verb, or a weak verb in a reporting
/// construction.
pub(super) fn first_reporting_cue(own: &Own) -> Option<Range<usize>> {
    let speech = speech_cues(own).next();
    // Cues come in order, and one from the speech verb on would not come first.
    let weak = weak_cues(own)
        .take_while(|m| speech.as_ref().is_none_or(|sp| m.start < sp.start))
        .find(|m| weak_cue_reports(own, m.clone()));
    speech.into_iter().chain(weak).min_by_key(|m| m.start)
}

fn weak_verb_reports(own: &Own) -> bool {
    weak_cues(own).any(|m| weak_cue_reports(own, m))
}

/// An attribution to data or a document alone, which later sentences cannot continue.
/// "according to official results" names data, not officials.
pub fn attributed_to_data_only(own: &Own) -> bool {
    let data = |w: &OwnWord| DATA_WORDS.contains(&w.lower);
    own.words.iter().any(data)
        && !person_speaks(own).any(|end| !own.after(end).next().is_some_and(data))
}

/// Where a person is said to speak: after a speech verb ("said") or "according to" an
/// official source ("according to the ministry", "according to state officials").
fn person_speaks<'s>(own: &'s Own) -> impl Iterator<Item = usize> + 's {
    let words = &own.words;
    words.iter().enumerate().filter_map(move |(i, w)| {
        if SPEECH_VERBS.contains(&w.lower) && !in_a_name(own, w.range.clone()) {
            return Some(w.range.end);
        }
        if !(w.is("according") && words.get(i + 1).is_some_and(|w| w.is("to"))) {
            return None;
        }
        let source = i + 2 + usize::from(words.get(i + 2).is_some_and(|w| w.is("the")));
        words[source.min(words.len())..]
            .iter()
            .take(2)
            .find(|w| OFFICIAL_SOURCES.contains(&w.lower))
            .map(|w| w.range.end)
    })
}
