//! Claim detection: does a sentence assert something a reader would want sourced?
//!
//! Six kinds, each with the phrase that makes it one. Plain reporting of events that happened
//! or are scheduled ("The summit is scheduled for September 3", "will be held in Tianjin") is
//! not a claim, and neither are the numbers that name or date things (years, dates, times,
//! ages, ordinals, "Article 5", "a 10-day visit").

use super::lexicon::{EVENT_PARTICIPLES, EVENT_VERBS};
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
    Regex::new(pattern).expect("claim pattern")
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:US\$|[$€£¥₹])?\d+(?:,\d{3})*(?:\.\d+)?(?:-\d+(?:,\d{3})*(?:\.\d+)?)?")
});

static SCALE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:percent|per cent|percentage points?|(?:million|billion|trillion)s?|bn|doubled|tripled|quadrupled|halved|(?:hundreds|thousands|millions|tens of thousands) of|(?:most|the majority|a majority|a minority|half|two-thirds|three-quarters|a third|a quarter|a fifth) of|^most \w+s\b|\d+(?:st|nd|rd|th) (?:consecutive|straight|successive)|(?:one|two|three|four|five|six|seven|eight|nine|ten)[- ](?:fold|thirds?|quarters?|in (?:three|four|five|ten)))\b|%",
    )
});

/// A spelled-out count of things: "three residential buildings" (not "the two sides", not
/// "a three-day visit").
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^|[^\w\s-]\s*|\b(?:killed|injured|wounded|arrested|detained|damaged|destroyed|displaced|rescued|evacuated|missing|dead|seized|at least|more than|fewer than|nearly|about|some|over|up to|almost|around)\s+)(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|dozens|hundreds|thousands)\s+(?:\w+\s+)?(?:people|persons|civilians|soldiers|troops|children|students|workers|buildings|houses|homes|vehicles|cars|drones|missiles|rockets|ships|villages|patients|cases|deaths|migrants|militants|protesters|passengers|victims|bodies|jobs)\b",
    )
});

static MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

static MONTH_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b{MONTH}\s+$")));
static MONTH_AFTER: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^\s+{MONTH}\b")));

/// What after a number makes it a date, time, duration, age or naming rather than a figure.
static NOT_A_FIGURE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:st|nd|rd|th|s\b|:\d|-[a-z]|\s*(?:a\.m|p\.m|am\b|pm\b|gmt|utc|hours?\b|hrs\b|minutes?\b|seconds?\b|days?\b|weeks?\b|months?\b|years?\b|decades?\b|centur(?:y|ies)\b|[a-z]*-?year-old|o'clock))",
    )
});

/// What before a number makes it a name or a position: "Article 5", "No. 10", "aged 45".
static NOT_A_FIGURE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:no\.|nos\.|number|article|section|chapter|page|pages|line|item|clause|room|gate|platform|terminal|flight|route|highway|phase|stage|level|grade|round|step|version|resolution|aged|age|ages|group|tier|category|covid|unit|block|building|district|zone|floor|seat|row)\s*|[\p{L}\-])$",
    )
});

static SUPERLATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:a|new|another|all-time|record)\s+record(?:-\w+)?|record[- ](?:high|low|level|levels|number|amount|year|profit|loss|sales|turnout|heat|temperatures?)|all-time (?:high|low)|largest|biggest|highest|lowest|greatest|fastest|slowest|strongest|weakest|worst|deadliest|smallest|longest|shortest|richest|poorest|heaviest|sharpest|steepest|deepest|busiest|costliest|hottest|coldest|wettest|driest|(?:the|its|their|his|her|our)\s+(?:most|least|best)\b|first[- ]ever|for the first time|the (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)) (?:\w+\s+){1,2}(?:to|ever|in history)\b|than (?:at )?any (?:point|time|other)|than ever|the only (?:\w+\s+){0,2}(?:to|that|who)\b|unprecedented|in history|of all time)\b",
    )
});

static EVALUATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:should|must|ought to|(?:made|make|makes|making) (?:\w+ )?progress|(?:a|an|the) (?:\w+ )?(?:success|failure|disaster|triumph|fiasco|backbone|cornerstone)|responsible for|a result of|chaotic|inadequate|haphazard|botched|mismanaged|incompetent|has been proven|have been proven|(?:it is|it's) (?:clear|evident|obvious|undeniable)|undoubtedly|no doubt|without doubt|clearly|obviously|evidently|(?:immense|tremendous|enormous|great|huge|vast|broad|bright|limitless|boundless|unlimited) (?:potential|prospects?|future|opportunit(?:y|ies)|significance|importance|success|achievements?|contributions?|progress)|(?:important|key|major|significant|crucial|vital|pivotal|positive|great|strong|healthy|stable|sound|steady|solid|robust|rapid|remarkable|fresh|new|historic|decisive) (?:role|step|contribution|milestone|progress|achievements?|momentum|boost|breakthrough|impetus|significance|importance|opportunit(?:y|ies)|foundation|cornerstone|pillar|driving force|engine|consensus|outcomes?|success|signal|turning point)|healthy(?:,| and) stable|high-level development|development momentum|underscor(?:e|es|ed|ing) the (?:importance|need|significance|value|strength|urgency)|highlight(?:s|ed|ing)? the (?:importance|need|significance|value)|(?:demonstrat|reflect|prov|show|illustrat)(?:es|ed|s|ing)? (?:that|the (?:\w+ )?(?:importance|strength|resilience|commitment|success|value|vitality|determination|effectiveness|failure))|testament to|a model for|sets? an example|remarkabl[ey]|tremendous(?:ly)?|immense(?:ly)?|enormous(?:ly)?|impressive(?:ly)?|fruitful|landmark|win-win|mutually beneficial|disastrous|catastrophic|reckless|irresponsible|misguided|shameful|outrageous|absurd|baseless|groundless|unjustified|unjustifiable|hypocritical|vibrant|thriving|booming|sluggish|dismal|bleak|dire|staggering|spectacular|dramatic(?:ally)?|significantly|greatly|vastly|hugely|indispensable|invaluable|paramount|controversial|notorious|infamous|embattled|beleaguered|widely (?:regarded|seen|considered|viewed|criticised|criticized|praised)|so-called|successful(?:ly)?|effective(?:ly)?|ineffective|failed policy|flawed|resilient|excellent|outstanding|brilliant|exemplary|game-changer|game-changing)\b",
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

/// The first claim in a sentence of the reporter's own words, by kind and then position.
pub fn find_claim(s: &str) -> Option<Claim> {
    let found = |kind, r: Option<Range<usize>>| r.map(|phrase| Claim { kind, phrase });
    found(ClaimKind::Figure, figure(s))
        .or_else(|| {
            found(
                ClaimKind::Superlative,
                SUPERLATIVE.find(s).map(|m| m.range()),
            )
        })
        .or_else(|| found(ClaimKind::Allegation, ALLEGATION.find(s).map(|m| m.range())))
        .or_else(|| found(ClaimKind::Cause, cause(s)))
        .or_else(|| found(ClaimKind::Prediction, prediction(s)))
        .or_else(|| found(ClaimKind::Evaluation, EVALUATION.find(s).map(|m| m.range())))
}

fn figure(s: &str) -> Option<Range<usize>> {
    let number = NUMBER
        .find_iter(s)
        .map(|m| m.range())
        .find(|r| is_figure(s, r.clone()));
    let Some(number) = number else {
        return SCALE_WORDS
            .find(s)
            .or_else(|| COUNT.find(s))
            .map(|m| m.range());
    };
    // Take in the scale that follows: "245 billion", "5.2 percent".
    let end = SCALE_WORDS
        .find_at(s, number.end)
        .filter(|m| s[number.end..m.start()].trim().is_empty())
        .map_or(number.end, |m| m.end());
    Some(number.start..end)
}

/// Whether the number at `r` states a quantity rather than naming or dating something.
fn is_figure(s: &str, r: Range<usize>) -> bool {
    let text = &s[r.clone()];
    let (before, after) = (&s[..r.start], &s[r.end..]);
    let money = text.starts_with(|c: char| !c.is_ascii_digit());
    if money {
        return true;
    }
    if NOT_A_FIGURE_AFTER.is_match(after) || NOT_A_FIGURE_BEFORE.is_match(before) {
        return false;
    }
    if MONTH_BEFORE.is_match(before) || MONTH_AFTER.is_match(after) {
        return false;
    }
    // A year, or a range of years ("2020-2024").
    let year = |t: &str| t.len() == 4 && t.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y));
    if text.split('-').all(year) {
        return false;
    }
    // A score or a range without a unit ("won 2-1").
    if text.contains('-') {
        return false;
    }
    // An age after a name: "Zhao, 67, said".
    if before.ends_with(", ") && after.starts_with(',') {
        let prev = before[..before.len() - 2].rsplit(' ').next().unwrap_or("");
        if prev.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    // A capitalised word right before names a model or a document: "Boeing 737", "Resolution 2231".
    let prev = before.trim_end().rsplit(' ').next().unwrap_or("");
    let capitalised = prev.chars().next().is_some_and(char::is_uppercase)
        && before.trim_end().len() > prev.len()
        && !matches!(
            prev,
            "US" | "USD" | "EUR" | "RMB" | "HK" | "A" | "C" | "NZ" | "S"
        );
    !capitalised
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
            kind("It has been proven that cooperation features immense potential."),
            Some(ClaimKind::Evaluation)
        );
        assert_eq!(kind("The partnership has maintained a healthy, stable, and high-level development momentum."), Some(ClaimKind::Evaluation));
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
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
    }
}
#[test]
fn dbg_would() {
    for s in [
        "The move would support lending to small businesses.",
        "Trade tensions could push growth lower.",
        "The reform had been a success.",
        "Most voters oppose the plan.",
    ] {
        eprintln!("{s} => {:?}", find_claim(s));
    }
}
