//! The three report formats: human (compiler style), JSON (the contract's schema) and SARIF 2.1.0.

use super::OutputFormat;
use copydesk::analysis::{Code, Finding, Severity};
use copydesk::position::{Encoding, LineIndex, Position};
use serde_json::{json, Value};
use std::io::{self, Write};
use std::ops::Range;
use std::path::PathBuf;

pub struct FileReport {
    pub path: PathBuf,
    pub text: String,
    pub findings: Vec<Finding>,
}

/// Writes a whole report (the batch runner streams instead; SARIF is always written whole).
pub fn print_to(
    out: &mut impl Write,
    format: OutputFormat,
    reports: &[FileReport],
) -> io::Result<()> {
    match format {
        OutputFormat::Human => human(out, reports)?,
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &json_report(reports))?;
            writeln!(out)?;
        }
        OutputFormat::Sarif => {
            serde_json::to_writer_pretty(&mut *out, &sarif_report(reports))?;
            writeln!(out)?;
        }
        OutputFormat::Jsonl => {
            for r in reports {
                out.write_all(jsonl_lines(r).as_bytes())?;
            }
        }
    }
    out.flush()
}

fn human(out: &mut impl Write, reports: &[FileReport]) -> io::Result<()> {
    let mut total = 0;
    for r in reports {
        out.write_all(human_file(r).as_bytes())?;
        total += r.findings.len();
    }
    human_summary(out, total, reports.len())
}

/// One file's findings as compiler-style lines.
pub fn human_file(r: &FileReport) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let index = LineIndex::new(&r.text);
    for f in &r.findings {
        let p = index.position(&r.text, f.range.start, Encoding::Utf32);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            r.path.display(),
            p.line + 1,
            p.character + 1,
            f.severity.as_str(),
            f.code,
            f.message
        );
        for fix in f.fixes.iter().take(1) {
            let _ = writeln!(out, "    fix: {}", fix.title);
        }
    }
    out
}

/// The closing line of the human report.
pub fn human_summary(out: &mut impl Write, total: usize, files: usize) -> io::Result<()> {
    writeln!(
        out,
        "{total} finding{} in {files} file{}",
        if total == 1 { "" } else { "s" },
        if files == 1 { "" } else { "s" }
    )
}

fn lsp_range(index: &LineIndex, text: &str, range: &Range<usize>) -> Value {
    let pos = |p: Position| json!({"line": p.line, "character": p.character});
    json!({
        "start": pos(index.position(text, range.start, Encoding::Utf16)),
        "end": pos(index.position(text, range.end, Encoding::Utf16)),
    })
}

fn json_report(reports: &[FileReport]) -> Value {
    let files: Vec<Value> = reports.iter().map(json_file).collect();
    json!({"version": 1, "files": files})
}

/// One file's entry in the JSON report: its path and its diagnostics.
pub fn json_file(r: &FileReport) -> Value {
    json!({"path": r.path.display().to_string(), "diagnostics": json_diagnostics(r)})
}

/// One line per finding for `--format jsonl`: the file's `path` beside a diagnostic's fields.
pub fn jsonl_lines(r: &FileReport) -> String {
    let path = Value::String(r.path.display().to_string());
    let mut out = String::new();
    for d in json_diagnostics(r) {
        let mut line = serde_json::Map::new();
        line.insert("path".into(), path.clone());
        if let Value::Object(fields) = d {
            line.extend(fields);
        }
        out.push_str(&Value::Object(line).to_string());
        out.push('\n');
    }
    out
}

fn json_diagnostics(r: &FileReport) -> Vec<Value> {
    let index = LineIndex::new(&r.text);
    r.findings
        .iter()
        .map(|f| {
            let mut d = json!({
                "code": f.code.as_str(),
                "severity": f.severity.as_str(),
                "message": f.message,
                "range": lsp_range(&index, &r.text, &f.range),
            });
            if let Some(e) = &f.entity {
                d["entity"] = json!(e);
            }
            d["fixes"] = f
                .fixes
                .iter()
                .map(|fix| {
                    let edits: Vec<Value> = fix
                        .edits
                        .iter()
                        .map(|e| json!({"range": lsp_range(&index, &r.text, &e.range), "newText": e.new_text}))
                        .collect();
                    json!({"title": fix.title, "edits": edits})
                })
                .collect();
            d
        })
        .collect()
}

/// A rule's default: its level, and for a code off by default, that it is not enabled until
/// the configuration turns it on.
fn default_configuration(c: Code) -> Value {
    let mut config = json!({"level": sarif_level(c.default_severity())});
    if c.default_level().is_none() {
        config["enabled"] = json!(false);
    }
    config
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

fn sarif_region(index: &LineIndex, text: &str, range: &Range<usize>) -> Value {
    let s = index.position(text, range.start, Encoding::Utf16);
    let e = index.position(text, range.end, Encoding::Utf16);
    json!({"startLine": s.line + 1, "startColumn": s.character + 1, "endLine": e.line + 1, "endColumn": e.character + 1})
}

fn sarif_uri(path: &std::path::Path) -> String {
    path.to_string_lossy()
        .replace('\\', "/")
        .trim_start_matches("./")
        .to_string()
}

fn sarif_report(reports: &[FileReport]) -> Value {
    let rules: Vec<Value> = Code::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "name": c.as_str(),
                "shortDescription": {"text": c.as_str().replace('-', " ")},
                "fullDescription": {"text": c.explanation()},
                "defaultConfiguration": default_configuration(*c),
            })
        })
        .collect();
    let mut results = Vec::new();
    for r in reports {
        let index = LineIndex::new(&r.text);
        let uri = sarif_uri(&r.path);
        for f in &r.findings {
            let location = |range: &Range<usize>| {
                json!({"physicalLocation": {
                    "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                    "region": sarif_region(&index, &r.text, range),
                }})
            };
            let mut result = json!({
                "ruleId": f.code.as_str(),
                "ruleIndex": Code::ALL.iter().position(|c| *c == f.code).unwrap_or(0),
                "level": sarif_level(f.severity),
                "message": {"text": f.message},
                "locations": [location(&f.range)],
            });
            if !f.related.is_empty() {
                result["relatedLocations"] = f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, rel)| {
                        let mut l = location(&rel.range);
                        l["id"] = json!(i);
                        l["message"] = json!({"text": rel.message});
                        l
                    })
                    .collect();
            }
            if !f.fixes.is_empty() {
                result["fixes"] = f
                    .fixes
                    .iter()
                    .map(|fix| {
                        let replacements: Vec<Value> = fix
                            .edits
                            .iter()
                            .map(|e| json!({"deletedRegion": sarif_region(&index, &r.text, &e.range), "insertedContent": {"text": e.new_text}}))
                            .collect();
                        json!({"description": {"text": fix.title}, "artifactChanges": [{"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}, "replacements": replacements}]})
                    })
                    .collect();
            }
            results.push(result);
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "copydesk",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "utf16CodeUnits",
            "results": results,
        }]
    })
}
