//! The document model: a draft reduced to blocks of prose that map back to source bytes.
//!
//! Checks read [`Block::text`] (prose only: no Markdown syntax, no code, no URLs) and turn
//! offsets in it back into source ranges with [`Block::source_range`].

use super::disable::Suppressions;
use super::markdown;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use time::Date;

/// How the draft is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
}

impl Format {
    /// The format a file name implies: `.txt` is prose, everything else Markdown.
    pub fn from_path(path: &str) -> Format {
        if path.to_ascii_lowercase().ends_with(".txt") {
            Format::Text
        } else {
            Format::Markdown
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The wire-copy headline after `date YYYY-MM-DD` on the first line.
    Headline,
    Heading,
    Paragraph,
    ListItem,
    TableCell,
}

/// A run of block text copied from one source range. When the lengths differ (a decoded
/// entity, a line break shown as a space) offsets inside it clamp to the range's ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: Range<usize>,
    pub source: Range<usize>,
}

/// One paragraph-like unit of prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Inside a block quote: quoted material, not the reporter's own words.
    pub quoted: bool,
    pub text: String,
    pub pieces: Vec<Piece>,
}

impl Block {
    pub fn new(kind: BlockKind, quoted: bool) -> Block {
        Block {
            kind,
            quoted,
            text: String::new(),
            pieces: Vec::new(),
        }
    }

    /// Appends prose `s` that was written at `source`.
    pub fn push(&mut self, s: &str, source: Range<usize>) {
        let start = self.text.len();
        self.text.push_str(s);
        self.pieces.push(Piece {
            text: start..self.text.len(),
            source,
        });
    }

    /// The source byte range of a range of block text.
    pub fn source_range(&self, text: Range<usize>) -> Range<usize> {
        let start = self.source_offset(text.start, false);
        let end = if text.end > text.start {
            self.source_offset(text.end, true)
        } else {
            start
        };
        start..end.max(start)
    }

    /// Source offset of a text offset; `end` picks the piece that ends there rather than the one
    /// that starts there.
    fn source_offset(&self, offset: usize, end: bool) -> usize {
        let i = if end {
            self.pieces.partition_point(|p| p.text.end < offset)
        } else {
            self.pieces.partition_point(|p| p.text.end <= offset)
        };
        let Some(p) = self.pieces.get(i.min(self.pieces.len().saturating_sub(1))) else {
            return 0;
        };
        if p.text.len() == p.source.len() {
            p.source.start + offset.clamp(p.text.start, p.text.end) - p.text.start
        } else if offset <= p.text.start && !end {
            p.source.start
        } else {
            p.source.end
        }
    }

    /// The source range the whole block covers.
    pub fn source_span(&self) -> Range<usize> {
        match (self.pieces.first(), self.pieces.last()) {
            (Some(a), Some(b)) => a.source.start..b.source.end,
            _ => 0..0,
        }
    }
}

/// A parsed draft.
#[derive(Debug)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// The date the draft gives itself (front matter or a `date` first line).
    pub date: Option<Date>,
    pub suppressions: Suppressions,
}

static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\u{feff}?date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*").unwrap());

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s.trim(), &format)
        .ok()
        .filter(|_| s.trim().len() == 10)
}

impl Document {
    /// Parses a draft. Never fails: whatever the input, the result is some document.
    pub fn parse(source: &str, format: Format) -> Document {
        let mut blocks = Vec::new();
        let mut date = None;
        let mut body_start = 0;
        if let Some(m) = DATE_LINE.captures(source) {
            date = parse_date(&m[1]);
            let line_end = source.find('\n').unwrap_or(source.len());
            let head = m.get(0).map_or(0, |m| m.end());
            let headline = source[head..line_end].trim_end_matches('\r');
            if !headline.trim().is_empty() {
                let mut block = Block::new(BlockKind::Headline, false);
                block.push(headline, head..head + headline.len());
                blocks.push(block);
            }
            body_start = line_end;
        }
        let mut suppressions = Suppressions::default();
        match format {
            Format::Markdown => {
                let body = markdown::parse(source, body_start, &mut suppressions);
                date = date.or(body.front_matter_date);
                blocks.extend(body.blocks);
            }
            Format::Text => {
                blocks.extend(text_paragraphs(source, body_start));
                suppressions.scan_text(source);
            }
        }
        if format == Format::Text {
            mark_headline(&mut blocks, source);
        }
        suppressions.index_lines(source);
        Document {
            blocks,
            date,
            suppressions,
        }
    }
}

/// A plain-text story's first paragraph that reads as a headline (and perhaps a deck beneath it) becomes
/// one: claims are not read in headlines.
fn mark_headline(blocks: &mut [Block], source: &str) {
    if blocks.iter().any(|b| b.kind == BlockKind::Headline) || blocks.len() < 2 {
        return;
    }
    let first = &mut blocks[0];
    if first.kind == BlockKind::Paragraph
        && !first.quoted
        && reads_as_headline(&source[first.source_span()])
    {
        first.kind = BlockKind::Headline;
    }
}

/// Short lines standing alone: at most three, none of them long. A line in Title Case (one
/// slip allowed in a long one) or of 16 words or fewer is a headline; up to 30 words it is one when it is a single sentence
/// with no final full stop, or has a deck on a second line. Many headlines end with a full
/// stop, and a one-line lede runs longer than a headline.
pub fn reads_as_headline(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let words = |l: &str| l.split_whitespace().count();
    if lines.is_empty() || lines.len() > 3 || lines.iter().any(|l| words(l) > 30) {
        return false;
    }
    let first = lines[0].trim_end();
    let long: Vec<&str> = first.split_whitespace().filter(|w| w.len() > 3).collect();
    let lower = long
        .iter()
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    let title_case = lower == 0 || lower == 1 && long.len() >= 6;
    if title_case || lines.len() > 1 || words(first) <= 16 {
        return true;
    }
    // Stops inside the line end sentences ("Sen. Rubio" has an abbreviation's stop, after a
    // short word).
    let inner_stops = first
        .split_whitespace()
        .rev()
        .skip(1)
        .filter(|w| w.ends_with(['.', '?', '!']) && w.trim_end_matches('.').len() > 3)
        .count();
    inner_stops == 0 && !first.ends_with(['.', '!', '?', '"', '\u{201d}'])
}

/// Plain-text paragraphs: runs of lines separated by blank lines, kept verbatim.
fn text_paragraphs(source: &str, from: usize) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = from;
    let mut pos = from;
    for line in source[from..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                text_blocks(source, s..end, &mut blocks);
            }
        } else {
            start.get_or_insert(pos);
            end = pos + content.len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        text_blocks(source, s..end, &mut blocks);
    }
    blocks
}

/// A plain-text paragraph. A list (each line opening with "1." or "-" as its first line does) becomes
/// one block per item with the markers left out, as Markdown's would; a one-line paragraph in
/// capitals is a wire subhead, not prose.
fn text_blocks(source: &str, range: Range<usize>, blocks: &mut Vec<Block>) {
    let first_marker = list_marker(&source[range.clone()]);
    let mut block: Option<Block> = None;
    let mut pos = range.start;
    for line in source[range].split_inclusive('\n') {
        let marker = list_marker(line).filter(|m| first_marker.is_some_and(|f| f.1 == m.1));
        match (marker, block.as_mut()) {
            (None, Some(b)) => b.push(line, pos..pos + line.len()),
            (marker, _) => {
                blocks.extend(block.take().map(finish_text_block));
                let kind = match marker {
                    Some(_) => BlockKind::ListItem,
                    None => BlockKind::Paragraph,
                };
                let skip = marker.map_or(0, |(len, _)| len);
                let mut b = Block::new(kind, false);
                b.push(&line[skip..], pos + skip..pos + line.len());
                block = Some(b);
            }
        }
        pos += line.len();
    }
    blocks.extend(block.map(finish_text_block));
}

fn finish_text_block(mut block: Block) -> Block {
    let text = block.text.trim_end();
    let capitals = !text.contains('\n')
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !text.chars().any(char::is_lowercase)
        && text.split_whitespace().count() <= 16;
    if capitals {
        block.kind = BlockKind::Heading;
    }
    block
}

/// The length of a list marker opening a line ("1. ", "12) ", "- ", "* ", "• ") with text after
/// it, and whether it is numbered. Three digits at most: "2016. " ends a sentence.
fn list_marker(line: &str) -> Option<(usize, bool)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let (len, numbered) =
        if (1..=3).contains(&digits) && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
            (digits + 1, true)
        } else if line.starts_with(['-', '*', '\u{2022}']) {
            (line.chars().next().map_or(1, char::len_utf8), false)
        } else {
            return None;
        };
    let space = line[len..]
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    (space > 0 && !line[len + space..].trim().is_empty()).then_some((len + space, numbered))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(source: &str) -> Vec<String> {
        Document::parse(source, Format::Markdown)
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn code_urls_html_and_front_matter_are_not_prose() {
        let md = "---\ndate: 2024-05-01\ntitle: x\n---\n\n# Head *line*\n\nSee `Zhao` and [the *NPC*](https://npc.example/Zhao) <https://x.example> <b>Bold</b>.\n\n```\nZhao Leiji\n```\n\n<!-- Zhao -->\n";
        let doc = Document::parse(md, Format::Markdown);
        assert_eq!(doc.date, parse_date("2024-05-01"));
        let texts: Vec<_> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["Head line", "See \u{fffc} and the NPC  Bold."]);
    }

    #[test]
    fn date_line_makes_a_headline() {
        let doc = Document::parse(
            "date 2025-08-26 China, Russia talk\n\nBody text.\n",
            Format::Markdown,
        );
        assert_eq!(doc.date, parse_date("2025-08-26"));
        assert_eq!(doc.blocks[0].kind, BlockKind::Headline);
        assert_eq!(doc.blocks[0].text, "China, Russia talk");
        assert_eq!(doc.blocks[0].source_range(0..5), 16..21);
        assert_eq!(doc.blocks[1].text, "Body text.");
    }

    #[test]
    fn soft_breaks_join_lines_and_map_back() {
        let src = "Vyacheslav\r\nVolodin said.\n";
        let doc = Document::parse(src, Format::Markdown);
        let b = &doc.blocks[0];
        assert_eq!(b.text, "Vyacheslav Volodin said.");
        assert_eq!(&src[b.source_range(0..18)], "Vyacheslav\r\nVolodin");
        assert_eq!(&src[b.source_range(11..18)], "Volodin");
    }

    #[test]
    fn entities_are_decoded_and_map_to_their_source() {
        let src = "AT&amp;T and Zhao.";
        let b = &Document::parse(src, Format::Markdown).blocks[0];
        assert_eq!(b.text, "AT&T and Zhao.");
        assert_eq!(&src[b.source_range(9..13)], "Zhao");
        assert_eq!(&src[b.source_range(2..3)], "&amp;");
    }

    #[test]
    fn text_files_split_at_blank_lines() {
        let doc = Document::parse("One\ntwo `x`\n\n \nThree\n", Format::Text);
        let texts: Vec<_> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["One\ntwo `x`", "Three"]);
    }

    #[test]
    fn a_paragraph_wholly_in_emphasis_is_display_type() {
        let md = "**Budget Passes**\n\n*The largest budget yet*\n\n**Oslo** \u{2014} The vote was 9-2.\n\n> *quoted*\n";
        let kinds: Vec<_> = Document::parse(md, Format::Markdown)
            .blocks
            .iter()
            .map(|b| b.kind)
            .collect();
        use BlockKind::*;
        assert_eq!(kinds, vec![Heading, Heading, Paragraph, Paragraph]);
    }

    #[test]
    fn text_lists_lose_their_markers_and_capitals_are_subheads() {
        let src = "Intro.\n\n1. FIRST ITEM.\n\n2) Second item\ngoes on\n3. Third\n\n- a\n- b\n\nIn 2016. Then\n10. more\n";
        let doc = Document::parse(src, Format::Text);
        let blocks: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        use BlockKind::*;
        assert_eq!(
            blocks,
            vec![
                (Headline, "Intro."),
                (Heading, "FIRST ITEM."),
                (ListItem, "Second item\ngoes on\n"),
                (ListItem, "Third"),
                (ListItem, "a\n"),
                (ListItem, "b"),
                (Paragraph, "In 2016. Then\n10. more"),
            ]
        );
        let third = &doc.blocks[3];
        assert_eq!(&src[third.source_range(0..5)], "Third");
    }

    #[test]
    fn a_first_line_that_reads_as_a_headline_is_one() {
        let kinds = |src: &str| -> Vec<BlockKind> {
            Document::parse(src, Format::Text)
                .blocks
                .iter()
                .map(|b| b.kind)
                .collect()
        };
        let body = "\n\nThe Senate passed the budget on Friday after a debate that ran through the night, ending a standoff that had lasted three months.\n";
        for head in [
            "Senate Passes Budget In Late-Night Vote",
            "Senate passes budget in late-night vote after three-month standoff.",
            "Why the farm bill could still pass - with a little help from the cities.",
            "Farm Bill Passes After Long Night – Few Will Want To see It Again",
            "Senate passes budget after a long standoff over the defence bill and the cost of farm subsidies in the west\nDeficit to narrow",
        ] {
            assert_eq!(kinds(&format!("{head}{body}"))[0], BlockKind::Headline, "{head}");
        }
        let lede = "The Senate passed the budget on Friday after a debate that ran through the night and into the weekend.";
        assert_eq!(kinds(&format!("{lede}{body}"))[0], BlockKind::Paragraph);
        assert_eq!(
            kinds("Senate Passes Budget\n"),
            vec![BlockKind::Paragraph],
            "a lone line is the story"
        );
    }

    #[test]
    fn lists_quotes_and_tables_are_blocks() {
        assert_eq!(
            prose("- one\n- two\n\n> quoted\n\n|a|b|\n|-|-|\n|c|d|\n"),
            vec!["one", "two", "quoted", "a", "b", "c", "d"]
        );
    }
}
