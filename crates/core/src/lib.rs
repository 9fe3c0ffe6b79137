//! copydesk's analysis core: a draft and a registry in, findings out.
//!
//! [`analysis`] reads a draft and runs the checks; [`registry`] holds the entities they check
//! against; [`config`] parses `copydesk.json`; [`problem`] is what every loader reports (file,
//! byte range, message); [`position`] converts byte offsets to line and column, for editors and
//! for problems; [`fixture`] reads and writes the annotated drafts the tests use; [`schema`]
//! describes registry and config files for editors. Nothing here does IO, reads the clock, or
//! knows LSP: the CLI and the language server are adapters over this crate.

pub mod analysis;
pub mod config;
pub mod fixture;
mod json;
pub mod position;
pub mod problem;
pub mod registry;
pub mod schema;
