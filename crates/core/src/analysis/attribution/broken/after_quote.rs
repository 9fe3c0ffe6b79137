//! A source after a closing quotation with no verb: "\u{201c}We will not back down,\u{201d}
//! Hernandez.", "\u{201c}...,\u{201d} Maria Ortiz, chief economist at a bank, adding that ...".
//!
//! The quotation must end as a statement does (a comma, a question or exclamation mark, a
//! dash inside the closing mark), so a quoted name or term ("the \u{201c}Stop Hillary\u{201d}
//! PAC") is left alone. After the source may come appositives ("chief economist at a bank",
//! "59", "of Philadelphia") and then a clause that is no verb of saying ("adding that ...",
//! "who ...", "when asked ...").

use super::trailing::{is_appositive, source_segment};
use super::words;
use crate::analysis::attribution::cue::has_reporting_verb;
use std::ops::Range;

/// Words that open a clause after the source and its appositives, none of them a verb of
/// saying: "..., Ortiz, adding that ...", "..., Cruz, who leads the race".
fn opens_clause(first: &str) -> bool {
    first.ends_with("ing")
        || matches!(
            first,
            "who"
                | "whose"
                | "which"
                | "when"
                | "while"
                | "though"
                | "although"
                | "as"
                | "after"
                | "before"
                | "in"
                | "at"
                | "on"
                | "during"
                | "referring"
        )
}

/// The source, where its verb belongs, and whether after a comma.
pub fn source_after_quote(s: &str, own: &str) -> Option<(Range<usize>, usize, bool)> {
    let (close, mark) = own
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '\u{201d}' | '"'))?;
    let ends_statement = s[..close]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, ',' | '?' | '!' | '\u{2014}' | '\u{2013}' | '-'));
    if !ends_statement || s.len() != own.len() {
        return None;
    }
    let tail_start = close + mark.len_utf8();
    let tail = own[tail_start..]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | ')' | ';'));
    let mut segments = Vec::new();
    let mut at = tail_start;
    for part in tail.split(',') {
        segments.push((at, part));
        at += part.len() + 1;
    }
    let (source_at, source_text) = *segments.first()?;
    let source_words: Vec<&str> = words(source_text).into_iter().map(|(_, w)| w).collect();
    if source_words.is_empty() || has_reporting_verb(source_text) {
        return None;
    }
    let (_, n) = source_segment(&source_words)?;
    if n != source_words.len() {
        // "\u{201c}...,\u{201d} Hernandez in a statement." is a setting; leave it to others.
        return None;
    }
    let mut end = source_at + source_text.trim_end().len();
    let mut comma = false;
    for &(seg_at, seg) in &segments[1..] {
        let seg_words: Vec<&str> = words(seg).into_iter().map(|(_, w)| w).collect();
        let first = seg_words.first()?;
        let age = first.chars().all(|c| c.is_ascii_digit()) && seg_words.len() == 1;
        if age || *first == "of" || is_appositive(&seg_words) && !has_reporting_verb(seg) {
            end = seg_at + seg.trim_end().len();
            comma = true;
        } else if opens_clause(first) {
            // A participle ("adding that ...") is no finite verb of saying.
            break;
        } else {
            return None;
        }
    }
    let start = source_at + (source_text.len() - source_text.trim_start().len());
    Some((start..end, end, comma))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::attribution::quote::{quotes, reporter_text};

    fn source(s: &str) -> Option<(&str, String)> {
        let own = reporter_text(s, &quotes(s));
        source_after_quote(s, &own).map(|(r, at, comma)| {
            let fixed = format!(
                "{}{}{}",
                &s[..at],
                if comma { ", said" } else { " said" },
                &s[at..]
            );
            (&s[r], fixed)
        })
    }

    #[test]
    fn a_source_with_no_verb_after_a_quotation() {
        let (name, fixed) =
            source("\u{201c}We will not balance the books,\u{201d} Angela Rayner.").unwrap();
        assert_eq!(name, "Angela Rayner");
        assert!(fixed.ends_with("Angela Rayner said."));
        let (name, fixed) = source("\u{201c}Prices will keep falling,\u{201d} Maria Ortiz, chief economist at a bank, adding that rates could rise.").unwrap();
        assert_eq!(name, "Maria Ortiz, chief economist at a bank");
        assert!(fixed.contains("at a bank, said, adding"));
        for s in [
            "\u{201c}I am not going anywhere,\u{201d} he.",
            "\u{201c}Is that fair?\u{201d} the spokeswoman.",
            "\u{201c}It works,\u{201d} Tom Reyes, 61, of Fresno.",
        ] {
            assert!(source(s).is_some(), "{s}");
        }
    }

    #[test]
    fn quotations_with_their_verb_or_quoted_terms() {
        for s in [
            "\u{201c}We will not back down,\u{201d} Hernandez said.",
            "\u{201c}We will not back down,\u{201d} said Hernandez.",
            "\u{201c}We are ready,\u{201d} Hernandez, the mayor, told reporters.",
            "Donors gave to the \u{201c}Stop the Tax\u{201d} Committee.",
            "She starred in \u{201c}Northern Lights,\u{201d} a film about miners.",
            "\u{201c}It works,\u{201d} Tom Reyes wrote in a letter.",
        ] {
            assert_eq!(source(s).map(|x| x.0), None, "{s}");
        }
    }
}
