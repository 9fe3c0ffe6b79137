//! copydesk's analysis core: a draft and a registry in, findings out.
//!
//! [`analysis`] reads a draft and runs the checks; [`registry`] holds the entities they check
//! against; [`config`] parses `copydesk.json`; [`position`] converts byte offsets to editor
//! positions. Nothing here does IO, reads the clock, or knows LSP: the CLI and the language
//! server are adapters over this crate.

pub mod analysis;
pub mod config;
mod json;
pub mod position;
pub mod registry;
