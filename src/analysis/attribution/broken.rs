//! Broken attributions: a source named with no reporting verb, or "according to" naming nobody.
//!
//! Read only in sentences with no reporting cue. Three shapes:
//! - a trailing source: "..., Yang Jin, an associate research fellow at CASS." (the verb
//!   "said" or "told the Global Times" dropped);
//! - a leading source straight before a clause: "Zhao the two sides should ...";
//! - "according to" followed by nothing.
//!
//! A trailing name after a comma is often an apposition ("its chief executive, Jane Fraser";
//! "in Geneva, Switzerland"), so a name counts only where no noun or name stands before the
//! comma, unless a title or an appositive marks it as a person.

use super::cue::is_name_word;
use super::lexicon::{Words, APPOSITION_HEADS, ROLE_NOUNS, TITLES, VERBISH};
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

/// Words that start a clause, so cannot follow a subject directly: "Zhao the two sides ...".
static CLAUSE_STARTERS: Words = Words::new(
    "the a an that it its there this these those he she they his her their some most at no both",
);

/// A broken attribution in a sentence with no reporting cue, and where it is.
pub fn broken(s: &str) -> Option<(Broken, Range<usize>)> {
    if let Some(m) = EMPTY_ACCORDING_TO.find(s) {
        let end = m.start() + "according to".len();
        return Some((Broken::EmptyAccordingTo, m.start()..end));
    }
    let words = words(s);
    leading_subject(s, &words)
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
    ROLE_NOUNS.contains(lower(w))
}

fn is_title(w: &str) -> bool {
    TITLES.contains(w) || is_role(w)
}

/// How many leading words form a name: capitalised words, titles and roles inside
/// ("Kremlin spokesman Dmitry Peskov", "the General Administration of Customs"); ends on a
/// capitalised word.
fn name_len(words: &[&str]) -> usize {
    let start = usize::from(words.first().is_some_and(|w| *w == "the"));
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
        if VERBISH.contains(lower(w)) || matches!(*w, "and" | "or") {
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
            && AFTER_SOURCE.contains(lower(rest[0]))
            && !rest.iter().any(|w| VERBISH.contains(lower(w)))
        || name_len(rest) == rest.len()
}

/// A segment that names a source, and whether by name (rather than by role or pronoun).
fn source_segment(segment: &[&str]) -> Option<bool> {
    if segment.len() == 1 && matches!(segment[0], "he" | "she" | "they") {
        return Some(false);
    }
    if segment.iter().any(|w| VERBISH.contains(lower(w))) {
        return None;
    }
    let name = name_len(segment);
    if name > 0 && fits_after_source(&segment[name..]) {
        return Some(true);
    }
    let role = role_len(segment);
    (role > 0 && fits_after_source(&segment[role..])).then_some(false)
}

/// "an associate research fellow from the Chinese Academy of Social Sciences".
fn is_appositive(segment: &[&str]) -> bool {
    segment
        .first()
        .is_some_and(|w| w.starts_with(char::is_lowercase))
        && segment.len() <= 16
        && !segment.iter().any(|w| VERBISH.contains(lower(w)))
        && segment.iter().take(7).any(|w| is_role(w))
}

fn trailing_source(s: &str) -> Option<Range<usize>> {
    let body = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '!' | '"' | '\u{201d}' | '\u{2019}' | ')')
    });
    let cuts: Vec<usize> = body.match_indices(',').map(|(i, _)| i).collect();
    for (k, &cut) in cuts.iter().rev().take(3).enumerate() {
        let head = &body[..cut];
        if head.split_whitespace().count() < 3 {
            continue;
        }
        let segments: Vec<Vec<&str>> = body[cut + 1..]
            .split(',')
            .map(|seg| words(seg).into_iter().map(|(_, w)| w).collect())
            .collect();
        if segments.len() != k + 1 || segments.iter().any(Vec::is_empty) {
            continue;
        }
        let (source, rest) = segments.split_first()?;
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
        let with_article = matches!(source[0], "a" | "an");
        // "met Volodina, Australia's envoy": a determined role after a name is its apposition;
        // a bare "..., police." is a source.
        let determined = source[0] == "the" || source[0].ends_with("'s");

        let apposed = APPOSITION_HEADS.contains(lower(last))
            || is_role(last)
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

/// "Zhao the two sides should ...", "The ministry it will ...": a subject with no verb.
fn leading_subject(s: &str, words: &[(usize, &str)]) -> Option<Range<usize>> {
    let plain: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    let first = *plain.first()?;
    let subject = if matches!(first, "He" | "She" | "They" | "It") {
        1
    } else if first == "The" {
        role_len(&plain[1..]).checked_add(1).filter(|&n| n > 1)?
    } else if is_name_word(first) {
        name_len(&plain)
    } else {
        0
    };
    if subject == 0 || subject >= plain.len() {
        return None;
    }
    let mut next = subject;
    // "Zhao on Monday the ...".
    if plain[next] == "on" && plain.get(next + 1).is_some_and(|w| w.ends_with("day")) {
        next += 2;
    }
    let starter = plain.get(next)?;
    let digit = starter.starts_with(|c: char| c.is_ascii_digit());
    let joined_by_comma = s[..words[next].0].trim_end().ends_with(',');
    if (CLAUSE_STARTERS.contains(lower(starter)) || digit) && !joined_by_comma {
        let end = words[subject - 1].0 + words[subject - 1].1.len();
        return Some(words[0].0..end);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<Broken> {
        broken(s).map(|b| b.0)
    }

    #[test]
    fn verbless_attributions_are_broken() {
        let s = "The visit underscored the importance of cooperation, Yang Jin, an associate research fellow from the Chinese Academy of Social Sciences.";
        let (_, r) = broken(s).unwrap();
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
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
    }
}
