//! Comparing a written title with one registry role, like with like.
//!
//! The title must be the role's title or one of its aliases once normalised; "vice", "deputy",
//! "first deputy" and "acting" make different titles. The organisation is compared only when
//! both sides name one the registry can resolve: an organisation the registry does not know is
//! no evidence either way.

use super::lexicon::{core, normalise};
use super::Org;
use crate::registry::{Entity, Kind, Registry, Role, RoleOf};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;

/// How a written organisation compares with a role's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    Same,
    Different,
    /// One side is missing or cannot be resolved.
    Unknown,
}

/// How a written title compares with a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The title names this role.
    Same,
    /// The same office at another rank ("vice chairman" for "chairman"), another title in the
    /// same organisation, or the same title in another organisation: a likely mistake for it.
    Related,
    /// Nothing to do with this role.
    Other,
}

/// A role title normalised, and its core (the title without its ranks).
#[derive(Clone)]
struct Wording {
    full: Rc<str>,
    core: Rc<str>,
}

type Memo<T> = RefCell<FxHashMap<Box<str>, T>>;

thread_local! {
    // A long draft compares its titles with the same few hundred registry titles tens of
    // thousands of times; normalising is pure, so each title is normalised once per thread.
    static WORDINGS: Memo<Wording> = RefCell::default();
    static CORES: Memo<Rc<str>> = RefCell::default();
}

/// Past this many titles a memo starts afresh, so a server's memory stays bounded.
const MEMO_LIMIT: usize = 8192;

fn memo<T: Clone>(
    key: &'static std::thread::LocalKey<Memo<T>>,
    raw: &str,
    f: impl FnOnce() -> T,
) -> T {
    key.with(|m| {
        if let Some(v) = m.borrow().get(raw) {
            return v.clone();
        }
        let v = f();
        let mut m = m.borrow_mut();
        if m.len() >= MEMO_LIMIT {
            m.clear();
        }
        m.insert(raw.into(), v.clone());
        v
    })
}

fn wording(raw: &str) -> Wording {
    memo(&WORDINGS, raw, || {
        let full = normalise(raw);
        let core = core(&full);
        Wording {
            full: full.into(),
            core: core.into(),
        }
    })
}

/// Every normalised wording of a role's title.
fn wordings(role: &Role) -> impl Iterator<Item = Wording> + '_ {
    std::iter::once(&role.title)
        .chain(&role.aliases)
        .map(|t| wording(t))
}

pub fn relation(registry: &Registry, title: &str, org: Option<&Org>, role: &Role) -> Relation {
    let fit = match (org, &role.of) {
        (Some(org), Some(of)) => org_fit(registry, org, of),
        _ => Fit::Unknown,
    };
    if wordings(role).any(|w| *w.full == *title) {
        return if fit == Fit::Different {
            Relation::Related
        } else {
            Relation::Same
        };
    }
    // "the head of the Federal Reserve" describes its chairman rather than miscalls him.
    let generic = matches!(title, "head" | "chief");
    if fit == Fit::Same && !generic {
        return Relation::Related;
    }
    let title_core = memo(&CORES, title, || core(title).into());
    if !title_core.is_empty() && wordings(role).any(|w| w.core == title_core) {
        Relation::Related
    } else {
        Relation::Other
    }
}

/// Whether a written organisation is the one a role is held in.
pub fn org_fit(registry: &Registry, org: &Org, of: &RoleOf) -> Fit {
    match (org, of) {
        (Org::Entity(e), RoleOf::Entity(id)) => {
            let written = registry.entity(*e);
            if written.id == *id {
                return Fit::Same;
            }
            let Some(role_org) = registry.get(id) else {
                return Fit::Unknown;
            };
            // "Russia's president" says where, not which body: it does not contradict a role
            // in the Kremlin; two organisations, or two places, do contradict each other.
            if (written.kind == Kind::Place) == (role_org.kind == Kind::Place) {
                Fit::Different
            } else {
                Fit::Unknown
            }
        }
        (Org::Entity(e), RoleOf::Text(text)) => same_names(registry.entity(*e), &normalise(text)),
        (Org::Text(text), RoleOf::Entity(id)) => registry
            .get(id)
            .map_or(Fit::Unknown, |e| same_names(e, text)),
        (Org::Text(written), RoleOf::Text(text)) => {
            if *written == normalise(text) {
                Fit::Same
            } else {
                Fit::Unknown
            }
        }
    }
}

/// Same when `text` is one of the entity's names; unknown otherwise, since free text may name
/// the organisation in words the registry does not list.
fn same_names(entity: &Entity, text: &str) -> Fit {
    let same = std::iter::once(&entity.name)
        .chain(&entity.aliases)
        .any(|n| normalise(n) == text);
    if same {
        Fit::Same
    } else {
        Fit::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The memo answers as normalising afresh does, the first time and when asked again.
    #[test]
    fn memoised_wordings_answer_as_normalising_does() {
        for raw in [
            "Vice Chairman",
            "First Deputy Prime Minister",
            "Secretary-General",
            "président",
        ] {
            for _ in 0..2 {
                let w = wording(raw);
                assert_eq!(*w.full, normalise(raw));
                assert_eq!(*w.core, core(&normalise(raw)));
            }
        }
    }
}
