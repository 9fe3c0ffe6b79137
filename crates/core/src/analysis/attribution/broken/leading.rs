//! A source opening a sentence with no verb after it: "Zhao the two sides should ...",
//! "The museum the painting had been sold ...", "He inflation would fall ...".
//!
//! A subject (a name, "the" and a role, a pronoun) must be followed by its verb, perhaps after
//! a time ("on Monday", "the next day") or an adverb ("also"). What follows instead shows the
//! verb was cut: a determiner or pronoun opening a new clause, a number, or, after "he", "she"
//! or "it", a noun (a word that cannot be a verb in the third person singular) with a verb
//! soon after it.

use super::{lower, name_len, role_len};
use crate::analysis::attribution::cue::is_name_word;
use crate::analysis::attribution::lexicon::{
    Words, AUXILIARIES, IRREGULAR_PAST, LINKING_WORDS, SUBJECT_ADVERBS,
};
use crate::analysis::tokens::strip_possessive;
use std::ops::Range;

/// Words that start a clause, so cannot follow a subject directly: "Zhao the two sides ...".
static CLAUSE_STARTERS: Words = Words::new(
    "the a an that it its there this these those he she they his her their some most much many \
    at no both",
);

/// The clause starters that are never an adverbial after a subject ("Zhao this week said",
/// "Zhao at the meeting said" are sound), so still show a cut verb in a sentence that has a
/// reporting cue elsewhere.
static NEW_CLAUSE: Words = Words::new("the a an it he she they there its his her their");

/// Subject pronouns: "She she expected ..." repeats the subject where the verb was.
static SUBJECT_PRONOUNS: Words = Words::new("he she it they we i");

/// Words after a pronoun that lead into something other than a noun: "He and his wife",
/// "It in turn".
static NOT_A_NOUN_START: Words = Words::new(
    "and or but nor in on at by for with from to of as into after before during since about over \
    under between through without within across against among around who which that",
);

/// Nouns of time after "this", "last", "the next": "Zhao the next day said".
static TIME_NOUNS: Words =
    Words::new("day week month year morning afternoon evening night weekend time");

/// The opening subject with no verb after it, where the sentence breaks.
pub fn leading_subject(s: &str, words: &[(usize, &str)], attributed: bool) -> Option<Range<usize>> {
    let plain: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    let first = *plain.first()?;
    let pronoun = matches!(first, "He" | "She" | "They" | "It" | "We");
    let subject = if pronoun {
        1
    } else if first == "The" {
        let role = role_len(&plain[1..]).checked_add(1).filter(|&n| n > 1);
        role.unwrap_or(0)
            .max(with_owned_role(&plain, name_len(&plain)))
    } else if is_name_word(first) {
        with_owned_role(&plain, name_len(&plain))
    } else {
        0
    };
    if subject == 0 || subject >= plain.len() {
        return None;
    }
    let next = subject + time_or_adverb_len(&plain[subject..]);
    let starter = lower(plain.get(next)?);
    if s[..words[next].0].trim_end().ends_with(',') {
        return None;
    }
    let digit = counts_things(&plain[next..]);
    // "Sanders he'd ...": a second subject where the verb was.
    let pronoun_subject = starter
        .split(['\'', '\u{2019}'])
        .next()
        .is_some_and(|p| SUBJECT_PRONOUNS.contains(p));
    // "He Congress will ...": a pronoun is never followed by a name.
    let name_after_pronoun = pronoun
        && is_name_word(plain[next])
        && plain
            .get(next + 1)
            .is_some_and(|w| w.starts_with(char::is_lowercase));
    let cut = if attributed {
        NEW_CLAUSE.contains(&starter)
    } else {
        CLAUSE_STARTERS.contains(&starter) || digit
    } || pronoun_subject
        || name_after_pronoun
        || that_with_no_verb(&plain[next..])
        || matches!(first, "He" | "She" | "It") && noun_before_verb(&plain[next..]);
    if !cut {
        return None;
    }
    let end = words[subject - 1].0 + words[subject - 1].1.len();
    Some(words[0].0..end)
}

/// A subject pronoun said twice, anywhere: "..., where he he can win" (the verb between them
/// was cut). The first is the source.
pub fn doubled_pronoun(words: &[(usize, &str)]) -> Option<Range<usize>> {
    words.windows(2).find_map(|pair| {
        let [(at, first), (_, second)] = pair else {
            return None;
        };
        let first_lower = lower(first);
        let second_lower = lower(second);
        let second_bare = second_lower.split(['\'', '\u{2019}']).next()?;
        (SUBJECT_PRONOUNS.contains(&first_lower) && first_lower == second_bare)
            .then(|| *at..*at + first.len())
    })
}

/// Words that may stand between a subject and a "that" whose verb was cut: whom it was told
/// and where ("Zhao reporters on Monday that", "Zhao in a statement that").
static BEFORE_THAT: Words = Words::new(
    "the a an in on at to during reporters journalists statement interview letter post speech \
    briefing conference news press radio television",
);

/// "Zhao that the talks ...", "Zhao the Times on Monday that ...": a "that" clause with no
/// verb to hang on (but "that day" is a time).
fn that_with_no_verb(words: &[&str]) -> bool {
    for (i, w) in words.iter().enumerate().take(7) {
        if *w == "that" {
            return !words
                .get(i + 1)
                .is_some_and(|n| TIME_NOUNS.contains_any_case(n));
        }
        let filler = w.starts_with(char::is_uppercase) || BEFORE_THAT.contains_any_case(w);
        if !filler {
            return false;
        }
    }
    false
}

/// A name in the possessive and the role it owns: "Okafor's campaign", "the Greens' office".
fn with_owned_role(words: &[&str], name: usize) -> usize {
    let possessive = name > 0 && strip_possessive(words[name - 1]).is_some();
    if !possessive {
        return name;
    }
    name + role_len(&words[name..])
}

/// A number that counts things: "80 firefighters", "12 percent" (not "Boeing 737 Max").
fn counts_things(words: &[&str]) -> bool {
    let [number, noun, ..] = words else {
        return false;
    };
    number.starts_with(|c: char| c.is_ascii_digit())
        && (number.contains([',', '%'])
            || noun.starts_with(char::is_lowercase)
                && (noun.ends_with('s')
                    || matches!(
                        *noun,
                        "people" | "children" | "men" | "women" | "staff" | "percent" | "per"
                    )))
}

/// How many words after a subject are a time or an adverb: "on Monday", "the next day",
/// "last week", "also".
fn time_or_adverb_len(words: &[&str]) -> usize {
    let lowered: Vec<String> = words.iter().take(3).map(|w| lower(w)).collect();
    let l = |i: usize| lowered.get(i).cloned().unwrap_or_default();
    if l(0) == "on" && l(1).ends_with("day") {
        return 2;
    }
    if matches!(l(0).as_str(), "this" | "that" | "last" | "next") && TIME_NOUNS.contains(l(1)) {
        return 2;
    }
    if l(0) == "the"
        && matches!(l(1).as_str(), "next" | "following" | "same" | "previous")
        && TIME_NOUNS.contains(l(2))
    {
        return 3;
    }
    if l(0) == "the" && TIME_NOUNS.contains(l(1)) && matches!(l(2).as_str(), "before" | "after") {
        return 3;
    }
    usize::from(LINKING_WORDS.contains(l(0)) && !AUXILIARIES.contains(l(0)))
}

/// After "he", "she" or "it": a word that cannot be the verb, with a verb within a few words
/// ("He inflation would fall", "It aid convoys had been").
fn noun_before_verb(words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let w = lower(first);
    // A word in "-s" is a verb ("It says") unless an auxiliary follows it ("It crews would").
    let aux_next = words
        .get(1)
        .is_some_and(|n| AUXILIARIES.contains_any_case(n));
    let could_be_verb = |w: &str| {
        AUXILIARIES.contains(w)
            || IRREGULAR_PAST.contains(w)
            || w.ends_with('s') && !aux_next
            || w.ends_with("ed")
            || w.ends_with("ly")
    };
    if !first.starts_with(char::is_lowercase)
        || could_be_verb(&w)
        || SUBJECT_ADVERBS.contains(&w)
        || NOT_A_NOUN_START.contains(&w)
        || CLAUSE_STARTERS.contains(&w)
    {
        return false;
    }
    words[1..].iter().take(4).any(|w| {
        let w = lower(w);
        AUXILIARIES.contains(&w) || w.ends_with("ed") || IRREGULAR_PAST.contains(&w)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::with_words;
    use super::*;

    fn cut(s: &str, attributed: bool) -> Option<&str> {
        with_words(s, |words| leading_subject(s, words, attributed)).map(|r| &s[r])
    }

    fn doubled(s: &str) -> Option<&str> {
        with_words(s, doubled_pronoun).map(|r| &s[r])
    }

    #[test]
    fn a_subject_with_no_verb() {
        for (s, subject) in [
            ("Zhao the two sides should deepen cooperation.", "Zhao"),
            ("The army it had regained control of the town.", "The army"),
            (
                "The museum the painting had been sold for $12 million.",
                "The museum",
            ),
            ("He inflation would fall below 40 percent.", "He"),
            ("It aid convoys had been unable to reach the town.", "It"),
            ("It crews would work through the night.", "It"),
            (
                "The London Fire Brigade 80 firefighters were at the scene.",
                "The London Fire Brigade",
            ),
            (
                "Chinese Foreign Minister Wang Yi on Friday the relationship had improved.",
                "Chinese Foreign Minister Wang Yi",
            ),
        ] {
            assert_eq!(cut(s, false), Some(subject), "{s}");
        }
        for (s, subject) in [
            ("Okafor he would not run again.", "Okafor"),
            ("He Parliament will vote on the bill.", "He"),
            ("Okafor that the plan had failed.", "Okafor"),
            (
                "The senator reporters on Monday that the plan had failed.",
                "The senator",
            ),
            ("Okafor in a statement that the plan had failed.", "Okafor"),
            ("Okafor much of the money was gone.", "Okafor"),
            (
                "Okafor's campaign it had raised far more.",
                "Okafor's campaign",
            ),
        ] {
            assert_eq!(cut(s, false), Some(subject), "{s}");
        }
        assert_eq!(
            doubled("In the north, where she she could win, turnout was high."),
            Some("she")
        );
        assert_eq!(doubled("He said he would."), None);
        assert_eq!(
            cut("She she expected it to pass.", true),
            Some("She"),
            "a repeated pronoun"
        );
        assert_eq!(
            cut(
                "Finance Minister Nirmala Sitharaman the figures showed strength.",
                true
            ),
            Some("Finance Minister Nirmala Sitharaman")
        );
    }

    #[test]
    fn subjects_with_their_verbs() {
        for s in [
            "He met the minister on Monday.",
            "It fell 5 percent in July.",
            "It says prices will rise.",
            "She also plans to attend.",
            "He and his wife arrived on Sunday.",
            "It cost the company $5 million.",
            "They aid refugees in the north.",
            "He himself had signed the order.",
            "Zhao the next day met the delegation.",
            "Boeing 737 Max jets were grounded in March.",
            "The Boeing 737 crashed shortly after take-off.",
            "The ministry, it said, would act.",
            "Okafor that week signed the bill.",
            "He Was Right All Along",
        ] {
            assert_eq!(cut(s, false), None, "{s}");
        }
        for s in [
            "Zhao at the meeting said the two sides would cooperate.",
            "Premier Li Qiang this week said growth would be stable.",
        ] {
            assert_eq!(cut(s, true), None, "{s}");
        }
    }
}
