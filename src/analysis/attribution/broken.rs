//! Broken attributions: a source named with no reporting verb, or "according to" naming nobody.
//!
//! Read in every sentence: a setting ("in a statement") or a data source ("a survey by") is
//! attribution enough for a claim but no verb for the source beside it. Three shapes:
//! - a trailing source: "..., Yang Jin, an associate research fellow at CASS." (the verb
//!   "said" or "told the Global Times" dropped), "..., the bank in a statement.";
//! - a leading source straight before a clause: "Zhao the two sides should ..." (see
//!   [`leading`]);
//! - "according to" followed by nothing.
//!
//! A trailing name after a comma is often an apposition ("its chief executive, Jane Fraser";
//! "in Geneva, Switzerland"), so a name counts only where no noun or name stands before the
//! comma, unless a title or an appositive marks it as a person.

mod leading;

use super::cue::{has_reporting_verb, is_name_word};
use super::lexicon::{
    Words, APPOSITION_HEADS, DATA_SOURCE, IRREGULAR_PAST, ROLE_NOUNS, TITLES, VERBISH,
};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// How an attribution is broken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Broken {
    /// A source named with no reporting verb: "..., Yang Jin, a fellow at CASS."
    MissingVerb,
    /// "according to" with nothing after it.
    EmptyAccordingTo,
}

static EMPTY_ACCORDING_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\baccording to\s*(?:[.,;:!?)\u{2014}]|$)").unwrap());

/// Words that may follow a source whose verb was dropped: "the ministry in a statement",
/// "local officials the state news agency", "official results published on Monday".
static AFTER_SOURCE: Words = Words::new(
    "the a an on in at to by from of for reporters journalists published released issued \
    compiled during",
);

/// A broken attribution, and where it is. `attributed`: the sentence has a reporting cue
/// elsewhere, which a verbless source after a comma does not mend ("..., the bank in a
/// statement.") but which makes fewer openings suspect.
pub fn broken(s: &str, attributed: bool) -> Option<(Broken, Range<usize>)> {
    if let Some(m) = EMPTY_ACCORDING_TO.find(s) {
        let end = m.start() + "according to".len();
        return Some((Broken::EmptyAccordingTo, m.start()..end));
    }
    let words = words(s);
    leading::leading_subject(s, &words, attributed)
        .or_else(|| trailing_source(s))
        .map(|r| (Broken::MissingVerb, r))
}

/// Words with their offsets, punctuation trimmed (but a name's "Corp." keeps its period).
fn words(s: &str) -> Vec<(usize, &str)> {
    s.split_whitespace()
        .map(|w| {
            let offset = w.as_ptr() as usize - s.as_ptr() as usize;
            let trimmed = w.trim_start_matches(|c: char| !c.is_alphanumeric());
            let lead = w.len() - trimmed.len();
            let trimmed = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
            (offset + lead, trimmed.trim_end_matches(['.', ',']))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect()
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

fn is_role(w: &str) -> bool {
    ROLE_NOUNS.contains_any_case(w)
}

/// "met", "interviewed": a verb whose object a name after it can be.
fn is_past_tense(w: &str) -> bool {
    let l = lower(w);
    l.len() > 3 && l.ends_with("ed") || IRREGULAR_PAST.contains(&l)
}

fn is_title(w: &str) -> bool {
    TITLES.contains(w) || is_role(w)
}

/// How many leading words form a name: capitalised words, titles and roles inside
/// ("Kremlin spokesman Dmitry Peskov", "the General Administration of Customs"); ends on a
/// capitalised word.
fn name_len(words: &[&str]) -> usize {
    let start = usize::from(words.first().is_some_and(|w| matches!(*w, "the" | "The")));
    let mut best = 0;
    for (i, w) in words.iter().enumerate().skip(start).take(7) {
        let particle = matches!(
            *w,
            "of" | "de" | "van" | "von" | "bin" | "al" | "der" | "da"
        );
        if is_name_word(w) {
            best = i + 1;
        } else if !(particle || is_title(w) || w.ends_with("'s")) || i == start && particle {
            break;
        }
    }
    best
}

/// How many leading words form a role: "the foreign ministry", "local officials",
/// "the United Nations refugee agency".
fn role_len(words: &[&str]) -> usize {
    let Some(first) = words.first() else {
        return 0;
    };
    let l = lower(first);
    if APPOSITION_HEADS.contains(&l)
        || VERBISH.contains(&l)
        || is_name_word(first) && !is_role(first) && words.len() == 1
    {
        return 0;
    }
    // Up to the first role noun, and any that follow it: "the foreign ministry spokesperson".
    let mut best = 0;
    for (i, w) in words.iter().enumerate().take(7) {
        if VERBISH.contains_any_case(w) || matches!(*w, "and" | "or") {
            break;
        }
        if is_role(w) {
            best = i + 1;
        } else if best > 0 {
            break;
        }
    }
    best
}

/// What may follow a source in the same comma segment.
fn fits_after_source(rest: &[&str]) -> bool {
    rest.is_empty()
        || rest.len() <= 7
            && AFTER_SOURCE.contains_any_case(rest[0])
            && !rest.iter().any(|w| VERBISH.contains_any_case(w))
        || name_len(rest) == rest.len()
}

/// A segment that names a source, and whether by name (rather than by role or pronoun).
fn source_segment(segment: &[&str]) -> Option<bool> {
    if segment.len() == 1 && matches!(segment[0], "he" | "she" | "they") {
        return Some(false);
    }
    if segment.iter().any(|w| VERBISH.contains_any_case(w)) {
        return None;
    }
    let name = name_len(segment);
    if name > 0 && fits_after_source(&segment[name..]) {
        return Some(true);
    }
    // "..., replacing four ministers": a participle opens a clause, not a source.
    if segment[0].ends_with("ing") && !is_role(segment[0]) {
        return None;
    }
    let role = role_len(segment);
    (role > 0 && fits_after_source(&segment[role..])).then_some(false)
}

/// "an associate research fellow from the Chinese Academy of Social Sciences",
/// "an oceanographer at the University of Bergen": a role, or a word for what someone does.
fn is_appositive(segment: &[&str]) -> bool {
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
fn is_agent_noun(w: &str) -> bool {
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
    behaviour vigor honor honour favor favour labour labor harbor harbour color colour",
);

fn trailing_source(s: &str) -> Option<Range<usize>> {
    let body = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '!' | '"' | '\u{201d}' | '\u{2019}' | ')')
    });
    // Commas between clauses, not inside numbers ("600,000").
    let digit_at = |i: usize| body.as_bytes().get(i).is_some_and(u8::is_ascii_digit);
    let cuts: Vec<usize> = body
        .match_indices(',')
        .map(|(i, _)| i)
        .filter(|&i| !(i > 0 && digit_at(i - 1) && digit_at(i + 1)))
        .collect();
    for (k, &cut) in cuts.iter().rev().take(3).enumerate() {
        let head = &body[..cut];
        if head.split_whitespace().count() < 3 {
            continue;
        }
        let ends = cuts[cuts.len() - k..].iter().copied().chain([body.len()]);
        let starts = cuts[cuts.len() - k - 1..].iter().map(|c| c + 1);
        let texts: Vec<&str> = starts.zip(ends).map(|(a, b)| &body[a..b]).collect();
        let segments: Vec<Vec<&str>> = texts
            .iter()
            .map(|seg| words(seg).into_iter().map(|(_, w)| w).collect())
            .collect();
        if segments.iter().any(Vec::is_empty) {
            continue;
        }
        let (source, rest) = segments.split_first()?;
        if has_reporting_verb(texts[0]) {
            continue;
        }
        let Some(by_name) = source_segment(source) else {
            continue;
        };
        let appositive = rest.iter().all(|a| is_appositive(a));
        if !rest.is_empty() && !appositive {
            continue;
        }
        let last = head.split_whitespace().last().unwrap_or("");
        let last = last.trim_matches(|c: char| !c.is_alphanumeric());
        // After a name, a role is that name's appositive: "Yang Jin, an associate ...".
        let titled = by_name && (source.iter().any(|w| is_title(w)) || !rest.is_empty());
        // "in Europe, a survey by Idealista": a survey is no place's apposition.
        let with_article = matches!(source[0], "a" | "an") && !DATA_SOURCE.is_match(texts[0]);
        // "met Volodina, Australia's envoy": a determined role after a name is its apposition;
        // a bare "..., police." is a source.
        let determined = source[0] == "the" || source[0].ends_with("'s");

        // "He met Karin Holm, an oceanographer": the name is what the verb acts on.
        let object = by_name && is_past_tense(last);
        // A role after a name that a reporting verb introduces is that name's apposition:
        // "..., said Maria Keller, chief economist at Hanseatic Bank."
        let clause = head.rsplit(',').next().unwrap_or(head);
        let introduced = is_name_word(last) && has_reporting_verb(clause);
        // "displaced 600,000 people, the agency": counted people are nobody's apposition.
        let counted = head
            .split_whitespace()
            .nth_back(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
        let apposed = object
            || introduced
            || APPOSITION_HEADS.contains_any_case(last)
            || is_role(last) && !counted
            || (by_name && !titled && last.starts_with(char::is_uppercase))
            || ((with_article || !by_name && determined) && is_name_word(last));
        if apposed {
            continue;
        }
        let start = cut + 1 + (body[cut + 1..].len() - body[cut + 1..].trim_start().len());
        return Some(start..body.len());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<Broken> {
        broken(s, false).map(|b| b.0)
    }

    #[test]
    fn verbless_attributions_are_broken() {
        let s = "The visit underscored the importance of cooperation, Yang Jin, an associate research fellow from the Chinese Academy of Social Sciences.";
        let (_, r) = broken(s, false).unwrap();
        assert!(s[r].starts_with("Yang Jin, an associate"));
        for s in [
            "The two sides should deepen cooperation in energy, Zhao.",
            "Exports will keep growing this year, the ministry in a statement.",
            "Trade will keep growing this year, he.",
            "Debris damaged three buildings in Kyiv, Mayor Vitali Klitschko on Telegram.",
            "At least 23 people were killed on Saturday, police.",
            "The death toll has risen to 54, local officials the state news agency.",
            "The ceasefire will not hold, Col. Mark Hansen, a retired officer and military analyst.",
            "Zhao the two sides should deepen cooperation.",
            "The army it had regained control of the town.",
            "Chinese Foreign Minister Wang Yi on Friday the relationship had entered its best period.",
        ] {
            assert_eq!(kind(s), Some(Broken::MissingVerb), "{s}");
        }
        // A setting or a data source is no verb.
        for s in [
            "The bank cut rates by 25 basis points, the bank in a statement.",
            "Brent rose $1.80 a barrel by 1400 GMT, data from the exchange.",
            "Most voters oppose the plan, a poll by the Pew Research Center.",
            "The floods have displaced more than 600,000 people, the refugee agency.",
            "Sea levels are rising fast, Karin Holm, an oceanographer at the University of Bergen.",
        ] {
            assert_eq!(
                broken(s, true).map(|b| b.0),
                Some(Broken::MissingVerb),
                "{s}"
            );
        }
        assert_eq!(
            kind("Trade rose 5 percent, according to."),
            Some(Broken::EmptyAccordingTo)
        );
    }

    #[test]
    fn appositions_places_and_lists_are_not_broken_attributions() {
        for s in [
            "The deal was signed by the company's chief executive, Jane Fraser.",
            "The talks were held in the Swiss city of Geneva, Switzerland.",
            "He flew on to the capital, Kyiv.",
            "The summit was attended by two leaders, Xi Jinping and Vladimir Putin.",
            "The aircraft, an ATR 72, was carrying 62 people.",
            "The meeting drew delegates from many groups, including students.",
            "The Ministry of Finance the day before had raised taxes.",
            "Despite the rain, thousands attended.",
            "Russian officials met Volodina, Australia's envoy.",
            "The minister spoke with John Smith, the company's chief executive.",
            "The minister met Karin Holm, an oceanographer at the University of Bergen.",
            "Output rose 5 percent, according to data from the statistics institute.",
            "Demand is recovering, said Maria Keller, chief economist at Hanseatic Bank.",
            "The prime minister reshuffled her cabinet, replacing four ministers.",
            "Nearly 300 homes were destroyed by the wildfire.",
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
    }
}
