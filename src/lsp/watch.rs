//! Noticing that a config or registry file changed on disk.
//!
//! Where the client offers dynamic registration, it watches the files and sends
//! `workspace/didChangeWatchedFiles`. Otherwise a background task compares the files' size and
//! modification time at a short interval: a few `stat` calls, and it sees atomic saves (write to
//! a temporary file, then rename) that event-based watchers can miss.

use super::config::{reload, Which, CLIENT_TIMEOUT};
use super::session::Shared;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Weak};
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

/// Recomputes the watched files after a reload and tells the client when they changed. A
/// client that offered dynamic registration but refuses it gets the poller instead.
pub async fn update(shared: &Arc<Shared>) {
    let (watchers, registered, relative) = {
        let mut s = shared.session();
        let mut watched: Vec<PathBuf> = s
            .folders
            .iter()
            .filter_map(|f| f.state.as_ref().map(|st| st.watched(&f.root)))
            .flatten()
            .map(|p| normalize(&p))
            .collect();
        watched.sort();
        watched.dedup();
        if watched == s.watched || !s.features.watch_registration {
            s.watched = watched;
            return;
        }
        let registered = !s.watched.is_empty();
        s.watched = watched;
        (
            watchers(&s.watched, s.features.relative_patterns),
            registered,
            s.features.relative_patterns,
        )
    };
    tracing::debug!(
        relative,
        count = watchers.len(),
        "registering file watchers"
    );
    if registered {
        let gone = Unregistration {
            id: REGISTRATION_ID.into(),
            method: METHOD.into(),
        };
        let _ = tokio::time::timeout(
            CLIENT_TIMEOUT,
            shared.client.unregister_capability(vec![gone]),
        )
        .await;
    }
    let options = DidChangeWatchedFilesRegistrationOptions { watchers };
    let registration = Registration {
        id: REGISTRATION_ID.into(),
        method: METHOD.into(),
        register_options: serde_json::to_value(options).ok(),
    };
    let refused = match tokio::time::timeout(
        CLIENT_TIMEOUT,
        shared.client.register_capability(vec![registration]),
    )
    .await
    {
        Ok(Ok(())) => return,
        Ok(Err(e)) => e.to_string(),
        Err(_) => "no answer".to_string(),
    };
    tracing::warn!("the client did not take the file watchers ({refused}); polling instead");
    shared.session().features.watch_registration = false;
    spawn_poller(shared);
}

/// One watcher per file, relative to its folder where the client supports that (it can then
/// watch registries outside the workspace), else by file name anywhere in the workspace.
fn watchers(paths: &[PathBuf], relative: bool) -> Vec<FileSystemWatcher> {
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

/// Polls the watched files until the server is gone. Used when the client cannot watch them.
pub fn spawn_poller(shared: &Arc<Shared>) {
    let weak: Weak<Shared> = Arc::downgrade(shared);
    let interval = shared.options.poll_interval;
    let mut seen = stamps(shared.session().watched.clone());
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(interval).await;
            let Some(shared) = weak.upgrade() else {
                return;
            };
            let now = stamps(shared.session().watched.clone());
            let changed: Vec<PathBuf> = now
                .iter()
                .filter(|(p, s)| seen.iter().any(|(q, t)| q == p && t != s))
                .map(|(p, _)| p.clone())
                .collect();
            seen = now;
            if !changed.is_empty() {
                tracing::info!(?changed, "configuration files changed");
                reload(&shared, Which::Changed(changed)).await;
            }
        }
    });
}

type Stamps = Vec<(PathBuf, Option<(SystemTime, u64)>)>;

/// Size and modification time of each file, `None` where it is missing.
fn stamps(paths: Vec<PathBuf>) -> Stamps {
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
