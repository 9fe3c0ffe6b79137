//! Names by their beginning: what completion and workspace symbols ask ("Vyach" gives
//! Vyacheslav Volodin) without scanning the registry.
//!
//! The lead keys of [`NameIndex`] (a form's first two words, joined by NUL) sorted, so the forms
//! starting with a typed prefix are one binary search and a walk. A prebuilt index stores its
//! lead keys sorted already; a registry parsed from JSON sorts them the first time it is asked
//! (the CLI never asks, so it never pays).

use super::spelling::key;
use super::NameIndex;
use crate::analysis::tokens::words;

/// Sorted `(lead key, form id)` pairs of a registry parsed from JSON.
#[derive(Debug, Default)]
pub struct PrefixIndex {
    keys: Vec<(Box<str>, u32)>,
}

impl PrefixIndex {
    fn build(index: &NameIndex) -> PrefixIndex {
        let mut keys: Vec<(Box<str>, u32)> = index
            .by_lead
            .iter()
            .flat_map(|(k, ids)| ids.iter().map(move |&id| (k.clone(), id)))
            .collect();
        keys.sort_unstable();
        PrefixIndex { keys }
    }

    fn prefixed(&self, prefix: &str, limit: usize) -> Vec<u32> {
        let start = self.keys.partition_point(|(k, _)| &**k < prefix);
        self.keys[start..]
            .iter()
            .take_while(|(k, _)| k.starts_with(prefix))
            .take(limit)
            .map(|&(_, id)| id)
            .collect()
    }
}

impl NameIndex {
    /// The forms whose words begin as `typed` does: every typed word but the last written in
    /// full, the last one begun ("Vyacheslav Vol"). Case counts, as in exact matching. At most
    /// `limit` forms are looked at, in the order of their first words.
    pub fn forms_starting(&self, typed: &str, limit: usize) -> Vec<u32> {
        let typed: Vec<String> = words(typed).map(|(_, w)| key(w).into_owned()).collect();
        let Some(last) = typed.len().checked_sub(1) else {
            return Vec::new();
        };
        let lead = match typed.get(1) {
            Some(second) => format!("{}\u{0}{second}", typed[0]),
            None => typed[0].clone(),
        };
        let ids = match &self.mapped {
            Some(m) => m.lead_prefixed(&lead, limit),
            None => self
                .prefix
                .get_or_init(|| PrefixIndex::build(self))
                .prefixed(&lead, limit),
        };
        ids.into_iter()
            .filter(|&id| {
                let form = self.form(id);
                form.words.len() > last
                    && form.words[..last]
                        .iter()
                        .zip(&typed)
                        .all(|(w, t)| **w == **t)
                    && form.words[last].starts_with(typed[last].as_str())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::{mapped, parse_registry, Registry};

    const REGISTRY: &str = r#"{"version": 1, "entities": [
        {"id": "vv", "kind": "person", "name": "Vyacheslav Volodin", "variants": ["Vyacheslav Volodine"]},
        {"id": "vm", "kind": "person", "name": "Vyacheslav Molotov"},
        {"id": "duma", "kind": "organization", "name": "State Duma", "aliases": ["Duma"]},
        {"id": "vg", "kind": "person", "name": "Valery Gergiev"}
    ]}"#;

    /// The texts of the forms starting so, sorted.
    fn texts(r: &Registry, typed: &str) -> Vec<String> {
        let mut out: Vec<String> = r
            .index()
            .forms_starting(typed, 100)
            .into_iter()
            .map(|id| r.index().form(id).text.to_string())
            .collect();
        out.sort();
        out
    }

    #[test]
    fn parsed_and_mapped_registries_complete_alike() {
        let file = parse_registry("r.json", REGISTRY).unwrap();
        let parsed = Registry::from_files([file]);
        let bytes = mapped::write(&parsed, &[]).unwrap();
        let opened = mapped::MappedRegistry::open(Box::new(bytes)).unwrap();
        let mapped = Registry::from_index(opened);
        for r in [&parsed, &mapped] {
            assert_eq!(
                texts(r, "Vyach"),
                [
                    "Vyacheslav Molotov",
                    "Vyacheslav Volodin",
                    "Vyacheslav Volodine"
                ]
            );
            assert_eq!(
                texts(r, "Vyacheslav Vol"),
                ["Vyacheslav Volodin", "Vyacheslav Volodine"]
            );
            assert_eq!(texts(r, "Du"), ["Duma"]);
            assert_eq!(texts(r, "V").len(), 4);
            assert!(texts(r, "vyach").is_empty(), "case counts");
            assert!(texts(r, "Zz").is_empty());
            assert!(texts(r, "").is_empty());
        }
    }
}
