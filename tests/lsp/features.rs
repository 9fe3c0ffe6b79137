//! End-to-end tests of the language server, in process over `tokio::io::duplex`: the client in
//! `lsp/client.rs` speaks JSON-RPC to the real server as an editor would.

use crate::client::{capabilities, edits_as_changes, start, Client};
use copydesk::lsp::Options;
use copydesk::position::{Encoding, LineIndex, Position};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tower_lsp_server::ls_types::Uri;

const REGISTRY: &str = include_str!("../fixtures/parliament/registry.json");
const DRAFT: &str = include_str!("../fixtures/parliament/draft-with-errors.md");

fn uri(path: &Path) -> String {
    Uri::from_file_path(path).unwrap().as_str().to_string()
}

/// A newsroom folder: `copydesk.json` naming `registry/parliament.json`.
struct Newsroom {
    dir: tempfile::TempDir,
}

impl Newsroom {
    fn new() -> Newsroom {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("registry")).unwrap();
        std::fs::write(dir.path().join("registry/parliament.json"), REGISTRY).unwrap();
        std::fs::write(
            dir.path().join("copydesk.json"),
            r#"{"registries": ["registry/parliament.json"]}"#,
        )
        .unwrap();
        Newsroom { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn root(&self) -> String {
        uri(self.dir.path())
    }

    fn draft(&self) -> String {
        uri(&self.path("drafts/visit.md"))
    }
}

fn fast() -> Options {
    Options {
        debounce: Duration::from_millis(10),
        poll_interval: Duration::from_millis(50),
    }
}

async fn open_parliament(encoding: &str) -> (Newsroom, Client) {
    let room = Newsroom::new();
    let mut client = start(fast());
    client
        .initialize(&room.root(), capabilities(encoding), Value::Null)
        .await;
    client.open(&room.draft(), DRAFT);
    (room, client)
}

fn by_code<'a>(diags: &'a [Value], code: &str, text: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["code"] == code && d["message"].as_str().unwrap().contains(text))
        .unwrap_or_else(|| panic!("no {code} about {text} in {diags:#?}"))
}

/// The name-misspelling diagnostics only (the other checks have their own tests).
fn names(diags: &[Value]) -> Vec<&Value> {
    diags
        .iter()
        .filter(|d| d["code"] == "name-misspelling")
        .collect()
}

fn pos(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

/// The position of the `nth` occurrence of `needle` in `text`, in `enc`.
fn find(text: &str, needle: &str, enc: Encoding) -> Position {
    let offset = text.find(needle).unwrap();
    LineIndex::new(text).position(text, offset, enc)
}

#[tokio::test]
async fn parliament_diagnostics_hover_and_fix() {
    let (room, mut client) = open_parliament("utf-16").await;
    let draft = room.draft();
    let diags = client.diagnostics(&draft, Some(1)).await;
    let zhao = by_code(&diags, "name-misspelling", "Zhao Leiji");
    assert_eq!(zhao["source"], "copydesk");
    assert_eq!(zhao["severity"], 1);
    assert_eq!(zhao["range"]["start"], pos(2, 23));
    assert_eq!(zhao["range"]["end"], pos(2, 33));
    assert_eq!(zhao["data"]["entity"], "zhao-leji");
    assert_eq!(zhao["data"]["fixes"][0]["edits"][0]["newText"], "Zhao Leji");
    by_code(&diags, "name-misspelling", "Vyacheslav Volodine");
    let twice = diags
        .iter()
        .find(|d| d["code"] == "title-inconsistent")
        .expect("title-inconsistent");
    let related = &twice["relatedInformation"][0]["location"];
    assert_eq!(related["uri"], draft.as_str());
    let other = if twice["range"]["start"]["line"] == 4 {
        20
    } else {
        4
    };
    assert_eq!(related["range"]["start"]["line"], other, "{twice:#?}");

    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": draft}, "position": pos(4, 1)}),
        )
        .await
        .unwrap();
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.contains("**Zhao Leji** · person"), "{card}");
    assert!(card.contains("On the story's date (26 August 2025):\n- chairman of the Standing Committee of the National People's Congress since 10 March 2023"), "{card}");
    assert!(card.contains("Earlier:\n- secretary of the Central Commission for Discipline Inspection from 25 October 2017 to 23 October 2022"), "{card}");
    assert_eq!(hover["range"]["start"], pos(4, 0));

    let title = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": draft}, "position": pos(4, 8)}),
        )
        .await
        .unwrap();
    let card = title["contents"]["value"].as_str().unwrap();
    assert!(card.starts_with("**title-mismatch** (warning)"), "{card}");
    assert!(
        card.contains("**vice chairman**: a title of Zhao Leji"),
        "{card}"
    );
    assert!(card.contains("- chairman of the Standing Committee of the National People's Congress since 10 March 2023 (held on the story's date)"), "{card}");

    let possessive = find(DRAFT, "Volodin's visit", Encoding::Utf16);
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": draft}, "position": pos(possessive.line, 3)}),
        )
        .await
        .unwrap();
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(
        card.starts_with("**Vyacheslav Volodin** · person"),
        "{card}"
    );

    let on_finding = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": draft}, "position": pos(2, 25)}),
        )
        .await
        .unwrap();
    let text = on_finding["contents"]["value"].as_str().unwrap();
    assert!(text.starts_with("**name-misspelling** (error)"), "{text}");
    assert!(
        text.contains("Misspelled names are among the most visible errors"),
        "{text}"
    );

    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": draft}, "range": zhao["range"], "context": {"diagnostics": [zhao]}}),
        )
        .await
        .unwrap();
    let fix = &actions[0];
    assert_eq!(fix["title"], "Change to \"Zhao Leji\"");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(
        actions[1]["title"],
        "Turn off name-misspelling on this line"
    );
    let (version, changes) = edits_as_changes(fix);
    assert_eq!(version, 1);
    client.change(&draft, 2, changes);
    let after = client.diagnostics(&draft, Some(2)).await;
    assert!(
        after
            .iter()
            .all(|d| !d["message"].as_str().unwrap().contains("Zhao Leiji")),
        "{after:#?}"
    );
    by_code(&after, "name-misspelling", "Vyacheslav Volodine");
    client.shutdown().await;
}

#[tokio::test]
async fn turning_a_check_off_on_a_line_silences_it() {
    let (room, mut client) = open_parliament("utf-16").await;
    let draft = room.draft();
    let diags = client.diagnostics(&draft, Some(1)).await;
    let volodine = by_code(&diags, "name-misspelling", "Volodine");
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": draft}, "range": volodine["range"], "context": {"diagnostics": [volodine]}}),
        )
        .await
        .unwrap();
    let off = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Turn off name-misspelling on this line")
        .unwrap();
    assert_eq!(
        off["edit"]["documentChanges"][0]["edits"][0]["newText"],
        "<!-- copydesk-disable-next-line name-misspelling -->\n"
    );
    let (_, changes) = edits_as_changes(off);
    client.change(&draft, 2, changes);
    let after = client.diagnostics(&draft, Some(2)).await;
    assert_eq!(names(&after).len(), 1, "{after:#?}");
    by_code(&after, "name-misspelling", "Zhao Leiji");
}

#[tokio::test]
async fn a_fix_for_an_older_version_is_refused() {
    let (room, mut client) = open_parliament("utf-16").await;
    let draft = room.draft();
    let diags = client.diagnostics(&draft, Some(1)).await;
    let zhao = by_code(&diags, "name-misspelling", "Zhao Leiji").clone();
    client.change(
        &draft,
        2,
        json!([{"range": {"start": pos(0, 0), "end": pos(0, 0)}, "text": "Beijing\n"}]),
    );
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": draft}, "range": zhao["range"], "context": {"diagnostics": [zhao]}}),
        )
        .await
        .unwrap();
    assert_eq!(actions, json!([]));
}

/// A line with an emoji, CJK, a combining accent and CRLF endings, in each encoding: the
/// reported range is in that encoding, and an incremental edit computed in it fixes the name.
#[tokio::test]
async fn incremental_edits_in_each_encoding() {
    let text = "date 2025-08-26 Visit\r\n\r\n😀 中文 Jose\u{301} met Vyacheslav Volodine in Beijing.\r\n\r\nZhao Leji said it went well.\r\n";
    for (name, enc) in [
        ("utf-8", Encoding::Utf8),
        ("utf-16", Encoding::Utf16),
        ("utf-32", Encoding::Utf32),
    ] {
        let room = Newsroom::new();
        let draft = room.draft();
        let mut client = start(fast());
        let init = client
            .initialize(&room.root(), capabilities(name), Value::Null)
            .await;
        assert_eq!(init["capabilities"]["positionEncoding"], name);
        assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2);
        client.open(&draft, text);
        let diags = client.diagnostics(&draft, Some(1)).await;
        let d = by_code(&diags, "name-misspelling", "Volodine");
        let start = find(text, "Vyacheslav", enc);
        assert_eq!(
            d["range"]["start"],
            pos(start.line, start.character),
            "{name}"
        );

        // Type a word before the name, then delete the stray "e" of "Volodine".
        let at = find(text, "met", enc);
        client.change(
            &draft,
            2,
            json!([{"range": {"start": pos(at.line, at.character), "end": pos(at.line, at.character)}, "text": "已 "}]),
        );
        let edited = text.replacen("met", "已 met", 1);
        let e = find(&edited, "e in Beijing", enc);
        client.change(
            &draft,
            3,
            json!([{"range": {"start": pos(e.line, e.character), "end": pos(e.line, e.character + 1)}, "text": ""}]),
        );
        let after = client.diagnostics(&draft, Some(3)).await;
        assert_eq!(after, Vec::<Value>::new(), "{name}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_broken_registry_is_reported_and_the_last_good_one_kept() {
    let (room, mut client) = open_parliament("utf-16").await;
    let draft = room.draft();
    let registration = client
        .wait(|m| m["method"] == "client/registerCapability")
        .await;
    assert_eq!(
        registration["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    client.diagnostics(&draft, Some(1)).await;

    let registry = room.path("registry/parliament.json");
    let broken = REGISTRY.replacen("\"family_name\"", "\"famliy_name\"", 1);
    std::fs::write(&registry, &broken).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&registry), "type": 2}]}),
    );
    let problems = client.diagnostics(&uri(&registry), None).await;
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0]["message"]
        .as_str()
        .unwrap()
        .contains("famliy_name"));
    let expected = find(&broken, "\"famliy_name\"", Encoding::Utf16);
    assert_eq!(problems[0]["range"]["start"]["line"], expected.line);
    let shown = client.wait(|m| m["method"] == "window/showMessage").await;
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(
        message.contains("parliament.json:8:") && message.contains("last good"),
        "{message}"
    );
    let still = client.diagnostics(&draft, Some(1)).await;
    by_code(&still, "name-misspelling", "Zhao Leiji");

    // Fixed, with the draft's spelling now accepted as an alias.
    let accepting = REGISTRY.replacen(
        "\"variants\"",
        "\"aliases\": [\"Zhao Leiji\"], \"variants\"",
        1,
    );
    std::fs::write(&registry, accepting).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&registry), "type": 2}]}),
    );
    assert_eq!(
        client.diagnostics(&uri(&registry), None).await,
        Vec::<Value>::new()
    );
    let fixed = client
        .diagnostics_where(&draft, |d| names(d).len() == 1)
        .await;
    by_code(&fixed, "name-misspelling", "Volodine");
    client.shutdown().await;
}

/// Without dynamic registration the server watches the files itself.
#[tokio::test]
async fn config_changes_are_seen_without_client_watchers() {
    let room = Newsroom::new();
    let draft = room.draft();
    let mut client = start(fast());
    let mut caps = capabilities("utf-16");
    caps["workspace"]["didChangeWatchedFiles"] = json!({});
    client.initialize(&room.root(), caps, Value::Null).await;
    client.open(&draft, DRAFT);
    assert_eq!(names(&client.diagnostics(&draft, Some(1)).await).len(), 2);
    // Let the watcher see the files once before they change.
    tokio::time::sleep(Duration::from_millis(200)).await;
    std::fs::write(
        room.path("copydesk.json"),
        r#"{"registries": ["registry/parliament.json"], "severity": {"name-misspelling": "off"}}"#,
    )
    .unwrap();
    client
        .diagnostics_where(&draft, |d| names(d).is_empty())
        .await;
    client.shutdown().await;
}

#[tokio::test]
async fn editor_settings_come_from_initialization_options_or_workspace_configuration() {
    let room = Newsroom::new();
    std::fs::remove_file(room.path("copydesk.json")).unwrap();
    let draft = room.draft();
    let registry = room.path("registry/parliament.json");

    let mut client = start(fast());
    let options = json!({"registries": [registry], "severity": {"name-misspelling": "warning"}});
    client
        .initialize(&room.root(), capabilities("utf-16"), options)
        .await;
    client.open(&draft, DRAFT);
    let diags = client.diagnostics(&draft, Some(1)).await;
    assert_eq!(
        by_code(&diags, "name-misspelling", "Zhao Leiji")["severity"],
        2
    );
    client.shutdown().await;

    let mut client = start(fast());
    *client.settings.lock().unwrap() = json!({"registries": ["registry/parliament.json"], "severity": {"name-misspelling": "hint"}});
    let mut caps = capabilities("utf-16");
    caps["workspace"]["configuration"] = json!(true);
    client.initialize(&room.root(), caps, Value::Null).await;
    client.open(&draft, DRAFT);
    let diags = client.diagnostics(&draft, Some(1)).await;
    assert_eq!(
        by_code(&diags, "name-misspelling", "Zhao Leiji")["severity"],
        4
    );
    client.shutdown().await;
}

#[tokio::test]
async fn pull_diagnostics_and_lazy_code_actions() {
    let room = Newsroom::new();
    let draft = room.draft();
    let mut client = start(fast());
    let mut caps = capabilities("utf-16");
    caps["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    caps["textDocument"]["codeAction"] =
        json!({"resolveSupport": {"properties": ["edit"]}, "dataSupport": true});
    let init = client.initialize(&room.root(), caps, Value::Null).await;
    assert_eq!(
        init["capabilities"]["diagnosticProvider"]["identifier"],
        "copydesk"
    );
    assert_eq!(
        init["capabilities"]["codeActionProvider"]["resolveProvider"],
        true
    );
    client.open(&draft, DRAFT);
    let report = client
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": draft}}),
        )
        .await
        .unwrap();
    assert_eq!(report["kind"], "full");
    let items = report["items"].as_array().unwrap();
    let zhao = by_code(items, "name-misspelling", "Zhao Leiji");
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": draft}, "range": zhao["range"], "context": {"diagnostics": [zhao]}}),
        )
        .await
        .unwrap();
    assert!(actions[0].get("edit").is_none());
    let resolved = client
        .request("codeAction/resolve", actions[0].clone())
        .await
        .unwrap();
    assert_eq!(
        resolved["edit"]["documentChanges"][0]["edits"][0]["newText"],
        "Zhao Leji"
    );
    client.change(
        &draft,
        2,
        json!([{"range": {"start": pos(0, 0), "end": pos(0, 0)}, "text": "x"}]),
    );
    let stale = client
        .request("codeAction/resolve", actions[0].clone())
        .await;
    assert_eq!(stale.unwrap_err()["code"], -32801);
}

#[tokio::test]
async fn entity_location_points_at_the_registry_entry() {
    let (room, mut client) = open_parliament("utf-16").await;
    let draft = room.draft();
    client.diagnostics(&draft, Some(1)).await;
    let init = json!({"command": "copydesk.entityLocation", "arguments": [draft, pos(4, 2)]});
    let location = client
        .request("workspace/executeCommand", init)
        .await
        .unwrap();
    assert_eq!(location["uri"], uri(&room.path("registry/parliament.json")));
    let expected = find(REGISTRY, "\"zhao-leji\"", Encoding::Utf16);
    assert_eq!(
        location["range"]["start"],
        pos(expected.line, expected.character)
    );
}

#[tokio::test]
async fn unknown_documents_answer_empty_and_positions_clamp() {
    let (room, mut client) = open_parliament("utf-16").await;
    let nowhere = uri(&room.path("drafts/nowhere.md"));
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": nowhere}, "position": pos(0, 0)}),
        )
        .await;
    assert_eq!(hover, Ok(Value::Null));
    let far = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": room.draft()}, "position": pos(9999, 9999)}),
        )
        .await;
    assert_eq!(far, Ok(Value::Null));
    let beyond_line = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": room.draft()}, "position": pos(2, 9999)}),
        )
        .await;
    assert!(beyond_line.is_ok());
    client.change(
        &room.draft(),
        2,
        json!([{"range": {"start": pos(500, 3), "end": pos(900, 0)}, "text": "\nZhao Leiji spoke."}]),
    );
    let diags = client.diagnostics(&room.draft(), Some(2)).await;
    assert_eq!(names(&diags).len(), 3, "{diags:#?}");
}

/// Typing a sentence one character at a time, as fast as the client can send: every edit lands
/// in order, and the diagnostics published last describe the last version.
#[tokio::test]
async fn fast_typing_never_loses_an_edit() {
    let (room, mut client) = open_parliament("utf-16").await;
    let draft = room.draft();
    client.diagnostics(&draft, Some(1)).await;
    let end = find(DRAFT, "Tuesday.", Encoding::Utf16);
    let typed = " Vyacheslav Volodine 😀 agreed.";
    let mut column = end.character + "Tuesday.".len() as u32;
    let mut version = 1;
    for c in typed.chars() {
        version += 1;
        let at = pos(end.line, column);
        client.change(
            &draft,
            version,
            json!([{"range": {"start": at, "end": at}, "text": c.to_string()}]),
        );
        column += c.len_utf16() as u32;
    }
    let diags = client.diagnostics(&draft, Some(version)).await;
    let typed_name = diags
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains("Volodine"))
        .map(|d| d["range"]["start"].clone())
        .collect::<Vec<_>>();
    let expected = end.character + "Tuesday. ".len() as u32;
    assert!(typed_name.contains(&pos(end.line, expected)), "{diags:#?}");
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": draft}, "position": pos(end.line, expected + 2)}),
        )
        .await
        .unwrap();
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Vyacheslav Volodin"));
}

/// An unsaved buffer has no folder of its own: it is checked with the first workspace folder's
/// configuration.
#[tokio::test]
async fn unsaved_buffers_use_the_workspace_configuration() {
    let room = Newsroom::new();
    let mut client = start(fast());
    client
        .initialize(&room.root(), capabilities("utf-16"), Value::Null)
        .await;
    client.open("untitled:Untitled-1", DRAFT);
    let diags = client.diagnostics("untitled:Untitled-1", Some(1)).await;
    by_code(&diags, "name-misspelling", "Zhao Leiji");
    client.shutdown().await;
}

#[tokio::test]
async fn completion_offers_registry_names_with_title_holders_first() {
    let room = Newsroom::new();
    let mut client = start(fast());
    let init = client
        .initialize(&room.root(), capabilities("utf-16"), Value::Null)
        .await;
    assert!(init["capabilities"]["completionProvider"].is_object());
    let draft = room.draft();
    client.open(&draft, DRAFT);
    client.diagnostics(&draft, Some(1)).await;
    let line = "Russian State Duma Chairman Vyach";
    let end = pos(21, 0);
    client.change(
        &draft,
        2,
        json!([{"range": {"start": end, "end": end}, "text": line}]),
    );
    let at = pos(21, line.len() as u32);
    let list = client
        .request(
            "textDocument/completion",
            json!({"textDocument": {"uri": draft}, "position": at}),
        )
        .await
        .unwrap();
    let first = &list["items"][0];
    assert_eq!(first["label"], "Vyacheslav Volodin", "{list:#}");
    assert_eq!(first["detail"], "chairman of the State Duma");
    assert_eq!(first["textEdit"]["newText"], "Vyacheslav Volodin");
    assert_eq!(first["textEdit"]["range"]["start"], pos(21, 28));
    let card = first["documentation"]["value"].as_str().unwrap();
    assert!(
        card.contains("On the story's date (26 August 2025)"),
        "{card}"
    );
    // Lower case, or a single letter with no title before it, offers nothing.
    client.change(
        &draft,
        3,
        json!([{"range": {"start": pos(21, 0), "end": at}, "text": "met v"}]),
    );
    let none = client
        .request(
            "textDocument/completion",
            json!({"textDocument": {"uri": draft}, "position": pos(21, 5)}),
        )
        .await
        .unwrap();
    assert!(none.is_null(), "{none:#}");
}

#[tokio::test]
async fn outline_definition_references_and_workspace_symbols() {
    let room = Newsroom::new();
    let mut client = start(fast());
    let init = client
        .initialize(&room.root(), capabilities("utf-16"), Value::Null)
        .await;
    for cap in [
        "documentSymbolProvider",
        "definitionProvider",
        "referencesProvider",
        "workspaceSymbolProvider",
    ] {
        assert_eq!(init["capabilities"][cap], true, "{cap}");
    }
    let draft = room.draft();
    client.open(&draft, DRAFT);
    client.diagnostics(&draft, Some(1)).await;
    let doc = json!({"textDocument": {"uri": draft}});

    let outline = client
        .request("textDocument/documentSymbol", doc.clone())
        .await
        .unwrap();
    let people: Vec<&str> = outline
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(people[0], "Zhao Leji", "{outline:#}");
    assert!(people.contains(&"Vyacheslav Volodin"), "{people:?}");
    let zhao = &outline[0];
    assert!(
        zhao["detail"].as_str().unwrap().starts_with("chairman of"),
        "{zhao:#}"
    );
    let children = zhao["children"].as_array().unwrap();
    assert!(children.len() >= 2, "{zhao:#}");
    assert_eq!(children[0]["name"], "Zhao Leiji");
    assert_eq!(zhao["selectionRange"], children[0]["range"]);

    let at_zhao = json!({"textDocument": {"uri": draft}, "position": pos(4, 1)});
    let definition = client
        .request("textDocument/definition", at_zhao.clone())
        .await
        .unwrap();
    let registry = uri(&room.path("registry/parliament.json"));
    assert_eq!(definition["uri"], registry);
    let object = REGISTRY.find("{\n      \"id\": \"zhao-leji\"").unwrap();
    let start = LineIndex::new(REGISTRY).position(REGISTRY, object, Encoding::Utf16);
    assert_eq!(
        definition["range"]["start"],
        pos(start.line, start.character)
    );

    let other = uri(&room.path("drafts/other.md"));
    client.open(&other, "Zhao Leji arrived.\n");
    client.diagnostics(&other, Some(1)).await;
    let mut params = at_zhao.clone();
    params["context"] = json!({"includeDeclaration": true});
    let refs = client
        .request("textDocument/references", params)
        .await
        .unwrap();
    let refs = refs.as_array().unwrap();
    assert_eq!(refs[0]["uri"], registry, "the declaration first");
    let in_draft = refs.iter().filter(|r| r["uri"] == draft.as_str()).count();
    assert_eq!(in_draft, children.len());
    let in_other: Vec<&Value> = refs.iter().filter(|r| r["uri"] == other.as_str()).collect();
    assert_eq!(in_other.len(), 1);
    assert_eq!(in_other[0]["range"]["end"], pos(0, 9));

    let symbols = client
        .request("workspace/symbol", json!({"query": "vyach"}))
        .await
        .unwrap();
    let found = &symbols[0];
    assert_eq!(found["name"], "Vyacheslav Volodin", "{symbols:#}");
    assert_eq!(found["location"]["uri"], registry);
    let object = REGISTRY
        .find("{\n      \"id\": \"vyacheslav-volodin\"")
        .unwrap();
    let start = LineIndex::new(REGISTRY).position(REGISTRY, object, Encoding::Utf16);
    assert_eq!(
        found["location"]["range"]["start"],
        pos(start.line, start.character)
    );
}

#[tokio::test]
async fn the_built_in_registry_has_no_definition_to_go_to() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = start(fast());
    client
        .initialize(&uri(dir.path()), capabilities("utf-16"), Value::Null)
        .await;
    let draft = uri(&dir.path().join("story.md"));
    client.open(&draft, "date 2025-08-26 Visit\n\nVladimir Putin arrived.\n");
    client.diagnostics(&draft, Some(1)).await;
    let at = json!({"textDocument": {"uri": draft}, "position": pos(2, 3)});
    let hover = client
        .request("textDocument/hover", at.clone())
        .await
        .unwrap();
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Vladimir Putin"));
    let definition = client.request("textDocument/definition", at).await.unwrap();
    assert!(definition.is_null(), "{definition:#}");
}

/// `text` with a code action's edits to `target` applied (last first).
fn apply_edits(text: &str, action: &Value, target: &str) -> String {
    let doc = &action["edit"]["documentChanges"][0];
    assert_eq!(doc["textDocument"]["uri"], target, "{action:#}");
    let mut edits = doc["edits"].as_array().unwrap().clone();
    let at = |p: &Value| {
        let p = Position {
            line: p["line"].as_u64().unwrap() as u32,
            character: p["character"].as_u64().unwrap() as u32,
        };
        LineIndex::new(text).offset(text, p, Encoding::Utf16)
    };
    edits.sort_by_key(|e| std::cmp::Reverse(at(&e["range"]["start"])));
    let mut out = text.to_string();
    for e in edits {
        let range = at(&e["range"]["start"])..at(&e["range"]["end"]);
        out.replace_range(range, e["newText"].as_str().unwrap());
    }
    out
}

async fn actions_at(client: &mut Client, draft: &str, range: Value, diags: Value) -> Vec<Value> {
    let params =
        json!({"textDocument": {"uri": draft}, "range": range, "context": {"diagnostics": diags}});
    let actions = client.request("textDocument/codeAction", params).await;
    actions.unwrap().as_array().unwrap().clone()
}

#[tokio::test]
async fn accepting_a_spelling_and_adding_a_name_edit_the_registry() {
    let (room, mut client) = open_parliament("utf-16").await;
    let draft = room.draft();
    client.diagnostics(&draft, Some(1)).await;
    let registry_path = room.path("registry/parliament.json");
    let registry = uri(&registry_path);

    // An unknown two-word name, with the registry file open in the editor at version 7: the
    // edit targets that version.
    let end = pos(21, 0);
    let line = "Ann Lee-Smith, an analyst, agreed.";
    client.change(
        &draft,
        2,
        json!([{"range": {"start": end, "end": end}, "text": line}]),
    );
    let diags = client.diagnostics(&draft, Some(2)).await;
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": registry, "languageId": "json", "version": 7, "text": REGISTRY}}),
    );
    let cursor = json!({"start": pos(21, 2), "end": pos(21, 2)});
    let actions = actions_at(&mut client, &draft, cursor, json!([])).await;
    let add = actions
        .iter()
        .find(|a| a["title"] == "Add 'Ann Lee-Smith' to the registry (parliament.json)")
        .unwrap_or_else(|| panic!("{actions:#?}"));
    assert_eq!(
        add["edit"]["documentChanges"][0]["textDocument"]["version"],
        7
    );
    let added = apply_edits(REGISTRY, add, &registry);
    let parsed = copydesk::registry::parse_registry("r.json", &added).unwrap();
    let new = parsed.entities.last().unwrap();
    assert_eq!(
        (new.id.as_str(), new.name.as_str()),
        ("ann-lee-smith", "Ann Lee-Smith")
    );
    assert!(added.ends_with("    },\n    {\n      \"id\": \"ann-lee-smith\",\n      \"kind\": \"person\",\n      \"name\": \"Ann Lee-Smith\",\n      \"roles\": []\n    }\n  ]\n}\n"), "{added}");
    // A known name, or a word on its own, is not offered.
    let on_zhao = json!({"start": pos(4, 1), "end": pos(4, 1)});
    let actions = actions_at(&mut client, &draft, on_zhao, json!([])).await;
    assert!(
        !actions
            .iter()
            .any(|a| a["title"].as_str().unwrap().starts_with("Add")),
        "{actions:#?}"
    );
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": registry}}),
    );

    // Accepting a misspelling: computed from the file on disk (version null); once the edited
    // registry is saved and reloaded, the finding is gone.
    let zhao = by_code(&diags, "name-misspelling", "Zhao Leiji").clone();
    let actions = actions_at(
        &mut client,
        &draft,
        zhao["range"].clone(),
        json!([zhao.clone()]),
    )
    .await;
    let accept = actions
        .iter()
        .find(|a| a["title"] == "Accept 'Zhao Leiji' as a spelling of Zhao Leji")
        .unwrap_or_else(|| panic!("{actions:#?}"));
    assert!(accept["edit"]["documentChanges"][0]["textDocument"]["version"].is_null());
    let accepted = apply_edits(REGISTRY, accept, &registry);
    let parsed = copydesk::registry::parse_registry("r.json", &accepted).unwrap();
    assert_eq!(parsed.entities[0].aliases, ["Zhao Leiji"]);
    // Only the entity's object changed: the file reads as before around it.
    assert_eq!(
        accepted.replace(",\n      \"aliases\": [\"Zhao Leiji\"]", ""),
        REGISTRY
    );
    // A known wrong spelling (a registry variant) is the registry's decision: no accept.
    let volodine = by_code(&diags, "name-misspelling", "Vyacheslav Volodine").clone();
    let actions = actions_at(
        &mut client,
        &draft,
        volodine["range"].clone(),
        json!([volodine]),
    )
    .await;
    assert!(!actions
        .iter()
        .any(|a| a["title"].as_str().unwrap().starts_with("Accept")));

    std::fs::write(&registry_path, accepted).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": registry, "type": 2}]}),
    );
    let after = client
        .diagnostics_where(&draft, |d| {
            !d.iter()
                .any(|d| d["message"].as_str().unwrap().contains("Zhao Leiji"))
        })
        .await;
    assert!(
        after.iter().any(|d| d["code"] == "name-misspelling"),
        "{after:#?}"
    );
}

#[tokio::test]
async fn an_open_registry_file_is_checked_as_it_is_typed() {
    let (room, mut client) = open_parliament("utf-16").await;
    client.diagnostics(&room.draft(), Some(1)).await;
    let registry = uri(&room.path("registry/parliament.json"));
    let broken = REGISTRY.replacen("\"kind\": \"person\"", "\"kind\": \"persn\"", 1);
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": registry, "languageId": "json", "version": 1, "text": broken}}),
    );
    let diags = client.diagnostics(&registry, Some(1)).await;
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let at = find(&broken, "\"persn\"", Encoding::Utf16);
    assert_eq!(diags[0]["range"]["start"]["line"], at.line);
    // An unsaved edit that fixes it clears it; one that names an unknown entity in a role is
    // reported where it is written.
    client.change(&registry, 2, json!([{"text": REGISTRY}]));
    assert!(client.diagnostics(&registry, Some(2)).await.is_empty());
    let dangling = REGISTRY.replacen("\"of\": \"state-duma\"", "\"of\": \"state-dumaa\"", 1);
    client.change(&registry, 3, json!([{"text": dangling}]));
    let diags = client.diagnostics(&registry, Some(3)).await;
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("state-dumaa"),
        "{diags:#?}"
    );
    // The drafts still use the registry as saved: nothing was reloaded.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": registry}}),
    );
    let cleared = client.diagnostics(&registry, None).await;
    assert!(cleared.is_empty());
}

/// Requests never wait on analysis: on a 10 MB draft, whose first check takes seconds,
/// hover answers while that check is still running (nothing published yet), from the paragraph
/// at the cursor read against the registry, with the document's line numbers; an edit then
/// supersedes the long check, and the diagnostics that come are of the edited text.
#[tokio::test]
async fn hover_answers_while_a_check_of_a_huge_draft_runs() {
    let room = Newsroom::new();
    let mut client = start(fast());
    client
        .initialize(&room.root(), capabilities("utf-16"), Value::Null)
        .await;
    let (dateline, body) = DRAFT.split_once('\n').unwrap();
    let mut huge = format!("{dateline}\n");
    while huge.len() < 10_000_000 {
        huge.push_str(body);
        huge.push('\n');
    }
    // The registry loads first (a provisional answer needs it): a small draft in the same
    // folder is checked once.
    let small = uri(&room.path("drafts/small.md"));
    client.open(&small, DRAFT);
    client.diagnostics(&small, Some(1)).await;
    let draft = room.draft();
    client.open(&draft, &huge);
    // The last copy of the story: its misspelled name, in document lines.
    let at = huge.rfind("Zhao Leiji").unwrap();
    let index = LineIndex::new(&huge);
    let p = index.position(&huge, at + 2, Encoding::Utf16);
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": draft}, "position": pos(p.line, p.character)}),
        )
        .await
        .unwrap();
    // Only the first part's diagnostics may have come (see the next test).
    let first_part_lines = huge[..16 * 1024].lines().count() as u64;
    let beyond_first_part = |m: &Value| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["range"]["start"]["line"].as_u64().unwrap() >= first_part_lines)
    };
    assert!(
        !client.backlog_has(beyond_first_part),
        "the check finished before hover answered: the draft is too small to tell"
    );
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.contains("**Zhao Leji** · person"), "{card}");
    // The story's date comes from its dateline, far above the paragraph read.
    assert!(
        card.contains("On the story's date (26 August 2025)"),
        "{card}"
    );
    assert_eq!(hover["range"]["start"]["line"], p.line);

    client.change(
        &draft,
        2,
        json!([{"range": {"start": pos(0, 0), "end": pos(p.line + 1, 0)}, "text": DRAFT}]),
    );
    let diags = client.diagnostics(&draft, Some(2)).await;
    by_code(&diags, "name-misspelling", "Zhao Leiji");
    // Version 1's whole check was superseded: at most its first part was published (before
    // the edit; which of the two came first is the scheduler's choice), and nothing else.
    assert!(
        !client.backlog_has(|m| m["method"] == "textDocument/publishDiagnostics"
            && (m["params"]["version"] != 1 || beyond_first_part(m)))
    );
}

/// A huge draft is analysed in two steps: its first part's diagnostics come first (only
/// findings there), then the whole draft's, which equal a full check of it (a client that pulls
/// diagnostics gets the full check at once).
#[tokio::test]
async fn a_huge_draft_publishes_its_first_part_then_the_whole() {
    let room = Newsroom::new();
    let (dateline, body) = DRAFT.split_once('\n').unwrap();
    let mut huge = format!("{dateline}\n");
    while huge.len() < 200_000 {
        huge.push_str(body);
        huge.push('\n');
    }
    let draft = room.draft();
    let mut client = start(fast());
    client
        .initialize(&room.root(), capabilities("utf-16"), Value::Null)
        .await;
    client.open(&draft, &huge);
    let first = client.diagnostics(&draft, Some(1)).await;
    let whole = client.diagnostics(&draft, Some(1)).await;
    let first_part_lines = huge[..16 * 1024].lines().count() as u64;
    let line = |d: &Value| d["range"]["start"]["line"].as_u64().unwrap();
    assert!(!first.is_empty());
    assert!(first.iter().all(|d| line(d) < first_part_lines));
    assert!(whole.iter().any(|d| line(d) >= first_part_lines));

    let mut pulling = start(fast());
    let mut caps = capabilities("utf-16");
    caps["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    pulling.initialize(&room.root(), caps, Value::Null).await;
    pulling.open(&draft, &huge);
    let report = pulling
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": draft}}),
        )
        .await
        .unwrap();
    assert_eq!(report["items"].as_array().unwrap(), &whole);
}
