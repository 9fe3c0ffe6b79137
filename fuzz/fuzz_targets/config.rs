//! The config parser on arbitrary bytes, as a file and as an LSP settings value: errors have a
//! place inside the file, and never a panic.

#![no_main]

use copydesk::config::{from_value, parse_config};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match parse_config("copydesk.json", &text) {
        Ok(_) => {}
        Err(e) => {
            let lines = text.split('\n').count();
            let (line, column) = e.position.expect("a config error is located");
            assert!(line >= 1 && line <= lines, "{e}");
            assert!(column >= 1, "{e}");
            assert!(e.to_string().starts_with("copydesk.json:"), "{e}");
        }
    }
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) {
        let _ = from_value(value);
    }
});
