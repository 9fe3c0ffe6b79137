//! The acceptance example: `copydesk check --format json` on the parliament story must give
//! exactly the findings of `expected.json` at warning or error severity, as
//! `shared/tools/check-example` compares them.

use serde_json::Value;
use std::process::Command;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/parliament");

fn diagnostics(draft: &str) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args([
            "check",
            "--registry",
            "registry.json",
            "--format",
            "json",
            "--fail-on",
            "never",
            draft,
        ])
        .current_dir(DIR)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error" || d["severity"] == "warning")
        .cloned()
        .collect()
}

#[test]
fn findings_match_expected_json() {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/expected.json")).unwrap())
            .unwrap();
    let mut problems = Vec::new();
    for (draft, wants) in expected
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| *k != "about")
    {
        let mut unmatched = diagnostics(draft);
        for want in wants.as_array().unwrap() {
            let lines: Vec<u64> = match &want["line"] {
                Value::Array(a) => a.iter().filter_map(Value::as_u64).collect(),
                l => vec![l.as_u64().unwrap()],
            };
            let hit = unmatched.iter().position(|d| {
                d["code"] == want["code"]
                    && lines.contains(&d["range"]["start"]["line"].as_u64().unwrap())
                    && (want.get("entity").is_none() || d["entity"] == want["entity"])
            });
            match hit {
                Some(i) => {
                    unmatched.remove(i);
                }
                None => problems.push(format!("{draft}: missing {want}")),
            }
        }
        problems.extend(unmatched.iter().map(|d| format!("{draft}: unexpected {d}")));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
