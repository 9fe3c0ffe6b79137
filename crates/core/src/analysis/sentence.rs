//! Sentence segmentation of a block's text, in byte ranges.
//!
//! A sentence ends at a terminal mark (". ! ? \u{2026}", with any closing quotes or brackets)
//! followed by white space, at a CJK terminal mark, or at a line break, as the Unicode sentence
//! rules (UAX #29) would have it for news copy, in one cheap pass. What that splits wrongly is
//! merged back: abbreviations and titles ("Gov. Newsom", "U.S. President"), initials ("J. R. R."),
//! "No. 5", a quote closed by "!" or "?" and followed by its attribution ("...!" she said), and
//! line breaks inside a paragraph of plain text.

use std::ops::Range;

/// Abbreviations that never end a sentence in wire copy: titles, months, "No.", "St.".
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gov", "Sen", "Sens", "Rep", "Reps", "Gen", "Lt", "Col", "Maj",
    "Capt", "Sgt", "Cpl", "Adm", "Cmdr", "Prof", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Fr",
    "St", "Mt", "Ft", "No", "Nos", "Vol", "Art", "Sec", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "vs", "v", "cf", "e.g", "i.e", "Messrs",
    "Mme", "Mlle",
];

/// Abbreviations that may also end a sentence ("... sanctions on the U.S. The ministry ..."):
/// merged unless the next word usually starts a sentence.
const AMBIGUOUS: &[&str] = &[
    "U.S", "U.N", "U.K", "E.U", "U.S.A", "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "Bros", "a.m",
    "p.m", "etc", "Ave", "Blvd", "Rd",
];

/// Words that usually begin a new sentence, used to resolve [`AMBIGUOUS`] abbreviations.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "But",
    "And",
    "Yet",
    "So",
    "In",
    "On",
    "At",
    "For",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Meanwhile",
    "However",
    "Separately",
    "Also",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Both",
    "Neither",
    "Some",
    "Many",
];

/// The sentences of `text`, trimmed of surrounding whitespace, in order.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for piece in pieces(text) {
        let range = trim(text, piece);
        if range.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(prev)
                if continues(
                    &text[prev.clone()],
                    &text[prev.end..range.start],
                    &text[range.clone()],
                ) =>
            {
                prev.end = range.end
            }
            _ => out.push(range),
        }
    }
    out
}

/// Candidate sentences: up to and including each terminal mark (with its closing marks and
/// the white space after it), CJK terminal mark or line break.
fn pieces(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut end = i + c.len_utf8();
        let breaks = match c {
            '\n' | '\u{85}' | '\u{2029}' => true,
            '.' | '!' | '?' | '\u{2026}' | '\u{3002}' | '\u{ff01}' | '\u{ff1f}' => {
                while let Some((j, n)) =
                    chars.next_if(|&(_, n)| is_terminal(n) || is_closing_quote(n))
                {
                    end = j + n.len_utf8();
                }
                let cjk = matches!(c, '\u{3002}' | '\u{ff01}' | '\u{ff1f}');
                let spaced = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
                while let Some((j, n)) = chars.next_if(|&(_, n)| n.is_whitespace() && n != '\n') {
                    end = j + n.len_utf8();
                }
                cjk || spaced
            }
            _ => false,
        };
        if breaks {
            out.push(start..end);
            start = end;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.start + s.trim_end().len();
    start..end.max(start)
}

/// Whether `next` continues the sentence `prev` rather than starting a new one.
fn continues(prev: &str, gap: &str, next: &str) -> bool {
    let first = next.chars().next().unwrap_or(' ');
    // Only punctuation (a stray closing mark, a lone dash): not a sentence of its own.
    if !next.chars().any(char::is_alphanumeric) {
        return true;
    }
    let Some(last) = prev.chars().last() else {
        return true;
    };
    // A line break inside a paragraph where no sentence ended.
    if gap.contains('\n') && !is_terminal(last) && !is_closing_quote(last) {
        return true;
    }
    // "...!" she said. / "Why?" he asked.
    if first.is_lowercase() {
        return true;
    }
    if last != '.' {
        return false;
    }
    let word = last_word(prev);
    let bare = word.trim_end_matches('.');
    if TITLES.contains(&bare) {
        return true;
    }
    // An initial: "J. R. R. Tolkien", "George W. Bush".
    if bare.chars().count() == 1 && bare.chars().all(char::is_uppercase) {
        return true;
    }
    if AMBIGUOUS.contains(&bare) {
        let next_word = next
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .next()
            .unwrap_or("");
        let opens_quote = matches!(first, '"' | '\u{201c}' | '\u{2018}');
        return !opens_quote && !SENTENCE_STARTERS.contains(&next_word);
    }
    false
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}' | ':' | ';')
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201d}' | '\u{2019}' | '\'' | ')')
}

/// The last whitespace-separated word, without a leading bracket or quote.
fn last_word(s: &str) -> &str {
    let w = s.rsplit(char::is_whitespace).next().unwrap_or(s);
    w.trim_start_matches(['(', '"', '\u{201c}', '[', '\u{2018}'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("Zhao said so. He added more!  Why? Nobody knows"),
            vec!["Zhao said so.", "He added more!", "Why?", "Nobody knows"]
        );
    }

    #[test]
    fn titles_and_abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Gov. Gavin Newsom met Sen. Alex Padilla and Dr. Ruth Lee on Jan. 5 at St. Mary's. It rained."),
            vec![
                "Gov. Gavin Newsom met Sen. Alex Padilla and Dr. Ruth Lee on Jan. 5 at St. Mary's.",
                "It rained."
            ]
        );
        assert_eq!(
            split("U.S. President Joe Biden and the U.N. Security Council spoke. No. 10 said nothing."),
            vec![
                "U.S. President Joe Biden and the U.N. Security Council spoke.",
                "No. 10 said nothing."
            ]
        );
    }

    #[test]
    fn an_ambiguous_abbreviation_can_end_a_sentence() {
        assert_eq!(
            split(
                "Beijing imposed sanctions on the U.S. The ministry said so. Apple Inc. It fell."
            ),
            vec![
                "Beijing imposed sanctions on the U.S.",
                "The ministry said so.",
                "Apple Inc.",
                "It fell."
            ]
        );
    }

    #[test]
    fn initials_decimals_and_money() {
        assert_eq!(
            split("J. R. R. Tolkien wrote it. Sales rose 2.5 percent to $2.5 billion. George W. Bush agreed."),
            vec![
                "J. R. R. Tolkien wrote it.",
                "Sales rose 2.5 percent to $2.5 billion.",
                "George W. Bush agreed."
            ]
        );
    }

    #[test]
    fn quotes_end_inside_or_outside_the_mark() {
        assert_eq!(
            split("\u{201c}We are ready!\u{201d} she said. \u{201c}Are you?\u{201d} He nodded. He called it \u{201c}a deal\u{201d}. Fine."),
            vec![
                "\u{201c}We are ready!\u{201d} she said.",
                "\u{201c}Are you?\u{201d}",
                "He nodded.",
                "He called it \u{201c}a deal\u{201d}.",
                "Fine."
            ]
        );
        assert_eq!(
            split("\"It works,\" he said. \"It is fast.\" Done."),
            vec!["\"It works,\" he said.", "\"It is fast.\"", "Done."]
        );
    }

    #[test]
    fn a_sentence_can_start_with_a_number() {
        assert_eq!(
            split("The army took the town. 30 militants were killed. No. 10 agreed on Jan. 5."),
            vec![
                "The army took the town.",
                "30 militants were killed.",
                "No. 10 agreed on Jan. 5."
            ]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split("We waited... and waited. Then\u{2026} nothing. Later..."),
            vec![
                "We waited... and waited.",
                "Then\u{2026} nothing.",
                "Later..."
            ]
        );
    }

    #[test]
    fn line_breaks_inside_a_paragraph() {
        assert_eq!(
            split("Trade reached a record\n$245 billion last year.\r\nIt fell."),
            vec![
                "Trade reached a record\n$245 billion last year.",
                "It fell."
            ]
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            " ",
            ".",
            "...",
            "\u{201d}.",
            "中文。句子！",
            "\u{1f600}. x",
            "a.\n\n.b",
            "Mr.",
        ] {
            for r in sentences(s) {
                assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            }
        }
    }
}
