//! The lists of finding codes outside the Rust code, generated from the one table of checks
//! (`crates/core/src/analysis/checks/mod.rs`): the VS Code settings schema and the extension's
//! list of codes, the VS Code README, the Neovim help, the README's table and the fuzz
//! dictionary. As rust-analyzer's `generate_package_json_config` does, the test writes each
//! file's generated region and fails if that changed anything: commit the rewritten files.
//! Only the text between each file's markers is generated, except for the JSON Schemas the VS
//! Code extension contributes (`copydesk registry schema`, `copydesk config schema`), which are
//! whole files.

use copydesk::analysis::Code;

const LEVELS: [&str; 5] = ["error", "warning", "information", "hint", "off"];

/// Replaces what lies between `begin` and `end` in `text` (both kept) with `generated`.
fn splice(path: &str, text: &str, begin: &str, end: &str, generated: &str) -> String {
    let from = text
        .find(begin)
        .unwrap_or_else(|| panic!("{path} has no {begin:?}"))
        + begin.len();
    let to = from
        + text[from..]
            .find(end)
            .unwrap_or_else(|| panic!("{path} has no {end:?} after {begin:?}"));
    format!("{}{generated}{}", &text[..from], &text[to..])
}

/// Writes `generated` into `path` between the markers; names the file in `stale` if it changed.
fn regenerate(path: &str, begin: &str, end: &str, generated: &str, stale: &mut Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let new = splice(path, &text, begin, end, generated);
    if new != text {
        std::fs::write(path, &new).unwrap();
        stale.push(path.to_string());
    }
}

fn severity(code: Code) -> &'static str {
    code.default_name()
}

/// The README's table of codes.
fn readme_table() -> String {
    let mut out = String::from("\n| code | default | what it flags |\n| --- | --- | --- |\n");
    for &code in Code::ALL {
        let summary = code.info().summary().replace('|', "\\|");
        out.push_str(&format!("| `{code}` | {} | {summary} |\n", severity(code)));
    }
    out
}

/// The `properties` of `copydesk.severity` in the extension's `package.json`, indented as
/// `npm pkg` and the rest of the file are.
fn package_json_properties() -> String {
    let pad = " ".repeat(12);
    let entries: Vec<String> = Code::ALL
        .iter()
        .map(|&code| {
            let levels: Vec<String> = LEVELS
                .iter()
                .map(|l| format!("{pad}    \"{l}\""))
                .collect();
            let description = format!(
                "{} Default: `{}`. `copydesk explain {code}` tells more.",
                code.info().summary(),
                severity(code)
            );
            format!(
                "{pad}\"{code}\": {{\n{pad}  \"enum\": [\n{}\n{pad}  ],\n{pad}  \"markdownDescription\": {}\n{pad}}}",
                levels.join(",\n"),
                serde_json::to_string(&description).unwrap()
            )
        })
        .collect();
    format!("\n{}\n{}", entries.join(",\n"), " ".repeat(10))
}

/// The Neovim help's list: the code, then its summary wrapped to the help's 78 columns.
fn nvim_help() -> String {
    const INDENT: usize = 30;
    let mut out = String::from("\n");
    for &code in Code::ALL {
        let head = format!("    `{code}`");
        let text = format!("{} Default: {}.", code.info().summary(), severity(code));
        let mut line = if head.len() + 2 <= INDENT {
            format!("{head:INDENT$}")
        } else {
            out.push_str(&head);
            out.push('\n');
            " ".repeat(INDENT)
        };
        for word in text.split_whitespace() {
            if line.len() > INDENT && line.len() + 1 + word.len() > 78 {
                out.push_str(line.trim_end());
                out.push('\n');
                line = " ".repeat(INDENT);
            }
            if line.len() > INDENT {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    out
}

#[test]
fn generated_lists_of_codes_are_up_to_date() {
    let mut stale = Vec::new();
    let names: Vec<String> = Code::ALL.iter().map(|c| c.to_string()).collect();

    regenerate(
        "README.md",
        "<!-- codes:begin: generated from the table of checks by tests/analysis/generated_docs.rs -->\n",
        "<!-- codes:end -->",
        &readme_table()[1..],
        &mut stale,
    );
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    regenerate(
        "editors/vscode/README.md",
        "Codes: <!-- codes:begin -->",
        "<!-- codes:end -->",
        &quoted.join(", "),
        &mut stale,
    );
    regenerate(
        "editors/vscode/package.json",
        "\"markdownDescription\": \"Severity per finding code, overriding `copydesk.json`. `off` turns a check off.\",\n          \"additionalProperties\": false,\n          \"properties\": {",
        "}\n        },\n        \"copydesk.trace.server\"",
        &package_json_properties(),
        &mut stale,
    );
    let ts: String = names.iter().map(|n| format!("  '{n}',\n")).collect();
    regenerate(
        "editors/vscode/src/settings.ts",
        "  // codes:begin: generated from the table of checks by tests/analysis/generated_docs.rs\n",
        "  // codes:end",
        &ts,
        &mut stale,
    );
    regenerate(
        "editors/nvim/doc/copydesk.txt",
        "Each diagnostic carries one of these codes (`source` is `copydesk`):\n",
        "Turn a check off for part of a draft",
        &nvim_help(),
        &mut stale,
    );
    let dict: String = names.iter().map(|n| format!("\"\\\"{n}\\\"\"\n")).collect();
    regenerate(
        "fuzz/config.dict",
        "# codes:begin: generated from the table of checks by tests/analysis/generated_docs.rs\n",
        "# codes:end",
        &dict,
        &mut stale,
    );

    // The schema stays valid JSON and offers exactly the table's codes.
    let package: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("editors/vscode/package.json").unwrap())
            .unwrap();
    let schema = &package["contributes"]["configuration"]["properties"]["copydesk.severity"];
    let keys: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(keys, sorted.iter().collect::<Vec<_>>());

    assert!(
        stale.is_empty(),
        "regenerated from the table of checks, commit them: {}",
        stale.join(", ")
    );
}

/// Writes `text` as the whole of `path`; names the file in `stale` if it changed.
fn rewrite(path: &str, text: &str, stale: &mut Vec<String>) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap();
        stale.push(path.to_string());
    }
}

#[test]
fn the_extension_schemas_are_those_the_cli_prints() {
    let mut stale = Vec::new();
    // As `copydesk registry schema` and `copydesk config schema` print them.
    let printed = |schema: serde_json::Value| serde_json::to_string_pretty(&schema).unwrap() + "\n";
    rewrite(
        "editors/vscode/schemas/registry.schema.json",
        &printed(copydesk::schema::registry()),
        &mut stale,
    );
    rewrite(
        "editors/vscode/schemas/copydesk.schema.json",
        &printed(copydesk::schema::config()),
        &mut stale,
    );

    // package.json contributes exactly these files.
    let package: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("editors/vscode/package.json").unwrap())
            .unwrap();
    let mut urls: Vec<&str> = package["contributes"]["jsonValidation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["url"].as_str().unwrap())
        .collect();
    urls.sort();
    urls.dedup();
    assert_eq!(
        urls,
        [
            "./schemas/copydesk.schema.json",
            "./schemas/registry.schema.json"
        ]
    );

    assert!(
        stale.is_empty(),
        "regenerated from copydesk::schema, commit them: {}",
        stale.join(", ")
    );
}
