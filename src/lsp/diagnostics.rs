//! Findings and load problems as LSP diagnostics: converters from the analysis to protocol
//! types.
//!
//! A diagnostic's `data` carries the entity id, the finding's fixes as ready-made text edits and
//! the document version they were computed for, so a code action needs no recomputation and a
//! fix for a version that is no longer current can be refused.

use super::session::Analyzed;
use super::to_proto::range;
use crate::analysis::{Finding, Severity};
use crate::position::{Encoding, LineIndex};
use crate::workspace::Problem;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    TextEdit, Uri,
};

pub const SOURCE: &str = "copydesk";

/// What travels in a diagnostic's `data`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Data {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(default)]
    pub fixes: Vec<FixData>,
    /// The document version the ranges refer to.
    pub version: i32,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct FixData {
    pub title: String,
    pub edits: Vec<TextEdit>,
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// Every finding of one analysis as diagnostics.
pub fn all(a: &Analyzed, uri: &Uri, enc: Encoding) -> Vec<Diagnostic> {
    a.analysis
        .findings
        .iter()
        .map(|f| from_finding(f, a, uri, enc))
        .collect()
}

pub fn from_finding(f: &Finding, a: &Analyzed, uri: &Uri, enc: Encoding) -> Diagnostic {
    let to_range = |r: &Range<usize>| range(&a.index, &a.text, r, enc);
    let data = Data {
        entity: f.entity.clone(),
        fixes: f
            .fixes
            .iter()
            .map(|fix| FixData {
                title: fix.title.clone(),
                edits: fix
                    .edits
                    .iter()
                    .map(|e| TextEdit::new(to_range(&e.range), e.new_text.clone()))
                    .collect(),
            })
            .collect(),
        version: a.version,
    };
    let related: Vec<_> = f
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), to_range(&r.range)),
            message: r.message.clone(),
        })
        .collect();
    Diagnostic {
        range: to_range(&f.range),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.as_str().into())),
        source: Some(SOURCE.into()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        data: serde_json::to_value(data).ok(),
        ..Diagnostic::default()
    }
}

/// A config or registry problem as a diagnostic on that file, covering the JSON token where
/// the problem starts (the whole file's start when it has no range).
pub fn from_problem(p: &Problem, text: &str, enc: Encoding) -> Diagnostic {
    let index = LineIndex::new(text);
    let mut start = p.range.as_ref().map_or(0, |r| r.start.min(text.len()));
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    Diagnostic {
        range: range(
            &index,
            text,
            &(start..start + token_len(&text[start..])),
            enc,
        ),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.into()),
        message: p.message.clone(),
        ..Diagnostic::default()
    }
}

/// The length of the JSON token that starts `s`: a string with its quotes, else a word.
fn token_len(s: &str) -> usize {
    if let Some(rest) = s.strip_prefix('"') {
        let mut escaped = false;
        for (i, c) in rest.char_indices() {
            match c {
                '\n' | '\r' => return i + 1,
                '"' if !escaped => return i + 2,
                _ => escaped = c == '\\' && !escaped,
            }
        }
        return s.len();
    }
    let word = s
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, ',' | ':' | '}' | ']'))
        .map_or(s.len(), |(i, _)| i);
    word.max(s.chars().next().map_or(0, char::len_utf8))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Code, Fix, Format, Settings};
    use crate::registry::Registry;
    use std::sync::Arc;
    use tower_lsp_server::ls_types as lsp;

    #[test]
    fn related_information_and_data_travel_with_the_diagnostic() {
        let text = "Chairman Zhao 😀 spoke.\nVice chairman Zhao left.";
        let registry = Arc::new(Registry::default());
        let settings = Settings {
            date: None,
            today: time::macros::date!(2025 - 08 - 26),
            severity: Default::default(),
            historical: Default::default(),
        };
        let analysis = analyze(text, Format::Markdown, &registry, &settings);
        let a = Analyzed {
            version: 7,
            generation: 1,
            index: LineIndex::new(text),
            text: text.into(),
            analysis,
            registry,
            registry_files: Vec::new(),
        };
        let second = text.find("Vice chairman").unwrap();
        let first = text.find("Chairman").unwrap();
        let finding = Finding::new(Code::TitleInconsistent, second..second + 13, "Two titles.")
            .with_entity("zhao-leji")
            .with_related(first..first + 8, "Also called chairman here.")
            .with_fix(Fix::replace(
                "Change to \"chairman\"",
                second..second + 13,
                "Chairman",
            ));
        let uri: Uri = "file:///d.md".parse().unwrap();
        let d = from_finding(&finding, &a, &uri, Encoding::Utf16);
        assert_eq!(
            d.code,
            Some(NumberOrString::String("title-inconsistent".into()))
        );
        assert_eq!(d.severity, Some(DiagnosticSeverity::WARNING));
        let related = d.related_information.unwrap();
        assert_eq!(related[0].location.uri, uri);
        assert_eq!(related[0].location.range.start, lsp::Position::new(0, 0));
        let data: Data = serde_json::from_value(d.data.unwrap()).unwrap();
        assert_eq!(data.entity.as_deref(), Some("zhao-leji"));
        assert_eq!(data.version, 7);
        assert_eq!(data.fixes[0].edits[0].range.start, lsp::Position::new(1, 0));
        assert_eq!(data.fixes[0].edits[0].range.end, lsp::Position::new(1, 13));
    }

    #[test]
    fn problem_covers_the_token_at_its_column() {
        let text = "{\n  \"entities\": [{\"nmae\": 1}]}";
        let at = text.find("\"nmae\"").unwrap();
        let p = Problem::at("r.json", at..at + 1, "unknown field `nmae`");
        let d = from_problem(&p, text, Encoding::Utf16);
        assert_eq!(
            d.range,
            lsp::Range::new(lsp::Position::new(1, 16), lsp::Position::new(1, 22))
        );
        let nowhere = Problem::new("r.json", "no such file");
        assert_eq!(
            from_problem(&nowhere, "", Encoding::Utf16).range,
            lsp::Range::default()
        );
    }
}
