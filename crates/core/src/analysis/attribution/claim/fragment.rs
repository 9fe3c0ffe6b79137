//! Verbless fragments that judge: "A dangerous proposal to scrap the ferry." "Offensive
//! remarks about the harbour staff." A sentence of prose that has no verb is mostly what is
//! left of someone's words once the one who said them is gone ("The mayor called it a
//! dangerous proposal"), so a word in it that judges whatever it describes is a judgement
//! nobody stands behind. Only the words that judge wherever they stand are read (the
//! lexicon's `verdict` and `predicate` entries: "ridiculous", "dangerous", "unfit"), not
//! words that mostly describe after an article ("a strong earthquake"). The sentence must
//! end with a full stop, and not open with "to" (an aim: "To cut the fares."); headings, list
//! items and headlines are not read here (the caller reads only paragraphs).

use super::super::lexicon::{
    Words, AUXILIARIES, CLAIM_WORDS, IRREGULAR_PAST, MODALS, REPORTING_WORDS,
};
use super::super::lower::ascii_lower;
use super::super::own::{Own, OwnWord};
use std::ops::Range;

/// Nouns of amount after which a judging word only measures: "a great deal of", "a good
/// number of".
static AMOUNTS: Words = Words::new("deal number many few while part");

/// The judging word of a verbless fragment.
pub fn fragment_judgement(own: &Own) -> Option<Range<usize>> {
    let words = &own.words;
    let first = words.first()?;
    if first.is("to") || !own.text.trim_end().ends_with('.') || words.len() < 3 {
        return None;
    }
    if words.iter().any(is_verb) {
        return None;
    }
    words.iter().enumerate().find_map(|(i, w)| {
        let lower = w.lower.as_ref();
        let judges = CLAIM_WORDS.verdicts.contains(lower) || CLAIM_WORDS.predicates.contains(lower);
        let measures = words.get(i + 1).is_some_and(|n| AMOUNTS.contains(&n.lower));
        // A capitalised word inside is a name: "Radical Islam".
        let plain = i == 0 || w.text.starts_with(|c: char| c.is_ascii_lowercase());
        (judges && !measures && plain).then(|| w.range.clone())
    })
}

/// Whether `w` is, or most likely is, a verb: a copula, an auxiliary or modal, a past tense
/// or participle, or a reporting verb.
fn is_verb(w: &OwnWord) -> bool {
    let lower = w.lower.as_ref();
    AUXILIARIES.contains(lower)
        || MODALS.contains(lower)
        || IRREGULAR_PAST.contains(lower)
        || REPORTING_WORDS.contains(lower)
        || (lower.len() >= 5 && lower.ends_with("ed") && !lower.ends_with("eed"))
        || super::is_copula(w)
        || contracted(w)
}

/// A verb contracted onto a word: "didn't", "they'll", "we'd", "I've" ("it's" is a copula).
fn contracted(w: &OwnWord) -> bool {
    let text = ascii_lower(w.text);
    text.ends_with("n't")
        || text.ends_with("n\u{2019}t")
        || text
            .split_once(['\'', '\u{2019}'])
            .is_some_and(|(_, verb)| matches!(verb, "ll" | "d" | "ve" | "re" | "m"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(s: &str) -> Option<&str> {
        fragment_judgement(&Own::from_text(s)).map(|r| &s[r])
    }

    #[test]
    fn a_verbless_fragment_judges() {
        for (s, word) in [
            ("A dangerous proposal to scrap the ferry.", "dangerous"),
            ("Ridiculous fares for a ten-minute crossing.", "Ridiculous"),
            (
                "The harbour master's offensive posters about the crew.",
                "offensive",
            ),
        ] {
            assert_eq!(judged(s), Some(word), "{s}");
        }
    }

    #[test]
    fn a_verb_an_aim_or_no_stop_is_no_fragment() {
        for s in [
            "The plan was dangerous.",
            "Critics called the plan dangerous.",
            "To end the dangerous crossings.",
            "A dangerous crossing",
            "A great deal of money for the pier.",
            "A strong earthquake off the coast.",
            "It's not the fare but the dangerous pier that worries them.",
            "They'd rather see a dangerous pier go.",
        ] {
            assert_eq!(judged(s), None, "{s}");
        }
    }
}
