//! The copydesk extension for Zed: starts `copydesk lsp` for Markdown and plain text.
//!
//! Zed runs language servers only through extensions, so this one does the least it can: it finds
//! the binary (the `lsp.copydesk.binary` setting, else `copydesk` on the worktree's `PATH`) and
//! passes the `lsp.copydesk` settings on. Registries and severities belong in `copydesk.json`.

use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result};

struct Copydesk;

impl zed::Extension for Copydesk {
    fn new() -> Self {
        Copydesk
    }

    fn language_server_command(
        &mut self,
        server: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(server.as_ref(), worktree)?.binary;
        let configured = binary.as_ref().and_then(|b| b.path.clone());
        let command = configured.or_else(|| worktree.which("copydesk")).ok_or_else(|| {
            "copydesk is not on PATH: install it (cargo install --path .) or set lsp.copydesk.binary.path"
                .to_string()
        })?;
        let args = binary
            .as_ref()
            .and_then(|b| b.arguments.clone())
            .unwrap_or_else(|| vec!["lsp".to_string()]);
        let env = binary
            .and_then(|b| b.env)
            .map(|env| env.into_iter().collect())
            .unwrap_or_default();
        Ok(zed::Command { command, args, env })
    }

    fn language_server_initialization_options(
        &mut self,
        server: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        Ok(LspSettings::for_worktree(server.as_ref(), worktree)?.initialization_options)
    }

    fn language_server_workspace_configuration(
        &mut self,
        server: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        // Zed answers `workspace/configuration` by section, so the settings go under `copydesk`.
        let settings = LspSettings::for_worktree(server.as_ref(), worktree)?.settings;
        Ok(settings.map(|s| serde_json::json!({ "copydesk": s })))
    }
}

zed::register_extension!(Copydesk);
