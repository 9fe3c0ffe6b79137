//! A quotation straight after the subject: its cut verb's clause, or its verb phrase.

use super::super::lower;
use super::{Sentence, NEW_CLAUSE, SUBJECT_PRONOUNS};
use crate::analysis::attribution::lexicon::Words;
use crate::analysis::attribution::quote::quotes;

/// "Obama \u{201c}it gets me mad\u{201d} ...": the subject straight before a quotation
/// that opens a clause ("it", "the", "we"), with no comma or verb between. A quoted verb
/// phrase ("He \u{201c}misspoke\u{201d}") or a nickname ("Dwayne \u{201c}The Rock\u{201d}
/// Johnson") is no clause.
pub(super) fn quotation_opens_clause(at: Sentence, end: usize) -> bool {
    let rest = &at.original[end..];
    let mark = end + (rest.len() - rest.trim_start().len());
    let Some(q) = quotes(at.original)
        .into_iter()
        .find(|q| q.range.start == mark)
    else {
        return false;
    };
    let inner: Vec<&str> = at.original[q.range.clone()]
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty() && *w != "''")
        .collect();
    let opens = inner.first().is_some_and(|w| {
        let l = lower(w);
        let head = l.split(['\'', '\u{2019}']).next().unwrap_or("");
        NEW_CLAUSE.contains(head) || SUBJECT_PRONOUNS.contains(head) || head == "we"
    });
    // "The Art of the Deal": a title in capitals is no clause.
    let title = inner
        .iter()
        .all(|w| w.starts_with(char::is_uppercase) || PARTICLES.contains(w));
    opens && inner.len() >= 3 && !title
}

/// Whether `s` starts, after white space, with a quotation mark.
pub(super) fn starts_with_mark(s: &str) -> bool {
    let s = s.trim_start();
    s.starts_with(['"', '\u{201c}']) || s.starts_with("''")
}

/// Small words a title in capitals leaves in lower case.
static PARTICLES: Words = Words::new("of the a an and in on to for at by with from or");

/// "She, \u{201c}...": a subject and a comma straight before an opening quotation mark.
pub(super) fn quote_after_comma(after_subject: &str) -> bool {
    after_subject.strip_prefix(',').is_some_and(|rest| {
        let rest = rest.trim_start();
        rest.starts_with(['"', '\u{201c}']) || rest.starts_with("''")
    })
}

/// The first word of a quotation that opens straight after byte `end` (after white space):
/// "has" in "Kasich \u{201c}has a record\u{201d}". The words of a quotation are blanked in
/// the sentence's own words, so what follows a name there is read here.
pub(super) fn quoted_first_word<'s>(at: Sentence<'s>, end: usize) -> Option<&'s str> {
    let rest = at.original[end..].trim_start();
    if !starts_with_mark(rest) {
        return None;
    }
    rest.trim_start_matches(['"', '\u{201c}', '\''])
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .next()
        .filter(|w| !w.is_empty())
}
