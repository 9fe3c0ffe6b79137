//! The words titles are made of, and how two wordings of a title are made comparable.
//!
//! A title is a run of title words that ends in a *head*: "vice chairman", "foreign minister",
//! "secretary-general". Words outside these lists ("top", "veteran", "lawmaker", "aide") make a
//! description, which is never compared with the registry. A person's own registry roles add
//! their words, so "associate research fellow" is read as a title for someone who holds it.

use crate::analysis::tokens::words;
use crate::registry::spelling::plain;

/// Words that end a formal title.
const HEADS: &[&str] = &[
    "adviser",
    "advisor",
    "ambassador",
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "coo",
    "councillor",
    "councilor",
    "dean",
    "director",
    "envoy",
    "executive",
    "fellow",
    "general",
    "governor",
    "head",
    "leader",
    "mayor",
    "minister",
    "premier",
    "president",
    "professor",
    "prosecutor",
    "rector",
    "representative",
    "researcher",
    "secretary",
    "senator",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "treasurer",
];

/// Words that make a different title of the same office: "vice chairman" is not "chairman",
/// and "first deputy" is not "deputy".
const RANKS: &[&str] = &[
    "acting",
    "assistant",
    "associate",
    "co",
    "deputy",
    "first",
    "junior",
    "lieutenant",
    "principal",
    "second",
    "senior",
    "under",
    "vice",
];

/// Other words that may stand before a head inside a title: portfolios and kinds of office.
const MODIFIERS: &[&str] = &[
    "agriculture",
    "attorney",
    "cabinet",
    "commerce",
    "culture",
    "defence",
    "defense",
    "development",
    "economy",
    "education",
    "energy",
    "environment",
    "executive",
    "finance",
    "foreign",
    "health",
    "home",
    "industry",
    "interior",
    "justice",
    "labor",
    "labour",
    "majority",
    "managing",
    "military",
    "minority",
    "national",
    "opposition",
    "parliamentary",
    "party",
    "permanent",
    "presidential",
    "press",
    "prime",
    "research",
    "science",
    "security",
    "special",
    "state",
    "surgeon",
    "trade",
    "transport",
];

/// Different spellings of one title word.
const FOLDS: &[(&str, &str)] = &[
    ("chair", "chairman"),
    ("chairperson", "chairman"),
    ("chairwoman", "chairman"),
    ("spokesperson", "spokesman"),
    ("spokeswoman", "spokesman"),
    ("congresswoman", "congressman"),
    ("defense", "defence"),
    ("labor", "labour"),
    ("advisor", "adviser"),
    ("councilor", "councillor"),
];

/// Words that say a title was held before the story's date.
pub fn is_former(word: &str) -> bool {
    matches!(word, "former" | "ex")
}

/// "then-chairman": held at the time the story looks back to.
pub fn is_then(word: &str) -> bool {
    word == "then"
}

pub fn is_article(word: &str) -> bool {
    matches!(word, "a" | "an" | "the")
}

pub fn is_rank(word: &str) -> bool {
    RANKS.contains(&word)
}

/// The words a person's own roles add to the lexicon: every word of their titles and title
/// aliases, and each title's last word as a head.
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: Vec<String>,
    heads: Vec<String>,
}

impl Vocabulary {
    pub fn for_roles<'a>(titles: impl Iterator<Item = &'a str>) -> Vocabulary {
        let mut v = Vocabulary::default();
        for title in titles {
            let ws: Vec<String> = words(title).map(|(_, w)| plain(w)).collect();
            if let Some(last) = ws.last() {
                if !v.heads.contains(last) {
                    v.heads.push(last.clone());
                }
            }
            for w in ws {
                if !v.words.contains(&w) {
                    v.words.push(w);
                }
            }
        }
        v
    }

    /// `word` is lower case without diacritics (see [`plain`]).
    pub fn is_head(&self, word: &str) -> bool {
        HEADS.contains(&word) || self.heads.iter().any(|h| h == word)
    }

    pub fn is_title_word(&self, word: &str) -> bool {
        // "under" is a rank only in a person's own title ("under secretary"); elsewhere it is
        // the preposition: "under President Obama".
        self.is_head(word)
            || (RANKS.contains(&word) && word != "under")
            || MODIFIERS.contains(&word)
            || self.words.iter().any(|w| w == word)
    }
}

/// Whether `word`, as written, is a word of the general title lexicon ("Director", "Prime",
/// "Minister"): for readers that must tell a title before a name from a given name.
pub fn is_title_word(word: &str) -> bool {
    Vocabulary::default().is_title_word(&plain(word))
}

/// A title in comparable form: lower case, no diacritics, hyphens and spacing as single spaces,
/// gendered and national spellings folded ("Vice-Chairwoman" gives "vice chairman").
pub fn normalise(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for (_, w) in words(title) {
        let w = plain(w);
        let w = FOLDS
            .iter()
            .find(|(from, _)| *from == w)
            .map_or(w.as_str(), |(_, to)| to);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The title that the last of `written` (words in order, as written) end with, normalised:
/// "Prime Minister" in "Britain's Prime Minister" gives "prime minister". `None` unless the
/// last word is a head. Only the general lexicon counts: nobody's roles are known yet.
pub fn trailing_title(written: &[&str]) -> Option<String> {
    let vocab = Vocabulary::default();
    let plain_words: Vec<String> = written
        .iter()
        .flat_map(|w| words(w).map(|(_, w)| plain(w)))
        .collect();
    if !vocab.is_head(plain_words.last()?) {
        return None;
    }
    let start = plain_words
        .iter()
        .rposition(|w| !vocab.is_title_word(w))
        .map_or(0, |i| i + 1);
    Some(normalise(&plain_words[start..].join(" ")))
}

/// The title without its rank words: "first deputy chief of staff" gives "chief of staff".
pub fn core(normalised: &str) -> String {
    normalised
        .split(' ')
        .filter(|w| !is_rank(w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_read_back_from_its_head() {
        assert_eq!(
            trailing_title(&["Britain's", "Prime", "Minister"]).as_deref(),
            Some("prime minister")
        );
        assert_eq!(
            trailing_title(&["Vice-Chairwoman"]).as_deref(),
            Some("vice chairman")
        );
        assert_eq!(trailing_title(&["met", "with"]), None);
        assert_eq!(trailing_title(&[]), None);
    }

    #[test]
    fn wordings_of_one_title_normalise_alike() {
        assert_eq!(normalise("Vice-Chairman"), "vice chairman");
        assert_eq!(normalise("vice  chairman"), "vice chairman");
        assert_eq!(normalise("Secretary-General"), "secretary general");
        assert_eq!(normalise("Chairwoman"), "chairman");
        assert_eq!(normalise("Defense Minister"), "defence minister");
    }

    #[test]
    fn ranks_are_part_of_the_title_but_not_of_its_core() {
        assert_ne!(normalise("deputy chairman"), normalise("vice chairman"));
        assert_eq!(core("first deputy chief of staff"), "chief of staff");
        assert_eq!(core("vice chairman"), "chairman");
    }

    #[test]
    fn a_persons_roles_extend_the_lexicon() {
        let v = Vocabulary::for_roles(["associate research fellow", "tsar"].into_iter());
        assert!(v.is_head("tsar"));
        assert!(v.is_title_word("associate"));
        assert!(!v.is_title_word("legislator"));
        assert!(!Vocabulary::default().is_head("lawmaker"));
        assert!(!Vocabulary::default().is_title_word("under"));
        assert!(Vocabulary::for_roles(["under secretary"].into_iter()).is_title_word("under"));
    }
}
