//! Noticing that a config or registry file changed on disk, as plain functions: the watchers
//! to register with a client, and the stamps a poller compares.
//!
//! Where the client offers dynamic registration, it watches the files and sends
//! `workspace/didChangeWatchedFiles`. Otherwise the driver compares the files' size and
//! modification time at a short interval: a few `stat` calls, and it sees atomic saves (write to
//! a temporary file, then rename) that event-based watchers can miss.

use std::path::{Component, Path, PathBuf};
use std::time::SystemTime;
use tower_lsp_server::ls_types::{
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, OneOf, Registration,
    RelativePattern, Unregistration, Uri,
};

const REGISTRATION_ID: &str = "copydesk-watched-files";
const METHOD: &str = "workspace/didChangeWatchedFiles";

/// A path with `.` and `..` resolved lexically, so that paths from the client and from config
/// files compare equal.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// One watcher per file, relative to its folder where the client supports that (it can then
/// watch registries outside the workspace), else by file name anywhere in the workspace.
pub fn watchers(paths: &[PathBuf], relative: bool) -> Vec<FileSystemWatcher> {
    let mut out = vec![FileSystemWatcher {
        glob_pattern: GlobPattern::String(format!("**/{}", crate::workspace::CONFIG_FILE)),
        kind: None,
    }];
    for path in paths {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            continue;
        };
        let name = name.to_string_lossy().into_owned();
        let glob_pattern = match Uri::from_file_path(dir) {
            Some(base) if relative => GlobPattern::Relative(RelativePattern {
                base_uri: OneOf::Right(base),
                pattern: name,
            }),
            _ => GlobPattern::String(format!("**/{name}")),
        };
        out.push(FileSystemWatcher {
            glob_pattern,
            kind: None,
        });
    }
    out
}

/// The registration of file watchers with the client.
pub fn registration(watchers: Vec<FileSystemWatcher>) -> Registration {
    let options = DidChangeWatchedFilesRegistrationOptions { watchers };
    Registration {
        id: REGISTRATION_ID.into(),
        method: METHOD.into(),
        register_options: serde_json::to_value(options).ok(),
    }
}

/// Withdraws the registration made by [`registration`].
pub fn unregistration() -> Unregistration {
    Unregistration {
        id: REGISTRATION_ID.into(),
        method: METHOD.into(),
    }
}

pub type Stamps = Vec<(PathBuf, Option<(SystemTime, u64)>)>;

/// Size and modification time of each file, `None` where it is missing.
pub fn stamps(paths: Vec<PathBuf>) -> Stamps {
    paths
        .into_iter()
        .map(|p| {
            let s = stamp(&p);
            (p, s)
        })
        .collect()
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The files whose stamp differs between two polls (a file watched only since `now` is new, not
/// changed: it was read when it became watched).
pub fn changed(seen: &Stamps, now: &Stamps) -> Vec<PathBuf> {
    now.iter()
        .filter(|(p, s)| seen.iter().any(|(q, t)| q == p && t != s))
        .map(|(p, _)| p.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_resolves_dots() {
        assert_eq!(
            normalize(Path::new("/w/./drafts/../registry/people.json")),
            PathBuf::from("/w/registry/people.json")
        );
    }
}
