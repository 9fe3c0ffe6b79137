//! The language server: copydesk in VS Code, Neovim and any other LSP client.
//!
//! The only module tree that knows LSP. It keeps open drafts, loads configuration per workspace
//! folder and calls [`crate::analysis::analyze`], the same call `copydesk check` makes, so the
//! editor and the CLI always agree.
//!
//! One driver owns the state and everything said to the client unasked; the rest is plain data,
//! plain functions and converters, layered without cycles (see `LAYERS` below):
//!
//! - [`server`]: the `LanguageServer` methods, each a few lines;
//! - [`driver`]: the state behind one lock; scheduling, reloading and publishing;
//! - [`diagnostics`], [`hover`], [`completion`], [`outline`], [`navigate`], [`code_action`],
//!   [`registry_edit`]: the analysis and the registry as protocol types;
//! - [`check`]: what to analyse and the analysis of one snapshot of a draft;
//! - [`session`]: open documents (rope, version, format), folders, client features, encoding;
//! - [`to_proto`]: byte offsets as protocol positions in the negotiated encoding, and back;
//! - [`folder`], [`watch`]: `copydesk.json`, editor settings and registries per folder, and the
//!   files to watch for changes;
//! - [`guard`]: a panic in one handler answers an error instead of ending the server;
//! - [`transport`], [`frames`]: messages read, decoded once and written; a malformed one is
//!   dropped instead of ending the server;
//! - [`rope`]: editor positions in open documents.

mod check;
mod code_action;
mod completion;
mod diagnostics;
mod driver;
mod folder;
mod frames;
mod guard;
mod hover;
mod navigate;
mod outline;
mod registry_edit;
mod rope;
mod server;
mod session;
mod to_proto;
mod transport;
mod watch;

use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::LspService;

pub use driver::Options;
pub use server::ENTITY_LOCATION;

/// Serves LSP over any byte streams (stdin and stdout, or an in-memory pipe in tests) until
/// the client sends `exit` or closes the input.
pub async fn serve<I, O>(input: I, output: O, options: Options)
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    let (service, socket) = LspService::new(|client| server::Backend::new(client, options));
    transport::serve(input, output, guard::CatchPanic(service), socket).await;
}

/// Runs the server on stdin and stdout, logging to stderr at `log_level` (else `COPYDESK_LOG`,
/// else warnings only).
pub fn run_stdio(log_level: Option<&str>) -> std::io::Result<()> {
    init_logging(log_level);
    std::panic::set_hook(Box::new(|info| tracing::error!("{info}")));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(
        tokio::io::stdin(),
        tokio::io::stdout(),
        Options::default(),
    ));
    runtime.shutdown_timeout(Duration::from_millis(200));
    Ok(())
}

fn init_logging(log_level: Option<&str>) {
    use tracing_subscriber::EnvFilter;
    let filter = match log_level {
        Some(level) => EnvFilter::new(level),
        None => EnvFilter::try_from_env("COPYDESK_LOG").unwrap_or_else(|_| EnvFilter::new("warn")),
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}

/// The server's modules from the bottom up: each uses only modules listed before it, so no
/// module cycle exists (the test below reads the sources to hold us to it). ARCHITECTURE.md
/// explains the layers.
#[cfg(test)]
const LAYERS: &[&str] = &[
    "rope",
    "frames",
    "transport",
    "guard",
    "watch",
    "folder",
    "to_proto",
    "session",
    "check",
    "diagnostics",
    "hover",
    "completion",
    "outline",
    "navigate",
    "registry_edit",
    "code_action",
    "driver",
    "server",
];

#[cfg(test)]
mod tests {
    use super::LAYERS;
    use std::path::Path;

    /// The sibling modules a module's non-test code names as `super::NAME` or in
    /// `use super::{...}`.
    fn uses(source: &str) -> Vec<String> {
        let code = source.split("#[cfg(test)]").next().unwrap_or_default();
        let mut out = Vec::new();
        for (i, _) in code.match_indices("super::") {
            let rest = &code[i + "super::".len()..];
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(list) => list[..list.find('}').unwrap_or(list.len())]
                    .split(',')
                    .collect(),
                None => vec![rest],
            };
            for name in names {
                let name: String = name
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                out.push(name);
            }
        }
        out
    }

    #[test]
    fn modules_use_only_the_layers_below_them() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lsp");
        let mut seen = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if name == "mod" || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let layer = LAYERS
                .iter()
                .position(|l| *l == name)
                .unwrap_or_else(|| panic!("src/lsp/{name}.rs is missing from LAYERS"));
            let source = std::fs::read_to_string(&path).unwrap();
            for used in uses(&source) {
                if let Some(below) = LAYERS.iter().position(|l| *l == used) {
                    assert!(
                        below < layer,
                        "src/lsp/{name}.rs uses `{used}`, which is not below it in LAYERS"
                    );
                }
            }
            seen.push(name.to_string());
        }
        assert_eq!(seen.len(), LAYERS.len(), "LAYERS names a missing module");
    }

    #[test]
    fn uses_reads_both_forms() {
        let source = "use super::{a, b::C};\nuse super::c;\nfn f() { super::d::g() }\n#[cfg(test)]\nuse super::e;";
        assert_eq!(uses(source), ["a", "b", "c", "d"]);
    }
}
