//! What the opening words are: a name that is no subject, two names run together, a name in
//! the possessive and the role it owns.

use super::super::{is_role, lower, name_len, role_len};
use super::after::{is_finite, negative_auxiliary};
use super::quotation::quoted_first_word;
use super::{Sentence, SUBJECT_PRONOUNS};
use crate::analysis::attribution::cue::is_name_word;
use crate::analysis::attribution::lexicon::{Words, TITLES};
use crate::analysis::tokens::strip_possessive;

/// Capitalised words that open a sentence as something other than its subject: a question's
/// auxiliary ("Was he ...?"), an imperative ("Read the full story"), a sentence adverb.
static NOT_SUBJECTS: Words = Words::new(
    "is are was were be been has have had do does did would could might shall should must read watch see look take call pay click listen note consider imagine remember \
    let make give try ask tell keep follow check sign join meet expect maybe perhaps first \
    second third finally answer please can add contrast compare guess enter right contact email \
    subscribe",
);

/// Whether the capitalised first word opens the sentence other than as a name: in
/// `NOT_SUBJECTS`, or a gerund before a lower-case word ("Losing the seat would ...").
pub(super) fn opens_otherwise(plain: &[&str]) -> bool {
    let first = lower(plain[0]);
    let gerund = first.len() > 4
        && first.ends_with("ing")
        && plain
            .get(1)
            .is_some_and(|w| w.starts_with(char::is_lowercase));
    NOT_SUBJECTS.contains(&first) || negative_auxiliary(&first) || gerund
}

/// Where a second name starts inside a run of capitalised words that was read as one: the
/// same word twice ("Ann Lee Lee supporters"), a capitalised title after a name that a title
/// or role already opened ("Gov. Ann Lee Sen. Tom Cruz"), or "Mr.", "Mrs." or "Ms." after a
/// name ("The Times Mr. Okafor ..."), which opens a name and never qualifies one.
pub(super) fn second_name_at(run: &[&str]) -> Option<usize> {
    let titled = |w: &str| TITLES.contains(w) || is_role(w);
    (1..run.len()).find(|&j| {
        let (w, before) = (run[j], run[j - 1]);
        let named_after = || run[j + 1..].iter().any(|n| is_name_word(n) && !titled(n));
        // "Prime Minister Mr. Okafor", "Opposition Leader Mr. Okafor": after a title or role
        // the honorific is the holder's; a role word in a body's name is none ("The Times").
        let body = run[0] == "The" && !TITLES.contains(before);
        // A lone word before it may be no name at all ("Like Mr. Okafor, ...", "Beating
        // Mrs. Okafor ..."), unless a plural ("Republicans Mr. Okafor would ...").
        let opens = j >= 2 || super::super::plural::is_plural(before);
        let honorific = matches!(w, "Mr" | "Mrs" | "Ms")
            && opens
            && is_name_word(before)
            && (body || !titled(before))
            && named_after();
        let repeated = w == before && is_name_word(w) && !TITLES.contains(w);
        let second_title = TITLES.contains(w)
            && is_name_word(before)
            && !titled(before)
            && run[..j - 1].iter().any(|t| titled(t))
            && named_after();
        // "Dr. Ann Lee Democrat Tom Reyes is ...": a party word after a titled full name opens
        // the next person's name (a role word there may qualify it: "Clinton rival Tom Reyes").
        let rest = &run[j + 1..];
        let party = PARTY_WORDS.contains(w)
            && is_name_word(before)
            && !titled(before)
            && run[..j - 1].iter().any(|t| titled(t))
            && (2..=3).contains(&rest.len())
            && rest
                .iter()
                .all(|n| is_name_word(n) && !titled(n) && !BODY_WORDS.contains(n));
        honorific || j >= 2 && (repeated || second_title || party)
    })
}

/// Party words that name a member: "Democrat Ann Lee".
static PARTY_WORDS: Words = Words::new("Democrat Republican Libertarian");

/// Words that make a party word part of a body's name: "Republican National Committee".
static BODY_WORDS: Words = Words::new("Party National Committee Convention Caucus Club Conference");

/// "It's", "That's", "I'm": a word that carries its verb ("is", "am") is no verbless subject.
pub(super) fn carries_its_verb(first: &str) -> bool {
    let l = lower(first);
    let mut parts = l.split(['\'', '\u{2019}']);
    let (Some(head), Some(clitic)) = (parts.next(), parts.next()) else {
        return false;
    };
    matches!(clitic, "s" | "re" | "m" | "ve" | "ll" | "d")
        && (SUBJECT_PRONOUNS.contains(head) || CONTRACTED.contains(head))
}

/// Words that contract with "is" or "has" without being a source: "That's", "Here's".
static CONTRACTED: Words = Words::new("that there here what where who how let");

/// A name in the possessive and the role it owns: "Okafor's campaign", "the Greens' office".
pub(super) fn with_owned_role(words: &[&str], name: usize) -> usize {
    let possessive = name > 0 && strip_possessive(words[name - 1]).is_some();
    if !possessive {
        return name;
    }
    // "Okafor's most explosive claim": a name in the possessive with no role after it
    // determines a noun; it is no subject, unless a first name stands before it ("Gov. Ann
    // Lee Sen. Tom Cruz's plan ...": Ann Lee's verb was cut).
    match role_len(&words[name..]) {
        0 if second_name_at(&words[..name]).is_some() => name,
        0 => 0,
        role => name + role,
    }
}

/// Capitalised particles that open a name with what follows: "Abu Bakr", "Van Buren".
static PARTICLES: Words = Words::new("abu ibn bin bint al el de del della di da du van von le la");

/// "Alvarez Moreno was busy": where a second person starts inside a run of capitalised words
/// (`run`, the sentence's words from its subject on) that was read as one name, the first
/// one's verb cut between them. Both must be known apart: the first a surname the story has
/// met at the end of a full name (or named in full after a role in lower case), the second a
/// surname met after some other word, or a full name met as such; only white space may stand
/// between them, and a verb must follow.
pub(super) fn met_apart(at: Sentence, words: &[(usize, &str)], run: usize) -> Option<usize> {
    let plain: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    // "Pataki Kasich \u{201c}has a record\u{201d}": the verb may open a quotation.
    let (at_word, word) = words[run - 1];
    let quoted = quoted_first_word(at, at_word + word.len());
    let rest: Vec<&str> = match quoted {
        Some(w) => vec![w],
        None => plain[run..].to_vec(),
    };
    let verb = match rest.as_slice() {
        [w, ..] if w.starts_with(char::is_lowercase) && (is_finite(w) || negative_auxiliary(w)) => {
            true
        }
        // "Moreno says ...", not "Moreno supporters were ...".
        [w, next @ ..] => {
            w.starts_with(char::is_lowercase)
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !next.first().is_some_and(|n| is_finite(n))
        }
        [] => false,
    };
    if !verb {
        return None;
    }
    split_apart(at, words, &plain, run)
}

/// "Okafor Moreno's plan would ...": a surname met apart, then another person's name in the
/// possessive, the thing it owns and that thing's own verb; the first one's verb was cut
/// between them. Where the second name starts; met as in `met_apart`.
pub(super) fn owner_apart(at: Sentence, words: &[(usize, &str)], run: usize) -> Option<usize> {
    let mut plain: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    let (at_last, last) = words[run - 1];
    // "Sanders' plan": a bare apostrophe after "-s" too, which is no part of the word.
    let bare =
        last.ends_with('s') && at.original[at_last + last.len()..].starts_with(['\'', '\u{2019}']);
    plain[run - 1] = strip_possessive(last).or(bare.then_some(last))?;
    let owned = words[run..].iter().map(|(_, w)| *w);
    let owned: Vec<&str> = owned
        .take(7)
        .take_while(|w| !OWNED_PHRASE_ENDS.contains(w))
        .collect();
    // A noun the name owns ("plan", "tax plan"), then a finite verb before the phrase ends;
    // a verb in "-s" only straight after a singular noun ("Moreno's plan works").
    let noun = owned.first().is_some_and(|w| {
        w.starts_with(char::is_lowercase) && !is_finite(w) && !negative_auxiliary(w)
    });
    let present = owned.len() > 1 && {
        let (n, v) = (owned[0], owned[1]);
        !n.ends_with('s') && v.ends_with('s') && !v.ends_with("ss")
    };
    let verb = owned
        .iter()
        .skip(1)
        .any(|w| w.starts_with(char::is_lowercase) && (is_finite(w) || negative_auxiliary(w)));
    if !noun || !(verb || present) {
        return None;
    }
    split_apart(at, words, &plain, run)
}

/// Words that end an owned noun phrase before its verb: "Okafor's plan and the budget".
static OWNED_PHRASE_ENDS: Words = Words::new("and or but who which that whose if when while");

/// Where the second of two people named in `plain[..run]` starts, each met apart.
fn split_apart(at: Sentence, words: &[(usize, &str)], plain: &[&str], run: usize) -> Option<usize> {
    let initial = |w: &str| w.len() == 1;
    (1..run).find(|&j| {
        let (first, second) = (plain[j - 1], &plain[j..run]);
        let gap = &at.original[words[j - 1].0 + first.len()..words[j].0];
        // "spokesman Josh Earnest Obama enjoys": a given name and surname straight after a role
        // in lower case name the one who holds it here.
        // So do they after a title ("Sen. Ann Lee Okafor should ..."), when no role stands
        // in them ("Foreign Ministry spokesman Lu Kang").
        let titled =
            j >= 3 && TITLES.contains(plain[j - 3]) && !is_role(first) && !is_role(plain[j - 2]);
        let named_here = j >= 3
            && (plain[j - 3].starts_with(char::is_lowercase) && is_role(plain[j - 3]) || titled)
            && is_name_word(plain[j - 2])
            && !TITLES.contains(plain[j - 2])
            && !TITLES.contains(first);
        let first_met = at.known.met(first, None) || named_here;
        let second_met = match second {
            [one] => at.known.met(one, Some(first)),
            [given, surname] => at.known.named(given, surname, first),
            _ => false,
        };
        first_met
            && second_met
            && gap.trim().is_empty()
            && !initial(first)
            && !PARTICLES.contains_any_case(first)
            && !initial(plain[j])
            && strip_possessive(first).is_none()
    })
}

/// A role and the name it speaks for: "A spokeswoman for Okafor", "The senator from Ohio".
/// Only after a role: after a name, "at the meeting" is where it spoke.
pub(super) fn with_whom(words: &[&str], role: usize) -> usize {
    let speaks_for = role > 0
        && words
            .get(role)
            .is_some_and(|w| matches!(*w, "for" | "from" | "at" | "of" | "with"));
    let name = if speaks_for {
        name_len(&words[role + 1..])
    } else {
        0
    };
    if name > 0 {
        role + 1 + name
    } else {
        role
    }
}
