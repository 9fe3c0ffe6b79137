//! A source at the head of a clause inside the sentence, with no verb after it: "..., but he
//! that the plan would fail", "... after Okafor she was ready to run", "In the end, she the
//! vote was lost."
//!
//! Inside a sentence a subject follows a conjunction ("and", "while", "after") or a comma, a
//! semicolon or a dash. The sentence's own verb may stand anywhere, so only what never follows
//! a subject counts: after "he", "she", "they", "we" or "I", a "that" clause, a determiner, a
//! second subject pronoun ("it" or "there" too, with its verb), "how" or "why", or a name
//! before a lower-case word; after a name, a subject
//! pronoun ("... and Okafor he would ..."), a possessive ("After Okafor his ..."), or a "that"
//! opening a clause. A name followed by "the" or "a" is left alone: "Lee won the north and
//! Okafor the south" only leaves out a repeated verb. A relative "who" after a comma is a
//! source too when a reported clause follows it straight away ("..., Okafor, who that the
//! plan ...").

use super::leading::{clause_without_main_verb, opens_a_clause, that_with_no_verb};
use super::plural::{is_finite, is_plural};
use super::{lower, name_len, role_len};
use crate::analysis::attribution::cue::is_name_word;
use crate::analysis::attribution::lexicon::{Words, SUBJECT_PRONOUNS};
use crate::analysis::tokens::strip_possessive;
use std::ops::Range;

/// Words that open a clause inside a sentence, straight before its subject.
static CLAUSE_OPENERS: Words = Words::new(
    "and but while when after though although because since whereas before if until once as",
);

/// Clause openers that are never prepositions.
static CONJUNCTIONS_ONLY: Words = Words::new("while though although because whereas when if");

/// Determiners that open a noun phrase, so never follow a subject pronoun: "he the plan".
static DETERMINERS: Words = Words::new("the a an his her their its this these those");

/// The source and where its verb belongs. `s` is the sentence with its quotations blanked.
pub fn inner_source(s: &str, words: &[(usize, &str)]) -> Option<(Range<usize>, usize)> {
    (1..words.len()).find_map(|k| {
        let before = k
            .checked_sub(2)
            .map_or(0, |j| words[j].0 + words[j].1.len());
        let between = &s[before..words[k].0];
        let after_opener = CLAUSE_OPENERS.contains_any_case(words[k - 1].1)
            && !between.contains(['"', '\u{201c}', '\u{201d}', '(', ')']);
        let gap = &s[words[k - 1].0 + words[k - 1].1.len()..words[k].0];
        let after_mark = gap.contains([',', ';', '\u{2014}', '\u{2013}'])
            && !gap.contains(['"', '\u{201c}', '\u{201d}', '(', ')']);
        if !(after_opener || after_mark) {
            return None;
        }
        let opener = lower(words[k - 1].1);
        // "Lee and Okafor that ...": after "and" or "or" a name may be one of a pair, whose
        // "that" is a relative ("Ohio and Florida that vote in March").
        let pair = matches!(opener.as_str(), "and" | "or") && after_opener;
        if after_mark && words[k].1 == "who" {
            return relative_source(&words[k..]);
        }
        // "She met the voters and the officials they were meeting": after "and", "or" or
        // "but" with no comma a role may be the verb's second object.
        let joined = pair || opener == "but";
        let clause = after_mark || !joined || s[..words[k - 1].0].trim_end().ends_with(',');
        source_at(s, &words[k..], pair, &opener, clause)
    })
}

/// Prepositions that may open a reported clause before its subject: "..., who that during the
/// recession prices fell".
static CLAUSE_PREPOSITIONS: Words =
    Words::new("in on at during after before since despite under for by with among");

/// Verbs of being, which end a relative clause's subject as its verb: "..., who he is ...".
static BEING: Words = Words::new("is are was were");

/// A relative "who" after a comma whose verb was cut: "..., who that the plan ...", "..., who
/// in an interview that ...", "..., who he is ...". An object relative keeps its own verb
/// after the pronoun ("..., who he called a liar"), so after a pronoun only a form of "be"
/// counts: a relative "who" standing for its object is not followed by one.
fn relative_source(words: &[(usize, &str)]) -> Option<(Range<usize>, usize)> {
    let rest: Vec<&str> = words[1..].iter().map(|&(_, w)| w).collect();
    let cut = match rest.as_slice() {
        ["that", next, ..] => opens_a_clause(next) || CLAUSE_PREPOSITIONS.contains_any_case(next),
        [pronoun, be, _, ..] => {
            matches!(lower(pronoun).as_str(), "he" | "she" | "they") && BEING.contains(be)
        }
        _ => false,
    } || rest.first() != Some(&"that")
        && rest.len() > 2
        && that_with_no_verb(&rest, false);
    let (at, who) = words[0];
    cut.then(|| (at..at + who.len(), at + who.len()))
}

/// A source at the start of `words` whose verb was cut.
fn source_at(
    s: &str,
    words: &[(usize, &str)],
    pair: bool,
    opener: &str,
    clause: bool,
) -> Option<(Range<usize>, usize)> {
    let plain: Vec<&str> = words.iter().map(|&(_, w)| w).collect();
    let first = lower(plain[0]);
    let pronoun = matches!(first.as_str(), "he" | "she" | "they" | "we" | "i");
    if ROLE_OWNERS.contains(&first) {
        return role_source(s, words).filter(|_| clause);
    }
    let n = if pronoun {
        1
    } else if is_name_word(plain[0]) {
        name_len(&plain)
    } else {
        0
    };
    if n == 0 || n + 1 >= plain.len() || strip_possessive(plain[n - 1]).is_some() {
        return None;
    }
    let end = words[n - 1].0 + words[n - 1].1.len();
    // A comma, a bracket or a dash after the subject opens an aside, not a clause.
    if !s[end..words[n].0].trim().is_empty() {
        return None;
    }
    let next = plain[n];
    let l = lower(next);
    let head = l.split(['\'', '\u{2019}']).next().unwrap_or("");
    let second_subject = SUBJECT_PRONOUNS.contains(head) && head != "i";
    let rest = &plain[n..];
    let cut = if pronoun {
        second_subject
            // "as he how tough it is": a question word never follows a subject.
            || matches!(l.as_str(), "how" | "why")
            // "because she it was ...": a second subject and its own verb.
            || matches!(head, "it" | "there")
                && rest.get(1).is_some_and(|w| is_finite(w) || head == "it" && w.ends_with('s'))
            || DETERMINERS.contains(&l) && rest.len() > 2
            || that_with_no_verb(rest, false) && rest.len() > 2
            || is_name_word(next)
                && rest
                    .get(1)
                    .is_some_and(|w| w.starts_with(char::is_lowercase))
    } else {
        // "After Okafor his ...": a possessive after a name owns the next noun phrase.
        second_subject
            || matches!(l.as_str(), "his" | "her" | "their") && rest.len() > 2
            || !pair && l == "that" && rest.get(1).is_some_and(|w| opens_a_clause(w))
            // "While Okafor there was ...": after a conjunction that is no preposition
            // ("After Okafor there was silence" is sound).
            || l == "there"
                && CONJUNCTIONS_ONLY.contains(opener)
                && rest.get(1).is_some_and(|w| is_finite(w))
    };
    cut.then(|| (words[0].0..end, end))
}

/// Bodies that "it" stands for: "the agency it will ...".
static BODIES: Words = Words::new(
    "agency government court campaign department committee company firm board ministry office \
    administration party council bureau commission service group organization union network \
    newspaper paper website station bank fund team club",
);

/// Words that open a role inside a sentence: "..., and the authorities they were ...".
static ROLE_OWNERS: Words = Words::new("the his her their its");

/// "..., and the authorities they were preparing a charge", "..., but the agency it will
/// release more": a role in lower case, then the pronoun that stands for it (in number) and
/// its auxiliary, whose clause runs on with no second finite verb (which would make the
/// pronoun's clause a relative one: "the people they were meeting left").
fn role_source(s: &str, words: &[(usize, &str)]) -> Option<(Range<usize>, usize)> {
    let plain: Vec<&str> = words.iter().map(|&(_, w)| w).collect();
    let n = 1 + role_len(&plain[1..]);
    let last = plain[n - 1];
    if n == 1 || !last.starts_with(char::is_lowercase) {
        return None;
    }
    let end = words[n - 1].0 + last.len();
    if !s[end..words.get(n)?.0].trim().is_empty() {
        return None;
    }
    let rest = &plain[n..];
    let plural = is_plural(last) || last == "police";
    let agrees = match rest.first().copied() {
        Some("they") => true,
        Some("he" | "she") => !plural,
        Some("it") => BODIES.contains(last),
        _ => false,
    };
    (agrees && rest.len() > 3 && clause_without_main_verb(&rest[1..]))
        .then(|| (words[0].0..end, end))
}

#[cfg(test)]
mod tests {
    use super::super::tests::with_words;
    use super::*;

    fn source(s: &str) -> Option<&str> {
        with_words(s, |words| inner_source(s, words)).map(|(r, _)| &s[r])
    }

    #[test]
    fn a_source_inside_the_sentence_with_no_verb() {
        for (s, found) in [
            ("The vote was close, but he that the count was fair.", "he"),
            (
                "Lee spoke first, and she the plan would cost too much.",
                "she",
            ),
            (
                "The mayor was jeered when she Okafor's plan was named.",
                "she",
            ),
            (
                "Lee conceded on Monday, hours after Okafor he would run.",
                "Okafor",
            ),
            (
                "Lee wants a vote, while Sen. Tom Okafor that the bill is dead.",
                "Sen. Tom Okafor",
            ),
            ("After the rally in Ohio, they they would be back.", "they"),
            ("Turnout fell; he the weather was to blame.", "he"),
            (
                "After Okafor his candidacy in June, the race changed.",
                "Okafor",
            ),
            ("Lee spoke, while Okafor that 40 seats were lost.", "Okafor"),
            ("While Okafor there was no plan, Lee had one.", "Okafor"),
            ("Lee smiled as she how hard the race had been.", "she"),
            ("Lee vetoed the bill because she it was unfair.", "she"),
            ("Lee lost, though he there were too few votes.", "he"),
            (
                "Lee was charged, and the authorities they were preparing a second charge.",
                "the authorities",
            ),
            (
                "The lawyers will report, and the agency it will release more emails next week.",
                "the agency",
            ),
            (
                "She pressed Lee, but the senator she had not discussed it with anyone.",
                "the senator",
            ),
            (
                "I was not thinking of Lee when I Democrats are no enemy.",
                "I",
            ),
            (
                "The plan was backed by Ann Lee, who that the cost would fall.",
                "who",
            ),
            (
                "The vote went to Tom Okafor, who he is leaving the party in May.",
                "who",
            ),
            (
                "Prices rose, said Tom Okafor, who that in the spring sales were weak.",
                "who",
            ),
            (
                "Lee, who last week that the tax would rise, lost the vote.",
                "who",
            ),
            (
                "Lee, who in an interview that she would run again, spoke last.",
                "who",
            ),
        ] {
            assert_eq!(source(s), Some(found), "{s}");
        }
    }

    #[test]
    fn clauses_with_their_verbs() {
        for s in [
            "Lee won the north and Okafor the south.",
            "Voters in Ohio and Florida that vote in March matter most.",
            "He paid the loans from a bank and Citibank that he used.",
            "The party he leads and the one she leads agree.",
            "Lee said that, while he himself had doubts, the plan would pass.",
            "She thanked Ohio, and she Thanked Florida.",
            "When he met Okafor, the talks went well.",
            "Lee, he said, would run.",
            "It rained, and they stayed at home.",
            "The award went to Ann Lee, who he called a friend.",
            "They asked Okafor, who that was.",
            "She thanked her staff, who they said had worked hard.",
            "The seat went to Lee, who in the race that made her name won.",
            "Voters asked who that helps.",
            "Lee left as he had come.",
            "After Okafor there was silence.",
            "She won because she ran it well.",
            "He paid, as he does it every year.",
            "She met the voters and the officials they were meeting in Ohio on Monday.",
            "Lee thanked the aides, and the officials they were meeting were pleased.",
            "Lee left, and the senator it was said to favor lost.",
            "Lee left, and the agencies it will fund are new.",
        ] {
            assert_eq!(source(s), None, "{s}");
        }
    }
}
