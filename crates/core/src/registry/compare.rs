//! Whether written words are a misspelling of a registry form, and how far off they are.
//!
//! Word by word, by the rules for the kind of name: pinyin for names written family name
//! first, transliteration folding for the rest; other-gender forms of a family name are other
//! people, and a short word may carry a typo only when the rest of a long name vouches for it.

use super::spelling::{self, Rules};
use super::{Entity, Kind, NameIndex, Separator};

/// How close written words are to a registry form, in half-edits, and whether they are the two
/// words of the form swapped; `None` when they are not a misspelling of it.
pub fn compare<W: AsRef<str>, F: AsRef<str>>(
    written: &[W],
    form: &[F],
    entity: &Entity,
    index: &NameIndex,
) -> Option<(u32, bool)> {
    let family_first = entity.family_first();
    let same_but_case = written
        .iter()
        .zip(form)
        .all(|(w, f)| spelling::same_but_case(w.as_ref(), f.as_ref()));
    if same_but_case {
        return None;
    }
    let straight = || {
        let costs: Vec<Option<u32>> = written
            .iter()
            .zip(form)
            .map(|(w, f)| near_word(w.as_ref(), f.as_ref(), entity))
            .collect();
        let mut cost = 0;
        let mut exact = 0;
        for (k, (w, f)) in written.iter().zip(form).enumerate() {
            let (w, f) = (w.as_ref(), f.as_ref());
            let c = match costs[k] {
                Some(c) => c,
                // A short word may carry a typo when the rest of a long name is exact.
                None if !family_first && vouched_for(written.len(), form, &costs, k) => {
                    spelling::near_by(
                        w,
                        f,
                        Rules {
                            pinyin: false,
                            vouched: true,
                        },
                    )?
                }
                None => return None,
            };
            // A word that is itself a registry name is a different name, not a typo.
            if c > 1 && index.is_known_word(w) {
                return None;
            }
            exact += usize::from(c == 0);
            cost += c;
        }
        // A single word must be one typo away and long enough not to be another word; a longer
        // name keeps one word intact.
        let plausible = if written.len() == 1 {
            cost <= 2 && written[0].as_ref().chars().count() >= 6
        } else {
            exact >= 1 || cost <= written.len() as u32
        };
        plausible.then_some((cost, false))
    };
    let swapped = || {
        (written.len() == 2
            && spelling::same_plain(written[0].as_ref(), form[1].as_ref())
            && spelling::same_plain(written[1].as_ref(), form[0].as_ref()))
        .then_some((2, true))
    };
    straight().or_else(swapped)
}

/// Whether every word but `k` is written exactly and they make at least five letters: then the
/// name is recognisable from them and word `k` is a typo, not another name.
fn vouched_for<F: AsRef<str>>(
    written_len: usize,
    form: &[F],
    costs: &[Option<u32>],
    k: usize,
) -> bool {
    let others = (0..written_len).filter(|&j| j != k);
    written_len > 1
        && others.clone().all(|j| costs[j] == Some(0))
        && others
            .map(|j| form[j].as_ref().chars().count())
            .sum::<usize>()
            >= 5
}

/// How far a written word is from a word of `entity`'s name, by the rules for its kind of name.
/// Remembered per thread by the pair of words and the rules: a misspelling search compares a
/// story's words with the words of many forms, which share their words ("Bank", "Ministry"),
/// and each span of a run of capitalised words compares its words again.
pub fn near_word(written: &str, canonical: &str, entity: &Entity) -> Option<u32> {
    let person = entity.kind == Kind::Person;
    let pinyin = entity.family_first();
    NEAR_WORDS.with(|cell| {
        let (key, memo) = &mut *cell.borrow_mut();
        // The rules, then the written word's length, so that no two pairs share a key.
        key.clear();
        key.push(u8::from(person) << 1 | u8::from(pinyin));
        key.extend_from_slice(&(written.len() as u64).to_le_bytes());
        key.extend_from_slice(written.as_bytes());
        key.extend_from_slice(canonical.as_bytes());
        if let Some(&found) = memo.get(key.as_slice()) {
            return found;
        }
        let found = if person && spelling::is_other_gender(written, canonical) {
            None
        } else {
            spelling::near_by(
                written,
                canonical,
                Rules {
                    pinyin,
                    vouched: false,
                },
            )
        };
        if memo.len() >= NEAR_WORDS_MAX {
            memo.clear();
        }
        memo.insert(key.as_slice().into(), found);
        found
    })
}

/// How many word pairs [`NEAR_WORDS`] keeps before it starts again.
const NEAR_WORDS_MAX: usize = 1 << 16;

/// Key (see [`near_word`]) to cost, with a buffer for building keys.
type NearWords = (Vec<u8>, rustc_hash::FxHashMap<Box<[u8]>, Option<u32>>);

thread_local! {
    /// [`near_word`]'s answers. Bounded, so a long-running server keeps no history.
    static NEAR_WORDS: std::cell::RefCell<NearWords> = Default::default();
}

/// Words with the hyphenated ones joined: "Lai Ching-te" gives "Lai", "Chingte".
pub fn units<W: AsRef<str>>(words: &[W], separators: &[Separator]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (j, w) in words.iter().enumerate() {
        match out.last_mut() {
            Some(last) if j > 0 && separators.get(j - 1) == Some(&Separator::Hyphen) => {
                last.push_str(w.as_ref())
            }
            _ => out.push(w.as_ref().to_string()),
        }
    }
    out
}
