//! Opinions attributed without a reporting verb: an opinion noun that someone owns as the
//! subject of "is that" ("Their fear is that ..."), a view set before the sentence ("In the
//! mayor's view, ..."), and a verb of regard with "as" after its object ("Critics see the
//! plan as ..."). The nouns and verbs are data (`lexicon/cues.txt`: opinion-noun,
//! view-setting, regard-as).

use super::cue::{is_manner_adverb, is_plural_noun, is_source_word, predicts};
use super::lexicon::{CUES, LINKING_WORDS, NEGATIONS, VERBISH};
use super::own::{Own, OwnWord};

/// Whether the sentence states someone's opinion in one of these shapes.
pub fn holds_opinion(own: &Own) -> bool {
    owned_opinion_is_that(own) || in_someones_view(own) || regards_as(own)
}

const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "their", "its", "our", "my", "your"];

/// A possessor: "their", or a word with a possessive ending ("the union's", "Sanders'").
fn is_possessor(own: &Own, w: &OwnWord) -> bool {
    POSSESSIVE_PRONOUNS.contains(&w.lower.as_ref())
        || w.text.ends_with("'s")
        || w.text.ends_with("\u{2019}s")
        || (w.lower.ends_with('s') && own.text[w.range.end..].starts_with(['\'', '\u{2019}']))
}

/// "Their biggest fear is that ...", "The union's main argument, as ever, was that ...": an
/// opinion noun with its owner among the three words before it, then, with no verb between,
/// "is that" or "was that". The owner holds what follows; without one ("The fear is that
/// ...") nobody does.
fn owned_opinion_is_that(own: &Own) -> bool {
    let words = &own.words;
    words.windows(2).enumerate().any(|(i, pair)| {
        let is_that =
            matches!(pair[0].lower.as_ref(), "is" | "was" | "remains") && pair[1].is("that");
        is_that
            && words[..i].iter().enumerate().rev().any(|(j, noun)| {
                CUES.opinion_nouns.contains(noun.lower.as_ref())
                    && words[j.saturating_sub(3)..j]
                        .iter()
                        .any(|w| is_possessor(own, w))
                    && !words[j + 1..i].iter().any(|w| VERBISH.contains(&w.lower))
            })
    })
}

/// "In the mayor's view, ...", "In their opinion, ...", "In the words of one farmer, ...":
/// opening the sentence or a clause.
fn in_someones_view(own: &Own) -> bool {
    let words = &own.words;
    words.iter().enumerate().any(|(i, w)| {
        let opens = own.text[..w.range.start]
            .trim_end()
            .chars()
            .last()
            .is_none_or(|c| c == ',');
        let view = |k: usize| {
            words
                .get(k)
                .is_some_and(|v| CUES.view_settings.contains(v.lower.as_ref()))
        };
        let owned = (1..=3).any(|n| {
            view(i + n + 1)
                && words[i + 1..=i + n]
                    .last()
                    .is_some_and(|w| is_possessor(own, w))
                && words.get(i + n + 2).is_none_or(|w| !w.is("of"))
        });
        // "in the view of", "in the opinion of".
        let of = words.get(i + 1).is_some_and(|w| w.is("the"))
            && view(i + 2)
            && words.get(i + 3).is_some_and(|w| w.is("of"));
        w.is("in") && opens && (owned || of)
    })
}

/// "Some analysts see the cuts as a mistake", "Critics have portrayed the plan as ...",
/// "voters who saw that the race was close": a verb of regard with a subject before it and,
/// after an object of up to eight words, "as" ("see" also takes "that"). A verb after "is" or
/// "was" is passive ("is seen as"), whose holder is unnamed.
fn regards_as(own: &Own) -> bool {
    CUES.regards.find_iter(own.text).any(|m| {
        let subject = own
            .before(m.start)
            .find(|w| {
                !LINKING_WORDS.contains(&w.lower)
                    && !NEGATIONS.contains(&w.lower)
                    && !is_manner_adverb(w.text)
            })
            .is_some_and(|w| {
                is_source_word(w.text)
                    || is_plural_noun(w)
                    || CUES.vague_sources.contains(w.lower.as_ref())
                    || matches!(w.lower.as_ref(), "who" | "that")
            });
        // "Voters will see the plan as ...": a prediction, the reporter's.
        let predicted = predicts(own, m.start);
        let verb = own.text[m.clone()].to_ascii_lowercase();
        let mut after = own.after(m.end).peekable();
        let that = verb.starts_with("s") && after.peek().is_some_and(|w| w.is("that"));
        let mut end = m.end;
        let as_after_object = after
            .take(9)
            .take_while(|w| {
                let gap = &own.text[end..w.range.start];
                end = w.range.end;
                !gap.contains([',', ';', ':', '(', '\u{2014}'])
            })
            .enumerate()
            .any(|(k, w)| k > 0 && w.is("as") && !as_is_a_conjunction(own, w));
        subject && !predicted && (that || as_after_object)
    })
}

/// "as well as", "as if", "as soon as": "as" joining clauses, not naming what something is
/// regarded as.
fn as_is_a_conjunction(own: &Own, w: &OwnWord) -> bool {
    own.next_word(w.range.end).is_some_and(|n| {
        matches!(
            n.lower.as_ref(),
            "well"
                | "if"
                | "though"
                | "soon"
                | "long"
                | "much"
                | "many"
                | "far"
                | "it"
                | "they"
                | "he"
                | "she"
                | "we"
                | "i"
                | "part"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_opinions_views_and_regard() {
        for s in [
            "Their biggest fear is that the river will flood again.",
            "The union's main argument, as ever, was that the cuts are the deepest in years.",
            "In the mayor's view, the bridge is the worst in the county.",
            "Most voters, in their opinion, want the levy scrapped.",
            "In the view of most economists, the slump will be the deepest in years.",
            "Some analysts see the cuts as the biggest mistake in years.",
            "Critics have portrayed the plan as a reckless waste of 2 million dollars.",
            "Tenants who see the mayor as the weakest leader in years protested.",
            "Voters saw that the race was the closest in years.",
        ] {
            assert!(holds_opinion(&Own::from_text(s)), "{s}");
        }
    }

    #[test]
    fn unowned_opinions_and_other_senses() {
        for s in [
            "The fear is that the river will flood again.",
            "The main problem is that the cuts are the deepest in years.",
            "In the view from the bridge, the river is the widest in the county.",
            "The plan is seen as the costliest yet.",
            "Visitors saw the castle, the oldest in the region, as well as the museum.",
            "Visitors saw the new bridge, and the old one as the sun set.",
            "Voters will surely see the levy as the harshest in years.",
            "The mayor saw the cost rise 40 percent.",
        ] {
            assert!(!holds_opinion(&Own::from_text(s)), "{s}");
        }
    }
}
