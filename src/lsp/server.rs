//! The `LanguageServer` methods. Each is thin: it updates the session or asks the modules that
//! know the answer.
//!
//! Notifications that change a document do so before their first `await`, so concurrent
//! handlers cannot reorder edits. Requests about documents that are not open answer empty.

use super::driver::{Driver, Options, CLIENT_TIMEOUT};
use super::folder::Which;
use super::registry_edit::{self, FileText, SHOW_ENTITY};
use super::session::{self, negotiate_encoding, path_of, Analyzed, ClientFeatures, OpenDocument};
use super::{code_action, completion, diagnostics, hover, navigate, outline, to_proto};
use crate::workspace::{locate_entity, read_text};
use ropey::Rope;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

/// A draft up to this size is analysed in milliseconds: a request made before its first
/// analysis has finished waits for it rather than reading one paragraph alone.
const SMALL_DRAFT: usize = 64 * 1024;

/// The command that finds an entity's declaration in its registry file.
pub const ENTITY_LOCATION: &str = "copydesk.entityLocation";

pub struct Backend {
    driver: Arc<Driver>,
}

impl Backend {
    pub fn new(client: Client, options: Options) -> Backend {
        Backend {
            driver: Arc::new(Driver::new(client, options)),
        }
    }

    /// The byte offset of a position in the current analysis of `uri`, with the analysis.
    async fn at(&self, uri: &Uri, pos: Position) -> Option<(Arc<Analyzed>, usize)> {
        let a = self.driver.current(uri).await?;
        let enc = self.driver.session().encoding;
        let offset = a.index.offset(&a.text, to_proto::from_position(pos), enc);
        Some((a, offset))
    }

    /// A file's text as the editor has it when it is open, else as it is on disk.
    fn file_text(&self, path: &Path) -> Option<String> {
        let uri = Uri::from_file_path(path)?;
        if let Some(doc) = self.driver.session().documents.get(&uri) {
            return Some(doc.rope.to_string());
        }
        read_text(path).ok()
    }

    /// A registry file's text with its version when it is open in the editor, else from disk.
    fn registry_text(&self, path: &Path) -> Option<FileText> {
        let uri = Uri::from_file_path(path)?;
        if let Some(doc) = self.driver.session().documents.get(&uri) {
            return Some(FileText {
                text: doc.rope.to_string(),
                version: Some(doc.version),
            });
        }
        let text = read_text(path).ok()?;
        Some(FileText {
            text,
            version: None,
        })
    }

    async fn entity_location(&self, args: &[Value]) -> Option<Location> {
        let uri: Uri = serde_json::from_value(args.first()?.clone()).ok()?;
        let pos: Position = serde_json::from_value(args.get(1)?.clone()).ok()?;
        let (a, offset) = self.at(&uri, pos).await?;
        let mention = a
            .analysis
            .mentions
            .iter()
            .find(|m| m.range.contains(&offset))?;
        let id = a.registry.entity(mention.entity).id.clone();
        let files = a.registry_files.clone();
        let site = tokio::task::spawn_blocking(move || locate_entity(&files, &id))
            .await
            .ok()??;
        let index = crate::position::LineIndex::new(&site.text);
        let enc = self.driver.session().encoding;
        let range = to_proto::range(&index, &site.text, &site.range, enc);
        Some(Location::new(Uri::from_file_path(&site.file)?, range))
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let features = ClientFeatures::new(&params.capabilities);
        let (encoding, encoding_kind) = negotiate_encoding(&params.capabilities);
        #[allow(deprecated)]
        let roots: Vec<PathBuf> = match (&params.workspace_folders, &params.root_uri) {
            (Some(folders), _) => folders.iter().filter_map(|f| path_of(&f.uri)).collect(),
            (None, Some(root)) => path_of(root).into_iter().collect(),
            (None, None) => Vec::new(),
        };
        {
            let mut s = self.driver.session();
            s.features = features;
            s.encoding = encoding;
            s.init_options = params.initialization_options.filter(|v| !v.is_null());
            roots.into_iter().for_each(|r| s.add_folder(r));
        }
        let code_actions = CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            resolve_provider: Some(features.resolve_edits),
            ..CodeActionOptions::default()
        };
        let pull = DiagnosticOptions {
            identifier: Some(diagnostics::SOURCE.into()),
            inter_file_dependencies: false,
            workspace_diagnostics: false,
            work_done_progress_options: WorkDoneProgressOptions::default(),
        };
        let capabilities = ServerCapabilities {
            position_encoding: Some(encoding_kind),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            completion_provider: Some(CompletionOptions::default()),
            document_symbol_provider: Some(OneOf::Left(true)),
            definition_provider: Some(OneOf::Left(true)),
            references_provider: Some(OneOf::Left(true)),
            workspace_symbol_provider: Some(OneOf::Left(true)),
            code_action_provider: Some(CodeActionProviderCapability::Options(code_actions)),
            execute_command_provider: Some(ExecuteCommandOptions {
                commands: vec![ENTITY_LOCATION.into(), SHOW_ENTITY.into()],
                ..ExecuteCommandOptions::default()
            }),
            diagnostic_provider: features
                .pull_diagnostics
                .then_some(DiagnosticServerCapabilities::Options(pull)),
            workspace: Some(WorkspaceServerCapabilities {
                workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                    supported: Some(true),
                    change_notifications: Some(OneOf::Left(true)),
                }),
                file_operations: None,
            }),
            ..ServerCapabilities::default()
        };
        Ok(InitializeResult {
            capabilities,
            server_info: Some(ServerInfo {
                name: "copydesk".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if !self.driver.session().features.watch_registration {
            self.driver.spawn_poller();
        }
        self.driver.spawn_reload(Which::Missing);
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let name = doc.uri.path().to_string();
        {
            let mut s = self.driver.session();
            let folder = s.folder_for_uri(&doc.uri);
            let open = OpenDocument {
                rope: Rope::from_str(&doc.text),
                version: doc.version,
                format: session::format_of(&doc.language_id, &name),
                is_draft: session::is_draft(&doc.language_id, &name),
                folder,
                generation: 0,
                analyzed: None,
            };
            s.documents.insert(doc.uri.clone(), open);
        }
        self.driver.check_registry_text(&doc.uri).await;
        self.driver.schedule(doc.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        {
            let mut s = self.driver.session();
            let enc = s.encoding;
            let Some(doc) = s.documents.get_mut(&uri) else {
                tracing::warn!(uri = uri.as_str(), "change to a document that is not open");
                return;
            };
            doc.apply(params.content_changes, params.text_document.version, enc);
        }
        self.driver.check_registry_text(&uri).await;
        self.driver.schedule(uri);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        // An open registry's problems were published from its open text; the file on disk
        // is what counts again.
        let registry = path_of(&uri).filter(|p| self.driver.is_open_registry(p));
        let was_draft = self
            .driver
            .session()
            .documents
            .remove(&uri)
            .is_some_and(|d| d.is_draft);
        if was_draft || registry.is_some() {
            self.driver
                .client
                .publish_diagnostics(uri, Vec::new(), None)
                .await;
        }
        if let Some(path) = registry {
            self.driver.spawn_reload(Which::Changed(vec![path]));
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        {
            let mut s = self.driver.session();
            if let Some(section) = params.settings.get("copydesk").filter(|v| !v.is_null()) {
                s.init_options = Some(section.clone());
            }
        }
        self.driver.spawn_reload(Which::All);
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let paths: Vec<PathBuf> = params
            .changes
            .iter()
            .filter_map(|c| path_of(&c.uri))
            .collect();
        self.driver.spawn_reload(Which::Changed(paths));
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        {
            let mut s = self.driver.session();
            let removed: Vec<PathBuf> = params
                .event
                .removed
                .iter()
                .filter_map(|f| path_of(&f.uri))
                .collect();
            s.folders.retain(|f| !removed.contains(&f.root));
            params
                .event
                .added
                .iter()
                .filter_map(|f| path_of(&f.uri))
                .for_each(|r| s.add_folder(r));
            let uris: Vec<Uri> = s.documents.keys().cloned().collect();
            for uri in uris {
                let folder = s.folder_for_uri(&uri);
                if let Some(doc) = s.documents.get_mut(&uri) {
                    doc.folder = folder;
                }
            }
        }
        self.driver.spawn_reload(Which::Missing);
    }

    /// Answered from the latest finished analysis, never waiting long for one: a small draft's
    /// first analysis is awaited; before a larger one's has finished, the paragraph at the
    /// position is read on its own.
    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        let uri = &p.text_document.uri;
        let (finished, small, enc) = {
            let s = self.driver.session();
            let doc = s.documents.get(uri);
            (
                doc.and_then(|d| d.finished_at(p.position, s.encoding)),
                doc.is_some_and(|d| d.rope.len_bytes() <= SMALL_DRAFT),
                s.encoding,
            )
        };
        if let Some((a, offset)) = finished {
            return Ok(hover::hover(&a, offset, enc));
        }
        if small {
            // Its whole analysis takes milliseconds (and loads the registry if it must): the
            // exact answer, second references and all, is worth that wait.
            let Some((a, offset)) = self.at(uri, p.position).await else {
                return Ok(None);
            };
            return Ok(hover::hover(&a, offset, enc));
        }
        let Some((a, first_line, pos)) = self.driver.around(uri, p.position).await else {
            return Ok(None);
        };
        let offset = a.index.offset(&a.text, to_proto::from_position(pos), enc);
        let mut hover = hover::hover(&a, offset, enc);
        if let Some(range) = hover.as_mut().and_then(|h| h.range.as_mut()) {
            range.start.line += first_line;
            range.end.line += first_line;
        }
        Ok(hover)
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        let (found, enc) = {
            let s = self.driver.session();
            (
                s.line_before(&p.text_document.uri, p.position, s.encoding),
                s.encoding,
            )
        };
        let Some((before, registry, date)) = found else {
            return Ok(None);
        };
        let date = date.unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
        let list = completion::completion(&before, p.position, &registry, date, enc);
        Ok(list.map(CompletionResponse::List))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(a) = self.driver.current(&params.text_document.uri).await else {
            return Ok(None);
        };
        let enc = self.driver.session().encoding;
        Ok(Some(DocumentSymbolResponse::Nested(outline::outline(
            &a, enc,
        ))))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let Some((a, offset)) = self.at(&p.text_document.uri, p.position).await else {
            return Ok(None);
        };
        let Some(m) = navigate::mention_at(&a, offset) else {
            return Ok(None);
        };
        let Some(path) = navigate::entity_file(&a.registry, m.entity) else {
            return Ok(None);
        };
        let id = &a.registry.entity(m.entity).id;
        let enc = self.driver.session().encoding;
        let location = self
            .file_text(&path)
            .and_then(|text| navigate::entity_location(&path, &text, id, enc));
        Ok(location.map(GotoDefinitionResponse::Scalar))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let Some((a, offset)) = self.at(&p.text_document.uri, p.position).await else {
            return Ok(None);
        };
        let Some(m) = navigate::mention_at(&a, offset) else {
            return Ok(None);
        };
        let id = a.registry.entity(m.entity).id.clone();
        let enc = self.driver.session().encoding;
        let mut out = Vec::new();
        if params.context.include_declaration {
            let path = navigate::entity_file(&a.registry, m.entity);
            out.extend(path.and_then(|path| {
                let text = self.file_text(&path)?;
                navigate::entity_location(&path, &text, &id, enc)
            }));
        }
        let drafts: Vec<Uri> = {
            let s = self.driver.session();
            let mut uris: Vec<Uri> = s
                .documents
                .iter()
                .filter(|(_, d)| d.is_draft)
                .map(|(uri, _)| uri.clone())
                .collect();
            uris.sort_by(|a, b| a.as_str().cmp(b.as_str()));
            uris
        };
        for uri in drafts {
            if let Some(a) = self.driver.current(&uri).await {
                out.extend(navigate::mentions_of(&a, &uri, &id, enc));
            }
        }
        Ok(Some(out))
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let (registries, enc) = {
            let s = self.driver.session();
            let mut registries: Vec<Arc<crate::registry::Registry>> = Vec::new();
            for st in s.states() {
                if !registries.iter().any(|r| Arc::ptr_eq(r, &st.registry)) {
                    registries.push(st.registry.clone());
                }
            }
            (registries, s.encoding)
        };
        let today = time::OffsetDateTime::now_utc().date();
        let mut out = Vec::new();
        for registry in registries {
            let text_of = |path: &Path| self.file_text(path);
            out.extend(navigate::symbols(
                &registry,
                &params.query,
                today,
                text_of,
                enc,
            ));
        }
        Ok(Some(WorkspaceSymbolResponse::Nested(out)))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        // The latest finished analysis, without waiting for a newer one that may be running.
        let (found, features, enc) = {
            let s = self.driver.session();
            let doc = s.documents.get(&uri).filter(|d| d.analyzed.is_some());
            let found = doc.map(|d| {
                let (a, start) = d.finished_at(params.range.start, s.encoding)?;
                let (_, end) = d.finished_at(params.range.end, s.encoding)?;
                Some((a, start..end.max(start), d.generation))
            });
            (found, s.features, s.encoding)
        };
        // Nothing analysed yet, or the lines asked about have changed since.
        let Some(found) = found else {
            return Ok(None);
        };
        let Some((a, range, generation)) = found else {
            return Ok(Some(Vec::new()));
        };
        // The draft's own fixes only from an analysis of the text as it is: a fix computed
        // for an older text is refused.
        let mut actions = if a.generation == generation {
            code_action::actions(&uri, &params.context.diagnostics, &a, features)
        } else {
            Vec::new()
        };
        let text_of = |path: &Path| self.registry_text(path);
        let env = registry_edit::Env {
            features,
            enc,
            text_of: &text_of,
        };
        actions.extend(registry_edit::actions(
            &a,
            &params.context.diagnostics,
            range,
            &env,
        ));
        Ok(Some(actions))
    }

    async fn code_action_resolve(&self, action: CodeAction) -> Result<CodeAction> {
        let s = self.driver.session();
        let version = |uri: &Uri| s.documents.get(uri).map(|d| d.version);
        code_action::resolve(action, version, s.features)
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let items = match self.driver.current(&uri).await {
            Some(a) => diagnostics::all(&a, &uri, self.driver.session().encoding),
            None => Vec::new(),
        };
        let report = RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                result_id: None,
                items,
            },
        };
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(report),
        ))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        if params.command == SHOW_ENTITY {
            let mut args = params.arguments.into_iter();
            let uri = args
                .next()
                .and_then(|v| serde_json::from_value::<Uri>(v).ok());
            let at = args
                .next()
                .and_then(|v| serde_json::from_value::<Range>(v).ok());
            let (Some(uri), Some(at)) = (uri, at) else {
                return Err(Error::invalid_params("expected a document and a range"));
            };
            let show = ShowDocumentParams {
                uri,
                external: None,
                take_focus: Some(true),
                selection: Some(at),
            };
            let shown = self.driver.client.show_document(show);
            let shown = tokio::time::timeout(CLIENT_TIMEOUT, shown).await;
            return Ok(shown.ok().and_then(|s| s.ok()).map(Value::Bool));
        }
        if params.command != ENTITY_LOCATION {
            return Err(Error::invalid_params(format!(
                "unknown command `{}`",
                params.command
            )));
        }
        let location = self.entity_location(&params.arguments).await;
        Ok(location.and_then(|l| serde_json::to_value(l).ok()))
    }
}
