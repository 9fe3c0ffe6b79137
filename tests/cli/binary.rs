//! The real `copydesk` binary, run in temporary folders: output formats, exit codes, errors.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn copydesk(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs")
}

fn parliament() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in ["draft.md", "draft-with-errors.md", "registry.json"] {
        std::fs::copy(
            Path::new("tests/fixtures/parliament").join(f),
            dir.path().join(f),
        )
        .unwrap();
    }
    dir
}

fn stdout_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn json_report_follows_the_contract() {
    let dir = parliament();
    let out = copydesk(
        dir.path(),
        &[
            "check",
            "--registry",
            "registry.json",
            "--format",
            "json",
            "draft-with-errors.md",
            "draft.md",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = stdout_json(&out);
    assert_eq!(report["version"], 1);
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 2, "every file given appears");
    assert_eq!(files[0]["path"], "draft-with-errors.md");
    let zhao = files[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "name-misspelling" && d["entity"] == "zhao-leji")
        .expect("Zhao Leiji is flagged");
    assert_eq!(zhao["severity"], "error");
    let range = serde_json::json!({"start": {"line": 2, "character": 23}, "end": {"line": 2, "character": 33}});
    assert_eq!(zhao["range"], range);
    assert_eq!(zhao["fixes"][0]["edits"][0]["newText"], "Zhao Leji");
    assert_eq!(zhao["fixes"][0]["edits"][0]["range"], range);
    assert_eq!(
        zhao["message"],
        "\"Zhao Leiji\" looks like a misspelling of Zhao Leji."
    );
    for d in files
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
    {
        let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
        assert!(
            keys.iter()
                .all(|k| ["code", "severity", "message", "range", "entity", "fixes"].contains(k)),
            "{keys:?}"
        );
    }
}

#[test]
fn utf16_columns_in_json() {
    let dir = parliament();
    std::fs::write(
        dir.path().join("emoji.md"),
        "😀 中文 Zhao Leiji met reporters.\n",
    )
    .unwrap();
    let out = copydesk(
        dir.path(),
        &[
            "check",
            "--registry",
            "registry.json",
            "--format",
            "json",
            "emoji.md",
        ],
    );
    let d = &stdout_json(&out)["files"][0]["diagnostics"][0];
    assert_eq!(
        d["range"]["start"]["character"], 6,
        "😀 is two UTF-16 units, 中文 two"
    );
    let human = copydesk(
        dir.path(),
        &["check", "--registry", "registry.json", "emoji.md"],
    );
    assert!(
        String::from_utf8_lossy(&human.stdout).starts_with("emoji.md:1:6: error[name-misspelling]")
    );
}

#[test]
fn sarif_has_the_shape_code_scanning_accepts() {
    let dir = parliament();
    let out = copydesk(
        dir.path(),
        &[
            "check",
            "--registry",
            "registry.json",
            "--format",
            "sarif",
            "draft-with-errors.md",
        ],
    );
    let sarif = stdout_json(&out);
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "copydesk");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "name-misspelling"));
    let result = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "name-misspelling")
        .unwrap();
    assert_eq!(result["level"], "error");
    let loc = &result["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "draft-with-errors.md");
    assert_eq!(loc["region"]["startLine"], 3);
    assert_eq!(loc["region"]["startColumn"], 24);
    let idx = result["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[idx]["id"], result["ruleId"]);
}

#[test]
fn exit_status_follows_fail_on() {
    let dir = parliament();
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--registry", "registry.json"];
        args.extend_from_slice(extra);
        copydesk(dir.path(), &args).status.code()
    };
    assert_eq!(check(&["draft-with-errors.md"]), Some(1));
    assert_eq!(
        check(&["--fail-on", "never", "draft-with-errors.md"]),
        Some(0)
    );
    std::fs::write(
        dir.path().join("clean.md"),
        "The meeting was held in Beijing.\n",
    )
    .unwrap();
    assert_eq!(check(&["--fail-on", "information", "clean.md"]), Some(0));
    assert_eq!(check(&["--date", "2025-13-01", "clean.md"]), Some(2));
    assert_eq!(check(&["--format", "xml", "clean.md"]), Some(2));
}

#[test]
fn config_is_found_in_a_parent_and_sets_severity() {
    let dir = parliament();
    std::fs::write(
        dir.path().join("copydesk.json"),
        r#"{"registries": ["registry.json"], "severity": {"name-misspelling": "warning"}}"#,
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    std::fs::copy(
        dir.path().join("draft-with-errors.md"),
        dir.path().join("drafts/a.md"),
    )
    .unwrap();
    let out = copydesk(
        &dir.path().join("drafts"),
        &["check", "--format", "json", "a.md"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "no error-level finding left: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = stdout_json(&out);
    let names: Vec<_> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "name-misspelling")
        .map(|d| d["severity"].clone())
        .collect();
    assert_eq!(names, vec!["warning", "warning"]);
}

#[test]
fn explain_prints_what_a_code_flags_why_and_examples() {
    let dir = tempfile::tempdir().unwrap();
    let out = copydesk(dir.path(), &["explain", "title-mismatch"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("title-mismatch (default: warning)\n\n"),
        "{text}"
    );
    for part in ["\n\nWhy: ", "\n\nWrong: ", "\n\nRight: "] {
        assert!(text.contains(part), "{part:?} in {text}");
    }

    let unknown = copydesk(dir.path(), &["explain", "title-mistmatch"]);
    assert_eq!(unknown.status.code(), Some(2));
    let err = String::from_utf8(unknown.stderr).unwrap();
    assert!(
        err.contains("title-mistmatch")
            && err.contains("unattributed-claim, incomplete-attribution"),
        "{err}"
    );
}

#[test]
fn folders_are_walked_for_drafts() {
    let dir = parliament();
    std::fs::create_dir_all(dir.path().join("d/sub")).unwrap();
    std::fs::write(dir.path().join("d/sub/a.txt"), "Zhao Leiji spoke.").unwrap();
    std::fs::write(dir.path().join("d/b.markdown"), "Fine.").unwrap();
    std::fs::write(dir.path().join("d/c.json"), "{}").unwrap();
    let out = copydesk(
        dir.path(),
        &[
            "check",
            "--registry",
            "registry.json",
            "--format",
            "json",
            "d",
        ],
    );
    let report = stdout_json(&out);
    let paths: Vec<_> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths, vec!["d/b.markdown", "d/sub/a.txt"]);
}

#[test]
fn unreadable_and_non_utf8_files_are_named() {
    let dir = parliament();
    std::fs::write(dir.path().join("bad.md"), b"Zhao \xff\xfe Leji").unwrap();
    let out = copydesk(
        dir.path(),
        &[
            "check",
            "--registry",
            "registry.json",
            "bad.md",
            "missing.md",
            "draft.md",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.md:1:6: is not valid UTF-8"), "{err}");
    assert!(err.contains("missing.md: no such file"), "{err}");
}

#[test]
fn broken_registry_stops_check_with_its_position() {
    let dir = parliament();
    std::fs::write(dir.path().join("r.json"), "{\"version\": 1, \"entities\": [\n {\"id\": \"x\", \"kind\": \"person\", \"name\": \"X\", \"titel\": 1}]}").unwrap();
    let out = copydesk(dir.path(), &["check", "--registry", "r.json", "draft.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("r.json:2:") && err.contains("unknown field `titel`"),
        "{err}"
    );
}

#[test]
fn registry_check_reports_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("r.json"),
        "{\"version\": 1, \"entities\": [\n {\"id\": \"x\", \"kind\": \"person\", \"name\": \"\"},\n {\"id\": \"x\", \"kind\": \"place\", \"name\": \"Y\"}]}",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ok.json"),
        "{\"version\": 1, \"entities\": []}",
    )
    .unwrap();
    let out = copydesk(dir.path(), &["registry", "check", "r.json"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("r.json:2:") && lines[0].contains("`name` must not be empty"));
    assert!(lines[1].starts_with("r.json:3:") && lines[1].contains("duplicate id `x`"));
    assert_eq!(
        copydesk(dir.path(), &["registry", "check", "ok.json"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        copydesk(dir.path(), &["registry", "check", "nope.json"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn help_shows_every_option_with_an_example() {
    let out = copydesk(Path::new("."), &["check", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    for option in [
        "--registry",
        "--config",
        "--format",
        "--date",
        "--fail-on",
        "Examples:",
    ] {
        assert!(help.contains(option), "{option} missing from:\n{help}");
    }
    let version = copydesk(Path::new("."), &["--version"]);
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("copydesk "));
}

/// A folder of many drafts, some with findings, checked on every core: `jsonl` gives one
/// diagnostic a line with its file's path, the same findings as `json`; the human and JSON
/// reports keep the files' order whatever order the workers finish in.
#[test]
fn a_folder_checked_in_parallel_streams_jsonl_and_keeps_order_elsewhere() {
    let dir = parliament();
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    let clean = std::fs::read_to_string(dir.path().join("draft.md")).unwrap();
    let wrong = std::fs::read_to_string(dir.path().join("draft-with-errors.md")).unwrap();
    for i in 0..60 {
        let text = if i % 3 == 0 { &wrong } else { &clean };
        std::fs::write(dir.path().join(format!("archive/{i:03}.md")), text).unwrap();
    }
    let run = |format: &str, jobs: &str| {
        let out = copydesk(
            dir.path(),
            &[
                "check",
                "--registry",
                "registry.json",
                "--format",
                format,
                "--jobs",
                jobs,
                "archive",
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let jsonl = run("jsonl", "0");
    let json = stdout_json_text(&run("json", "3"));
    let mut from_json: Vec<Value> = Vec::new();
    for file in json["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            let mut d = d.clone();
            d["path"] = file["path"].clone();
            from_json.push(d);
        }
    }
    let mut lines: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(lines.len() >= 20, "{} lines", lines.len());
    let key = |v: &Value| v.to_string();
    lines.sort_by_key(key);
    from_json.sort_by_key(key);
    assert_eq!(lines, from_json);
    assert!(lines
        .iter()
        .all(|l| l["path"].as_str().unwrap().starts_with("archive")));
    assert_eq!(json["files"].as_array().unwrap().len(), 60);
    let paths: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    // One worker or many: the same human report, byte for byte, ending in the summary.
    let one = run("human", "1");
    assert_eq!(one, run("human", "4"));
    assert!(
        one.ends_with(&format!("{} findings in 60 files\n", lines.len())),
        "{one}"
    );
    // One worker or many: the same JSON document, pretty-printed as a whole.
    let single = run("json", "1");
    assert!(
        stdout_json_text(&single) == json,
        "one worker and three disagree"
    );
    assert_eq!(single, serde_json::to_string_pretty(&json).unwrap() + "\n");
}

fn stdout_json_text(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn schemas_are_printed_for_registry_and_config_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = copydesk(dir.path(), &["registry", "schema"]);
    assert!(out.status.success());
    let registry = stdout_json(&out);
    assert_eq!(registry["title"], "copydesk registry");
    let entity = &registry["properties"]["entities"]["items"];
    assert_eq!(
        entity["required"],
        serde_json::json!(["id", "kind", "name"])
    );
    let out = copydesk(dir.path(), &["config", "schema"]);
    assert!(out.status.success());
    let config = stdout_json(&out);
    assert_eq!(config["title"], "copydesk configuration");
    assert!(config["properties"]["severity"]["properties"]["unattributed-claim"].is_object());
}
