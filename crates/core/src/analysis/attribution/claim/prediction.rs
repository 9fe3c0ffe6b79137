//! Predictions: a modal or a phrase of expectation and the verb after it ("will hurt", "is
//! likely to rise", "is going to lose").
//!
//! A modal or a phrase that schedules ("will", "is expected to", "is set to", "is going to")
//! leaves an event verb plain reporting: "will attend", "is set to open". A phrase of
//! likelihood forecasts whatever follows ("is likely to attend", "is bound to open"). "Would", "might", "may" and a "could" that is not negated are hypothetical, so no
//! verb after them schedules anything ("would attend if invited", "could open next year");
//! "could not attend" reports what happened.

use super::super::lexicon::{Words, CLAIM_WORDS, EVENT_PARTICIPLES, EVENT_VERBS};
use super::super::own::{Own, OwnWord};
use std::ops::Range;

/// The first prediction: the modal or phrase, the verb after it (past "not" and "also") and
/// the word after the verb; a capitalised "May" inside the sentence is the month.
pub fn prediction(own: &Own) -> Option<Range<usize>> {
    for modal in CLAIM_WORDS.prediction.find_iter(own.text) {
        let said = &own.text[modal.clone()];
        // "whether voters would accept it", "how he would pay for it": an open question
        // asserts nothing.
        if (said == "May" && modal.start > 0)
            || opened_by(own, modal.start, &QUESTIONS)
            || asked_if(own, modal.start)
        {
            continue;
        }
        let Some(mut verb) = own.next_word(modal.end) else {
            continue;
        };
        let mut negated = false;
        for skipped in ["not", "also"] {
            if verb.is(skipped) {
                negated |= skipped == "not";
                verb = own.next_word(verb.range.end).unwrap_or(verb);
            }
        }
        // "on May 14" is a date, not a modal; "is due to the storm" names a cause.
        if !verb.text.starts_with(|c: char| c.is_ascii_lowercase())
            || NOUN_PHRASE_OPENERS.contains(&verb.lower)
        {
            continue;
        }
        // "could not be reached for comment", "could not be independently verified": the
        // reporter's check that failed, not a forecast.
        if said.eq_ignore_ascii_case("could") && failed_check(own, verb) {
            continue;
        }
        // "Police would not release the name": a refusal to disclose, not a forecast.
        if negated && said.eq_ignore_ascii_case("would") && WITHHELD.contains(&verb.lower) {
            continue;
        }
        // "Neither company would comment", "Some may recall ...": a modal before a verb of
        // speaking tells what someone says or would say, not what the world will do.
        if SPEAKING.contains(&verb.lower) {
            continue;
        }
        // "will begin to lose", "will continue to press": the verb after "to" says what is
        // forecast ("will begin to run on Monday" schedules, "will begin to lose money" does
        // not).
        if ONSETS.contains(&verb.lower) {
            let to = own.next_word(verb.range.end).filter(|w| w.is("to"));
            if let Some(next) = to.and_then(|to| own.next_word(to.range.end)) {
                if !EVENT_VERBS.contains(&next.lower) {
                    return Some(modal.start..next.range.end);
                }
            }
        }
        // "at risk of losing" forecasts; "at risk of identity theft" names a danger.
        if said.ends_with(" of") && !verb.lower.ends_with("ing") {
            continue;
        }
        let after = own.next_word(verb.range.end);
        let next = after.map_or("", |w| w.lower.as_ref());
        let lower = said.to_ascii_lowercase();
        let hypothetical = (HYPOTHETICAL.contains(&lower) || (lower == "could" && !negated))
            && !opened_by(own, modal.start, &RELATIVES);
        // "will vote for the mayor" states a choice; "will vote on Tuesday" schedules.
        let choice = verb.is("vote") && matches!(next, "for" | "against");
        // "will go wrong", "will end badly", "will take years": how it turns out, not when.
        let outcome = OUTCOMES.contains(next) || (verb.is("take") && DURATIONS.contains(next));
        let event = (EVENT_VERBS.contains(&verb.lower) && !choice && !outcome)
            || (verb.is("be") && EVENT_PARTICIPLES.contains(next));
        // "probably will return": a forecast, whatever the verb.
        let hedged = own
            .before(modal.start)
            .next()
            .is_some_and(|w| HEDGES.contains(&w.lower));
        // "will not attend", "won't consider": no event is scheduled, a decision or a forecast
        // is stated.
        let refused =
            (negated && lower == "will") || matches!(lower.as_str(), "won't" | "won\u{2019}t");
        let scheduled =
            event && !hedged && !refused && !LIKELIHOOD.iter().any(|l| lower.ends_with(l));
        // "a bill that would have barred ...": the terms of a proposal that failed ("the law
        // would not have prevented ..." judges what it would have done).
        let provision = match after.filter(|_| verb.is("have")) {
            Some(participle) => {
                is_provision_participle(&participle.lower)
                    && opened_by(own, modal.start, &RELATIVES)
            }
            None => PROVISIONS.contains(&verb.lower),
        };
        if lower == "would" && provision && of_proposal(own, modal.start) {
            continue;
        }
        if hypothetical || !scheduled {
            return Some(modal.start..after.unwrap_or(verb).range.end);
        }
    }
    None
}

/// Whether the modal at `at` has a proposal for its subject, right before it or before the
/// "that" or "which" of a relative clause a few words on: "the bill would", "legislation that
/// would", "a bill this year that would".
fn of_proposal(own: &Own, at: usize) -> bool {
    let clause = own.text[..at].rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let mut before = own.before(at).take_while(|w| w.range.start >= clause);
    let is_proposal = |w: &OwnWord| PROPOSALS.contains(&w.lower);
    match before.next() {
        Some(w) if w.is("that") || w.is("which") => before.take(5).any(&is_proposal),
        Some(w) => is_proposal(w),
        None => false,
    }
}

/// A past participle of a verb of [`PROVISIONS`]: "expanded", "required", "banned".
fn is_provision_participle(word: &str) -> bool {
    let Some(stem) = word.strip_suffix("ed") else {
        return PROVISIONS.contains(word);
    };
    let bytes = stem.as_bytes();
    let doubled = bytes.len() > 2
        && bytes[bytes.len() - 1].is_ascii_alphabetic()
        && bytes[bytes.len() - 1] == bytes[bytes.len() - 2];
    let undoubled = if doubled {
        &stem[..stem.len() - 1]
    } else {
        stem
    };
    let ied = stem.strip_suffix('i').map(|s| format!("{s}y"));
    PROVISIONS.contains(stem)
        || PROVISIONS.contains(format!("{stem}e"))
        || PROVISIONS.contains(undoubled)
        || ied.is_some_and(|w| PROVISIONS.contains(w))
}

/// What a law or a plan is: its terms, which "would" gives rather than predicts ("the bill
/// would ban", "a plan that would raise the fare").
static PROPOSALS: Words = Words::new(
    "bill bills plan plans proposal proposals measure measures legislation law amendment \
    amendments act rule rules regulation regulations deal agreement treaty budget policy \
    program programme provision provisions reform package ordinance resolution",
);

/// Verbs that give a proposal's terms: "would ban", "would require", "would raise".
static PROVISIONS: Words = Words::new(
    "ban allow require permit give provide create raise cut eliminate extend expand impose \
    repeal fund defund prohibit establish set legalize legalise limit restrict grant let bar \
    cap replace reduce increase lower end offer apply exempt authorize authorise allocate \
    prevent block shield protect double triple halve overhaul renew abolish mandate guarantee \
    outlaw criminalize criminalise penalize penalise strip put",
);

/// Verbs of speaking, which after a modal tell what someone would say ("Neither company would
/// comment") rather than forecast.
static SPEAKING: Words = Words::new(
    "say comment confirm deny discuss elaborate speculate recall remember wonder disclose \
    specify explain",
);

/// What an official may refuse to give a reporter: "would not release the name".
static WITHHELD: Words = Words::new("release identify name provide");

/// Participles of a reporter's check: "could not be reached", "could be verified".
static CHECKED: Words = Words::new("reached contacted verified confirmed located");

/// "(not) immediately be reached", "be independently verified": "be", adverbs in "-ly" on
/// either side, and a participle of a reporter's check, from `verb` on.
fn failed_check(own: &Own, verb: &OwnWord) -> bool {
    let mut w = verb;
    let mut be = false;
    for _ in 0..4 {
        if w.is("be") && !be {
            be = true;
        } else if !w.lower.ends_with("ly") {
            return be && CHECKED.contains(&w.lower);
        }
        match own.next_word(w.range.end) {
            Some(next) => w = next,
            None => return false,
        }
    }
    false
}

/// Verbs of onset and duration whose "to" hands the event on: "will begin to", "will
/// continue to".
static ONSETS: Words = Words::new("begin start continue keep");

/// Words after an event verb that say how it turns out: "will go wrong", "will end well".
static OUTCOMES: Words = Words::new("wrong well badly poorly smoothly awry");

/// What "take" after a modal takes when it forecasts a duration: "will take years".
static DURATIONS: Words = Words::new("time years months weeks decades longer ages");

/// Adverbs of likelihood before a modal: "probably will", "almost certainly won't".
static HEDGES: Words = Words::new("probably likely certainly surely possibly perhaps maybe");

/// Modals that state what would happen, not what will: "would attend if invited".
static HYPOTHETICAL: Words = Words::new("would might may");

/// The ends of phrases of likelihood, which forecast even an event: "is likely to attend".
const LIKELIHOOD: &[&str] = &[
    "likely to",
    "poised to",
    "projected to",
    "forecast to",
    "predicted to",
    "bound to",
    "on track to",
];

/// Whether the modal at `at` is inside a clause that one of `openers` opens, a few words back
/// in the same clause: "the wall that would run", "what the deal might include" describe a plan
/// or a question rather than predict.
fn opened_by(own: &Own, at: usize, openers: &Words) -> bool {
    let clause = own.text[..at].rfind([',', ';', ':']).map_or(0, |i| i + 1);
    own.before(at)
        .take(4)
        .take_while(|w| w.range.start >= clause)
        .any(|w| openers.contains(&w.lower))
}

/// Whether the modal at `at` is in a question asked with "if": "asked the mayor if the ferry
/// would run", "wondered if fares might rise" (an "if" with no such verb before it sets a
/// condition, which the prediction still makes).
fn asked_if(own: &Own, at: usize) -> bool {
    let clause = own.text[..at].rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let before: Vec<&OwnWord> = own
        .before(at)
        .take(10)
        .take_while(|w| w.range.start >= clause)
        .collect();
    before.iter().position(|w| w.is("if")).is_some_and(|i| {
        before[i + 1..]
            .iter()
            .take(3)
            .any(|w| ASKING.contains(&w.lower))
    })
}

/// Verbs that ask or doubt what an "if" after them opens.
static ASKING: Words = Words::new(
    "ask asks asked asking wonder wonders wondered wondering question questioned questioning \
    unclear unsure uncertain",
);

/// Words that open a relative clause or an embedded question.
static RELATIVES: Words = Words::new("that which who whom whose what how whether where when why");

/// Words that open an embedded question only (not "who" or "that", which also open relative
/// clauses about a person or thing).
static QUESTIONS: Words = Words::new("whether how why");

/// Words that open a noun phrase, which no verb after a modal is: "is due to the storm".
static NOUN_PHRASE_OPENERS: Words =
    Words::new("the a an this these those his her their its my our your him them us me");

#[cfg(test)]
mod tests {
    use super::*;

    fn predicts(s: &str) -> Option<&str> {
        prediction(&Own::from_text(s)).map(|r| &s[r])
    }

    #[test]
    fn likelihood_forecasts_even_events() {
        assert_eq!(
            predicts("The mayor is likely to leave office next spring."),
            Some("is likely to leave office")
        );
        assert_eq!(predicts("The mayor is set to leave office in May."), None);
        assert_eq!(predicts("The ferry is expected to return on Friday."), None);
        assert_eq!(
            predicts("The ferry probably will return on Friday."),
            Some("will return on")
        );
    }

    #[test]
    fn could_is_hypothetical_unless_negated() {
        assert_eq!(
            predicts("The new ferry could open the island to day trippers."),
            Some("could open the")
        );
        assert_eq!(predicts("The skipper could not attend the hearing."), None);
        for s in [
            "Ms. Lee could not be reached for comment.",
            "A spokesman could not immediately be reached.",
            "Neither claim could be independently verified.",
            "Police would not release the name of the victim.",
        ] {
            assert_eq!(predicts(s), None, "{s}");
        }
    }

    #[test]
    fn a_refused_event_is_no_schedule() {
        assert_eq!(
            predicts("The mayor will not attend the regatta."),
            Some("will not attend the")
        );
        assert_eq!(
            predicts("The council won't consider the ferry levy."),
            Some("won't consider the")
        );
        assert_eq!(predicts("The mayor will attend the regatta."), None);
    }

    #[test]
    fn going_to_predicts_as_will_does() {
        assert_eq!(
            predicts("The harbour is going to lose its last trawler."),
            Some("going to lose its")
        );
        assert_eq!(predicts("The mayor is going to attend the regatta."), None);
        assert_eq!(predicts("She was going to the harbour."), None);
    }

    #[test]
    fn how_an_event_turns_out_is_predicted() {
        assert_eq!(
            predicts("The new timetable will go wrong."),
            Some("will go wrong")
        );
        assert_eq!(
            predicts("Repairing the pier will take years."),
            Some("will take years")
        );
        assert_eq!(predicts("The regatta will take place in June."), None);
        assert_eq!(
            predicts("The ferry will begin to lose money."),
            Some("will begin to lose")
        );
        assert_eq!(predicts("The ferry will begin to run on Monday."), None);
        assert_eq!(
            predicts("The old pier is in danger of collapsing."),
            Some("in danger of collapsing")
        );
        assert_eq!(predicts("The leak put the crew at risk of injury."), None);
        assert_eq!(predicts("The ferry will go to the island on Monday."), None);
    }

    #[test]
    fn a_vote_for_someone_is_a_choice_not_a_date() {
        assert_eq!(
            predicts("The fishermen will vote for the mayor."),
            Some("will vote for")
        );
        assert_eq!(
            predicts("The council will vote on the budget on Friday."),
            None
        );
    }

    #[test]
    fn would_gives_a_proposals_terms() {
        assert_eq!(
            predicts("The bill would ban lorries from the bridge."),
            None
        );
        assert_eq!(
            predicts("The council backed a plan that would raise the fare."),
            None
        );
        assert_eq!(
            predicts("The bill would hurt small ferry operators."),
            Some("would hurt small")
        );
    }

    #[test]
    fn would_have_gives_a_failed_proposals_terms() {
        assert_eq!(
            predicts("The council rejected a bill last year that would have banned lorries."),
            None
        );
        assert_eq!(
            predicts("The measure would also prevent ferries from docking at night."),
            None
        );
        assert_eq!(
            predicts("The plan would have hurt small ferry operators."),
            Some("would have hurt")
        );
    }

    #[test]
    fn a_modal_before_a_verb_of_speaking_forecasts_nothing() {
        assert_eq!(
            predicts("Neither ferry company would comment on the fares."),
            None
        );
        assert_eq!(
            predicts("Older readers may recall the storm of 1987."),
            None
        );
        assert_eq!(
            predicts("Neither company would comment, but fares will rise."),
            Some("will rise")
        );
    }

    #[test]
    fn a_question_asked_with_if_predicts_nothing() {
        assert_eq!(
            predicts("A reporter asked the mayor if the new ferry would run at a loss."),
            None
        );
        assert_eq!(
            predicts("If the ferry runs at a loss, fares will rise."),
            Some("will rise")
        );
    }

    #[test]
    fn a_relative_clause_describes_with_would() {
        assert_eq!(
            predicts("It is the road that would run along the coast."),
            None
        );
    }
}
