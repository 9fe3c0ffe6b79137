//! A cue nested in a clause after the claim: "Fares will rise because the board has promised a
//! new ferry", "It is the oldest ferry that the board says is safe". The cue's
//! source speaks for the clause it stands in, not for the main clause before it, which stays
//! the reporter's claim. A cue after that clause ("..., because fuel costs more, the board
//! said") attributes the whole sentence.

use super::super::cue::is_attributed;
use super::super::lexicon::{Words, REPORTING_WORDS};
use super::super::own::Own;
use super::{find_claim, Claim};
use std::ops::Range;

/// Words that open a clause the main clause does not speak through: a reason, or what a
/// "that" adds ("the only state that the board says ..."). A relative "who" or "which" often
/// describes the source by what it said, and a clause of time reports an event.
static OPENERS: Words = Words::new("because that");

/// Verbs that name a thing by a source's word for it, after "what" and the source: "fight what
/// he called homegrown terrorism" gives his term, not the claim around it.
static NAMING: Words = Words::new("called calls termed terms dubbed dubs labeled labelled");

/// Whether the word at `i` opens a clause whose cue leaves the claim before it the reporter's:
/// one of [`OPENERS`], or "what" before a source and a naming verb.
fn opens_clause(own: &Own, i: usize) -> bool {
    let w = &own.words[i];
    OPENERS.contains(&w.lower)
        || (w.is("what")
            && own
                .words
                .get(i + 2)
                .is_some_and(|v| NAMING.contains(&v.lower)))
}

/// What ends the opened clause: a comma, a colon, a dash, a quotation mark (a quotation's
/// inside is blanked, its commas with it).
const CLAUSE_ENDS: &[char] = &[
    ',', ';', ':', '\u{2014}', '\u{2013}', '"', '\u{201c}', '\u{201d}',
];

/// Whether the sentence's cues all stand in the clause that opens after the claim at `claim`
/// (a range in `own.text`): none before that clause, none after it.
pub fn cue_only_after(own: &Own, claim: Range<usize>) -> bool {
    let s = own.text;
    // "according to the ministry" closes a sentence as its attribution, with or without a comma.
    if says_according_to(s) {
        return false;
    }
    (0..own.words.len())
        .find(|&i| own.words[i].range.start >= claim.end && opens_clause(own, i))
        .is_some_and(|i| cues_only_in_clause(own, i))
}

/// Whether the sentence's cues all stand in the clause opened by word `i`.
fn cues_only_in_clause(own: &Own, i: usize) -> bool {
    let s = own.text;
    let opener = &own.words[i];
    // "by suggesting that ...": the cue before the opener reports the clause.
    if i > 0 && REPORTING_WORDS.contains(own.words[i - 1].lower.as_ref()) {
        return false;
    }
    let head = &s[..opener.range.start];
    let clause_end = s[opener.range.end..]
        .find(CLAUSE_ENDS)
        .map_or(s.len(), |at| opener.range.end + at);
    let clause = &s[opener.range.start..clause_end];
    let rest = &s[clause_end..];
    let attributed = |part: &str| is_attributed(&Own::from_text(part));
    attributed(clause) && !attributed(head) && !attributed(rest)
}

/// A claim before the sentence's first opener whose clause holds all its cues, when the
/// sentence's first claim stands in that clause: "would be biased" of "The judge would be
/// biased because he has advocated ...", whose "because" is itself a claim of cause.
pub fn claim_before_cue(own: &Own) -> Option<Claim> {
    // As `cue_only_after` will say, before reading the claim.
    if says_according_to(own.text) {
        return None;
    }
    let i = (0..own.words.len()).find(|&i| opens_clause(own, i))?;
    // A claim before the first opener ends before it, so `cue_only_after` would read the
    // clause of that opener: asked first, it spares reading the claim.
    if !cues_only_in_clause(own, i) {
        return None;
    }
    find_claim(&Own::from_text(&own.text[..own.words[i].range.start]))
}

/// Whether "according to" stands in `s`, in any case.
fn says_according_to(s: &str) -> bool {
    let phrase = b"according to";
    s.match_indices(['a', 'A']).any(|(at, _)| {
        s.as_bytes()
            .get(at..at + phrase.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(phrase))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own_claim(s: &str, claim: &str) -> bool {
        let at = s.find(claim).expect("claim in sentence");
        cue_only_after(&Own::from_text(s), at..at + claim.len())
    }

    #[test]
    fn a_cue_in_a_later_clause_leaves_the_claim_unsourced() {
        for (s, claim) in [
            (
                "The ferry is the oldest that the board says is safe.",
                "oldest",
            ),
            (
                "The town must act to stop what he called a growing crisis.",
                "must",
            ),
            (
                "Fares will rise because the board has promised a new ferry.",
                "will rise",
            ),
        ] {
            assert!(own_claim(s, claim), "{s}");
        }
    }

    #[test]
    fn a_claim_before_a_clause_of_cause_is_read_there() {
        let s = "The new ferry would be too slow because the board has promised a bigger one.";
        let claim = claim_before_cue(&Own::from_text(s)).map(|c| &s[c.phrase]);
        assert_eq!(claim, Some("would be too"));
        let s = "The ferry stopped because the board said it was unsafe.";
        assert_eq!(claim_before_cue(&Own::from_text(s)), None);
    }

    #[test]
    fn a_cue_that_governs_the_claim_attributes_it() {
        for (s, claim) in [
            (
                "The board said fares will rise because fuel costs more.",
                "will rise",
            ),
            (
                "Fares will rise because fuel costs more, the board said.",
                "will rise",
            ),
            (
                "Fares will rise 5 percent because of fuel according to the board.",
                "5 percent",
            ),
            ("Fares will rise 5 percent, the board said.", "5 percent"),
            ("The town must ask what the mayor says about it.", "must"),
        ] {
            assert!(!own_claim(s, claim), "{s}");
        }
    }
}
