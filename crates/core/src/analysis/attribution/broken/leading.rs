//! A source opening a sentence with no verb after it: "Zhao the two sides should ...",
//! "The museum the painting had been sold ...", "He inflation would fall ...".
//!
//! A subject (a name, "the" and a role, a pronoun) must be followed by its verb, perhaps after
//! a time ("on Monday", "the next day") or an adverb ("also"). What follows instead shows the
//! verb was cut: a determiner or pronoun opening a new clause, a number, or, after "he", "she"
//! or "it", a noun (a word that cannot be a verb in the third person singular) with a verb
//! soon after it.

use super::plural;
use super::trailing::is_appositive;
use super::{is_role, lower, name_len, role_len};
use crate::analysis::attribution::cue::{has_reporting_verb, is_name_word};
use crate::analysis::attribution::lexicon::{
    Words, AUXILIARIES, IRREGULAR_PAST, LINKING_WORDS, NOUN_DETERMINERS, SUBJECT_ADVERBS, TITLES,
    VERBISH,
};
use crate::analysis::attribution::quote::quotes;
use crate::analysis::tokens::{is_never_a_name, strip_possessive};
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

/// The opening subject with no verb after it, and where the verb belongs (after the subject,
/// or after its appositives). The subject opens the sentence, or follows an opening
/// conjunction or an opening phrase and its comma.
/// `original` is the sentence with its quotations, `s` the same with them blanked.
pub fn leading_subject(
    original: &str,
    s: &str,
    words: &[(usize, &str)],
    attributed: bool,
) -> Option<(Range<usize>, usize)> {
    let at = Sentence { original, own: s };
    subject_starts(s, words).find_map(|k| {
        // After an opening phrase, a name and its commas may be the phrase's apposition
        // ("Like his sister, Ann Lee, now a judge, he ..."), so only a verb missing
        // before the next clause counts.
        let phrase = k > 1 || k == 1 && !OPENING_CONJUNCTIONS.contains_any_case(words[0].1);
        subject_at(at, &words[k..], attributed, !phrase)
            .or_else(|| plural::plural_subject(s, &words[k..]))
    })
}

/// A sentence with its quotations (`original`) and with them blanked (`own`), at the same
/// offsets.
#[derive(Clone, Copy)]
struct Sentence<'s> {
    original: &'s str,
    own: &'s str,
}

/// Where a sentence's subject may start: its first word; after "But", "And" ("But he that
/// ..."); after an opening phrase that no subject starts (a preposition, an adverb, a
/// participle: "During a meeting in Iowa, Rubio reporters that ...") and its comma.
pub(super) fn subject_starts<'w>(
    s: &'w str,
    words: &'w [(usize, &str)],
) -> impl Iterator<Item = usize> + 'w {
    let first = words.first().map_or(String::new(), |(_, w)| lower(w));
    let conjunction = OPENING_CONJUNCTIONS.contains(&first)
        && words
            .get(1)
            .is_some_and(|&(at, _)| !s[..at].trim_end().ends_with(','));
    // "First, ...", "Still, ...": an adverb and its comma.
    let adverb = words.get(1).is_some_and(|&(at, _)| {
        OPENING_ADVERBS.contains_any_case(words[0].1) && s[..at].trim_end().ends_with(',')
    });
    let phrase = words.first().is_some_and(|(_, w)| opens_a_phrase(w))
        || opens_with_a_time(s, words)
        || adverb;
    let after_phrase = phrase
        .then(|| {
            (1..words.len().min(14))
                .find(|&k| s[..words[k].0].trim_end().ends_with(','))
                .filter(|&k| !s[words[k - 1].0..words[k].0].contains(['"', '\u{201c}', '\u{201d}']))
        })
        .flatten();
    // "Regarding the bill, ...": a participle before its comma is no name.
    let opening = after_phrase.is_none().then_some(0);
    [
        opening,
        conjunction.then_some(1),
        after_phrase,
        after_dateline(s, words),
    ]
    .into_iter()
    .flatten()
}

/// Where the story starts after a dateline and its dash: "WASHINGTON (AP) \u{2014} ...",
/// "PARIS, May 4 (Reuters) - ...". The dateline is a place in capitals or ends with the
/// agency in brackets.
fn after_dateline(s: &str, words: &[(usize, &str)]) -> Option<usize> {
    let k = (1..words.len().min(8)).find(|&k| {
        s[words[k - 1].0 + words[k - 1].1.len()..words[k].0]
            .contains(['\u{2014}', '\u{2013}', '\u{2015}', '-'])
    })?;
    let dateline = s[..words[k - 1].0 + words[k - 1].1.len()].trim_end();
    let dash = &s[dateline.len()..words[k].0];
    let agency = dateline.ends_with(')') || dash.trim_start().starts_with(')');
    let capitals =
        dateline.chars().any(char::is_uppercase) && !dateline.chars().any(char::is_lowercase);
    (agency || capitals).then_some(k)
}

/// Adverbs that may open a sentence before a comma: "First, ...", "Still, ...".
static OPENING_ADVERBS: Words = Words::new(
    "first second third finally meanwhile instead still later earlier afterward afterwards again \
    overall otherwise indeed yet now then today tonight yesterday alas",
);

/// Words that end an opening time: "Hours later,", "This month,", "Two years ago,".
static TIME_ENDS: Words = Words::new(
    "later earlier ago afterward afterwards day days week weeks month months year years morning \
    evening night weekend hours minutes moments decades monday tuesday wednesday thursday \
    friday saturday sunday january february march april june july august september october \
    november december",
);

/// "This month, ...", "Hours later, ...": a time of up to four words and its comma open the
/// sentence before its subject.
fn opens_with_a_time(s: &str, words: &[(usize, &str)]) -> bool {
    let Some(k) = (1..words.len().min(5)).find(|&k| s[..words[k].0].trim_end().ends_with(','))
    else {
        return false;
    };
    TIME_ENDS.contains_any_case(words[k - 1].1)
        && !words[..k].iter().any(|(_, w)| VERBISH.contains_any_case(w))
}

/// Words that open a subject, not a phrase before it.
static DETERMINERS: Words = Words::new(
    "the a an this that these those some most many much both no each every all any its his her \
    their our my your there another other such",
);

/// Conjunctions and adverbs that may open a sentence before its subject: "But he ...".
static OPENING_CONJUNCTIONS: Words = Words::new("but and so yet then still now also");

/// Whether a sentence's first word opens a phrase rather than a subject: a preposition or an
/// adverb that is never a name ("During", "However"), an adverb in "-ly" ("Significantly"), a
/// participle ("Speaking", "Asked").
pub(super) fn opens_a_phrase(first: &str) -> bool {
    let l = lower(first);
    let determiner = DETERMINERS.contains(&l) || SUBJECT_PRONOUNS.contains(&l);
    !determiner
        && (is_never_a_name(first)
            || l.len() > 4 && (l.ends_with("ly") || l.ends_with("ing") || l.ends_with("ed")))
}

/// A subject at the start of `words` with no verb after it.
fn subject_at(
    at: Sentence,
    words: &[(usize, &str)],
    attributed: bool,
    opening: bool,
) -> Option<(Range<usize>, usize)> {
    let s = at.own;
    let plain: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    let first = *plain.first()?;
    let first_lower = lower(first);
    let pronoun = matches!(first_lower.as_str(), "he" | "she" | "they" | "it" | "we");
    // "A top adviser the plan ...": an indefinite role is a source too.
    let indefinite = matches!(first_lower.as_str(), "a" | "an");
    let subject = if pronoun {
        1
    } else if first_lower == "the" || indefinite {
        let role = role_len(&plain[1..]).checked_add(1).filter(|&n| n > 1);
        let name = if indefinite {
            0
        } else {
            with_owned_role(&plain, name_len(&plain))
        };
        role.unwrap_or(0).max(name)
    } else if is_name_word(first) && !carries_its_verb(first) && !opens_otherwise(&plain) {
        with_owned_role(&plain, name_len(&plain))
    } else {
        0
    };
    if subject == 0 {
        return None;
    }
    // A name run stops at a comma: "The chief executive, Ann Lee, ..." is a role and its
    // apposition; and at a bracket or a dash ("PARIS (AP) \u{2014} Okafor ...").
    let subject = (1..subject)
        .find(|&i| {
            s[words[i - 1].0 + words[i - 1].1.len()..words[i].0]
                .contains([',', '(', ')', '\u{2014}', '\u{2013}', '\u{2015}'])
        })
        .unwrap_or(subject);
    // "Melania Lee Lee supporters ...", "Gov. Ann Lee Sen. Tom Cruz is ...": two names run
    // together, the first one's verb cut between them.
    if !pronoun {
        if let Some(split) = second_name_at(&plain[..subject]) {
            let end = words[split - 1].0 + words[split - 1].1.len();
            return Some((words[0].0..end, end));
        }
    }
    let end = words[subject - 1].0 + words[subject - 1].1.len();
    // "FALLIN: I think ...": a speaker's label in a transcript is attribution enough; a dash
    // after the subject opens an apposition ("Ann Lee \u{2013} a fan \u{2013} gave ...").
    if s[end..]
        .trim_start()
        .starts_with([':', '\u{2013}', '\u{2014}', '-'])
    {
        return None;
    }
    // A quotation straight after the subject is its clause ("Obama \u{201c}it gets me
    // mad\u{201d}") or its verb phrase ("He \u{201c}misspoke\u{201d}"), never a starter.
    if starts_with_mark(&at.original[end..]) {
        let clause = !indefinite && quotation_opens_clause(at, end);
        return clause.then(|| (words[0].0..end, end));
    }
    if subject == plain.len() {
        return quote_after_comma(&s[end..]).then(|| (words[0].0..end, end));
    }
    // A comma straight after the subject opens an aside ("Ann Lee, then 38, ..."), even one
    // that starts with an adverb.
    let aside = s[end..words[subject].0].contains(',');
    let next = if aside {
        subject
    } else {
        subject + time_or_adverb_len(&plain[subject..])
    };
    let starter = lower(plain.get(next)?);
    if s[..words[next].0].trim_end().ends_with(',') {
        if quote_after_comma(&s[end..]) {
            return Some((words[0].0..end, end));
        }
        // "..., who fishes off the pier, said he ...": the verb goes before the pronoun. After
        // an opening phrase only a "that" clause shows it: a name there may be the phrase's
        // apposition ("Like his sister, Ann Lee, now a judge, he ...").
        let pronoun = pronoun_after_apposition(s, &words[subject..], !opening)?;
        return Some((words[0].0..end, s[..pronoun].trim_end().len()));
    }
    let digit = counts_things(&plain[next..]);
    // A role may take a relative "that" ("the company that makes"); a name takes "who".
    let role = first_lower == "the" || indefinite;
    // "They both were ...": a quantifier after a pronoun belongs to it.
    let floating = pronoun && matches!(starter.as_str(), "both" | "all" | "each");
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
    // "Trump no longer owns ...": an adverb, not a determiner.
    let adverb = starter == "no" && plain.get(next + 1).is_some_and(|w| *w == "longer");
    // "A shuttle service he ran ...": after an indefinite role, only a determiner shows a
    // new clause; a pronoun may open a relative clause.
    let relative = indefinite && !matches!(starter.as_str(), "the" | "a" | "an");
    let cut = !floating
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
    cut.then(|| (words[0].0..end, end))
}

/// Capitalised words that open a sentence as something other than its subject: a question's
/// auxiliary ("Was he ...?"), an imperative ("Read the full story"), a sentence adverb.
static NOT_SUBJECTS: Words = Words::new(
    "is are was were be been has have had do does did would could might shall should must read watch see look take call pay click listen note consider imagine remember \
    let make give try ask tell keep follow check sign join meet expect maybe perhaps first \
    second third finally answer please",
);

/// Whether the capitalised first word opens the sentence other than as a name: in
/// `NOT_SUBJECTS`, or a gerund before a lower-case word ("Losing the seat would ...").
fn opens_otherwise(plain: &[&str]) -> bool {
    let first = lower(plain[0]);
    let gerund = first.len() > 4
        && first.ends_with("ing")
        && plain
            .get(1)
            .is_some_and(|w| w.starts_with(char::is_lowercase));
    NOT_SUBJECTS.contains(&first) || negative_auxiliary(&first) || gerund
}

/// Where a second name starts inside a run of capitalised words that was read as one: the
/// same word twice ("Ann Lee Lee supporters"), or a capitalised title after a name that a
/// title or role already opened ("Gov. Ann Lee Sen. Tom Cruz").
fn second_name_at(run: &[&str]) -> Option<usize> {
    let titled = |w: &str| TITLES.contains(w) || is_role(w);
    (2..run.len()).find(|&j| {
        let (w, before) = (run[j], run[j - 1]);
        let repeated = w == before && is_name_word(w) && !TITLES.contains(w);
        let second_title = TITLES.contains(w)
            && is_name_word(before)
            && !titled(before)
            && run[..j - 1].iter().any(|t| titled(t))
            && run[j + 1..].iter().any(|n| is_name_word(n) && !titled(n));
        repeated || second_title
    })
}

/// "Obama \u{201c}it gets me mad\u{201d} ...": the subject straight before a quotation
/// that opens a clause ("it", "the", "we"), with no comma or verb between. A quoted verb
/// phrase ("He \u{201c}misspoke\u{201d}") or a nickname ("Dwayne \u{201c}The Rock\u{201d}
/// Johnson") is no clause.
fn quotation_opens_clause(at: Sentence, end: usize) -> bool {
    let rest = &at.original[end..];
    let mark = end + (rest.len() - rest.trim_start().len());
    let Some(q) = quotes(at.original)
        .into_iter()
        .find(|q| q.range.start == mark)
    else {
        return false;
    };
    let inner: Vec<&str> = at.original[q.range.clone()]
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty() && *w != "''")
        .collect();
    let opens = inner.first().is_some_and(|w| {
        let l = lower(w);
        let head = l.split(['\'', '\u{2019}']).next().unwrap_or("");
        NEW_CLAUSE.contains(head) || SUBJECT_PRONOUNS.contains(head) || head == "we"
    });
    // "The Art of the Deal": a title in capitals is no clause.
    let title = inner
        .iter()
        .all(|w| w.starts_with(char::is_uppercase) || PARTICLES.contains(w));
    opens && inner.len() >= 3 && !title
}

/// Whether `s` starts, after white space, with a quotation mark.
fn starts_with_mark(s: &str) -> bool {
    let s = s.trim_start();
    s.starts_with(['"', '\u{201c}']) || s.starts_with("''")
}

/// Small words a title in capitals leaves in lower case.
static PARTICLES: Words = Words::new("of the a an and in on to for at by with from or");

/// "It's", "That's", "I'm": a word that carries its verb ("is", "am") is no verbless subject.
fn carries_its_verb(first: &str) -> bool {
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

/// "She, \u{201c}...": a subject and a comma straight before an opening quotation mark.
fn quote_after_comma(after_subject: &str) -> bool {
    after_subject.strip_prefix(',').is_some_and(|rest| {
        let rest = rest.trim_start();
        rest.starts_with(['"', '\u{201c}']) || rest.starts_with("''")
    })
}

/// "Woodrow Benford, 58, who lives nearby, he didn't ...", "Ann Lee, a spokeswoman, the
/// talks had failed": a subject, its appositives (an age, a role, a "who" clause, a place)
/// and then a clause of its own where the verb was: where that clause starts.
fn pronoun_after_apposition(s: &str, rest: &[(usize, &str)], only_that: bool) -> Option<usize> {
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
        if !is_apposition_segment(&segment) {
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
        // "..., the talks had failed", "..., Okafor was ...".
        if opens_finite_clause(&clause_words) {
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
    // "it will ...": the pronoun and its verb.
    if l == "it" {
        return clause.get(1).is_some_and(|w| is_finite(w));
    }
    // "Okafor was ...", "Mrs. Okafor had ...": a name and its verb straight after.
    let name = name_len(clause);
    let possessive = name > 0 && strip_possessive(clause[name - 1]).is_some();
    if name > 0 && !possessive {
        return clause.get(name).is_some_and(|w| {
            let l = lower(w);
            AUXILIARIES.contains(&l) || IRREGULAR_PAST.contains(&l)
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
    for w in clause.iter().skip(name.max(1)).take(8) {
        let l = lower(w);
        if matches!(
            l.as_str(),
            "and" | "or" | "who" | "which" | "that" | "whose"
        ) {
            return false;
        }
        if is_finite(&l) {
            return true;
        }
    }
    false
}

/// A finite verb: an auxiliary ("would", "won't"), an irregular past or one in "-ed".
fn is_finite(w: &str) -> bool {
    let l = lower(w);
    AUXILIARIES.contains(&l)
        || negative_auxiliary(&l)
        || IRREGULAR_PAST.contains(&l)
        || l.len() > 4 && l.ends_with("ed")
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
    "the a an in on at to during last this reporters journalists statement interview letter \
    post speech briefing conference news press radio television hearing rally meeting event \
    debate forum remarks comments testimony column book memoir tweet email memo message video",
);

/// "Zhao that the talks ...", "Zhao the Times on Monday that ...": a "that" clause with no
/// verb to hang on (but "that day" is a time).
pub(super) fn that_with_no_verb(words: &[&str], role: bool) -> bool {
    // After a name, whom it was told and where may be any words that are no verb ("Okafor in
    // her opening remarks that ..."), but then "that" must open a clause of its own, not a
    // relative one ("Okafor in the race that made her name").
    let mut loose = false;
    for (i, w) in words.iter().enumerate().take(9) {
        if *w == "that" && loose {
            return words.get(i + 1).is_some_and(|n| opens_a_clause(n));
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
        let filler = w.starts_with(char::is_uppercase) || BEFORE_THAT.contains_any_case(w);
        // "in her opening remarks": after a determiner a word in "-ing" is an adjective.
        let determined = i > 0 && DETERMINERS.contains_any_case(words[i - 1]);
        if !filler && (role || i == 0 || !is_filler(w, determined)) {
            return false;
        }
        loose |= !filler;
    }
    false
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
pub(super) fn opens_a_clause(w: &str) -> bool {
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

/// A name in the possessive and the role it owns: "Okafor's campaign", "the Greens' office".
fn with_owned_role(words: &[&str], name: usize) -> usize {
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

/// A number that counts things: "80 firefighters", "12 percent" (not "Boeing 737 Max").
fn counts_things(words: &[&str]) -> bool {
    let [number, noun, ..] = words else {
        return false;
    };
    number.starts_with(|c: char| c.is_ascii_digit())
        && (number.contains([',', '%'])
            || noun.starts_with(char::is_lowercase)
                && !AUXILIARIES.contains(noun)
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
    // "on" only before a day, above: "the candidate on the stage" is no time; "now" before an
    // article opens an appositive ("Ann Lee, now a judge,"), not a verb's adverb.
    let appositive = l(0) == "now" && matches!(l(1).as_str(), "a" | "an" | "the");
    usize::from(
        LINKING_WORDS.contains(l(0)) && !AUXILIARIES.contains(l(0)) && l(0) != "on" && !appositive,
    )
}

/// "won't", "didn't", "hasn't": an auxiliary with its "not".
fn negative_auxiliary(w: &str) -> bool {
    w.ends_with("n't") || w.ends_with("n\u{2019}t")
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
            || negative_auxiliary(w)
            || w == "cannot"
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
        with_words(s, |words| leading_subject(s, s, words, attributed)).map(|(r, _)| &s[r])
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
            ("Okafor last week that the plan had failed.", "Okafor"),
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
    fn a_subject_with_no_verb_after_an_opening() {
        for (s, subject) in [
            (
                "During a visit to the plant, Okafor the factory would reopen.",
                "Okafor",
            ),
            ("But she the plan would cost too much.", "she"),
            (
                "Asked about the delay, the mayor the bridge would open next year.",
                "the mayor",
            ),
            (
                "Marta Olsen, 44, who runs a bakery, she could not pay the rent.",
                "Marta Olsen",
            ),
            ("Okafor, \u{201c}We will not give up.\u{201d}", "Okafor"),
            ("Jill A. Noone the vote had been close.", "Jill A. Noone"),
            (
                "Tom Reyes, its chief executive, buyers were getting more careful.",
                "Tom Reyes",
            ),
            (
                "Tom Reyes, its chief executive, local buyers were careful.",
                "Tom Reyes",
            ),
            (
                "Ann Lee, a farmer near Fresno, it will help the town.",
                "Ann Lee",
            ),
            (
                "Ann Lee, a farmer near Fresno, Okafor's plan would ruin the town.",
                "Ann Lee",
            ),
            ("Hours later, the agency it would appeal.", "the agency"),
            ("This month, Okafor the plan was dead.", "Okafor"),
            (
                "First, party officials the vote would start late.",
                "party officials",
            ),
            (
                "Ann Lee's campaign it had raised more.",
                "Ann Lee's campaign",
            ),
            (
                "Gov. Ann Lee Sen. Tom Cruz's new plan is worthless.",
                "Gov. Ann Lee",
            ),
            (
                "Tom Reyes, who farms near Fresno, one crop he likes is the almond.",
                "Tom Reyes",
            ),
            (
                "PARIS (AP) \u{2014} Okafor the vote had been fair.",
                "Okafor",
            ),
            (
                "BERLIN \u{2014} The ministry it would appeal.",
                "The ministry",
            ),
            (
                "Tom Reyes, facing a strong challenge at home, he would not resign.",
                "Tom Reyes",
            ),
            ("Tom Reyes, then 38, that the plan was his.", "Tom Reyes"),
            (
                "Okafor in her opening remarks that the party must unite.",
                "Okafor",
            ),
            (
                "Okafor reporters after a rally in Ohio that he would win.",
                "Okafor",
            ),
        ] {
            assert_eq!(cut(s, false), Some(subject), "{s}");
        }
        for s in [
            "It's a good plan and the council agrees.",
            "They both were late for the vote.",
            "It won't be easy to find the money.",
            "The company that makes the engines has closed.",
            "Regarding the budget, the council met on Monday.",
            "Like his brother, Tom Reyes, now a judge, he was cautious.",
            "Ann Lee, 45, a farmer near Fresno, also said the plan would fail.",
            "Ann Lee, a farmer near Fresno, and her son were arrested.",
            "Ann Lee, a farmer near Fresno, says the plan will fail.",
            "Ann Lee, a farmer near Fresno, live tweeted the meeting.",
            "Ann Lee, 44, known locally as Annie, was arrested.",
            "Ann Lee, a farmer, whose roots are in Fresno, said so.",
            "In recent years, Group 7 has grown.",
            "Okafor's biggest worry is the budget.",
            "But the candidate on the stage drew a contrast.",
            "Last week, Okafor signed the bill.",
            "Two years ago, the town had no doctor.",
            "A company that Okafor founded made a donation.",
            "First Lady Ann Lee, who won, spoke.",
            "Sen. Tom Cruz's new plan is worthless.",
            "PARIS (AP) \u{2014} The vote had been fair.",
            "Okafor in the race that made her name was a winner.",
            "Okafor, who is 38, said that he would run.",
        ] {
            assert_eq!(cut(s, false), None, "{s}");
        }
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
            "Okafor last week signed the bill that cut taxes.",
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
