//! A US state after a comma is where something happened, never a source: "in San Jose,
//! Calif., ...", "in Burlington, Iowa, and ...", "Sen. Ann Lee, R-Texas, ...". The state
//! (or a lawmaker's party-and-state tag) stands where a name may, so the verbless-source
//! readings would take it for one.

use crate::analysis::attribution::lexicon::Words;

/// States by their one-word names and their news-style abbreviations.
static STATES: Words = Words::new(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia \
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts \
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon \
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming \
    ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. ky. la. md. mass. mich. \
    minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. \
    s.d. tenn. vt. va. wash. w.va. wis. wyo.",
);

/// A state, or a party-and-state tag ("R-Texas", "D-Fla.", "I-Vt.").
pub(super) fn is_state(w: &str) -> bool {
    let state = ["R-", "D-", "I-"]
        .iter()
        .find_map(|party| w.strip_prefix(party))
        .unwrap_or(w);
    state.starts_with(char::is_uppercase) && STATES.contains_any_case(state)
}

/// Whether the source at `range` of `s` opens with a state straight after a comma after a
/// capitalised word, a town or a lawmaker ("Ames, Iowa", "Ann Lee, R-Texas"); after a common
/// noun a state may open a source's title ("..., Virginia Sen. Tom Reyes.").
pub(super) fn is_place_after_comma(s: &str, range: &std::ops::Range<usize>) -> bool {
    let mut parts = s[range.start..]
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let first = parts.next().unwrap_or("");
    // "Hudson, New Hampshire": a state in two words.
    let two_words = parts.next().is_some_and(|second| {
        TWO_WORD_STATES
            .iter()
            .any(|state| state.split_once(' ') == Some((first, second)))
    });
    let before = s[..range.start].trim_end();
    let after_name = before.strip_suffix(',').is_some_and(|b| {
        b.rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    });
    after_name && (is_state(first) || two_words)
}

/// States named in two words.
const TWO_WORD_STATES: &[&str] = &[
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "South Carolina",
    "South Dakota",
    "West Virginia",
    "Rhode Island",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_in_two_words_after_a_town() {
        let s = "They met in Hudson, New Hampshire Monday.";
        let at = s.find("New").unwrap();
        assert!(is_place_after_comma(s, &(at..s.len() - 1)));
        let s = "The plan will fail, Ann Lee.";
        let at = s.find("Ann").unwrap();
        assert!(!is_place_after_comma(s, &(at..s.len() - 1)));
    }

    #[test]
    fn states_and_party_tags_but_not_names() {
        for w in [
            "Calif.", "Iowa", "S.C.", "R-Texas", "I-Vt.", "D-Fla.", "N.H.",
        ] {
            assert!(is_state(w), "{w}");
        }
        for w in ["Sanders", "Reynolds", "Okafor", "calif.", "R-", "Workers"] {
            assert!(!is_state(w), "{w}");
        }
    }
}
