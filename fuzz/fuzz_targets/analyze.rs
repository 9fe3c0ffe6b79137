//! The analysis on arbitrary text, as Markdown and as plain text, against the parliament
//! registry: it never panics, and every range it reports is sound.

#![no_main]

mod common;

use copydesk::analysis::{analyze, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let format = if selector & 1 == 0 {
        Format::Markdown
    } else {
        Format::Text
    };
    let analysis = analyze(&text, format, &common::PARLIAMENT, &common::settings());
    common::check_analysis(&text, &analysis);
});
