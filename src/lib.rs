//! copydesk: editorial fact-checking for news drafts.
//!
//! [`analysis`] is the pure core; [`registry`] holds the entities it checks against; [`config`]
//! reads `copydesk.json`; [`position`] converts byte offsets to editor positions. The binary's
//! CLI and the language server ([`lsp`]) are thin adapters over them.

pub mod analysis;
pub mod config;
mod json;
pub mod lsp;
pub mod position;
pub mod registry;
pub mod workspace;
