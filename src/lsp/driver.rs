//! The driver: the one owner of the server's state and of everything that talks to the client
//! unasked. It schedules checks, reloads configuration, publishes diagnostics and problems, and
//! keeps the file watchers up to date.
//!
//! Checks are paced per document ([`Turn`]): an edit is checked at once when no check of the
//! document is running and its last one was cheap; edits are coalesced only while they arrive
//! faster than checks finish (one is running, or the last took longer than the debounce).
//!
//! The modules below it are plain data and functions ([`session`](super::session),
//! [`folder`](super::folder), [`watch`](super::watch), [`check`](super::check)) or converters
//! to protocol types ([`to_proto`](super::to_proto) and its neighbours); none of them calls back
//! up here.

use super::check::{self, Ready};
use super::folder::{editor_config, load_folder, problems_by_file, Which};
use super::session::{path_of, Analyzed, Session};
use super::watch::normalize;
use super::{diagnostics, watch};
use crate::config::Config;
use crate::registry_index::is_index_path;
use crate::workspace::{read_text, registry_text_problems};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::time::{Duration, Instant};
use tower_lsp_server::ls_types::{ConfigurationItem, DiagnosticSeverity, MessageType, Uri};
use tower_lsp_server::Client;

/// How long to wait for the client to answer a request before going on without it.
pub const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

/// How the server paces its work.
#[derive(Clone, Debug)]
pub struct Options {
    /// How long typing must pause before a draft is checked again, when checking it is not
    /// cheap (its last check took longer than this). A cheap check runs at once, and while one
    /// is running the next edits wait for it, not for this; a stale analysis is dropped anyway.
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

/// The server's state and its link to the client, shared by handlers and background tasks.
pub struct Driver {
    pub client: Client,
    pub options: Options,
    session: Mutex<Session>,
    /// Held while configuration is (re)loaded, so reloads never interleave.
    reload: tokio::sync::Mutex<()>,
    /// Per document: checks running and what the last one cost. Its own lock, never held with
    /// the session's.
    pace: Mutex<HashMap<Uri, Pace>>,
    /// Woken whenever a check finishes, for edits waiting their turn.
    finished: tokio::sync::Notify,
    /// Held from a draft's "still current?" test to the send of its diagnostics, so an older
    /// analysis that passed the test is sent before a newer one, never after it.
    publishing: tokio::sync::Mutex<()>,
}

/// What pacing knows of one document's checks.
#[derive(Clone, Copy, Debug, Default)]
struct Pace {
    running: usize,
    last: Option<Duration>,
}

/// When an edit's check may start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Turn {
    Now,
    /// After the debounce: the last check was expensive, so a burst of edits is coalesced.
    AfterDebounce,
    /// When the running check finishes: edits arrive faster than checks finish.
    WhenFinished,
}

impl Turn {
    /// The turn of an edit, given the document's checks and whether it has already waited out
    /// the debounce.
    fn of(pace: Pace, debounce: Duration, waited: bool) -> Turn {
        if pace.running > 0 {
            Turn::WhenFinished
        } else if !waited && pace.last.is_some_and(|cost| cost > debounce) {
            Turn::AfterDebounce
        } else {
            Turn::Now
        }
    }
}

/// Counts a check as running until dropped, even when the request that started it is
/// cancelled, and then records its cost and wakes the edits waiting for it.
struct Running<'a> {
    driver: &'a Driver,
    uri: Uri,
    started: Instant,
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        let open = self.driver.session().documents.contains_key(&self.uri);
        let mut pace = self.driver.pace();
        if let Some(p) = pace.get_mut(&self.uri) {
            p.running = p.running.saturating_sub(1);
            p.last = Some(self.started.elapsed());
            if p.running == 0 && !open {
                pace.remove(&self.uri);
            }
        }
        drop(pace);
        self.driver.finished.notify_waiters();
    }
}

impl Driver {
    pub fn new(client: Client, options: Options) -> Driver {
        Driver {
            client,
            options,
            session: Mutex::new(Session::default()),
            reload: tokio::sync::Mutex::new(()),
            pace: Mutex::new(HashMap::new()),
            finished: tokio::sync::Notify::new(),
            publishing: tokio::sync::Mutex::new(()),
        }
    }

    fn pace(&self) -> MutexGuard<'_, HashMap<Uri, Pace>> {
        self.pace.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until `uri` may be checked ([`Turn`]). Returns whether `generation` is still the
    /// document's latest edit.
    async fn wait_turn(&self, uri: &Uri, generation: u64) -> bool {
        let mut waited = false;
        loop {
            // Listening before looking, so a check finishing in between is not missed.
            let finished = self.finished.notified();
            tokio::pin!(finished);
            finished.as_mut().enable();
            let pace = self.pace().get(uri).copied().unwrap_or_default();
            if !self.is_current(uri, generation) {
                return false;
            }
            match Turn::of(pace, self.options.debounce, waited) {
                Turn::Now => return true,
                Turn::WhenFinished => finished.await,
                Turn::AfterDebounce => {
                    tokio::time::sleep(self.options.debounce).await;
                    waited = true;
                }
            }
        }
    }

    /// The session. A handler that panicked while holding the lock left it poisoned; the data
    /// is still the best we have, so keep serving.
    pub fn session(&self) -> MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Checks `uri` again when its turn comes ([`Turn`]), unless another edit supersedes this
    /// one first.
    pub fn schedule(self: &Arc<Self>, uri: Uri) {
        let generation = {
            let mut s = self.session();
            let Some(doc) = s.documents.get_mut(&uri).filter(|d| d.is_draft) else {
                return;
            };
            doc.generation += 1;
            doc.generation
        };
        let driver = self.clone();
        tokio::spawn(async move {
            if !driver.wait_turn(&uri, generation).await {
                return;
            }
            if let Some(analyzed) = driver.current(&uri).await {
                driver.publish(&uri, &analyzed).await;
            }
        });
    }

    fn is_current(&self, uri: &Uri, generation: u64) -> bool {
        self.session()
            .documents
            .get(uri)
            .is_some_and(|d| d.generation == generation)
    }

    /// The analysis of the document as it is now, computed if needed. `None` when the document
    /// is not open, is not a draft, changed while it was analysed, or the analysis failed.
    pub async fn current(self: &Arc<Self>, uri: &Uri) -> Option<Arc<Analyzed>> {
        let mut ready = check::prepare(&self.session(), uri);
        if let Ready::NeedsFolder = ready {
            self.reload(Which::Missing).await;
            ready = check::prepare(&self.session(), uri);
        }
        let snapshot = match ready {
            Ready::Done(a) => return Some(a),
            Ready::Nothing | Ready::NeedsFolder => return None,
            Ready::Todo(snapshot) => snapshot,
        };
        let today = time::OffsetDateTime::now_utc().date();
        let for_uri = uri.clone();
        let (driver, generation) = (self.clone(), snapshot.generation);
        self.pace().entry(uri.clone()).or_default().running += 1;
        let running = Running {
            driver: self,
            uri: uri.clone(),
            started: Instant::now(),
        };
        let mut snapshot = snapshot;
        let pulls = self.session().features.pull_diagnostics;
        if let Some(first) = check::first_part(&snapshot).filter(|_| !pulls) {
            // A huge draft just opened: its first part's diagnostics now, the rest after.
            let (driver, for_uri) = (driver.clone(), for_uri.clone());
            let part = tokio::task::spawn_blocking(move || {
                let superseded = || !driver.is_current(&for_uri, generation);
                check::run(first, today, &for_uri, &superseded)
            })
            .await;
            if let Ok(Some(part)) = part {
                self.publish(uri, &part).await;
                // The whole draft's analysis reuses the first part's paragraph searches.
                snapshot.previous = Some(Arc::new(part));
            }
        }
        // Given up as soon as the text changes again: the next edit's check takes over.
        let analyzed = tokio::task::spawn_blocking(move || {
            let superseded = || !driver.is_current(&for_uri, generation);
            check::run(snapshot, today, &for_uri, &superseded)
        })
        .await;
        drop(running);
        let analyzed = analyzed.ok()??;
        let analyzed = Arc::new(analyzed);
        let mut s = self.session();
        let doc = s
            .documents
            .get_mut(uri)
            .filter(|d| d.generation == analyzed.generation)?;
        doc.analyzed = Some(analyzed.clone());
        Some(analyzed)
    }

    /// The paragraph at `pos` read against the registry alone, for a request that comes
    /// before any analysis of the document has finished; with the line it starts on and the
    /// position in it.
    pub async fn around(
        self: &Arc<Self>,
        uri: &Uri,
        pos: tower_lsp_server::ls_types::Position,
    ) -> Option<(Analyzed, u32, tower_lsp_server::ls_types::Position)> {
        let mut around = check::around(&self.session(), uri, pos);
        if around.is_none() && matches!(check::prepare(&self.session(), uri), Ready::NeedsFolder) {
            // The registry must be loaded first; that is the one wait a request may have.
            self.reload(Which::Missing).await;
            around = check::around(&self.session(), uri, pos);
        }
        let around = around?;
        let today = time::OffsetDateTime::now_utc().date();
        let for_uri = uri.clone();
        let check::Around {
            snapshot,
            first_line,
            position,
        } = around;
        let analyzed =
            tokio::task::spawn_blocking(move || check::run(snapshot, today, &for_uri, &|| false))
                .await
                .ok()??;
        Some((analyzed, first_line, position))
    }

    /// Pushes diagnostics to a client that cannot pull them. A client that pulls asks after
    /// each change and gets the current analysis; pushing as well would show every finding
    /// twice.
    async fn publish(&self, uri: &Uri, analyzed: &Analyzed) {
        let (encoding, pulls) = {
            let s = self.session();
            (s.encoding, s.features.pull_diagnostics)
        };
        if pulls {
            return;
        }
        let diags = diagnostics::all(analyzed, uri, encoding);
        let _in_order = self.publishing.lock().await;
        if !self.is_current(uri, analyzed.generation) {
            return;
        }
        self.client
            .publish_diagnostics(uri.clone(), diags, Some(analyzed.version))
            .await;
    }

    /// Reloads folders, reports problems, updates the file watchers and checks open drafts
    /// again.
    pub async fn reload(self: &Arc<Self>, which: Which) {
        let _one_at_a_time = self.reload.lock().await;
        let roots: Vec<PathBuf> = {
            let s = self.session();
            s.folders
                .iter()
                .filter(|f| which.selects(&f.root, f.state.as_deref()))
                .map(|f| f.root.clone())
                .collect()
        };
        if roots.is_empty() {
            return;
        }
        let settings = self.editor_settings(&roots).await;
        let mut messages = Vec::new();
        for (root, editor) in roots.iter().zip(settings) {
            let last = self.session().folder(root).and_then(|f| f.state.clone());
            let editor = match editor {
                Ok(e) => e,
                Err(message) => {
                    let text = format!(
                        "copydesk: the editor's `copydesk` settings are not valid: {message}"
                    );
                    self.client.show_message(MessageType::ERROR, text).await;
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
            messages.extend(state.summary(had_last).map(|m| (MessageType::ERROR, m)));
            let stale = state.registry.warnings().iter();
            messages
                .extend(stale.map(|w| (MessageType::WARNING, format!("copydesk: warning: {w}"))));
            if let Some(f) = self.session().folders.iter_mut().find(|f| &f.root == root) {
                f.state = Some(state);
            }
        }
        self.publish_problems().await;
        for (kind, message) in messages {
            self.client.show_message(kind, message).await;
        }
        self.update_watchers().await;
        // Check again what was checked with the old state. A folder loaded for the first time
        // has checked nothing yet: the drafts waiting for it go on by themselves.
        let again: Vec<Uri> = self
            .session()
            .documents
            .iter()
            .filter(|(_, d)| roots.contains(&d.folder))
            .filter(|(_, d)| !matches!(which, Which::Missing) || d.analyzed.is_some())
            .map(|(uri, _)| uri.clone())
            .collect();
        again.into_iter().for_each(|uri| self.schedule(uri));
        let features = self.session().features;
        if features.pull_diagnostics && features.diagnostic_refresh {
            let refresh = self.client.workspace_diagnostic_refresh();
            let _ = tokio::time::timeout(CLIENT_TIMEOUT, refresh).await;
        }
    }

    /// Reloads in the background.
    pub fn spawn_reload(self: &Arc<Self>, which: Which) {
        let driver = self.clone();
        tokio::spawn(async move { driver.reload(which).await });
    }

    /// The editor's `copydesk` settings for each folder: `workspace/configuration` where the
    /// client has it, else the `initializationOptions`.
    async fn editor_settings(&self, roots: &[PathBuf]) -> Vec<Result<Option<Config>, String>> {
        let (features, init) = {
            let s = self.session();
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
            match tokio::time::timeout(CLIENT_TIMEOUT, self.client.configuration(items)).await {
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

    /// Publishes the problems of an open registry file as the editor has it, unsaved edits and
    /// all, so the file's author sees them as they type. Nothing for other documents.
    pub async fn check_registry_text(&self, uri: &Uri) {
        let found = {
            let s = self.session();
            let doc = s.documents.get(uri).filter(|d| !d.is_draft);
            let path = path_of(uri).map(|p| normalize(&p));
            doc.zip(path).and_then(|(doc, path)| {
                let state = s
                    .states()
                    .find(|st| st.registry_files.iter().any(|f| normalize(f) == path))?;
                let registry = state.registry.clone();
                Some((
                    doc.rope.to_string(),
                    doc.version,
                    path,
                    registry,
                    s.encoding,
                ))
            })
        };
        let Some((text, version, path, registry, encoding)) = found else {
            return;
        };
        if is_index_path(&path) {
            return;
        }
        let problems = registry_text_problems(&path, &text, |id| registry.get(id).is_some());
        let diags = problems
            .iter()
            .map(|p| diagnostics::from_problem(p, &text, encoding))
            .collect();
        let current = self.session().documents.get(uri).map(|d| d.version);
        if current == Some(version) {
            self.client
                .publish_diagnostics(uri.clone(), diags, Some(version))
                .await;
        }
    }

    /// Whether `file` is open in the editor as something other than a draft: its problems are
    /// then published from the open text.
    pub fn is_open_registry(&self, file: &std::path::Path) -> bool {
        let s = self.session();
        Uri::from_file_path(file)
            .and_then(|uri| s.documents.get(&uri).map(|d| !d.is_draft))
            .unwrap_or(false)
            && s.states().any(|st| {
                st.registry_files
                    .iter()
                    .any(|f| normalize(f) == normalize(file))
            })
    }

    /// Publishes every folder's problems on their files, and clears files that have none left.
    /// A registry file open in the editor is checked from its open text instead.
    async fn publish_problems(&self) {
        let open: Vec<Uri> = {
            let s = self.session();
            s.documents
                .iter()
                .filter(|(_, d)| !d.is_draft)
                .map(|(uri, _)| uri.clone())
                .collect()
        };
        for uri in &open {
            self.check_registry_text(uri).await;
        }
        let (by_file, cleared, encoding) = {
            let mut s = self.session();
            let by_file = problems_by_file(s.states());
            let now: HashSet<PathBuf> = by_file.keys().cloned().collect();
            let cleared: Vec<PathBuf> = s.problem_files.difference(&now).cloned().collect();
            s.problem_files = now;
            (by_file, cleared, s.encoding)
        };
        for file in cleared {
            if self.is_open_registry(&file) {
                continue;
            }
            if let Some(uri) = Uri::from_file_path(&file) {
                self.client.publish_diagnostics(uri, Vec::new(), None).await;
            }
        }
        for (file, problems) in by_file {
            let Some(uri) = Uri::from_file_path(&file) else {
                continue;
            };
            if self.is_open_registry(&file) {
                continue;
            }
            let text = read_text(&file).unwrap_or_default();
            let diags = problems
                .iter()
                .map(|(p, warning)| {
                    let mut d = diagnostics::from_problem(p, &text, encoding);
                    if *warning {
                        d.severity = Some(DiagnosticSeverity::WARNING);
                    }
                    d
                })
                .collect();
            self.client.publish_diagnostics(uri, diags, None).await;
        }
    }

    /// Recomputes the watched files after a reload and tells the client when they changed. A
    /// client that offered dynamic registration but refuses it gets the poller instead.
    async fn update_watchers(self: &Arc<Self>) {
        let (watchers, registered) = {
            let mut s = self.session();
            let watched = s.files_to_watch();
            if watched == s.watched || !s.features.watch_registration {
                s.watched = watched;
                return;
            }
            let registered = !s.watched.is_empty();
            s.watched = watched;
            (
                watch::watchers(&s.watched, s.features.relative_patterns),
                registered,
            )
        };
        tracing::debug!(count = watchers.len(), "registering file watchers");
        if registered {
            let gone = self
                .client
                .unregister_capability(vec![watch::unregistration()]);
            let _ = tokio::time::timeout(CLIENT_TIMEOUT, gone).await;
        }
        let register = self
            .client
            .register_capability(vec![watch::registration(watchers)]);
        let refused = match tokio::time::timeout(CLIENT_TIMEOUT, register).await {
            Ok(Ok(())) => return,
            Ok(Err(e)) => e.to_string(),
            Err(_) => "no answer".to_string(),
        };
        tracing::warn!("the client did not take the file watchers ({refused}); polling instead");
        self.session().features.watch_registration = false;
        self.spawn_poller();
    }

    /// Polls the watched files until the server is gone. Used when the client cannot watch
    /// them.
    pub fn spawn_poller(self: &Arc<Self>) {
        let weak: Weak<Driver> = Arc::downgrade(self);
        let interval = self.options.poll_interval;
        let mut seen = watch::stamps(self.session().watched.clone());
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(interval).await;
                let Some(driver) = weak.upgrade() else {
                    return;
                };
                let now = watch::stamps(driver.session().watched.clone());
                let changed = watch::changed(&seen, &now);
                seen = now;
                if !changed.is_empty() {
                    tracing::info!(?changed, "configuration files changed");
                    driver.reload(Which::Changed(changed)).await;
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{Pace, Turn};
    use std::time::Duration;

    const DEBOUNCE: Duration = Duration::from_millis(25);

    fn pace(running: usize, last_ms: Option<u64>) -> Pace {
        Pace {
            running,
            last: last_ms.map(Duration::from_millis),
        }
    }

    #[test]
    fn an_idle_document_whose_checks_are_cheap_is_checked_at_once() {
        assert_eq!(Turn::of(pace(0, None), DEBOUNCE, false), Turn::Now);
        assert_eq!(Turn::of(pace(0, Some(3)), DEBOUNCE, false), Turn::Now);
    }

    #[test]
    fn edits_coalesce_while_a_check_runs_or_after_an_expensive_one() {
        assert_eq!(
            Turn::of(pace(1, Some(3)), DEBOUNCE, false),
            Turn::WhenFinished
        );
        assert_eq!(Turn::of(pace(1, None), DEBOUNCE, true), Turn::WhenFinished);
        assert_eq!(
            Turn::of(pace(0, Some(300)), DEBOUNCE, false),
            Turn::AfterDebounce
        );
        // The debounce is waited once, then the edit goes.
        assert_eq!(Turn::of(pace(0, Some(300)), DEBOUNCE, true), Turn::Now);
    }
}
