//! A "that" clause with no verb to hang on: "Zhao reporters on Monday that ...".

use super::super::{lower, plural};
use super::after::is_finite;
use super::start::DETERMINERS;
use super::{CLAUSE_STARTERS, NEW_CLAUSE, SUBJECT_PRONOUNS, TIME_NOUNS};
use crate::analysis::attribution::cue::{has_reporting_verb, is_name_word};
use crate::analysis::attribution::lexicon::{Words, VERBISH};

/// Words that may stand between a subject and a "that" whose verb was cut: whom it was told
/// and where ("Zhao reporters on Monday that", "Zhao in a statement that").
static BEFORE_THAT: Words = Words::new(
    "the a an in on at to during through via last this late early earlier later reporters \
    journalists statement interview letter \
    post speech briefing conference news press radio television hearing rally meeting event \
    debate forum remarks comments testimony column book memoir tweet email memo message video",
);

/// "Zhao that the talks ...", "Zhao the Times on Monday that ...": a "that" clause with no
/// verb to hang on (but "that day" is a time).
pub(in super::super) fn that_with_no_verb(words: &[&str], role: bool) -> bool {
    // After a name, whom it was told and where may be any words that are no verb ("Okafor in
    // her opening remarks that ..."), but then "that" must open a clause of its own, not a
    // relative one ("Okafor in the race that made her name").
    // "Okafor delegates at the convention that ...", "Okafor foundation employees on Monday
    // that ...": people named first, then where or when they were told.
    let told_first = if role || words.first() == Some(&"that") {
        0
    } else {
        people_told(words)
    };
    let mut loose = told_first > 0;
    for (i, w) in words.iter().enumerate().take(12).skip(told_first) {
        if *w == "that" && loose {
            // "Okafor delegates at the convention that she chaired were angry": after whom
            // it was told, "that" may open a relative clause, whose verb another follows.
            let relative = told_first > 0 && plural::is_relative_clause(&words[i + 1..]);
            return words.get(i + 1).is_some_and(|n| opens_a_clause(n)) && !relative;
        }
        if *w == "that" {
            // "The company that designs ...": a relative clause straight after the subject.
            // "The company that Okafor founded went bankrupt": a relative clause with its
            // subject, the sentence's verb straight after its own.
            let relative = role
                && i == 0
                && (words.get(1).is_some_and(|n| {
                    n.starts_with(char::is_lowercase)
                        && !CLAUSE_STARTERS.contains_any_case(n)
                        && !SUBJECT_PRONOUNS.contains_any_case(n)
                }) || plural::is_relative_clause(&words[1..]));
            return !relative
                && !words
                    .get(i + 1)
                    .is_some_and(|n| TIME_NOUNS.contains_any_case(n));
        }
        // "Okafor members of the council that ...", "Okafor Wednesday night that ...": whom
        // it was told, or the rest of a time whose day the name run took.
        // People only before whom they are ("members of the council", "voters in Ohio") or
        // the "that": "Labor leaders point out that ..." is a subject and its verb.
        let whom = words.get(1).is_some_and(|n| {
            matches!(*n, "of" | "in" | "at" | "from" | "on" | "that") || is_name_word(n)
        });
        let told = i == 0 && (plural::is_people(w) && whom || TIME_NOUNS.contains_any_case(w));
        let filler = w.starts_with(char::is_uppercase)
            || BEFORE_THAT.contains_any_case(w)
            || TIME_NOUNS.contains_any_case(w)
            || told;
        // "in her opening remarks": after a determiner a word in "-ing" is an adjective.
        let determined = i > 0 && DETERMINERS.contains_any_case(words[i - 1]);
        if !filler && (role || i == 0 || !is_filler(w, determined)) {
            return false;
        }
        loose |= !filler || told;
    }
    false
}

/// How many words open `words` as whom it was told, before where or when: people ("voters
/// in Ohio"), or a plural in lower case after a word or two that qualify it ("foundation
/// employees on Thursday"); 0 when they do not. A lone word in "-s" may be the verb ("He
/// writes in the column that ..."), and so may the last after an adverb.
fn people_told(words: &[&str]) -> usize {
    let qualifier = |w: &&str| {
        is_filler(w, false)
            && !w.ends_with('s')
            && !w.ends_with("ly")
            && !BEFORE_THAT.contains(w)
            && !matches!(
                *w,
                "of" | "for" | "with" | "by" | "from" | "these" | "those" | "its"
            )
    };
    (1..=3)
        .rev()
        .find(|&n| {
            let Some(next) = words.get(n) else {
                return false;
            };
            let when = matches!(*next, "at" | "in" | "on" | "during") || TIME_NOUNS.contains(next);
            let head = words[n - 1];
            let people = if n == 1 {
                plural::is_people(head)
            } else {
                words[..n - 1].iter().all(qualifier)
                    && head.starts_with(char::is_lowercase)
                    && plural::is_plural(head)
            };
            people && when
        })
        .unwrap_or(0)
}

/// A lower-case word that may stand in a phrase between a subject and its "that": no verb,
/// no relative word, no conjunction.
fn is_filler(w: &str, determined: bool) -> bool {
    let l = lower(w);
    w.starts_with(char::is_lowercase)
        && !(is_finite(&l)
            || VERBISH.contains(&l)
            || has_reporting_verb(&l)
            || l.ends_with("ing") && !determined
            || matches!(
                l.as_str(),
                "who" | "which" | "whom" | "whose" | "and" | "or" | "but" | "is" | "are" | "was"
            ))
}

/// A word that opens a clause's subject: a determiner, a pronoun, a name or a number.
pub(in super::super) fn opens_a_clause(w: &str) -> bool {
    let l = lower(w);
    let head = l.split(['\'', '\u{2019}']).next().unwrap_or("");
    NEW_CLAUSE.contains(head)
        || SUBJECT_PRONOUNS.contains(head)
        || matches!(
            head,
            "this" | "these" | "those" | "we" | "some" | "most" | "many"
        )
        || is_name_word(w)
        || w.starts_with(|c: char| c.is_ascii_digit())
}
