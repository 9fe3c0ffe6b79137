//! Judgements after "as" in a fragment: "The mayor as unfit for office", "Him as too weak to
//! lead", "The levy as a dangerous gamble". Such a phrase is what is left of "Critics cast
//! the mayor as unfit" once whoever cast it is gone: a judgement nobody stands behind. With a
//! verb before "as" the sentence says who judged ("Critics see the plan as weak", a cue) or
//! what someone did ("She served as a key aide"), so only a phrase with no verb on either side
//! of the judgement is read. Not "such as", "as good as", nor an "as" that opens the sentence.

use super::super::lexicon::{
    Words, AUXILIARIES, CLAIM_WORDS, CUES, IRREGULAR_PAST, REPORTING_WORDS,
};
use super::super::own::{Own, OwnWord};
use super::opinion::is_adverb;
use std::ops::Range;

/// Verbs that take "as" after their object or stand before it without a source: "treat the
/// plan as", "served as", "listed as".
static AS_VERBS: Words = Words::new(
    "treat treats call calls name names count counts rank ranks rate rates cast casts list \
    lists serve serves act acts work works run runs use uses choose chooses pick picks know \
    knows elect elects appoint appoints hire hires join joins remain remains",
);

/// Words right before "as" that make it no judgement: "such as", "just as", "as well as".
static NOT_JUDGING_BEFORE: Words = Words::new("such just well so as same");

/// Words between "as" and its adjective that only grade it: "as too weak", "as such a".
static GRADES: Words = Words::new("too so such");

/// The first judgement after "as" in a fragment: from "as" to the judging adjective (or the
/// noun after "a" and the adjective).
pub fn judged_as(own: &Own) -> Option<Range<usize>> {
    let words = &own.words;
    words.iter().enumerate().find_map(|(i, as_)| {
        if !as_.is("as") || i == 0 || NOT_JUDGING_BEFORE.contains(&words[i - 1].lower) {
            return None;
        }
        if words[..i].iter().any(is_verb) {
            return None;
        }
        let (end, at) = judgement(own, i + 1)?;
        // "as unfit to lead": the adjective's complement may have a verb; the rest may not.
        let rest = words[at + 1..]
            .iter()
            .take_while(|w| !w.is("to"))
            .collect::<Vec<_>>();
        if rest.first().is_some_and(|w| w.is("as")) || rest.into_iter().any(is_verb) {
            return None;
        }
        Some(as_.range.start..end)
    })
}

/// The judging adjective from word `from` on, past adverbs, grades and an article: its end
/// (the noun's after an article) and the index of the last word read.
fn judgement(own: &Own, from: usize) -> Option<(usize, usize)> {
    let words = &own.words;
    let mut article = false;
    for (k, w) in words.iter().enumerate().skip(from).take(4) {
        let lower = w.lower.as_ref();
        if !w.text.starts_with(|c: char| c.is_ascii_lowercase()) {
            return None;
        }
        if CLAIM_WORDS.opinion.contains(lower)
            || CLAIM_WORDS.verdicts.contains(lower)
            || CLAIM_WORDS.predicates.contains(lower)
        {
            let noun = article.then(|| own.next_word(w.range.end)).flatten();
            return Some(match noun {
                Some(n) if words.get(k + 1).is_some_and(|x| x.range == n.range) => {
                    (n.range.end, k + 1)
                }
                _ => (w.range.end, k),
            });
        }
        if w.is("a") || w.is("an") {
            article = true;
        } else if !(GRADES.contains(lower) || is_adverb(w)) {
            return None;
        }
    }
    None
}

/// Whether `w` is, or most likely is, a verb: a copula, an auxiliary, a past tense, a
/// reporting verb, a verb of regard or one that takes "as".
fn is_verb(w: &OwnWord) -> bool {
    let lower = w.lower.as_ref();
    super::is_copula(w)
        || AUXILIARIES.contains(lower)
        || IRREGULAR_PAST.contains(lower)
        || AS_VERBS.contains(lower)
        || REPORTING_WORDS.contains(lower)
        || CUES.regards.is_match(lower)
        || (lower.len() >= 5 && lower.ends_with("ed") && !lower.ends_with("eed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(s: &str) -> Option<&str> {
        judged_as(&Own::from_text(s)).map(|r| &s[r])
    }

    #[test]
    fn a_fragment_judges_after_as() {
        for (s, phrase) in [
            ("The harbour master as unfit for the job.", "as unfit"),
            ("Him as too weak to run the port.", "as too weak"),
            (
                "The new toll as a dangerous gamble.",
                "as a dangerous gamble",
            ),
            ("Cheap fares and a new pier as crucial steps.", "as crucial"),
        ] {
            assert_eq!(judged(s), Some(phrase), "{s}");
        }
    }

    #[test]
    fn a_verb_says_who_judged_or_what_was_done() {
        for s in [
            "Critics cast the harbour master as unfit for the job.",
            "Fishermen see the new toll as reckless.",
            "She served as a key aide to the mayor.",
            "The new pier, which opened in May, was listed as dangerous.",
            "Ports such as good harbours need dredging.",
            "The ferry as good as any on the coast.",
            "As important as the pier is, the ferry matters more.",
            "In his role as a strong advocate for the pier, he pushed the plan.",
        ] {
            assert_eq!(judged(s), None, "{s}");
        }
    }
}
