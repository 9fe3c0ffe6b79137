//! Markdown to prose blocks, with pulldown-cmark's offset iterator.
//!
//! Only text a reader reads as prose reaches a block: code, link destinations, autolinks, raw
//! HTML, images and front matter do not. HTML comments are read for disable directives.

use super::disable::Suppressions;
use super::document::{parse_date, Block, BlockKind};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use time::Date;

/// Stands in for an inline code span, so words on either side do not join.
pub const CODE_PLACEHOLDER: &str = "\u{fffc}";

pub struct Body {
    pub blocks: Vec<Block>,
    pub front_matter_date: Option<Date>,
}

pub fn parse(source: &str, from: usize, suppressions: &mut Suppressions) -> Body {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut walker = Walker::default();
    let body = &source[from..];
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        walker.event(
            event,
            (range.start + from)..(range.end + from),
            suppressions,
        );
    }
    walker.flush();
    Body {
        blocks: walker.blocks,
        front_matter_date: walker.front_matter_date,
    }
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    current: Option<Block>,
    /// Depth of constructs whose text is not prose (code blocks, autolinks, images, metadata).
    hidden: usize,
    in_metadata: bool,
    quote_depth: usize,
    /// For each open link, whether it hid its text (autolinks and e-mail links).
    links: Vec<bool>,
    /// Depth of emphasis and strong emphasis.
    emphasis: usize,
    /// The current block has words outside emphasis.
    plain: bool,
    front_matter_date: Option<Date>,
}

impl Walker {
    fn flush(&mut self) {
        if let Some(mut block) = self.current.take() {
            // A paragraph set wholly in bold or italics is display type (a headline, a deck, a
            // subhead, a byline), not the story's prose.
            if block.kind == BlockKind::Paragraph
                && !self.plain
                && !block.quoted
                && block.text.split_whitespace().count() <= 40
            {
                block.kind = BlockKind::Heading;
            }
            if !block.text.trim().is_empty() {
                self.blocks.push(block);
            }
        }
        self.plain = false;
    }

    fn open(&mut self, kind: BlockKind) {
        self.flush();
        self.current = Some(Block::new(kind, self.quote_depth > 0));
    }

    fn text(&mut self, s: &str, range: std::ops::Range<usize>) {
        if self.hidden > 0 {
            return;
        }
        self.plain |= self.emphasis == 0 && s.chars().any(char::is_alphanumeric);
        let quoted = self.quote_depth > 0;
        self.current
            .get_or_insert_with(|| Block::new(BlockKind::Paragraph, quoted))
            .push(s, range);
    }

    fn event(
        &mut self,
        event: Event,
        range: std::ops::Range<usize>,
        suppressions: &mut Suppressions,
    ) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph
                    // A loose list item's paragraphs continue the item's block.
                    if self
                        .current
                        .as_ref()
                        .is_none_or(|b| b.kind != BlockKind::ListItem || !b.text.is_empty())
                    => {
                        self.open(BlockKind::Paragraph);
                    }
                Tag::Heading { .. } => self.open(BlockKind::Heading),
                Tag::Item => self.open(BlockKind::ListItem),
                Tag::TableCell => self.open(BlockKind::TableCell),
                Tag::BlockQuote(_) => {
                    self.flush();
                    self.quote_depth += 1;
                }
                Tag::CodeBlock(_) => {
                    self.flush();
                    self.hidden += 1;
                }
                Tag::MetadataBlock(_) => {
                    self.hidden += 1;
                    self.in_metadata = true;
                }
                Tag::Image { .. } => self.hidden += 1,
                Tag::Link { link_type, .. } => {
                    let hide = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    self.hidden += usize::from(hide);
                    self.links.push(hide);
                }
                Tag::HtmlBlock => self.flush(),
                Tag::Emphasis | Tag::Strong => self.emphasis += 1,
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell => {
                    self.flush()
                }
                TagEnd::BlockQuote(_) => {
                    self.flush();
                    self.quote_depth = self.quote_depth.saturating_sub(1);
                }
                TagEnd::CodeBlock | TagEnd::Image => self.hidden = self.hidden.saturating_sub(1),
                TagEnd::MetadataBlock(_) => {
                    self.hidden = self.hidden.saturating_sub(1);
                    self.in_metadata = false;
                }
                TagEnd::Link if self.links.pop() == Some(true) => {
                    self.hidden = self.hidden.saturating_sub(1);
                }
                TagEnd::Emphasis | TagEnd::Strong => {
                    self.emphasis = self.emphasis.saturating_sub(1)
                }
                _ => {}
            },
            Event::Text(text) => {
                if self.in_metadata {
                    self.front_matter_date =
                        self.front_matter_date.or_else(|| front_matter_date(&text));
                }
                self.text(&text, range);
            }
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                self.text(CODE_PLACEHOLDER, range)
            }
            Event::SoftBreak | Event::HardBreak => self.text(" ", range),
            Event::Html(html) | Event::InlineHtml(html) => {
                suppressions.scan_html(&html, range.start)
            }
            Event::FootnoteReference(_) | Event::Rule | Event::TaskListMarker(_) => {}
        }
    }
}

fn front_matter_date(yaml: &str) -> Option<Date> {
    yaml.lines().find_map(|line| {
        let value = line.strip_prefix("date:")?.trim().trim_matches(['"', '\'']);
        parse_date(value.get(..10).unwrap_or(value))
    })
}
