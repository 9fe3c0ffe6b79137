//! A source opening a sentence with no verb after it: "Zhao the two sides should ...",
//! "The museum the painting had been sold ...", "He inflation would fall ...".
//!
//! A subject (a name, "the" and a role, a pronoun) must be followed by its verb, perhaps after
//! a time ("on Monday", "the next day") or an adverb ("also"). What follows instead shows the
//! verb was cut: a determiner or pronoun opening a new clause, a number, or, after "he", "she"
//! or "it", a noun (a word that cannot be a verb in the third person singular) with a verb
//! soon after it.

mod after;
mod apposition;
mod bracket;
mod document;
mod person;
mod quotation;
mod start;
mod subject;
mod that_clause;

pub(super) use person::clause_without_main_verb;
pub(super) use start::{opens_a_phrase, subject_starts};
pub(super) use that_clause::{opens_a_clause, that_with_no_verb};

use super::{lower, name_len, plural, role_len};
use crate::analysis::attribution::cue::is_name_word;
use crate::analysis::attribution::lexicon::{Words, AUXILIARIES};
use crate::analysis::attribution::people::Surnames;
use crate::analysis::tokens::strip_possessive;
use after::{counts_things, noun_before_verb, time_or_adverb_len};
use apposition::pronoun_after_apposition;
use person::person_before_pronoun;
use quotation::{quotation_opens_clause, quote_after_comma, quoted_first_word, starts_with_mark};
use start::OPENING_CONJUNCTIONS;
use std::ops::Range;
use subject::{
    carries_its_verb, met_apart, opens_otherwise, owner_apart, second_name_at, with_owned_role,
    with_whom,
};

/// Words that start a clause, so cannot follow a subject directly: "Zhao the two sides ...",
/// "Zhao none of the money ...".
pub(super) static CLAUSE_STARTERS: Words = Words::new(
    "the a an that it its there this these those he she they his her their some most much many \
    no both none several millions thousands hundreds dozens",
);

/// The clause starters that are never an adverbial after a subject ("Zhao this week said",
/// "Zhao at the meeting said" are sound), so still show a cut verb in a sentence that has a
/// reporting cue elsewhere.
pub(super) static NEW_CLAUSE: Words =
    Words::new("the a an it he she they there its his her their many several none");

/// Subject pronouns: "She she expected ..." repeats the subject where the verb was.
pub(super) static SUBJECT_PRONOUNS: Words = Words::new("he she it they we i");

/// Words after a pronoun that lead into something other than a noun: "He and his wife",
/// "It in turn".
pub(super) static NOT_A_NOUN_START: Words = Words::new(
    "and or but nor in on at by for with from to of as into after before during since about over \
    under between through without within across against among around who which that",
);

/// Nouns of time after "this", "last", "the next": "Zhao the next day said".
pub(super) static TIME_NOUNS: Words =
    Words::new("day week month year morning afternoon evening night weekend time");

/// The opening subject with no verb after it, and where the verb belongs (after the subject,
/// or after its appositives). The subject opens the sentence, or follows an opening
/// conjunction or an opening phrase and its comma.
/// `original` is the sentence with its quotations, `s` the same with them blanked.
pub fn leading_subject(
    original: &str,
    s: &str,
    words: &[(usize, &str)],
    attributed: bool,
    known: &Surnames,
) -> Option<(Range<usize>, usize)> {
    let at = Sentence {
        original,
        own: s,
        known,
    };
    subject_starts(s, words).find_map(|k| {
        // After an opening phrase, a name and its commas may be the phrase's apposition
        // ("Like his sister, Ann Lee, now a judge, he ..."), so only a verb missing
        // before the next clause counts.
        let phrase = k > 1 || k == 1 && !OPENING_CONJUNCTIONS.contains_any_case(words[0].1);
        // A role in lower case opens the subject only after a phrase a preposition, an adverb
        // or a participle opens ("On Tuesday, campaign chairman Ann Lee ..."), not after a
        // noun phrase it stands in apposition to ("Okafor's partner, committee chairman ...").
        let conjunction = words
            .first()
            .is_some_and(|w| OPENING_CONJUNCTIONS.contains_any_case(w.1));
        let opener = words.get(usize::from(conjunction)).map_or("", |w| w.1);
        let lower_role = phrase && opens_a_phrase(opener);
        subject_at(at, &words[k..], attributed, !phrase, lower_role)
            .or_else(|| plural::plural_subject(s, &words[k..]))
            .or_else(|| document::document_subject(&words[k..]))
    })
}

/// A sentence with its quotations (`original`) and with them blanked (`own`), at the same
/// offsets.
#[derive(Clone, Copy)]
pub(super) struct Sentence<'s> {
    original: &'s str,
    own: &'s str,
    /// The surnames the story has met, which tell two names run together apart.
    known: &'s Surnames,
}

/// "Workers there earn ...", "Students at the school ...", "Things that are ...": a
/// capitalised plural alone before a preposition, or before "there" or "that" with a verb
/// after, is a common noun (read as a group of people, if at all, by `plural`), unless the
/// story has met it as a surname ("Bernie Sanders", "Larry Summers"). Before "they" or a "that"
/// clause ("Experts that the ...") it may still be a source whose verb was cut.
fn common_plural(at: Sentence, plain: &[&str]) -> bool {
    let next = plain.get(1).map(|w| lower(w)).unwrap_or_default();
    let then = plain.get(2).map(|w| lower(w)).unwrap_or_default();
    let modified = super::PREPOSITIONS.contains(&next)
        || next == "there" && !(AUXILIARIES.contains(&then) || then.is_empty())
        || next == "that" && after::is_finite(&then);
    name_len(plain) == 1 && plural::is_plural(plain[0]) && modified && !at.known.met(plain[0], None)
}

/// A subject at the start of `words` with no verb after it.
fn subject_at(
    at: Sentence,
    words: &[(usize, &str)],
    attributed: bool,
    opening: bool,
    lower_role: bool,
) -> Option<(Range<usize>, usize)> {
    let s = at.own;
    let plain: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    let first = *plain.first()?;
    let first_lower = lower(first);
    let pronoun = matches!(first_lower.as_str(), "he" | "she" | "they" | "it" | "we");
    // "A top adviser the plan ...": an indefinite role is a source too.
    let indefinite = matches!(first_lower.as_str(), "a" | "an");
    // Where the name after a role starts, for a role run into its holder's name: a title
    // there opens no second name ("Republican presidential candidate Texas Sen. Tom Reyes").
    let mut held_from = 0;
    let subject = if pronoun {
        1
    } else if first_lower == "the" || indefinite {
        let role = role_len(&plain[1..]).checked_add(1).filter(|&n| n > 1);
        let name = if indefinite {
            0
        } else {
            with_owned_role(&plain, name_len(&plain))
        };
        match with_whom(&plain, role.unwrap_or(0).max(name)) {
            // "The actress she was tired ...": a person the role list does not know.
            0 => person_before_pronoun(&plain),
            n => n,
        }
    } else if lower_role && first.starts_with(char::is_lowercase) {
        // "On Tuesday, campaign chairman Ann Lee ...": after an opening phrase, a role in
        // lower case and the name of the one who holds it.
        role_and_name_len(&plain).unwrap_or(0)
    } else if first_lower == "one" {
        // "One voter he would vote ...": a person counted out, then the pronoun's clause.
        person_before_pronoun(&plain)
    } else if first_lower == "will" && at.original.trim_end().ends_with('?') {
        // "Will it last?": a question's auxiliary, though "Will" is also a first name.
        0
    } else if first_lower == "former" {
        // "Former federal prosecutor Ann Lee ...": a role and the name of the one who held it;
        // "Former Gov. Ann Lee" reads as a name.
        let role = role_and_name_len(&plain[1..]).map_or(0, |n| n + 1);
        let named = is_name_word(first) && !opens_otherwise(&plain);
        role.max(if named {
            with_owned_role(&plain, name_len(&plain))
        } else {
            0
        })
    } else if is_name_word(first)
        && !carries_its_verb(first)
        && !opens_otherwise(&plain)
        && !common_plural(at, &plain)
    {
        let run = before_bracket(s, words, name_len(&plain));
        if let Some(split) = (run > 1).then(|| owner_apart(at, words, run)).flatten() {
            let end = words[split - 1].0 + words[split - 1].1.len();
            return Some((words[0].0..end, end));
        }
        // "White House press secretary Ann Lee", "MSNBC reporter Tom Reyes": a name, a role it
        // qualifies in lower case and the name of the one who holds it.
        let name = with_owned_role(&plain, run);
        match qualified_role_and_name(&plain) {
            Some((role, n)) if n > name => {
                held_from = role;
                n
            }
            _ => name,
        }
    } else {
        0
    };
    if subject == 0 {
        return None;
    }
    // A name run stops at a comma: "The chief executive, Ann Lee, ..." is a role and its
    // apposition; and at a colon ("Q: Is he ..."), a bracket or a dash ("PARIS
    // (AP) \u{2014} Okafor ...").
    let subject = (1..subject)
        .find(|&i| {
            s[words[i - 1].0 + words[i - 1].1.len()..words[i].0]
                .contains([',', ':', '(', ')', '\u{2014}', '\u{2013}', '\u{2015}'])
        })
        .unwrap_or(subject);
    // "Melania Lee Lee supporters ...", "Gov. Ann Lee Sen. Tom Cruz is ...": two names run
    // together, the first one's verb cut between them.
    if !pronoun {
        let met = || met_apart(at, words, subject);
        // A comma may have cut the run short of the name: "Vatican spokesman, the Rev. ...".
        let held_from = held_from.min(subject);
        let second = second_name_at(&plain[held_from..subject]).map(|j| j + held_from);
        if let Some(split) = second.or_else(met) {
            let end = words[split - 1].0 + words[split - 1].1.len();
            return Some((words[0].0..end, end));
        }
    }
    let end = words[subject - 1].0 + words[subject - 1].1.len();
    // "FALLIN: I think ...": a speaker's label in a transcript is attribution enough; a dash
    // after the subject opens an apposition ("Ann Lee \u{2013} a fan \u{2013} gave ...").
    // So does a dateline's dash, after a bracket too ("PARIS (AP) \u{2015} ..."); a slash is a
    // photo credit's ("(Ann Lee/The Gazette)").
    if s[end..]
        .trim_start_matches([')', ' '])
        .starts_with([':', '\u{2013}', '\u{2014}', '\u{2015}', '-', '/'])
    {
        return None;
    }
    // "Sen. Ann Lee (D-Ohio) he would ...": after a bracket straight after the subject, its
    // verb belongs after the bracket, and what follows is read from there.
    let (after, verb_at, tagged) = match bracket::bracket_after(s, end) {
        Some((close, party)) => {
            let k = words.iter().position(|&(w, _)| w >= close)?;
            (k, close, party)
        }
        None => (subject, end, false),
    };
    // A quotation straight after the subject is its clause ("Obama \u{201c}it gets me
    // mad\u{201d}") or its verb phrase ("He \u{201c}misspoke\u{201d}"), never a starter.
    if starts_with_mark(&at.original[verb_at..]) {
        let clause = !indefinite && quotation_opens_clause(at, verb_at);
        return clause.then(|| (words[0].0..end, verb_at));
    }
    if after == plain.len() {
        return quote_after_comma(&s[verb_at..]).then(|| (words[0].0..end, verb_at));
    }
    // A comma straight after the subject opens an aside ("Ann Lee, then 38, ..."), even one
    // that starts with an adverb.
    let aside = s[verb_at..words[after].0].contains(',');
    let next = if aside {
        after
    } else {
        after + time_or_adverb_len(&plain[after..])
    };
    let starter = lower(plain.get(next)?);
    if s[..words[next].0].trim_end().ends_with(',') {
        if quote_after_comma(&s[verb_at..]) {
            return Some((words[0].0..end, verb_at));
        }
        // "..., who fishes off the pier, said he ...": the verb goes before the pronoun. After
        // an opening phrase only a "that" clause shows it: a name there may be the phrase's
        // apposition ("Like his sister, Ann Lee, now a judge, he ...").
        let pronoun = pronoun_after_apposition(s, &words[after..], !opening)?;
        return Some((words[0].0..end, s[..pronoun].trim_end().len()));
    }
    // "The group at least 60 people had been killed": a count opens the clause; "Okafor at
    // the debate attacked ..." is where the subject was, its verb still to come.
    let digit = counts_things(&plain[next..])
        || starter == "at" && plain.get(next + 1).is_some_and(|w| *w == "least");
    // A role may take a relative "that" ("the company that makes"); a name takes "who".
    let role = first_lower == "the" || indefinite;
    // "They both were ...": a quantifier after a pronoun belongs to it.
    let floating = pronoun && matches!(starter.as_str(), "both" | "all" | "each");
    // "Sanders he'd ...": a second subject where the verb was.
    let pronoun_subject = starter
        .split(['\'', '\u{2019}'])
        .next()
        .is_some_and(|p| SUBJECT_PRONOUNS.contains(p));
    // "He Congress will ...", "She Ann Lee's plan would ...": a pronoun is never followed by
    // a name; the name's own words run on to a lower-case one.
    let name_end = next + name_len(&plain[next..]).max(1);
    // So is a party tag: "Sen. Ann Lee (D-Ohio) Tom Reyes's plan would ...".
    let name_after_pronoun = (pronoun || tagged)
        && is_name_word(strip_possessive(plain[next]).unwrap_or(plain[next]))
        && plain
            .get(name_end)
            .copied()
            .or_else(|| {
                let (at_word, word) = words[name_end - 1];
                quoted_first_word(at, at_word + word.len())
            })
            .is_some_and(|w| w.starts_with(char::is_lowercase));
    // "Trump no longer owns ...": an adverb, not a determiner.
    let adverb = starter == "no" && plain.get(next + 1).is_some_and(|w| *w == "longer");
    // "A shuttle service he ran ...": after an indefinite role, only a determiner shows a
    // new clause; a pronoun may open a relative clause.
    let relative = indefinite && !matches!(starter.as_str(), "the" | "a" | "an");
    // "Okafor if she were elected, ...", "The actress why it mattered": a subject is never
    // followed straight by "if", "whether", "why" or "how"; its verb asked or told them.
    // "Reasons why ...": a plural the story has not met as a name is a common noun.
    let common = subject == 1 && plural::is_plural(first) && !at.known.met(first, None);
    let asked = !common
        && match starter.as_str() {
            "why" | "how" => true,
            "if" | "whether" => plain.get(next + 1).is_some_and(|w| opens_a_clause(w)),
            _ => false,
        };
    let cut = asked
        || !floating
            && !adverb
            && !relative
            && if attributed {
                NEW_CLAUSE.contains(&starter)
            } else {
                // After a role, "that" only as `that_with_no_verb` reads it: "the company that
                // makes ...".
                CLAUSE_STARTERS.contains(&starter) && !(starter == "that" && role) || digit
            }
        || pronoun_subject && !relative
        || name_after_pronoun
        || that_with_no_verb(&plain[next..], role)
        || matches!(first_lower.as_str(), "he" | "she" | "it") && noun_before_verb(&plain[next..]);
    cut.then(|| (words[0].0..end, verb_at))
}

/// The first `n` words, up to a bracket between two of them: "Ann Lee (D-Ohio) Okafor's
/// plan" is a name, a party tag and another name in the possessive.
fn before_bracket(s: &str, words: &[(usize, &str)], n: usize) -> usize {
    (1..n)
        .find(|&i| s[words[i - 1].0 + words[i - 1].1.len()..words[i].0].contains('('))
        .unwrap_or(n)
}

/// How many leading words form a role and the name after it: "federal prosecutor Ann Lee".
/// A role with no name is left out: "Former aides the firm hired" may open a relative clause.
fn role_and_name_len(words: &[&str]) -> Option<usize> {
    let role = role_len(words);
    let name = name_len(&words[role..]);
    (role > 0 && name > 0).then_some(role + name)
}

/// How many leading words form a name, a role in lower case it qualifies and the name of the
/// one who holds it ("White House press secretary Ann Lee"), and where that name starts. A
/// name in the possessive owns what follows ("Ann Lee's most dramatic gesture").
fn qualified_role_and_name(words: &[&str]) -> Option<(usize, usize)> {
    let role = role_len(words);
    let lower_case = role > 1 && words[role - 1].starts_with(char::is_lowercase);
    // As `role_and_name_len`, without reading the role twice.
    let name = if lower_case {
        name_len(&words[role..])
    } else {
        0
    };
    if name == 0 {
        return None;
    }
    let n = role + name;
    let owned = with_owned_role(words, n);
    (owned == n).then_some((role, n))
}

/// A subject pronoun said twice, anywhere: "..., where he he can win" (the verb between them
/// was cut). The first is the source.
pub fn doubled_pronoun(words: &[(usize, &str)]) -> Option<Range<usize>> {
    words.windows(2).find_map(|pair| {
        let [(at, first), (_, second)] = pair else {
            return None;
        };
        // No subject pronoun is longer ("they"), in any case.
        if first.len() > 4 {
            return None;
        }
        let first_lower = lower(first);
        if !SUBJECT_PRONOUNS.contains(&first_lower) {
            return None;
        }
        let second_lower = lower(second);
        let second_bare = second_lower.split(['\'', '\u{2019}']).next()?;
        (first_lower == second_bare).then(|| *at..*at + first.len())
    })
}

#[cfg(test)]
mod tests;
