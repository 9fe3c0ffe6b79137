//! JSON Schemas for registry files and `copydesk.json`, so an editor's JSON support completes
//! and validates them as they are written (`copydesk registry schema`, `copydesk config
//! schema`). The loaders stay the authority (they also check dates, ids and references); the
//! schemas describe the same fields, and the codes in `severity` come from the table of checks.

use crate::analysis::Code;
use serde_json::{json, Value};

const DATE: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

fn strings(description: &str) -> Value {
    json!({"type": "array", "items": {"type": "string"}, "description": description})
}

/// The schema of a registry file.
pub fn registry() -> Value {
    let role = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["title"],
        "properties": {
            "title": {"type": "string", "description": "Lower case, as written after a name (\"chairman\")."},
            "of": {"type": "string", "description": "An entity id, or plain text (with spaces or capitals)."},
            "start": {"type": "string", "pattern": DATE, "description": "The first day the role is held (YYYY-MM-DD)."},
            "end": {"type": "string", "pattern": DATE, "description": "The day the role ends (YYYY-MM-DD); a successor may start that day."},
            "aliases": strings("Other accepted wordings of the same title (\"speaker\").")
        }
    });
    let entity = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "kind", "name"],
        "properties": {
            "id": {"type": "string", "description": "Stable identifier, unique across loaded registries."},
            "kind": {"enum": ["person", "organization", "place", "other"]},
            "name": {"type": "string", "description": "The canonical spelling, as the style guide writes it."},
            "family_name": {"type": "string", "description": "The form used on second reference; default the last word of `name`."},
            "aliases": strings("Other correct forms (acronyms, short names)."),
            "variants": strings("Known wrong or non-house spellings, corrected to `name`."),
            "roles": {"type": "array", "items": role},
            "description": {"type": "string", "description": "One or two sentences shown on hover."},
            "links": strings("URLs shown on hover.")
        }
    });
    let source = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["name"],
        "properties": {
            "name": {"type": "string"},
            "url": {"type": "string"},
            "licence": {"type": "string"},
            "commit": {"type": "string"}
        }
    });
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "copydesk registry",
        "type": "object",
        "additionalProperties": false,
        "required": ["version", "entities"],
        "properties": {
            "version": {"const": 1},
            "as_of": {"type": "string", "pattern": DATE, "description": "The day the data is known up to (YYYY-MM-DD)."},
            "sources": {"type": "array", "items": source, "description": "Where the data comes from; hover names it."},
            "entities": {"type": "array", "items": entity}
        }
    })
}

/// The schema of `copydesk.json` (and of the editors' `copydesk` settings).
pub fn config() -> Value {
    let levels = ["error", "warning", "information", "info", "hint", "off"];
    let codes: serde_json::Map<String, Value> = Code::ALL
        .iter()
        .map(|c| {
            let explanation = c.explanation();
            let summary = explanation.split("\n\n").next().unwrap_or_default();
            (
                c.as_str().to_string(),
                json!({"enum": levels, "description": summary}),
            )
        })
        .collect();
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "copydesk configuration",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "registries": strings("Registry files (or prebuilt indexes), relative to this file; merged in order."),
            "severity": {"type": "object", "additionalProperties": false, "properties": codes},
            "default_registry": {"enum": ["auto", "merge", "off"], "description": "auto: the built-in registry when none is named; merge: under the named ones; off."},
            "titles": {
                "type": "object",
                "additionalProperties": false,
                "properties": {"historical": {"enum": ["then", "former", "allow"]}}
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The property names of a schema object, sorted.
    fn fields(schema: &Value) -> Vec<&str> {
        let mut out: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        out.sort();
        out
    }

    #[test]
    fn the_registry_schema_names_what_the_loader_accepts() {
        let r = registry();
        assert_eq!(fields(&r), ["as_of", "entities", "sources", "version"]);
        let entity = &r["properties"]["entities"]["items"];
        // Every field the loader reads: a file using all of them loads.
        let all = r#"{"version": 1, "as_of": "2026-01-01",
          "sources": [{"name": "n", "url": "u", "licence": "l", "commit": "c"}],
          "entities": [{"id": "a", "kind": "person", "name": "A B", "family_name": "B",
            "aliases": [], "variants": [], "description": "d", "links": [],
            "roles": [{"title": "t", "of": "Some Org", "start": "2020-01-01", "end": "2021-01-01", "aliases": []}]}]}"#;
        assert!(crate::registry::parse_registry("r.json", all).is_ok());
        let used: serde_json::Value = serde_json::from_str(all).unwrap();
        let mut written: Vec<&str> = used["entities"][0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        written.sort();
        assert_eq!(fields(entity), written);
        let role = &entity["properties"]["roles"]["items"];
        assert_eq!(fields(role), ["aliases", "end", "of", "start", "title"]);
    }

    #[test]
    fn the_config_schema_lists_every_code() {
        let c = config();
        let codes = &c["properties"]["severity"]["properties"];
        assert_eq!(codes.as_object().unwrap().len(), Code::ALL.len());
        assert!(codes["name-misspelling"]["enum"]
            .as_array()
            .unwrap()
            .contains(&json!("off")));
        let all = r#"{"registries": ["r.json"], "severity": {"name-misspelling": "warning"},
          "default_registry": "merge", "titles": {"historical": "former"}}"#;
        assert!(crate::config::parse_config("c.json", all).is_ok());
        assert_eq!(
            fields(&c),
            ["default_registry", "registries", "severity", "titles"]
        );
    }
}
