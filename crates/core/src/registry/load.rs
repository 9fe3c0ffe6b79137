//! Strict registry parsing: every problem is reported with its line and column, and one bad
//! entity does not hide the problems of the next.
//!
//! The loader takes text, not paths: reading files is the adapters' business.

use super::{Entity, Kind, Role, RoleOf};
use crate::json::Object;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::de::{Deserializer, Error as _};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::cell::Cell;
use std::fmt;
use time::Date;

/// A problem in a registry file, at a one-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegistryError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for RegistryError {}

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
    /// For each entity, the one-based line and column of its `id` value.
    pub sites: Vec<(usize, usize)>,
    pub(super) refs: Vec<(String, usize, usize)>,
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
    pub fn dangling_refs(&self, known: &HashSet<&str>) -> Vec<RegistryError> {
        self.unknown_refs(|id| known.contains(id))
    }

    /// Role `of` ids for which `known` says no: for a file checked on its own against a
    /// registry already loaded.
    pub fn unknown_refs(&self, known: impl Fn(&str) -> bool) -> Vec<RegistryError> {
        self.refs
            .iter()
            .filter(|(id, _, _)| !known(id.as_str()))
            .map(|(id, line, column)| RegistryError {
                file: self.name.clone(),
                line: *line,
                column: *column,
                message: format!("role names unknown entity id `{id}` (write plain text with spaces or capitals, or add the entity)"),
            })
            .collect()
    }
}

/// Checks the `of` references of several files against all their entities together.
pub fn check_references(files: &[RegistryFile]) -> Vec<RegistryError> {
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
            serde_json::from_str(raw.get()).map_err(|e| D::Error::custom(strip_position(&e)))?;
        Ok(Spanned {
            raw: raw.get(),
            value,
        })
    }
}

fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
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
    errors: Vec<RegistryError>,
    /// The last position asked for, as (offset, line, start of its line). Positions are mostly
    /// asked for in file order (every role's `of`), so counting lines from here keeps a large
    /// registry linear instead of rescanning the file from the start each time.
    cursor: Cell<(usize, usize, usize)>,
}

impl<'a> Source<'a> {
    fn offset_of(&self, part: &str) -> usize {
        (part.as_ptr() as usize)
            .saturating_sub(self.text.as_ptr() as usize)
            .min(self.text.len())
    }

    fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset);
        let (mut from, mut line, mut line_start) = self.cursor.get();
        if offset < from {
            (from, line, line_start) = (0, 1, 0);
        }
        for (i, _) in self.text[from..offset].match_indices('\n') {
            line += 1;
            line_start = from + i + 1;
        }
        self.cursor.set((offset, line, line_start));
        let column = self.text[line_start..offset].chars().count() + 1;
        (line, column)
    }

    fn error_at(&mut self, part: &str, message: String) {
        let (line, column) = self.line_col(self.offset_of(part));
        self.errors.push(RegistryError {
            file: self.name.to_string(),
            line,
            column,
            message,
        });
    }

    /// A serde error inside `part`, whose line and column are relative to `part`.
    fn serde_error_in(&mut self, part: &str, e: &serde_json::Error) {
        let mut offset = self.offset_of(part);
        let local = line_col_to_offset(part, e.line(), e.column());
        offset += local;
        let (line, column) = self.line_col(offset);
        let message = strip_position(e);
        self.errors.push(RegistryError {
            file: self.name.to_string(),
            line,
            column,
            message,
        });
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Byte offset of serde_json's one-based line and byte column inside `text`.
fn line_col_to_offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    (start + column.saturating_sub(1)).min(text.len())
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
pub fn parse_registry(name: &str, text: &str) -> Result<RegistryFile, Vec<RegistryError>> {
    let mut source = Source {
        name,
        text,
        errors: Vec::new(),
        cursor: Cell::new((0, 1, 0)),
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
        let site = source.line_col(source.offset_of(entity.id.raw));
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
    refs: &mut Vec<(String, usize, usize)>,
) -> Option<Entity> {
    let before = source.errors.len();
    if non_empty(source, &raw.id, "`id`") {
        if let Some(first) = seen.insert(raw.id.value.clone(), raw.id.raw) {
            let (line, _) = source.line_col(source.offset_of(first));
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
                let (line, column) = source.line_col(source.offset_of(of.raw));
                refs.push((of.value.clone(), line, column));
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
        let es = check_references(&[file]);
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
        assert_eq!(file.sites, vec![(3, 22)]);
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
