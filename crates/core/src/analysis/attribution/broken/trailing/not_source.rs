//! Words after a comma that look like a trailing source but are not one: a bare singular role
//! that renames the noun before it, the subject after an introductory clause, whom a clause
//! speaks to, a person the clause already names.

use super::{determines, is_past_tense, is_person_noun, PERSON_DETERMINERS};
use crate::analysis::attribution::broken::{is_role, lower, PREPOSITIONS};
use crate::analysis::attribution::cue::is_name_word;
use crate::analysis::attribution::lexicon::{Words, VERBISH};
use crate::analysis::attribution::quote::marks;
use crate::analysis::tokens::strip_possessive;

/// Words for people or things counted as a whole, which need no article: "..., police.",
/// "..., research by Yale.".
static MASS_NOUNS: Words =
    Words::new("police staff personnel media people research data analysis counsel intelligence");

/// "..., U.S. attorney for the district.", "..., albeit modest, legislator.": a role in the
/// singular with no article names nobody; it ends a noun phrase or renames the one before.
pub(super) fn bare_singular_role(source: &[&str], len: usize) -> bool {
    let head = source[len - 1];
    let first = source[0];
    // "digital consultant Phil Musser": the role is the name's title.
    let titles_a_name = source.get(len).is_some_and(|w| is_name_word(w));
    !determines(first)
        && !titles_a_name
        && strip_possessive(first).is_none()
        && !PERSON_DETERMINERS.contains_any_case(first)
        && head.starts_with(char::is_lowercase)
        && !head.ends_with('s')
        && !MASS_NOUNS.contains(head)
        && (is_role(head) || is_person_noun(head))
}

/// Words that open a sentence's introductory clause: "When the vote ended, ...".
static SUBORDINATORS: Words = Words::new(
    "when while after before if since although though because unless once until whenever",
);

/// "When the vote ended, Ann Lee won.", "On Monday night, the mayor ...": the sentence opens
/// with a clause or phrase leading to its main clause, which follows the comma, so the words
/// after it are that clause's subject, no verbless source. A phrase, not a clause: no verb.
/// A main clause holding a quotation may be a source's words with its verb cut ("At the
/// rally, Ann Lee the plan is \u{201c}dead\u{201d}"), so a phrase opens such a one only by a
/// subordinator.
pub(super) fn introduces(s: &str, cut: usize, head: &[(usize, &str)]) -> bool {
    if s[..cut].contains([',', ';', ':']) {
        return false;
    }
    let quoted = marks(s).next().is_some();
    // "...\u{201d} before the vote, he.": the head opens inside a quotation.
    let Some(&(_, first)) = head.first().filter(|&&(at, _)| s[..at].trim().is_empty()) else {
        return false;
    };
    let first = lower(first);
    SUBORDINATORS.contains(&first)
        || !quoted
            && (PREPOSITIONS.contains(&first) || matches!(first.as_str(), "under" | "during"))
            && !head
                .iter()
                .any(|&(_, w)| VERBISH.contains_any_case(w) || is_past_tense(w))
}

/// "... her running mate, Tim Kaine.", "... his closest rival in the field, Ben Carson.": the
/// clause ends on a determined noun phrase for a person (with only a prepositional phrase after
/// its noun), whose name the apposition gives; a cut verb's source follows a clause's end, not
/// a person the clause names. `segment` is the last comma segment before the name.
pub(super) fn names_a_person(segment: &[&str]) -> bool {
    // The words back to a verb, last first: "... in the crowded field" keeps its noun, "...
    // defeated the" ends at its verb.
    let back: Vec<&str> = segment.iter().rev().take(10).copied().collect();
    let verb = |i: usize| {
        VERBISH.contains_any_case(back[i])
            || is_past_tense(back[i]) && i > 0 && determines(back[i - 1])
    };
    let phrase = &back[..(0..back.len()).find(|&i| verb(i)).unwrap_or(back.len())];
    let prepositional = |i: usize| i == 0 || PREPOSITIONS.contains(phrase[i - 1]);
    phrase.iter().enumerate().any(|(i, w)| {
        let Some(d) = (i + 1..phrase.len().min(i + 5)).find(|&d| determines(phrase[d])) else {
            return false;
        };
        // "... as an anchor": a predicate, and "his top aide" alone: the source itself.
        let before = segment.len() - d - 1;
        is_person_noun(w)
            && prepositional(i)
            && before > 0
            && !segment[before - 1].eq_ignore_ascii_case("as")
    })
}

/// "That includes you, Ann Lee.", "Change her mind, Mr. Lee!": a clause outside quotation
/// marks that speaks to someone ("you", an exclamation) names whom it addresses after the
/// comma; a paraphrase reports in the third person.
pub(super) fn addresses(s: &str, head_text: &str, head: &[(usize, &str)]) -> bool {
    if marks(head_text).next().is_some() {
        return false;
    }
    let exclaimed = s
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ')'))
        .ends_with('!');
    exclaimed
        || head
            .iter()
            .any(|&(_, w)| matches!(lower(w).as_str(), "you" | "your" | "yours"))
}

/// "... his favorite social media venue, Twitter.", "... Obama's signature achievement, the
/// Affordable Care Act.": the clause ends on a thing someone owns (an owner and up to three
/// lowercase words, no verb), whose name the apposition gives.
pub(super) fn names_an_owned_thing(segment: &[&str]) -> bool {
    let Some((&noun, before)) = segment.split_last() else {
        return false;
    };
    let plain =
        |w: &str| w.starts_with(char::is_lowercase) && !VERBISH.contains(w) && !is_past_tense(w);
    let owner = |w: &str| {
        matches!(w, "his" | "her" | "its" | "their" | "our" | "my" | "your")
            || strip_possessive(w).is_some()
    };
    plain(noun)
        && before
            .iter()
            .rev()
            .take(4)
            .try_fold((), |(), w| {
                if owner(w) {
                    Err(true)
                } else if plain(w) && !PREPOSITIONS.contains(w) {
                    Ok(())
                } else {
                    Err(false)
                }
            })
            .err()
            .unwrap_or(false)
}
