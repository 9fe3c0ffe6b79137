//! JSON-RPC messages on the wire: `Content-Length` frames read, decoded once, and written.
//!
//! Each incoming body is decoded straight into a [`Request`]; only a body that names no method
//! (the client's answer to a request of ours) is decoded again, as a [`Response`]. A 10 MB
//! `didOpen` is thus unescaped once, into the one string the handler takes over (tower-lsp-server's
//! own reader, decoding through an untagged enum, had serde buffer and copy it several times
//! first). A frame that does not decode (not UTF-8, not JSON, or JSON that is no JSON-RPC message)
//! is logged and dropped, and reading goes on with the next frame: one bad message must not end
//! the server.

use serde::Serialize;
use std::io;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tower_lsp_server::jsonrpc::{Request, Response};

/// A message in either direction: requests and notifications, or answers to requests.
#[derive(Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Message {
    Request(Request),
    Response(Response),
}

/// The next well-formed message from `input`, skipping malformed frames; `None` at the end of
/// the input.
pub async fn next_message(input: &mut (impl AsyncBufReadExt + Unpin)) -> Option<Message> {
    loop {
        let Some(body) = next_body(input).await? else {
            tracing::warn!("dropped a frame without a usable Content-Length header");
            continue;
        };
        match decode(&body) {
            Some(message) => return Some(message),
            None => tracing::warn!(
                "dropped a message that is not JSON-RPC: {}",
                String::from_utf8_lossy(&body[..body.len().min(200)])
            ),
        }
    }
}

/// Writes `message` as one frame and flushes it.
pub async fn write(
    output: &mut (impl AsyncWrite + Unpin),
    message: &impl Serialize,
) -> io::Result<()> {
    let body = serde_json::to_vec(message)?;
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    let mut frame = Vec::with_capacity(header.len() + body.len());
    frame.extend_from_slice(header.as_bytes());
    frame.extend_from_slice(&body);
    output.write_all(&frame).await?;
    output.flush().await
}

/// The next frame's body: `None` at the end of the input, `Some(None)` for a header block
/// without a usable `Content-Length` (skipped, as the protocol has no way to resynchronise).
async fn next_body(input: &mut (impl AsyncBufReadExt + Unpin)) -> Option<Option<Vec<u8>>> {
    let mut length = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line).await.ok()? == 0 {
            return None;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end();
        if text.is_empty() {
            break;
        }
        if let Some((name, value)) = text.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let Some(length) = length else {
        return Some(None);
    };
    let mut body = vec![0; length];
    input.read_exact(&mut body).await.ok()?;
    Some(Some(body))
}

/// A body as a request when it names a method, else as a response; a body that is neither
/// but still reads as a request without a method goes on as one, for the router to refuse.
fn decode(body: &[u8]) -> Option<Message> {
    let request = serde_json::from_slice::<Request>(body);
    if let Ok(request) = request {
        if !request.method().is_empty() {
            return Some(Message::Request(request));
        }
        let response = serde_json::from_slice::<Response>(body);
        return Some(response.map_or(Message::Request(request), Message::Response));
    }
    serde_json::from_slice::<Response>(body)
        .ok()
        .map(Message::Response)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use tower_lsp_server::jsonrpc::Id;

    async fn messages(input: &[u8]) -> Vec<Message> {
        let mut input = input;
        let mut out = Vec::new();
        while let Some(message) = next_message(&mut input).await {
            out.push(message);
        }
        out
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[tokio::test]
    async fn only_json_rpc_frames_pass_in_order() {
        let shutdown = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let answer = r#"{"jsonrpc":"2.0","id":7,"result":[1]}"#;
        let input = format!(
            "{}{}Content-Type: x\r\n\r\n{}{}{}",
            frame("\"x\""),
            frame("{}"),
            frame(shutdown),
            frame("{oops"),
            frame(answer),
        );
        let got = messages(input.as_bytes()).await;
        let expected = [
            Message::Request(Request::build("shutdown").id(1).finish()),
            Message::Response(Response::from_ok(Id::Number(7), json!([1]))),
        ];
        assert_eq!(got, expected);
    }

    #[tokio::test]
    async fn a_body_that_is_not_utf8_is_dropped() {
        let mut input = b"Content-Length: 3\r\n\r\n\xff\xfe\x00".to_vec();
        input.extend_from_slice(frame(r#"{"jsonrpc":"2.0","method":"exit"}"#).as_bytes());
        let got = messages(&input).await;
        assert_eq!(got, [Message::Request(Request::build("exit").finish())]);
    }

    /// The router answers "method not found" to a request without a method; dropping it
    /// would leave the client waiting.
    #[tokio::test]
    async fn a_request_without_a_method_goes_on_to_be_refused() {
        let got = messages(frame(r#"{"jsonrpc":"2.0","id":3}"#).as_bytes()).await;
        assert_eq!(got.len(), 1);
        let Message::Request(request) = &got[0] else {
            panic!("{got:?}")
        };
        assert_eq!(request.id(), Some(&Id::Number(3)));
    }

    #[tokio::test]
    async fn escaped_text_decodes_once_into_the_request() {
        let text = "line one\n\"quoted\" \u{e9}\u{1F600}\tend";
        let body = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": "file:///d.md", "languageId": "markdown",
            "version": 1, "text": text}}})
        .to_string();
        let got = messages(frame(&body).as_bytes()).await;
        let [Message::Request(request)] = &got[..] else {
            panic!("{got:?}")
        };
        assert_eq!(request.params().unwrap()["textDocument"]["text"], text);
    }

    #[tokio::test]
    async fn a_written_frame_reads_back() {
        let sent = Message::Response(Response::from_ok(Id::Number(2), json!({"a": "\u{e9}"})));
        let mut wire = Vec::new();
        write(&mut wire, &sent).await.unwrap();
        let body = serde_json::to_string(&sent).unwrap();
        let expected = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        assert_eq!(String::from_utf8(wire.clone()).unwrap(), expected);
        assert_eq!(messages(&wire).await, [sent]);
    }
}
