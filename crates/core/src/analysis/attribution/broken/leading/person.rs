//! "The", "a", "an" or "one" and a person noun the role list does not know, then a subject pronoun and its own
//! verb: "The actress she was tired", "The retired teacher he would vote". The pronoun's
//! clause is the content of a cut "said", unless it is a relative clause whose main verb
//! follows ("The actor she had met left", "The writer he was with is ill").

use super::super::lower;
use super::after::{is_finite, negative_auxiliary};
use crate::analysis::attribution::lexicon::{Words, AUXILIARIES, IRREGULAR_PAST};

/// Endings of nouns for people: "actress", "socialist", "historian", "actor", "farmer",
/// "immigrant", "student".
const PERSON_ENDINGS: [&str; 7] = ["ess", "ist", "ian", "or", "er", "ant", "ent"];

/// Nouns for people without those endings that an appositive name may follow ("the candidate,
/// Ann Lee"), a subset of `APPOSITION_HEADS`: "The candidate he does not believe ...".
static PERSON_HEADS: Words = Words::new(
    "wife husband son daughter mother father brother sister friend colleague rival \
    counterpart victim suspect coach captain candidate ally nominee champion",
);

/// Words with those endings that are not people ("the other", "the moment"), or that are
/// people only as a pronoun's antecedent in a relative clause.
static NOT_PEOPLE: Words = Words::new(
    "other others former latter number matter order letter paper power water border center \
    corner chapter quarter summer winter answer offer danger murder poster sector factor error \
    mirror door floor color colour moment comment content extent element agreement \
    statement argument amount point percent talent parent event instant less business process \
    address progress access success list",
);

/// Verbs of belief in their plain form, after "does not", "would": their clause is content.
static BELIEF_VERBS: Words = Words::new("believe think expect hope fear doubt know");

/// Words that end the pronoun's clause: a conjunction or a relative opening the next one.
static CLAUSE_ENDS: Words = Words::new(
    "and or but if because when while who which that where as since although though unless \
    until so than after before",
);

/// How many words open `words` as "the" (or "a", "an", "one"), up to three lower-case words ending on a person noun,
/// followed by "he", "she" or "they" and an auxiliary whose clause holds no second finite
/// verb before it ends; 0 when they do not.
pub(super) fn person_before_pronoun(words: &[&str]) -> usize {
    let determiner = words.first().map(|w| lower(w));
    if !matches!(determiner.as_deref(), Some("the" | "a" | "an" | "one")) {
        return 0;
    }
    let Some(n) = (2..=4).find(|&i| {
        words
            .get(i)
            .is_some_and(|w| matches!(*w, "he" | "she" | "they"))
    }) else {
        return 0;
    };
    let modifiers = &words[1..n];
    let plain = |w: &&str| {
        w.chars().all(|c| c.is_lowercase() || c == '-')
            && !AUXILIARIES.contains(w)
            && !CLAUSE_ENDS.contains(w)
    };
    // The head noun, singular: "historians", "actresses".
    let head = words[n - 1];
    let head = (head.strip_suffix("es").filter(|h| h.ends_with("ss")))
        .or_else(|| head.strip_suffix('s').filter(|h| !h.ends_with('s')))
        .unwrap_or(head);
    let person = PERSON_ENDINGS.iter().any(|e| head.ends_with(e)) && !NOT_PEOPLE.contains(head)
        || PERSON_HEADS.contains(head);
    if !modifiers.iter().all(plain) || !person || !clause_without_main_verb(&words[n + 1..]) {
        return 0;
    }
    n
}

/// Whether `words` (after the pronoun) open with an auxiliary and run to the clause's end with
/// no finite verb after its verb group: "was tired of the status quo", not "had met left".
pub(in super::super) fn clause_without_main_verb(words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let aux = |w: &str| AUXILIARIES.contains(w) || negative_auxiliary(w);
    if !aux(first) {
        return false;
    }
    // The verb group: auxiliaries, "not" and adverbs, then at most one participle ("had not
    // expected", "was tired"); a second past form after it is the main verb ("had met left").
    let auxiliaries = words
        .iter()
        .take_while(|w| {
            aux(w) || matches!(**w, "not" | "never" | "also" | "still") || w.ends_with("ly")
        })
        .count();
    let participle = words
        .get(auxiliaries)
        .is_some_and(|w| w.ends_with("ed") || w.ends_with("en") || IRREGULAR_PAST.contains(*w));
    let group = auxiliaries + usize::from(participle);
    // "he does not believe the party will win": a belief verb takes a clause of its own, whose
    // verbs are no second main verb.
    if words.get(group).is_some_and(|w| BELIEF_VERBS.contains(*w)) {
        return true;
    }
    words[group..]
        .iter()
        .take_while(|w| !CLAUSE_ENDS.contains(**w))
        .all(|w| !is_finite(w))
}

#[cfg(test)]
mod tests {
    use super::person_before_pronoun;

    fn subject(s: &str) -> usize {
        let words: Vec<&str> = s.split_whitespace().collect();
        person_before_pronoun(&words)
    }

    #[test]
    fn a_person_then_a_pronoun_with_its_own_clause() {
        assert_eq!(subject("The actress she was tired of waiting"), 2);
        assert_eq!(subject("The retired teacher he would vote for change"), 3);
        assert_eq!(subject("The young historians they had not expected it"), 3);
        assert_eq!(subject("The actresses they were tired"), 2);
        assert_eq!(
            subject("The novelist he was tired of waiting and wanted a change"),
            2
        );
        assert_eq!(subject("One voter he was not convinced at all"), 2);
        assert_eq!(subject("A retired farmer she would vote for change"), 3);
        assert_eq!(subject("An organizer they were hoping for more"), 2);
        assert_eq!(
            subject("The candidate he does not believe his rivals will win"),
            2
        );
        assert_eq!(subject("The rival she would not run again"), 2);
    }

    #[test]
    fn relative_clauses_and_other_nouns() {
        for s in [
            "The man she loved left town",
            "The book he wrote sold well",
            "The actor she had met left town",
            "The writer he was with is ill",
            "The singer they would hire was busy",
            "The painter she was praising won the prize",
            "The other day he was in town",
            "The moment she was elected the mood changed",
            "The actress said she was tired",
            "The Senator he was tired",
            "The actress he admires is ill",
            "The papers they had signed were lost",
            "The business he was in failed",
            "A reporter she had called hung up",
            "One voter he spoke to was angry",
            "One thing he was sure of was the date",
            "An hour he was waiting there",
            "The candidate he had backed lost the race",
            "The capital he was visiting is far",
        ] {
            assert_eq!(subject(s), 0, "{s}");
        }
    }
}
