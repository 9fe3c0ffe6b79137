//! Annotated drafts: the one fixture format of the tests.
//!
//! An annotated draft is a draft with the expected findings written on the line under the text
//! they mark, as rust-analyzer writes its diagnostics fixtures:
//!
//! ```text
//! Chancellor Olaf Sholz arrived in Paris.
//!                 ^^^^^ name-misspelling (olaf-scholz): "Sholz" looks like a misspelling of Scholz.
//!                 fix: Chancellor Olaf Scholz arrived in Paris.
//! ```
//!
//! - A line whose first character other than spaces and tabs is `^` is an annotation of the
//!   nearest draft line above it: the carets stand under the marked characters (one caret a
//!   character), followed by the code, the entity id in parentheses when there is one, and the
//!   message.
//! - A range that runs past the end of its line has carets to the line's end and `[+N:C]`
//!   before the code: it ends N draft lines further down, before the character in column C
//!   (counted from 1).
//! - `fix: ` lines follow a finding's annotation, one per fix: the text the fix touches as it
//!   reads once applied, up to 30 characters either side of the edits on their lines (a cut is
//!   marked `…`, a line break inside the edits `\n`).
//! - A mention is annotated as `^^^^ mention ENTITY-ID Reference Spelling`; a draft that has
//!   one mention annotation lists every mention, and one that has none is not checked for
//!   mentions.
//!
//! [`strip`] removes the annotations (what remains is analysed), and [`annotate`] writes them
//! from an analysis; a fixture test compares the two, so a fixture is both readable and exact.
//! A draft line that itself begins with `^` cannot be written in this format.

use crate::analysis::{Analysis, Fix};
use crate::registry::Registry;
use std::fmt::Write;
use std::ops::Range;

/// The draft without its annotations.
pub fn strip(annotated: &str) -> String {
    let mut out = String::with_capacity(annotated.len());
    let mut after_annotation = false;
    for line in annotated.split_inclusive('\n') {
        after_annotation = is_annotation(line, after_annotation);
        if !after_annotation {
            out.push_str(line);
        }
    }
    out
}

/// Whether an annotated draft lists its mentions (then [`annotate`] should be asked for them).
pub fn has_mentions(annotated: &str) -> bool {
    let mut after_annotation = false;
    annotated.split_inclusive('\n').any(|line| {
        after_annotation = is_annotation(line, after_annotation);
        after_annotation
            && line
                .trim_start()
                .trim_start_matches('^')
                .starts_with(" mention ")
    })
}

fn is_annotation(line: &str, after_annotation: bool) -> bool {
    let rest = line.trim_start_matches([' ', '\t']);
    rest.starts_with('^') || (after_annotation && rest.starts_with("fix: "))
}

/// The draft `source` with the analysis's findings (and its mentions, when `mentions` is set)
/// written under the lines they mark.
pub fn annotate(source: &str, analysis: &Analysis, registry: &Registry, mentions: bool) -> String {
    let mut items: Vec<(Range<usize>, String, Vec<&Fix>)> = Vec::new();
    for f in &analysis.findings {
        let entity = f
            .entity
            .as_ref()
            .map_or(String::new(), |id| format!(" ({id})"));
        let label = format!("{}{entity}: {}", f.code, one_line(&f.message));
        items.push((f.range.clone(), label, f.fixes.iter().collect()));
    }
    if mentions {
        for m in &analysis.mentions {
            let label = format!(
                "mention {} {:?} {:?}{}",
                registry.entity(m.entity).id,
                m.reference,
                m.spelling,
                if m.possessive { " possessive" } else { "" }
            );
            items.push((m.range.clone(), label, Vec::new()));
        }
    }
    // Findings before mentions at the same place: the sort is stable.
    items.sort_by_key(|(range, _, _)| (range.start, range.end));

    let lines = lines(source);
    let mut out = String::with_capacity(source.len() * 2);
    let mut next = items.iter().peekable();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(&source[line.start..line.next]);
        let eol = if source[line.end..line.next].is_empty() {
            "\n"
        } else {
            &source[line.end..line.next]
        };
        let mut first = true;
        while let Some((range, label, fixes)) =
            next.next_if(|(r, _, _)| r.start < line.next || i + 1 == lines.len())
        {
            if first && line.end == line.next {
                out.push('\n');
            }
            first = false;
            let start = range.start.clamp(line.start, line.end);
            let indent: String = source[line.start..start]
                .chars()
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let carets = source[start..range.end.clamp(start, line.end)]
                .chars()
                .count()
                .max(1);
            out.push_str(&indent);
            out.push_str(&"^".repeat(carets));
            if range.end > line.end {
                let last = lines
                    .partition_point(|l| l.next <= range.end.min(source.len().saturating_sub(1)));
                let last = last.min(lines.len() - 1);
                let column = source[lines[last].start..range.end.max(lines[last].start)]
                    .chars()
                    .count()
                    + 1;
                write!(out, " [+{}:{column}]", last - i).unwrap();
            }
            write!(out, " {label}{eol}").unwrap();
            for fix in fixes {
                write!(out, "{indent}fix: {}{eol}", fixed_lines(source, fix)).unwrap();
            }
        }
    }
    out
}

/// One line of the source: its start, the end of its text, and the start of the next line.
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

fn lines(source: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        let next = start + line.len();
        let text = line.trim_end_matches('\n').trim_end_matches('\r');
        out.push(Line {
            start,
            end: start + text.len(),
            next,
        });
        start = next;
    }
    if out.is_empty() {
        out.push(Line {
            start: 0,
            end: 0,
            next: 0,
        });
    }
    out
}

/// How many characters of context a `fix:` line shows on either side of the edits.
const CONTEXT: usize = 30;

/// The text a fix touches, as it reads once applied: its lines, cut to [`CONTEXT`] characters
/// either side of the edits (a cut marked `…`).
fn fixed_lines(source: &str, fix: &Fix) -> String {
    let mut edits: Vec<_> = fix.edits.iter().collect();
    edits.sort_by_key(|e| e.range.start);
    let Some(first) = edits.first() else {
        return String::new();
    };
    let mut text = String::with_capacity(source.len());
    let mut from = 0;
    for e in &edits {
        let start = floor(source, e.range.start.clamp(from, source.len()));
        text.push_str(&source[from..start]);
        text.push_str(&e.new_text);
        from = floor(source, e.range.end.clamp(start, source.len()));
    }
    let end = text.len();
    text.push_str(&source[from..]);
    let start = first.range.start.min(end);

    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before: Vec<(usize, char)> = text[line_start..start].char_indices().collect();
    let (from, cut_before) = match before.len().checked_sub(CONTEXT) {
        Some(skip) if skip > 0 => (line_start + before[skip].0, true),
        _ => (line_start, false),
    };
    let (to, cut_after) = match text[end..line_end].char_indices().nth(CONTEXT) {
        Some((i, _)) => (end + i, true),
        None => (line_end, false),
    };
    let shown = text[from..to]
        .trim_end_matches('\r')
        .replace("\r\n", "\\n")
        .replace('\n', "\\n");
    format!(
        "{}{shown}{}",
        if cut_before { "…" } else { "" },
        if cut_after { "…" } else { "" }
    )
}

/// `i`, or the char boundary before it.
fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::{has_mentions, strip};

    #[test]
    fn strip_removes_annotations_and_their_fix_lines_only() {
        let annotated = "Olaf Sholz came.\n     ^^^^^ name-misspelling: x\n     fix: Olaf Scholz came.\nText.\nfix: stays\n";
        assert_eq!(strip(annotated), "Olaf Sholz came.\nText.\nfix: stays\n");
        assert!(!has_mentions(annotated));
        assert!(has_mentions("Olaf\r\n^^^^ mention olaf Name Correct\r\n"));
        assert_eq!(strip("a\r\n\t^ x\r\nb"), "a\r\nb");
    }
}
