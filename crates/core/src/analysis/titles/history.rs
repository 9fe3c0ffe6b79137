//! The time a sentence describes: "In 2021, Prime Minister Boris Johnson met ..." is about
//! 2021, not about the story's date, so a title held in 2021 is read as history there.
//!
//! A sentence is about a past time when it is in the past tense and names a year or a date
//! ("in 2021", "in March 2019", "on 6 September 2022", "on Sept. 6, 2022"). Anything less
//! certain ("last year", "back then") is not read: the title is then checked against the
//! story's date, as before.
//!
//! The words around a titled name may also place the person in office at the time the
//! sentence describes, whatever its date: "under President Ortiz", "President Ortiz's
//! administration", "an adviser to President Ortiz", "appointed by President Ortiz",
//! "President Ortiz's 1998 budget" ([`in_office`], [`possessive_year`]).

use crate::analysis::tokens::Word;
use regex::Regex;
use std::sync::LazyLock;
use time::{Date, Month};

/// Dates written with a month: "6 September 2022", "September 6, 2022", "March 2019".
static DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)\b(?:(\d{1,2})\s+)?
        (Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?
        |Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?
        (?:\s+(\d{1,2})(?:st|nd|rd|th)?,?)?\s+(?:of\s+)?((?:19|20)\d\d)\b",
    )
    .unwrap()
});

/// A year standing alone: "in 2021".
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b((?:19|20)\d\d)\b").unwrap());

/// Past forms that do not end in "-ed".
const IRREGULAR_PAST: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "met", "made", "took", "gave", "went", "spoke",
    "held", "led", "won", "lost", "became", "came", "saw", "wrote", "sent", "began", "left",
    "brought", "thought", "sought", "fought", "chose", "rose", "fell", "ran", "stood", "kept",
    "felt", "knew", "flew", "drew", "oversaw", "broke", "struck", "paid",
];

/// Nouns for a term of office: "the administration of", "President Ortiz's tenure".
const TERM_NOUNS: &[&str] = &[
    "administration",
    "administrations",
    "agenda",
    "cabinet",
    "era",
    "government",
    "legacy",
    "policies",
    "policy",
    "presidency",
    "reign",
    "tenure",
    "term",
];

/// People who served someone in office: "an adviser to", "President Ortiz's press secretary".
const STAFF_NOUNS: &[&str] = &[
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "agent",
    "aide",
    "aides",
    "appointee",
    "appointees",
    "assistant",
    "counsel",
    "counselor",
    "official",
    "officials",
    "secretary",
    "speechwriter",
    "spokesman",
    "spokeswoman",
    "staffer",
    "strategist",
];

/// Words that tie a sentence to the story's own days: "said on Monday", "this week".
const NOW: &[&str] = &[
    "now",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "currently",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "weekend",
];

/// Words that make a year or date the time of the sentence ("in 2021"), rather than a name
/// ("the 2021 agreement").
const TEMPORAL: &[&str] = &["in", "on", "during", "early", "late", "mid", "by"];

/// Words ending in "-ed" that are not past tenses.
const NOT_PAST: &[&str] = &[
    "hundred", "need", "speed", "seed", "indeed", "proceed", "red",
];

/// The spans of time a sentence describes, inclusive, when it is about the past; empty when it
/// names no year or is not in the past tense.
pub fn described(sentence: &str) -> Vec<(Date, Date)> {
    if !past_tense(sentence) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
    for c in DATED.captures_iter(sentence) {
        let whole = c.get(0).map_or(0..0, |m| m.range());
        if !temporal(&sentence[..whole.start]) {
            continue;
        }
        let (Some(month), Some(year)) = (
            c.get(2).and_then(|m| month(m.as_str())),
            c.get(4).and_then(|y| y.as_str().parse::<i32>().ok()),
        ) else {
            continue;
        };
        let day = c
            .get(1)
            .or(c.get(3))
            .and_then(|d| d.as_str().parse::<u8>().ok());
        let span = match day {
            Some(d) => Date::from_calendar_date(year, month, d)
                .ok()
                .map(|d| (d, d)),
            None => month_span(year, month),
        };
        if let Some(span) = span {
            out.push(span);
            taken.push(whole);
        }
    }
    for c in YEAR.captures_iter(sentence) {
        let at = c.get(0).map_or(0..0, |m| m.range());
        if taken.iter().any(|t| t.start <= at.start && at.end <= t.end)
            || !temporal(&sentence[..at.start])
        {
            continue;
        }
        let year = c[1].parse::<i32>().ok();
        let span = year.and_then(|y| {
            Some((
                Date::from_calendar_date(y, Month::January, 1).ok()?,
                Date::from_calendar_date(y, Month::December, 31).ok()?,
            ))
        });
        out.extend(span);
    }
    out
}

/// Whether the word before a date makes it the sentence's time: "in", "on", "during".
fn temporal(before: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    TEMPORAL.contains(&word.to_lowercase().as_str())
}

fn past_tense(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .any(|w| {
            IRREGULAR_PAST.contains(&w)
                || (w.len() > 4 && w.ends_with("ed") && !NOT_PAST.contains(&w))
                || (w.len() == 4 && w.ends_with("ied"))
        })
}

/// Whether a sentence tells of the past with nothing tying it to the story's own days: "The
/// senator voted against the war.", but not "The senator said on Monday ...". Only a title a
/// person keeps by courtesy is read by it (see the title check).
pub fn past_context(sentence: &str) -> bool {
    past_tense(sentence)
        && !sentence
            .split(|c: char| !c.is_alphabetic())
            .any(|w| NOW.contains(&w.to_lowercase().as_str()))
}

/// Whether the words before a titled name (`before`, in order) and after it (`after`, the name's
/// last word `last` first) place the person in office at the time the sentence describes:
/// "under President Ortiz", "during the presidency of", "an adviser to", "appointed by",
/// "President Ortiz's administration", "President Ortiz's former aides".
pub fn in_office(before: &[Word], last: &Word, after: &[Word]) -> bool {
    let prior = |k: usize| {
        before
            .len()
            .checked_sub(k)
            .map(|i| before[i].lower.as_str())
    };
    let by_appointment = || {
        // "appointed by", "a commission named by", "nominated as judge by": a past
        // participle a few words back.
        before.iter().rev().skip(1).take(6).any(|w| {
            w.lower.len() > 4 && w.lower.ends_with("ed") && !NOT_PAST.contains(&w.lower.as_str())
        })
    };
    let served = || {
        before
            .iter()
            .rev()
            .skip(1)
            .take(4)
            .any(|w| STAFF_NOUNS.contains(&w.lower.as_str()))
    };
    let cue = match prior(1) {
        Some("under" | "during") => true,
        Some("of") => prior(2).is_some_and(|w| TERM_NOUNS.contains(&w)),
        Some("to" | "for") => served(),
        Some("by") => by_appointment(),
        _ => false,
    };
    cue || (last.possessive
        && after.iter().take(4).any(|w| {
            TERM_NOUNS.contains(&w.lower.as_str()) || STAFF_NOUNS.contains(&w.lower.as_str())
        }))
}

/// A year written right after a possessive name, as the time of the sentence: "President
/// Ortiz's 1998 budget" is about 1998.
pub fn possessive_year(last: &Word, after: &[Word]) -> Option<(Date, Date)> {
    let year = after.first().filter(|_| last.possessive)?;
    let y = year
        .text
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..2100).contains(y))?;
    Some((
        Date::from_calendar_date(y, Month::January, 1).ok()?,
        Date::from_calendar_date(y, Month::December, 31).ok()?,
    ))
}

fn month(name: &str) -> Option<Month> {
    let m = match name.get(..3)? {
        "Jan" => Month::January,
        "Feb" => Month::February,
        "Mar" => Month::March,
        "Apr" => Month::April,
        "May" => Month::May,
        "Jun" => Month::June,
        "Jul" => Month::July,
        "Aug" => Month::August,
        "Sep" => Month::September,
        "Oct" => Month::October,
        "Nov" => Month::November,
        "Dec" => Month::December,
        _ => return None,
    };
    Some(m)
}

fn month_span(year: i32, month: Month) -> Option<(Date, Date)> {
    let first = Date::from_calendar_date(year, month, 1).ok()?;
    let last =
        Date::from_calendar_date(year, month, time::util::days_in_month(month, year)).ok()?;
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_past_sentence_with_a_year_is_about_that_year() {
        assert_eq!(
            described("In 2021, Prime Minister Boris Johnson met the French president."),
            vec![(date!(2021 - 01 - 01), date!(2021 - 12 - 31))]
        );
        assert_eq!(
            described("On Sept. 6, 2022, he resigned."),
            vec![(date!(2022 - 09 - 06), date!(2022 - 09 - 06))]
        );
        assert_eq!(
            described("He left office in March 2019."),
            vec![(date!(2019 - 03 - 01), date!(2019 - 03 - 31))]
        );
    }

    #[test]
    fn the_present_or_no_year_describes_no_past_time() {
        assert!(described("Prime Minister Boris Johnson meets the press in 2024.").is_empty());
        assert!(described("Prime Minister Boris Johnson said on Monday.").is_empty());
        assert!(described("A hundred people in 2021 need help.").is_empty());
        assert!(described("Johnson said the 2021 agreement held.").is_empty());
    }
}
