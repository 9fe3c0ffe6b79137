//! A subject, its appositives between commas, and then a clause of its own where the verb was:
//! "Ann Lee, a spokeswoman, the talks had failed".

use super::super::trailing::is_appositive;
use super::super::{lower, name_len, plural};
use super::after::{is_finite, negative_auxiliary, time_or_adverb_len};
use super::that_clause::{opens_a_clause, that_with_no_verb};
use super::{CLAUSE_STARTERS, NOT_A_NOUN_START};
use crate::analysis::attribution::cue::{has_reporting_verb, is_name_word};
use crate::analysis::attribution::lexicon::{
    AUXILIARIES, IRREGULAR_PAST, LINKING_WORDS, NOUN_DETERMINERS, SUBJECT_ADVERBS,
};
use crate::analysis::tokens::strip_possessive;

/// "Woodrow Benford, 58, who lives nearby, he didn't ...", "Ann Lee, a spokeswoman, the
/// talks had failed": a subject, its appositives (an age, a role, a "who" clause, a place)
/// and then a clause of its own where the verb was: where that clause starts.
pub(super) fn pronoun_after_apposition(
    s: &str,
    rest: &[(usize, &str)],
    only_that: bool,
) -> Option<usize> {
    let mut k = 0;
    for _ in 0..4 {
        // The segment from word k to the next comma.
        let len = (1..=rest.len().saturating_sub(k)).find(|&n| {
            rest.get(k + n)
                .is_none_or(|&(at, _)| s[..at].trim_end().ends_with(','))
        })?;
        let segment: Vec<&str> = rest[k..k + len].iter().map(|&(_, w)| w).collect();
        let &after = rest.get(k + len)?;
        let l = lower(after.1);
        let head = l.split(['\'', '\u{2019}']).next().unwrap_or("");
        // "Ann Lee, facing a strong challenge, she ...", "Tom Reyes, then 38, he ...": after
        // the sentence's own subject, any aside may stand before a pronoun or a "that"
        // where its verb was.
        let resumed = !only_that
            && matches!(head, "he" | "she" | "they" | "we" | "that")
            && rest
                .get(k + len + 1)
                .is_some_and(|&(_, n)| head != "that" || opens_a_clause(n));
        if resumed && segment.len() <= 16 && is_aside(&segment) {
            return Some(after.0);
        }
        // After the sentence's own subject, an aside may stand among its appositives too:
        // "Ann Lee, 22, of Flint, Mich., she ...". A participle only straight after it: later
        // one follows the subject's own verb ("..., lashed out at the plan, telling ...").
        let participle = k > 0 && lower(segment[0]).ends_with("ing");
        let aside = !only_that && !participle && segment.len() <= 16 && is_aside(&segment);
        if !(is_apposition_segment(&segment) || aside) {
            return None;
        }
        let clause_words: Vec<&str> = rest[k + len..]
            .iter()
            .enumerate()
            .take_while(|&(i, &(at, _))| i == 0 || !s[..at].trim_end().ends_with(','))
            .map(|(_, &(_, w))| w)
            .collect();
        let that =
            head == "that" && clause_words.len() > 2 || that_with_no_verb(&clause_words, false);
        if that {
            return Some(after.0);
        }
        if only_that {
            k += len;
            continue;
        }
        if matches!(head, "he" | "she" | "they" | "we") {
            return (clause_words.len() > 1).then_some(after.0);
        }
        // "..., the talks had failed", "..., Okafor was ..."; but "Ann Lee, head of the fund,
        // a group based in Ohio, said ...": one more appositive before the subject's verb.
        if opens_finite_clause(&clause_words) && !verb_follows(s, &rest[k + len..]) {
            return Some(after.0);
        }
        k += len;
    }
    None
}

/// A segment between commas that leaves the subject waiting for its verb: an apposition, or
/// a phrase opened by a participle, a preposition or "then" ("facing a challenge", "after the
/// rally", "then 38"); not a verb phrase ("fits the bill", "said that ...").
fn is_aside(segment: &[&str]) -> bool {
    let l = lower(segment[0]);
    is_apposition_segment(segment)
        || l.len() > 4 && l.ends_with("ing") && !is_finite(&l)
        || NOT_A_NOUN_START.contains(&l) && !matches!(l.as_str(), "and" | "or" | "but" | "that")
        || matches!(
            l.as_str(),
            "then" | "now" | "meanwhile" | "however" | "too" | "also"
        )
}

/// Whether the subject's own verb opens a later comma segment, past places between
/// ("..., a retiree in Dayton, Ohio, said ...").
fn verb_follows(s: &str, rest: &[(usize, &str)]) -> bool {
    let mut starts = rest
        .iter()
        .enumerate()
        .filter(|&(i, &(at, _))| i > 0 && s[..at].trim_end().ends_with(','));
    starts.by_ref().take(3).any(|(i, &(_, w))| {
        let verb = w.starts_with(char::is_lowercase) && (is_finite(w) || has_reporting_verb(w));
        let place = rest[i..].iter().take(3).all(|&(_, w)| is_name_word(w));
        verb && !place
    })
}

/// A segment that can stand in apposition to a name: an age ("58"), a role ("a spokeswoman
/// for the council"), a "who" clause, a place ("Texas", "D.C.").
fn is_apposition_segment(segment: &[&str]) -> bool {
    let first = segment[0];
    let age = segment.len() == 1 && first.chars().all(|c| c.is_ascii_digit());
    let relative = matches!(first, "who" | "whose");
    let determined = matches!(first, "a" | "an" | "the") && segment.len() <= 16;
    let place = segment.len() <= 3 && segment.iter().all(|w| is_name_word(w));
    age || relative || determined || place || is_appositive(segment)
}

/// "the talks had failed": a determiner or a name opening a clause whose finite verb follows
/// within a few words, with no "and" or relative word before it (which would make it a list
/// or a noun phrase).
fn opens_finite_clause(clause: &[&str]) -> bool {
    let Some(first) = clause.first() else {
        return false;
    };
    let l = lower(first);
    let mut parts = l.split(['\'', '\u{2019}']);
    let head = parts.next().unwrap_or("");
    // "there's", "it's": the clause's verb is in its first word.
    if matches!(head, "there" | "it") && parts.next().is_some_and(|c| matches!(c, "s" | "ll" | "d"))
    {
        return true;
    }
    // "Ann Lee, the mayor, last week announced ...": a time before the subject's own verb.
    let past = clause
        .get(1)
        .is_some_and(|w| w.eq_ignore_ascii_case("past"));
    if time_or_adverb_len(clause) > 1 || matches!(head, "this" | "last") && past {
        return false;
    }
    // "it will ...": the pronoun and its verb.
    if l == "it" {
        return clause.get(1).is_some_and(|w| is_finite(w));
    }
    // "Okafor was ...", "Mrs. Okafor had ...": a name and its verb straight after.
    let name = name_len(clause);
    let possessive = name > 0 && strip_possessive(clause[name - 1]).is_some();
    if name > 0 && !possessive {
        // "Mr. Okafor conveyed ...": a past in "-ed" too.
        return clause.get(name).is_some_and(|w| {
            let l = lower(w);
            AUXILIARIES.contains(&l)
                || IRREGULAR_PAST.contains(&l)
                || w.starts_with(char::is_lowercase) && is_finite(&l)
        });
    }
    // A determiner, a name in the possessive ("Okafor's plan will"), or a noun phrase with
    // none ("economic growth is", "local voters were").
    let determined = possessive
        || NOUN_DETERMINERS.contains(head)
        || matches!(
            head,
            "there" | "one" | "some" | "many" | "most" | "no" | "every" | "another"
        );
    // With no determiner, only a plural straight before its verb reads as a clause
    // ("local voters were"): "..., says the plan will", "..., live tweeted" are the
    // subject's own verb phrase.
    if !determined {
        let verb = (1..clause.len().min(4)).find(|&i| is_finite(clause[i]));
        return verb.is_some_and(|v| {
            first.starts_with(char::is_lowercase)
                && !has_reporting_verb(first)
                && !matches!(head, "who" | "whose" | "which" | "where" | "when")
                && plural::is_plural(clause[v - 1])
                && clause[..v].iter().all(|w| {
                    let l = lower(w);
                    !(is_finite(w)
                        || l.ends_with("ly")
                        || l.ends_with("ing")
                        || LINKING_WORDS.contains(&l)
                        || SUBJECT_ADVERBS.contains(&l)
                        || NOT_A_NOUN_START.contains(&l)
                        || CLAUSE_STARTERS.contains(&l))
                })
        });
    }
    // "the mayor and the council had ...": after "and" only an auxiliary is the verb of a
    // clause; a word in "-ed" may qualify a second noun ("a farmer and retired teacher").
    let mut listed = false;
    // An owned noun may carry a longer phrase before its verb: "Okafor's handling of the money
    // from donors seeking her help was ...".
    // "a retired teacher": a word in "-ed" straight after an article qualifies its noun.
    let article = name == 0 && matches!(head, "a" | "an" | "the");
    for (i, w) in clause
        .iter()
        .skip(name.max(1))
        .take(if possessive { 10 } else { 8 })
        .enumerate()
    {
        let l = lower(w);
        if matches!(l.as_str(), "or" | "who" | "which" | "that" | "whose") {
            return false;
        }
        listed |= l == "and";
        let auxiliary = AUXILIARIES.contains(&l) || negative_auxiliary(&l);
        let qualifier = article && i == 0;
        if auxiliary || !listed && !qualifier && is_finite(&l) {
            return true;
        }
    }
    false
}
