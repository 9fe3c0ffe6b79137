//! A relative "who" followed by a whole clause of its own: "Cruz, who he would only use it
//! sparingly, ...", "voters who they preferred someone new". A "who" either is the subject of
//! its clause or stands for a gap in it ("who he met", "who he gave the book to"); a clause
//! with its own subject, verb and object has no room for it, so the verb that owned the clause
//! ("said") was cut after "who".
//!
//! Only a clause that plainly has its object counts: an object pronoun or a determiner after
//! the verb. Verbs that take an object and then a second complement leave room for the gap
//! later ("who he called a liar", "who he expects the party to pick"), so they are left out,
//! and so is a clause that ends on a preposition ("who he gave the book to").

use super::name_len;
use crate::analysis::attribution::cue::is_name_word;
use crate::analysis::attribution::lexicon::{Words, AUXILIARIES, IRREGULAR_PAST};
use std::ops::Range;

/// Verbs whose object may be followed by a second complement holding the gap: naming and
/// giving ("who he named the winner", "who he gave a job"), wanting, making, seeing and
/// thinking ("who he wants the party to pick", "who he thinks the voters trust").
static SECOND_COMPLEMENT: Words = Words::new(
    "call calls called name names named make makes made elect elects elected appoint appoints \
    appointed consider considers considered find finds found label labels labeled labelled dub \
    dubs dubbed deem deems deemed declare declares declared crown crowned give gives gave given \
    giving offer offers offered show shows showed shown tell tells told telling ask asks asked \
    send sends sent owe owes owed pay pays paid promise promises promised teach teaches taught \
    hand hands handed lend lends lent bring brings brought buy buys bought award awards awarded \
    grant grants granted deny denies denied charge charges charged cost costs leave leaves left \
    sell sells sold write writes wrote want wants wanted wish wishes wished like likes liked \
    need needs needed expect expects expected believe believes believed think thinks thought \
    know knows knew say says said hope hopes hoped feel feels felt suspect suspects suspected \
    hear hears heard see sees saw seen watch watches watched let lets help helps helped get gets \
    got have has had prefer prefers preferred imagine imagines imagined urge urges urged \
    encourage encourages encouraged allow allows allowed persuade persuades persuaded \
    convince convinces convinced",
);

/// Objects that are whole in themselves.
static OBJECT_PRONOUNS: Words = Words::new(
    "him them me us someone somebody something anyone anybody anything everyone everybody \
    everything nothing nobody",
);

/// Determiners that open an object noun phrase.
static OBJECT_DETERMINERS: Words =
    Words::new("the a an his her their its our my this these those some no every any");

/// Nouns of time, which make "the next day" an adverbial, not an object ("who he met the
/// next day").
static TIME_NOUNS: Words = Words::new(
    "day days week weeks month months year years morning afternoon evening night weekend time \
    times moment hour hours minute minutes decade decades",
);

/// Adverbs that may stand inside the verb group: "who he would only use ...".
static GROUP_ADVERBS: Words =
    Words::new("not never also still only even already just really always often");

/// Forms of "be" after an empty "there".
static BEING: Words = Words::new("is are was were");

/// Prepositions that may be stranded at a clause's end, holding the gap.
static STRANDED: Words = Words::new(
    "to for with about of at on in from by into against over under behind after before like",
);

/// The relative "who" whose verb was cut, and where "said" belongs (after "who").
pub fn who_clause(s: &str, words: &[(usize, &str)]) -> Option<(Range<usize>, usize)> {
    (0..words.len()).find_map(|k| {
        // Only "who" in some ASCII case lowers to "who": a plain comparison does.
        if !words[k].1.eq_ignore_ascii_case("who") || !full_clause(s, &words[k + 1..]) {
            return None;
        }
        let (at, who) = words[k];
        Some((at..at + who.len(), at + who.len()))
    })
}

/// Whether `words` open with a subject, its verb and a plain object, ending on no preposition.
fn full_clause(s: &str, words: &[(usize, &str)]) -> bool {
    let plain: Vec<&str> = words.iter().map(|&(_, w)| w).collect();
    let Some(first) = plain.first() else {
        return false;
    };
    // "who there were too many ...": an empty subject and its verb.
    if *first == "there" && plain.get(1).is_some_and(|w| BEING.contains(w)) {
        return true;
    }
    let pronoun = matches!(*first, "he" | "she" | "they" | "we" | "I");
    let subject = if pronoun {
        1
    } else if is_name_word(first) {
        name_len(&plain)
    } else {
        0
    };
    if subject == 0 || subject >= plain.len() {
        return false;
    }
    // "who the Times he would ...": whom it was told, then the clause's own subject.
    let next = plain[subject]
        .split(['\'', '\u{2019}'])
        .next()
        .unwrap_or("");
    if !pronoun && matches!(next, "he" | "she" | "they" | "we") {
        return true;
    }
    // The verb group: auxiliaries and adverbs, then the verb.
    let mut i = subject;
    let mut aux = false;
    while i < plain.len() && (AUXILIARIES.contains(plain[i]) || GROUP_ADVERBS.contains(plain[i])) {
        aux |= AUXILIARIES.contains(plain[i]);
        i += 1;
    }
    let Some(verb) = plain.get(i).copied() else {
        return false;
    };
    let finite = verb.len() > 4 && verb.ends_with("ed")
        || IRREGULAR_PAST.contains(verb)
        || verb.ends_with('s') && !verb.ends_with("ss");
    let is_verb = verb.starts_with(char::is_lowercase)
        && !OBJECT_DETERMINERS.contains(verb)
        && !STRANDED.contains(verb)
        && (aux || finite || pronoun && *first != "he" && *first != "she");
    if !is_verb || SECOND_COMPLEMENT.contains(verb) || AUXILIARIES.contains(verb) {
        return false;
    }
    let Some(object) = plain.get(i + 1).copied() else {
        return false;
    };
    let whole = OBJECT_PRONOUNS.contains(object)
        || OBJECT_DETERMINERS.contains(object)
            && plain
                .get(i + 2..(i + 4).min(plain.len()))
                .is_some_and(|np| {
                    !np.is_empty()
                        && !np
                            .iter()
                            .any(|w| TIME_NOUNS.contains(w) || w.ends_with("est"))
                });
    // Nothing but spaces between the words up to the object: a comma or a quotation there
    // breaks the clause.
    let unbroken = (1..=i + 1).all(|j| {
        s[words[j - 1].0 + words[j - 1].1.len()..words[j].0]
            .trim()
            .is_empty()
    });
    whole && unbroken && !ends_stranded(s, &words[i + 1..])
}

/// Whether the clause from `words` ends on a preposition: "who he gave the book to".
fn ends_stranded(s: &str, words: &[(usize, &str)]) -> bool {
    let end = words
        .iter()
        .enumerate()
        .find(|&(j, &(at, w))| {
            words.get(j + 1).is_none_or(|&(next, _)| {
                s[at + w.len()..next]
                    .contains([',', ';', '.', '\u{2014}', '"', '\u{201c}', '\u{201d}'])
            })
        })
        .map_or(words.len() - 1, |(j, _)| j);
    STRANDED.contains_any_case(words[end].1)
}

#[cfg(test)]
mod tests {
    use super::super::tests::with_words;
    use super::*;

    fn source(s: &str) -> Option<&str> {
        with_words(s, |words| who_clause(s, words)).map(|(r, _)| &s[r])
    }

    #[test]
    fn who_then_a_whole_clause() {
        for s in [
            "Lee, who he would only use the plan sparingly, spoke last.",
            "Voters who they backed the mayor in 2012 stayed home.",
            "Okafor, who Lee is attacking him because the polls moved, spoke.",
            "Lee, who Okafor insulted her in 1990, spoke out.",
            "Lee, who there were too many rivals, quit.",
            "Okafor, who Reuters he would run again, spoke.",
        ] {
            assert_eq!(source(s), Some("who"), "{s}");
        }
    }

    #[test]
    fn who_with_a_gap() {
        for s in [
            "The award went to Ann Lee, who he called a friend.",
            "The man who he met the next day left.",
            "The aide who he gave the book to left.",
            "The candidate who he expects the party to pick is Lee.",
            "The woman who she hired the next week quit.",
            "Lee, who he admired, left.",
            "Lee, who he met at the rally, left.",
            "The voters who Okafor courted the hardest stayed home.",
            "Lee, who won the vote, left.",
            "The rival who he beat in the primary the year before ran again.",
        ] {
            assert_eq!(source(s), None, "{s}");
        }
    }
}
