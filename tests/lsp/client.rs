//! A small LSP client for in-process tests: the server runs on one end of a `tokio::io::duplex`
//! pipe, this client on the other. It answers the server's requests (`workspace/configuration`
//! with the settings it was given, everything else with `null`) and keeps every other message
//! for the test to wait on.
//!
//! Shared by `tests/lsp/features.rs` and `tests/lsp/latency.rs`; each uses part of it.
#![allow(dead_code)]

use copydesk::lsp::{serve, Options};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

pub const TIMEOUT: Duration = Duration::from_secs(10);

pub struct Client {
    out: mpsc::UnboundedSender<Value>,
    inbox: mpsc::UnboundedReceiver<Value>,
    /// Messages read while waiting for something else.
    backlog: Vec<Value>,
    next_id: i64,
    /// What `workspace/configuration` answers, per item.
    pub settings: Arc<Mutex<Value>>,
}

/// Starts a server with `options` and a client connected to it.
pub fn start(options: Options) -> Client {
    let (client_end, server_end) = tokio::io::duplex(1 << 20);
    let (server_read, server_write) = tokio::io::split(server_end);
    tokio::spawn(serve(server_read, server_write, options));
    let (read, mut write) = tokio::io::split(client_end);
    let (out, mut outgoing) = mpsc::unbounded_channel::<Value>();
    let (to_inbox, inbox) = mpsc::unbounded_channel();
    let settings = Arc::new(Mutex::new(Value::Null));
    tokio::spawn(async move {
        while let Some(msg) = outgoing.recv().await {
            let body = msg.to_string();
            let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
            if write.write_all(frame.as_bytes()).await.is_err() {
                return;
            }
        }
    });
    let answers = out.clone();
    let config = settings.clone();
    tokio::spawn(async move {
        let mut read = BufReader::new(read);
        while let Some(msg) = read_message(&mut read).await {
            if let (Some(id), Some(method)) = (msg.get("id"), msg["method"].as_str()) {
                let result = match method {
                    "workspace/configuration" => {
                        let n = msg["params"]["items"].as_array().map_or(0, Vec::len);
                        json!(vec![config.lock().unwrap().clone(); n])
                    }
                    _ => Value::Null,
                };
                let _ = answers.send(json!({"jsonrpc": "2.0", "id": id, "result": result}));
            }
            if to_inbox.send(msg).is_err() {
                return;
            }
        }
    });
    Client {
        out,
        inbox,
        backlog: Vec::new(),
        next_id: 0,
        settings,
    }
}

async fn read_message(read: &mut (impl AsyncBufReadExt + Unpin)) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if read.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    read.read_exact(&mut body).await.ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    pub fn notify(&self, method: &str, params: Value) {
        let _ = self
            .out
            .send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response: `Ok(result)` or `Err(error)`.
    pub async fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next_id += 1;
        let id = self.next_id;
        let _ = self
            .out
            .send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let response = self
            .wait(|m| m["id"] == json!(id) && m.get("method").is_none())
            .await;
        match response.get("error") {
            Some(e) => Err(e.clone()),
            None => Ok(response["result"].clone()),
        }
    }

    /// The first message (kept or new) that satisfies `pred`; panics after [`TIMEOUT`].
    pub async fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i);
        }
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            let msg = tokio::time::timeout_at(deadline, self.inbox.recv())
                .await
                .unwrap_or_else(|_| panic!("timed out; unmatched messages: {:#?}", self.backlog))
                .expect("the server hung up");
            if pred(&msg) {
                return msg;
            }
            self.backlog.push(msg);
        }
    }

    /// Whether a message already read (and not yet waited for) satisfies `pred`, after taking
    /// in every message that has arrived.
    pub fn backlog_has(&mut self, pred: impl Fn(&Value) -> bool) -> bool {
        while let Ok(msg) = self.inbox.try_recv() {
            self.backlog.push(msg);
        }
        self.backlog.iter().any(pred)
    }

    /// The next `publishDiagnostics` for `uri` (of `version`, when given).
    pub async fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let msg = self
            .wait(|m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && version.is_none_or(|v| m["params"]["version"] == v)
            })
            .await;
        msg["params"]["diagnostics"].as_array().unwrap().clone()
    }

    /// Waits for a `publishDiagnostics` for `uri` whose diagnostics satisfy `pred`, skipping
    /// earlier ones (a reload publishes again, and an earlier publish may still be queued).
    pub async fn diagnostics_where(
        &mut self,
        uri: &str,
        pred: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        let msg = self
            .wait(|m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && pred(m["params"]["diagnostics"].as_array().unwrap())
            })
            .await;
        msg["params"]["diagnostics"].as_array().unwrap().clone()
    }

    /// Initializes with `capabilities` and the given folder, and sends `initialized`.
    pub async fn initialize(&mut self, root: &str, capabilities: Value, options: Value) -> Value {
        let params = json!({
            "processId": null,
            "rootUri": root,
            "workspaceFolders": [{"uri": root, "name": "newsroom"}],
            "capabilities": capabilities,
            "initializationOptions": options,
        });
        let result = self.request("initialize", params).await.unwrap();
        self.notify("initialized", json!({}));
        result
    }

    pub fn open(&self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    pub fn change(&self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    pub async fn shutdown(mut self) {
        self.request("shutdown", Value::Null).await.unwrap();
        self.notify("exit", Value::Null);
    }
}

/// A client that offers what VS Code offers that matters here.
pub fn capabilities(encoding: &str) -> Value {
    json!({
        "general": {"positionEncodings": [encoding]},
        "workspace": {
            "workspaceEdit": {"documentChanges": true},
            "didChangeWatchedFiles": {"dynamicRegistration": true, "relativePatternSupport": true},
            "configuration": false
        },
        "textDocument": {"publishDiagnostics": {"versionSupport": true, "relatedInformation": true}}
    })
}

/// The edits of a code action's `documentChanges`, last first, as `didChange` changes (which
/// apply in order, so later ranges go first and earlier ones stay valid).
pub fn edits_as_changes(action: &Value) -> (i64, Value) {
    let doc = &action["edit"]["documentChanges"][0];
    let mut edits = doc["edits"].as_array().unwrap().clone();
    edits.sort_by_key(|e| {
        let s = &e["range"]["start"];
        std::cmp::Reverse((s["line"].as_u64(), s["character"].as_u64()))
    });
    let changes = edits
        .iter()
        .map(|e| json!({"range": e["range"], "text": e["newText"]}))
        .collect();
    (
        doc["textDocument"]["version"].as_i64().unwrap(),
        Value::Array(changes),
    )
}
