//! A document opening the sentence as the source of a "that" clause whose verb was cut: "A
//! report released on Monday by the council that the plan would fail." A document's own verb
//! ("found", "shows") or a relative "that" ("A report that the council released found ...")
//! leaves it sound.

use super::super::lower;
use super::super::plural::is_relative_clause;
use super::after::{is_finite, negative_auxiliary};
use super::that_clause::opens_a_clause;
use crate::analysis::attribution::cue::has_reporting_verb;
use crate::analysis::attribution::lexicon::{Words, AUXILIARIES, IRREGULAR_PAST};
use std::ops::Range;

/// Documents that report: the head noun of the subject.
static DOCUMENTS: Words = Words::new(
    "report study survey poll analysis statement document filing memo letter editorial \
    opinion ruling complaint lawsuit audit review article story",
);

/// What a document does in the present: "A report by the council shows that ...", "A review
/// of the emails seems to show that ...".
static DOCUMENT_VERBS: Words = Words::new(
    "shows finds suggests seems appears says notes concludes states claims argues indicates \
    reveals confirms estimates predicts warns adds reports",
);

/// Words that end the document's phrase before its "that": a relative word or a conjunction.
static PHRASE_ENDS: Words = Words::new("which who whom whose and or but because if when while");

/// The document and where its verb belongs: before the "that".
pub(super) fn document_subject(words: &[(usize, &str)]) -> Option<(Range<usize>, usize)> {
    let plain: Vec<&str> = words.iter().map(|&(_, w)| w).collect();
    if !matches!(lower(plain.first()?).as_str(), "a" | "an" | "the") {
        return None;
    }
    // "A new report", "A 1996 advisory opinion": up to three modifiers, none a verb.
    let head = (1..=4).find(|&i| plain.get(i).is_some_and(|w| DOCUMENTS.contains(w)))?;
    let that = (head + 1..plain.len().min(head + 16)).find(|&i| plain[i] == "that")?;
    // Between the noun and "that" only what qualifies the document: a participle ("released
    // on Monday"), a preposition's phrase ("by the council"); no finite verb of its own.
    let verb = |w: &&str| {
        let l = lower(w);
        AUXILIARIES.contains(&l)
            || negative_auxiliary(&l)
            || IRREGULAR_PAST.contains(&l)
            || PHRASE_ENDS.contains(&l)
            || DOCUMENT_VERBS.contains(&l)
            || w.starts_with(char::is_lowercase) && has_reporting_verb(w)
    };
    let modifiers = plain[1..head].iter().all(|w| !is_finite(w) && !verb(w));
    if !modifiers
        || plain[head + 1..that].iter().any(verb)
        || that > head + 1 && !qualified(&plain[head + 1..])
    {
        return None;
    }
    let clause = &plain[that + 1..];
    let opens = clause.first().is_some_and(|w| opens_a_clause(w));
    if !opens || is_relative_clause(clause) {
        return None;
    }
    let end = words[that - 1].0 + words[that - 1].1.len();
    Some((words[0].0..end, end))
}

/// Prepositions that open a phrase qualifying the document: "a report by the council".
static PREPOSITIONS: Words = Words::new("in on by about from of at for with over into");

/// Whether what follows the document's noun qualifies it rather than opening its verb: a
/// preposition, or a participle before a preposition or a day ("released on Monday", "filed
/// Thursday"); not "shows that", "reaffirmed that", "found the".
fn qualified(after: &[&str]) -> bool {
    let Some(&first) = after.first() else {
        return false;
    };
    let participle = first.ends_with("ed") || first.ends_with("en");
    let then = after.get(1).copied().unwrap_or("");
    PREPOSITIONS.contains(first)
        || participle && (PREPOSITIONS.contains(then) || then.starts_with(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::with_words;
    use super::*;

    fn source(s: &str) -> Option<&str> {
        with_words(s, document_subject).map(|(r, _)| &s[r])
    }

    #[test]
    fn a_document_before_its_that_clause() {
        for (s, found) in [
            (
                "A report released on Monday by the council that the plan would fail.",
                "A report released on Monday by the council",
            ),
            (
                "A court document filed Thursday that the charge will be dropped.",
                "A court document filed Thursday",
            ),
            (
                "The study that the state had lost 12,000 jobs.",
                "The study",
            ),
        ] {
            assert_eq!(source(s), Some(found), "{s}");
        }
        for s in [
            "A report released on Monday found that the plan would fail.",
            "A report by the council shows that the plan would fail.",
            "A report that the council released was wrong.",
            "The study that the board commissioned has been delayed.",
            "A report published in March, which the board wrote, said that it was late.",
            "The report that day was short.",
            "The poll also finds that voters are angry.",
            "A report released in March by the board concluded that the plan would fail.",
            "A recent review of the emails seems to show that the aide was told.",
            "The poll reaffirmed that the race is close.",
            "The survey marks the third week in a row that the lead has grown.",
        ] {
            assert_eq!(source(s), None, "{s}");
        }
    }
}
