//! The language server's message handlers, in process: an arbitrary sequence of opens, edits
//! (positions anywhere, in the negotiated encoding), hovers, code actions, pulls, commands,
//! closes and raw message bodies. Every request gets an answer within the deadline, a panic
//! anywhere is a crash, and the server still answers and shuts down cleanly at the end.

#![no_main]

use copydesk::lsp::{serve, Options};
use libfuzzer_sys::arbitrary::{Result as ArbResult, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::LazyLock;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

const DEADLINE: Duration = Duration::from_secs(5);
const PIECES: &[&str] = &[
    "Zhao Leiji",
    "Zhao Leji",
    " said",
    "Chairman ",
    ", vice chairman of the NPC Standing Committee,",
    "\n",
    "\r\n",
    "\r",
    "😀",
    "e\u{301}",
    "中文",
    "# ",
    "> ",
    "- ",
    "```\n",
    "<!-- copydesk-disable -->",
    "\"",
    ". ",
    "Vyacheslav Volodine",
    "date 2025-08-26 ",
];

/// A workspace folder holding the parliament registry and a config naming it.
static ROOT: LazyLock<PathBuf> = LazyLock::new(|| {
    let root = std::env::temp_dir().join(format!("copydesk-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(
        root.join("registry.json"),
        include_str!("../../tests/fixtures/parliament/registry.json"),
    )
    .unwrap();
    std::fs::write(
        root.join("copydesk.json"),
        r#"{"registries": ["registry.json"]}"#,
    )
    .unwrap();
    root
});

fn uri(n: u8) -> String {
    format!("file://{}/d{}.md", ROOT.display(), n % 3)
}

fn text(u: &mut Unstructured) -> ArbResult<String> {
    let mut s = String::new();
    for _ in 0..u.int_in_range(0..=12)? {
        if u.ratio(1, 4)? {
            s.push_str(u.arbitrary::<&str>()?);
        } else {
            s.push_str(u.choose(PIECES)?);
        }
    }
    Ok(s)
}

fn pos(u: &mut Unstructured) -> ArbResult<Value> {
    let small = |u: &mut Unstructured| -> ArbResult<u32> {
        Ok(if u.ratio(1, 8)? {
            u.arbitrary()?
        } else {
            u.int_in_range(0..=40)?
        })
    };
    Ok(json!({"line": small(u)?, "character": small(u)?}))
}

/// One message, and whether it is a request.
fn message(u: &mut Unstructured, id: i64) -> ArbResult<(Value, bool)> {
    let doc = uri(u.arbitrary()?);
    let range = |u: &mut Unstructured| -> ArbResult<Value> {
        Ok(json!({"start": pos(u)?, "end": pos(u)?}))
    };
    Ok(match u.int_in_range(0..=9)? {
        0 => (
            json!({"method": "textDocument/didOpen", "params": {"textDocument": {"uri": doc, "languageId": u.choose(&["markdown", "plaintext", "json"])?, "version": u.arbitrary::<i32>()?, "text": text(u)?}}}),
            false,
        ),
        1 | 2 | 3 => {
            let mut changes = Vec::new();
            for _ in 0..u.int_in_range(1..=3)? {
                if u.ratio(1, 10)? {
                    changes.push(json!({"text": text(u)?}));
                } else {
                    changes.push(json!({"range": range(u)?, "text": text(u)?}));
                }
            }
            (
                json!({"method": "textDocument/didChange", "params": {"textDocument": {"uri": doc, "version": u.arbitrary::<i32>()?}, "contentChanges": changes}}),
                false,
            )
        }
        4 => (
            json!({"id": id, "method": "textDocument/hover", "params": {"textDocument": {"uri": doc}, "position": pos(u)?}}),
            true,
        ),
        5 => (
            json!({"id": id, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": doc}, "range": range(u)?, "context": {"diagnostics": []}}}),
            true,
        ),
        6 => (
            json!({"id": id, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": doc}}}),
            true,
        ),
        7 => (
            json!({"id": id, "method": "workspace/executeCommand", "params": {"command": "copydesk.entityLocation", "arguments": [doc, pos(u)?]}}),
            true,
        ),
        8 => (
            json!({"method": "textDocument/didClose", "params": {"textDocument": {"uri": doc}}}),
            false,
        ),
        _ => {
            // Anything but `exit`, which ends the session early by design.
            let raw: &str = u.arbitrary()?;
            let value = serde_json::from_str(raw).unwrap_or(Value::String(raw.into()));
            let exits = value.get("method").and_then(Value::as_str) == Some("exit");
            (if exits { Value::Null } else { value }, false)
        }
    })
}

fn frame(mut body: Value) -> Vec<u8> {
    if let Some(o) = body.as_object_mut() {
        o.insert("jsonrpc".into(), "2.0".into());
    }
    let body = body.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

async fn read_frame(read: &mut (impl tokio::io::AsyncBufRead + Unpin)) -> Option<Value> {
    let mut length = 0;
    loop {
        let mut line = String::new();
        if read.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        match line.trim_end() {
            "" => break,
            h => {
                length = h
                    .strip_prefix("Content-Length: ")
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(length)
            }
        }
    }
    let mut body = vec![0; length];
    read.read_exact(&mut body).await.ok()?;
    serde_json::from_slice(&body).ok()
}

async fn session(u: &mut Unstructured<'_>) -> ArbResult<()> {
    let (wire, server_end) = tokio::io::duplex(1 << 20);
    let (read, write) = tokio::io::split(server_end);
    let options = Options {
        debounce: Duration::ZERO,
        poll_interval: Duration::from_secs(3600),
    };
    let server = tokio::spawn(serve(read, write, options));
    let (wire_read, mut wire) = tokio::io::split(wire);
    let (answers, mut inbox) = tokio::sync::mpsc::unbounded_channel::<Value>();
    // Reads everything the server sends and answers its requests with null.
    let (replies, mut outbox) = tokio::sync::mpsc::unbounded_channel::<Vec<u8>>();
    tokio::spawn(async move {
        let mut r = BufReader::new(wire_read);
        while let Some(m) = read_frame(&mut r).await {
            if let (Some(id), Some(_)) = (m.get("id"), m.get("method")) {
                let _ = replies.send(frame(json!({"id": id, "result": null})));
            } else if m.get("id").is_some() {
                let _ = answers.send(m);
            }
        }
    });
    let encoding = *u.choose(&["utf-8", "utf-16", "utf-32"])?;
    let root = format!("file://{}", ROOT.display());
    let mut pending = vec![1];
    let mut send = vec![frame(
        json!({"id": 1, "method": "initialize", "params": {"rootUri": root, "capabilities": {"general": {"positionEncodings": [encoding]}, "textDocument": {"diagnostic": {}}}}}),
    )];
    send.push(frame(json!({"method": "initialized", "params": {}})));
    let mut id = 1;
    for _ in 0..u.int_in_range(0..=24)? {
        id += 1;
        let (m, request) = message(u, id)?;
        if request {
            pending.push(id);
        }
        if std::env::var_os("LSP_FUZZ_DEBUG").is_some() {
            eprintln!("-> {m}");
        }
        send.push(frame(m));
    }
    id += 1;
    pending.push(id);
    send.push(frame(json!({"id": id, "method": "textDocument/hover", "params": {"textDocument": {"uri": uri(0)}, "position": {"line": 0, "character": 0}}})));
    id += 1;
    pending.push(id);
    send.push(frame(json!({"id": id, "method": "shutdown"})));
    for f in send {
        wire.write_all(&f).await.unwrap();
        while let Ok(reply) = outbox.try_recv() {
            wire.write_all(&reply).await.unwrap();
        }
    }
    let mut seen = Vec::new();
    while seen.len() < pending.len() {
        tokio::select! {
            Some(reply) = outbox.recv() => wire.write_all(&reply).await.unwrap(),
            m = tokio::time::timeout(DEADLINE, inbox.recv()) => {
                let m = m.expect("every request is answered in time").expect("the server is up");
                seen.push(m["id"].clone());
            }
        }
    }
    wire.write_all(&frame(json!({"method": "exit"})))
        .await
        .unwrap();
    tokio::time::timeout(DEADLINE, server)
        .await
        .expect("exit ends the server")
        .expect("no panic");
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut u = Unstructured::new(data);
    let _ = runtime.block_on(session(&mut u));
});
