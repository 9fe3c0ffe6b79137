//! Hostile clients, as a table: each test is one row, a misbehaving client and what the server
//! does about it. The server runs in process (the client in `lsp/client.rs`); every row ends by
//! checking that the server still answers, so a panic or a hang fails the row.
//!
//! The boundary rows check what the server never does on its own: write files, run commands,
//! open network connections, or read from a device or a FIFO because a config says so.

use crate::client::{capabilities, start, Client};
use crate::load;
use copydesk::lsp::{serve, Options};
use serde_json::{json, Value};
use std::path::Path;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower_lsp_server::ls_types::Uri;

const REGISTRY: &str = include_str!("../fixtures/parliament/registry.json");

fn uri(path: &Path) -> String {
    Uri::from_file_path(path).unwrap().as_str().to_string()
}

fn pos(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

fn fast() -> Options {
    Options {
        debounce: Duration::from_millis(5),
        poll_interval: Duration::from_millis(50),
    }
}

/// A folder with the parliament registry configured, and a client initialised on it.
async fn newsroom() -> (tempfile::TempDir, Client) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("registry.json"), REGISTRY).unwrap();
    std::fs::write(
        dir.path().join("copydesk.json"),
        r#"{"registries": ["registry.json"]}"#,
    )
    .unwrap();
    let mut client = start(fast());
    client
        .initialize(&uri(dir.path()), capabilities("utf-16"), Value::Null)
        .await;
    (dir, client)
}

/// The misspelled-name diagnostics' start positions.
fn misspellings(diags: &[Value]) -> Vec<Value> {
    diags
        .iter()
        .filter(|d| d["code"] == "name-misspelling")
        .map(|d| d["range"]["start"].clone())
        .collect()
}

/// The server still answers a request.
async fn still_answers(client: &mut Client, draft: &str) {
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": draft}, "position": pos(0, 0)}),
        )
        .await;
    assert!(hover.is_ok(), "{hover:?}");
}

#[tokio::test]
async fn change_to_a_document_never_opened_is_ignored() {
    let (dir, mut client) = newsroom().await;
    let ghost = uri(&dir.path().join("ghost.md"));
    client.change(
        &ghost,
        2,
        json!([{"range": {"start": pos(0, 0), "end": pos(0, 0)}, "text": "Zhao Leiji"}]),
    );
    let draft = uri(&dir.path().join("d.md"));
    client.open(&draft, "Zhao Leiji spoke.\n");
    assert_eq!(
        misspellings(&client.diagnostics(&draft, Some(1)).await).len(),
        1
    );
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": ghost}, "position": pos(0, 1)}),
        )
        .await;
    assert_eq!(hover, Ok(Value::Null), "the ghost document was not created");
    still_answers(&mut client, &draft).await;
}

#[tokio::test]
async fn positions_past_the_end_clamp_to_the_line_and_the_text() {
    let (dir, mut client) = newsroom().await;
    let draft = uri(&dir.path().join("d.md"));
    client.open(&draft, "Fine.\nAlso fine.");
    client.diagnostics(&draft, Some(1)).await;
    // Past the line's end: lands at the end of line 0. Past the text: lands at its end.
    // A range whose end is before its start inserts at the start.
    client.change(
        &draft,
        2,
        json!([
            {"range": {"start": pos(0, 999), "end": pos(0, 999)}, "text": " Zhao Leiji spoke."},
            {"range": {"start": pos(99, 0), "end": pos(120, 7)}, "text": " Zhao Leiji left."},
            {"range": {"start": pos(1, 4), "end": pos(0, 0)}, "text": ""}
        ]),
    );
    let diags = client.diagnostics(&draft, Some(2)).await;
    assert_eq!(
        misspellings(&diags),
        vec![pos(0, 6), pos(1, 11)],
        "{diags:#?}"
    );
    still_answers(&mut client, &draft).await;
}

/// Versions are the client's business: the server applies changes in the order they arrive and
/// labels its diagnostics with the version the client gave.
#[tokio::test]
async fn versions_that_go_backwards_are_applied_in_arrival_order() {
    let (dir, mut client) = newsroom().await;
    let draft = uri(&dir.path().join("d.md"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": draft, "languageId": "markdown", "version": 10, "text": "Zhao Leji spoke.\n"}}),
    );
    client.diagnostics(&draft, Some(10)).await;
    client.change(
        &draft,
        3,
        json!([{"range": {"start": pos(0, 0), "end": pos(0, 9)}, "text": "Zhao Leiji"}]),
    );
    let diags = client.diagnostics(&draft, Some(3)).await;
    assert_eq!(misspellings(&diags), vec![pos(0, 0)]);
    client.change(
        &draft,
        -7,
        json!([{"range": {"start": pos(0, 0), "end": pos(0, 10)}, "text": "Zhao Leji"}]),
    );
    assert!(misspellings(&client.diagnostics(&draft, Some(-7)).await).is_empty());
    still_answers(&mut client, &draft).await;
}

#[tokio::test]
async fn a_thousand_open_documents_each_get_their_diagnostics() {
    let (dir, mut client) = newsroom().await;
    let drafts: Vec<String> = (0..1000)
        .map(|i| uri(&dir.path().join(format!("d{i}.md"))))
        .collect();
    for (i, draft) in drafts.iter().enumerate() {
        client.open(draft, &format!("{}Zhao Leiji spoke.\n", "\n".repeat(i % 7)));
    }
    for (i, draft) in drafts.iter().enumerate() {
        let diags = client.diagnostics(draft, Some(1)).await;
        assert_eq!(
            misspellings(&diags),
            vec![pos((i % 7) as u32, 0)],
            "{draft}"
        );
    }
    still_answers(&mut client, &drafts[999]).await;
}

#[tokio::test]
async fn a_long_line_is_checked() {
    let (dir, mut client) = newsroom().await;
    let draft = uri(&dir.path().join("long.md"));
    let filler = "The committee met on Tuesday and the talks went on. ".repeat(8_000);
    client.open(&draft, &format!("{filler}Zhao Leiji spoke."));
    let diags = client.diagnostics(&draft, Some(1)).await;
    assert_eq!(misspellings(&diags), vec![pos(0, filler.len() as u32)]);
    still_answers(&mut client, &draft).await;
}

#[tokio::test]
async fn malformed_requests_get_errors_and_the_server_goes_on() {
    let (dir, mut client) = newsroom().await;
    let draft = uri(&dir.path().join("d.md"));
    client.open(&draft, "Zhao Leiji spoke.\n");
    client.diagnostics(&draft, Some(1)).await;
    let unknown = client.request("copydesk/nothing", json!({})).await;
    assert_eq!(unknown.unwrap_err()["code"], -32601);
    let bad_params = client
        .request("textDocument/hover", json!({"textDocument": 7}))
        .await;
    assert_eq!(bad_params.unwrap_err()["code"], -32602);
    let bad_command = client
        .request(
            "workspace/executeCommand",
            json!({"command": "copydesk.entityLocation", "arguments": [null, "x", 3]}),
        )
        .await;
    assert_eq!(bad_command, Ok(Value::Null));
    client.notify("textDocument/didChange", json!({"textDocument": "nope"}));
    client.notify("$/unknownNotification", json!([1, 2]));
    still_answers(&mut client, &draft).await;
}

/// A client that writes raw frames and reads the server's answers.
struct Wire {
    write: tokio::io::WriteHalf<tokio::io::DuplexStream>,
    bodies: tokio::sync::mpsc::UnboundedReceiver<Value>,
    received: Vec<Value>,
}

impl Wire {
    fn start() -> (Wire, tokio::task::JoinHandle<()>) {
        let (wire, server_end) = tokio::io::duplex(1 << 16);
        let (read, write) = tokio::io::split(server_end);
        let server = tokio::spawn(serve(read, write, fast()));
        let (wire_read, write) = tokio::io::split(wire);
        let (to_test, bodies) = tokio::sync::mpsc::unbounded_channel();
        tokio::spawn(async move {
            let mut wire_read = tokio::io::BufReader::new(wire_read);
            while let Some(body) = read_frame(&mut wire_read).await {
                let _ = to_test.send(body);
            }
        });
        let wire = Wire {
            write,
            bodies,
            received: Vec::new(),
        };
        (wire, server)
    }

    async fn send(&mut self, body: Value) {
        let body = body.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.write.write_all(frame.as_bytes()).await.unwrap();
    }

    async fn answer(&mut self, id: i64) -> Value {
        loop {
            if let Some(b) = self.received.iter().find(|b| b["id"] == id) {
                return b.clone();
            }
            let next = tokio::time::timeout(Duration::from_secs(10), self.bodies.recv());
            let body = next.await.expect("an answer").expect("the server is up");
            self.received.push(body);
        }
    }
}

/// After `shutdown`, requests are refused and nothing is checked; `exit` ends the server.
#[tokio::test]
async fn requests_after_shutdown_are_refused_and_exit_ends_the_server() {
    let (mut wire, server) = Wire::start();
    wire.send(
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    )
    .await;
    assert!(wire.answer(1).await["result"]["capabilities"].is_object());
    wire.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        .await;
    wire.send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        .await;
    assert_eq!(wire.answer(2).await["result"], Value::Null);
    wire.send(json!({"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///x.md"}, "position": pos(0, 0)}})).await;
    assert_eq!(wire.answer(3).await["error"]["code"], -32600);
    wire.send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///x.md", "languageId": "markdown", "version": 1, "text": "Zhao Leiji"}}})).await;
    wire.send(json!({"jsonrpc": "2.0", "id": 4, "method": "shutdown"}))
        .await;
    assert_eq!(wire.answer(4).await["error"]["code"], -32600);
    wire.send(json!({"jsonrpc": "2.0", "method": "exit"})).await;
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("exit ends the server")
        .unwrap();
    while let Ok(Some(b)) =
        tokio::time::timeout(Duration::from_millis(100), wire.bodies.recv()).await
    {
        wire.received.push(b);
    }
    assert!(
        !wire
            .received
            .iter()
            .any(|b| b["method"] == "textDocument/publishDiagnostics"),
        "nothing is checked after shutdown: {:#?}",
        wire.received
    );
}

async fn read_frame(read: &mut (impl tokio::io::AsyncBufRead + Unpin)) -> Option<Value> {
    use tokio::io::AsyncBufReadExt;
    let mut length = 0;
    loop {
        let mut line = String::new();
        if read.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        match line.trim_end() {
            "" => break,
            header => {
                if let Some(n) = header.strip_prefix("Content-Length: ") {
                    length = n.parse().ok()?;
                }
            }
        }
    }
    let mut body = vec![0; length];
    read.read_exact(&mut body).await.ok()?;
    serde_json::from_slice(&body).ok()
}

#[tokio::test]
async fn garbage_on_the_wire_does_not_crash_the_server() {
    let (mut wire, server_end) = tokio::io::duplex(1 << 16);
    let (read, write) = tokio::io::split(server_end);
    let server = tokio::spawn(serve(read, write, fast()));
    let garbage: [&[u8]; 4] = [
        b"Content-Length: 5\r\n\r\n{oops",
        b"Content-Length: 2\r\n\r\n[]",
        b"Content-Length: 4\r\n\r\n\xff\xfe\x00\x01",
        b"Content-Type: nothing\r\n\r\n",
    ];
    for g in garbage {
        let _ = wire.write_all(g).await;
    }
    let ping =
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
            .to_string();
    let _ = wire
        .write_all(format!("Content-Length: {}\r\n\r\n{ping}", ping.len()).as_bytes())
        .await;
    drop(wire);
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("closing the input ends the server")
        .expect("the server did not panic");
}

/// The load test in small (`cargo run --release --example lsp_load` runs it for 60 s): typing
/// at 200 changes a second ends in the same diagnostics as a fresh check of the final text.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sustained_typing_ends_in_a_fresh_checks_diagnostics() {
    let report = load::run(Duration::from_secs(3), 200).await;
    assert!(report.changes >= 300, "{} changes", report.changes);
    assert!(report.final_diagnostics > 0);
    assert!(report.matches_fresh_check);
}

// Boundaries.

/// A config that names a FIFO and a device: the server reports them and does not block on them.
#[tokio::test]
async fn config_cannot_make_the_server_read_a_device_or_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::fs::write(
        dir.path().join("copydesk.json"),
        r#"{"registries": ["pipe.json", "/dev/zero"]}"#,
    )
    .unwrap();
    let mut client = start(fast());
    client
        .initialize(&uri(dir.path()), capabilities("utf-16"), Value::Null)
        .await;
    let draft = uri(&dir.path().join("d.md"));
    client.open(&draft, "Zhao Leiji spoke.\n");
    let shown = client.wait(|m| m["method"] == "window/showMessage").await;
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(
        message.contains("pipe.json") || message.contains("/dev/zero"),
        "{message}"
    );
    still_answers(&mut client, &draft).await;
}

/// The real binary over stdio, through a whole editing session with fixes offered and hover and
/// the entity-location command: no file in the folder changes, no file appears.
#[test]
fn the_server_writes_no_files_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("registry.json"), REGISTRY).unwrap();
    std::fs::write(
        dir.path().join("copydesk.json"),
        r#"{"registries": ["registry.json"]}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("d.md"), "Zhao Leiji spoke.\n").unwrap();
    let before = listing(dir.path());
    let draft = uri(&dir.path().join("d.md"));
    let messages = [
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "rootUri": uri(dir.path()), "workspaceFolders": [{"uri": uri(dir.path()), "name": "n"}]}}),
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": draft, "languageId": "markdown", "version": 1, "text": "Zhao Leiji spoke.\n"}}}),
        json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": draft, "version": 2}, "contentChanges": [{"range": {"start": pos(1, 0), "end": pos(1, 0)}, "text": "Vyacheslav Volodine agreed.\n"}]}}),
        json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": draft}, "position": pos(0, 2)}}),
        json!({"jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": draft}, "range": {"start": pos(0, 0), "end": pos(1, 30)}, "context": {"diagnostics": []}}}),
        json!({"jsonrpc": "2.0", "id": 4, "method": "workspace/executeCommand", "params": {"command": "copydesk.entityLocation", "arguments": [draft, pos(0, 2)]}}),
        json!({"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": draft}}}),
        json!({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": draft}}}),
        json!({"jsonrpc": "2.0", "id": 5, "method": "shutdown"}),
        json!({"jsonrpc": "2.0", "method": "exit"}),
    ];
    let input: String = messages
        .iter()
        .map(|m| {
            let body = m.to_string();
            format!("Content-Length: {}\r\n\r\n{body}", body.len())
        })
        .collect();
    let output = run_with_input(dir.path(), &["lsp"], input.as_bytes());
    assert!(
        output.contains("\"id\":5"),
        "the session ran to its end: {output}"
    );
    assert_eq!(before, listing(dir.path()), "the server changed the folder");
}

/// Every file and its contents under `dir`.
fn listing(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.path().to_path_buf(), bytes)
        })
        .collect();
    out.sort();
    out
}

/// Runs the binary with `input` on stdin, waiting for its output (the server exits on `exit`).
fn run_with_input(dir: &Path, args: &[&str], input: &[u8]) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input).unwrap();
    // Keep stdin open a moment so the session's work happens before the input closes.
    std::thread::sleep(Duration::from_millis(500));
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What the binary can do is what its source names. Outside test modules, no source file names
/// a way to write or delete files, run a program, or open a socket: edits reach disk only when
/// the editor applies them, and the server talks only over stdin and stdout. The one exception
/// is `copydesk registry build`, which writes the index the user asks for: its writer sits in
/// the CLI's own file, outside the library the server is built from.
#[test]
fn the_source_names_no_way_to_write_files_run_commands_or_connect() {
    const FORBIDDEN: &[&str] = &[
        "fs::write",
        "File::create",
        "OpenOptions",
        "remove_file",
        "remove_dir",
        "fs::rename",
        "fs::copy",
        "create_dir",
        "set_permissions",
        "Command::new",
        "process::Command",
        "std::net",
        "TcpStream",
        "TcpListener",
        "UdpSocket",
        "UnixStream",
        "tokio::net",
        "tokio::process",
        "tokio::fs",
        "libc::",
    ];
    let mut offences = Vec::new();
    for entry in walkdir::WalkDir::new("src")
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        if entry.path() == std::path::Path::new("src/cli/registry.rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        // Test modules sit at the end of each file.
        let code = text.split("#[cfg(test)]").next().unwrap();
        for (n, line) in code.lines().enumerate() {
            for f in FORBIDDEN.iter().filter(|f| line.contains(**f)) {
                offences.push(format!("{}:{}: {f}", entry.path().display(), n + 1));
            }
        }
    }
    assert!(offences.is_empty(), "{offences:#?}");
}

/// Found by the `lsp` fuzz target: one frame whose body was not a JSON-RPC message (here a JSON
/// string) ended the server, taking every diagnostic with it.
#[tokio::test]
async fn a_message_that_is_not_json_rpc_is_dropped_and_the_server_goes_on() {
    let (mut wire, server) = Wire::start();
    wire.send(json!("not a message")).await;
    wire.write
        .write_all(b"Content-Length: 5\r\n\r\n{oops")
        .await
        .unwrap();
    wire.write
        .write_all(b"Content-Length: 3\r\n\r\n\xff\xfe\x00")
        .await
        .unwrap();
    wire.send(
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    )
    .await;
    assert!(wire.answer(1).await["result"]["capabilities"].is_object());
    wire.send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        .await;
    assert_eq!(wire.answer(2).await["result"], Value::Null);
    wire.send(json!({"jsonrpc": "2.0", "method": "exit"})).await;
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("exit ends the server")
        .unwrap();
}
