//! Headings run into a sentence: a newsletter's "HOW THE PLAN FAILED The talks ...", a
//! related-stories line "Senators Reject The Idea Of A Tax". A heading has no verb to cut,
//! and its capitals read as names, so the verbless-source readings leave it alone.

use crate::analysis::attribution::lexicon::Words;
use std::ops::Range;

/// Function words a heading capitalises and running text does not.
static FUNCTION_WORDS: Words =
    Words::new("of the a an at to on in for and with by from is are as so");

/// A word in capitals with at least two letters: "HOW", "NYT".
fn shouted(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !w.chars().any(char::is_lowercase)
}

/// A `range` opening on two words in capitals: a heading ("WATCHDOG MEMO"), not a source's
/// name (one acronym: "NATO", "the EU"; a paper's name after its source: "the senator THE
/// DAILY NEWS").
pub(super) fn shouted_range(words: &[(usize, &str)], range: &Range<usize>) -> bool {
    let inside = super::words_within(words, range.clone());
    inside.len() >= 2 && inside[..2].iter().all(|(_, w)| shouted(w))
}

/// A sentence in title case: two or more function words capitalised after a capitalised word
/// ("Takes A Closer Look At The ..."), past the first word.
pub(super) fn title_case(words: &[(usize, &str)]) -> bool {
    words
        .windows(2)
        .take(14)
        .filter(|pair| {
            let (before, w) = (pair[0].1, pair[1].1);
            w.starts_with(char::is_uppercase)
                && FUNCTION_WORDS.contains_any_case(w)
                && before.starts_with(char::is_uppercase)
        })
        .count()
        >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(usize, &str)> {
        let mut at = 0;
        s.split(' ')
            .map(|w| {
                let start = at;
                at += w.len() + 1;
                (start, w)
            })
            .collect()
    }

    #[test]
    fn headings_are_told_from_sentences() {
        assert!(title_case(&words("Senators Reject The Idea Of A Tax Cut")));
        assert!(title_case(&words(
            "HOW THE PLAN FELL APART The talks broke down"
        )));
        assert!(!title_case(&words(
            "The Bank of England held rates at 5 percent"
        )));
        assert!(!title_case(&words(
            "The chair of the Federal Reserve, Ann Lee, spoke"
        )));
        let w = words("TALKS COLLAPSE The talks broke down");
        assert!(shouted_range(&w, &(0..14)));
        let w = words("NATO the alliance would grow");
        assert!(!shouted_range(&w, &(0..4)));
        let w = words("the senator THE DAILY NEWS");
        assert!(!shouted_range(&w, &(0..26)));
    }
}
