//! Allegations: the lexicon's words of wrongdoing ("illegally diverted", "fraud", "bribes").
//! "Illegal" that gives a person's immigration status ("illegal immigrants", "living in the
//! country illegally") describes whom a policy is about rather than accuses anyone, so it is
//! not read there.

use super::super::lexicon::{Words, CLAIM_WORDS};
use super::super::own::Own;
use std::ops::Range;

/// The first allegation, past "illegal" that names immigration status.
pub fn allegation(own: &Own) -> Option<Range<usize>> {
    CLAIM_WORDS
        .allegation
        .find_iter(own.text)
        .find(|r| !is_status(own, r) && !is_verdict(own, r))
}

/// Words of a court's finding: "was convicted of fraud", "pleaded guilty to bribery". A verdict
/// is on the record; what it names is no longer an allegation.
static VERDICTS: Words = Words::new("convicted convicts convict guilty acquitted sentenced");

/// Whether a verdict stands within the four words before the allegation word.
fn is_verdict(own: &Own, r: &Range<usize>) -> bool {
    own.before(r.start)
        .take(4)
        .any(|w| VERDICTS.contains(w.lower.as_ref()))
}

/// Words of migration: "illegal immigrants", "illegal aliens", "migrants here illegally".
fn migrates(lower: &str) -> bool {
    ["immigra", "migra", "alien"]
        .iter()
        .any(|stem| lower.starts_with(stem))
}

/// Where someone lives: "in the country illegally", "illegally in the U.S.".
static PLACES: Words = Words::new("country us u.s united america here");

/// People whose status "illegally in the country" gives: "people illegally in the U.S.".
static PEOPLE: Words = Words::new("people residents workers families children parents those");

/// Whether the "illegal" or "illegally" at `r` gives a person's immigration status: next to
/// a word of migration, or "illegally" after people and before the place they live.
fn is_status(own: &Own, r: &Range<usize>) -> bool {
    let word = own.text[r.clone()].to_ascii_lowercase();
    if word == "illegal" {
        return own.next_word(r.end).is_some_and(|w| migrates(&w.lower));
    }
    if word != "illegally" {
        return false;
    }
    let near = own.before(r.start).take(6).chain(own.after(r.end).take(3));
    let lives_here = own
        .before(r.start)
        .next()
        .is_some_and(|w| PEOPLE.contains(&w.lower) || w.is("living"))
        || own
            .before(r.start)
            .take(4)
            .any(|w| PLACES.contains(&w.lower));
    near.clone().any(|w| migrates(&w.lower))
        || (lives_here && near.into_iter().any(|w| PLACES.contains(&w.lower)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alleged(s: &str) -> Option<&str> {
        allegation(&Own::from_text(s)).map(|r| &s[r])
    }

    #[test]
    fn immigration_status_accuses_nobody() {
        for s in [
            "The mayor wants to deport illegal immigrants from the valley.",
            "Farm owners hired workers living in the country illegally.",
            "The bill covers people illegally in the U.S. for a decade.",
        ] {
            assert_eq!(alleged(s), None, "{s}");
        }
        assert_eq!(
            alleged("The firm operated illegally in the U.S. for a decade."),
            Some("illegally")
        );
        assert_eq!(
            alleged("The mayor illegally diverted funds."),
            Some("illegally")
        );
    }

    #[test]
    fn a_verdict_is_no_allegation() {
        for s in [
            "The defendant, a 45-year-old accountant, was convicted of fraud.",
            "The clerk pleaded guilty to embezzling the charity's savings.",
            "A jury acquitted the inspector of bribery.",
        ] {
            assert_eq!(alleged(s), None, "{s}");
        }
        assert_eq!(alleged("The inspector took bribes."), Some("bribes"));
    }
}
