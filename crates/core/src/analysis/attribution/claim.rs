//! Claim detection: does a sentence assert something a reader would want sourced?
//!
//! Six kinds, each with the phrase that makes it one. Plain reporting of events that happened
//! or are scheduled ("The summit is scheduled for September 3", "will be held in Tianjin") is
//! not a claim, and neither are the numbers that name or date things (years, dates, times,
//! ages, ordinals, "Article 5", "a 10-day visit").

mod allegation;
mod comparative;
mod degree;
mod fragment;
mod judged_as;
mod nested;
mod opinion;
mod prediction;
mod reported;

pub use nested::{claim_before_cue, cue_only_after};

use super::figure;
use super::lexicon::phrases::Phrases;
use super::lexicon::{ascii_regex, Words, CLAIM_WORDS, COPULAS, DEGREE_ADVERBS, EVENT_VERBS};
use super::lower::ascii_lower;
use super::own::{Own, OwnWord};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimKind {
    Figure,
    Superlative,
    Evaluation,
    Cause,
    Prediction,
    Allegation,
}

impl ClaimKind {
    /// As the message names it: "This sentence states a figure ...".
    pub fn noun(self) -> &'static str {
        match self {
            ClaimKind::Figure => "a figure",
            ClaimKind::Superlative => "a superlative",
            ClaimKind::Evaluation => "an evaluation",
            ClaimKind::Cause => "a cause",
            ClaimKind::Prediction => "a prediction",
            ClaimKind::Allegation => "an allegation",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub kind: ClaimKind,
    /// The phrase that makes the sentence a claim, in the sentence.
    pub phrase: Range<usize>,
}

fn re(pattern: &str) -> Regex {
    ascii_regex(pattern)
}

/// Whether `w` is a copula, written out ("is", "were") or contracted onto a pronoun ("it's",
/// "he's", "they're"); not "I'm", with which a writer speaks of themself.
fn is_copula(w: &OwnWord) -> bool {
    if COPULAS.contains(&w.lower) {
        return true;
    }
    w.text
        .split_once(['\'', '\u{2019}'])
        .is_some_and(|(pronoun, verb)| {
            matches!(ascii_lower(verb).as_str(), "s" | "re")
                && CONTRACTED_SUBJECTS.contains(ascii_lower(pronoun))
        })
}

/// Pronouns a copula is contracted onto: "it's", "that's", "they're".
static CONTRACTED_SUBJECTS: Words = Words::new("he she it that there what who here they we you");

/// "made real progress", "a resounding success", "a total failure".
static VERDICT: LazyLock<Regex> = LazyLock::new(|| {
    let progress = r"(?<progress>(?:made|make|makes|making) (?:\w+ )?progress)";
    let outcomes = "success|failure|disaster|triumph|fiasco|backbone|cornerstone|mistake|blunder|\
        debacle|farce|travesty|sham";
    let outcome = format!(r"(?<outcome>(?:a|an|the) (?:\w+ )?(?:{outcomes}))");
    re(&format!(r"(?i)\b(?:{progress}|{outcome})\b"))
});

/// "underscored the importance", "shows the resilience", "proves that".
static SHOWS_WORTH: LazyLock<Regex> = LazyLock::new(|| {
    let stem = "underscor|highlight|demonstrat|reflect|prov|show|illustrat";
    let what = r"(?:that|the (?P<first>\w+)(?: (?P<second>\w+))?)";
    re(&format!(r"(?i)\b(?:{stem})(?:e|es|ed|s|ing)? {what}\b"))
});

/// Nouns of worth that [`SHOWS_WORTH`] reads: "underscored the importance".
static WORTH: Words = Words::new(
    "importance need significance value strength urgency resilience commitment success \
    vitality determination effectiveness failure",
);

/// The first phrase of `phrases` in `s`.
fn phrase(phrases: &Phrases, s: &str) -> Option<Range<usize>> {
    phrases.find(s)
}

/// A judgement said of a subject: "The plan is dangerous", "He was clearly unfit".
fn predicate(own: &Own) -> Option<Range<usize>> {
    own.words.iter().enumerate().find_map(|(i, copula)| {
        if !is_copula(copula) {
            return None;
        }
        let adjective = own.words[i + 1..]
            .iter()
            .take(3)
            .find(|w| !(DEGREE_ADVERBS.contains(&w.lower) || w.lower.ends_with("ly")))?;
        CLAIM_WORDS
            .predicates
            .contains(adjective.lower.as_ref())
            .then_some(copula.range.start..adjective.range.end)
    })
}

fn evaluation(s: &str) -> Option<Range<usize>> {
    let shows = SHOWS_WORTH.captures_iter(s).find_map(|c| {
        let worth = |name: &str| {
            c.name(name)
                .is_some_and(|n| WORTH.contains_any_case(n.as_str()))
        };
        let worthy = c.name("first").is_none() || worth("first") || worth("second");
        worthy.then(|| c.get(0).map(|m| m.range())).flatten()
    });
    [
        phrase(&CLAIM_WORDS.evaluation, s),
        VERDICT.find(s).map(|m| m.range()),
        shows,
    ]
    .into_iter()
    .flatten()
    .min_by_key(|r| r.start)
}

/// Words that end a noun phrase, so an adjective before them does not reach a noun after.
static PHRASE_BREAKS: Words = Words::new(
    "\
    the a an of to in for on with by at from that which who is are was were be been has have \
    had will would but or as than its their his her this these those",
);

/// A judging adjective and its noun, up to four words apart within one noun phrase: "a
/// healthy, stable and rapid growth momentum", "an important new step".
fn judged_noun(own: &Own) -> Option<Range<usize>> {
    let words = &own.words;
    for (i, adjective) in words.iter().enumerate() {
        // Adjectives that make the noun after them a judgement: "a decisive step".
        if !CLAIM_WORDS
            .judging_adjectives
            .contains(adjective.lower.as_ref())
        {
            continue;
        }
        for w in words.iter().skip(i + 1).take(5) {
            // Nouns of progress and importance that such an adjective makes an evaluation.
            if CLAIM_WORDS.judged_nouns.contains(w.lower.as_ref()) {
                return Some(adjective.range.start..w.range.end);
            }
            if PHRASE_BREAKS.contains(&w.lower) {
                break;
            }
        }
    }
    None
}

/// The first claim in a sentence of the reporter's own words, by kind and then position.
pub fn find_claim(own: &Own) -> Option<Claim> {
    let s = own.text;
    if reads_as_title(own) {
        return None;
    }
    // "the suggestion that the ferry would close": the rest is the suggestion's, which its
    // holder made.
    if let Some(at) = reported::reported_from(own) {
        return find_claim(&Own::from_text(&s[..at]));
    }
    let found = |kind, r: Option<Range<usize>>| r.map(|phrase| Claim { kind, phrase });
    if let Some(figure) = figure::figure(own) {
        return found(ClaimKind::Figure, Some(figure));
    }
    found(ClaimKind::Superlative, degree::superlative(own))
        .or_else(|| found(ClaimKind::Allegation, allegation::allegation(own)))
        .or_else(|| found(ClaimKind::Cause, cause(own)))
        .or_else(|| found(ClaimKind::Prediction, prediction::prediction(own)))
        .or_else(|| found(ClaimKind::Evaluation, evaluation(s)))
        .or_else(|| found(ClaimKind::Evaluation, judged_noun(own)))
        .or_else(|| found(ClaimKind::Evaluation, predicate(own)))
        .or_else(|| found(ClaimKind::Evaluation, opinion::opinion(own)))
        .or_else(|| found(ClaimKind::Evaluation, judged_as::judged_as(own)))
        .or_else(|| found(ClaimKind::Evaluation, comparative::comparison(own)))
}

/// The judgement in a verbless fragment of a paragraph ("A dangerous proposal to scrap the
/// ferry."), for a sentence that [`find_claim`] finds no claim in.
pub fn fragment_claim(own: &Own) -> Option<Claim> {
    if reads_as_title(own) {
        return None;
    }
    fragment::fragment_judgement(own).map(|phrase| Claim {
        kind: ClaimKind::Evaluation,
        phrase,
    })
}

/// A line in Title Case or capitals, every longer word capitalised ("5 Actors Who Spoke Out
/// On Pay", "WHERE THE NEW PARK WILL GO"): a heading inside the text, which asserts nothing.
fn reads_as_title(own: &Own) -> bool {
    let mut long = own
        .words
        .iter()
        .filter(|w| w.text.chars().nth(3).is_some() && w.text.starts_with(char::is_alphabetic));
    let mut count = 0;
    let capitalised = long.all(|w| {
        count += 1;
        w.text.starts_with(char::is_uppercase)
    });
    capitalised && count >= 4
}

fn cause(own: &Own) -> Option<Range<usize>> {
    CLAIM_WORDS.cause.find_iter(own.text).find(|r| {
        // "Jo Hart contributed to this report": a credit for reporting, not a cause.
        let mut after = own.after(r.end).map(|w| w.lower.as_ref());
        let credit = own
            .text
            .get(r.end.saturating_sub(2)..r.end)
            .is_some_and(|t| t.eq_ignore_ascii_case("to"))
            && matches!(after.next(), Some("this" | "the"))
            && after
                .next()
                .is_some_and(|w| matches!(w, "report" | "story" | "article" | "reporting"));
        if credit {
            return false;
        }
        // "due to begin on Monday" schedules; "due to the storm" explains.
        if !own.text[r.clone()].eq_ignore_ascii_case("due to") {
            return true;
        }
        let next = own.after(r.end).next().map_or("", |w| w.lower.as_ref());
        !(next == "be" || EVENT_VERBS.contains(next))
    })
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::claim_words::{entries, CATEGORIES};
    use super::*;

    /// Every entry of the claim lexicon makes its example the claim its category names (a plain
    /// form's example, none).
    #[test]
    fn every_lexicon_entry_makes_its_example_a_claim() {
        let mut wrong = Vec::new();
        for line in entries() {
            let line = line.unwrap_or_else(|l| panic!("malformed lexicon line: {l}"));
            assert!(CATEGORIES.contains(&line.category), "{}", line.category);
            let expected = match line.category {
                "superlative" => Some(ClaimKind::Superlative),
                "allegation" => Some(ClaimKind::Allegation),
                "cause" => Some(ClaimKind::Cause),
                "prediction" => Some(ClaimKind::Prediction),
                "plain-form" | "report-noun" => None,
                _ => Some(ClaimKind::Evaluation),
            };
            if kind(line.example) != expected {
                wrong.push((line.example, kind(line.example)));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    fn kind(s: &str) -> Option<ClaimKind> {
        find_claim(&Own::from_text(s)).map(|c| c.kind)
    }

    #[test]
    fn a_reporting_credit_is_no_cause() {
        assert_eq!(kind("Jo Hart in Tampa contributed to this report."), None);
        assert_eq!(
            kind("Poor wiring contributed to the fire."),
            Some(ClaimKind::Cause)
        );
    }

    #[test]
    fn figures() {
        for s in [
            "Bilateral trade reached a record 245 billion US dollars last year.",
            "Exports rose 5.2 percent in July.",
            "At least 12 people were killed.",
            "The package is worth $2.5 billion.",
            "Unemployment fell to 4%.",
            "Sales doubled.",
        ] {
            assert_eq!(kind(s), Some(ClaimKind::Figure), "{s}");
        }
    }

    #[test]
    fn numbers_that_name_or_date_things_are_not_figures() {
        for s in [
            "Zhao hosted the 10th meeting of the committee in Beijing.",
            "The summit is scheduled for September 3.",
            "The talks ended on Sept. 3, 2024, at 3 p.m. in Geneva.",
            "Zhao, 67, arrived on Monday for a 10-day visit.",
            "The court ruled under Article 5 in 2023.",
            "The delegation flew in on a Boeing 737.",
            "He spent 10 years in the ministry.",
            "The 45-year-old won 2-1 in the 1990s.",
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
    }

    #[test]
    fn other_kinds() {
        assert_eq!(
            kind("It was the highest level in history."),
            Some(ClaimKind::Superlative)
        );
        assert_eq!(
            kind("China became the first country to land there."),
            Some(ClaimKind::Superlative)
        );
        assert_eq!(
            kind("Research shows that the drug has immense potential."),
            Some(ClaimKind::Evaluation)
        );
        for s in [
            "The alliance has kept up a strong, steady and broad-based growth momentum.",
            "The vote marks an important new step for the city.",
            "Exports gave the economy a solid boost.",
        ] {
            assert_eq!(kind(s), Some(ClaimKind::Evaluation), "{s}");
        }
        assert_eq!(kind("The key to the role was patience."), None);
        assert_eq!(
            kind("The visit underscored the importance of cooperation."),
            Some(ClaimKind::Evaluation)
        );
        assert_eq!(
            kind("The floods led to widespread crop losses."),
            Some(ClaimKind::Cause)
        );
        assert_eq!(
            kind("The new rules will hurt small exporters."),
            Some(ClaimKind::Prediction)
        );
        assert_eq!(
            kind("The economy is expected to slow."),
            Some(ClaimKind::Prediction)
        );
        assert_eq!(
            kind("The mayor illegally diverted public funds."),
            Some(ClaimKind::Allegation)
        );
    }

    #[test]
    fn superlatives_by_form() {
        for s in [
            "The quarry is the region's deepest.",
            "Donors gave to the wealthiest candidates.",
            "It was the second largest fire of the summer.",
            "The tunnel is most dangerous in winter.",
            "Tolls are least popular among lorry drivers.",
            "She is the candidate who can best run the port.",
            "The only way across the river is the old ferry.",
        ] {
            assert_eq!(kind(s), Some(ClaimKind::Superlative), "{s}");
        }
        for s in [
            "The inquiry heard the latest evidence on Monday.",
            "Residents voiced interest in the plan.",
            "At least nine boats left the harbour.",
            "Most Democratic senators voted for the bill.",
            "For the most part, the ferry ran on time.",
            "Holt, in his third season, has a record of 28-15.",
        ] {
            assert_ne!(kind(s), Some(ClaimKind::Superlative), "{s}");
        }
    }

    #[test]
    fn judging_adjectives_said_of_something() {
        for s in [
            "The new timetable is not very good.",
            "It was a terrible night for the ferry company.",
            "The old pier was too weak for the cranes.",
            "The harbour master is now a serious contender for mayor.",
            "The new ferry was not a good deal for the town.",
            "It's dangerous to cross the old pier.",
            "Fares are growing worse every year.",
            "The new timetable was a mistake.",
            "It is only fitting that the old skipper sails the new ferry first.",
            "Closing the pier was a natural step for the council.",
            "The board did not show good judgment in the tender.",
        ] {
            assert_eq!(kind(s), Some(ClaimKind::Evaluation), "{s}");
        }
        for s in [
            "A good number of residents came to the hearing.",
            // After an article the adjective mostly describes.
            "A strong earthquake struck the coast on Monday.",
            "The skipper was taken to hospital in a serious condition.",
            "The mayor flew to Great Britain on Sunday.",
            "Critics cast the plan as weak.",
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
    }

    #[test]
    fn hypothetical_modals_predict_even_events() {
        assert_eq!(
            kind("A new ferry would open the island to day trippers."),
            Some(ClaimKind::Prediction)
        );
        assert_eq!(
            kind("The board has not said what the deal would include."),
            None
        );
        assert_eq!(kind("The ferry will open on Friday."), None);
        assert_eq!(kind("The port reopened in May after repairs."), None);
    }

    #[test]
    fn an_open_question_predicts_nothing() {
        for s in [
            "It is not yet known whether the ferry will keep its winter timetable.",
            "The council has not explained how it would pay for the new bridge.",
            "Residents asked why the fares might rise again.",
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
        assert_eq!(
            kind("Whether or not it sails, the ferry will lose money this year."),
            Some(ClaimKind::Prediction)
        );
    }

    #[test]
    fn plain_event_reporting_is_not_a_claim() {
        for s in [
            "Zhao made the remarks while hosting the meeting in Beijing.",
            "The summit will be held in Tianjin.",
            "Xi is expected to attend the summit.",
            "The meeting is due to begin on Monday.",
            "Chairman Zhao Leji also met Russian business leaders on Tuesday.",
            "The first meeting of the committee was held in Moscow.",
            "The judge will deliver her ruling on May 14.",
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
    }
}
