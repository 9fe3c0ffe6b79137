//! Broken attributions: a source named with no reporting verb, or "according to" naming nobody.
//!
//! Read in every sentence: a setting ("in a statement") or a data source ("a survey by") is
//! attribution enough for a claim but no verb for the source beside it. The shapes:
//! - a trailing source: "..., Yang Jin, an associate research fellow at CASS." (the verb
//!   "said" or "told the Global Times" dropped), "..., the bank in a statement." (see
//!   [`trailing`]);
//! - a leading source straight before a clause: "Zhao the two sides should ..." (see
//!   [`leading`]);
//! - a source after a closing quotation: "\u{201c}We will not back down,\u{201d} Hernandez."
//!   (see [`after_quote`]);
//! - a group of people opening a sentence straight before a clause: "Some economists the
//!   plan would ..." (see [`plural`]);
//! - a share of people as the source: "Forty percent they would ..." (see [`quantity`]);
//! - a source between commas inside the sentence: "The risk, he, is ..." (see
//!   [`parenthetical`]);
//! - a source opening a clause inside the sentence: "..., but he that the plan ..." (see
//!   [`inner`]);
//! - "according to" followed by nothing.
//!
//! A missing verb comes with where "said" belongs, for the quick fix.

mod after_quote;
mod heading;
mod inner;
mod leading;
mod parenthetical;
mod place;
mod plural;
mod quantity;
mod trailing;
mod who;

use super::cue::is_name_word;
use super::lexicon::{
    Words, APPOSITION_HEADS, IRREGULAR_PAST, NOUN_DETERMINERS, ROLE_NOUNS, SUBJECT_ADVERBS, TITLES,
    VERBISH,
};
use super::lower::lower;
use super::own::Own;
use super::people::Surnames;
use super::quote::marks;
use crate::analysis::tokens::strip_possessive;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// How an attribution is broken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Broken {
    /// A source named with no reporting verb: "..., Yang Jin, a fellow at CASS." The verb
    /// belongs at `verb_at`, after a comma when `comma` ("..., Yang Jin, a fellow at CASS,
    /// said.").
    MissingVerb { verb_at: usize, comma: bool },
    /// "according to" with nothing after it.
    EmptyAccordingTo,
}

static EMPTY_ACCORDING_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\baccording to\s*(?:[.,;:!?)\u{2014}]|$)").unwrap());

/// A broken attribution, and where it is. `s` is the sentence, `own` the same with its
/// quotations blanked (the reporter's words) and its words from the token layer (a hyphenated
/// compound one word: "co-founder", "Ching-te"). `attributed`: the sentence has a reporting cue
/// elsewhere, which a verbless source after a comma does not mend ("..., the bank in a
/// statement.") but which makes fewer openings suspect. `known`: the surnames the story has
/// met, which tell two names run together apart ("Alvarez Moreno was ..."). Ranges are in the
/// sentence.
pub fn broken(
    s: &str,
    own: &Own,
    attributed: bool,
    known: &Surnames,
) -> Option<(Broken, Range<usize>)> {
    let text = own.text;
    if let Some(m) = EMPTY_ACCORDING_TO.find(text) {
        let end = m.start() + "according to".len();
        return Some((Broken::EmptyAccordingTo, m.start()..end));
    }
    let words: Vec<(usize, &str)> = own.words.iter().map(|w| (w.range.start, w.text)).collect();
    if heading::title_case(&words) {
        return None;
    }
    let missing = |(range, verb_at, comma): (Range<usize>, usize, bool)| {
        (Broken::MissingVerb { verb_at, comma }, range)
    };
    let leading = leading::leading_subject(s, text, &words, attributed, known)
        .or_else(|| quantity::share_subject(text, &words))
        .or_else(|| parenthetical::parenthetical_source(text, &words, known))
        .or_else(|| {
            let r = leading::doubled_pronoun(&words)?;
            let end = r.end;
            Some((r, end))
        })
        .or_else(|| inner::inner_source(text, &words))
        .or_else(|| who::who_clause(text, &words))
        .filter(|(r, _)| !place::is_place_after_comma(text, r))
        .filter(|(r, _)| !heading::shouted_range(&words, r));
    if let Some((r, verb_at)) = leading {
        return Some(missing((r, verb_at, false)));
    }
    after_quote::source_after_quote(s, text, &words)
        .or_else(|| trailing::trailing_source(text, &words, known))
        .filter(|(r, _, _)| !place::is_place_after_comma(text, r))
        .filter(|(r, _, _)| !heading::shouted_range(&words, r))
        .map(missing)
}

/// Whether `prev` ends on a quotation closed by a question or exclamation mark, which ends
/// the sentence before its source: "\u{201c}Is that fair?\u{201d}".
pub fn closes_quoted_question(prev: &str) -> bool {
    let closed = prev.trim_end();
    let inner = closed.trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}']);
    inner.len() < closed.len() && inner.ends_with(['?', '!'])
}

/// A sentence that is only a source, its verb cut, after a sentence closing a quotation with
/// "?" or "!": "Okafor.", "Okafor on Sunday.", "he Fox News.".
pub fn source_after_split_quote(own: &Own) -> Option<(Broken, Range<usize>)> {
    let words: Vec<(usize, &str)> = own.words.iter().map(|w| (w.range.start, w.text)).collect();
    // "[HuffPost.]", "- Democrats ...": a credit or a list item, not a source.
    if marks(own.text).next().is_some() || !own.text.starts_with(char::is_alphanumeric) {
        return None;
    }
    let (r, verb_at, comma) = after_quote::source_in_tail(own.text, &words, 0, own.text.len())?;
    Some((Broken::MissingVerb { verb_at, comma }, r))
}

/// The words starting inside `range` of the sentence.
fn words_within<'w, 'a>(
    words: &'w [(usize, &'a str)],
    range: Range<usize>,
) -> &'w [(usize, &'a str)] {
    let start = words.partition_point(|&(at, _)| at < range.start);
    let end = words.partition_point(|&(at, _)| at < range.end);
    &words[start..end.max(start)]
}

fn is_role(w: &str) -> bool {
    ROLE_NOUNS.contains_any_case(w)
}

fn is_title(w: &str) -> bool {
    TITLES.contains(w) || is_role(w)
}

/// How many leading words form a name: capitalised words, titles and roles inside
/// ("Kremlin spokesman Dmitry Peskov", "the General Administration of Customs"); ends on a
/// capitalised word.
fn name_len(words: &[&str]) -> usize {
    // "Said Ann Lee, ...": an inverted reporting verb opens the sentence, not a name.
    if words
        .first()
        .is_some_and(|w| matches!(*w, "Said" | "Says" | "Added" | "Asked"))
    {
        return 0;
    }
    let start = usize::from(words.first().is_some_and(|w| matches!(*w, "the" | "The")));
    let mut best = 0;
    for (i, w) in words.iter().enumerate().skip(start).take(7) {
        let particle = matches!(
            *w,
            "of" | "de" | "van" | "von" | "bin" | "al" | "der" | "da"
        );
        // "Jill A. Martin": an initial inside a name.
        let initial = i > start && w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
        if is_name_word(w) && !initial {
            best = i + 1;
        } else if initial {
            continue;
        } else if !(particle || is_title(w) || owner(w)) || i == start && particle {
            break;
        }
    }
    best
}

/// A name or a role in the possessive, inside a longer name: "the IMF's", "the company's"
/// (not "it's", "that's").
fn owner(w: &str) -> bool {
    strip_possessive(w).is_some_and(|base| is_name_word(base) || is_role(base))
}

/// Words that end a role's modifiers before its noun.
static PREPOSITIONS: Words = Words::new("to for of in on at with from by about into");

/// How many leading words form a role: "the foreign ministry", "local officials",
/// "the United Nations refugee agency".
fn role_len(words: &[&str]) -> usize {
    let Some(first) = words.first() else {
        return 0;
    };
    let l = lower(first);
    // "..., carried 40 people": a word other than a determiner or an approximator before a
    // count is a verb with its object.
    let counted = words
        .get(1)
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        && !(quantity::APPROXIMATORS.contains(&l)
            || NOUN_DETERMINERS.contains(&l)
            || matches!(l.as_str(), "least" | "another" | "all" | "those" | "up"));
    // "..., once employed 400 workers": an adverb before a past tense opens a verb phrase.
    let adverbed = SUBJECT_ADVERBS.contains(&l)
        && words.get(1).is_some_and(|w| {
            let n = lower(w);
            n.len() > 4 && n.ends_with("ed") || IRREGULAR_PAST.contains(&n)
        });
    if APPOSITION_HEADS.contains(&l)
        || VERBISH.contains(&l)
        || is_name_word(first) && !is_role(first) && words.len() == 1
        || counted
        || adverbed
    {
        return 0;
    }
    // Up to the first role noun, and any that follow it: "the foreign ministry spokesperson".
    let mut best = 0;
    for (i, w) in words.iter().enumerate().take(7) {
        if VERBISH.contains_any_case(w)
            || matches!(*w, "and" | "or" | "but" | "though" | "although" | "not")
            // "whom he met during the campaign": a relative clause, whose last noun is no role.
            || matches!(*w, "who" | "whom" | "whose" | "which")
        {
            break;
        }
        if i > 0 && opens_a_clause(words, i) {
            break;
        }
        // "Trump became the first candidate", "HP remains a firm": a determiner after the
        // first word, before any role noun, opens a verb's object; a role's modifiers hold none.
        if i > 0 && best == 0 && NOUN_DETERMINERS.contains_any_case(w) {
            break;
        }
        if is_role(w) {
            best = i + 1;
        } else if best > 0 || PREPOSITIONS.contains(w) {
            // "plans to run for the council": a role's modifiers hold no preposition.
            break;
        }
    }
    best
}

/// Whether the word at `i` is a reporting verb in the past tense with its object or clause
/// after it, which ends a role before it: "student wrote the local newspaper" is a student who
/// wrote, not a five-word role; "the noted economist" keeps its adjective.
fn opens_a_clause(words: &[&str], i: usize) -> bool {
    let w = lower(words[i]);
    let past = w.ends_with("ed") || IRREGULAR_PAST.contains(&w);
    past && super::is_reporting_verb(&w)
        && words.get(i + 1).is_some_and(|next| {
            NOUN_DETERMINERS.contains_any_case(next) || *next == "that" || is_name_word(next)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::attribution::quote::{quotes, reporter_text};

    #[test]
    fn a_reporting_verb_with_its_object_ends_a_role() {
        let words = ["student", "wrote", "the", "local", "newspaper"];
        assert_eq!(role_len(&words), 0);
        assert_eq!(role_len(&["the", "noted", "economist", "wrote"]), 3);
        assert_eq!(role_len(&["the", "foreign", "ministry", "spokesperson"]), 4);
        assert_eq!(role_len(&["a", "farmer", "told", "the", "paper"]), 2);
        let relative = ["whom", "he", "thanked", "during", "the", "campaign"];
        assert_eq!(role_len(&relative), 0);
    }

    #[test]
    fn a_source_alone_after_a_quoted_question() {
        assert!(closes_quoted_question("\u{201c}Is that fair?\u{201d}"));
        assert!(closes_quoted_question("\"We won!\" "));
        assert!(!closes_quoted_question(
            "\u{201c}It is fair,\u{201d} he said."
        ));
        let source = |s: &str| source_after_split_quote(&Own::from_text(s)).map(|(_, r)| r);
        assert_eq!(source("Okafor."), Some(0..6));
        assert_eq!(source("Okafor on Sunday."), Some(0..6));
        assert_eq!(source("He Fox News."), Some(0..2));
        for s in [
            "Okafor said.",
            "The answer came quickly.",
            "[Wire.]",
            "- Voters said no.",
        ] {
            assert_eq!(source(s), None, "{s}");
        }
    }

    #[test]
    fn an_inverted_reporting_verb_is_no_name() {
        assert_eq!(name_len(&["Said", "Okafor"]), 0);
        assert_eq!(name_len(&["Ann", "Okafor"]), 2);
    }

    /// The words of `s` outside its quotations.
    pub(super) fn with_words<R>(s: &str, read: impl FnOnce(&[(usize, &str)]) -> R) -> R {
        let blanked = reporter_text(s, &quotes(s));
        let own = Own::from_text(&blanked);
        let words: Vec<(usize, &str)> = own.words.iter().map(|w| (w.range.start, w.text)).collect();
        read(&words)
    }

    fn broken_in(s: &str, attributed: bool) -> Option<(Broken, Range<usize>)> {
        broken(s, &Own::from_text(s), attributed, &Surnames::default())
    }

    fn kind(s: &str) -> Option<Broken> {
        broken_in(s, false).map(|b| b.0)
    }

    fn missing(s: &str) -> bool {
        matches!(kind(s), Some(Broken::MissingVerb { .. }))
    }

    #[test]
    fn verbless_attributions_are_broken() {
        let s = "The visit underscored the importance of cooperation, Yang Jin, an associate research fellow from the Chinese Academy of Social Sciences.";
        let (_, r) = broken_in(s, false).unwrap();
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
            "Prices will rise, Tom Reyes, a trader in Lagos, who has sold grain for 20 years.",
            "Taxes will have to rise, Virginia Sen. Tom Reyes.",
            "Prices will rise, Ann Lee, a fellow at Yale and the author of two books.",
            "Few voters will choose one candidate over another, Tom Reyes.",
        ] {
            assert!(missing(s), "{s}");
        }
        // A setting or a data source is no verb.
        for s in [
            "The bank cut rates by 25 basis points, the bank in a statement.",
            "Brent rose $1.80 a barrel by 1400 GMT, data from the exchange.",
            "Most voters oppose the plan, a poll by the Pew Research Center.",
            "The floods have displaced more than 600,000 people, the refugee agency.",
            "Sea levels are rising fast, Karin Holm, an oceanographer at the University of Bergen.",
        ] {
            assert!(
                matches!(broken_in(s, true), Some((Broken::MissingVerb { .. }, _))),
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
            "The story was told by a Soviet agent, Tom Reyes, who escapes to a submarine.",
            "It had all the fight it needed in Tom Reyes, its former manager, who was fired.",
            "The deal was signed by its chief executive, Jane Fraser, who joined in 2020.",
            "The mayor thanked the governor, whom she had fought during the campaign.",
            "Floods in Fresno, Calif., closed two schools.",
            "While he toured Dayton, Ohio, he spoke about jobs.",
            "The bill was backed by Sen. Tom Reyes, R-Texas, and two others.",
            "Voters favour Rep. Ann Lee, D-Fla., a former teacher, a new survey shows.",
            "The crowd booed the mayor and her newly-named running mate, Virginia Sen. Tom Reyes.",
            "The poll puts her well ahead of her closest rival in the crowded field, Ann Lee.",
            "The school was founded by a parent, Jo Hart.",
            "The bill was backed by Rep. Jo Hart, Sen. Ann Lee, and Sen. Tom Reyes.",
            "The grant was shared by the Red Cross, the World Food Programme and Oxfam.",
            "By spring, Tom Reyes became the first candidate to qualify for the ballot.",
            "After the vote, Jo Hart remains a director of the bank.",
            "In 2010, he served as the commander of the base.",
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
    }
}
