//! Configuration per workspace folder, as plain data: `copydesk.json`, the editor's settings,
//! and the registries they name.
//!
//! A config or registry that fails to load never stops the server: [`load_folder`] keeps the
//! folder's last good pieces and lists the problems, which the driver shows on their files.
//! Nothing here talks to the client.

use super::watch::normalize;
use crate::analysis::SeverityMap;
use crate::config::{from_value, Config};
use crate::registry::Registry;
use crate::workspace::{find_config, load_config, load_registries, LoadedConfig, Problem};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The configuration a folder's drafts are checked with.
#[derive(Default)]
pub struct FolderState {
    /// The `copydesk.json` in force, if any.
    pub config_file: Option<PathBuf>,
    /// What that file said when it last loaded.
    file_config: LoadedConfig,
    /// The editor's settings when they last read well.
    pub editor: Option<Config>,
    pub severity: SeverityMap,
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

    /// The message that tells the user this folder's load went wrong, if it did.
    pub fn summary(&self, had_last: bool) -> Option<String> {
        let first = self.problems.first()?;
        let more = match self.problems.len() - 1 {
            0 => String::new(),
            n => format!(" (and {n} more)"),
        };
        let keeping = if had_last {
            "; the last good configuration stays in use"
        } else {
            ""
        };
        Some(format!("copydesk: {first}{more}{keeping}"))
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
    if let Some(e) = &editor {
        severity.overlay(&e.severity);
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
        registry,
        registry_files,
        problems,
        warnings,
    }
}

/// Which folders to reload.
#[derive(Clone, Debug)]
pub enum Which {
    /// Those not loaded yet.
    Missing,
    /// All of them (the editor's settings changed).
    All,
    /// Those that read one of these files.
    Changed(Vec<PathBuf>),
}

impl Which {
    /// Whether the folder at `root`, loaded as `state`, is to be reloaded.
    pub fn selects(&self, root: &Path, state: Option<&FolderState>) -> bool {
        match (self, state) {
            (Which::Missing, state) => state.is_none(),
            (Which::All, _) => true,
            (Which::Changed(_), None) => false,
            (Which::Changed(paths), Some(state)) => affects(paths, root, state),
        }
    }
}

/// Whether a change to one of `paths` concerns the folder at `root`.
fn affects(paths: &[PathBuf], root: &Path, state: &FolderState) -> bool {
    let watched: HashSet<PathBuf> = state.watched(root).iter().map(|p| normalize(p)).collect();
    paths.iter().any(|p| {
        let p = normalize(p);
        watched.contains(&p)
            || (p
                .file_name()
                .is_some_and(|n| n == crate::workspace::CONFIG_FILE)
                && p.parent().is_some_and(|dir| root.starts_with(dir)))
    })
}

/// Reads the editor's settings object. `trace` is the language client's own setting that
/// VS Code reports under every server's section, so it is not a copydesk field.
pub fn editor_config(mut value: serde_json::Value) -> Result<Config, String> {
    if let Some(map) = value.as_object_mut() {
        map.remove("trace");
    }
    from_value(value)
}

/// Every folder's problems and warnings grouped by the file they are in, each once; `true`
/// marks a warning.
pub fn problems_by_file<'a>(
    states: impl IntoIterator<Item = &'a FolderState>,
) -> BTreeMap<PathBuf, Vec<(Problem, bool)>> {
    let mut by_file: BTreeMap<PathBuf, Vec<(Problem, bool)>> = BTreeMap::new();
    for (p, warning) in states.into_iter().flat_map(|st| {
        let problems = st.problems.iter().map(|p| (p, false));
        problems.chain(st.warnings.iter().map(|p| (p, true)))
    }) {
        let list = by_file.entry(p.file.clone()).or_default();
        if !list.iter().any(|(q, _)| q == p) {
            list.push((p.clone(), warning));
        }
    }
    by_file
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
        assert_eq!(good.registry.len(), 1);
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
        assert_eq!(state.registry.len(), 1);
        assert_eq!(
            state.severity.get(crate::analysis::Code::NameMisspelling),
            Some(crate::analysis::Severity::Hint)
        );
    }
}
