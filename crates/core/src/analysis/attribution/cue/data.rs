//! Attribution to data and documents without a speech verb: a poll or a law framing the
//! sentence ("in the latest city poll", "under the new law"), data named with their source ("a
//! survey by Gallup"), an estimate ("put the death toll at 40"), a poll's respondents, and a
//! document as the subject of a weak verb ("A poll released on Tuesday showed ...").

use super::super::lexicon::*;
use super::super::own::{is_space, Own, OwnWord};
use super::source::{is_name_word, is_plural_noun};

/// Who answered a poll, which is then the source: "respondents", "the voters polled", "those
/// surveyed". "Polled" and "surveyed" describe people after a plural noun or "those"; as a verb
/// after another subject ("He surveyed the damage") they name no poll. A relative clause or a
/// comparison describes someone by them ("a voter who was among those surveyed"), and speaks
/// for no poll.
pub(super) fn names_respondents(own: &Own) -> bool {
    own.words.iter().enumerate().any(|(i, w)| {
        // Looked back for only at a respondent: a scan of the words before each word is slow.
        let described = || {
            own.words[..i]
                .iter()
                .any(|p| matches!(p.lower.as_ref(), "who" | "which" | "like" | "among"))
        };
        CUES.respondents.contains(w.lower.as_ref())
            && !described()
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
pub(super) fn document_setting(own: &Own) -> bool {
    own.words.iter().enumerate().any(|(i, w)| {
        let (nouns, polls) = match w.lower.as_ref() {
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
            || (i == 1 && matches!(own.words[0].lower.as_ref(), "and" | "but" | "yet"))
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
                next.lower.as_ref(),
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
            (frames && nouns.contains(next.lower.as_ref()))
                || (polls.is_some_and(|p| p.contains(next.lower.as_ref())) && has_figure(own))
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
    // As `names_data_source` needs, before reading `s` as a sentence.
    CUES.data_links.is_match(s) && names_data_source(&Own::from_text(s))
}

/// Data named with their source and no verb: "data from the statistics bureau", "a survey by
/// Gallup".
pub(super) fn names_data_source(own: &Own) -> bool {
    CUES.data_links.find_iter(own.text).any(|link| {
        own.before(link.start).next().is_some_and(|w| {
            CUES.data.contains(w.lower.as_ref()) && is_space(&own.text[w.range.end..link.start])
        })
    })
}

/// "The agency put the death toll at 40": an estimate, which attributes like a speech verb.
pub(super) fn puts_a_figure(own: &Own) -> bool {
    CUES.put.find_iter(own.text).any(|m| {
        let words: Vec<&OwnWord> = own.after(m.end).take(4).collect();
        // "put the toll at", "puts the mayor's approval at".
        let determined = words.first().is_some_and(|w| {
            matches!(w.lower.as_ref(), "the" | "its" | "their" | "his" | "her")
                || w.text.ends_with("'s")
                || w.text.ends_with("\u{2019}s")
        });
        // The tally right after the determiner, or after one word ("the death toll").
        let at = |i: usize| {
            words
                .get(i)
                .is_some_and(|w| CUES.tallies.contains(w.lower.as_ref()))
                && words.get(i + 1).is_some_and(|w| w.is("at"))
        };
        determined && (at(1) || at(2))
    })
}

/// A poll, report or data set as the subject of the verb: "A poll of the state released on
/// Tuesday showed ...". The subject runs from the clause's start (the sentence's start or a
/// comma) to the verb: it opens with a determiner or a name, names the document among its
/// first words (a pollster's name may run long: "A USA Today/Suffolk University poll"), and
/// holds no verb of its own but a participle ("released"), so neither "to" nor an auxiliary
/// ("uses big data to help brands find ..." is no subject).
pub(super) fn document_subject(own: &Own, verb: usize) -> bool {
    subject_names(own, verb, |lower| {
        CUES.data.contains(lower) || CUES.documents.contains(lower) || CUES.polls.contains(lower)
    })
}

/// A poll or a count that gives a figure with an everyday verb: "The latest county poll has
/// the mayor at 41 percent", "The official count gives her 1,280 votes", "A poll of the city
/// puts her lead at 9 points".
pub(super) fn poll_gives_a_figure(own: &Own) -> bool {
    let poll = |lower: &str| CUES.polls.contains(lower) || POLL_COUNTS.contains(lower);
    has_figure(own)
        && own
            .words
            .iter()
            .any(|w| POLL_VERBS.contains(&w.lower) && subject_names(own, w.range.start, poll))
}

/// What gives a figure as a poll does: "the official count", "an average of the polls".
static POLL_COUNTS: Words = Words::new("count tally average");

/// Everyday verbs with which a poll gives its figures.
static POLL_VERBS: Words = Words::new("has had gives gave puts put");

/// Whether the subject of the verb at `verb` names what `names` accepts among its first words.
fn subject_names(own: &Own, verb: usize, names: impl Fn(&str) -> bool) -> bool {
    let clause = own.text[..verb]
        .rfind([',', ';', ':', '\u{2014}'])
        .map_or(0, |c| c + 1);
    let subject: Vec<&OwnWord> = own
        .after(clause)
        .take_while(|w| w.range.end <= verb)
        .collect();
    // "to" between figures is a range, not an infinitive: "a survey of those 18 to 35 ...".
    let number =
        |w: Option<&&OwnWord>| w.is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_digit()));
    let infinitive = |i: usize| {
        subject[i].is("to") && !(i > 0 && number(subject.get(i - 1)) && number(subject.get(i + 1)))
    };
    let opens = subject.first().is_some_and(|w| {
        NOUN_DETERMINERS.contains(&w.lower) || w.is("that") || is_name_word(w.text)
    });
    // A word after a preposition or a determiner is a noun: "as secretary of state", "in
    // these states".
    let after_preposition = subject.last().is_some_and(|w| {
        NOUN_DETERMINERS.contains(&w.lower)
            || matches!(
                w.lower.as_ref(),
                "of" | "in" | "on" | "at" | "for" | "from" | "with" | "by" | "about" | "as"
            )
    });
    opens
        && !after_preposition
        && subject.len() <= 16
        && subject.iter().take(8).any(|w| names(&w.lower))
        && !(0..subject.len()).any(|i| infinitive(i) || VERBISH.contains(&subject[i].lower))
}
