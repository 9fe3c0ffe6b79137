//! A problem in a file the user wrote (a registry, a config, an index): the file, where in it,
//! and what is wrong. One type for every loader, so the CLI prints them one way and the server
//! turns them into diagnostics one way.

use crate::position::{Encoding, LineIndex};
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// The bytes of the file the problem is about; `None` when it is about the whole file.
    pub range: Option<Range<usize>>,
    /// One-based line and column (in characters) of `range.start`, once [`Problem::locate`]d
    /// in the file's text. Kept so a problem can be shown after the text is gone.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl Problem {
    /// A problem with the whole file (it cannot be read, it is not an index, ...).
    pub fn new(file: impl Into<PathBuf>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.into(),
            range: None,
            position: None,
            message: message.into(),
        }
    }

    /// A problem at `range` of the file; its line and column come from [`Problem::locate`].
    pub fn at(
        file: impl Into<PathBuf>,
        range: Range<usize>,
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            range: Some(range),
            ..Problem::new(file, message)
        }
    }

    /// Fills in the line and column from the file's text (the text the range was found in).
    pub fn locate(&mut self, lines: &LineIndex, text: &str) {
        if let Some(range) = &self.range {
            self.position = Some(lines.line_column(text, range.start));
        }
    }

    /// Locates every problem not yet located with one line index of `text`, built only when
    /// one is needed.
    pub fn locate_all<'a>(problems: impl IntoIterator<Item = &'a mut Problem>, text: &str) {
        let mut lines = None;
        for p in problems {
            if p.position.is_none() && p.range.is_some() {
                p.locate(lines.get_or_insert_with(|| LineIndex::new(text)), text);
            }
        }
    }
}

impl LineIndex {
    /// One-based line and column in characters, as a person reading the file counts them.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let p = self.position(text, offset, Encoding::Utf32);
        (p.line as usize + 1, p.character as usize + 1)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => write!(
                f,
                "{}:{line}:{column}: {}",
                self.file.display(),
                self.message
            ),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for Problem {}

/// The byte offset of serde_json's one-based line and byte column in `text`.
pub(crate) fn serde_offset(text: &str, e: &serde_json::Error) -> usize {
    let mut start = 0;
    for _ in 1..e.line() {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let mut offset = (start + e.column().saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// serde_json's message without its " at line L column C" (the problem carries the place).
pub(crate) fn serde_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_in_characters_from_one() {
        let text = "{\n  \"é\": 1, \"x\": 2}";
        let mut p = Problem::at("r.json", text.find("\"x\"").unwrap()..text.len(), "bad");
        Problem::locate_all([&mut p], text);
        assert_eq!(p.position, Some((2, 11)));
        assert_eq!(p.to_string(), "r.json:2:11: bad");
        assert_eq!(
            Problem::new("r.json", "no such file").to_string(),
            "r.json: no such file"
        );
    }
}
