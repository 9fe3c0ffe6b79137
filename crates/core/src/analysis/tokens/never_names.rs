//! Capitalised words that are never a name, in any reader: words that open sentences
//! ("The", "However", "According"), days and months. A capital on one of them says nothing, so
//! it is neither a source ("However said" is no attribution) nor a misspelled name.

// A fixed list, not attacker-chosen: a fast hash beats SipHash's flooding resistance here.
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

const LIST: &str = "\
    The This That These Those There They Their A An In On At For As If When While After Before \
    Since But And Yet So Such All Some Many Most Both Its His Her Our What Which Monday Tuesday \
    Wednesday Thursday Friday Saturday Sunday January February March April May June July August \
    September October November December Also However Meanwhile Moreover Still Last Next Earlier \
    Later Today Yesterday Tomorrow Overall Elsewhere Separately Here Now Then Thus Instead \
    Nevertheless Despite During Under Over By With From Across Throughout Amid Among Until \
    Within Without Through Against Like Unlike Given Following According Because Although Though \
    Even Only Just Once Every Each Several Few More Less Other Another No Not Neither Either Nor \
    Or Whether How Why Who Where Asked To Of Into About Around Near Outside Inside Behind Beyond \
    Toward Towards Afterwards Overnight Initially Eventually Finally Ultimately Currently \
    Recently Previously Traditionally Historically Nationwide Worldwide Together Otherwise \
    Nonetheless Similarly Altogether Alternatively Apparently Reportedly Officially \
    Subsequently Consequently Accordingly Hence Therefore Indeed Perhaps Already Again Soon \
    Shortly Immediately Ahead Back Abroad Locally Globally Nearly Almost Roughly Approximately \
    Fewer Up Exactly Barely Well Close Upwards Along Alongside Beside Besides Beneath Below \
    Above Except Absent Prior Unless Upon Regardless Notwithstanding Whatever Whoever Whichever \
    Whenever Wherever Specifically Sometimes Often Always Never Usually Typically Generally \
    Particularly Especially Notably Too Rather Adding Added Worried Himself Herself Itself \
    Themselves";

static SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| LIST.split_whitespace().collect());

/// Whether `word`, as written, is never a name.
pub fn is_never_a_name(word: &str) -> bool {
    // Every entry opens with an ASCII capital: most words are answered before hashing.
    word.starts_with(|c: char| c.is_ascii_uppercase()) && SET.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_openers_days_and_months_are_never_names() {
        for w in [
            "The",
            "However",
            "Monday",
            "December",
            "They",
            "According",
            "Alongside",
            "Whatever",
            "Specifically",
        ] {
            assert!(is_never_a_name(w), "{w}");
        }
        // As written: a capitalised "May" is never read as a misspelled name, but "MAY" in a
        // headline is not on the list, and neither is a name.
        for w in ["the", "MAY", "Zhao", "Reuters"] {
            assert!(!is_never_a_name(w), "{w}");
        }
        // What `is_never_a_name` checks before it looks.
        assert!(LIST
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase())));
    }
}
