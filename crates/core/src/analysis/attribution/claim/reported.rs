//! Reported content: what follows a noun of saying or thinking and its "that" ("the suggestion
//! that the ferry would close", "fears that rents will rise", "his claim that the figures are
//! false") is someone's statement or belief, named by that noun, not the reporter's claim.
//! "The fact that" asserts, so "fact" is no such noun; the nouns are the lexicon's
//! `report-noun` entries.

use super::super::lexicon::CLAIM_WORDS;
use super::super::own::{is_space, Own};

/// Where the content a noun of saying or thinking reports begins: the "that" after it.
pub fn reported_from(own: &Own) -> Option<usize> {
    own.words.windows(2).find_map(|pair| {
        let (noun, that) = (&pair[0], &pair[1]);
        (that.is("that")
            && is_space(&own.text[noun.range.end..that.range.start])
            && CLAIM_WORDS.report_nouns.contains(noun.lower.as_ref()))
        .then_some(that.range.start)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reported(s: &str) -> Option<&str> {
        reported_from(&Own::from_text(s)).map(|at| &s[at..])
    }

    #[test]
    fn a_noun_of_saying_reports_what_its_that_opens() {
        assert_eq!(
            reported("The mayor dismissed fears that the ferry would close."),
            Some("that the ferry would close.")
        );
        assert_eq!(
            reported("The fact that the ferry will close is known."),
            None
        );
        assert_eq!(reported("The fears, that night, were real."), None);
    }
}
