//! Chinese names in pinyin: one spelling per syllable, so one letter often makes another name.
//!
//! A misspelling of a one-syllable word ("Qiang", "Zhao") is only recognised when it is not a
//! syllable itself: "Quiang" and "Zhoa" are typos, "Qing" and "Zhou" are other names.

use super::spelling::plain;

const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w",
];

const FINALS: &[&str] = &[
    "a", "o", "e", "i", "u", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "ia",
    "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui", "uan", "un",
    "uang", "ue", "ueng",
];

/// Whether `s` (compared [`plain`]) is one pinyin syllable.
pub fn is_syllable(s: &str) -> bool {
    let p = plain(s);
    let rest = INITIALS
        .iter()
        .find_map(|i| p.strip_prefix(i))
        .unwrap_or(&p);
    FINALS.contains(&rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::spelling::{near_by, Rules};

    fn near(written: &str, canonical: &str) -> Option<u32> {
        near_by(
            written,
            canonical,
            Rules {
                pinyin: true,
                vouched: false,
            },
        )
    }

    #[test]
    fn syllables() {
        for s in [
            "Zhao", "Zhou", "Qiang", "Qing", "Zhen", "Zheng", "Lei", "Yi", "Wang", "Xi",
        ] {
            assert!(is_syllable(s), "{s}");
        }
        for s in ["Zhoa", "Quiang", "Leji", "Jinping", "Lijian", "Wnag"] {
            assert!(!is_syllable(s), "{s}");
        }
    }

    #[test]
    fn one_letter_from_a_syllable_is_another_name_unless_it_is_no_syllable() {
        assert_eq!(near("Qing", "Qiang"), None);
        assert_eq!(near("Zhen", "Zheng"), None);
        assert_eq!(near("Zhou", "Zhao"), None);
        assert_eq!(near("Quiang", "Qiang"), Some(2));
        assert_eq!(near("Zhoa", "Zhao"), Some(2));
    }

    #[test]
    fn longer_given_names_carry_one_typo_but_no_transliteration() {
        assert_eq!(near("Leiji", "Leji"), Some(2));
        assert_eq!(near("Jingping", "Jinping"), Some(2));
        assert_eq!(near("Lei", "Leji"), None);
        assert_eq!(near("Xí", "Xi"), Some(1));
    }
}
