//! copydesk: editorial fact-checking for news drafts.
//!
//! The pure core lives in the `copydesk-core` crate and is re-exported here: [`analysis`],
//! [`registry`], [`config`], [`position`], [`problem`]. This crate adds what touches the world: [`workspace`]
//! (finding and reading configs and registries) and the language server ([`lsp`]); the binary's
//! CLI is the other adapter.

pub use copydesk_core::{analysis, config, fixture, position, problem, registry, schema};
pub mod lsp;
pub mod registry_index;
pub mod workspace;
