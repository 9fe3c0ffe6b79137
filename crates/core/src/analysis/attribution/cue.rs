//! Reading a sentence's attribution: a reporting cue with a source, or a broken one.
//!
//! Works on the reporter's own words (quotations blanked, see `quote`), so a "said" inside a
//! quotation attributes nothing.

use super::lexicon::phrases::Phrases;
use super::lexicon::*;
use super::own::{is_space, Own, OwnWord};
use crate::analysis::tokens::is_never_a_name;
use std::ops::Range;

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
    let mut cues = cues(own, &CUES.weak)
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

/// Where `phrases` stand in the sentence as cues, not as words of a name.
fn cues<'s>(own: &'s Own, phrases: &'s Phrases) -> impl Iterator<Item = Range<usize>> + 's {
    phrases
        .find_iter(own.text)
        .filter(|m| !in_a_name(own, m.clone()))
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
    let s = own.text;
    let strong = cues(own, &CUES.speech).any(|m| {
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
}

/// Who answered a poll, which is then the source: "respondents", "the voters polled", "those
/// surveyed". "Polled" and "surveyed" describe people after a plural noun or "those"; as a verb
/// after another subject ("He surveyed the damage") they name no poll. A relative clause or a
/// comparison describes someone by them ("a voter who was among those surveyed"), and speaks
/// for no poll.
fn names_respondents(own: &Own) -> bool {
    own.words.iter().enumerate().any(|(i, w)| {
        let described = own.words[..i]
            .iter()
            .any(|p| matches!(p.lower.as_str(), "who" | "which" | "like" | "among"));
        CUES.respondents.contains(w.lower.as_str())
            && !described
            && (w.lower.ends_with('s')
                || i.checked_sub(1)
                    .and_then(|p| own.words.get(p))
                    .is_some_and(|p| {
                        is_space(&own.text[p.range.end..w.range.start])
                            && (p.is("those") || is_plural_noun(p))
                    }))
    })
}

/// A document or data set that frames what the sentence reports: "in the latest city poll",
/// "in her 2019 memoir", "under the new law". The noun comes within a short noun phrase after
/// the preposition, with nothing but words between ("in a poll, which ..." is not read past
/// the comma).
fn document_setting(own: &Own) -> bool {
    own.words.iter().enumerate().any(|(i, w)| {
        let (nouns, polls) = match w.lower.as_str() {
            "in" => (&CUES.document_settings, Some(&CUES.polls)),
            "under" => (&CUES.rule_settings, None),
            _ => return false,
        };
        // It frames the sentence or a figure: it opens the sentence or a clause ("In a new
        // poll, ...", "..., under the plan"), or follows a figure ("10 percent in the latest
        // poll"), not a noun it belongs to ("the change in its projections").
        let before = own.text[..w.range.start].trim_end();
        let frames = before.is_empty()
            || before.ends_with(',')
            || (i == 1 && matches!(own.words[0].lower.as_str(), "and" | "but" | "yet"))
            || own.words[..i]
                .last()
                .is_some_and(|p| FIGURE_UNITS.contains(&p.lower) || p.text.ends_with('%'));
        // A pollster's name may run long: "in an NBC News/Wall Street Journal poll".
        let mut end = w.range.end;
        let mut phrase = own.words[i + 1..].iter().take(8).take_while(|next| {
            let gap = &own.text[end..next.range.start];
            end = next.range.end;
            // A clause or an infinitive ends the phrase: "in the day after polls closed",
            // "in Florida to take advantage of falling poll numbers".
            let ends = matches!(
                next.lower.as_str(),
                "to" | "after" | "before" | "since" | "until" | "as" | "than"
            );
            gap.chars().all(|c| c.is_whitespace() || c == '/')
                && !VERBISH.contains(&next.lower)
                && !ends
        });
        // A poll frames a figure wherever it stands ("she trails him by 9 points in the
        // polls"), but not a sentence with none ("because of his rise in the polls"); a document
        // elsewhere may be what a noun is about ("the change in its projections").
        phrase.any(|next| {
            (frames && nouns.contains(next.lower.as_str()))
                || (polls.is_some_and(|p| p.contains(next.lower.as_str())) && has_figure(own))
        })
    })
}

/// Whether the sentence holds a number or a unit of one: "9 points", "nine percent".
fn has_figure(own: &Own) -> bool {
    own.words
        .iter()
        .any(|w| w.text.chars().any(|c| c.is_ascii_digit()) || FIGURE_UNITS.contains(&w.lower))
}

/// Whether `s` names data with their source: what a source after a comma may be instead of a
/// person ("..., a survey by Gallup.").
pub fn is_data_source(s: &str) -> bool {
    names_data_source(&Own::from_text(s))
}

/// Data named with their source and no verb: "data from the statistics bureau", "a survey by
/// Gallup".
fn names_data_source(own: &Own) -> bool {
    CUES.data_links.find_iter(own.text).any(|link| {
        own.before(link.start).next().is_some_and(|w| {
            CUES.data.contains(w.lower.as_str()) && is_space(&own.text[w.range.end..link.start])
        })
    })
}

/// "The agency put the death toll at 40": an estimate, which attributes like a speech verb.
fn puts_a_figure(own: &Own) -> bool {
    CUES.put.find_iter(own.text).any(|m| {
        let words: Vec<&OwnWord> = own.after(m.end).take(4).collect();
        // "put the toll at", "puts the mayor's approval at".
        let determined = words.first().is_some_and(|w| {
            matches!(w.lower.as_str(), "the" | "its" | "their" | "his" | "her")
                || w.text.ends_with("'s")
                || w.text.ends_with("\u{2019}s")
        });
        // The tally right after the determiner, or after one word ("the death toll").
        let at = |i: usize| {
            words
                .get(i)
                .is_some_and(|w| CUES.tallies.contains(w.lower.as_str()))
                && words.get(i + 1).is_some_and(|w| w.is("at"))
        };
        determined && (at(1) || at(2))
    })
}

/// Whether a reporting verb with its source stands in `s`: what a source named after a comma
/// needs ("..., the ministry said"). "According to" counts; a setting ("in a statement") or a
/// data source ("data from the exchange") does not.
pub fn has_reporting_verb(s: &str) -> bool {
    let own = Own::from_text(s);
    cues(&own, &CUES.speech).next().is_some() || puts_a_figure(&own) || weak_verb_reports(&own)
}

/// The first cue that attributes the sentence: a speech verb, or a weak verb in a reporting
/// construction.
pub(super) fn first_reporting_cue(own: &Own) -> Option<Range<usize>> {
    let speech = cues(own, &CUES.speech).next();
    let weak = cues(own, &CUES.weak).find(|m| weak_cue_reports(own, m.clone()));
    speech.into_iter().chain(weak).min_by_key(|m| m.start)
}

fn weak_verb_reports(own: &Own) -> bool {
    cues(own, &CUES.weak).any(|m| weak_cue_reports(own, m))
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

/// A weak verb reports when a source stands before it ("Zhao noted", "the ministry also
/// estimated") or a report follows it ("noted that", "..., it added.").
fn weak_cue_reports(own: &Own, verb: Range<usize>) -> bool {
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
        && previous.is_some_and(|w| matches!(w.lower.as_str(), "is" | "are" | "was" | "were"));
    let previous = match previous {
        Some(aux) if progressive => own
            .before(aux.range.start)
            .take(3)
            .find(|w| !LINKING_WORDS.contains(&w.lower) && !is_manner_adverb(w.text)),
        _ => previous,
    };
    let lower_prev = previous.map(|w| w.lower.as_str());
    let passive = lower_prev.is_some_and(|w| NOT_A_REPORT_BEFORE.contains(w));
    let next = own.next_word(verb.end);
    if is_a_noun(own, &verb, next) {
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
        .is_some_and(|w| is_source_word(w.text) || CUES.vague_sources.contains(w.lower.as_str()));
    if source || appositive_source(own, verb.start) || after_quotation(own, verb.clone()) {
        return true;
    }
    if document_subject(own, verb.start) {
        return true;
    }
    if is_stance(own, &verb) && stance_has_subject(own, &verb, previous) {
        return true;
    }
    // After a determiner the word is a noun ("the report", "a claim"), not a verb.
    if lower_prev.is_some_and(|w| {
        matches!(
            w,
            "the" | "a" | "an" | "this" | "its" | "their" | "his" | "her" | "our"
        )
    }) {
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

/// "He would support ...", "They will definitely back ...": a modal before the verb (past
/// linking words and adverbs of manner) predicts a stance, which is the reporter's claim. A
/// capitalised modal inside the sentence is a name: "..., Will wrote."
pub(super) fn predicts(own: &Own, verb: usize) -> bool {
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
        first.lower.as_str(),
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

/// "Prices will rise, predicted the bank's chief economist.": a past-tense verb after a
/// comma, then its source and nothing more than an appositive. "Called" names ("a group,
/// called Open Doors,"), so it is left out.
fn inverted_after_comma(own: &Own, verb: &Range<usize>) -> bool {
    let word = own.text[verb.clone()].to_ascii_lowercase();
    let past = word.ends_with("ed") || IRREGULAR_PAST.contains(word.as_str());
    let source: Vec<&OwnWord> = own
        .after(verb.end)
        .take_while(|w| !own.text[verb.end..w.range.start].contains(','))
        .collect();
    let opens = source.first().is_some_and(|w| {
        matches!(
            w.lower.as_str(),
            "the" | "a" | "an" | "his" | "her" | "their"
        ) || is_name_word(w.text)
    });
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
fn after_quotation(own: &Own, verb: Range<usize>) -> bool {
    let before = own.text[..verb.start].trim_end();
    let closes = before.ends_with(['"', '\u{201d}']) || before.ends_with("''");
    // Inverted, the verb is in the past or the present ("wrote", "adds"); a bare form or an
    // adjective there describes the source ("\"...,\" state Sen. Ana Ruiz", "undecided voter").
    let word = own.text[verb.clone()].to_ascii_lowercase();
    let inverted = (word.ends_with("ed") || word.ends_with('s') || IRREGULAR_PAST.contains(&word))
        && !CUES.stance_adjectives.contains(word.as_str());
    closes
        && inverted
        && own.next_word(verb.end).is_some_and(|w| {
            matches!(
                w.lower.as_str(),
                "the" | "a" | "an" | "his" | "her" | "their"
            ) || is_source_word(w.text)
        })
}

/// A poll, report or data set as the subject of the verb: "A poll of the state released on
/// Tuesday showed ...". The subject runs from the clause's start (the sentence's start or a
/// comma) to the verb: it opens with a determiner or a name, names the document among its
/// first words, and holds no verb of its own but a participle ("released"), so neither "to"
/// nor an auxiliary ("uses big data to help brands find ..." is no subject).
fn document_subject(own: &Own, verb: usize) -> bool {
    let clause = own.text[..verb]
        .rfind([',', ';', ':', '\u{2014}'])
        .map_or(0, |c| c + 1);
    let subject: Vec<&OwnWord> = own
        .after(clause)
        .take_while(|w| w.range.end <= verb)
        .collect();
    let opens = subject.first().is_some_and(|w| {
        matches!(
            w.lower.as_str(),
            "a" | "an" | "the" | "this" | "that" | "these" | "its" | "their" | "his" | "her"
        ) || is_name_word(w.text)
    });
    let document = |w: &&OwnWord| {
        let lower = w.lower.as_str();
        CUES.data.contains(lower) || CUES.documents.contains(lower) || CUES.polls.contains(lower)
    };
    opens
        && subject.len() <= 14
        && subject.iter().take(5).any(document)
        && !subject
            .iter()
            .any(|w| w.is("to") || VERBISH.contains(&w.lower))
}

/// A capitalised word that does not open the sentence: a name, whatever else it spells
/// ("..., Will wrote", "\u{201c}...\u{201d} Will wrote").
fn is_name_inside(own: &Own, w: &OwnWord) -> bool {
    w.text.starts_with(char::is_uppercase) && !own.text[..w.range.start].trim().is_empty()
}

/// Whether the cue's word is a noun here: after "has" ("has support", not "has supported"),
/// or a stance's bare form before a noun's complement ("Republican support for the bill",
/// "demand among buyers"), which a verb of that sense does not take.
fn is_a_noun(own: &Own, verb: &Range<usize>, next: Option<&OwnWord>) -> bool {
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
        right_before.is_some_and(|w| matches!(w.lower.as_str(), "has" | "have" | "had" | "having"));
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
    let complement = next.is_some_and(|w| match w.lower.as_str() {
        "among" | "from" | "of" => true,
        "for" => !VERBS_WITH_FOR.contains(word.as_str()),
        _ => false,
    });
    qualified && bare && is_stance(own, verb) && complement
}

/// Whether the cue at `verb` is a belief or stance verb ("fear", "accuse").
fn is_stance(own: &Own, verb: &Range<usize>) -> bool {
    CUES.stances
        .contains(own.text[verb.clone()].to_ascii_lowercase().as_str())
}

/// A stance verb's subject that no source list names: a plural noun before a present-tense
/// verb ("Farmers fear", "Some undecided voters think"), or, for a verdict, any subject when
/// an object and "of", "for" or "as" follow ("The book accuses the mayor of ...", "The mayor
/// also dismissed the poll as ...").
fn stance_has_subject(own: &Own, verb: &Range<usize>, previous: Option<&OwnWord>) -> bool {
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
        matches!(d.lower.as_str(), "the" | "a" | "an" | "this" | "that")
            && previous.text.chars().all(|c| c.is_ascii_lowercase())
            && !NOT_PLURAL_NOUNS.contains(&previous.lower)
    });
    let clause = own.next_word(verb.end).is_some_and(|w| {
        matches!(
            w.lower.as_str(),
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "this"
                | "these"
                | "he"
                | "she"
                | "they"
                | "it"
                | "we"
                | "there"
        ) || is_name_word(w.text)
    });
    if !participle && (is_plural_noun(previous) || determined) && clause {
        return true;
    }
    let verdict = CUES
        .verdicts
        .contains(verb_text.to_ascii_lowercase().as_str());
    // A subject, not a determiner ("the blame for"), a conjunction or a preposition.
    let subject = !matches!(
        previous.lower.as_str(),
        "the"
            | "a"
            | "an"
            | "this"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "of"
            | "with"
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
        .is_some_and(|w| !matches!(w.lower.as_str(), "of" | "for" | "as" | "to" | "by"));
    let complement = own
        .after(verb.end)
        .skip(1)
        .take(5)
        .any(|w| matches!(w.lower.as_str(), "of" | "for" | "as"));
    verdict && !participle && subject && object && complement
}

/// A plural noun that can be a subject: "farmers", "Republicans" (not "was", "this", "its").
pub(super) fn is_plural_noun(w: &OwnWord) -> bool {
    let lower = w.lower.as_str();
    lower.len() >= 4
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && lower.chars().all(char::is_alphabetic)
        && !NOT_PLURAL_NOUNS.contains(lower)
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
        |w: Option<&OwnWord>| w.is_some_and(|w| CUES.documents.contains(w.lower.as_str()));
    next.is("separately")
        || setting_or_audience(own, at)
        || CUES.channels.opens(&own.text[next.range.start..])
        || (next.is("at") && then.is_some_and(|w| w.is("a") || w.is("an")))
        || (matches!(next.lower.as_str(), "the" | "a" | "an" | "its" | "their")
            && (document(then) || document(then.and_then(|w| own.next_word(w.range.end)))))
}

/// "Okafor, a lawyer for the family, predicted ...": a source before an appositive set off by
/// commas just before the verb.
fn appositive_source(own: &Own, verb: usize) -> bool {
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
    let opens = appositive
        .next()
        .is_some_and(|w| matches!(w.text, "a" | "an" | "the" | "who"));
    opens
        && appositive.count() < 14
        && own
            .before(comma)
            .next()
            .is_some_and(|w| is_name_word(w.text) || ROLE_NOUNS.contains_any_case(w.text))
}

/// "Voters quickly accused ...", "He strongly suggested ...": an adverb of manner between a
/// source and its verb.
pub(super) fn is_manner_adverb(w: &str) -> bool {
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
        .filter(|(p, aux)| {
            SUBJECT_PRONOUNS.contains(p.to_lowercase().as_str())
                && matches!(*aux, "s" | "re" | "ve")
        })
        .map_or(w, |(p, _)| p);
    let lower = w.to_lowercase();
    // Plurals: "reports", "aides", "analyses" is rare enough to leave.
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    if PRONOUNS.contains(lower.as_str())
        || ROLE_NOUNS.contains(lower.as_str())
        || ROLE_NOUNS.contains(singular)
    {
        return true;
    }
    is_name_word(w)
}

pub fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && !w.chars().any(|c| c.is_ascii_digit())
        && !is_never_a_name(w)
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::cues::entries;
    use super::super::lexicon::phrases::Phrases;
    use super::*;

    /// Every cue in the lexicon attributes its own example, which uses one of its forms.
    #[test]
    fn every_lexicon_entry_attributes_its_example() {
        let mut unattributed = Vec::new();
        for entry in entries() {
            let entry = entry.unwrap_or_else(|line| panic!("malformed lexicon line: {line}"));
            let own = Own::from_text(entry.example);
            let mentions = Phrases::new(entry.forms.iter().copied()).is_match(entry.example);
            assert!(
                mentions,
                "{:?}: the example uses none of its forms",
                entry.forms
            );
            if !is_attributed(&own) {
                unattributed.push(entry.example);
            }
        }
        assert!(unattributed.is_empty(), "not attributed: {unattributed:#?}");
    }

    #[test]
    fn reporting_verbs_in_every_position() {
        for s in [
            "Zhao said the two sides should cooperate.",
            "The two sides should cooperate, Zhao said.",
            "The two sides should cooperate, said Zhao.",
            "The two sides, Zhao said, should cooperate.",
            "Trade rose, Yang Jin, an associate research fellow at CASS, told the Global Times.",
            "He added that trade would grow.",
            "It has immense potential, Zhao added.",
            "Trade rose 5 percent, according to customs data.",
            "Data from the National Bureau of Statistics show output rose 5 percent.",
            "A survey by the central bank found that 40 percent of firms plan to hire.",
            "Analysts expect growth of 5 percent.",
            "Officials estimated the damage at $2 billion.",
            "Experts say the economy will recover.",
            "Xinhua reported that the talks were fruitful.",
            "Exports rose 5 percent, the ministry noted in a statement.",
            "Farmers fear the new tariffs will close their markets.",
            "Some economists are concerned about the size of the deficit.",
            "The ministry on Friday dismissed the report as baseless.",
            "Critics accuse the council of wasting money.",
            "Local officials worry that the bridge will not reopen.",
            "More than half the money came from abroad, campaign filings show.",
            "Opponents quickly accused the council of hiding the cost.",
            "Okafor, a lawyer for the tenants, predicted rents would double.",
            "Okafor, a lawyer for the tenants, has repeatedly predicted the biggest rise in years.",
            "After the floods, Will believes the levy is the worst in years.",
            "Many of her aides feel the race is already lost.",
            "Some voters feel the count was wrong.",
            "In the latest county poll, the mayor leads her rival 51 percent to 40 percent.",
            "The senator fell to 9 percent in a survey released on Tuesday.",
            "Under the new contract, drivers will earn 12 percent more.",
            "The index puts the mayor's approval at 38 percent.",
            "The governor has proposed a 4 percent rise in the fuel tax.",
            "Councillors, who suspected that the budget was the largest ever, asked for an audit.",
            "Most tenants approve of the 2 percent cap.",
            "City officials are hoping the new line will carry 40,000 riders a day.",
            "The lawsuit alleges the landlord overcharged 300 tenants.",
            // After a quotation, before its source.
            "\u{201c}It is over,\u{201d} wrote Okafor, the worst critic of the plan.",
            "\u{201c}Rents will rise,\u{201d} added the landlord, who owns 40 flats.",
            // A name that spells a modal.
            "In particular, Will wrote, the plan is the costliest yet.",
            "The tenants admit that, given the costs, rents will rise.",
            "As reported by the paper, fares rose 12 percent last year.",
            // Polls: their subjects, their respondents, and "in the polls" anywhere.
            "A poll of the county released on Friday showed the mayor with a 9-point lead.",
            "Of the drivers surveyed, 40 percent want the toll scrapped.",
            "Those polled were evenly split on the new tax.",
            "Respondents rated the service the worst in the region.",
            "She trails him by 9 points in the latest county polls.",
            "In a Daily Courier/Harbour Radio Morning poll, 50 percent back the mayor.",
            // A stance in the past with a plural or a determined subject and an object.
            "Landlords feared the rise would be the biggest ever.",
            "The landlord feared the rise would be the biggest ever.",
            "She's hoping the vote will be the closest in years.",
            // Inverted after a comma; "that" after a phrase of time; a clause after a colon.
            "Fares will rise, predicted the bank's chief economist.",
            "The mayor noted on Friday that fares had doubled.",
            "It was a hard sell: According to the union, pay fell 9 percent.",
        ] {
            assert!(is_attributed(&Own::from_text(s)), "{s}");
        }
    }

    #[test]
    fn everyday_senses_of_weak_verbs_do_not_attribute() {
        for s in [
            "The economy added 500,000 jobs last year.",
            "Growth was stronger than expected at 5.2 percent.",
            "The fire claimed 20 lives.",
            "Unemployment reached a record 10 percent in the state.",
            "The bank's new project will cost $5 billion.",
            "Volodin's visit underscored the importance of cooperation.",
            "Bilateral trade reached a record 245 billion US dollars last year.",
            "The streets were worried and silent, the worst in years.",
            "A rejected bid cost the city $2 million.",
            "He would support any tax below 5 percent.",
            "Republican support for the bill rose to 60 percent.",
            "The mayor's report was the longest in years.",
            "Tenants who oppose the rise were the loudest at the meeting.",
            "The change in its projections was the biggest since 2009.",
            "The council has support from 40 percent of residents.",
            "The assembly approved the budget by 50 votes to 12.",
            "Turnout fell as the party remained divided, and the vote was the lowest ever.",
            // A cue word that belongs to a name.
            "Exports to the United States rose 40 percent.",
            "The Golden State Warriors Report was the best-selling annual.",
            // A scare quote is no quotation of a source; a verb with an object surveys no one.
            "The so-called \u{201c}reform\u{201d} added 40 percent to the bills.",
            "He surveyed the damage, the worst in a decade.",
            // A modal opening the sentence is a modal.
            "Will the tenants claim the rise was the biggest ever?",
            // A poll is no source of a sentence without a figure, nor respondents of a
            // description, nor an adjective after a quotation of its noun.
            "He is under attack because of his rise in the polls.",
            "The campaign raised $6 million in the day after polls closed.",
            "She opened 10 offices in the state to exploit his falling poll numbers.",
            "\u{201c}We are tying their hands,\u{201d} state Sen. Ana Ruiz at the hearing.",
            "\u{201c}We are tying their hands,\u{201d} State Senator Ana Ruiz at the hearing.",
            "The \u{201c}fair\u{201d} deal hurt a trader who was among those surveyed, the worst hit.",
            "The company uses big data to help brands find the cheapest suppliers.",
            // A participle describing its noun; a modal past an adverb; a naming "called".
            "The changes proposed by the council were the biggest ever.",
            "They would definitely support the biggest cut ever.",
            "The levy rose, called the Fair Share scheme, to the highest in years.",
        ] {
            assert!(!is_attributed(&Own::from_text(s)), "{s}");
        }
    }
}
