//! Strict registry parsing: every problem is reported with its line and column, and one bad
//! entity does not hide the problems of the next.
//!
//! The loader takes text, not paths: reading files is the adapters' business.

use super::{Entity, Kind, Role, RoleOf};
use crate::json::Object;
use crate::position::LineIndex;
use crate::problem::{serde_message, serde_offset, Problem};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::de::{Deserializer, Error as _};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::cell::OnceCell;
use std::ops::Range;
use time::Date;

/// Where a registry's data comes from (a top-level `sources` entry), named on hover.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct DataSource {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

/// One parsed file: its entities, and the entity ids its roles point at (checked once all files
/// are merged, since a role may name an entity of another file).
#[derive(Debug, Default)]
pub struct RegistryFile {
    pub name: String,
    /// The day the file's data is known up to (top-level `as_of`).
    pub as_of: Option<Date>,
    pub sources: Vec<DataSource>,
    pub entities: Vec<Entity>,
    /// For each entity, the byte range of its `id` value in the file.
    pub sites: Vec<Range<usize>>,
    /// Role `of` ids with the byte range where each is written.
    pub(super) refs: Vec<(String, Range<usize>)>,
}

impl RegistryFile {
    /// A file of entities that were checked elsewhere (decoded from a prebuilt index).
    pub fn of_entities(
        name: String,
        as_of: Option<Date>,
        sources: Vec<DataSource>,
        entities: Vec<Entity>,
    ) -> RegistryFile {
        RegistryFile {
            name,
            as_of,
            sources,
            entities,
            ..RegistryFile::default()
        }
    }

    /// Role `of` ids that name no entity in `known`.
    /// The problems are not located: the caller holds the file's text.
    pub fn dangling_refs(&self, known: &HashSet<&str>) -> Vec<Problem> {
        self.unknown_refs(|id| known.contains(id))
    }

    /// Role `of` ids for which `known` says no: for a file checked on its own against a
    /// registry already loaded. Not located, as above.
    pub fn unknown_refs(&self, known: impl Fn(&str) -> bool) -> Vec<Problem> {
        self.refs
            .iter()
            .filter(|(id, _)| !known(id.as_str()))
            .map(|(id, range)| Problem::at(&self.name, range.clone(), format!("role names unknown entity id `{id}` (write plain text with spaces or capitals, or add the entity)")))
            .collect()
    }
}

/// Checks the `of` references of several files against all their entities together.
pub fn check_references(files: &[RegistryFile]) -> Vec<Problem> {
    let count = files.iter().map(|f| f.entities.len()).sum();
    let mut known: HashSet<&str> = HashSet::with_capacity_and_hasher(count, Default::default());
    known.extend(
        files
            .iter()
            .flat_map(|f| f.entities.iter().map(|e| e.id.as_str())),
    );
    files.iter().flat_map(|f| f.dangling_refs(&known)).collect()
}

/// A JSON value with the place it was written, for errors found after parsing.
struct Spanned<'a, T> {
    raw: &'a str,
    value: T,
}

impl<'de: 'a, 'a, T: serde::de::DeserializeOwned> Deserialize<'de> for Spanned<'a, T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw: &'a RawValue = Deserialize::deserialize(d)?;
        let value =
            serde_json::from_str(raw.get()).map_err(|e| D::Error::custom(serde_message(&e)))?;
        Ok(Spanned {
            raw: raw.get(),
            value,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile<'a> {
    version: Spanned<'a, u64>,
    #[serde(borrow, default)]
    as_of: Option<Spanned<'a, String>>,
    #[serde(default)]
    sources: Vec<Object<DataSource>>,
    #[serde(borrow)]
    entities: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity<'a> {
    #[serde(borrow)]
    id: Spanned<'a, String>,
    kind: RawKind,
    #[serde(borrow)]
    name: Spanned<'a, String>,
    #[serde(borrow, default)]
    family_name: Option<Spanned<'a, String>>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    variants: Vec<String>,
    #[serde(borrow, default)]
    roles: Vec<Object<RawRole<'a>>>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    links: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "lowercase")]
enum RawKind {
    Person,
    Organization,
    Place,
    Other,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole<'a> {
    #[serde(borrow)]
    title: Spanned<'a, String>,
    #[serde(borrow, default)]
    of: Option<Spanned<'a, String>>,
    #[serde(borrow, default)]
    start: Option<Spanned<'a, String>>,
    #[serde(borrow, default)]
    end: Option<Spanned<'a, String>>,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Where things are in the file being parsed.
struct Source<'a> {
    name: &'a str,
    text: &'a str,
    errors: Vec<Problem>,
    /// Built on the first problem: a file with none never pays for it.
    lines: OnceCell<LineIndex>,
}

impl<'a> Source<'a> {
    fn range_of(&self, part: &str) -> Range<usize> {
        let start = (part.as_ptr() as usize)
            .saturating_sub(self.text.as_ptr() as usize)
            .min(self.text.len());
        start..(start + part.len()).min(self.text.len())
    }

    fn line_column(&self, offset: usize) -> (usize, usize) {
        self.lines
            .get_or_init(|| LineIndex::new(self.text))
            .line_column(self.text, offset)
    }

    fn error_range(&mut self, range: Range<usize>, message: String) {
        let position = Some(self.line_column(range.start));
        self.errors.push(Problem {
            position,
            ..Problem::at(self.name, range, message)
        });
    }

    fn error_at(&mut self, part: &str, message: String) {
        self.error_range(self.range_of(part), message);
    }

    /// A serde error inside `part`, whose line and column are relative to `part`.
    fn serde_error_in(&mut self, part: &str, e: &serde_json::Error) {
        let start = self.range_of(part).start + serde_offset(part, e);
        self.error_range(start..start, serde_message(e));
    }
}

fn parse_date(source: &mut Source, field: &Spanned<String>) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    match Date::parse(&field.value, &format) {
        Ok(d) if field.value.len() == 10 => Some(d),
        _ => {
            source.error_at(
                field.raw,
                format!("`{}` is not a date of the form YYYY-MM-DD", field.value),
            );
            None
        }
    }
}

/// Whether `of` reads as an entity id (a lower-case slug) rather than plain text.
fn looks_like_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_' || b == b'.'
        })
}

/// Parses one registry file. `name` is how errors name the file. Returns every problem found;
/// the entities are only returned when there is none.
pub fn parse_registry(name: &str, text: &str) -> Result<RegistryFile, Vec<Problem>> {
    let mut source = Source {
        name,
        text,
        errors: Vec::new(),
        lines: OnceCell::new(),
    };
    let file: RawFile = match serde_json::from_str(text) {
        Ok(Object(f)) => f,
        Err(e) => {
            source.serde_error_in(text, &e);
            return Err(source.errors);
        }
    };
    if file.version.value != 1 {
        source.error_at(
            file.version.raw,
            format!(
                "unsupported registry version {} (expected 1)",
                file.version.value
            ),
        );
    }
    let mut out = RegistryFile {
        name: name.to_string(),
        as_of: file.as_of.as_ref().and_then(|d| parse_date(&mut source, d)),
        sources: file.sources.into_iter().map(|Object(s)| s).collect(),
        ..RegistryFile::default()
    };
    let mut seen: HashMap<String, &str> = HashMap::default();
    for raw in &file.entities {
        let raw = raw.get();
        let entity: RawEntity = match serde_json::from_str(raw) {
            Ok(Object(e)) => e,
            Err(e) => {
                source.serde_error_in(raw, &e);
                continue;
            }
        };
        let site = source.range_of(entity.id.raw);
        if let Some(e) = convert(&mut source, entity, &mut seen, &mut out.refs) {
            out.entities.push(e);
            out.sites.push(site);
        }
    }
    if source.errors.is_empty() {
        Ok(out)
    } else {
        Err(source.errors)
    }
}

fn non_empty(source: &mut Source, field: &Spanned<String>, what: &str) -> bool {
    if field.value.trim().is_empty() {
        source.error_at(field.raw, format!("{what} must not be empty"));
        false
    } else {
        true
    }
}

fn convert<'a>(
    source: &mut Source,
    raw: RawEntity<'a>,
    seen: &mut HashMap<String, &'a str>,
    refs: &mut Vec<(String, Range<usize>)>,
) -> Option<Entity> {
    let before = source.errors.len();
    if non_empty(source, &raw.id, "`id`") {
        if let Some(first) = seen.insert(raw.id.value.clone(), raw.id.raw) {
            let (line, _) = source.line_column(source.range_of(first).start);
            source.error_at(
                raw.id.raw,
                format!(
                    "duplicate id `{}` (first defined on line {line})",
                    raw.id.value
                ),
            );
        }
    }
    non_empty(source, &raw.name, "`name`");
    if let Some(f) = &raw.family_name {
        non_empty(source, f, "`family_name`");
    }
    let mut roles = Vec::with_capacity(raw.roles.len());
    for Object(role) in raw.roles {
        non_empty(source, &role.title, "a role's `title`");
        let start = role.start.as_ref().and_then(|s| parse_date(source, s));
        let end = role.end.as_ref().and_then(|s| parse_date(source, s));
        if let (Some(s), Some(e), Some(raw_end)) = (start, end, role.end.as_ref()) {
            if e < s {
                source.error_at(
                    raw_end.raw,
                    format!(
                        "role `{}` ends ({e}) before it starts ({s})",
                        role.title.value
                    ),
                );
            }
        }
        let of = role.of.map(|of| {
            if looks_like_id(&of.value) {
                refs.push((of.value.clone(), source.range_of(of.raw)));
                RoleOf::Entity(of.value)
            } else {
                RoleOf::Text(of.value)
            }
        });
        roles.push(Role {
            title: role.title.value,
            of,
            start,
            end,
            aliases: role.aliases,
        });
    }
    if source.errors.len() > before {
        return None;
    }
    Some(Entity {
        id: raw.id.value,
        kind: match raw.kind {
            RawKind::Person => Kind::Person,
            RawKind::Organization => Kind::Organization,
            RawKind::Place => Kind::Place,
            RawKind::Other => Kind::Other,
        },
        name: raw.name.value,
        family_name: raw.family_name.map(|f| f.value),
        aliases: raw.aliases,
        variants: raw.variants,
        roles,
        description: raw.description,
        links: raw.links,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        match parse_registry("r.json", text) {
            Ok(_) => vec![],
            Err(es) => es.iter().map(|e| e.to_string()).collect(),
        }
    }

    /// Found by the hostile-input table: serde's derive read arrays as structs, so a registry
    /// written as `[1, [["a", "person", "A B"]]]` loaded without a word.
    #[test]
    fn arrays_are_not_read_as_the_file_an_entity_or_a_role() {
        assert_eq!(
            errors("[1, [[\"a\", \"person\", \"A B\"]]]"),
            vec!["r.json:1:1: invalid type: sequence, expected an object"]
        );
        let text = "{\"version\": 1, \"entities\": [\n  [\"a\", \"person\", \"A B\"],\n  {\"id\": \"b\", \"kind\": \"person\", \"name\": \"B C\", \"roles\": [[\"chair\"]]}\n]}";
        let es = errors(text);
        assert_eq!(es.len(), 2, "{es:?}");
        assert!(
            es[0].starts_with("r.json:2:") && es[0].ends_with("expected an object"),
            "{es:?}"
        );
        assert!(
            es[1].starts_with("r.json:3:") && es[1].ends_with("expected an object"),
            "{es:?}"
        );
    }

    #[test]
    fn unknown_field_is_reported_with_position() {
        let text = "{\"version\": 1, \"entities\": [\n  {\"id\": \"a\", \"kind\": \"person\", \"name\": \"A B\", \"nmae\": 1}\n]}";
        let es = errors(text);
        assert_eq!(es.len(), 1, "{es:?}");
        assert!(es[0].starts_with("r.json:2:"), "{es:?}");
        assert!(es[0].contains("unknown field `nmae`"), "{es:?}");
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        let text = r#"{"version": 1, "entities": [
  {"id": "a", "kind": "person", "name": ""},
  {"id": "a", "kind": "robot", "name": "X"},
  {"id": "b", "kind": "person", "name": "B", "roles": [{"title": "x", "start": "2020-13-01"}]},
  {"id": "c", "kind": "person", "name": "C", "roles": [{"title": "x", "start": "2020-01-02", "end": "2020-01-01"}]}
]}"#;
        let es = errors(text);
        assert_eq!(es.len(), 4, "{es:#?}");
        assert!(es[0].starts_with("r.json:2:") && es[0].contains("`name` must not be empty"));
        assert!(es[1].starts_with("r.json:3:") && es[1].contains("robot"));
        assert!(es[2].starts_with("r.json:4:") && es[2].contains("2020-13-01"));
        assert!(es[3].starts_with("r.json:5:") && es[3].contains("ends"));
    }

    #[test]
    fn duplicate_id_names_the_first_line() {
        let text = "{\"version\": 1, \"entities\": [\n{\"id\": \"a\", \"kind\": \"place\", \"name\": \"A\"},\n{\"id\": \"a\", \"kind\": \"place\", \"name\": \"B\"}]}";
        let es = errors(text);
        assert_eq!(
            es,
            vec!["r.json:3:8: duplicate id `a` (first defined on line 2)"]
        );
    }

    #[test]
    fn role_of_is_an_id_or_plain_text() {
        let text = r#"{"version": 1, "entities": [
 {"id": "p", "kind": "person", "name": "P Q", "roles": [{"title": "head", "of": "nowhere"}, {"title": "head", "of": "Some Body"}]}]}"#;
        let file = parse_registry("r.json", text).unwrap();
        let mut es = check_references(&[file]);
        Problem::locate_all(&mut es, text);
        assert_eq!(es.len(), 1);
        assert!(es[0].to_string().starts_with("r.json:2:") && es[0].message.contains("nowhere"));
    }

    #[test]
    fn as_of_and_sources_are_read_strictly() {
        let text = r#"{"version": 1, "as_of": "2026-01-22",
 "sources": [{"name": "CIA World Factbook", "url": "https://github.com/factbook/factbook.json", "licence": "public domain", "commit": "abc"}],
 "entities": [{"id": "a", "kind": "place", "name": "A"}]}"#;
        let file = parse_registry("r.json", text).unwrap();
        assert_eq!(
            file.as_of.map(|d| d.to_string()).as_deref(),
            Some("2026-01-22")
        );
        assert_eq!(file.sources[0].name, "CIA World Factbook");
        assert_eq!(file.sources[0].licence.as_deref(), Some("public domain"));
        assert_eq!(&text[file.sites[0].clone()], "\"a\"");
        let bad = r#"{"version": 1, "as_of": "2026-1-22",
 "sources": [{"name": "x", "licnece": "CC0"}],
 "entities": []}"#;
        let es = errors(bad);
        assert_eq!(es.len(), 1, "{es:?}");
        assert!(
            es[0].starts_with("r.json:2:") && es[0].contains("unknown field `licnece`"),
            "{es:?}"
        );
        let es = errors("{\"version\": 1, \"as_of\": \"2026-1-22\", \"entities\": []}");
        assert_eq!(
            es,
            vec!["r.json:1:25: `2026-1-22` is not a date of the form YYYY-MM-DD"]
        );
    }

    #[test]
    fn syntax_error_has_position() {
        let es = errors("{\"version\": 1,\n \"entities\": [\n");
        assert_eq!(es.len(), 1);
        assert!(es[0].starts_with("r.json:3:"), "{es:?}");
    }
}
