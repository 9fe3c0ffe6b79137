//! Vague sources, for the `vague-source` note (off unless a newsroom turns it on): an
//! attribution to people the story does not name.
//!
//! Two shapes. A source the story says it does not name ("people familiar with the talks", "a
//! source close to the club", "... on condition of anonymity"), from the lexicon. And the
//! source of the sentence's first reporting cue when it is a group named by a plural common
//! noun with no name or body in it ("critics say", "some analysts said", "said officials",
//! "according to experts"), a pronoun of quantity ("Many believe", "Others say"), or an
//! unnamed official or source ("a senior official said"). A source with a name or a body in it
//! ("Pentagon officials", "analysts at the bank") or one that refers back ("his aides", "they")
//! is not vague; nor is a document ("records show").

use super::cue::{first_reporting_cue, is_manner_adverb, is_name_word, is_plural_noun};
use super::lexicon::{CUES, LINKING_WORDS, VERBISH};
use super::own::{Own, OwnWord};
use std::ops::Range;

/// Where the vague source of an attributed sentence stands in its own text, if its source is
/// vague: the source itself ("a senior official said on condition of anonymity"), or else the
/// words that say it is not named ("Pentagon officials said on condition of anonymity").
pub fn vague_source(own: &Own) -> Option<Range<usize>> {
    vague_cue_source(own).or_else(|| CUES.anonymous.find_iter(own.text).next())
}

/// The source of the first reporting cue, when it is vague.
fn vague_cue_source(own: &Own) -> Option<Range<usize>> {
    let verb = first_reporting_cue(own)?;
    let phrase = if own.text[verb.clone()].eq_ignore_ascii_case("according to") {
        after(own, verb.end)?
    } else {
        before(own, verb.start).or_else(|| after(own, verb.end))?
    };
    let (first, last) = (phrase.first()?, phrase.last()?);
    is_vague(own, &phrase).then_some(first.range.start..last.range.end)
}

/// The source's noun phrase before the verb ("some analysts said"), up to its head right before
/// the verb (past "also", "on Monday" and adverbs of manner); none across a comma, which an
/// appositive or a clause puts there.
fn before<'o, 'a>(own: &'o Own<'a>, verb: usize) -> Option<Vec<&'o OwnWord<'a>>> {
    let head = own
        .before(verb)
        .take(4)
        .find(|w| !LINKING_WORDS.contains(&w.lower) && !is_manner_adverb(w.text))?;
    if own.text[head.range.end..verb].contains([',', ';', ':', '(', ')']) {
        return None;
    }
    let mut phrase = vec![head];
    for w in own.before(head.range.start).take(4) {
        let joined = own.text[w.range.end..phrase[0].range.start]
            .trim()
            .is_empty();
        if !joined || VERBISH.contains(&w.lower) {
            break;
        }
        phrase.insert(0, w);
    }
    Some(phrase)
}

/// The source's noun phrase after the verb ("said critics", "according to experts"): the words
/// up to a stop, a verb or a preposition ("officials at the ministry" keeps "officials").
fn after<'o, 'a>(own: &'o Own<'a>, at: usize) -> Option<Vec<&'o OwnWord<'a>>> {
    let mut phrase: Vec<&OwnWord> = Vec::new();
    let mut end = at;
    for w in own.after(at).take(5) {
        let preposition = matches!(
            w.lower.as_str(),
            "at" | "in" | "of" | "from" | "for" | "with" | "on" | "who" | "that" | "to"
        );
        if !own.text[end..w.range.start].trim().is_empty() || preposition {
            break;
        }
        if VERBISH.contains(&w.lower) {
            break;
        }
        end = w.range.end;
        phrase.push(w);
    }
    (!phrase.is_empty()).then_some(phrase)
}

/// Whether the phrase names people and nobody in particular.
fn is_vague(own: &Own, phrase: &[&OwnWord]) -> bool {
    let Some(head) = phrase.last() else {
        return false;
    };
    let opens_sentence = |w: &OwnWord| own.text[..w.range.start].trim().is_empty();
    // A name or a body in the phrase ("Pentagon officials"), or a possessive that ties it to
    // someone ("the mayor's aides", "his aides"): not vague. The sentence's first word is
    // capitalised whatever it is ("Critics say").
    let named = phrase.iter().any(|w| {
        (is_name_word(w.text) && !opens_sentence(w))
            || w.text.ends_with("'s")
            || w.text.ends_with("\u{2019}s")
            || matches!(
                w.lower.as_str(),
                "his" | "her" | "its" | "their" | "our" | "my" | "your" | "both" | "the"
            )
    });
    if named {
        return false;
    }
    let lower = head.lower.as_str();
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    let document = [lower, singular].iter().any(|w| {
        CUES.data.contains(w)
            || CUES.documents.contains(w)
            || CUES.polls.contains(w)
            || CUES.document_settings.contains(w)
    });
    // "a senior official said", "one source said".
    let unnamed_one = matches!(lower, "official" | "source")
        && phrase
            .first()
            .is_some_and(|w| matches!(w.lower.as_str(), "a" | "an" | "one" | "another"));
    let group = (is_plural_noun(head) && !document) || CUES.vague_sources.contains(lower);
    group || unnamed_one
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vague(s: &str) -> Option<&str> {
        vague_source(&Own::from_text(s)).map(|r| &s[r])
    }

    #[test]
    fn unnamed_groups_and_anonymous_sources_are_vague() {
        for (s, source) in [
            ("Critics say the levy is the costliest yet.", "Critics"),
            ("Some analysts said the merger would fail.", "Some analysts"),
            ("The merger will fail, said analysts.", "analysts"),
            (
                "Fares will rise 9 percent, according to experts.",
                "experts",
            ),
            ("Many believe the vote will be close.", "Many"),
            (
                "The bridge is unsafe, a senior official said.",
                "a senior official",
            ),
            (
                "Fares will rise, a senior official said on condition of anonymity.",
                "a senior official",
            ),
            (
                "Fares will rise, Harbour Board officials said on condition of anonymity.",
                "on condition of anonymity",
            ),
            (
                "The deal will close in May, people familiar with the talks said.",
                "people familiar with",
            ),
            (
                "The club will sell its striker, a source close to the board said.",
                "source close to",
            ),
        ] {
            assert_eq!(vague(s), Some(source), "{s}");
        }
    }

    #[test]
    fn named_sources_bodies_and_documents_are_not_vague() {
        for s in [
            "Okafor said the levy is the costliest yet.",
            "The ministry said fares would rise.",
            "Harbour Board officials said the quay was unsafe.",
            "Analysts at the central bank expect growth of 2 percent.",
            "His aides said the tour would go ahead.",
            "They said the tour would go ahead.",
            "Police said the crash was the worst in years.",
            "Records show the fund lost 9 percent.",
            "Both said the talks had failed.",
        ] {
            assert_eq!(vague(s), None, "{s}");
        }
    }
}
