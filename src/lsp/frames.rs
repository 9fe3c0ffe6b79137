//! Keeping one malformed message from ending the server.
//!
//! tower-lsp-server's reader stops at the first frame whose body it cannot decode (not UTF-8,
//! not JSON, or JSON that is no JSON-RPC message), and the server ends with it. [`forward`]
//! sits between the client and that reader: it reads each frame and passes on only those that
//! decode, logging the rest.

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tower_lsp_server::jsonrpc::{Request, Response};

/// Copies well-formed frames from `input` to `output` until `input` ends or `output` closes.
pub async fn forward(input: impl AsyncRead + Unpin, mut output: impl AsyncWrite + Unpin) {
    let mut input = BufReader::new(input);
    while let Some(body) = next_body(&mut input).await {
        let Some(body) = body else { continue };
        if !is_message(&body) {
            tracing::warn!(
                "dropped a message that is not JSON-RPC: {}",
                String::from_utf8_lossy(&body[..body.len().min(200)])
            );
            continue;
        }
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        if output.write_all(header.as_bytes()).await.is_err()
            || output.write_all(&body).await.is_err()
        {
            return;
        }
    }
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

fn is_message(body: &[u8]) -> bool {
    serde_json::from_slice::<Request>(body).is_ok()
        || serde_json::from_slice::<Response>(body).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn only_json_rpc_frames_pass() {
        let ok = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let input = format!(
            "Content-Length: 4\r\n\r\n\"x\"\nContent-Length: 3\r\n\r\n{{}}\nContent-Type: x\r\n\r\nContent-Length: {}\r\n\r\n{ok}",
            ok.len()
        );
        let mut out = Vec::new();
        forward(input.as_bytes(), &mut out).await;
        let expected = format!("Content-Length: {}\r\n\r\n{ok}", ok.len());
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
