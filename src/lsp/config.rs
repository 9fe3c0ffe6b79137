//! Configuration per workspace folder: `copydesk.json`, the editor's settings, and the
//! registries they name.
//!
//! A config or registry that fails to load never stops the server: the folder keeps its last
//! good state, the problem becomes a diagnostic on the file (with line and column) and a
//! `window/showMessage`. Every open draft is checked again after a reload.

use super::session::Shared;
use super::{check, diagnostics, watch};
use crate::analysis::{Historical, SeverityMap};
use crate::config::{from_value, Config};
use crate::registry::Registry;
use crate::workspace::{
    find_config, load_config, load_registries, read_text, LoadedConfig, Problem,
};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tower_lsp_server::ls_types::{ConfigurationItem, MessageType, Uri};

/// How long to wait for the client to answer a request before going on without it.
pub const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

/// The configuration a folder's drafts are checked with.
#[derive(Default)]
pub struct FolderState {
    /// The `copydesk.json` in force, if any.
    pub config_file: Option<PathBuf>,
    /// What that file said when it last loaded.
    file_config: LoadedConfig,
    /// The editor's settings when they last read well.
    editor: Option<Config>,
    pub severity: SeverityMap,
    pub historical: Historical,
    pub registry: Arc<Registry>,
    pub registry_files: Vec<PathBuf>,
    /// What went wrong in the last load.
    pub problems: Vec<Problem>,
    /// What loaded but deserves a look (a newsroom entity duplicating a default one).
    pub warnings: Vec<Problem>,
}

impl FolderState {
    /// Files whose change means the folder must be reloaded.
    pub fn watched(&self, root: &Path) -> Vec<PathBuf> {
        let mut out = vec![root.join(crate::workspace::CONFIG_FILE)];
        out.extend(self.config_file.iter().cloned());
        out.extend(self.registry_files.iter().cloned());
        out
    }
}

/// Loads a folder's configuration, falling back piece by piece on `last`.
pub fn load_folder(root: &Path, editor: Option<Config>, last: Option<&FolderState>) -> FolderState {
    let mut problems = Vec::new();
    let config_file = find_config(root);
    let file_config = match config_file.as_deref().map(load_config) {
        None => LoadedConfig::default(),
        Some(Ok(c)) => c,
        Some(Err(p)) => {
            problems.push(p);
            last.map(|l| l.file_config.clone()).unwrap_or_default()
        }
    };
    let mut severity = file_config.config.severity.clone();
    let mut registry_files = file_config.registries.clone();
    let mut historical = file_config.config.historical;
    if let Some(e) = &editor {
        severity.overlay(&e.severity);
        historical = e.historical.or(historical);
        registry_files.extend(e.registries.iter().map(|r| root.join(r)));
    }
    // The editor's setting wins over the file's; both default to "auto".
    let default = editor
        .as_ref()
        .and_then(|e| e.default_registry)
        .or(file_config.config.default_registry)
        .unwrap_or_default();
    let mut warnings = Vec::new();
    let registry = match load_registries(&registry_files, default) {
        Ok(r) => {
            warnings = r.warnings;
            Arc::new(r.registry)
        }
        Err(ps) => {
            problems.extend(ps);
            last.map(|l| l.registry.clone()).unwrap_or_default()
        }
    };
    FolderState {
        config_file,
        file_config,
        editor,
        severity,
        historical: historical.unwrap_or_default(),
        registry,
        registry_files,
        problems,
        warnings,
    }
}

/// Which folders to reload.
pub enum Which {
    /// Those not loaded yet.
    Missing,
    /// All of them (the editor's settings changed).
    All,
    /// Those that read one of these files.
    Changed(Vec<PathBuf>),
}

/// Reloads folders, reports problems, updates the file watchers and checks open drafts again.
pub async fn reload(shared: &Arc<Shared>, which: Which) {
    let _one_at_a_time = shared.reload.lock().await;
    let roots: Vec<PathBuf> = {
        let s = shared.session();
        s.folders
            .iter()
            .filter(|f| match (&which, &f.state) {
                (Which::Missing, state) => state.is_none(),
                (Which::All, _) => true,
                (Which::Changed(_), None) => false,
                (Which::Changed(paths), Some(state)) => affects(paths, &f.root, state),
            })
            .map(|f| f.root.clone())
            .collect()
    };
    if roots.is_empty() {
        return;
    }
    let settings = editor_settings(shared, &roots).await;
    let reloaded = roots.clone();
    let mut new_problems = Vec::new();
    for (root, editor) in roots.into_iter().zip(settings) {
        let last = shared.session().folder(&root).and_then(|f| f.state.clone());
        let editor = match editor {
            Ok(e) => e,
            Err(message) => {
                let text =
                    format!("copydesk: the editor's `copydesk` settings are not valid: {message}");
                shared.client.show_message(MessageType::ERROR, text).await;
                last.as_ref().and_then(|l| l.editor.clone())
            }
        };
        let folder = root.clone();
        let had_last = last.is_some();
        let loaded =
            tokio::task::spawn_blocking(move || load_folder(&folder, editor, last.as_deref()))
                .await;
        let state = match loaded {
            Ok(state) => Arc::new(state),
            Err(e) => {
                tracing::error!(folder = %root.display(), "loading the configuration failed: {e}");
                continue;
            }
        };
        if let Some(p) = state.problems.first() {
            let more = match state.problems.len() - 1 {
                0 => String::new(),
                n => format!(" (and {n} more)"),
            };
            let keeping = if had_last {
                "; the last good configuration stays in use"
            } else {
                ""
            };
            new_problems.push(format!("copydesk: {p}{more}{keeping}"));
        }
        if let Some(f) = shared.session().folders.iter_mut().find(|f| f.root == root) {
            f.state = Some(state);
        }
    }
    publish_problems(shared).await;
    for message in new_problems {
        shared
            .client
            .show_message(MessageType::ERROR, message)
            .await;
    }
    watch::update(shared).await;
    // Check again what was checked with the old state. A folder loaded for the first time has
    // checked nothing yet: the drafts waiting for it go on by themselves.
    let again: Vec<Uri> = shared
        .session()
        .documents
        .iter()
        .filter(|(_, d)| reloaded.contains(&d.folder))
        .filter(|(_, d)| !matches!(which, Which::Missing) || d.analyzed.is_some())
        .map(|(uri, _)| uri.clone())
        .collect();
    again
        .into_iter()
        .for_each(|uri| check::schedule(shared, uri));
    let features = shared.session().features;
    if features.pull_diagnostics && features.diagnostic_refresh {
        let _ = tokio::time::timeout(CLIENT_TIMEOUT, shared.client.workspace_diagnostic_refresh())
            .await;
    }
}

/// Whether a change to one of `paths` concerns the folder at `root`.
fn affects(paths: &[PathBuf], root: &Path, state: &FolderState) -> bool {
    let watched: HashSet<PathBuf> = state
        .watched(root)
        .iter()
        .map(|p| watch::normalize(p))
        .collect();
    paths.iter().any(|p| {
        let p = watch::normalize(p);
        watched.contains(&p)
            || (p
                .file_name()
                .is_some_and(|n| n == crate::workspace::CONFIG_FILE)
                && p.parent().is_some_and(|dir| root.starts_with(dir)))
    })
}

/// The editor's `copydesk` settings for each folder: `workspace/configuration` where the client
/// has it, else the `initializationOptions`.
async fn editor_settings(
    shared: &Shared,
    roots: &[PathBuf],
) -> Vec<Result<Option<Config>, String>> {
    let (features, init) = {
        let s = shared.session();
        (s.features, s.init_options.clone())
    };
    let mut values = vec![init; roots.len()];
    if features.configuration {
        let items = roots
            .iter()
            .map(|r| ConfigurationItem {
                scope_uri: Uri::from_file_path(r),
                section: Some("copydesk".into()),
            })
            .collect();
        match tokio::time::timeout(CLIENT_TIMEOUT, shared.client.configuration(items)).await {
            Ok(Ok(answers)) => {
                for (value, answer) in values.iter_mut().zip(answers) {
                    if !answer.is_null() {
                        *value = Some(answer);
                    }
                }
            }
            Ok(Err(e)) => tracing::warn!("workspace/configuration failed: {e}"),
            Err(_) => tracing::warn!("workspace/configuration was not answered"),
        }
    }
    values
        .into_iter()
        .map(|v| v.map(editor_config).transpose())
        .collect()
}

/// Reads the editor's settings object. `trace` is the language client's own setting that
/// VS Code reports under every server's section, so it is not a copydesk field.
fn editor_config(mut value: serde_json::Value) -> Result<Config, String> {
    if let Some(map) = value.as_object_mut() {
        map.remove("trace");
    }
    from_value(value)
}

/// Publishes every folder's problems on their files, and clears files that have none left.
async fn publish_problems(shared: &Shared) {
    let (by_file, cleared, encoding) = {
        let mut s = shared.session();
        let mut by_file: BTreeMap<PathBuf, Vec<(Problem, bool)>> = BTreeMap::new();
        let states = s.folders.iter().filter_map(|f| f.state.as_ref());
        for (p, warning) in states.flat_map(|st| {
            let problems = st.problems.iter().map(|p| (p, false));
            problems.chain(st.warnings.iter().map(|p| (p, true)))
        }) {
            let list = by_file.entry(p.file.clone()).or_default();
            if !list.iter().any(|(q, _)| q == p) {
                list.push((p.clone(), warning));
            }
        }
        let now: HashSet<PathBuf> = by_file.keys().cloned().collect();
        let cleared: Vec<PathBuf> = s.problem_files.difference(&now).cloned().collect();
        s.problem_files = now;
        (by_file, cleared, s.encoding)
    };
    for file in cleared {
        if let Some(uri) = Uri::from_file_path(&file) {
            shared
                .client
                .publish_diagnostics(uri, Vec::new(), None)
                .await;
        }
    }
    for (file, problems) in by_file {
        let Some(uri) = Uri::from_file_path(&file) else {
            continue;
        };
        let text = read_text(&file).unwrap_or_default();
        let diags = problems
            .iter()
            .map(|(p, warning)| {
                let mut d = diagnostics::from_problem(p, &text, encoding);
                if *warning {
                    d.severity = Some(tower_lsp_server::ls_types::DiagnosticSeverity::WARNING);
                }
                d
            })
            .collect();
        shared.client.publish_diagnostics(uri, diags, None).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    const REGISTRY: &str =
        r#"{"version": 1, "entities": [{"id": "a", "kind": "person", "name": "Ann Lee"}]}"#;

    #[test]
    fn a_broken_registry_keeps_the_last_good_one() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "copydesk.json", r#"{"registries": ["r.json"]}"#);
        write(dir.path(), "r.json", REGISTRY);
        let good = load_folder(dir.path(), None, None);
        assert!(good.problems.is_empty());
        assert_eq!(good.registry.entities().len(), 1);
        write(
            dir.path(),
            "r.json",
            "{\"version\": 1,\n \"entities\": [{\"id\": \"a\", \"nmae\": 1}]}",
        );
        let broken = load_folder(dir.path(), None, Some(&good));
        assert_eq!(broken.problems.len(), 1);
        assert_eq!(broken.problems[0].position.map(|p| p.0), Some(2));
        assert!(Arc::ptr_eq(&broken.registry, &good.registry));
    }

    #[test]
    fn editor_settings_add_registries_and_override_severities() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "copydesk.json",
            r#"{"severity": {"name-misspelling": "warning"}}"#,
        );
        write(dir.path(), "r.json", REGISTRY);
        let editor = editor_config(serde_json::json!({
            "registries": ["r.json"],
            "severity": {"name-misspelling": "hint"},
            "trace": {"server": "off"}
        }))
        .unwrap();
        let state = load_folder(dir.path(), Some(editor), None);
        assert_eq!(state.registry.entities().len(), 1);
        assert_eq!(
            state.severity.get(crate::analysis::Code::NameMisspelling),
            Some(crate::analysis::Severity::Hint)
        );
    }
}
