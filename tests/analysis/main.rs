//! The analysis core's tests, in one binary: fixture drafts, the labelled corpora's figures, the
//! default registry, the prebuilt index, properties and odd input.
//!
//! `cargo test --release --test analysis MODULE` runs one module, e.g. `names_eval -- --nocapture`
//! prints the names figures.

#[path = "../../benches/gen/mod.rs"]
mod gen;

mod attribution_eval;
mod default_registry;
mod drafts;
mod generated_docs;
mod generator;
mod incremental;
mod index;
mod names_eval;
mod odd_input;
mod parliament;
mod properties;
mod titles_eval;
