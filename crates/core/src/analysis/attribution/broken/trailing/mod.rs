//! A source after a comma with no verb: "..., Yang Jin, an associate research fellow at
//! CASS.", "..., the bank in a statement.", "..., a survey by Idealista.".
//!
//! A trailing name after a comma is often an apposition ("its chief executive, Jane Fraser";
//! "in Geneva, Switzerland"; "met Karin Holm, an oceanographer"), so a name counts only where
//! no noun, name or verb acting on it stands before the comma, unless a title or an appositive
//! marks it as a person.

mod not_source;
#[cfg(test)]
mod tests;

use super::parenthetical::COURTESY;
use super::{is_role, is_title, lower, name_len, role_len, words_within};
use crate::analysis::attribution::cue::{has_reporting_verb, is_data_source, is_name_word};
use crate::analysis::attribution::lexicon::{
    Words, APPOSITION_HEADS, AUXILIARIES, IRREGULAR_PAST, NOUN_DETERMINERS, VERBISH,
};
use crate::analysis::attribution::people::Surnames;
use crate::analysis::attribution::quote::marks;
use crate::analysis::tokens::strip_possessive;
use not_source::{addresses, bare_singular_role, introduces, names_a_person, names_an_owned_thing};
use std::ops::Range;

/// Words that may follow a source whose verb was dropped: "the ministry in a statement",
/// "local officials the state news agency", "official results published on Monday".
static AFTER_SOURCE: Words = Words::new(
    "the a an on in at to by from of for reporters journalists published released issued \
    compiled during close familiar",
);

/// "met", "interviewed": a verb whose object a name after it can be (not an auxiliary: "as
/// it once did, Okafor.").
fn is_past_tense(w: &str) -> bool {
    let l = lower(w);
    (l.len() > 3 && l.ends_with("ed") || IRREGULAR_PAST.contains(&l)) && !AUXILIARIES.contains(&l)
}

/// Days and months: "on Sunday, Okafor." is no place and its apposition.
static DATES: Words = Words::new(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may \
    june july august september october november december",
);

/// What may follow a source in the same comma segment.
fn fits_after_source(rest: &[&str]) -> bool {
    // "Ann Lee released the statement": a participle with an object is the source's verb.
    let acts = rest.len() > 1 && is_past_tense(rest[0]) && determines(rest[1]);
    // "..., the airline Thursday.": the day it spoke.
    let dated = rest.len() <= 2 && rest.first().is_some_and(|w| DATES.contains_any_case(w));
    rest.is_empty()
        || dated
        || rest.len() <= 7
            && AFTER_SOURCE.contains_any_case(rest[0])
            && !acts
            && !rest.iter().any(|w| VERBISH.contains_any_case(w))
        || name_len(rest) == rest.len()
}

/// A segment that names a source: whether by name (rather than by role or pronoun), and in how
/// many words.
pub(super) fn source_segment(segment: &[&str]) -> Option<(bool, usize)> {
    if segment.len() == 1 && matches!(segment[0], "he" | "she" | "they" | "I" | "we") {
        return Some((false, 1));
    }
    if segment.iter().any(|w| VERBISH.contains_any_case(w)) {
        return None;
    }
    let name = name_len(segment);
    if name > 0 && fits_after_source(&segment[name..]) {
        return Some((true, name));
    }
    // "..., replacing four ministers": a participle opens a clause, not a source.
    if segment[0].ends_with("ing") && !is_role(segment[0]) {
        return None;
    }
    let role = role_len(segment);
    if role > 0 && fits_after_source(&segment[role..]) {
        return Some((false, role));
    }
    let person = person_len(segment);
    (person > 0 && fits_after_source(&segment[person..])).then_some((false, person))
}

/// Words that open a phrase for people: "his brother", "one longtime friend", "several
/// aides".
static PERSON_DETERMINERS: Words =
    Words::new("the a an his her their our my one several some many another those these");

/// How many leading words name people by a relation or what they do, after a determiner:
/// "his brother", "her friend", "one longtime friend", "several former aides" (up to two
/// modifiers before the noun, none a word of a clause).
fn person_len(segment: &[&str]) -> usize {
    if !segment
        .first()
        .is_some_and(|w| PERSON_DETERMINERS.contains_any_case(w))
    {
        return 0;
    }
    for (i, w) in segment.iter().enumerate().skip(1).take(3) {
        let plain = w.starts_with(char::is_lowercase)
            && !VERBISH.contains_any_case(w)
            && !super::PREPOSITIONS.contains(w)
            && !PERSON_DETERMINERS.contains(w)
            && !matches!(*w, "and" | "or" | "but" | "not" | "who" | "that");
        if !plain {
            break;
        }
        let singular = w.strip_suffix('s').unwrap_or(w);
        if is_person_noun(singular) || is_person_noun(w) {
            return i + 1;
        }
    }
    0
}

/// "an associate research fellow from the Chinese Academy of Social Sciences",
/// "an oceanographer at the University of Bergen": a role, or a word for what someone does.
pub(super) fn is_appositive(segment: &[&str]) -> bool {
    // "Facebook's outreach director", "Mrs. Obama's chief of staff": a role that a name owns.
    let owned = segment
        .iter()
        .take(3)
        .position(|w| strip_possessive(w).is_some())
        .filter(|&p| segment[..=p].iter().all(|w| is_name_word(w)));
    if let Some(p) = owned {
        return p + 1 < segment.len() && is_appositive(&segment[p + 1..]);
    }
    segment
        .first()
        .is_some_and(|w| w.starts_with(char::is_lowercase))
        && segment.len() <= 16
        && !segment.iter().any(|w| VERBISH.contains_any_case(w))
        && segment
            .iter()
            .take(7)
            .any(|w| is_role(w) || is_agent_noun(w))
}

/// A word for a person by what they do: "oceanographer", "historian", "biologist".
pub(super) fn is_agent_noun(w: &str) -> bool {
    w.len() >= 6
        && w.chars().all(|c| c.is_ascii_lowercase())
        && ["er", "or", "ist", "ian", "ant"]
            .iter()
            .any(|suffix| w.ends_with(suffix))
        && !NOT_AGENTS.contains(w)
}

/// Words with an agent's ending that name no person.
static NOT_AGENTS: Words = Words::new(
    "after other under over number quarter center centre matter letter order border factor \
    sector error either rather further neither whether corner chapter winter summer october \
    november december september minor major senior junior interior exterior anterior behavior \
    behaviour vigor honor honour favor favour labour labor harbor harbour color colour \
    better greater larger bigger smaller higher lower longer faster stronger weaker harder \
    easier earlier later never however whatever together otherwise another",
);

/// Words that open a noun phrase: "his", "a", "Ukraine's".
fn determines(w: &str) -> bool {
    NOUN_DETERMINERS.contains_any_case(w)
        || matches!(w, "another" | "my" | "your" | "one")
        || w.ends_with("'s")
        || w.ends_with("\u{2019}s")
}

/// A noun for a person: a role ("executive"), a relation ("rival", "wife"), a word for what
/// someone does ("investor"), "then-president"; not a body ("the government", "a campaign").
fn is_person_noun(w: &str) -> bool {
    let w = w.rsplit('-').next().unwrap_or(w);
    if !w.starts_with(char::is_lowercase) {
        return false;
    }
    is_role(w) && !BODIES.contains_any_case(w)
        || is_agent_noun(w)
        || PERSON_NOUNS.contains_any_case(w)
}

/// Nouns for people beside the roles and relations the lexicon holds.
static PERSON_NOUNS: Words = Words::new(
    "rival rivals mate parent child son daughter wife husband brother sister friend ally \
    colleague successor predecessor opponent challenger nominee candidate delegate patron mentor \
    boss deputy star person man woman runner conservative liberal democrat republican mother \
    father cousin nephew niece uncle aunt neighbor neighbour admiral employee donor respondent \
    confidant aide billionaire millionaire",
);

/// Roles that name a body or a document rather than a person.
static BODIES: Words = Words::new(
    "ministry authorities authority government agency department office committee commission \
    council bank fund report statement survey study poll data figures statistics sources source \
    company firm group organisation organization union party campaign military army embassy \
    court website police general",
);

/// The source, where its verb belongs, and whether after a comma (after its appositives).
/// `words` are the sentence's words, `known` the surnames the story met in full names.
pub fn trailing_source(
    s: &str,
    words: &[(usize, &str)],
    known: &Surnames,
) -> Option<(Range<usize>, usize, bool)> {
    let body = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '!' | '"' | '\u{201d}' | '\u{2019}' | ')')
    });
    // Commas between words, never one inside a number ("600,000" is one word).
    let inside_word = |i: usize| {
        let k = words.partition_point(|&(at, _)| at <= i);
        k > 0 && i < words[k - 1].0 + words[k - 1].1.len()
    };
    let cuts: Vec<usize> = body
        .match_indices(',')
        .map(|(i, _)| i)
        .filter(|&i| !inside_word(i))
        .collect();
    for (k, &cut) in cuts.iter().rev().take(4).enumerate() {
        // A clause before the comma: three words, or a quotation.
        let head = words_within(words, 0..cut);
        if head.len() < 3 && marks(&s[..cut]).next().is_none() {
            continue;
        }
        if addresses(s, &s[..cut], head) {
            continue;
        }
        let ends = cuts[cuts.len() - k..].iter().copied().chain([body.len()]);
        let starts = cuts[cuts.len() - k - 1..].iter().map(|c| c + 1);
        let spans: Vec<Range<usize>> = starts.zip(ends).map(|(a, b)| a..b).collect();
        let texts: Vec<&str> = spans.iter().map(|r| &body[r.clone()]).collect();
        let segments: Vec<Vec<&str>> = spans
            .iter()
            .map(|r| {
                words_within(words, r.clone())
                    .iter()
                    .map(|&(_, w)| w)
                    .collect()
            })
            .collect();
        // "..., Okafor, adding that ...": what follows "adding" is a further remark, and the
        // source ends before it (a quotation after it too: "..., Okafor, adding, \u{201c}...").
        let kept = segments
            .iter()
            .skip(1)
            .position(|a| a.first() == Some(&"adding"))
            .map_or(segments.len(), |j| j + 1);
        if segments[..kept].iter().any(Vec::is_empty) {
            continue;
        }
        let end = spans[kept - 1].end;
        let (source, rest) = segments[..kept].split_first()?;
        if has_reporting_verb(texts[0]) {
            continue;
        }
        let Some((by_name, source_len)) = source_segment(source) else {
            continue;
        };
        // "..., Ferdinand Marcos in the Philippines and Mr. Yanukovych.": items of a list.
        if source[source_len..]
            .iter()
            .any(|w| matches!(*w, "and" | "or"))
        {
            continue;
        }
        // "Ann Lee, Sanders' campaign manager, in a statement": a role a name owns.
        let owned = texts[0]
            .trim_start()
            .get(source[0].len()..)
            .is_some_and(|after| after.starts_with(['\'', '\u{2019}']));
        if !by_name && !owned && bare_singular_role(source, source_len) && !is_data_source(texts[0])
        {
            continue;
        }
        // "On Monday night, Ann Lee released ...": the phrase opens the clause after it; a
        // source alone after it ("On Monday, Ann Lee.") has lost its verb.
        let after = &source[source_len..];
        let continues = !after.is_empty() && name_len(after) < after.len();
        if k + 1 == cuts.len() && segments.len() == 1 && continues && introduces(s, cut, head) {
            continue;
        }
        // "..., said Ann Lee, 23, a social worker": a person named by what they do is an
        // apposition where the clause has its verb of saying.
        let by_person = !by_name && role_len(source) == 0 && source_len > 1;
        if by_person && has_reporting_verb(&s[..cut]) {
            continue;
        }
        // "..., Ann Lee, a fellow at CASS, who has studied ...": a relative clause may follow
        // the source's appositives (a name with only a relative clause is an object: "...
        // by an agent, Ann Lee, who escapes").
        let relative = |a: &[&str]| matches!(a[0], "who" | "whose");
        // "..., Sen. Ann Lee, attorney Tom Reyes and Jo Hart, whose ...": a list of names.
        let list = rest.iter().flatten().any(|w| matches!(*w, "and" | "or"));
        let appositive = match rest.split_last() {
            Some((last, before)) => {
                before.iter().all(|a| is_appositive(a))
                    && (is_appositive(last) || relative(last) && !before.is_empty() && !list)
            }
            None => true,
        };
        if !rest.is_empty() && !appositive {
            continue;
        }
        // "..., Sen. Ann Lee, and Sen. Tom Reyes.", "..., the army, the navy and the police.":
        // one item of a list.
        // An appositive's person noun comes before any "and": "a fellow at CASS and Yale".
        let joins_a_list = |a: &Vec<&str>| {
            matches!(a[0], "and" | "or")
                || a.windows(2).take_while(|p| !is_person_noun(p[0])).any(|p| {
                    let name = is_name_word(p[1]) && !p[1].chars().all(|c| c.is_uppercase());
                    matches!(p[0], "and" | "or") && (p[1] == "the" || name)
                })
        };
        if by_name && rest.iter().any(joins_a_list) {
            continue;
        }
        // The word before the comma, unless a quotation stands between ("is \u{201c}...\u{201d},").
        let last = head
            .last()
            .filter(|&&(at, w)| !s[at + w.len()..cut].trim().contains(char::is_whitespace))
            .map_or("", |&(_, w)| w);
        let last_segment: Vec<&str> = {
            let from = body[..cut].rfind([',', ';', ':', '(']).map_or(0, |i| i + 1);
            words_within(head, from..cut)
                .iter()
                .map(|&(_, w)| w)
                .collect()
        };
        // After a name, a role is that name's appositive: "Yang Jin, an associate ...".
        let titled = by_name && (source.iter().any(|w| is_title(w)) || !rest.is_empty());
        // "in Europe, a survey by Idealista": a survey is no place's apposition.
        let with_article = matches!(source[0], "a" | "an") && !is_data_source(texts[0]);
        // "met Volodina, Australia's envoy": a determined role after a name is its apposition;
        // a bare "..., police." is a source.
        let determined = source[0] == "the"
            || source[0].ends_with("'s")
            || by_person && matches!(source[0], "his" | "her" | "their" | "its" | "our");

        // "..., Okafor." or "..., Ms. Okafor." alone, the story having met "Ann Okafor": a
        // person, not a place or the next item of a list of names, and after a clause's verb
        // no object.
        let met = by_name
            && rest.is_empty()
            && (source_len == 1 || source_len == 2 && COURTESY.contains_any_case(source[0]))
            && known.met(source[source_len - 1], None);
        // "He met Karin Holm, an oceanographer": the name is what the verb acts on.
        let object = by_name && !met && is_past_tense(last);
        // A role after a name that a reporting verb introduces is that name's apposition:
        // "..., said Maria Keller, chief economist at Hanseatic Bank."
        let clause = body[..cut].rsplit(',').next().unwrap_or("");
        // So is a name after a role that a reporting verb introduces: "..., said another
        // user, Ann Lee."
        let opens_with_verb = clause
            .split_whitespace()
            .find(|w| w.contains(char::is_alphanumeric))
            .is_some_and(has_reporting_verb);
        let introduced = is_name_word(last) && has_reporting_verb(clause)
            || by_name && rest.is_empty() && opens_with_verb;
        // "displaced 600,000 people, the agency": counted people are nobody's apposition.
        let counted = head
            .iter()
            .nth_back(1)
            .is_some_and(|(_, w)| w.starts_with(|c: char| c.is_ascii_digit()));
        // "... in Ann Lee, ...": a name after a preposition is its object.
        let object = object || by_name && super::PREPOSITIONS.contains(last);
        let apposed = object
            || introduced
            || by_name && names_a_person(&last_segment)
            || by_name && !titled && !met && names_an_owned_thing(&last_segment)
            || APPOSITION_HEADS.contains_any_case(last)
            || is_role(last) && !counted
            || (by_name
                && !titled
                && !met
                && last.starts_with(char::is_uppercase)
                && !DATES.contains_any_case(last))
            || ((with_article || !by_name && determined) && is_name_word(last))
            // "... of ''Ann Lee,'' his mother.": what the quotation names, its apposition.
            || by_person && last.is_empty();
        if apposed {
            continue;
        }
        let start = cut + 1 + (body[cut + 1..].len() - body[cut + 1..].trim_start().len());
        if !rest.is_empty() {
            return Some((start..end, end, true));
        }
        // "..., the ministry in a statement.": the verb goes after "the ministry".
        let verb_at = words_within(words, spans[0].clone())
            .get(source_len.saturating_sub(1))
            .map_or(end, |(at, w)| at + w.len());
        return Some((start..end, verb_at, false));
    }
    None
}
