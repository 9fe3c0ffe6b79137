//! `didOpen` and `didChange` decoded with their texts unescaped once, straight into the strings
//! the handlers take over.
//!
//! Decoded as a generic [`Request`], a 10 MB text is unescaped into serde_json's scratch buffer
//! and then copied into the request's `Value` (benches/README.md). Here the two notifications are
//! read into their own types, the texts left as raw JSON, and each text is unescaped by us into
//! a string of its final size; the request handed on carries that string, moved, not copied
//! (the router's `from_value` moves it again into the handler's parameters). Any message that
//! does not fit these types exactly returns `None`, and is decoded generically as before: a
//! malformed one fails there as it always did.

use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use tower_lsp_server::jsonrpc::Request;

#[derive(Deserialize)]
struct Notification<'a> {
    jsonrpc: &'a str,
    method: &'a str,
    #[serde(default, deserialize_with = "present")]
    id: Option<Value>,
    #[serde(borrow)]
    params: Params<'a>,
}

/// What `didOpen` and `didChange` carry between them; which one applies is checked after.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Params<'a> {
    #[serde(borrow)]
    text_document: Document<'a>,
    #[serde(borrow, default)]
    content_changes: Option<Vec<Change<'a>>>,
}

/// A text document's fields; `text` only in `didOpen`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Document<'a> {
    #[serde(default, deserialize_with = "present")]
    uri: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    language_id: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    version: Option<Value>,
    #[serde(borrow, default)]
    text: Option<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Change<'a> {
    #[serde(default, deserialize_with = "present")]
    range: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    range_length: Option<Value>,
    #[serde(borrow)]
    text: &'a RawValue,
}

/// A field that is there, `null` included (serde would read `null` as absent).
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

/// `body` as a `didOpen` or `didChange` request, or `None` when it is anything else.
pub fn decode(body: &[u8]) -> Option<Request> {
    let n: Notification = serde_json::from_slice(body).ok()?;
    if n.jsonrpc != "2.0" || n.id.is_some() {
        return None;
    }
    let mut params = Map::new();
    let doc = n.params.text_document;
    let document = object([
        ("uri", doc.uri),
        ("languageId", doc.language_id),
        ("version", doc.version),
    ]);
    let method = match (n.method, doc.text, n.params.content_changes) {
        ("textDocument/didOpen", Some(text), None) => {
            let mut document = document;
            document.insert("text".into(), Value::String(unescape(text.get())?));
            params.insert("textDocument".into(), document.into());
            "textDocument/didOpen"
        }
        ("textDocument/didChange", None, Some(changes)) => {
            let changes = changes
                .into_iter()
                .map(|c| {
                    let mut change = object([("range", c.range), ("rangeLength", c.range_length)]);
                    change.insert("text".into(), Value::String(unescape(c.text.get())?));
                    Some(Value::Object(change))
                })
                .collect::<Option<Vec<_>>>()?;
            params.insert("textDocument".into(), document.into());
            params.insert("contentChanges".into(), changes.into());
            "textDocument/didChange"
        }
        _ => return None,
    };
    Some(Request::build(method).params(params).finish())
}

fn object<const N: usize>(fields: [(&str, Option<Value>); N]) -> Map<String, Value> {
    fields
        .into_iter()
        .filter_map(|(k, v)| Some((k.to_string(), v?)))
        .collect()
}

/// The string a JSON string literal (quotes included, already checked by serde_json) stands for;
/// `None` for what serde_json would refuse as a Rust string (a lone surrogate) or anything that is
/// not a string.
fn unescape(literal: &str) -> Option<String> {
    let mut rest = literal.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(rest.len());
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = rest.as_bytes().get(at + 1)?;
        rest = &rest[at + 2..];
        let c = match escape {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = hex4(&mut rest)?;
                if (0xD800..0xDC00).contains(&high) {
                    rest = rest.strip_prefix("\\u")?;
                    let low = hex4(&mut rest)?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return None;
                    }
                    char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?
                } else {
                    char::from_u32(high)?
                }
            }
            _ => return None,
        };
        out.push(c);
    }
    out.push_str(rest);
    Some(out)
}

/// Four hex digits off the front of `s`.
fn hex4(s: &mut &str) -> Option<u32> {
    let digits = s.get(..4)?;
    let value = u32::from_str_radix(digits, 16).ok()?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    *s = &s[4..];
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The fast decoding must give exactly the request the generic one gives.
    fn same_as_generic(body: &Value) {
        let bytes = body.to_string().into_bytes();
        let generic: Request = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(decode(&bytes), Some(generic), "{body}");
    }

    #[test]
    fn texts_decode_as_serde_json_decodes_them() {
        let texts = [
            "",
            "plain",
            "line one\r\n\"quoted\" \\ back / slash\ttab \u{8}\u{c}\u{1}",
            "caf\u{e9} \u{301} 中文 \u{1F600} \u{FFFF} \u{10FFFF} end\\",
        ];
        for text in texts {
            same_as_generic(&json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": "file:///d.md", "languageId": "markdown",
                "version": 1, "text": text}}}));
            same_as_generic(&json!({"params": {"contentChanges": [
                {"range": {"start": {"line": 0, "character": 1},
                    "end": {"line": 0, "character": 2}}, "rangeLength": 1, "text": text},
                {"text": text}],
                "textDocument": {"uri": "file:///d.md", "version": 2}},
                "method": "textDocument/didChange", "jsonrpc": "2.0"}));
        }
    }

    #[test]
    fn escapes_as_clients_write_them_decode() {
        let body = br#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":
            {"uri":"file:///d.md","languageId":"markdown","version":1,
            "text":"\u00e9\ud83d\ude00\u4E2D\/\n"}}}"#;
        let request = decode(body).unwrap();
        assert_eq!(
            request.params().unwrap()["textDocument"]["text"],
            "é😀中/\n"
        );
    }

    #[test]
    fn anything_else_is_left_to_the_generic_decoding() {
        let others = [
            json!({"jsonrpc": "2.0", "id": 1, "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": "file:///d.md", "text": "x"}}}),
            json!({"jsonrpc": "1.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": "file:///d.md", "text": "x"}}}),
            json!({"jsonrpc": "2.0", "method": "textDocument/didSave",
                "params": {"textDocument": {"uri": "file:///d.md"}, "text": "x"}}),
            json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": "file:///d.md", "text": 3}}}),
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": {"textDocument": {"uri": "file:///d.md"}, "contentChanges": {}}}),
            json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
                "params": {"textDocument": {"uri": "file:///d.md"},
                "position": {"line": 0, "character": 0}}}),
        ];
        for body in others {
            assert_eq!(decode(body.to_string().as_bytes()), None, "{body}");
        }
        let lone = br#"{"jsonrpc":"2.0","method":"textDocument/didOpen",
            "params":{"textDocument":{"uri":"file:///d.md","text":"\ud83d x"}}}"#;
        assert_eq!(decode(lone), None);
    }
}
