//! The forms a span's written words share: the candidates a misspelling search compares.

use super::near::NearForms;
use crate::registry::spelling::{Counted, Folded};
use crate::registry::{NameIndex, Separator};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;
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
        if hyphenated {
            let from = &lists[if k == shortest { second } else { shortest }];
            let missing = (from.of_count(index, n).iter().copied())
                .filter(|&id| !on(k, id) && on_all_but(k, id));
            found.extend(missing);
            continue;
        }
        FORM_WORDS.with_borrow_mut(|words| {
            words.start(registry);
            let group = words.group(index, written, lists, k);
            if group.ids.is_empty() && group.unworded.is_empty() {
                return;
            }
            let missing = |id: &&u32| !on(k, **id);
            let written =
                folded.get_or_insert_with(|| written.iter().map(|w| Folded::new(w)).collect());
            found.extend(group.unworded.iter().filter(missing));
            for &(w, start, end) in &group.words {
                let f = &words.counted[w as usize];
                let near = written[k].may_be_near_counted(f)
                    || (n == 2 && written[1 - k].may_be_near_counted(f));
                if near {
                    found.extend(
                        group.ids[start as usize..end as usize]
                            .iter()
                            .filter(missing),
                    );
                }
            }
        });
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// The forms of a span's length on every written word's list but word `k`'s, by their word
/// `k`: what a misspelling in word `k` may be of. The same for every span that shares the
/// other words ("University of Kardle", "University of Falarmre": 3,000 "University of ..."
/// forms), so built once per thread and kept in [`FormWords`].
#[derive(Default)]
struct Group {
    /// Word `k`'s number in [`FormWords::counted`], and where its forms are in `ids`.
    words: Vec<(u32, u32, u32)>,
    /// The forms with a word `k`, by word.
    ids: Vec<u32>,
    /// Forms whose peek stops short of word `k`: kept whatever word `k` is written.
    unworded: Vec<u32>,
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
    /// Groups by span length, `k` and the other written words ([`group_key`]).
    groups: FxHashMap<String, Rc<Group>>,
    /// How many forms `groups` holds.
    grouped: usize,
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

    /// The [`Group`] of written words' forms for word `k`, built the first time it is asked for
    /// (a small one each time: keeping it would cost more than building it).
    fn group(
        &mut self,
        index: &NameIndex,
        written: &[&str],
        lists: &[Arc<NearForms>],
        k: usize,
    ) -> Rc<Group> {
        let n = written.len();
        // Walked from the shortest of the other lists.
        let from = (0..n)
            .filter(|&j| j != k)
            .min_by_key(|&j| lists[j].ids.len())
            .expect("a span of two words or more");
        let seeds = lists[from].of_count(index, n);
        if seeds.len() < GROUP_KEPT_FROM {
            return Rc::new(self.build(index, lists, (k, from), seeds));
        }
        let key = group_key(written, k);
        if let Some(group) = self.groups.get(&key) {
            return group.clone();
        }
        let group = Rc::new(self.build(index, lists, (k, from), seeds));
        let size = group.ids.len() + group.unworded.len();
        if self.grouped + size > GROUPED_MAX {
            self.groups.clear();
            self.grouped = 0;
        }
        self.grouped += size;
        self.groups.insert(key, group.clone());
        group
    }

    /// The [`Group`] of the `seeds` (list `from`'s forms of the span's length) on every list
    /// but `k`'s.
    fn build(
        &mut self,
        index: &NameIndex,
        lists: &[Arc<NearForms>],
        (k, from): (usize, usize),
        seeds: &[u32],
    ) -> Group {
        let on = |j: usize, id: u32| lists[j].ids.binary_search(&id).is_ok();
        let mut group = Group::default();
        let mut worded: Vec<(u32, u32)> = Vec::new();
        for &id in seeds {
            // A seed is on its own list: a span of two words asks nothing more.
            if !(0..lists.len()).all(|j| j == k || j == from || on(j, id)) {
                continue;
            }
            match self.at(index, id, k) {
                None => group.unworded.push(id),
                Some(w) => worded.push((w, id)),
            }
        }
        worded.sort_unstable();
        for same in worded.chunk_by(|a, b| a.0 == b.0) {
            let start = group.ids.len() as u32;
            group.ids.extend(same.iter().map(|&(_, id)| id));
            group.words.push((same[0].0, start, group.ids.len() as u32));
        }
        group
    }

    /// The number of form `id`'s word `k`, peeked as [`NameIndex::peek_word`] gives it.
    fn at(&mut self, index: &NameIndex, id: u32, k: usize) -> Option<u32> {
        if let Some(&number) = self.at.get(&(id, k)) {
            return number;
        }
        let number = index.peek_word(id, k).map(|w| match self.numbers.get(w) {
            Some(&number) => number,
            None => {
                let number = self.counted.len() as u32;
                self.counted.push(Counted::new(w));
                self.numbers.insert(w.into(), number);
                number
            }
        });
        self.at.insert((id, k), number);
        number
    }
}

/// A [`Group`]'s key: the span's length, `k`, and the other words, each after its length.
fn group_key(written: &[&str], k: usize) -> String {
    let mut key = format!("{} {k}", written.len());
    for (j, w) in written.iter().enumerate() {
        if j != k {
            key.push(' ');
            key.push_str(&w.len().to_string());
            key.push(':');
            key.push_str(w);
        }
    }
    key
}

/// The fewest seeds of a [`Group`] worth keeping.
const GROUP_KEPT_FROM: usize = 64;

/// How many forms [`FormWords::groups`] holds before it starts again.
const GROUPED_MAX: usize = 1 << 20;

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
