//! The prebuilt index reader on arbitrary bytes. Inputs that start like an index get their
//! checksum rewritten (first byte of the input choosing whether), so mutations reach the
//! structural checks and the on-demand decoding instead of stopping at the checksum. Whatever
//! opens must answer every lookup and check a draft without a panic or a read outside the bytes.
//!
//! The same bytes are also written to a file and opened as the server opens an index: mapped,
//! checksummed by reading the file in pieces, and with the record pages let go after the
//! check (`release_records`). That must open or fail exactly as the bytes in memory do, and
//! check the draft the same way before and after the pages are let go.

#![no_main]

mod common;

use copydesk::analysis::{analyze, Format};
use copydesk::registry::mapped::{fingerprint, MappedRegistry};
use copydesk::registry::Registry;
use copydesk::registry_index;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::LazyLock;

const DRAFT: &str = include_str!("../../tests/fixtures/parliament/draft-with-errors.md");

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let mut bytes = rest.to_vec();
    if choice & 1 == 1 && bytes.len() >= 24 {
        let sum = fingerprint(&bytes[24..]);
        bytes[16..24].copy_from_slice(&sum.to_ne_bytes());
    }
    std::fs::write(&*FILE, &bytes).expect("the scratch file is writable");
    let from_file = registry_index::open(&FILE);
    let index = match MappedRegistry::open(Box::new(bytes)) {
        Ok(index) => index,
        Err(why) => {
            let problem = from_file.err().expect("what fails in memory fails from a file");
            assert_eq!(problem.message, why);
            return;
        }
    };
    let from_file = from_file.expect("what opens in memory opens from a file");
    let n = index.len();
    let registry = Registry::from_index(index);
    for i in 0..n.min(64) as u32 {
        let e = registry.entity(i);
        let _ = registry.get(&e.id);
    }
    let _ = registry.entity(u32::MAX);
    let index = registry.index();
    for id in [0, 1, 2, 1000, u32::MAX] {
        let _ = index.form(id);
    }
    let _ = index.starting_with("Zhao", Some("Leji"));
    let mut out = Vec::new();
    index.near_candidates("Volodin", &mut out);
    let _ = index.is_known_word("Zhao");
    let analysis = analyze(DRAFT, Format::Markdown, &registry, &common::settings());
    assert!(analysis.failed_checks.is_empty(), "{:?}", analysis.failed_checks);
    for _ in 0..2 {
        let mapped = analyze(DRAFT, Format::Markdown, &from_file, &common::settings());
        assert_eq!(mapped.findings, analysis.findings);
        assert_eq!(mapped.mentions.len(), analysis.mentions.len());
        from_file.mapped().expect("a mapped index").release_records();
    }
});

/// This process's scratch file for the index bytes.
static FILE: LazyLock<PathBuf> = LazyLock::new(|| {
    std::env::temp_dir().join(format!("copydesk-fuzz-index-{}.idx", std::process::id()))
});
