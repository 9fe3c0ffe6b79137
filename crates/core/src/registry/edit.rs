//! Edits to a registry file's text, for the editor: where an entity's object is, adding an
//! accepted spelling to its `aliases`, appending a new entity.
//!
//! An edit touches only the bytes it must and follows the file's own layout (an array written
//! one element a line gets one more line at the same indentation), so the rest of the file
//! reads as before. Every edit is checked by parsing the edited text as a registry: an edit
//! that would leave the file invalid, or a file that is invalid already, gives no edit.

use super::load::parse_registry;
use super::spelling::plain;
use super::Kind;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::ops::Range;

/// A replacement of `range` of the file's text by `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    pub range: Range<usize>,
    pub text: String,
}

impl TextEdit {
    /// The text once edited.
    pub fn apply(&self, text: &str) -> String {
        let mut out = text.to_string();
        out.replace_range(self.range.clone(), &self.text);
        out
    }
}

/// Where one entity is written: byte ranges of its object and of some of its values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityText {
    pub object: Range<usize>,
    pub name: Range<usize>,
    pub aliases: Option<Range<usize>>,
}

#[derive(Deserialize)]
struct Top<'a> {
    #[serde(borrow)]
    entities: Vec<&'a RawValue>,
}

type Fields<'a> = BTreeMap<String, &'a RawValue>;

/// The byte range of a borrowed piece of `text`.
fn span(text: &str, raw: &RawValue) -> Range<usize> {
    let start = raw.get().as_ptr() as usize - text.as_ptr() as usize;
    start..start + raw.get().len()
}

/// The entities' objects, in order.
fn objects(text: &str) -> Option<Vec<&RawValue>> {
    serde_json::from_str::<Top>(text).ok().map(|t| t.entities)
}

/// Where the entity `id` is written in a registry file's `text`; the last one when the file
/// has it twice (an invalid file, but the one that would win).
pub fn find_entity(text: &str, id: &str) -> Option<EntityText> {
    objects(text)?.into_iter().rev().find_map(|raw| {
        let fields: Fields = serde_json::from_str(raw.get()).ok()?;
        let this: String = serde_json::from_str(fields.get("id")?.get()).ok()?;
        (this == id).then(|| EntityText {
            object: span(text, raw),
            name: fields
                .get("name")
                .map_or(span(text, raw), |n| span(text, n)),
            aliases: fields.get("aliases").map(|a| span(text, a)),
        })
    })
}

/// Every entity's id with the byte range of its object, in order: the file read once for
/// many lookups.
pub fn entity_objects(text: &str) -> Vec<(String, Range<usize>)> {
    #[derive(Deserialize)]
    struct Id {
        id: String,
    }
    objects(text)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|raw| {
            let id = serde_json::from_str::<Id>(raw.get()).ok()?.id;
            Some((id, span(text, raw)))
        })
        .collect()
}

/// The whitespace that starts the line holding byte `at`.
fn indent_at(text: &str, at: usize) -> &str {
    let line = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let rest = &text[line..];
    &rest[..rest.len() - rest.trim_start_matches([' ', '\t']).len()]
}

/// The text between elements: on its own line at the element's indentation when the list is
/// written one element a line, else after a space.
fn separator(text: &str, list: &Range<usize>, element_start: usize) -> String {
    if text[list.clone()].contains('\n') {
        format!(",\n{}", indent_at(text, element_start))
    } else {
        ", ".to_string()
    }
}

/// An edit that adds `alias` to the `aliases` of entity `id` (creating the field after `name`
/// when there is none). `None` when the entity is not in the file, already has that alias, or
/// the file would not load afterwards.
pub fn add_alias(file: &str, text: &str, id: &str, alias: &str) -> Option<TextEdit> {
    let entity = find_entity(text, id)?;
    let quoted = serde_json::to_string(alias).ok()?;
    let edit = match &entity.aliases {
        Some(list) => {
            let raw = &text[list.clone()];
            let elements: Vec<&RawValue> = serde_json::from_str(raw).ok()?;
            let values: Vec<String> = serde_json::from_str(raw).ok()?;
            if values.iter().any(|v| v == alias) {
                return None;
            }
            match elements.last() {
                None => TextEdit {
                    range: list.clone(),
                    text: format!("[{quoted}]"),
                },
                Some(last) => {
                    let last = list.start + span(raw, last).start..list.start + span(raw, last).end;
                    TextEdit {
                        range: last.end..last.end,
                        text: format!("{}{quoted}", separator(text, list, last.start)),
                    }
                }
            }
        }
        None => TextEdit {
            range: entity.name.end..entity.name.end,
            text: format!(
                "{}\"aliases\": [{quoted}]",
                separator(text, &entity.object, entity.name.start)
            ),
        },
    };
    let edited = parse_registry(file, &edit.apply(text)).ok()?;
    let added = edited
        .entities
        .iter()
        .any(|e| e.id == id && e.aliases.iter().any(|a| a == alias));
    added.then_some(edit)
}

/// An id for a new entity named `name`: its words in lower case without diacritics, joined by
/// hyphens ("José Ramos-Horta" gives "jose-ramos-horta"), numbered when `taken` says it is.
pub fn new_id(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut base = String::new();
    for c in plain(name).chars() {
        if c.is_alphanumeric() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    let base = base.trim_end_matches('-').to_string();
    let base = if base.is_empty() {
        "entity".into()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// An edit that appends a skeleton entity (id, kind, name and empty roles) to the file's
/// `entities`, laid out like the entity before it, and the byte range of its name's value in
/// the edited text (where the editor puts the cursor). `None` when the file would not load
/// afterwards (or does not now).
pub fn append_entity(
    file: &str,
    text: &str,
    id: &str,
    kind: Kind,
    name: &str,
) -> Option<(TextEdit, Range<usize>)> {
    #[derive(Deserialize)]
    struct Entities<'a> {
        #[serde(borrow)]
        entities: &'a RawValue,
    }
    let list = span(text, serde_json::from_str::<Entities>(text).ok()?.entities);
    let elements = objects(text)?;
    let (id, kind, name) = (
        serde_json::to_string(id).ok()?,
        serde_json::to_string(kind.as_str()).ok()?,
        serde_json::to_string(name).ok()?,
    );
    let fields = [
        ("\"id\": ", id.as_str()),
        ("\"kind\": ", kind.as_str()),
        ("\"name\": ", name.as_str()),
        ("\"roles\": ", "[]"),
    ];
    let (edit, object_start) = match elements.last() {
        None => {
            let object = format!(
                "[{{{}}}]",
                fields.map(|(k, v)| format!("{k}{v}")).join(", ")
            );
            let edit = TextEdit {
                range: list.clone(),
                text: object,
            };
            (edit, list.start + 1)
        }
        Some(last) => {
            let last = span(text, last);
            let outer = indent_at(text, last.start);
            let body = &text[last.clone()];
            // A multi-line object: its fields' indentation is that of its second line.
            let object = match body.find('\n') {
                Some(nl) => {
                    let inner = indent_at(text, last.start + nl + 1);
                    let lines = fields.map(|(k, v)| format!("{inner}{k}{v}"));
                    format!("{{\n{}\n{outer}}}", lines.join(",\n"))
                }
                None => format!("{{{}}}", fields.map(|(k, v)| format!("{k}{v}")).join(", ")),
            };
            let sep = separator(text, &list, last.start);
            let start = last.end + sep.len();
            let edit = TextEdit {
                range: last.end..last.end,
                text: format!("{sep}{object}"),
            };
            (edit, start)
        }
    };
    let edited = edit.apply(text);
    parse_registry(file, &edited).ok()?;
    let at = object_start + edited[object_start..].find(&name)?;
    Some((edit, at..at + name.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINES: &str = r#"{
  "version": 1,
  "entities": [
    {
      "id": "vv",
      "kind": "person",
      "name": "Vyacheslav Volodin",
      "aliases": [
        "V. Volodin"
      ]
    },
    {
      "id": "zl",
      "kind": "person",
      "name": "Zhao Leji"
    }
  ]
}
"#;

    const COMPACT: &str = r#"{"version": 1, "entities": [
  {"id": "vv", "kind": "person", "name": "Vyacheslav Volodin", "aliases": []},
  {"id": "zl", "kind": "person", "name": "Zhao Leji", "aliases": ["Zhao"]}
]}"#;

    fn aliased(text: &str, id: &str, alias: &str) -> String {
        add_alias("r.json", text, id, alias).unwrap().apply(text)
    }

    #[test]
    fn the_entity_is_found_with_its_object_and_fields() {
        let e = find_entity(LINES, "zl").unwrap();
        assert!(LINES[e.object.clone()].starts_with("{\n      \"id\": \"zl\""));
        assert_eq!(&LINES[e.name.clone()], "\"Zhao Leji\"");
        assert_eq!(e.aliases, None);
        assert_eq!(find_entity(LINES, "nobody"), None);
        assert_eq!(find_entity("{not json", "zl"), None);
        let all = entity_objects(LINES);
        assert_eq!(all.len(), 2);
        assert_eq!((all[1].0.as_str(), all[1].1.clone()), ("zl", e.object));
    }

    #[test]
    fn an_alias_goes_on_its_own_line_in_a_list_written_so() {
        let out = aliased(LINES, "vv", "Volodine");
        assert!(
            out.contains("\"aliases\": [\n        \"V. Volodin\",\n        \"Volodine\"\n      ]"),
            "{out}"
        );
        let out = aliased(LINES, "zl", "Zhao Le-ji");
        assert!(
            out.contains("\"name\": \"Zhao Leji\",\n      \"aliases\": [\"Zhao Le-ji\"]\n    }"),
            "{out}"
        );
    }

    #[test]
    fn an_alias_stays_on_the_line_of_a_compact_list() {
        let out = aliased(COMPACT, "vv", "Volodine");
        assert!(out.contains("\"aliases\": [\"Volodine\"]}"), "{out}");
        let out = aliased(COMPACT, "zl", "Chao \"Le\" Chi");
        assert!(out.contains(r#"["Zhao", "Chao \"Le\" Chi"]"#), "{out}");
        assert_eq!(
            add_alias("r.json", COMPACT, "zl", "Zhao"),
            None,
            "already there"
        );
    }

    #[test]
    fn an_edit_that_would_not_load_is_not_offered() {
        let broken = COMPACT.replace(
            "\"kind\": \"person\", \"name\": \"Zhao",
            "\"kind\": \"persn\", \"name\": \"Zhao",
        );
        assert_eq!(add_alias("r.json", &broken, "vv", "Volodine"), None);
        assert_eq!(
            append_entity("r.json", &broken, "x", Kind::Person, "X Y"),
            None
        );
    }

    #[test]
    fn a_new_entity_is_laid_out_like_the_one_before() {
        let (edit, name) =
            append_entity("r.json", LINES, "ann-lee", Kind::Person, "Ann Lee").unwrap();
        let out = edit.apply(LINES);
        assert!(
            out.contains("    },\n    {\n      \"id\": \"ann-lee\",\n      \"kind\": \"person\",\n      \"name\": \"Ann Lee\",\n      \"roles\": []\n    }\n  ]"),
            "{out}"
        );
        assert_eq!(&out[name], "\"Ann Lee\"");
        let (edit, _) =
            append_entity("r.json", COMPACT, "ann-lee", Kind::Person, "Ann Lee").unwrap();
        let out = edit.apply(COMPACT);
        assert!(out.contains("[\"Zhao\"]},\n  {\"id\": \"ann-lee\", \"kind\": \"person\", \"name\": \"Ann Lee\", \"roles\": []}\n]}"), "{out}");
        let empty = r#"{"version": 1, "entities": []}"#;
        let (edit, name) = append_entity("r.json", empty, "a", Kind::Person, "Ann Lee").unwrap();
        let out = edit.apply(empty);
        assert_eq!(&out[name], "\"Ann Lee\"");
        assert!(parse_registry("r.json", &out).is_ok());
    }

    #[test]
    fn new_ids_are_slugs_and_unique() {
        assert_eq!(new_id("José Ramos-Horta", |_| false), "jose-ramos-horta");
        assert_eq!(new_id("Ann Lee", |id| id == "ann-lee"), "ann-lee-2");
        assert_eq!(new_id("!!", |_| false), "entity");
    }
}
