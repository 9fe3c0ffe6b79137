//! A source after a closing quotation with no verb: "\u{201c}We will not back down,\u{201d}
//! Hernandez.", "\u{201c}...,\u{201d} Maria Ortiz, chief economist at a bank, adding that ...".
//!
//! The quotation must end as a statement does (a comma, a question or exclamation mark, a
//! dash inside the closing mark), so a quoted name or term ("the \u{201c}Stop Hillary\u{201d}
//! PAC") is left alone. After the source may come appositives ("chief economist at a bank",
//! "59", "of Philadelphia") and then a clause that is no verb of saying ("adding that ...",
//! "who ...", "when asked ...").

use super::trailing::{is_appositive, source_segment};
use super::{is_role, lower, name_len, role_len, words_within};
use crate::analysis::attribution::cue::{has_reporting_verb, is_name_word};
use crate::analysis::attribution::lexicon::{
    Words, AUXILIARIES, IRREGULAR_PAST, NOUN_DETERMINERS, SPEECH_VERBS, SUBJECT_PRONOUNS,
};
use crate::analysis::attribution::quote::marks;
use crate::analysis::tokens::strip_possessive;
use std::ops::Range;

/// Words that open a clause after the source and its appositives, none of them a verb of
/// saying: "..., Ortiz, adding that ...", "..., Cruz, who leads the race".
fn opens_clause(first: &str) -> bool {
    first.ends_with("ing")
        || matches!(
            first,
            "who"
                | "whose"
                | "which"
                | "where"
                | "when"
                | "while"
                | "though"
                | "although"
                | "as"
                | "after"
                | "before"
                | "in"
                | "at"
                | "on"
                | "during"
                | "referring"
                | "but"
                | "not"
                | "asked"
                | "just"
                | "instead"
                | "that"
                | "with"
        )
}

/// Words that may follow the source in its segment without being its verb: a time or a
/// setting ("\u{201c}...,\u{201d} Hernandez on Monday.", "..., Hernandez in a statement.").
static AFTER_SOURCE: Words = Words::new(
    "in on at during after before when while via from yesterday today tonight earlier later \
    last this monday tuesday wednesday thursday friday saturday sunday of to aboard about \
    reporters journalists recently",
);

/// The source, where its verb belongs, and whether after a comma. Each closing quotation
/// mark is tried in turn: a sentence may go on quoting after the source ("..., Ortiz, adding
/// that prices are \u{201c}too high\u{201d}").
pub fn source_after_quote(
    s: &str,
    own: &str,
    words: &[(usize, &str)],
) -> Option<(Range<usize>, usize, bool)> {
    let marks: Vec<Range<usize>> = marks(own).collect();
    for (k, mark) in marks.iter().enumerate() {
        // An opening mark may follow a comma too ("He said, \u{201c}..."), but the tail after
        // it is blanked quotation and names nobody.
        // A quotation inside the quotation may close with it: "... 'I'm busy,'\u{201d} she."
        let ends_statement = s[..mark.start]
            .trim_end()
            .trim_end_matches(['\'', '\u{2019}'])
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, ',' | '?' | '!' | '\u{2014}' | '\u{2013}' | '-'));
        // "... words like \u{201c}perhaps\u{201d}, he reporters.": a comma outside the closing
        // mark, British style, after a word.
        let after = &own[mark.end..];
        let comma_outside = after.starts_with(',')
            && s[..mark.start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        if !ends_statement && !comma_outside {
            continue;
        }
        let tail_start = mark.end + usize::from(comma_outside);
        let tail_end = marks.get(k + 1).map_or(own.len(), |m| m.start);
        let Some(found) = source_in_tail(own, words, tail_start, tail_end) else {
            continue;
        };
        // "... the presence of ''Ann Lee,'' his mother.": after a quotation inside the
        // sentence, "his mother" is what it names; after a quotation that opens the sentence,
        // she is its speaker.
        let owned = own[found.0.clone()]
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "his" | "her" | "their" | "its" | "our" | "my"));
        let opens = k > 0 && own[..marks[k - 1].start].trim().is_empty();
        if !owned || opens {
            return Some(found);
        }
    }
    None
}

/// Whether `rest`, after the source, is a time, a setting or an addressee with no verb in it
/// before any clause of its own: "on Monday", "in Iowa earlier this year", "reporters",
/// "in August after the company announced ...".
fn setting_before_verb(rest: &[&str]) -> bool {
    let Some(first) = rest.first() else {
        return true;
    };
    // "\u{201c}...\u{201d} he advisers": whom it was told.
    let told =
        first.ends_with('s') && first.starts_with(char::is_lowercase) && is_role(singular(first));
    let opens = AFTER_SOURCE.contains_any_case(first) || told || addressee(rest);
    if !opens {
        return false;
    }
    // "\u{201c}...,\u{201d} Okafor when asked about it.", "..., he after the judge read the
    // charges": a clause of its own, whose verb is not the source's.
    // A speech verb on a noun ("the number of reported cases") is no verb of the clause.
    if SUBORDINATORS.contains_any_case(first) {
        return !rest.iter().enumerate().any(|(i, w)| {
            SPEECH_VERBS.contains_any_case(w)
                && !(i > 0
                    && (NOUN_DETERMINERS.contains_any_case(rest[i - 1]) || rest[i - 1] == "of"))
        });
    }
    for (i, w) in rest.iter().enumerate() {
        // "in a statement explaining why ...": a participle after a noun opens a clause of its
        // own ("at a press briefing said" has its verb).
        let l = lower(w);
        // A participle takes an object or a clause; a noun in "-ing" ("an early morning
        // tweet") does not.
        let takes = rest.get(i + 1).is_some_and(|n| {
            NOUN_DETERMINERS.contains_any_case(n)
                || matches!(
                    *n,
                    "why" | "how" | "what" | "that" | "whether" | "him" | "them"
                )
        });
        if i > 1
            && l.ends_with("ing")
            && takes
            && !NOUN_DETERMINERS.contains_any_case(rest[i - 1])
            && !is_role(&l)
        {
            return !rest[i + 1..]
                .iter()
                .any(|w| has_reporting_verb(w) && !w.ends_with("ing"));
        }
        // "in a tweet", "in his memoir": a noun after its determiner, not a verb.
        if (1..=3).any(|d| i >= d && NOUN_DETERMINERS.contains_any_case(rest[i - d])) {
            continue;
        }
        if i > 0 && CLAUSE_OPENERS.contains(&l) {
            // "Democrats in Iowa who watched the debate said": a relative clause on the source,
            // and its verb after it.
            let relative = matches!(l.as_str(), "who" | "which" | "that" | "whose");
            return !(relative && rest[i..].iter().any(|w| has_reporting_verb(w)));
        }
        // "in a video posted by a channel", "in an interview aired Monday": a participle on a
        // setting's noun, not the source's verb.
        let participle = l.ends_with("ed")
            && i >= 2
            && rest[..i - 1]
                .iter()
                .any(|w| NOUN_DETERMINERS.contains_any_case(w))
            && rest.get(i + 1).is_none_or(|n| {
                matches!(lower(n).as_str(), "by" | "to" | "on" | "in" | "at")
                    || DAYS.contains_any_case(n)
            });
        if participle {
            continue;
        }
        if has_reporting_verb(w)
            || AUXILIARIES.contains(&l)
            || IRREGULAR_PAST.contains(&l)
            || l.ends_with("ed") && l.len() > 4
        {
            return false;
        }
    }
    true
}

/// Whom the words were told, its verb cut: "\u{201c}...\u{201d} he Fox News", "... she him",
/// "... the narrator the Post". A name or an object pronoun straight after the source (a
/// subject followed by another noun phrase with no verb between them).
fn addressee(rest: &[&str]) -> bool {
    let Some(first) = rest.first() else {
        return false;
    };
    // "he ABC's This Week": an outlet's programme, owned by its name.
    let name = |w: &str| {
        let w = strip_possessive(w).unwrap_or(w);
        is_name_word(w) && !has_reporting_verb(w) && !AFTER_SOURCE.contains_any_case(w)
    };
    OBJECT_PRONOUNS.contains(first)
        || name(first) && !DAYS.contains_any_case(first)
        || *first == "the" && rest.get(1).is_some_and(|w| name(w))
}

/// Pronouns that are a verb's object, never its subject.
static OBJECT_PRONOUNS: Words = Words::new("him them me us");

/// Days and months, which are times after the source, not whom it told.
static DAYS: Words = Words::new(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may \
    june july august september october november december dec jan feb aug sept oct nov",
);

fn singular(w: &str) -> &str {
    w.strip_suffix('s').unwrap_or(w)
}

/// Words that open a clause whose subject is not the source ("when asked"), never a
/// preposition.
static SUBORDINATORS: Words = Words::new("when while after before as because since until");

/// Words that open a clause of their own after a setting: "in August after ... announced".
static CLAUSE_OPENERS: Words = Words::new(
    "after before when while as because since who which that whose where if although though",
);

/// A name or a role opening `words`, whatever follows: "Trump" of "Trump in August after ...".
fn leading_source_len(words: &[&str]) -> Option<usize> {
    // "Trump's campaign motto": a possessive determines a noun; it is no source.
    let name = name_len(words);
    if name > 0 && strip_possessive(words[name - 1]).is_some() {
        return None;
    }
    // "..., describing the team as ...": a participle opens a clause, not a source.
    if words
        .first()
        .is_some_and(|w| w.ends_with("ing") && !is_role(w))
    {
        return None;
    }
    let n = if name > 0 { name } else { role_len(words) };
    Some(n).filter(|&n| n > 0)
}

/// Whether every segment after the first opens a clause that is no verb of saying
/// ("..., adding that ...", "..., who ...").
/// A comma before a quotation that goes on ("..., he in a statement, \u{201c}and ...") ends an
/// empty segment; the clause a segment opens runs on past later commas, unless a finite verb of
/// saying comes after it.
fn later_segments_open_clauses(words: &[(usize, &str)], segments: &[(usize, &str)]) -> bool {
    let Some(&(at, seg)) = segments.get(1) else {
        return true;
    };
    match words_within(words, at..at + seg.len()).first() {
        None => segments.len() == 2,
        Some(&(_, w)) => opens_clause(w) && !said_after(&segments[2..]),
    }
}

/// The source in the reporter's words between a closing mark and the next mark.
pub(super) fn source_in_tail(
    own: &str,
    words: &[(usize, &str)],
    tail_start: usize,
    tail_end: usize,
) -> Option<(Range<usize>, usize, bool)> {
    let tail = own[tail_start..tail_end]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | ')' | ';'));
    let mut segments = Vec::new();
    let mut at = tail_start;
    for part in tail.split(',') {
        segments.push((at, part));
        at += part.len() + 1;
    }
    let (source_at, source_text) = *segments.first()?;
    let located = words_within(words, source_at..source_at + source_text.len());
    let source_words: Vec<&str> = located.iter().map(|&(_, w)| w).collect();
    let first = *source_words.first()?;
    let start = source_at + (source_text.len() - source_text.trim_start().len());
    // "\u{201c}...,\u{201d} he on Monday.": a pronoun, then a time or a setting.
    let pronoun = SUBJECT_PRONOUNS.contains_any_case(first);
    let n = if pronoun {
        1
    } else {
        source_segment(&source_words)
            .map(|(_, n)| n)
            .or_else(|| leading_source_len(&source_words))?
    };
    let by_name = !pronoun && name_len(&source_words) >= n;
    // "\u{201c}...,\u{201d} Tom Reyes wrote": the verb is there.
    let verb_inside = source_words[..n].iter().any(|w| has_reporting_verb(w));
    if verb_inside || has_reporting_verb(source_text) && !setting_before_verb(&source_words[n..]) {
        return None;
    }
    if n != source_words.len() {
        // "\u{201c}...,\u{201d} Hernandez in a statement.": the verb goes after the source.
        if !setting_before_verb(&source_words[n..])
            || !later_segments_open_clauses(words, &segments)
        {
            return None;
        }
        let (w_at, w) = located[n - 1];
        let verb_at = w_at + w.len();
        return Some((start..verb_at, verb_at, false));
    }
    let mut end = source_at + source_text.trim_end().len();
    let mut comma = false;
    for (i, &(seg_at, seg)) in segments.iter().enumerate().skip(1) {
        let seg_words: Vec<&str> = words_within(words, seg_at..seg_at + seg.len())
            .iter()
            .map(|&(_, w)| w)
            .collect();
        // "..., he, \u{201c}and ...": the quotation goes on after the comma.
        let Some(first) = seg_words.first() else {
            if i + 1 == segments.len() {
                break;
            }
            return None;
        };
        let age = first.chars().all(|c| c.is_ascii_digit()) && seg_words.len() == 1;
        // "..., a senator who ran in 2008.": an appositive and its relative clause.
        // "..., told a voter who ...": no verb of saying in the appositive; and after the
        // relative clause, nothing but another clause ("..., who ran, won the seat").
        let relative = seg_words
            .iter()
            .position(|w| matches!(*w, "who" | "whose" | "which"))
            .is_some_and(|r| {
                r > 0
                    && is_appositive(&seg_words[..r])
                    && !seg_words[..r].iter().any(|w| has_reporting_verb(w))
            })
            && segments.get(i + 1).is_none_or(|&(at, next)| {
                // "... who chairs the Committee on Science, Space and Technology": the
                // relative clause's list goes on past the comma.
                words_within(words, at..at + next.len())
                    .first()
                    .is_some_and(|&(_, w)| opens_clause(w) || is_name_word(w))
            });
        // "..., the press secretary, Josh Lee, ...": a role's name.
        let role_named = i == 1 && !by_name && name_len(&seg_words) == seg_words.len();
        if age
            || *first == "of"
            || role_named
            || is_appositive(&seg_words) && !has_reporting_verb(seg)
        {
            end = seg_at + seg.trim_end().len();
            comma = true;
        } else if relative && !said_after(&segments[i + 1..]) {
            // The verb goes after the relative clause, which may run on past a comma.
            end = seg_at + seg.trim_end().len();
            comma = true;
            break;
        } else if opens_clause(first) || i > 1 && setting_before_verb(&seg_words) {
            // A participle ("adding that ...") is no finite verb of saying, but one may come
            // after a relative clause ("..., Okafor, who is a farmer, said.").
            if said_after(&segments[i + 1..]) {
                return None;
            }
            break;
        } else {
            return None;
        }
    }
    Some((start..end, end, comma))
}

/// Whether a later segment holds a finite verb of saying ("..., who is a farmer, said"),
/// not a participle ("adding that ...").
fn said_after(segments: &[(usize, &str)]) -> bool {
    segments.iter().any(|&(_, later)| {
        let later = later.trim_start();
        has_reporting_verb(later) && !later.split(' ').next().is_some_and(|w| w.ends_with("ing"))
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::with_words;
    use super::*;
    use crate::analysis::attribution::quote::{quotes, reporter_text};

    fn source(s: &str) -> Option<(&str, String)> {
        let own = reporter_text(s, &quotes(s));
        let found = with_words(s, |words| source_after_quote(s, &own, words));
        found.map(|(r, at, comma)| {
            let fixed = format!(
                "{}{}{}",
                &s[..at],
                if comma { ", said" } else { " said" },
                &s[at..]
            );
            (&s[r], fixed)
        })
    }

    #[test]
    fn a_source_with_no_verb_after_a_quotation() {
        let (name, fixed) =
            source("\u{201c}We will not balance the books,\u{201d} Angela Rayner.").unwrap();
        assert_eq!(name, "Angela Rayner");
        assert!(fixed.ends_with("Angela Rayner said."));
        let (name, fixed) = source("\u{201c}Prices will keep falling,\u{201d} Maria Ortiz, chief economist at a bank, adding that rates could rise.").unwrap();
        assert_eq!(name, "Maria Ortiz, chief economist at a bank");
        assert!(fixed.contains("at a bank, said, adding"));
        for s in [
            "\u{201c}I am not going anywhere,\u{201d} he.",
            "\u{201c}Is that fair?\u{201d} the spokeswoman.",
            "\u{201c}It works,\u{201d} Tom Reyes, 61, of Fresno.",
            "''We can still win,'' Ms. Okafor.",
            "\u{201c}The plan is sound, \u{201d} Okafor.",
            "\u{201c}It is over,\u{201d} Okafor on Sunday.",
            "\u{201c}We owe them that,\u{201d} Okafor in a radio interview.",
            "\u{201c}Rents are up,\u{201d} Okafor, adding that landlords were \u{201c}greedy.\u{201d}",
            "\u{201c}It works,\u{201d} Tom Reyes, a farmer who grows apples near Fresno.",
            "\u{201c}It works,\u{201d} Okafor when asked about the plan.",
            "\u{201c}It works,\u{201d} Okafor when asked about Ohio, where the number of reported cases rose.",
            "\u{201c}He told me, \u{2018}I am busy,\u{2019}\u{201d} she.",
            "\u{201c}It was hard,\u{201d} she in a tweet.",
            "\u{201c}It was hard,\u{201d} he Channel 4 News.",
            "\u{201c}It was hard,\u{201d} she him.",
            "\u{201c}It was hard,\u{201d} the spokesman the Herald.",
            "\u{201c}It was hard,\u{201d} she, but added that taxes were high.",
            "\u{201c}It was hard,\u{201d} Okafor, asked about the plan.",
            "\u{201c}It was hard,\u{201d} Ann Lee, the mayor's chief of staff, in an interview.",
            "\u{201c}It was hard,\u{201d} the press secretary, Ann Lee, on Tuesday.",
            "\u{201c}They are accurate,\u{201d} he after the judge read the charges.",
            "\u{201c}It works,\u{201d} Ann Lee, a fellow who chairs the Board of Trade, Fish and Farms.",
            "\u{201c}It works,\u{201d} Okafor in a video posted by the party.",
            "\u{201c}It works,\u{201d} Okafor in an interview aired Monday.",
            "Avoid words like \u{201c}maybe\u{201d} and \u{201c}perhaps\u{201d}, he reporters.",
            "\u{201c}It was hard,\u{201d} he NBC's Today show.",
            "\u{201c}It was hard,\u{201d} he in a statement, \u{201c}but we won.\u{201d}",
            "\u{201c}It was hard,\u{201d} she, \u{201c}but we won.\u{201d}",
            "\u{201c}It works,\u{201d} Okafor in Lagos, recalling a plan that failed when she, Ann Lee and Tom Reyes ran the city.",
            "\u{201c}It works,\u{201d} Okafor in a letter to the mayor, that the plan would pay.",
            "\u{201c}It works,\u{201d} Okafor in a statement explaining why she backed it.",
        ] {
            assert!(source(s).is_some(), "{s}");
        }
    }

    #[test]
    fn quotations_with_their_verb_or_quoted_terms() {
        for s in [
            "\u{201c}We will not back down,\u{201d} Hernandez said.",
            "\u{201c}We will not back down,\u{201d} said Hernandez.",
            "\u{201c}We are ready,\u{201d} Hernandez, the mayor, told reporters.",
            "Donors gave to the \u{201c}Stop the Tax\u{201d} Committee.",
            "She starred in \u{201c}Northern Lights,\u{201d} a film about miners.",
            "\u{201c}It works,\u{201d} Tom Reyes wrote in a letter.",
            "\u{201c}It works,\u{201d} Tom Reyes, a farmer who grows apples, said.",
            "\u{201c}It works,\u{201d} Okafor said when asked about the plan.",
            "\u{201c}It works,\u{201d} Okafor when asked about the plan said the cost was low.",
            "\u{201c}It works,\u{201d} Tom Reyes, a farmer who grows apples, won the prize.",
            "\u{201c}We are friends,\u{201d} Tom Reyes, 57, told a voter who seemed confused.",
            "He called it \u{201c}a distortion,\u{201d} describing the team as skilled.",
            "\u{201c}It was hard,\u{201d} he told Channel 4 News.",
            "\u{201c}It was hard,\u{201d} Ann Lee, the mayor's chief of staff, told him.",
            "\u{201c}It works,\u{201d} voters in Ohio who backed the plan said.",
            "Words like \u{201c}maybe\u{201d}, he said, are vague.",
            "He liked \u{201c}Fargo\u{201d}, a film about snow.",
            "\u{201c}It works,\u{201d} Okafor in Lagos, recalling the plan, said.",
        ] {
            assert_eq!(source(s).map(|x| x.0), None, "{s}");
        }
    }
}
