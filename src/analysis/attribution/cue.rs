//! Reading a sentence's attribution: a reporting cue with a source, or a broken one.
//!
//! Works on the reporter's own words (quotations blanked, see `quote`), so a "said" inside a
//! quotation attributes nothing.

use super::lexicon::*;
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

/// Whether the sentence carries a reporting cue with a source.
pub fn is_attributed(s: &str) -> bool {
    for m in STRONG_CUE.find_iter(s) {
        let after = &s[m.end()..];
        let names_something = after
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if !m.as_str().eq_ignore_ascii_case("according to") || names_something {
            return true;
        }
    }
    DATA_SOURCE.is_match(s)
        || WEAK_CUE
            .find_iter(s)
            .any(|m| weak_cue_reports(s, m.range()))
}

/// A weak verb reports when a source stands before it ("Zhao noted", "the ministry also
/// estimated") or a report follows it ("noted that", "..., it added.").
fn weak_cue_reports(s: &str, verb: Range<usize>) -> bool {
    let before = words_before(&s[..verb.start]);
    let previous = before
        .clone()
        .find(|w| !LINKING_WORDS.contains(&w.to_lowercase().as_str()));
    let after = &s[verb.end..];
    let lower_prev = previous.map(str::to_lowercase);
    let passive = lower_prev
        .as_deref()
        .is_some_and(|w| NOT_A_REPORT_BEFORE.contains(&w));
    let reports_that = after.trim_start().to_lowercase().starts_with("that ")
        || after.trim_start().starts_with("as saying");
    if passive {
        return reports_that;
    }
    if previous.is_some_and(is_source_word) {
        return true;
    }
    // After a determiner the word is a noun ("the report", "a claim"), not a verb.
    if lower_prev.as_deref().is_some_and(|w| {
        matches!(
            w,
            "the" | "a" | "an" | "this" | "its" | "their" | "his" | "her" | "our"
        )
    }) {
        return false;
    }
    if reports_that || REPORT_AFTER_PHRASE.is_match(after) {
        return true;
    }
    // "..., Zhao added." needs a past tense: a bare "the state." is a noun.
    let verb_text = &s[verb.clone()];
    let past =
        verb_text.ends_with("ed") || matches!(verb_text, "found" | "thought" | "shown" | "wrote");
    past && REPORT_AFTER.is_match(after)
}

static REPORT_AFTER_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:in an? (?:statement|interview|speech|post|letter|report|briefing)|to (?:reporters|journalists|lawmakers|parliament)\b|at an? (?:press|news) conference)").unwrap()
});

/// The words before an offset, nearest first.
fn words_before(s: &str) -> impl Iterator<Item = &str> + Clone {
    s.rsplit(|c: char| {
        !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-' || c == '.')
    })
    .map(|w| w.trim_matches('.'))
    .filter(|w| !w.is_empty())
    .take(4)
}

/// A word that can be the source of a report: a pronoun, a role ("officials", "the ministry"),
/// or a name ("Zhao", "Xinhua", "the IMF's").
pub fn is_source_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    if PRONOUNS.contains(&lower.as_str()) || ROLE_NOUNS.contains(&lower.as_str()) {
        return true;
    }
    is_name_word(w)
}

fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && !w.chars().any(|c| c.is_ascii_digit())
        && !NOT_A_NAME.contains(&w)
}

/// Endings that may follow a verbless attribution: "..., the ministry in a statement."
static TAIL_EXTRA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:in an? (?:statement|interview|speech|post|briefing)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|to reporters|at an? (?:press|news) conference|last week|on (?:social media|x))$").unwrap()
});

static EMPTY_ACCORDING_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\baccording to\s*(?:[.,;:!?)\u{2014}]|$)").unwrap());

static LEADING_PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:He|She|They)\s+(?:that|the|a|an|it|its|there|this|these|his|her|their)\b")
        .unwrap()
});

/// A broken attribution in an unattributed sentence, and where it is.
pub fn broken(s: &str) -> Option<(Broken, Range<usize>)> {
    if let Some(m) = EMPTY_ACCORDING_TO.find(s) {
        return Some((
            Broken::EmptyAccordingTo,
            m.start()..m.start() + "according to".len(),
        ));
    }
    if let Some(m) = LEADING_PRONOUN.find(s) {
        let end = m.as_str().find(char::is_whitespace).unwrap_or(m.len());
        return Some((Broken::MissingVerb, m.start()..m.start() + end));
    }
    verbless_tail(s).map(|r| (Broken::MissingVerb, r))
}

/// "..., Yang Jin, an associate research fellow at CASS." with no verb: the source and its
/// appositives trail the sentence, separated by commas.
fn verbless_tail(s: &str) -> Option<Range<usize>> {
    let mut body = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '!' | '"' | '\u{201d}' | '\u{2019}' | ')')
    });
    while let Some(m) = TAIL_EXTRA.find(body) {
        body = &body[..m.start()];
    }
    let mut cuts: Vec<usize> = body.match_indices(',').map(|(i, _)| i).collect();
    cuts.reverse();
    for (k, &cut) in cuts.iter().take(3).enumerate() {
        let head = &body[..cut];
        let segments: Vec<&str> = body[cut + 1..].split(',').map(str::trim).collect();
        if segments.len() != k + 1 || head.split_whitespace().count() < 5 {
            continue;
        }
        let (source, rest) = segments.split_first()?;
        let fits = (is_source_phrase(source) || is_pronoun(source))
            && rest.iter().all(|a| is_appositive(a) || is_name(a))
            && !segments
                .iter()
                .any(|a| a.contains(" and ") || a.contains(" or "));
        if !fits {
            continue;
        }
        let last = head.split_whitespace().last().unwrap_or("");
        let bare = last.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        let apposed = APPOSITION_HEADS.contains(&lower.as_str())
            || ROLE_NOUNS.contains(&lower.as_str())
            || (!is_pronoun(source) && bare.chars().next().is_some_and(char::is_uppercase));
        if apposed {
            continue;
        }
        let start = cut + 1 + (body[cut + 1..].len() - body[cut + 1..].trim_start().len());
        return Some(start..body.len());
    }
    None
}

fn is_pronoun(s: &str) -> bool {
    matches!(s, "he" | "she" | "they")
}

/// A name or a role that could be a source: "Yang Jin", "Xinhua", "the foreign ministry",
/// "officials", "a spokesperson".
fn is_source_phrase(s: &str) -> bool {
    if is_name(s) {
        return true;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    words.len() <= 4
        && ROLE_NOUNS.contains(&last.to_lowercase().as_str())
        && words[0].chars().next().is_some_and(char::is_lowercase)
}

/// One to four capitalised words (initials and name particles allowed), or a news agency.
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    if words.len() == 1 && !AGENCIES.contains(&words[0]) && words[0].len() < 3 {
        return false;
    }
    words.iter().all(|w| {
        is_name_word(w)
            || matches!(
                *w,
                "de" | "van" | "von" | "bin" | "al" | "der" | "da" | "of"
            )
    }) && is_name_word(words[0])
}

/// "an associate research fellow from the Chinese Academy of Social Sciences",
/// "spokesperson for the ministry": a role within its first words.
fn is_appositive(s: &str) -> bool {
    let first = s.chars().next();
    if !first.is_some_and(char::is_lowercase) || s.split_whitespace().count() > 16 {
        return false;
    }
    s.split_whitespace().take(7).any(|w| {
        ROLE_NOUNS.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_verbs_in_every_position() {
        for s in [
            "Zhao said the two sides should cooperate.",
            "The two sides should cooperate, Zhao said.",
            "The two sides should cooperate, said Zhao.",
            "The two sides, Zhao said, should cooperate.",
            "Trade rose, Yang Jin, an associate research fellow at CASS, told the Global Times.",
            "He added that trade would grow.",
            "It has immense potential, Zhao added.",
            "Trade rose 5 percent, according to customs data.",
            "Data from the National Bureau of Statistics show output rose 5 percent.",
            "A survey by the central bank found that 40 percent of firms plan to hire.",
            "Analysts expect growth of 5 percent.",
            "Officials estimated the damage at $2 billion.",
            "Experts say the economy will recover.",
            "Xinhua reported that the talks were fruitful.",
            "Exports rose 5 percent, the ministry noted in a statement.",
        ] {
            assert!(is_attributed(s), "{s}");
        }
    }

    #[test]
    fn everyday_senses_of_weak_verbs_do_not_attribute() {
        for s in [
            "The economy added 500,000 jobs last year.",
            "Growth was stronger than expected at 5.2 percent.",
            "The fire claimed 20 lives.",
            "Unemployment reached a record 10 percent in the state.",
            "The bank's new project will cost $5 billion.",
            "Volodin's visit underscored the importance of cooperation.",
            "Bilateral trade reached a record 245 billion US dollars last year.",
        ] {
            assert!(!is_attributed(s), "{s}");
        }
    }

    #[test]
    fn verbless_attributions_are_broken() {
        let s = "The visit underscored the importance of cooperation, Yang Jin, an associate research fellow from the Chinese Academy of Social Sciences.";
        let (kind, r) = broken(s).unwrap();
        assert_eq!(kind, Broken::MissingVerb);
        assert!(s[r].starts_with("Yang Jin, an associate"));
        for s in [
            "The two sides should deepen cooperation in energy, Zhao.",
            "Exports will keep growing this year, the ministry in a statement.",
            "Trade will keep growing this year, he.",
        ] {
            assert_eq!(broken(s).map(|b| b.0), Some(Broken::MissingVerb), "{s}");
        }
        assert_eq!(
            broken("Trade rose 5 percent, according to.").map(|b| b.0),
            Some(Broken::EmptyAccordingTo)
        );
    }

    #[test]
    fn appositions_and_places_are_not_broken_attributions() {
        for s in [
            "The deal was signed by the company's chief executive, Jane Fraser.",
            "The talks were held in the Swiss city of Geneva, Switzerland.",
            "He flew on to the capital, Kyiv.",
            "The summit was attended by two leaders, Xi Jinping and Vladimir Putin.",
            "The meeting was held in Beijing on Monday, officials and diplomats.",
        ] {
            assert_eq!(broken(s), None, "{s}");
        }
    }
}
