//! A source set off by commas inside the sentence, its verb cut: "The bigger risk, he, is a
//! clash", "Survival, Ms. Okafor, depends on ...". The reporter's "..., he said, ..." lost
//! its "said".
//!
//! Only a subject pronoun, people in the plural ("officials", "Democratic aides"), a name
//! with a courtesy title ("Mr.", "Ms.", "Dr.") or a surname the story met in a full name is
//! read so: another bare name between commas is as often a place ("in Columbus, Ohio, the
//! ...") or an apposition ("His brother, Frank, was ..."), and a titled name after a word for a person
//! ("her lawyer, Mr. Smith, was") is that person's apposition. What follows the second comma
//! must go on with the sentence: not a list ("he, she and I"), not a relative clause, not an
//! age or a place of origin ("Ms. Lee, 45, of Ohio"), not an aside ("he, too, ...").

use super::leading::opens_a_phrase;
use super::plural;
use super::trailing::{is_agent_noun, is_appositive};
use super::{is_role, lower, name_len, role_len};
use crate::analysis::attribution::cue::{has_reporting_verb, is_name_word};
use crate::analysis::attribution::lexicon::{Words, APPOSITION_HEADS, SUBJECT_PRONOUNS};
use crate::analysis::attribution::people::Surnames;
use crate::analysis::tokens::is_never_a_name;
use std::ops::Range;

/// Titles that mark a name as a person's in running text.
pub(super) static COURTESY: Words = Words::new("mr ms mrs miss dr");

/// Words for people that a name between commas may stand in apposition to.
static PERSON_NOUNS: Words = Words::new(
    "man woman men women boy girl child person couple family mother father son daughter \
    brother sister wife husband friend neighbor neighbour colleague nephew niece cousin uncle \
    aunt grandson granddaughter grandmother grandfather",
);

/// Words after the second comma that show an apposition, a list or an aside rather than the
/// rest of the sentence.
static NOT_AFTER: Words = Words::new(
    "who whom whose which and or but nor if too also though however then of from like unlike as \
    in at such including especially particularly mostly many most all both each some",
);

/// "sources", "Democratic sources", "an inside source": unnamed informants between commas,
/// which elsewhere may be things ("energy sources"), so only with a modifier of people or none.
fn is_sources(segment: &[&str]) -> bool {
    let Some((last, modifiers)) = segment.split_last() else {
        return false;
    };
    let modifiers = match modifiers.split_first() {
        Some((a, rest)) if *last == "source" && matches!(*a, "a" | "an" | "one" | "another") => {
            rest
        }
        _ if *last == "sources" => modifiers,
        _ => return false,
    };
    modifiers.len() <= 2
        && modifiers.iter().all(|w| {
            SOURCE_MODIFIERS.contains_any_case(w) || is_name_word(w) && !is_never_a_name(w)
        })
}

/// Words that make a source a person who tells: "an inside source", "senior sources".
static SOURCE_MODIFIERS: Words = Words::new(
    "inside senior anonymous informed knowledgeable reliable trusted unnamed campaign party \
    administration government diplomatic military intelligence police security congressional",
);

/// How many words of `segment` name a source: a pronoun, a name, a determiner and a role.
fn source_len(segment: &[&str]) -> usize {
    if segment.len() == 1 && SUBJECT_PRONOUNS.contains_any_case(segment[0]) || segment == ["it"] {
        return 1;
    }
    let determined = matches!(
        lower(segment[0]).as_str(),
        "the" | "a" | "an" | "his" | "her" | "its" | "their"
    );
    if determined {
        role_len(segment)
    } else {
        name_len(segment)
    }
}

/// Whether the words from `k` to the next comma stand in apposition to what comes before
/// them: a word for a person ("his wife, Melania, \u{201c}..."), a name, a sentence's opening
/// subject ("The harbour master, Ann Lee, \u{201c}..."), or a source a verb already
/// introduces ("said Ann Lee, the director, \u{201c}and ...").
fn apposed_before_quote(s: &str, words: &[(usize, &str)], k: usize) -> bool {
    let (_, before) = words[k - 1];
    let l = lower(before);
    let person = is_role(&l)
        || is_agent_noun(&l)
        || APPOSITION_HEADS.contains(&l)
        || PERSON_NOUNS.contains(&l)
        || is_name_word(before) && !is_never_a_name(before);
    let segment_start = (0..k)
        .rev()
        .find(|&j| j == 0 || s[..words[j].0].trim_end().ends_with(','))
        .unwrap_or(0);
    let segment = &s[words[segment_start].0..words[k - 1].0 + before.len()];
    let opening_subject = segment_start == 0 && !opens_a_phrase(words[0].1);
    person || opening_subject || has_reporting_verb(segment)
}

/// The source between commas, and where its verb belongs (straight after it). `known`: the
/// surnames the story has met, so that "The trouble, Okafor, began ..." reads as a person.
pub fn parenthetical_source(
    s: &str,
    words: &[(usize, &str)],
    known: &Surnames,
) -> Option<(Range<usize>, usize)> {
    let comma_before = |k: usize| s[..words[k].0].trim_end().ends_with(',');
    for k in 1..words.len() {
        if !comma_before(k) {
            continue;
        }
        // The segment up to the next comma.
        let gap_after = |j: usize| {
            let (at, w) = words[j];
            let next = words.get(j + 1).map_or(s.len(), |&(n, _)| n);
            s[at + w.len()..next].trim_start()
        };
        let Some(len) =
            (1..=4).find(|&n| k + n <= words.len() && gap_after(k + n - 1).starts_with(','))
        else {
            continue;
        };
        let segment: Vec<&str> = words[k..k + len].iter().map(|&(_, w)| w).collect();
        // "..., Mr. Trump, \u{201c}I'd like ...\u{201d}": any source before a quotation.
        let quoted = {
            let gap = gap_after(k + len - 1);
            gap.strip_prefix(',')
                .map(str::trim_start)
                .is_some_and(|q| q.starts_with(['"', '\u{201c}']) || q.starts_with("''"))
        };
        // A pronoun stands in apposition to nothing: "The streets were empty, he, \u{201c}...".
        let lone_pronoun = len == 1 && SUBJECT_PRONOUNS.contains_any_case(segment[0]);
        if quoted
            && source_len(&segment) == len
            && (lone_pronoun || !apposed_before_quote(s, words, k))
        {
            let (last_at, last) = words[k + len - 1];
            let end = last_at + last.len();
            return Some((words[k].0..end, end));
        }
        if k + len >= words.len() {
            continue;
        }
        let pronoun = len == 1 && SUBJECT_PRONOUNS.contains_any_case(segment[0]);
        // "Ms. Okafor", or "Okafor" after the story met "Ann Okafor".
        let titled = len >= 2
            && COURTESY.contains_any_case(segment[0])
            && segment[1..].iter().all(|w| is_name_word(w))
            || len == 1 && is_name_word(segment[0]) && known.met(segment[0], None);
        // "Mr. Obama, officials, has ...", "In some ways, the aides, Okafor might ...": people
        // in the plural, unless after a plural subject they are a list or its apposition
        // ("The victims, tourists, were ...").
        let opening = (1..k).all(|j| !comma_before(j)) && opens_a_phrase(words[0].1);
        // "Many days, former employees, she ...": a time before them is no list of people.
        let timed = plural::TIMES.contains_any_case(words[k - 1].1);
        // "Mrs. Okafor, these people, would ...": people the story has pointed to.
        let pointed = matches!(segment[0], "these" | "those")
            && (segment[1..] == ["people"] || plural::is_people_phrase(&segment[1..]));
        let people = (plural::is_people_phrase(&segment) || is_sources(&segment) || pointed)
            && (opening || timed || !plural::is_plural(words[k - 1].1));
        if !(pronoun || titled || people) {
            continue;
        }
        let before = lower(words[k - 1].1);
        let apposed = titled
            && (is_role(&before)
                || is_agent_noun(&before)
                || APPOSITION_HEADS.contains(&before)
                || PERSON_NOUNS.contains(&before)
                || k > 1 && is_name_word(words[k - 1].1));
        // "he, she and I": a list of pronouns.
        let listed = SUBJECT_PRONOUNS.contains(&before) || before == "him" || before == "her";
        if apposed || listed {
            continue;
        }
        let next = k + len;
        let (_, after) = words[next];
        // "Instead, Mr. Lee, a former judge, intends ...": the name is the subject, and an
        // apposition follows it.
        let following: Vec<&str> = words[next..]
            .iter()
            .enumerate()
            .take_while(|&(i, _)| i == 0 || !comma_before(next + i))
            .map(|(_, &(_, w))| w)
            .collect();
        // "..., lawmakers, delegates and donors ate ...": people in a list.
        let listed = people
            && (plural::is_plural(following[0])
                || following.iter().take(4).any(|w| matches!(*w, "and" | "or")));
        if listed {
            continue;
        }
        let bracketed = next + following.len() < words.len();
        // A pronoun's appositive opens with its article ("he, a former judge, ..."); "she,
        // exists thanks to a former governor" is the sentence going on.
        let apposition =
            (!pronoun || matches!(following[0], "a" | "an" | "the")) && is_appositive(&following);
        if apposition || bracketed && matches!(following[0], "a" | "an" | "the") {
            continue;
        }
        // The rest runs on for more than an aside ("he, in turn, ...").
        // "..., she, is \u{201c}doing better\u{201d}": a quotation goes on with it too.
        let quote_after = {
            let (at, w) = words[next];
            let gap = s[at + w.len()..].trim_start();
            gap.starts_with(['"', '\u{201c}']) || gap.starts_with("''")
        };
        let runs_on = (next + 1..words.len().min(next + 3)).all(|j| !comma_before(j))
            && (next + 1 < words.len() || quote_after);
        // "..., she, Okafor was trying ...": a clause with its own named subject, after a
        // pronoun or people (a titled name may be an apposition: "another guest, Mr. Lee,
        // Mr. Okafor was ...").
        let named_clause = (pronoun || people)
            && is_name_word(after)
            && following
                .iter()
                .skip(name_len(&following).max(1))
                .take(2)
                .any(|w| plural::is_finite(w));
        // After people, only their verb ("..., officials, has ...") or a pronoun's clause
        // goes on with the sentence: "..., white, working-class voters, those ..." is a list
        // of modifiers, "..., candidates, to varying degrees, ..." an aside.
        // "..., aides, the plan would ..." has a subject of its own under a determiner; in
        // "..., voters, those Democrats argued, ..." the people are a list and the verb is there.
        let determined_clause = matches!(after, "the" | "this" | "these" | "those" | "their")
            && following.len() > 2
            && following[1..3].iter().any(|w| plural::is_finite(w))
            && !following.iter().any(|w| has_reporting_verb(w));
        let people_go_on = plural::is_finite(after)
            || SUBJECT_PRONOUNS.contains(after)
                && following.get(1).is_some_and(|w| plural::is_finite(w))
            || determined_clause;
        let goes_on = after.starts_with(char::is_lowercase)
            && !NOT_AFTER.contains(after)
            && !(after.ends_with("ing") && after.len() > 4)
            && runs_on
            && (!people || people_go_on)
            || named_clause;
        if goes_on {
            let (last_at, last) = words[next - 1];
            let end = last_at + last.len();
            return Some((words[k].0..end, end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests::with_words;
    use super::*;
    use crate::analysis::tokens::Tokens;
    use crate::analysis::{Document, Format};

    fn source(s: &str) -> Option<&str> {
        with_words(s, |words| {
            parenthetical_source(s, words, &Surnames::default())
        })
        .map(|(r, _)| &s[r])
    }

    /// The source in `s`, the last paragraph of a story that opens with `before`.
    fn source_after<'s>(before: &str, s: &'s str) -> Option<&'s str> {
        let doc = Document::parse(&format!("{before}\n\n{s}"), Format::Text);
        let mut met = Surnames::default();
        Tokens::new(&doc).blocks.iter().for_each(|b| met.add(b));
        with_words(s, |words| parenthetical_source(s, words, &met)).map(|(r, _)| &s[r])
    }

    #[test]
    fn a_surname_the_story_met_between_commas() {
        let before = "Ann Okafor runs the ferry line.";
        for (s, found) in [
            ("The trouble, Okafor, began in the spring.", Some("Okafor")),
            ("The ferries, Okafor, will run again.", Some("Okafor")),
            ("Her partner, Okafor, was not there.", None),
            ("The crew met Brandt, Okafor, and the mayor.", None),
            ("The trouble, Brandt, began in the spring.", None),
            ("Well, Okafor, if the ferry ran, we would go.", None),
        ] {
            assert_eq!(source_after(before, s), found, "{s}");
        }
    }

    #[test]
    fn a_source_between_commas_with_no_verb() {
        for (s, found) in [
            ("The harder part, she, is paying for it.", "she"),
            ("The nickname, she, comes from a former teacher.", "she"),
            (
                "The harder part, she, is \u{201c}paying for it.\u{201d}",
                "she",
            ),
            (
                "The roads were empty, he, \u{201c}but people came.\u{201d}",
                "he",
            ),
            ("Tourism, Mr. Brandt, depends on the ferries.", "Mr. Brandt"),
            (
                "In any case, Ms. Castell, the levy was never popular.",
                "Ms. Castell",
            ),
            ("Many of the crossings, they, have been cancelled.", "they"),
            ("The ferry, officials, will run again.", "officials"),
            (
                "Ms. Castell, these people, would sail again.",
                "these people",
            ),
            (
                "Some days, former employees, she worked late.",
                "former employees",
            ),
            ("To win, organizers, the party must spend.", "organizers"),
            (
                "The plan, an inside source, is to cut fares.",
                "an inside source",
            ),
            ("The report, sources, was shelved.", "sources"),
            (
                "Despite the storm, party sources, Brandt still has hope.",
                "party sources",
            ),
            (
                "In some ways, harbour workers, Brandt was right.",
                "harbour workers",
            ),
            ("At the time, she, Brandt was trying to sell.", "she"),
            (
                "Asked about the fares, Brandt, \u{201c}We cannot cut them.\u{201d}",
                "Brandt",
            ),
            (
                "As the ferry left, the mayor, \u{201c}Hold on tight.\u{201d}",
                "the mayor",
            ),
        ] {
            assert_eq!(source(s), Some(found), "{s}");
        }
    }

    #[test]
    fn appositions_lists_and_asides_are_whole() {
        for s in [
            "Her lawyer, Mr. Brandt, was not in court.",
            "The skipper, Ms. Castell, has sailed the route for years.",
            "He, too, voted against the levy.",
            "Ms. Castell, 45, of Harbour Town, was arrested.",
            "Invitations went to Mr. Brandt, Ms. Castell and the mayor.",
            "When she arrived, she, in turn, asked for a vote.",
            "It was him, he, and nobody else.",
            "In Columbus, Ohio, the council met.",
            "The victims, tourists, were flown home.",
            "Farmers, teachers and officials, were at the meeting.",
            "In Columbus, Ohio, Brandt was elected.",
            "At the fair, farmers, traders and their families ate well.",
            "Meanwhile, local activists, such as the Greens, have been busy.",
            "It ran sessions, phone banks, rallies and more.",
            "Mr. Autor, like most economists, is still persuaded.",
            "The motives of some, especially among pundits, are unclear.",
            "From 1968, party candidates, to varying degrees, used such phrases.",
            "Near a tough guy, Mr. Putin, Mr. Trump was pressed.",
            "The tests were halted, several times, to fix the rig.",
            "Later, he, who had opposed it, changed his mind.",
            "He said his wife, Nora, \u{201c}knew it all along.\u{201d}",
            "The harbour master, Nora Castell, \u{201c}had the keys,\u{201d} Brandt said.",
            "Brandt issued a statement, \u{201c}We are closing.\u{201d}",
            "Instead, Mr. Brandt, a retired skipper, plans to sail on.",
            "In towns hit by the closures, older voters, those leaders argued, would suffer.",
            "Coal, an energy source, is cheap.",
            "Wind and sun, renewable sources, are cheap.",
            "In a letter on Sunday, Ms. Castell, the harbour master, asked for help.",
        ] {
            assert_eq!(source(s), None, "{s}");
        }
    }
}
