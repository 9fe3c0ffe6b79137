//! Inline switches: `<!-- copydesk-disable CODE -->`, `<!-- copydesk-enable CODE -->` and
//! `<!-- copydesk-disable-next-line CODE -->` (no CODE: every check).

use super::finding::Code;
use regex::Regex;
use std::sync::LazyLock;

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*copydesk-(disable-next-line|disable|enable)\b([^>]*?)\s*-->").unwrap()
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Disable,
    Enable,
    DisableNextLine,
}

#[derive(Clone, Debug)]
struct Directive {
    action: Action,
    /// `None`: every check.
    codes: Option<Vec<Code>>,
    /// Where the comment starts and ends in the source.
    start: usize,
    end: usize,
}

/// The directives of one document, answering "is this finding switched off?".
#[derive(Clone, Debug, Default)]
pub struct Suppressions {
    directives: Vec<Directive>,
    line_starts: Vec<usize>,
}

impl Suppressions {
    /// Reads directives from an HTML event written at `offset`.
    pub fn scan_html(&mut self, html: &str, offset: usize) {
        for m in DIRECTIVE.captures_iter(html) {
            let whole = m.get(0).expect("match");
            let action = match &m[1] {
                "disable" => Action::Disable,
                "enable" => Action::Enable,
                _ => Action::DisableNextLine,
            };
            let codes: Vec<Code> = m[2]
                .split([' ', ',', '\t'])
                .filter_map(Code::parse)
                .collect();
            let codes = if m[2].trim().is_empty() {
                None
            } else {
                Some(codes)
            };
            self.directives.push(Directive {
                action,
                codes,
                start: offset + whole.start(),
                end: offset + whole.end(),
            });
        }
    }

    /// Plain text has no Markdown parser to find comments; any comment in it counts.
    pub fn scan_text(&mut self, text: &str) {
        self.scan_html(text, 0);
    }

    pub fn index_lines(&mut self, source: &str) {
        if self.directives.is_empty() {
            return;
        }
        self.directives.sort_by_key(|d| d.start);
        self.line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
    }

    fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Whether a finding of `code` starting at `offset` stays reported.
    pub fn allows(&self, code: Code, offset: usize) -> bool {
        let mut on = true;
        for d in &self.directives {
            let applies = d.codes.as_ref().is_none_or(|c| c.contains(&code));
            if !applies {
                continue;
            }
            match d.action {
                Action::Disable if d.end <= offset => on = false,
                Action::Enable if d.end <= offset => on = true,
                Action::DisableNextLine if self.line_of(d.end) + 1 == self.line_of(offset) => {
                    return false
                }
                _ => {}
            }
        }
        on
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suppressions(src: &str) -> Suppressions {
        let mut s = Suppressions::default();
        s.scan_text(src);
        s.index_lines(src);
        s
    }

    #[test]
    fn disable_and_enable_bracket_a_region() {
        let src = "a\n<!-- copydesk-disable name-misspelling -->\nb\n<!-- copydesk-enable name-misspelling -->\nc";
        let s = suppressions(src);
        assert!(s.allows(Code::NameMisspelling, 0));
        let b = src.find("\nb\n").unwrap() + 1;
        assert!(!s.allows(Code::NameMisspelling, b));
        assert!(s.allows(Code::TitleMismatch, b));
        assert!(s.allows(Code::NameMisspelling, src.rfind('c').unwrap()));
    }

    #[test]
    fn next_line_only_covers_the_next_line() {
        let src = "<!-- copydesk-disable-next-line -->\nb\nc";
        let s = suppressions(src);
        assert!(!s.allows(Code::UnattributedClaim, src.find("\nb").unwrap() + 1));
        assert!(s.allows(Code::UnattributedClaim, src.find("\nc").unwrap() + 1));
    }
}
