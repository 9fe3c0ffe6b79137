//! A plural source opening a sentence with no verb after it: "Some economists the plan would
//! fail.", "Aides they expected a close vote.", "His advisers Okafor was tired.", "Many
//! critics that the rules would cost jobs.".
//!
//! The subject is a group of people: a quantifier ("some", "many", "several") and a plural
//! noun, or people named by what they do in the plural ("aides", "officials", "supporters"),
//! perhaps owned ("his aides", "the mayor's advisers") and modified ("local party officials").
//! Its verb must follow. A new clause in its place (a subject pronoun, a determiner or a name
//! and then a verb, or "that" and a clause) shows the verb was cut, unless that clause is a
//! relative one without "that": "Some voters they met were angry" goes on with the
//! subject's own verb straight after the relative clause's.

use super::trailing::is_agent_noun;
use super::{is_role, lower, name_len};
use crate::analysis::attribution::lexicon::{
    Words, AUXILIARIES, IRREGULAR_PAST, LINKING_WORDS, SUBJECT_ADVERBS, VERBISH,
};
use crate::analysis::tokens::strip_possessive;
use std::ops::Range;

/// Quantifiers that open a plural subject: "Some economists", "Several aides".
static QUANTIFIERS: Words = Words::new("some many several most few other various numerous");

/// Plural nouns of time, which a quantifier makes an adverbial: "Many times", "Most days".
pub(super) static TIMES: Words = Words::new(
    "times days weeks months years decades hours minutes nights mornings evenings weekends \
    occasions instances",
);

/// Possessive determiners that may own a plural source: "His aides", "Their lawyers".
static OWNERS: Words = Words::new("his her their its our");

/// Determiners that open a clause's subject where the verb was: "Aides the plan ...".
static CLAUSE_DETERMINERS: Words =
    Words::new("the a an his her their its this these those that's there");

/// Subject pronouns that open a clause where the verb was: "Aides they ...".
static CLAUSE_PRONOUNS: Words = Words::new("he she they we it i");

/// Words that end a clause's verb phrase: a conjunction or a subordinator.
static CLAUSE_ENDS: Words = Words::new(
    "and or but as when because while if that which who whom where since after before although \
    though so than until unless whether",
);

/// Short words that may stand between a relative clause's verb and the subject's own verb:
/// "Some people they talked to were ...", "the aides he relied on most were ...".
static GAP_WORDS: Words = Words::new("to on with about for of at in from up out most now then");

/// The plural source opening `words` with no verb after it, and where the verb belongs.
/// `s` is the sentence (quotations blanked), for the commas between words.
pub fn plural_subject(s: &str, words: &[(usize, &str)]) -> Option<(Range<usize>, usize)> {
    let plain: Vec<&str> = words.iter().map(|&(_, w)| w).collect();
    let n = subject_len(&plain)?;
    let end = words[n - 1].0 + words[n - 1].1.len();
    // "Salem, Oregon, Okafor reporters ...": a subject runs to no comma.
    if s[words[0].0..end].contains(',') {
        return None;
    }
    // A comma or a dash after the subject opens an apposition or an aside, not a clause.
    if !s[end..words.get(n)?.0].trim().is_empty() {
        return None;
    }
    let clause: Vec<&str> = words[n..]
        .iter()
        .take_while(|&&(at, _)| !s[end..at].contains([',', ';', ':', '\u{2014}', '(']))
        .map(|&(_, w)| w)
        .collect();
    opens_clause(&clause, is_people(plain[n - 1])).then(|| (words[0].0..end, end))
}

/// How many leading words are a plural subject: a quantifier or an owner, up to three
/// modifiers and a plural noun; with neither, the noun must name people by what they do.
fn subject_len(plain: &[&str]) -> Option<usize> {
    let quantified = QUANTIFIERS.contains_any_case(plain.first()?);
    // "Most of the candidates", "Some of Okafor's allies": the people a quantifier picks from.
    let picked = quantified
        && plain.get(1).is_some_and(|w| *w == "of")
        && plain
            .get(2)
            .is_some_and(|w| *w == "the" || OWNERS.contains(w) || strip_possessive(w).is_some());
    let start = if picked {
        3
    } else if quantified {
        1
    } else {
        owner_len(plain)
    };
    let mut head = None;
    for (i, w) in plain.iter().enumerate().skip(start).take(4) {
        let l = lower(w);
        if VERBISH.contains(&l)
            || CLAUSE_ENDS.contains(&l)
            || super::PREPOSITIONS.contains(&l)
            || CLAUSE_DETERMINERS.contains(&l)
            || CLAUSE_PRONOUNS.contains(&l)
            || CLAUSE_PRONOUNS.contains(l.split(['\'', '\u{2019}']).next().unwrap_or(""))
            || strip_possessive(w).is_some()
        {
            break;
        }
        // "Many times the ...", "Most days the ...": a time, not a subject.
        // "Okafor told reporters": a verb ends the subject.
        if is_finite(w) {
            break;
        }
        let plural = if quantified {
            is_plural(w) && !TIMES.contains_any_case(w)
        } else {
            is_people(w)
        };
        if plural {
            head = Some(i + 1);
        }
    }
    head
}

/// How many leading words own the subject: "His", "Mr. Okafor's", "the mayor's"; none if
/// the subject is unowned.
fn owner_len(plain: &[&str]) -> usize {
    if OWNERS.contains_any_case(plain[0]) {
        return 1;
    }
    // "the mayor's aides": a role in the possessive.
    let role_owner = |w: &&str| strip_possessive(w).is_some_and(is_role);
    if plain[0].eq_ignore_ascii_case("the") && plain.get(1).is_some_and(role_owner) {
        return 2;
    }
    // "He's telling allies": a pronoun's "'s" is its verb, not an owner.
    let name = name_len(plain);
    if name > 0
        && strip_possessive(plain[name - 1])
            .is_some_and(|base| !CLAUSE_PRONOUNS.contains_any_case(base))
    {
        return name;
    }
    0
}

/// A plural noun: "economists", "Democrats" (not "says", "class", "this").
pub(super) fn is_plural(w: &str) -> bool {
    let l = lower(w);
    l.len() > 3
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
        && l.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// A whole phrase naming people in the plural: "officials", "Democratic aides", "former
/// employees", "police" (up to three words, no determiner or list).
pub(super) fn is_people_phrase(phrase: &[&str]) -> bool {
    let Some((last, modifiers)) = phrase.split_last() else {
        return false;
    };
    (is_people(last) || *last == "police")
        && phrase.len() <= 3
        && modifiers.iter().all(|w| {
            let l = lower(w);
            !(VERBISH.contains(&l)
                || NOT_MODIFIERS.contains(&l)
                || l.ends_with("ly")
                || CLAUSE_ENDS.contains(&l)
                || CLAUSE_DETERMINERS.contains(&l)
                || CLAUSE_PRONOUNS.contains(&l)
                || super::PREPOSITIONS.contains(&l)
                || is_finite(w)
                || l.ends_with("ing"))
        })
}

/// Words that make a phrase more than people named: a preposition ("like most economists",
/// "among voters") or a quantifier.
static NOT_MODIFIERS: Words = Words::new(
    "like unlike among between across against as than except including despite without within \
    over under through toward towards most many some all both each several few",
);

/// People in the plural named by what they do: "aides", "officials", "supporters"; a word
/// for what someone does ("lobbyists") only in lower case ("Sanders" is a name).
pub(super) fn is_people(w: &str) -> bool {
    if !is_plural(w) {
        return false;
    }
    let l = lower(w);
    let one = l
        .strip_suffix("ies")
        .map_or_else(|| l[..l.len() - 1].to_string(), |stem| format!("{stem}y"));
    let agent = w.starts_with(char::is_lowercase) && is_agent_noun(&one) && !VERBS.contains(&one);
    (is_role(&l) || is_role(&one) || agent || TIED.contains(&one)) && !NOT_PEOPLE.contains(&one)
}

/// People named by their tie to a body rather than by what they do: "former employees".
static TIED: Words = Words::new("employee donor respondent");

/// Role nouns that name no people: what is said, not who says it ("reports", "polls").
static NOT_PEOPLE: Words = Words::new(
    "new time report statement survey study poll data figure statistic result record document memo \
    audit ranking index email letter magazine lawsuit suit complaint indictment paper filing \
    analysis analyse research source service exchange",
);

/// Verbs with the ending of a word for what someone does: "insists", "considers".
static VERBS: Words = Words::new(
    "insist persist resist consist assist exist consider remember deliver discover wonder \
    answer gather suffer prefer refer register offer enter cover order counter",
);

/// "officials this week ...": a time after the subject, before its verb.
fn opens_with_time(clause: &[&str]) -> bool {
    let [first, second, ..] = clause else {
        return false;
    };
    matches!(lower(first).as_str(), "this" | "last" | "next" | "that")
        && (TIMES.contains_any_case(second) || TIME_WORDS.contains_any_case(second))
}

/// Singular nouns of time: "this week", "last year".
static TIME_WORDS: Words =
    Words::new("day week month year morning afternoon evening night weekend time spring summer fall autumn winter");

/// A clause without "that" opening `clause` (its subject first) whose verb is followed by
/// another: "the state funds are", "Okafor hired was" (after "that", a relative clause).
pub(super) fn is_relative_clause(clause: &[&str]) -> bool {
    (1..clause.len().min(5))
        .find(|&i| is_finite(clause[i]))
        .is_some_and(|verb| is_relative(&clause[verb..]))
}

/// Whether `clause`, straight after a plural subject, is a clause of its own where the verb
/// was: a pronoun, a determiner or a name opening it with a finite verb soon after; or "that"
/// and such a clause (after people only: "Some programs that the state funds ..." is a
/// relative clause).
fn opens_clause(clause: &[&str], people: bool) -> bool {
    let Some(first) = clause.first() else {
        return false;
    };
    let l = lower(first);
    if opens_with_time(clause) {
        return false;
    }
    if l == "that" && people {
        return opens_clause(&clause[1..], false);
    }
    let head = l.split(['\'', '\u{2019}']).next().unwrap_or("");
    let subject = if CLAUSE_PRONOUNS.contains(head) {
        1
    } else if CLAUSE_DETERMINERS.contains(&l) {
        // "the plan", "the new rules": the verb comes within a few words.
        1
    } else {
        name_len(clause)
    };
    if subject == 0 {
        return false;
    }
    // "they'll", "he's": the verb is in the pronoun.
    let contracted = head.len() < l.len() && CLAUSE_PRONOUNS.contains(head);
    let limit = if CLAUSE_DETERMINERS.contains(&l) {
        6
    } else {
        2
    };
    // "Aides they support the plan": after a pronoun, a plain word is its verb in the present.
    let present = |i: usize| {
        let w = clause[i];
        let l = lower(w);
        subject == 1
            && i == 1
            && !contracted
            && CLAUSE_PRONOUNS.contains(head)
            && w.chars().all(|c| c.is_lowercase() || c == '-')
            && !(SUBJECT_ADVERBS.contains(&l)
                || LINKING_WORDS.contains(&l)
                || CLAUSE_ENDS.contains(&l)
                || GAP_WORDS.contains(&l)
                || super::PREPOSITIONS.contains(&l)
                || l.ends_with("ly"))
    };
    let Some(verb) =
        (subject..clause.len().min(subject + limit)).find(|&i| is_finite(clause[i]) || present(i))
    else {
        return contracted;
    };
    // Nothing between the subject and the verb that makes a list or a relative clause.
    let broken = clause[subject..verb]
        .iter()
        .any(|w| CLAUSE_ENDS.contains_any_case(w));
    !broken && !is_relative(&clause[verb..])
}

/// A finite verb: an auxiliary, an irregular past, a regular past, "won't".
pub(super) fn is_finite(w: &str) -> bool {
    let l = lower(w);
    AUXILIARIES.contains(&l)
        || IRREGULAR_PAST.contains(&l)
        || l.len() > 4 && l.ends_with("ed")
        || l.ends_with("n't")
        || l.ends_with("n\u{2019}t")
}

/// Whether the verb phrase opening `verb` (its first word finite) belongs to a relative
/// clause without "that": the subject's own verb follows straight after it, perhaps after a
/// preposition or an adverb ("they met were", "they talked to were", "he knew well had").
fn is_relative(verb: &[&str]) -> bool {
    // The verb group: the finite verb, and after an auxiliary what it carries ("would have
    // said", "had been told"), but never a second finite verb ("did were").
    let mut end = 1;
    let carries = AUXILIARIES.contains_any_case(verb[0]);
    while carries && end < verb.len() {
        let next = lower(verb[end]);
        if AUXILIARIES.contains(&next) && !matches!(next.as_str(), "be" | "been" | "have")
            || GAP_WORDS.contains(&next)
        {
            break;
        }
        end += 1;
        if !matches!(
            next.as_str(),
            "be" | "been" | "being" | "have" | "not" | "never" | "also" | "still" | "just"
        ) {
            break;
        }
    }
    let rest = &verb[end.min(verb.len())..];
    let gap = rest
        .iter()
        .take_while(|w| GAP_WORDS.contains_any_case(w))
        .count()
        .min(2);
    rest.get(gap).is_some_and(|w| is_finite(w))
}

#[cfg(test)]
mod tests {
    use super::super::tests::with_words;
    use super::*;

    fn cut(s: &str) -> Option<&str> {
        with_words(s, |words| plural_subject(s, words)).map(|(r, _)| &s[r])
    }

    #[test]
    fn a_plural_subject_with_no_verb() {
        for (s, subject) in [
            ("Some economists the plan would fail.", "Some economists"),
            ("Aides they expected a close vote in March.", "Aides"),
            (
                "Local party officials it would not happen again.",
                "Local party officials",
            ),
            (
                "His advisers Okafor was tired of the campaign.",
                "His advisers",
            ),
            (
                "Many critics that the rules would cost jobs.",
                "Many critics",
            ),
            (
                "The mayor's aides she had not decided yet.",
                "The mayor's aides",
            ),
            ("Several farmers they'll sell the land.", "Several farmers"),
            (
                "Most of the candidates they support the plan.",
                "Most of the candidates",
            ),
            (
                "Some of Okafor's allies they had come to accept it.",
                "Some of Okafor's allies",
            ),
        ] {
            assert_eq!(cut(s), Some(subject), "{s}");
        }
    }

    #[test]
    fn plural_subjects_with_their_verbs_or_relative_clauses() {
        for s in [
            "Some economists expect the plan to fail.",
            "Some voters they met were angry about the plan.",
            "Several of the workers the union talked to were fired.",
            "Many people the agency hired had no training.",
            "Some programs that the state funds were cut.",
            "Aides and advisers were told to stay home.",
            "Some economists, the bank said, expect a fall.",
            "Officials who spoke to the press were fired.",
            "Most households the survey reached had a car.",
            "Many employers that the agency inspected had broken the rules.",
            "Many times the plan has failed.",
            "Most of the voters they met were angry.",
            "Some things the council does are popular.",
            "His aides the mayor would have fired were kept on.",
            "Okafor told reporters that the plan had failed.",
            "Okafor insists that the plan will work.",
            "Sanders campaign manager Ann Lee said the plan had failed.",
            "Local officials this week approved the plan.",
            "Okafor reports the plan had failed.",
        ] {
            assert_eq!(cut(s), None, "{s}");
        }
    }
}
