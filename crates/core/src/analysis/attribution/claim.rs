//! Claim detection: does a sentence assert something a reader would want sourced?
//!
//! Six kinds, each with the phrase that makes it one. Plain reporting of events that happened
//! or are scheduled ("The summit is scheduled for September 3", "will be held in Tianjin") is
//! not a claim, and neither are the numbers that name or date things (years, dates, times,
//! ages, ordinals, "Article 5", "a 10-day visit").

use super::figure;
use super::lexicon::{ascii_regex, Words, EVENT_PARTICIPLES, EVENT_VERBS};
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

static SUPERLATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:a|new|another|all-time|record)\s+record(?:-\w+)?|record[- ](?:high|low|level|levels|number|amount|year|profit|loss|sales|turnout|heat|temperatures?)|all-time (?:high|low)|largest|biggest|highest|lowest|greatest|fastest|slowest|strongest|weakest|worst|deadliest|smallest|longest|shortest|richest|poorest|heaviest|sharpest|steepest|deepest|busiest|costliest|hottest|coldest|wettest|driest|(?:the|its|their|his|her|our)\s+(?:most|least|best)\b|first[- ]ever|for the first time|the (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)) (?:\w+\s+){1,2}(?:to|ever|in history)\b|than (?:at )?any (?:point|time|other)|than ever|the only (?:\w+\s+){0,2}(?:to|that|who)\b|unprecedented|in history|of all time)\b",
    )
});

static EVALUATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:should|must|ought to|(?:made|make|makes|making) (?:\w+ )?progress|(?:a|an|the) (?:\w+ )?(?:success|failure|disaster|triumph|fiasco|backbone|cornerstone)|responsible for|a result of|chaotic|inadequate|haphazard|botched|mismanaged|incompetent|(?:it is|it's) (?:clear|evident|obvious|undeniable)|undoubtedly|no doubt|without doubt|clearly|obviously|evidently|(?:immense|tremendous|enormous|great|huge|vast|broad|bright|limitless|boundless|unlimited) (?:potential|prospects?|future|opportunit(?:y|ies)|significance|importance|success|achievements?|contributions?|progress)|turning point|driving force|underscor(?:e|es|ed|ing) the (?:importance|need|significance|value|strength|urgency)|highlight(?:s|ed|ing)? the (?:importance|need|significance|value)|(?:demonstrat|reflect|prov|show|illustrat)(?:es|ed|s|ing)? (?:that|the (?:\w+ )?(?:importance|strength|resilience|commitment|success|value|vitality|determination|effectiveness|failure))|testament to|a model for|sets? an example|remarkabl[ey]|tremendous(?:ly)?|immense(?:ly)?|enormous(?:ly)?|impressive(?:ly)?|fruitful|landmark|win-win|mutually beneficial|disastrous|catastrophic|reckless|irresponsible|misguided|shameful|outrageous|absurd|baseless|groundless|unjustified|unjustifiable|hypocritical|vibrant|thriving|booming|sluggish|dismal|bleak|dire|staggering|spectacular|dramatic(?:ally)?|significantly|greatly|vastly|hugely|indispensable|invaluable|paramount|controversial|notorious|infamous|embattled|beleaguered|widely (?:regarded|seen|considered|viewed|criticised|criticized|praised)|so-called|successful(?:ly)?|effective(?:ly)?|ineffective|failed policy|flawed|resilient|excellent|outstanding|brilliant|exemplary|game-changer|game-changing|cosmetic|superficial|symbolic|meaningless|pointless|unfair|unjust|excessive|insufficient|unrealistic|unacceptable|inevitable|overdue|misleading|alarming|worrying|troubling|damning|devastating|crippling|draconian|heavy-handed|toothless|half-hearted|ill-conceived|ill-advised|short-sighted|politically motivated)\b",
    )
});

static CAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:led to|lead to|leads to|leading to|because of|because|as a result(?: of)?|due to|owing to|thanks to|caused|causing|causes|resulted in|results in|resulting in|result in|contributed to|contributing to|driven by|fuell?(?:ed|ing)|fuels|boost(?:ed|ing|s)|weigh(?:ed|ing|s)? on|dragged down|hurt by|helped by|triggered|sparked|blamed (?:on|for)|attributable to|stemm(?:ed|ing) from|on the back of|in the wake of)\b",
    )
});

static PREDICTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:will|won't|would|could|may|might|(?:is|are|was|were) (?:expected|set|likely|poised|projected|forecast|predicted|bound|on track|due) to|is unlikely to|are unlikely to)\s+(?:not\s+)?(?:also\s+)?([\w-]+)(?:\s+([\w-]+))?",
    )
});

static ALLEGATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:accus(?:e|es|ed|ing|ation|ations)|alleg(?:e|es|ed|edly|ation|ations)|illegal(?:ly)?|unlawful(?:ly)?|corrupt(?:ion)?|fraud(?:ulent|ulently)?|brib(?:e|es|ed|ery)|embezzl\w*|launder(?:ing|ed)|rigged|cover-up|war crimes?|crimes against humanity|genocide|smuggl\w*|extort\w*|kickbacks?|misappropriat\w*|abuse of power|cheat(?:ed|ing)|lied to)\b",
    )
});

/// Adjectives that make the noun after them a judgement: "a decisive step", "strong momentum".
static JUDGING_ADJECTIVES: Words = Words::new(
    "\
    crucial decisive fresh great healthy historic important key major pivotal positive rapid \
    remarkable robust significant solid sound stable steady strong vital",
);

/// Nouns of progress and importance that such an adjective turns into an evaluation.
static JUDGED_NOUNS: Words = Words::new(
    "\
    role step contribution milestone progress achievement achievements momentum boost \
    breakthrough impetus significance importance opportunity opportunities foundation \
    cornerstone pillar force engine consensus outcome outcomes success signal",
);

/// Words that end a noun phrase, so an adjective before them does not reach a noun after.
static PHRASE_BREAKS: Words = Words::new(
    "\
    the a an of to in for on with by at from that which who is are was were be been has have \
    had will would but or as than its their his her this these those",
);

/// A judging adjective and its noun, up to four words apart within one noun phrase: "a
/// healthy, stable and rapid growth momentum", "an important new step".
fn judged_noun(s: &str) -> Option<Range<usize>> {
    let words: Vec<(usize, &str)> = s
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ','))
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect();
    for (i, &(start, adjective)) in words.iter().enumerate() {
        if !JUDGING_ADJECTIVES.contains_any_case(adjective.trim_end_matches(',')) {
            continue;
        }
        for &(at, w) in words.iter().skip(i + 1).take(5) {
            let bare = w.trim_end_matches(',');
            if JUDGED_NOUNS.contains_any_case(bare) {
                return Some(start..at + bare.len());
            }
            if PHRASE_BREAKS.contains_any_case(bare) {
                break;
            }
        }
    }
    None
}

/// The first claim in a sentence of the reporter's own words, by kind and then position.
pub fn find_claim(s: &str) -> Option<Claim> {
    let found = |kind, r: Option<Range<usize>>| r.map(|phrase| Claim { kind, phrase });
    if let Some(figure) = figure::figure(s) {
        return found(ClaimKind::Figure, Some(figure));
    }
    // Each pattern is compiled on first use and read in turn: a combined set would compile
    // them all a second time, which costs more at start-up than it saves per sentence.
    let phrase = |pattern: &Regex| pattern.find(s).map(|m| m.range());
    found(ClaimKind::Superlative, phrase(&SUPERLATIVE))
        .or_else(|| found(ClaimKind::Allegation, phrase(&ALLEGATION)))
        .or_else(|| found(ClaimKind::Cause, cause(s)))
        .or_else(|| found(ClaimKind::Prediction, prediction(s)))
        .or_else(|| found(ClaimKind::Evaluation, phrase(&EVALUATION)))
        .or_else(|| found(ClaimKind::Evaluation, judged_noun(s)))
}

fn cause(s: &str) -> Option<Range<usize>> {
    CAUSE.find_iter(s).map(|m| m.range()).find(|r| {
        // "due to begin on Monday" schedules; "due to the storm" explains.
        let phrase = &s[r.clone()];
        if !phrase.eq_ignore_ascii_case("due to") {
            return true;
        }
        let next = s[r.end..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        !(next == "be" || EVENT_VERBS.contains(next.as_str()))
    })
}

fn prediction(s: &str) -> Option<Range<usize>> {
    for c in PREDICTION.captures_iter(s) {
        let whole = c.get(0)?;
        let verb = c.get(1).map_or("", |m| m.as_str()).to_lowercase();
        let next = c.get(2).map_or("", |m| m.as_str()).to_lowercase();
        // "on May 14" is a date, not a modal.
        if !verb.starts_with(char::is_alphabetic) {
            continue;
        }
        let scheduled = EVENT_VERBS.contains(verb.as_str())
            || (verb == "be" && EVENT_PARTICIPLES.contains(next.as_str()));
        if !scheduled {
            return Some(whole.range());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<ClaimKind> {
        find_claim(s).map(|c| c.kind)
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
