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
use super::lexicon::{CUES, LINKING_WORDS, ROLE_NOUNS, VERBISH};
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
    let word = own.text[verb.clone()].to_ascii_lowercase();
    // Only a verb of saying inverts ("..., said critics"): after "told" or a participle
    // (", telling reporters", ", citing local outlets") stands whom or what it names.
    let inverts = !matches!(word.as_str(), "tell" | "tells" | "told");
    // A participle describes its noun ("rivals promising upheaval"): no report of theirs.
    if word.ends_with("ing") {
        return None;
    }
    let phrase = if word == "according to" {
        after(own, verb.end)?
    } else {
        match before(own, verb.start) {
            Some(phrase) => phrase,
            None if inverts => after(own, verb.end)?,
            None => return None,
        }
    };
    let (first, last) = (phrase.first()?, phrase.last()?);
    is_vague(own, &phrase).then_some(first.range.start..last.range.end)
}

/// A preposition: before a noun phrase it makes the phrase its object ("polling of union
/// voters shows", "with top officials underlining"), not a subject.
fn is_preposition(w: &OwnWord) -> bool {
    matches!(
        w.lower.as_ref(),
        "at" | "in" | "of" | "from" | "for" | "with" | "on" | "to" | "by" | "about"
    )
}

/// Words that end a noun phrase: a verb, a participle, a preposition or a conjunction ("but
/// aides said", "what economists call", "less credit than aides say").
fn ends_phrase(w: &OwnWord) -> bool {
    VERBISH.contains(&w.lower)
        || w.lower.ends_with("ing")
        || is_preposition(w)
        || matches!(
            w.lower.as_ref(),
            "but"
                | "what"
                | "than"
                | "while"
                | "when"
                | "if"
                | "because"
                | "although"
                | "though"
                | "so"
                | "yet"
                | "as"
                | "whom"
        )
}

/// The source's noun phrase before the verb ("some analysts said"), up to its head right before
/// the verb (past "also", "on Monday" and adverbs of manner); none across a comma, which an
/// appositive or a clause puts there, nor for a subject joined to another ("the agency and 14
/// groups called"), which may be named.
fn before<'o, 'a>(own: &'o Own<'a>, verb: usize) -> Option<Vec<&'o OwnWord<'a>>> {
    let head = own
        .before(verb)
        .take(4)
        .find(|w| !LINKING_WORDS.contains(&w.lower) && !is_manner_adverb(w.text))?;
    if own.text[head.range.end..verb].contains([',', ';', ':', '(', ')']) {
        return None;
    }
    let mut phrase = vec![head];
    for w in own.before(head.range.start).take(5) {
        let joined = own.text[w.range.end..phrase[0].range.start]
            .trim()
            .is_empty();
        let joins = matches!(w.lower.as_ref(), "and" | "or" | "nor");
        if joined && (joins || is_preposition(w)) {
            return None;
        }
        if !joined || ends_phrase(w) {
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
        if !own.text[end..w.range.start].trim().is_empty() || ends_phrase(w) {
            break;
        }
        end = w.range.end;
        phrase.push(w);
    }
    (!phrase.is_empty()).then_some(phrase)
}

/// Whether the phrase names people and nobody in particular.
fn is_vague(own: &Own, phrase: &[&OwnWord]) -> bool {
    let (Some(first), Some(head)) = (phrase.first(), phrase.last()) else {
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
                w.lower.as_ref(),
                "his" | "her" | "its" | "their" | "our" | "my" | "your" | "both" | "the"
            )
    });
    if named {
        return false;
    }
    let lower = head.lower.as_ref();
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    // People who speak ("critics", "analysts", "officials"), not a document ("records show")
    // nor a plural that is no one ("graders", nor a name that ends in "s": "Sanders said").
    let document = [lower, singular].iter().any(|w| {
        CUES.data.contains(w)
            || CUES.documents.contains(w)
            || CUES.polls.contains(w)
            || CUES.document_settings.contains(w)
    });
    let people = is_plural_noun(head)
        && (ROLE_NOUNS.contains(lower) || ROLE_NOUNS.contains(singular))
        && !document;
    // "Many believe", "Others say": a pronoun of quantity that opens its clause (not "one of
    // many", "causing some worry").
    let opens_clause = own.text[..first.range.start]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, ',' | ';' | ':' | '"' | '\u{201c}' | '\u{201d}'));
    let quantity = CUES.vague_sources.contains(lower) && phrase.len() == 1 && opens_clause;
    // "a senior official said", "one source said".
    let unnamed_one = matches!(lower, "official" | "source")
        && matches!(first.lower.as_ref(), "a" | "an" | "one" | "another");
    people || quantity || unnamed_one
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
            ("But aides said the mayor would stay.", "aides"),
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
            "Sanders said the talks had failed.",
            "The agency and 14 national groups called for a ban.",
            "She is one of many criticising the plan.",
            "The mayor left, telling reporters the plan was dead.",
            "The paper cut 40 jobs, citing local rivals.",
            "Polling of union voters shows the mayor ahead.",
            "The bill will be tested against rivals promising upheaval.",
        ] {
            assert_eq!(vague(s), None, "{s}");
        }
    }
}
