//! What the server knows between messages, as plain data: open documents, workspace folders
//! and their configuration, and what the client can do.
//!
//! The driver keeps it behind one mutex that is never held across an `await`. Handlers run
//! concurrently, so an edit is applied to its rope before its handler awaits anything: edits
//! land in the order the client sent them.

use super::folder::FolderState;
use super::rope::rope_offset;
use super::to_proto::from_position;
use super::watch::normalize;
use crate::analysis::{Analysis, Format};
use crate::position::{Encoding, LineIndex};
use crate::registry::Registry;
use ropey::Rope;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_lsp_server::ls_types::{
    ClientCapabilities, PositionEncodingKind, TextDocumentContentChangeEvent, Uri,
};

#[derive(Default)]
pub struct Session {
    pub encoding: Encoding,
    pub features: ClientFeatures,
    pub documents: HashMap<Uri, OpenDocument>,
    /// Workspace folders, and the folders of drafts opened outside any of them.
    pub folders: Vec<Folder>,
    /// The `initializationOptions`, used when the client has no `workspace/configuration`.
    pub init_options: Option<serde_json::Value>,
    /// Config and registry files that currently carry problem diagnostics.
    pub problem_files: HashSet<PathBuf>,
    /// Files whose change triggers a reload.
    pub watched: Vec<PathBuf>,
}

/// What the client said it supports, reduced to the questions the server asks.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClientFeatures {
    pub pull_diagnostics: bool,
    pub diagnostic_refresh: bool,
    pub watch_registration: bool,
    pub relative_patterns: bool,
    pub configuration: bool,
    pub document_changes: bool,
    pub resolve_edits: bool,
    /// Whether the client opens a document when asked (`window/showDocument`).
    pub show_document: bool,
}

impl ClientFeatures {
    pub fn new(caps: &ClientCapabilities) -> ClientFeatures {
        let ws = caps.workspace.as_ref();
        let td = caps.text_document.as_ref();
        let watch = ws.and_then(|w| w.did_change_watched_files.as_ref());
        ClientFeatures {
            pull_diagnostics: td.is_some_and(|t| t.diagnostic.is_some()),
            diagnostic_refresh: ws
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            watch_registration: watch.and_then(|w| w.dynamic_registration) == Some(true),
            relative_patterns: watch.and_then(|w| w.relative_pattern_support) == Some(true),
            configuration: ws.and_then(|w| w.configuration) == Some(true),
            document_changes: ws
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                == Some(true),
            resolve_edits: td
                .and_then(|t| t.code_action.as_ref())
                .and_then(|c| c.resolve_support.as_ref())
                .is_some_and(|r| r.properties.iter().any(|p| p == "edit")),
            show_document: caps
                .window
                .as_ref()
                .and_then(|w| w.show_document.as_ref())
                .is_some_and(|s| s.support),
        }
    }
}

/// The client's first listed position encoding (all three are supported), else UTF-16.
pub fn negotiate_encoding(caps: &ClientCapabilities) -> (Encoding, PositionEncodingKind) {
    let offered = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_deref())
        .unwrap_or_default();
    for kind in offered {
        let enc = if *kind == PositionEncodingKind::UTF8 {
            Encoding::Utf8
        } else if *kind == PositionEncodingKind::UTF16 {
            Encoding::Utf16
        } else if *kind == PositionEncodingKind::UTF32 {
            Encoding::Utf32
        } else {
            continue;
        };
        return (enc, kind.clone());
    }
    (Encoding::Utf16, PositionEncodingKind::UTF16)
}

pub struct Folder {
    pub root: PathBuf,
    /// `None` until first loaded.
    pub state: Option<Arc<FolderState>>,
}

impl Session {
    /// The folder whose configuration applies to a document: for a file, the innermost folder
    /// holding it; for an unsaved buffer, the first workspace folder, else the current one.
    pub fn folder_for_uri(&mut self, uri: &Uri) -> PathBuf {
        match path_of(uri) {
            Some(path) => self.folder_for(&path),
            None => match self.folders.first() {
                Some(f) => f.root.clone(),
                None => {
                    let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
                    self.add_folder(here.clone());
                    here
                }
            },
        }
    }

    /// The innermost folder holding `path`, adding the file's own folder when none does.
    fn folder_for(&mut self, path: &Path) -> PathBuf {
        let inner = self
            .folders
            .iter()
            .filter(|f| path.starts_with(&f.root))
            .max_by_key(|f| f.root.components().count());
        if let Some(f) = inner {
            return f.root.clone();
        }
        let root = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        self.add_folder(root.clone());
        root
    }

    pub fn add_folder(&mut self, root: PathBuf) {
        if !self.folders.iter().any(|f| f.root == root) {
            self.folders.push(Folder { root, state: None });
        }
    }

    pub fn folder(&self, root: &Path) -> Option<&Folder> {
        self.folders.iter().find(|f| f.root == root)
    }

    /// The loaded states of all folders.
    pub fn states(&self) -> impl Iterator<Item = &FolderState> {
        self.folders.iter().filter_map(|f| f.state.as_deref())
    }

    /// What completion reads without waiting for an analysis: the line of `pos` up to it, the
    /// registry of the document's folder, and the story's date from the latest finished
    /// analysis (`None` before the first). `None` when the document is not an open draft or its
    /// folder is not loaded yet.
    pub fn line_before(
        &self,
        uri: &Uri,
        pos: tower_lsp_server::ls_types::Position,
        enc: Encoding,
    ) -> Option<(String, Arc<Registry>, Option<time::Date>)> {
        let doc = self.documents.get(uri).filter(|d| d.is_draft)?;
        let state = self.folder(&doc.folder)?.state.as_ref()?;
        let end = rope_offset(&doc.rope, from_position(pos), enc);
        let line = doc.rope.byte_to_line(end);
        let start = doc.rope.line_to_byte(line);
        let before = doc.rope.byte_slice(start..end).to_string();
        let date = doc.analyzed.as_ref().map(|a| a.analysis.date);
        Some((before, state.registry.clone(), date))
    }

    /// The config and registry files of every loaded folder, normalised, sorted, each once.
    pub fn files_to_watch(&self) -> Vec<PathBuf> {
        let mut watched: Vec<PathBuf> = self
            .folders
            .iter()
            .filter_map(|f| f.state.as_ref().map(|st| st.watched(&f.root)))
            .flatten()
            .map(|p| normalize(&p))
            .collect();
        watched.sort();
        watched.dedup();
        watched
    }
}

/// An open draft as the editor has it now.
pub struct OpenDocument {
    pub rope: Rope,
    pub version: i32,
    pub format: Format,
    /// Whether the document is a draft to check (not, say, a registry opened for editing).
    pub is_draft: bool,
    pub folder: PathBuf,
    /// Bumped by every edit and reload; an analysis is published only if it is unchanged.
    pub generation: u64,
    /// The latest analysis, possibly of an older generation.
    pub analyzed: Option<Arc<Analyzed>>,
}

impl OpenDocument {
    /// Applies one `didChange` in order. Ranges outside the text are clamped to it.
    pub fn apply(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        enc: Encoding,
    ) {
        for change in changes {
            match change.range {
                None => self.rope = Rope::from_str(&change.text),
                Some(range) => {
                    let start = rope_offset(&self.rope, from_position(range.start), enc);
                    let end = rope_offset(&self.rope, from_position(range.end), enc).max(start);
                    let (start, end) = (self.rope.byte_to_char(start), self.rope.byte_to_char(end));
                    self.rope.remove(start..end);
                    self.rope.insert(start, &change.text);
                }
            }
        }
        self.version = version;
    }

    /// The latest finished analysis with the byte offset of `pos` in its text, without waiting
    /// for one of the current text: it answers when it is of the current text, or when the
    /// line at `pos` reads the same in both (the edits since were elsewhere and moved no line
    /// above it).
    pub fn finished_at(
        &self,
        pos: tower_lsp_server::ls_types::Position,
        enc: Encoding,
    ) -> Option<(Arc<Analyzed>, usize)> {
        let a = self.analyzed.clone()?;
        let pos = from_position(pos);
        if a.generation != self.generation {
            let line = pos.line as usize;
            if line >= self.rope.len_lines() || line >= a.index.line_count() {
                return None;
            }
            let at = |line: u32| {
                let start = crate::position::Position { line, character: 0 };
                a.index.offset(&a.text, start, enc)
            };
            let then = &a.text[at(pos.line)..at(pos.line + 1)];
            if self.rope.line(line) != then {
                return None;
            }
        }
        let offset = a.index.offset(&a.text, pos, enc);
        Some((a, offset))
    }

    /// The analysis if it is of the current text.
    pub fn current(&self) -> Option<Arc<Analyzed>> {
        self.analyzed
            .as_ref()
            .filter(|a| a.generation == self.generation)
            .cloned()
    }
}

/// The file a `file:` URI names; `None` for other schemes (an unsaved buffer, say).
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

/// One analysis of one version of a draft, with what is needed to answer requests about it.
pub struct Analyzed {
    pub version: i32,
    pub generation: u64,
    pub text: String,
    pub index: LineIndex,
    pub analysis: Analysis,
    pub registry: Arc<Registry>,
    pub registry_files: Vec<PathBuf>,
}

/// Whether a document is a draft, from its language and file name.
pub fn is_draft(language: &str, path: &str) -> bool {
    !(matches!(language, "json" | "jsonc") || path.to_ascii_lowercase().ends_with(".json"))
}

/// The format of a draft: plain text when the editor or the file name says so.
pub fn format_of(language: &str, path: &str) -> Format {
    if language == "plaintext" {
        Format::Text
    } else {
        Format::from_path(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn change(l0: u32, c0: u32, l1: u32, c1: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l0, c0), Position::new(l1, c1))),
            range_length: None,
            text: text.into(),
        }
    }

    fn doc(text: &str) -> OpenDocument {
        OpenDocument {
            rope: Rope::from_str(text),
            version: 0,
            format: Format::Markdown,
            is_draft: true,
            folder: PathBuf::new(),
            generation: 0,
            analyzed: None,
        }
    }

    #[test]
    fn edits_after_astral_characters_land_in_every_encoding() {
        for (enc, col) in [
            (Encoding::Utf8, 10),
            (Encoding::Utf16, 5),
            (Encoding::Utf32, 4),
        ] {
            let mut d = doc("a😀中é\r\nZhao");
            d.apply(vec![change(0, col, 0, col, "!")], 1, enc);
            assert_eq!(d.rope.to_string(), "a😀中é!\r\nZhao", "{enc:?}");
        }
    }

    #[test]
    fn several_changes_apply_in_order_and_clamp() {
        let mut d = doc("one\r\ntwo\nthree");
        d.apply(
            vec![
                change(1, 0, 1, 3, "2"),
                change(0, 0, 0, 99, "1"),
                change(9, 0, 9, 0, "!"),
            ],
            3,
            Encoding::Utf16,
        );
        assert_eq!(d.rope.to_string(), "1\r\n2\nthree!");
        assert_eq!(d.version, 3);
    }
}

#[cfg(test)]
mod edit_properties;
