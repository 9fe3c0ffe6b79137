//! The forms a span's written words share: the candidates a misspelling search compares.

use super::near::NearForms;
use crate::registry::spelling::{Counted, Folded};
use crate::registry::{NameIndex, Separator};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::Arc;

/// The forms worth comparing with a span: of its length, and found near every written word but
/// at most one. The index reaches one edit on the transliteration skeleton, which a typo in a
/// folded letter ("Jospeh", "Qisng") or a second typo escapes; a misspelled name keeps its other
/// words, which find it. Sorted. A form missing from word `k`'s list is kept only if its word
/// `k` may still be near the written one ([`Folded::may_be_near`]), or, in a two-word form, the
/// other written word (the name swapped).
///
/// Every form on every list but `k`'s is on the shortest list, or, when `k`'s is the shortest,
/// on the second shortest: `k`'s candidates are walked from there. Their words are counted once
/// per thread and registry ([`FORM_WORDS`]), for the same forms come back span after span
/// ("University of ..." for "Uniiversity of Velilton", "Univresity of Kardale": 3,000 forms).
pub(super) fn shared_candidates(
    written: &[&str],
    separators: &[Separator],
    lists: &[Arc<NearForms>],
    index: &NameIndex,
    registry: u64,
) -> Vec<u32> {
    let n = written.len();
    // Hyphenated words compare as joined units, which need not line up with the form's words.
    let hyphenated = separators.contains(&Separator::Hyphen);
    let mut by_len: Vec<usize> = (0..n).collect();
    by_len.sort_by_key(|&j| lists[j].ids.len());
    let on = |j: usize, id: u32| lists[j].ids.binary_search(&id).is_ok();
    let on_all_but = |skip: usize, id: u32| (0..n).all(|j| j == skip || on(j, id));
    let shortest = by_len[0];
    let mut found: Vec<u32> = (lists[shortest].of_count(index, n).iter().copied())
        .filter(|&id| on_all_but(shortest, id))
        .collect();
    let Some(&second) = by_len.get(1) else {
        return found;
    };
    // Folded once per span, and only when some form is missing from one list.
    let mut folded: Option<Vec<Folded>> = None;
    for k in 0..n {
        let from = &lists[if k == shortest { second } else { shortest }];
        let missing =
            (from.of_count(index, n).iter().copied()).filter(|&id| !on(k, id) && on_all_but(k, id));
        if hyphenated {
            found.extend(missing);
            continue;
        }
        let mut missing = missing.peekable();
        if missing.peek().is_none() {
            continue;
        }
        let written =
            folded.get_or_insert_with(|| written.iter().map(|w| Folded::new(w)).collect());
        FORM_WORDS.with_borrow_mut(|words| {
            words.start(registry);
            // Many forms share a word ("University" at `k` = 0): each asked about once.
            let mut answers: FxHashMap<u32, bool> = FxHashMap::default();
            for id in missing {
                let near = words.at(index, id, k).is_none_or(|w| {
                    *answers.entry(w).or_insert_with(|| {
                        let f = &words.counted[w as usize];
                        written[k].may_be_near_counted(f)
                            || (n == 2 && written[1 - k].may_be_near_counted(f))
                    })
                });
                if near {
                    found.push(id);
                }
            }
        });
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// Registry forms' words, counted for [`Folded::may_be_near_counted`] as a misspelling search
/// asks about them: by form and position, each distinct word counted once.
#[derive(Default)]
struct FormWords {
    /// The [`Registry::generation`](crate::registry::Registry::generation) the forms are of.
    registry: u64,
    /// Form and position to the word's number in `counted`; `None` when the form's peek stops
    /// short of the position.
    at: FxHashMap<(u32, usize), Option<u32>>,
    numbers: FxHashMap<Box<str>, u32>,
    counted: Vec<Counted>,
}

impl FormWords {
    /// Starts again for another registry, or when full.
    fn start(&mut self, registry: u64) {
        if self.registry != registry || self.at.len() >= FORM_WORDS_MAX {
            *self = FormWords {
                registry,
                ..FormWords::default()
            };
        }
    }

    /// The number of form `id`'s word `k`, peeked as [`NameIndex::peek_words`] gives it with
    /// `k + 1` words wanted.
    fn at(&mut self, index: &NameIndex, id: u32, k: usize) -> Option<u32> {
        if let Some(&number) = self.at.get(&(id, k)) {
            return number;
        }
        let (_, words) = index.peek_words(id, k + 1);
        let number = words.get(k).map(|w| match self.numbers.get(*w) {
            Some(&number) => number,
            None => {
                let number = self.counted.len() as u32;
                self.counted.push(Counted::new(w));
                self.numbers.insert((*w).into(), number);
                number
            }
        });
        self.at.insert((id, k), number);
        number
    }
}

/// How many form words [`FORM_WORDS`] keeps before it starts again.
const FORM_WORDS_MAX: usize = 1 << 18;

thread_local! {
    /// The form words a misspelling search asked about on this thread. Bounded, so a
    /// long-running server keeps no history.
    static FORM_WORDS: RefCell<FormWords> = Default::default();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{mapped, parse_registry, Registry};

    /// The search as it was before forms were walked by word: every form of the two shortest
    /// lists, each missing one peeked and asked about.
    fn every_form(
        written: &[&str],
        hyphenated: bool,
        lists: &[Arc<NearForms>],
        index: &NameIndex,
    ) -> Vec<u32> {
        let n = written.len();
        let mut by_len: Vec<&NearForms> = lists.iter().map(|l| &**l).collect();
        by_len.sort_by_key(|l| l.ids.len());
        let mut seeds: Vec<u32> = (by_len.iter().take(2))
            .flat_map(|l| l.of_count(index, n))
            .copied()
            .collect();
        seeds.sort_unstable();
        seeds.dedup();
        let folded: Vec<Folded> = written.iter().map(|w| Folded::new(w)).collect();
        seeds.retain(|&id| {
            let mut missing = (0..n).filter(|&k| lists[k].ids.binary_search(&id).is_err());
            match (missing.next(), missing.next()) {
                (None, _) => true,
                (Some(k), None) => {
                    n > 1
                        && (hyphenated || {
                            let (_, words) = index.peek_words(id, k + 1);
                            words.get(k).is_none_or(|f| {
                                folded[k].may_be_near(f) || (n == 2 && folded[1 - k].may_be_near(f))
                            })
                        })
                }
                _ => false,
            }
        });
        seeds
    }

    #[test]
    fn forms_walked_by_word_are_the_forms_walked_one_by_one() {
        let places = [
            "Kardale",
            "Falarmere",
            "Linenport",
            "Calenburg",
            "Torilvik",
            "Ravoburg",
            "Silarburg",
            "Toretford",
            "Maravik",
            "Velilton",
            "Stonerford",
            "Kardal",
            "Österby",
            "Ostreby",
        ];
        let mut entities = Vec::new();
        for (i, p) in places.iter().enumerate() {
            for (j, name) in [
                format!("University of {p}"),
                format!("Bank of {p}"),
                format!("{p} University"),
                format!("Anna {p}"),
                format!("{p}-Lena Berg"),
            ]
            .iter()
            .enumerate()
            {
                let kind = if j == 3 { "person" } else { "organization" };
                entities.push(format!(
                    r#"{{"id": "e{i}-{j}", "kind": "{kind}", "name": "{name}"}}"#
                ));
            }
        }
        let json = format!(r#"{{"version": 1, "entities": [{}]}}"#, entities.join(","));
        let parsed = Registry::from_files([parse_registry("r.json", &json).unwrap()]);
        let bytes = mapped::write(&parsed, &[]).unwrap();
        let mapped = Registry::from_index(mapped::MappedRegistry::open(Box::new(bytes)).unwrap());
        let spans = [
            "Uniiversity of Falarmere",
            "Univresity of Kardale",
            "University of Kardle",
            "Univesity of Ostreby",
            "University of Österby",
            "Bank of Torilvk",
            "Bnak of Maravik",
            "Kardale Univrsity",
            "Anna Kardael",
            "Ana Kardale",
            "Kardale Anna",
            "Falarmere Anna",
            "Anna",
            "Kardale",
            "Torilvik-Lena Berg",
            "Torilvk-Lena Berg",
            "Uniiversity of of",
            "Universty of Velilton Stonerford",
        ];
        // Forms kept though missing from one word's list: what the walk by word finds.
        let mut kept_missing_one = 0;
        for registry in [&parsed, &mapped] {
            let index = registry.index();
            for span in spans {
                let written: Vec<&str> = span.split([' ', '-']).collect();
                let hyphenated = span.contains('-');
                let separators: Vec<Separator> = (1..written.len())
                    .map(|k| {
                        if hyphenated && k == 1 {
                            Separator::Hyphen
                        } else {
                            Separator::Space
                        }
                    })
                    .collect();
                let lists: Vec<Arc<NearForms>> = (written.iter())
                    .map(|w| {
                        let mut ids = Vec::new();
                        index.near_candidates(w, &mut ids);
                        Arc::new(NearForms::new(ids))
                    })
                    .collect();
                let expected = every_form(&written, hyphenated, &lists, index);
                kept_missing_one += (expected.iter())
                    .filter(|&&id| lists.iter().any(|l| l.ids.binary_search(&id).is_err()))
                    .count();
                // Twice: the second time with the forms' words counted the first.
                for _ in 0..2 {
                    assert_eq!(
                        shared_candidates(
                            &written,
                            &separators,
                            &lists,
                            index,
                            registry.generation()
                        ),
                        expected,
                        "{span}"
                    );
                }
            }
        }
        assert!(kept_missing_one >= 10, "{kept_missing_one}");
    }
}
