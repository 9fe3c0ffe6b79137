//! The entity registry: the newsroom's people, organisations and places, merged from JSON files.
//!
//! Loading is strict (see [`load`]); once built, a [`Registry`] is immutable and cheap to share.
//! [`NameIndex`] answers "which entity does this written name belong to" for the analysis.

pub mod compare;
mod default;
pub mod edit;
mod index;
mod load;
pub mod mapped;
pub mod pinyin;
mod prefix;
pub mod spelling;

pub use default::{
    check_references_with_default, default_file, default_index, default_registry,
    merge_with_default, DefaultRegistry, DEFAULT_INDEX, DEFAULT_REGISTRY_JSON,
    DEFAULT_REGISTRY_NAME,
};
pub use index::{Form, FormKind, NameIndex, Separator};
pub use load::{check_references, parse_registry, DataSource, RegistryFile};

use rustc_hash::FxHashMap as HashMap;
use time::Date;

/// Index of an entity inside one [`Registry`].
pub type EntityIdx = u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Person,
    Organization,
    Place,
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Other => "other",
        }
    }
}

/// What a role is held in: another registry entity, or plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoleOf {
    Entity(String),
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// Lower case, as written after a name ("chairman").
    pub title: String,
    pub of: Option<RoleOf>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// Other accepted wordings of the same title ("speaker").
    pub aliases: Vec<String>,
}

impl Role {
    /// Whether the role is held on `date`. A role ends on its `end` date: a successor who starts
    /// that day holds it from then on.
    pub fn held_on(&self, date: Date) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date < e)
    }

    /// Whether the role had ended before `date`.
    pub fn ended_before(&self, date: Date) -> bool {
        self.end.is_some_and(|e| e <= date)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub id: String,
    pub kind: Kind,
    pub name: String,
    pub family_name: Option<String>,
    pub aliases: Vec<String>,
    pub variants: Vec<String>,
    pub roles: Vec<Role>,
    pub description: Option<String>,
    pub links: Vec<String>,
}

impl Entity {
    /// The form used on second reference: `family_name`, else the last word of `name`.
    pub fn family_name(&self) -> &str {
        match &self.family_name {
            Some(f) => f,
            None => self.name.rsplit(' ').next().unwrap_or(&self.name),
        }
    }

    /// Whether the name is written family name first, as Chinese names are ("Zhao Leji").
    pub fn family_first(&self) -> bool {
        self.family_name.as_deref().is_some_and(|f| {
            self.name
                .strip_prefix(f)
                .is_some_and(|rest| rest.starts_with(' '))
        })
    }

    /// Roles held on `date`.
    pub fn roles_on(&self, date: Date) -> impl Iterator<Item = &Role> {
        self.roles.iter().filter(move |r| r.held_on(date))
    }
}

/// Where a file's entities come from and how far they are known: the file's top-level `as_of`
/// and `sources`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    /// How the file is named in messages (its path, or "the default registry").
    pub file: String,
    /// The day the data is known up to. A role with no `end` is known to be held until then,
    /// not after.
    pub as_of: Option<Date>,
    pub sources: Vec<DataSource>,
}

/// Merged, validated registries with a name index.
#[derive(Debug, Default)]
pub struct Registry {
    /// Empty when the registry is a mapped index (`index.mapped`), which holds the entities.
    entities: Vec<Entity>,
    /// For each entity, the index in `files` of the file it was loaded from.
    origin: Vec<u32>,
    files: Vec<Provenance>,
    by_id: HashMap<String, EntityIdx>,
    index: NameIndex,
    /// What the loader noticed but did not refuse: an index older than its sources.
    warnings: Vec<String>,
    generation: Generation,
}

/// A number no other registry built in this process has: what an analysis remembers to know
/// that a later one is against the same registry (see `analysis::reanalyze`).
#[derive(Debug)]
struct Generation(u64);

impl Default for Generation {
    fn default() -> Generation {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Generation(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

impl Registry {
    /// Merges entities in order: a later entity with the same id replaces the earlier one.
    /// The entities carry no `as_of` or sources; [`Registry::from_files`] keeps them.
    pub fn new(files: impl IntoIterator<Item = Vec<Entity>>) -> Registry {
        Registry::merge(
            files
                .into_iter()
                .map(|entities| (Provenance::default(), entities)),
        )
    }

    /// Merges parsed files in order, keeping each file's `as_of` and sources for its entities.
    pub fn from_files(files: impl IntoIterator<Item = RegistryFile>) -> Registry {
        Registry::merge(files.into_iter().map(|f| {
            let provenance = Provenance {
                file: f.name,
                as_of: f.as_of,
                sources: f.sources,
            };
            (provenance, f.entities)
        }))
    }

    fn merge(files: impl IntoIterator<Item = (Provenance, Vec<Entity>)>) -> Registry {
        let mut entities: Vec<Entity> = Vec::new();
        let mut origin: Vec<u32> = Vec::new();
        let mut provenances: Vec<Provenance> = Vec::new();
        let mut by_id: HashMap<String, EntityIdx> = HashMap::default();
        for (provenance, file) in files {
            let f = provenances.len() as u32;
            provenances.push(provenance);
            for entity in file {
                match by_id.get(&entity.id) {
                    Some(&i) => {
                        entities[i as usize] = entity;
                        origin[i as usize] = f;
                    }
                    None => {
                        by_id.insert(entity.id.clone(), entities.len() as EntityIdx);
                        entities.push(entity);
                        origin.push(f);
                    }
                }
            }
        }
        let index = NameIndex::build(&entities);
        Registry {
            entities,
            origin,
            files: provenances,
            by_id,
            index,
            warnings: Vec::new(),
            generation: Generation::default(),
        }
    }

    /// How many entities there are.
    pub fn len(&self) -> usize {
        match &self.index.mapped {
            Some(m) => m.len(),
            None => self.entities.len(),
        }
    }

    /// Every entity in order. From a mapped index each is decoded (and kept): for tools, not
    /// for the analysis.
    pub fn iter(&self) -> impl Iterator<Item = &Entity> {
        (0..self.len() as EntityIdx).map(|i| self.entity(i))
    }

    /// The `as_of` and sources of the file an entity was loaded from.
    pub fn provenance(&self, idx: EntityIdx) -> Option<&Provenance> {
        let f = match &self.index.mapped {
            Some(m) => m.origin(idx)?,
            None => *self.origin.get(idx as usize)?,
        };
        self.files.get(f as usize)
    }

    /// Whether an entity's file writes names without their diacritics, so a name written with
    /// them ("João Lourenço" for "Joao Lourenco") is correct: the default registry, whose
    /// leaders come from the Factbook, which drops them. A newsroom's spelling is deliberate.
    pub fn omits_diacritics(&self, idx: EntityIdx) -> bool {
        self.is_built_in(idx)
    }

    /// Whether an entity comes from the built-in default registry.
    pub fn is_built_in(&self, idx: EntityIdx) -> bool {
        self.provenance(idx)
            .is_some_and(|p| p.file == default::DEFAULT_REGISTRY_NAME)
    }

    /// The day an entity's open roles are known up to (its file's `as_of`); `None` when the
    /// file does not say, and open roles are taken to continue.
    pub fn known_until(&self, idx: EntityIdx) -> Option<Date> {
        self.provenance(idx).and_then(|p| p.as_of)
    }

    /// Whether `role` of entity `idx` is known to be held on `date`: held by its dates, and,
    /// when it has no end, `date` is not after the day the data is known up to.
    pub fn surely_held(&self, idx: EntityIdx, role: &Role, date: Date) -> bool {
        role.held_on(date)
            && (role.end.is_some() || self.known_until(idx).is_none_or(|k| date <= k))
    }

    pub fn entity(&self, idx: EntityIdx) -> &Entity {
        match &self.index.mapped {
            Some(m) => m.entity(idx),
            None => &self.entities[idx as usize],
        }
    }

    pub fn get(&self, id: &str) -> Option<&Entity> {
        match &self.index.mapped {
            Some(m) => m.get(id),
            None => self.by_id.get(id).map(|&i| &self.entities[i as usize]),
        }
    }

    pub fn index(&self) -> &NameIndex {
        &self.index
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A registry read in place from a prebuilt index.
    pub fn from_index(index: mapped::MappedRegistry) -> Registry {
        Registry {
            files: index.provenances().to_vec(),
            index: NameIndex {
                mapped: Some(std::sync::Arc::new(index)),
                ..NameIndex::default()
            },
            ..Registry::default()
        }
    }

    /// The prebuilt index this registry is read from, if it is one.
    pub fn mapped(&self) -> Option<&mapped::MappedRegistry> {
        self.index.mapped.as_deref()
    }

    /// This registry's generation: unique in the process, so two registries with the same one
    /// are the same registry.
    pub fn generation(&self) -> u64 {
        self.generation.0
    }

    /// Warnings from loading (an index older than its sources), for the adapters to show.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    pub fn add_warning(&mut self, warning: String) {
        self.warnings.push(warning);
    }

    /// How a role's `of` reads in prose: the entity's name, or the text.
    pub fn of_name<'a>(&'a self, of: &'a RoleOf) -> &'a str {
        match of {
            RoleOf::Entity(id) => self.get(id).map_or(id.as_str(), |e| e.name.as_str()),
            RoleOf::Text(t) => t,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(id: &str, name: &str) -> Entity {
        Entity {
            id: id.into(),
            kind: Kind::Person,
            name: name.into(),
            family_name: None,
            aliases: vec![],
            variants: vec![],
            roles: vec![],
            description: None,
            links: vec![],
        }
    }

    #[test]
    fn a_later_file_replaces_an_entity_with_the_same_id() {
        let first = vec![entity("a", "Old Name"), entity("b", "Bee Person")];
        let r = Registry::new([first, vec![entity("a", "New Name")]]);
        assert_eq!(r.len(), 2);
        assert_eq!(r.get("a").unwrap().name, "New Name");
        assert_eq!(r.entity(0).id, "a");
        assert!(r.index().starting_with("Old", Some("Name")).is_empty());
        assert_eq!(r.index().starting_with("New", Some("Name")).len(), 1);
    }

    #[test]
    fn an_open_role_is_known_only_up_to_its_files_as_of() {
        let d = |s| crate::analysis::parse_date(s).unwrap();
        let mut pm = entity("pm", "Keir Starmer");
        pm.roles.push(Role {
            title: "prime minister".into(),
            of: None,
            start: Some(d("2024-07-05")),
            end: None,
            aliases: vec![],
        });
        let file = RegistryFile {
            name: "default".into(),
            as_of: Some(d("2026-01-22")),
            entities: vec![pm.clone()],
            ..RegistryFile::default()
        };
        let dated = Registry::from_files([file]);
        let role = &dated.entity(0).roles[0];
        assert_eq!(dated.known_until(0), Some(d("2026-01-22")));
        assert!(dated.surely_held(0, role, d("2026-01-22")));
        assert!(!dated.surely_held(0, role, d("2026-01-23")));
        let undated = Registry::new([vec![pm]]);
        assert_eq!(undated.known_until(0), None);
        assert!(undated.surely_held(0, role, d("2030-01-01")));
    }

    #[test]
    fn family_name_defaults_to_the_last_word() {
        let mut e = entity("x", "Vyacheslav Volodin");
        assert_eq!(e.family_name(), "Volodin");
        e.family_name = Some("Zhao".into());
        assert_eq!(e.family_name(), "Zhao");
    }

    #[test]
    fn a_role_ends_on_its_end_date() {
        let d = |s| crate::analysis::parse_date(s).unwrap();
        let role = Role {
            title: "chairman".into(),
            of: None,
            start: Some(d("2023-03-10")),
            end: Some(d("2024-01-01")),
            aliases: vec![],
        };
        assert!(!role.held_on(d("2023-03-09")));
        assert!(role.held_on(d("2023-03-10")));
        assert!(!role.held_on(d("2024-01-01")));
        assert!(role.ended_before(d("2024-01-01")));
    }
}
