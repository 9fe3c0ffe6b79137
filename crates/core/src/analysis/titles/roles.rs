//! Comparing a written title with one registry role, like with like.
//!
//! The title must be the role's title or one of its aliases once normalised; "vice", "deputy",
//! "first deputy" and "acting" make different titles. The organisation is compared only when
//! both sides name one the registry can resolve: an organisation the registry does not know is
//! no evidence either way.

use super::lexicon::{core, normalise};
use super::Org;
use crate::registry::{Entity, Kind, Registry, Role, RoleOf};

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

/// Every normalised wording of a role's title.
fn wordings(role: &Role) -> impl Iterator<Item = String> + '_ {
    std::iter::once(&role.title)
        .chain(&role.aliases)
        .map(|t| normalise(t))
}

pub fn relation(registry: &Registry, title: &str, org: Option<&Org>, role: &Role) -> Relation {
    let fit = match (org, &role.of) {
        (Some(org), Some(of)) => org_fit(registry, org, of),
        _ => Fit::Unknown,
    };
    if wordings(role).any(|w| w == title) {
        return if fit == Fit::Different {
            Relation::Related
        } else {
            Relation::Same
        };
    }
    let title_core = core(title);
    // "the head of the Federal Reserve" describes its chairman rather than miscalls him.
    let generic = matches!(title, "head" | "chief");
    if (fit == Fit::Same && !generic)
        || (!title_core.is_empty() && wordings(role).any(|w| core(&w) == title_core))
    {
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
