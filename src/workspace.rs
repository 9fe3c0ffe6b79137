//! Reading what the analysis needs from disk: the config file and the registries.
//!
//! Shared by the CLI and the language server. Every problem names its file, and line and column
//! where the file could be parsed at all.

use crate::config::{parse_config, Config};
use crate::registry::{
    check_references, check_references_with_default, merge_with_default, parse_registry,
    DefaultRegistry, Registry, RegistryFile,
};
use std::ops::Range;
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "copydesk.json";

pub use crate::problem::Problem;

/// Reads a whole file as UTF-8. Only regular files are read: a config must not make copydesk
/// read a device, a FIFO or a folder.
pub fn read_text(path: &Path) -> Result<String, Problem> {
    let problem = |message: String| Problem::new(path, message);
    let meta = std::fs::metadata(path).map_err(|e| problem(io_message(&e)))?;
    if meta.is_dir() {
        return Err(problem("is a folder, not a file".into()));
    }
    if !meta.is_file() {
        return Err(problem("is not a regular file".into()));
    }
    let bytes = std::fs::read(path).map_err(|e| problem(io_message(&e)))?;
    String::from_utf8(bytes).map_err(|e| {
        // Editors go to a line and column, not a byte offset: located in the valid part.
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
        let mut p = Problem::at(
            path,
            offset..offset + 1,
            format!("is not valid UTF-8 (byte {offset})"),
        );
        p.locate(&crate::position::LineIndex::new(valid), valid);
        p
    })
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}

/// The nearest `copydesk.json` in `dir` or its parents.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|p| p.is_file())
}

/// A config with its registry paths resolved against the config file's folder.
#[derive(Clone, Debug, Default)]
pub struct LoadedConfig {
    pub config: Config,
    pub registries: Vec<PathBuf>,
}

pub fn load_config(path: &Path) -> Result<LoadedConfig, Problem> {
    let text = read_text(path)?;
    let config = parse_config(&path.display().to_string(), &text)?;
    let base = path.parent().unwrap_or(Path::new("."));
    let registries = config.registries.iter().map(|r| base.join(r)).collect();
    Ok(LoadedConfig { config, registries })
}

/// What loading registries gave: the registry, and warnings that do not stop it being used
/// (a newsroom entity that duplicates a default one).
#[derive(Debug, Default)]
pub struct LoadedRegistry {
    pub registry: Registry,
    pub warnings: Vec<Problem>,
}

/// Loads and merges registries in order (a later entity with the same id wins), with the
/// built-in default registry under them when `default` says so. Returns every problem in every
/// file, or the registry when there are none.
pub fn load_registries(
    paths: &[PathBuf],
    default: DefaultRegistry,
) -> Result<LoadedRegistry, Vec<Problem>> {
    // A file named twice (in copydesk.json and in the editor's settings) is read once, where
    // it comes last: that is where its entities win.
    let paths = distinct_last(paths);
    let paths = &paths[..];
    // One index alone is read in place; an index among other files (or under the default
    // registry) is decoded and merged like them.
    if let [only] = paths {
        if crate::registry_index::is_index_path(only) && !default.applies(true) {
            let registry = crate::registry_index::open(only).map_err(|p| vec![p])?;
            let warnings = index_warnings(only, &registry);
            return Ok(LoadedRegistry { registry, warnings });
        }
    }
    let mut problems = Vec::new();
    let mut files: Vec<RegistryFile> = Vec::new();
    // Each file's text, kept until problems found across files have been located in it.
    let mut texts: Vec<(PathBuf, String)> = Vec::new();
    let mut stale = Vec::new();
    for path in paths {
        if crate::registry_index::is_index_path(path) {
            match crate::registry_index::open(path) {
                Ok(r) => {
                    stale.extend(index_warnings(path, &r));
                    let parts = r.mapped().map(|m| m.to_files()).unwrap_or_default();
                    files.extend(parts.into_iter().map(|(p, entities)| {
                        RegistryFile::of_entities(p.file, p.as_of, p.sources, entities)
                    }));
                }
                Err(p) => problems.push(p),
            }
            continue;
        }
        let text = match read_text(path) {
            Ok(t) => t,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        match parse_registry(&path.display().to_string(), &text) {
            Ok(f) => files.push(f),
            Err(errors) => problems.extend(errors),
        }
        texts.push((path.clone(), text));
    }
    let locate = |problems: &mut Vec<Problem>| {
        for (path, text) in &texts {
            Problem::locate_all(problems.iter_mut().filter(|p| &p.file == path), text);
        }
    };
    let with_default = default.applies(!paths.is_empty());
    let dangling = if with_default {
        check_references_with_default(&files)
    } else {
        check_references(&files)
    };
    problems.extend(dangling);
    if !problems.is_empty() {
        locate(&mut problems);
        return Err(problems);
    }
    if with_default {
        let (registry, mut warnings) = merge_with_default(files);
        locate(&mut warnings);
        stale.extend(warnings);
        Ok(LoadedRegistry {
            registry,
            warnings: stale,
        })
    } else {
        Ok(LoadedRegistry {
            registry: Registry::from_files(files),
            warnings: stale,
        })
    }
}

/// An index's load warnings (sources changed since it was built), as problems on the index.
fn index_warnings(path: &Path, registry: &Registry) -> Vec<Problem> {
    registry
        .warnings()
        .iter()
        .map(|w| Problem::new(path, w.clone()))
        .collect()
}

/// The problems of one registry file's `text` as it is being edited: everything the loader
/// reports in the file itself, and role `of` ids that are neither in it nor `known` elsewhere.
pub fn registry_text_problems(
    path: &Path,
    text: &str,
    known: impl Fn(&str) -> bool,
) -> Vec<Problem> {
    let mut problems = match parse_registry(&path.display().to_string(), text) {
        Ok(file) => {
            let own: std::collections::HashSet<&str> =
                file.entities.iter().map(|e| e.id.as_str()).collect();
            file.unknown_refs(|id| own.contains(id) || known(id))
        }
        Err(errors) => errors,
    };
    Problem::locate_all(&mut problems, text);
    problems
}

/// Where an entity is declared: the file, its text, and the byte range of the id's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntitySite {
    pub file: PathBuf,
    pub text: String,
    pub range: Range<usize>,
}

/// Finds the declaration `"id": "<id>"` of an entity, searching the files in reverse load order
/// (a later file's entity replaces an earlier one's). Found on demand in the text, so it needs no
/// bookkeeping while loading and follows the file as it is on disk now.
pub fn locate_entity(paths: &[PathBuf], id: &str) -> Option<EntitySite> {
    let quoted = serde_json::to_string(id).ok()?;
    paths.iter().rev().find_map(|path| {
        let text = read_text(path).ok()?;
        let start = text.match_indices(&quoted).find_map(|(i, _)| {
            let before = text[..i].trim_end().strip_suffix(':')?.trim_end();
            before.ends_with("\"id\"").then_some(i)
        })?;
        Some(EntitySite {
            file: path.clone(),
            range: start..start + quoted.len(),
            text,
        })
    })
}

/// A registry file, its text, and the byte range of each wanted id's value declared in it.
pub type Declarations = (PathBuf, String, Vec<(String, Range<usize>)>);

/// The declarations of several entities at once, reading each file once: per file (later files
/// first, as they win). An id is given once, in the file whose entity is in force.
pub fn locate_entities(paths: &[PathBuf], ids: &[String]) -> Vec<Declarations> {
    let mut wanted: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for path in paths.iter().rev() {
        if wanted.is_empty() {
            break;
        }
        let Ok(text) = read_text(path) else {
            continue;
        };
        let mut found = Vec::new();
        for (i, _) in text.match_indices("\"id\"") {
            let rest = &text[i + 4..];
            let Some(value) = rest.trim_start().strip_prefix(':') else {
                continue;
            };
            let value = value.trim_start();
            let start = text.len() - value.len();
            let Some(end) = value
                .strip_prefix('"')
                .and_then(|v| v.find('"'))
                .map(|e| start + e + 2)
            else {
                continue;
            };
            let Ok(id) = serde_json::from_str::<String>(&text[start..end]) else {
                continue;
            };
            if wanted.remove(id.as_str()) {
                found.push((id, start..end));
            }
        }
        if !found.is_empty() {
            out.push((path.clone(), text, found));
        }
    }
    out
}

/// `paths` with each file kept only at its last place (compared as canonical paths).
fn distinct_last(paths: &[PathBuf]) -> Vec<PathBuf> {
    let same = |p: &PathBuf| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
    let keys: Vec<PathBuf> = paths.iter().map(same).collect();
    paths
        .iter()
        .enumerate()
        .filter(|&(i, _)| !keys[i + 1..].contains(&keys[i]))
        .map(|(_, p)| p.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_registry_named_twice_is_read_once_at_its_last_place() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        let b = dir.path().join("b.json");
        std::fs::write(
            &a,
            r#"{"version": 1, "entities": [{"id": "x", "name": "Ann Lee", "kind": "person"}]}"#,
        )
        .unwrap();
        std::fs::write(
            &b,
            r#"{"version": 1, "entities": [{"id": "x", "name": "Anne Lee", "kind": "person"}]}"#,
        )
        .unwrap();
        let again = dir.path().join(".").join("a.json");
        assert_eq!(
            distinct_last(&[a.clone(), b.clone(), again.clone()]),
            vec![b.clone(), again.clone()]
        );
        // An index named twice is still mapped in place, not decoded and merged.
        let idx = dir.path().join("r.idx");
        crate::registry_index::build(std::slice::from_ref(&a), &idx)
            .map(|(bytes, _)| std::fs::write(&idx, bytes).unwrap())
            .unwrap();
        let loaded = load_registries(&[idx.clone(), idx], DefaultRegistry::Off).unwrap();
        assert!(loaded.registry.mapped().is_some());
    }

    #[test]
    fn locate_entity_prefers_the_later_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        let b = dir.path().join("b.json");
        std::fs::write(&a, r#"{"entities": [{"id": "zhao-leji"}]}"#).unwrap();
        std::fs::write(
            &b,
            "{\"entities\": [\n  {\"name\": \"zhao-leji\", \"id\" : \"zhao-leji\"}]}",
        )
        .unwrap();
        let site = locate_entity(&[a.clone(), b.clone()], "zhao-leji").unwrap();
        assert_eq!(site.file, b);
        assert_eq!(&site.text[site.range.clone()], "\"zhao-leji\"");
        assert!(site.range.start > site.text.find("\"id\"").unwrap());
        assert_eq!(
            locate_entity(std::slice::from_ref(&a), "zhao-leji")
                .unwrap()
                .file,
            a
        );
        assert_eq!(locate_entity(&[a.clone(), b.clone()], "nobody"), None);
        let ids = ["zhao-leji".to_string(), "nobody".to_string()];
        let found = locate_entities(&[a, b.clone()], &ids);
        assert_eq!(found.len(), 1);
        let (file, text, sites) = &found[0];
        assert_eq!(file, &b);
        assert_eq!(sites[0].0, "zhao-leji");
        assert_eq!(&text[sites[0].1.clone()], "\"zhao-leji\"");
    }
}
