//! Figures: the numbers in a sentence that state a quantity a reader would want sourced.
//!
//! Money, percentages, scaled and measured amounts ("245 billion", "10 km") are figures. Numbers
//! that name or date things are not (years, dates, times, ages, ordinals, "Article 5", "a
//! 10-day visit", "Boeing 737"). A bare count ("14 defendants", "70,000 spectators") is part of
//! describing an observable event, so is a figure only where the sentence is about the count:
//! it opens the sentence ("200,000 people attended"), is approximated ("at least 12"), is a
//! share ("38 of the 44 drones") or a tally ("86 votes"), or the sentence measures change, harm
//! or rates ("rose", "killed", "arrested", "a year").

use super::lexicon::{alternation, ascii_regex, Words};
use super::own::Own;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

fn re(pattern: &str) -> Regex {
    ascii_regex(pattern)
}

/// For the few patterns that need Unicode: currency signs, letters in any script.
fn unicode_re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("figure pattern")
}

/// A number, with a currency sign before it and a range after it: "$2.5", "1,200", "10-12".
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let currency = r"(?<currency>US\$|[$€£¥₹])";
    let amount = r"\d+(?:,\d{3})*(?:\.\d+)?";
    unicode_re(&format!(
        r"{currency}?(?<amount>{amount})(?:-(?<to>{amount}))?"
    ))
});

/// Words that scale or share a quantity: "percent", "billion", "doubled", "most of". Vague
/// magnitudes ("millions of viewers", "hundreds of emails", "billions") gloss a scale rather
/// than state a figure anyone could check, so they are not read.
static SCALE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let shares = alternation(&[
        r"percent|per cent|percentage points?",
        r"million|billion|trillion|bn",
        r"doubled|tripled|quadrupled|halved|percentage-points?",
        r"(?:most|the majority|a majority|a minority|half|two-thirds|three-quarters) of",
        r"(?:a third|a quarter|a fifth) of|^most \w+s\b",
        r"\d+(?:st|nd|rd|th) (?:consecutive|straight|successive)",
        r"(?:one|two|three|four|five|six|seven|eight|nine|ten)[- ](?:fold|thirds?|quarters?)",
        r"(?:one|two|three|four|five|six|seven|eight|nine|ten)[- ]in (?:three|four|five|ten)",
    ]);
    re(&format!(r"(?i)\b(?<scale>{shares})\b|%"))
});

/// A spelled-out count of things: "three residential buildings" (not "the two sides", not
/// "a three-day visit").
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    let after = alternation(&[
        r"killed|injured|wounded|arrested|detained|damaged|destroyed|displaced|rescued",
        r"evacuated|missing|dead|seized|at least|more than|fewer than|nearly|about|some|over",
        r"up to|almost|around",
    ]);
    let number = alternation(&[
        r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty",
        r"dozens|hundreds|thousands",
    ]);
    let things = alternation(&[
        r"people|persons|civilians|soldiers|troops|children|students|workers|patients",
        r"buildings|houses|homes|vehicles|cars|drones|missiles|rockets|ships|villages",
        r"cases|deaths|migrants|militants|protesters|passengers|victims|bodies|jobs",
    ]);
    let opening = format!(r"(?<opening>^|[^\w\s-]\s*|\b(?:{after})\s+)");
    unicode_re(&format!(
        r"(?i){opening}(?<number>{number})\s+(?:\w+\s+)?(?<things>{things})\b"
    ))
});

/// A month's name or its abbreviation: "Sept.", "March".
static MONTH: LazyLock<String> = LazyLock::new(|| {
    let months = alternation(&[
        r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?",
        r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?",
    ]);
    format!(r"(?:{months})\.?")
});

static MONTH_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b{}\s+$", *MONTH)));
static MONTH_AFTER: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^\s+{}\b", *MONTH)));

/// What after a number makes it a date, time, duration, age or naming rather than a figure.
static NOT_A_FIGURE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let attached = r"st|nd|rd|th|s\b|:\d|-[a-z]";
    let time = alternation(&[
        r"a\.m|p\.m|am\b|pm\b|gmt|utc|hours?\b|hrs\b|minutes?\b|seconds?\b|days?\b|weeks?\b",
        r"months?\b|years?\b|decades?\b|centur(?:y|ies)\b|[a-z]*-?year-old|o'clock",
    ]);
    re(&format!(r"(?i)^(?:{attached}|\s*(?<time>{time}))"))
});

/// A unit joined to a number that makes it a margin or a share: "24-point", "3-vote",
/// "10-percentage-point" (not "a 67,000-seat stadium", which describes).
static MARGIN_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^-(?<unit>points?|percent|percentage-points?|votes?|delegates?)\b"));

/// What before a number makes it a name or a position: "Article 5", "No. 10", "aged 45".
static NOT_A_FIGURE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let naming = alternation(&[
        r"no\.|nos\.|number|article|section|chapter|page|pages|line|item|clause|room|gate",
        r"platform|terminal|flight|route|highway|phase|stage|level|grade|round|step|version",
        r"resolution|aged|age|ages|group|tier|category|covid|unit|block|building|district",
        r"zone|floor|seat|row",
        // An age at death: "died at 78".
        r"died at|dies at|dead at",
    ]);
    unicode_re(&format!(
        r"(?i)(?:\b(?<naming>{naming})\s*|(?<joined>[\p{{L}}\-]))$"
    ))
});

pub fn figure(own: &Own) -> Option<Range<usize>> {
    let s = own.text;
    let number = s
        .bytes()
        .any(|b| b.is_ascii_digit())
        .then(|| {
            NUMBER
                .find_iter(s)
                .map(|m| m.range())
                .find(|r| is_figure(own, r.clone()))
        })
        .flatten();
    let Some(number) = number else {
        if !may_name_quantity(s) {
            return None;
        }
        return SCALE_WORDS
            .find(s)
            .or_else(|| COUNT.find(s))
            .or_else(|| SPELLED_SHARE.find(s))
            .map(|m| m.range());
    };
    // Take in the scale that follows: "245 billion", "5.2 percent".
    let end = SCALE_WORDS
        .find_at(s, number.end)
        .filter(|m| s[number.end..m.start()].trim().is_empty())
        .map_or(number.end, |m| m.end());
    Some(number.start..end)
}

/// A word one of the scale, count or share patterns needs, for a quick no: "%", "percent",
/// "half", "three", "dozens". Most sentences have none, and the patterns are slow to run.
static QUANTITY_HINTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let scale = "% percent million billion trillion bn doubled tripled quadrupled \
        halved most majority minority half third quarter fifth fold";
    let count = "three four five six seven eight nine ten eleven twelve twenty thirty forty fifty \
        dozens hundreds thousands";
    let words = scale.split_whitespace().chain(count.split_whitespace());
    let words = words.chain(["per cent"]);
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("quantity hints")
});

/// Whether `s` may hold a scale, a spelt-out count or a share without a figure number. Any digit
/// may open a share ("one in 20") or an ordinal streak; the long s and the Kelvin sign fold to
/// "s" and "k" in COUNT's Unicode case-insensitive matching, so they leave the question open.
fn may_name_quantity(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
        || s.contains(['\u{17f}', '\u{212a}'])
        || QUANTITY_HINTS.is_match(s)
}

/// Whether the number at `r` states a quantity rather than naming or dating something.
fn is_figure(own: &Own, r: Range<usize>) -> bool {
    let s = own.text;
    let text = &s[r.clone()];
    let (before, after) = (&s[..r.start], &s[r.end..]);
    let money = text.starts_with(|c: char| !c.is_ascii_digit());
    if money {
        return true;
    }
    // "a 24-point lead", "a 3-vote margin": a margin, though hyphenated like "a 10-day visit".
    if MARGIN_AFTER.is_match(after) && !NOT_A_FIGURE_BEFORE.is_match(before) {
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
    let prev = own.before(r.start).next();
    let prev_capitalised = prev.is_some_and(|w| w.text.starts_with(char::is_uppercase));
    // An age after a name: "Zhao, 67, said".
    if before.ends_with(", ") && after.starts_with(',') && prev_capitalised {
        return false;
    }
    // A capitalised word right before names a model or a document: "Boeing 737", "Resolution
    // 2231"; not the sentence's first word, nor a currency.
    let naming = prev.filter(|w| {
        prev_capitalised
            && !s[..w.range.start].trim().is_empty()
            && !matches!(
                w.text,
                "US" | "USD" | "EUR" | "RMB" | "HK" | "A" | "C" | "NZ" | "S"
            )
    });
    let scaled = SCALE_WORDS
        .find_at(s, r.end)
        .is_some_and(|m| s[r.end..m.start()].trim().is_empty());
    // A unit or a scale after the number measures, whatever stands before: "Cruz 16 points
    // ahead", not a model's number (nor a name: "the band 98 Degrees").
    let unit = UNIT_AFTER.is_match(after) && after.trim_start().starts_with(char::is_lowercase);
    if naming.is_some() && !(scaled || unit) {
        return false;
    }
    text.contains('.')
        || scaled
        || UNIT_AFTER.is_match(after)
        || count_is_statistic(own, r.start, after)
}

/// Units that make a number a measured amount: "10 km", "86 votes", "500 euros".
static UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let units = alternation(&[
        r"km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|cm|mm|feet|foot|inches|square",
        r"kg|kilo(?:gram)?s?|grams?|tonnes?|tons?|lbs?|degrees?|°|hectares?|acres?",
        r"barrels?|lit(?:re|er)s?|gallons?|mph|km/h|knots|megawatts?|mw|gw|kwh",
        r"votes?|seats?|points?",
        r"dollars?|euros?|pounds?|yuan|yen|rupees?|won|shillings?|crowns?|francs?",
        r"roubles?|rubles?|pesos?|reais|naira|rand|lira",
    ]);
    re(&format!(r"(?i)^\s*(?<unit>{units})\b"))
});

/// Words that approximate a count, as estimates do, or stress it: "at least 12", "some 5,000",
/// "only 12".
static APPROXIMATED: LazyLock<Regex> = LazyLock::new(|| {
    let approximately = alternation(&[
        r"at least|more than|less than|fewer than|nearly|almost|about|around|roughly",
        r"approximately|some|over|up to|as many as|an estimated|estimated|close to",
        r"upwards of|at most|only|just|a mere|as few as",
    ]);
    re(&format!(r"(?i)\b(?:{approximately})\s+$"))
});

/// "There were 56 passengers": a sentence that exists to give the count.
static THERE_ARE: LazyLock<Regex> = LazyLock::new(|| {
    let be = r"(?<be>are|were|is|was|have been|has been|had been|will be|remain|remained)";
    unicode_re(&format!(
        r"(?i)\bthere(?:\s+{be}|['\x{{2019}}]s)\s+(?:only\s+|just\s+)?$"
    ))
});

/// "Four of the 10 judges", "one in 20": a share whose part is spelt out (not a year: "one
/// of the 2016 candidates").
static SPELLED_SHARE: LazyLock<Regex> = LazyLock::new(|| {
    let part = r"one|two|three|four|five|six|seven|eight|nine|ten";
    let whole = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3})\b";
    re(&format!(
        r"(?i)\b(?:{part}) (?:(?:out )?of (?:the |its |their )?|in (?:every )?){whole}"
    ))
});

/// "38 of the 44", "one in 10", "20 of the county's 70": a share.
static SHARE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let owner = r"(?:[a-z.]+ ){0,2}[a-z.]+['’]s ";
    unicode_re(&format!(
        r"(?i)^\s+(?:(?:out )?of (?:the |its |their )?(?:{owner})?|in (?:every )?)\d"
    ))
});

/// Words in a sentence that measure change, harm, rates or estimates, which make its counts
/// statistics: "rose", "killed", "arrested", "a year", "slashed", "compared with".
static STATISTIC: LazyLock<Regex> = LazyLock::new(|| {
    let measures = alternation(&[
        r"ris(?:e|es|en|ing)|rose|f[ae]ll(?:s|en|ing)?|increas\w*|decreas\w*|grew",
        r"grow(?:s|n|ing|th)|drop(?:s|ped|ping)?|declin\w*|climb\w*|jump\w*|surg\w*",
        r"plung\w*|slump\w*|soar\w*|tumbl\w*|slid|reach(?:ed|es|ing)?|topp?(?:ed|ing)",
        r"exceed\w*|surpass\w*|total(?:led|ed|s|ling)?|amount(?:ed|s|ing)|number(?:ed|s|ing)",
        r"stood at|doubl\w*|tripl\w*|halv\w*",
        r"kill\w*|dead|died|die|dying|deaths?|toll|injur\w*|wound(?:ed|ing)|hurt|casualt\w*",
        r"fatalit\w*|victims?|arrest\w*|detain\w*|displac\w*|evacuat\w*|missing|rescu\w*",
        r"lost|losses|laid off|lay off|lays off|laying off|layoffs|shed|hired",
        r"won|wins|leads|trails|trailing|raised|spent|suspended",
        r"estimat\w*|average\w*|median|rate|per|a (?:day|week|month|year)|annual\w*",
        r"plans?|planned|planning|targets?|targeted|goals?|aims?|aimed|intends?",
        r"slash\w*|deleted|compared (?:with|to)|versus|typically",
    ]);
    re(&format!(r"(?i)\b(?:{measures})\b"))
});

/// Words that may open a sentence before its count: "Some 5,000 people ...", "More than 200
/// ..." ("The 27 member states" names a known group).
static OPENING_WORDS: Words = Words::new(
    "another some about nearly almost around roughly approximately over only just a further \
    additional all and but yet so more than at least fewer less up to as many an estimated \
    estimated close upwards of well",
);

/// A bare count is part of describing an event unless the sentence is about it.
fn count_is_statistic(own: &Own, at: usize, after: &str) -> bool {
    let before = &own.text[..at];
    let clause = before.rfind(", ").map_or(0, |i| i + 2);
    let opens = own
        .before(at)
        .take_while(|w| w.range.start >= clause)
        .all(|w| OPENING_WORDS.contains(&w.lower));
    opens
        || APPROXIMATED.is_match(before)
        || THERE_ARE.is_match(before)
        || SHARE_AFTER.is_match(after)
        || STATISTIC.is_match(own.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(s: &str) -> Option<&str> {
        figure(&Own::from_text(s)).map(|r| &s[r])
    }

    #[test]
    fn the_quick_no_leaves_spelt_out_quantities_to_the_patterns() {
        assert_eq!(
            figures("Nearly HALF of the voters stayed home."),
            Some("HALF of")
        );
        assert_eq!(figures("Rescuers pulled five people from the river."), None);
        assert!(figures("At least ſix villages were flooded.").is_some());
        assert_eq!(figures("The mayor opened the new library."), None);
    }

    #[test]
    fn counts_that_describe_an_event_are_not_figures() {
        for s in [
            "The trial opened in Paris on Monday with 14 defendants in the dock.",
            "The aircraft, an ATR 72, was carrying 62 people.",
            "It was signed by trade ministers from 15 countries in Kuala Lumpur.",
            "The final was held in Paris in front of 70,000 spectators.",
            "The 27 member states agreed to extend the sanctions.",
            "One of the 2016 candidates withdrew on Monday.",
            "The actor, best known for a 1980s sitcom, died at 78.",
        ] {
            assert_eq!(figures(s), None, "{s}");
        }
    }

    #[test]
    fn counts_that_are_statistics() {
        for (s, figure) in [
            ("200,000 people attended the march in Madrid.", "200,000"),
            ("On Sunday, some 5,000 people marched.", "5,000"),
            ("Police arrested 14 people at the border.", "14"),
            ("The air force shot down 38 of the 44 drones.", "38"),
            ("Inspectors visited 20 of the county's 70 bakeries.", "20"),
            ("The Senate approved the reform by 86 votes to 41.", "86"),
            ("The quake struck at a depth of 10 km.", "10"),
            ("There were 56 passengers on the ferry.", "56"),
            ("There's only 300 tickets left.", "300"),
            ("The mayor won 758 votes.", "758"),
            ("Four of the 10 judges backed the ruling.", "Four of the 10"),
            ("Mayor Okafor 12 points ahead of her rival.", "12"),
            ("She held a 24-point lead over the mayor.", "24"),
            ("The bakery is laying off 60 workers.", "60"),
            ("The airport handles 1,200 flights a day.", "1,200"),
            ("It plans to open 20 more stores by 2027.", "20"),
            ("At least 12 people were killed.", "12"),
            ("The ferry carried only 12 passengers in May.", "12"),
            ("The yard slashed 300 jobs.", "300"),
            (
                "The town has 40 doctors compared with 90 in the city.",
                "40",
            ),
            (
                "The bill passed with 1.5 percent more support.",
                "1.5 percent",
            ),
        ] {
            assert_eq!(figures(s), Some(figure), "{s}");
        }
    }
}
