//! The time a sentence describes: "In 2021, Prime Minister Boris Johnson met ..." is about
//! 2021, not about the story's date, so a title held in 2021 is read as history there.
//!
//! A sentence is about a past time when it is in the past tense and names a year or a date
//! ("in 2021", "in March 2019", "on 6 September 2022", "on Sept. 6, 2022"). Anything less
//! certain ("last year", "back then") is not read: the title is then checked against the
//! story's date, as before.

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
        })
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
