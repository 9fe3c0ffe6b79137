//! `copydesk.json`: which registries to load and how loud each finding is.
//!
//! Parsing only; finding and reading the file is [`crate::workspace`]'s job.

use crate::analysis::{Code, Historical, Severity, SeverityMap};
use crate::json::Object;
use crate::position::LineIndex;
use crate::problem::{serde_message, serde_offset, Problem};
use crate::registry::DefaultRegistry;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The configuration as written, before paths are resolved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// Registry paths, relative to the config file.
    pub registries: Vec<String>,
    pub severity: SeverityMap,
    /// `titles.historical`, when the config sets it.
    pub historical: Option<Historical>,
    /// How the built-in registry is used (`"default_registry"`); `None` when not written.
    pub default_registry: Option<DefaultRegistry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    registries: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
    #[serde(default)]
    titles: Option<RawTitles>,
    default_registry: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTitles {
    #[serde(default)]
    historical: Option<String>,
}

/// Parses a config object given as JSON text. `file` names it in errors.
pub fn parse_config(file: &str, text: &str) -> Result<Config, Problem> {
    let located = |offset: usize, message: String| {
        let mut p = Problem::at(file, offset..offset, message);
        p.locate(&LineIndex::new(text), text);
        p
    };
    let Object(raw): Object<RawConfig> = serde_json::from_str(text)
        .map_err(|e| located(serde_offset(text, &e), serde_message(&e)))?;
    // A value found wrong after parsing is shown where it is first written.
    from_raw(raw).map_err(|(message, value)| located(text.find(&value).unwrap_or(0), message))
}

/// Reads a config object that arrived as a JSON value (LSP `initializationOptions` or
/// `workspace/configuration`).
pub fn from_value(value: serde_json::Value) -> Result<Config, String> {
    let Object(raw): Object<RawConfig> =
        serde_json::from_value(value).map_err(|e| e.to_string())?;
    from_raw(raw).map_err(|(m, _)| m)
}

fn from_raw(raw: RawConfig) -> Result<Config, (String, String)> {
    let mut severity = SeverityMap::default();
    for (code, level) in raw.severity {
        let Some(c) = Code::parse(&code) else {
            let known: Vec<_> = Code::ALL.iter().map(|c| c.as_str()).collect();
            return Err((
                format!(
                    "unknown finding code `{code}` (known: {})",
                    known.join(", ")
                ),
                format!("\"{code}\""),
            ));
        };
        let level = match level.as_str() {
            "off" => None,
            other => match Severity::parse(other) {
                Some(s) => Some(s),
                None => {
                    return Err((
                        format!("unknown severity `{level}` for `{code}` (use error, warning, information, hint or off)"),
                        format!("\"{level}\""),
                    ))
                }
            },
        };
        severity.set(c, level);
    }
    let historical = match raw.titles.and_then(|t| t.historical) {
        None => None,
        Some(h) => Some(Historical::parse(&h).ok_or_else(|| {
            (
                format!("unknown value `{h}` for `titles.historical` (use then, former or allow)"),
                format!("\"{h}\""),
            )
        })?),
    };
    let default_registry = match raw.default_registry {
        None => None,
        Some(mode) => match DefaultRegistry::parse(&mode) {
            Some(m) => Some(m),
            None => {
                return Err((
                    format!("unknown default_registry `{mode}` (use auto, merge or off)"),
                    format!("\"{mode}\""),
                ))
            }
        },
    };
    Ok(Config {
        registries: raw.registries,
        severity,
        historical,
        default_registry,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_registries_and_severities() {
        let c = parse_config("c.json", r#"{"registries": ["a.json"], "severity": {"unattributed-claim": "information", "title-inconsistent": "off"}}"#).unwrap();
        assert_eq!(c.registries, vec!["a.json"]);
        assert_eq!(
            c.severity.get(Code::UnattributedClaim),
            Some(Severity::Information)
        );
        assert_eq!(c.severity.get(Code::TitleInconsistent), None);
        assert_eq!(c.severity.get(Code::NameMisspelling), Some(Severity::Error));
    }

    #[test]
    fn unknown_code_is_located() {
        let e = parse_config(
            "c.json",
            "{\n  \"severity\": {\"name-mispelling\": \"off\"}}",
        )
        .unwrap_err();
        assert_eq!(e.position, Some((2, 16)));
        assert!(e.message.contains("name-mispelling"));
    }

    /// Found by the hostile-input table: serde's derive read an array as the config's fields.
    #[test]
    fn an_array_is_not_a_config() {
        let e = parse_config("c.json", "[[\"r.json\"], {}]").unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.json:1:1: invalid type: sequence, expected an object"
        );
        assert!(from_value(serde_json::json!([["r.json"], {}])).is_err());
    }

    #[test]
    fn reads_the_historical_title_style() {
        let c = parse_config("c.json", r#"{"titles": {"historical": "former"}}"#).unwrap();
        assert_eq!(c.historical, Some(Historical::Former));
        assert_eq!(parse_config("c.json", "{}").unwrap().historical, None);
        let e = parse_config("c.json", "{\n \"titles\": {\"historical\": \"AP\"}}").unwrap_err();
        assert_eq!(e.position, Some((2, 27)), "{e}");
        assert!(e.message.contains("then, former or allow"), "{e}");
        let e = parse_config("c.json", r#"{"titles": {"historic": "then"}}"#).unwrap_err();
        assert!(e.message.contains("historic"), "{e}");
        assert!(from_value(serde_json::json!({"titles": {"historical": 1}})).is_err());
    }

    #[test]
    fn default_registry_is_auto_merge_or_off() {
        let c = parse_config("c.json", r#"{"default_registry": "merge"}"#).unwrap();
        assert_eq!(c.default_registry, Some(DefaultRegistry::Merge));
        assert_eq!(parse_config("c.json", "{}").unwrap().default_registry, None);
        let e = parse_config("c.json", "{\n \"default_registry\": \"on\"}").unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.json:2:22: unknown default_registry `on` (use auto, merge or off)"
        );
    }

    #[test]
    fn unknown_field_is_an_error() {
        let e = parse_config("c.json", "{\"registry\": []}").unwrap_err();
        assert!(e.to_string().starts_with("c.json:1:"), "{e}");
    }
}
