//! The language server: copydesk in VS Code, Neovim and any other LSP client.
//!
//! The only module tree that knows LSP. It keeps open drafts, loads configuration per workspace
//! folder and calls [`crate::analysis::analyze`], the same call `copydesk check` makes, so the
//! editor and the CLI always agree.
//!
//! - [`server`]: the `LanguageServer` methods, each a few lines;
//! - [`session`]: open drafts (rope, version, format), folders, client features, encoding;
//! - [`check`]: debounced analysis of a snapshot, published only while current;
//! - [`diagnostics`], [`hover`], [`code_action`]: findings and entities in LSP terms;
//! - [`config`], [`watch`]: `copydesk.json`, editor settings, registries, and their reloading;
//! - [`guard`]: a panic in one handler answers an error instead of ending the server;
//! - [`frames`]: a malformed message is dropped instead of ending the server;
//! - [`rope`]: editor positions in open documents.

mod check;
mod code_action;
mod config;
mod diagnostics;
mod frames;
mod guard;
mod hover;
mod rope;
mod server;
mod session;
mod watch;

use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::LspService;

/// The command that finds an entity's declaration in its registry file.
pub const ENTITY_LOCATION: &str = "copydesk.entityLocation";

/// How the server paces its work.
#[derive(Clone, Debug)]
pub struct Options {
    /// How long typing must pause before a draft is checked again: short, so the latest version
    /// is diagnosed within about 50 ms of the last keystroke; a stale analysis is dropped anyway.
    pub debounce: Duration,
    /// How often config and registry files are looked at when the client cannot watch them.
    pub poll_interval: Duration,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            debounce: Duration::from_millis(25),
            poll_interval: Duration::from_secs(1),
        }
    }
}

/// Serves LSP over any byte streams (stdin and stdout, or an in-memory pipe in tests) until
/// the client sends `exit` or closes the input.
pub async fn serve<I, O>(input: I, output: O, options: Options)
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    let (service, socket) = LspService::new(|client| server::Backend::new(client, options));
    let (checked, checked_input) = tokio::io::duplex(1 << 16);
    let server = tower_lsp_server::Server::new(checked_input, output, socket)
        .serve(guard::CatchPanic(service));
    tokio::pin!(server);
    // The server ends on `exit` even while the client keeps its end open; once the input
    // ends, the pipe closes and the server sees the end too.
    tokio::select! {
        () = &mut server => return,
        () = frames::forward(input, checked) => {}
    }
    server.await;
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
