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

/// [`near`](super::spelling::near) for a word of a name written in pinyin, without the
/// transliteration folding that suits Russian names.
pub fn near(written: &str, canonical: &str) -> Option<u32> {
    if written.to_lowercase() == canonical.to_lowercase() {
        return Some(0);
    }
    let (pw, pc) = (plain(written), plain(canonical));
    if pw == pc {
        return Some(1);
    }
    let len = pw.chars().count().max(pc.chars().count());
    if len <= 3 {
        return None;
    }
    let d = strsim::osa_distance(&pw, &pc);
    if is_syllable(&pc) {
        return (d == 1 && !is_syllable(&pw)).then_some(2);
    }
    let allowed = match len {
        4 => usize::from(d == 1 && strsim::levenshtein(&pw, &pc) == 2),
        5..=7 => 1,
        _ => 2,
    };
    (d <= allowed).then_some(2 * d as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

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
