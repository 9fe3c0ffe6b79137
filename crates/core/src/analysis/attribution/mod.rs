//! Attribution analysis: which sentences of a paragraph are attributed, which make claims, and
//! where an attribution is broken.
//!
//! A sentence is attributed when its own words (outside quotations) carry a reporting cue with
//! a source ([`cue`]); when it continues the speaker of an attributed sentence just before it in
//! the same paragraph ("He added that ...", "... it aims to ..."); or when it lies inside a
//! quotation that someone is said to have said. A quotation left open at the end of a paragraph
//! continues into the next paragraph that opens with a quotation mark. A paragraph after an
//! attributed lead-in ("The ministry said:") is what the lead-in reports, and a transcript's
//! paragraph opening with its speaker ("Q:", "SMITH:") is that speaker's words.
//!
//! [`Readings`] is the entry point: every paragraph of prose of a story read in order, each
//! from its own text, what the paragraph before passed on ([`Carry`]) and which of its words
//! the story so far has met as a surname at the end of a full name ([`people`]), and nothing
//! else. A re-check therefore reuses a paragraph's readings when its text, the carry it
//! receives and those surnames are those of the last analysis ([`Memo`]).

mod broken;
mod claim;
mod cue;
mod figure;
mod held;
mod lexicon;
mod lower;
mod opinion;
mod own;
mod people;
mod quote;
mod vague;

pub use broken::Broken;
pub use claim::{Claim, ClaimKind};
pub use quote::{quotes, Quote};

use crate::analysis::tokens::{BlockTokens, Tokens};
use crate::analysis::BlockKind;
use lexicon::{CONTINUATION_OPENERS, FIRST_PERSON, MODALS, REFERRING_PRONOUNS, SUBJECT_OPENERS};
use own::{Own, OwnWord};
use people::Surnames;
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock, OnceLock};

/// Whether `word` (lower case) is a one-word form of a reporting verb ("said", "told",
/// "reported"), for checks that read a name by the verb next to it.
pub fn is_reporting_verb(word: &str) -> bool {
    lexicon::REPORTING_WORDS.contains(word)
}

/// What the analysis reads in one sentence. Ranges are in the block's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub sentence: Range<usize>,
    /// Attributed by its own cue, by carry-over, or as part of an attributed quotation.
    pub attributed: bool,
    /// The first claim in the reporter's own words, if any.
    pub claim: Option<Claim>,
    /// A broken attribution and where it is.
    pub broken: Option<(Broken, Range<usize>)>,
    /// A quotation opens in this sentence and nobody is said to have said it.
    pub unattributed_quote: Option<Range<usize>>,
    /// The claim's clause is the reporter's though a cue in a later clause attributes the
    /// sentence ("Fares will rise because the board has promised ...").
    pub own_claim: bool,
    /// The sentence's own attribution is to a vague source ("critics say"), and where it is.
    pub vague_source: Option<Range<usize>>,
    /// Attributed only because its claim lies in a clause its subject holds ("She is betting
    /// that ..."): a view, not a speaker that the next sentence goes on quoting.
    pub held: bool,
}

/// What one paragraph passes to the next.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Carry {
    /// A quotation left open at the end of the previous paragraph, and whether it was attributed.
    open_quote: Option<bool>,
    /// The previous paragraph ended with an attributed lead-in ("Zhao said:").
    lead_in: bool,
    /// The previous paragraph opened with a speaker's label ("SMITH: ...").
    labelled: bool,
}

/// A wire dateline opening a paragraph: "BEIJING, Aug. 26 (Xinhua) -- ": a place in capitals,
/// a date, an agency in parentheses, a dash.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let place = r"(?<place>\p{Lu}[\p{Lu} .'\-]{2,})";
    let date = r"(?:,\s*(?<date>[^()\n]{1,30}?))?";
    let agency = r"(?:\s*\((?<agency>[^)]{1,30})\))?";
    let dash = r"\s*(?:--|\u{2014}|\u{2013}|-)\s+";
    Regex::new(&format!("^{place}{date}{agency}{dash}")).expect("dateline pattern")
});

/// One paragraph's readings, and what it passes to the next.
#[derive(Debug)]
pub struct Paragraph {
    pub readings: Vec<Reading>,
    carry: Carry,
}

/// The paragraphs an analysis read, by their text, kind and the carry they received: a re-check
/// reuses those it meets again (see the module documentation).
#[derive(Debug, Default)]
pub struct Memo(HashMap<(String, BlockKind, Carry, Surnames), Arc<Paragraph>>);

/// A story's paragraphs of prose read in order, on first use: a check asks for them, so a
/// configuration that turns the attribution codes off reads none.
pub struct Readings<'a> {
    tokens: &'a Tokens<'a>,
    previous: &'a Memo,
    read: OnceLock<(Vec<Option<Arc<Paragraph>>>, Memo)>,
}

impl<'a> Readings<'a> {
    /// The readings of `tokens`' story, reusing what `previous` read.
    pub fn new(tokens: &'a Tokens<'a>, previous: &'a Memo) -> Readings<'a> {
        Readings {
            tokens,
            previous,
            read: OnceLock::new(),
        }
    }

    /// Each block's paragraph, in the order of `Tokens::blocks`: `None` for what is not
    /// prose (headlines, headings, table cells, block quotes), which ends an open quotation
    /// and a lead-in.
    pub fn blocks(&self) -> &[Option<Arc<Paragraph>>] {
        &self
            .read
            .get_or_init(|| {
                read_story(self.tokens, self.previous, &|| false)
                    .expect("a reading nobody stops finishes")
            })
            .0
    }

    /// Reads the story's paragraphs now, unless `stop` says so before a paragraph: then
    /// nothing is kept, and [`Self::blocks`] reads them all when asked.
    pub fn read_unless(&self, stop: &dyn Fn() -> bool) {
        if self.read.get().is_none() {
            if let Some(read) = read_story(self.tokens, self.previous, stop) {
                let _ = self.read.set(read);
            }
        }
    }

    /// What a re-check of the next text may reuse: empty when nothing was read.
    pub fn into_memo(self) -> Memo {
        self.read
            .into_inner()
            .map(|(_, memo)| memo)
            .unwrap_or_default()
    }
}

/// The story's paragraphs read, and what a re-check may reuse; `None` when `stop` says so
/// before a paragraph.
fn read_story(
    tokens: &Tokens,
    previous: &Memo,
    stop: &dyn Fn() -> bool,
) -> Option<(Vec<Option<Arc<Paragraph>>>, Memo)> {
    let mut carry = Carry::default();
    let mut met = Surnames::default();
    let mut memo = Memo::default();
    let mut blocks = Vec::with_capacity(tokens.blocks.len());
    for block in &tokens.blocks {
        if stop() {
            return None;
        }
        let prose = matches!(block.block.kind, BlockKind::Paragraph | BlockKind::ListItem)
            && !is_copyright_notice(block.text());
        if !prose || block.block.quoted {
            carry = Carry::default();
            blocks.push(None);
            continue;
        }
        met.add(block);
        let known = met.within(block);
        // The kind is in the key: a paragraph reads fragments as claims, a list item does not.
        let key = (block.text().to_string(), block.block.kind, carry, known);
        let paragraph = previous.0.get(&key).cloned().unwrap_or_else(|| {
            let readings = read_paragraph(block, &mut carry, &key.3);
            Arc::new(Paragraph { readings, carry })
        });
        carry = paragraph.carry;
        memo.0.insert(key, paragraph.clone());
        blocks.push(Some(paragraph));
    }
    Some((blocks, memo))
}

/// Reads one paragraph of prose, from its tokens.
pub fn read_paragraph(tokens: &BlockTokens, carry: &mut Carry, known: &Surnames) -> Vec<Reading> {
    let text = tokens.text();
    // Fragments are read as claims in paragraphs only: a list item is often one.
    let paragraph = tokens.block.kind == BlockKind::Paragraph;
    let quotes = quote::quotes(text);
    let own = quote::reporter_text(text, &quotes);
    let body = DATELINE.find(text).map_or(0, |m| m.end());
    // A label is a transcript's speaker when it is "Q" or "A", or when the paragraph before
    // had one too: a lone "UPDATE: ..." is the newsroom's note, not a speaker.
    let label = speaker_label(text);
    let spoken = carry.lead_in
        || label.is_some_and(|l| matches!(l, "Q" | "A" | "Q." | "A.") || carry.labelled);
    carry.labelled = label.is_some();
    let ranges: Vec<Range<usize>> = tokens
        .sentences
        .iter()
        .filter(|r| r.end > body)
        .map(|r| r.start.max(body)..r.end)
        .collect();
    let owns: Vec<Own> = ranges
        .iter()
        .map(|r| Own::new(&own[r.clone()], r.start, tokens.words_in(r.clone())))
        .collect();
    let mut readings: Vec<Reading> = ranges
        .iter()
        .zip(&owns)
        .map(|(r, own)| read_sentence(&text[r.clone()], own, r.start, known, paragraph))
        .collect();
    // A quotation closed by "?" or "!" ends its sentence, so a source whose verb was cut after
    // it stands alone: "\u{201c}Is that fair?\u{201d} Okafor."
    for i in 1..ranges.len() {
        if readings[i].broken.is_none()
            && broken::closes_quoted_question(&text[ranges[i - 1].clone()])
        {
            readings[i].broken = broken::source_after_split_quote(&owns[i]).map(|(b, r)| {
                let shift = ranges[i].start;
                match b {
                    Broken::MissingVerb { verb_at, comma } => (
                        Broken::MissingVerb {
                            verb_at: verb_at + shift,
                            comma,
                        },
                        r.start + shift..r.end + shift,
                    ),
                    other => (other, r.start + shift..r.end + shift),
                }
            });
        }
    }
    // A held view says no quotation: only a cue or a broken one does.
    let direct: Vec<bool> = readings
        .iter()
        .map(|r| (r.attributed && !r.held) || r.broken.is_some())
        .collect();
    let only_quoted: Vec<bool> = ranges
        .iter()
        .map(|r| !own[r.clone()].chars().any(char::is_alphanumeric))
        .collect();
    let mut in_attributed_quote = vec![false; ranges.len()];
    let sentence_of = |offset: usize| ranges.iter().rposition(|r| r.start <= offset).unwrap_or(0);
    let mut next_quote = quotes.iter().peekable();
    for i in 0..ranges.len() {
        while let Some(q) = next_quote.next_if(|q| q.range.start < ranges[i].end) {
            let (first, last) = (
                sentence_of(q.range.start),
                sentence_of(q.range.end.saturating_sub(1)),
            );
            let continued =
                q.range.start == text.len() - text.trim_start().len() && carry.open_quote.is_some();
            let said = (continued && carry.open_quote == Some(true))
                || direct[first..=last].iter().any(|&d| d)
                || (first > 0 && readings[first - 1].attributed && !readings[first - 1].held)
                || (first == 0 && carry.lead_in)
                || direct.get(last + 1).copied().unwrap_or(false);
            // A quotation left open may be attributed where it closes, paragraphs later, so
            // only a closed one is reported.
            if said {
                in_attributed_quote[first..=last]
                    .iter_mut()
                    .for_each(|s| *s = true);
            } else if !continued
                && !q.open_at_end
                && is_full_quote(tokens, &own, q.range.clone(), ranges[first].clone())
            {
                readings[first].unattributed_quote = Some(q.range.clone());
            }
            if q.open_at_end {
                carry.open_quote = Some(said);
            }
        }
        // Data do not go on speaking: "according to official results. It was the worst ..."
        let continues_speaker = i > 0
            && readings[i - 1].attributed
            && !readings[i - 1].held
            && (only_quoted[i] || continues(&owns[i]))
            && !cue::attributed_to_data_only(&owns[i - 1]);
        let r = &mut readings[i];
        let carried = spoken || continues_speaker || (only_quoted[i] && in_attributed_quote[i]);
        r.attributed = direct[i] || r.held || carried;
        r.own_claim &= !carried && !r.held;
    }
    if !quotes.last().is_some_and(|q| q.open_at_end) {
        carry.open_quote = None;
    }
    carry.lead_in = readings.last().is_some_and(|r| r.attributed) && text.trim_end().ends_with(':');
    readings
}

/// A wire story's closing notice ("Copyright 2026 The Associated Press. All rights reserved. This
/// material may not be published ..."): the publisher's terms, not the reporter's claims.
fn is_copyright_notice(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('\u{a9}')
        || t.get(..9)
            .is_some_and(|w| w.eq_ignore_ascii_case("copyright"))
            && t[9..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || c == '\u{a9}' || c == '(')
}

fn read_sentence(s: &str, own: &Own, offset: usize, known: &Surnames, paragraph: bool) -> Reading {
    let shift = |r: Range<usize>| r.start + offset..r.end + offset;
    let quoted_only = !own.text.chars().any(char::is_alphanumeric);
    let attributed = cue::is_attributed(own);
    let broken = (!quoted_only)
        .then(|| broken::broken(s, own, attributed, known))
        .flatten()
        .map(|(b, r)| {
            let b = match b {
                Broken::MissingVerb { verb_at, comma } => Broken::MissingVerb {
                    verb_at: verb_at + offset,
                    comma,
                },
                other => other,
            };
            (b, shift(r))
        });
    let question = own.text.trim_end().ends_with('?');
    let claim = (!quoted_only && !question)
        .then(|| {
            claim::find_claim(own).or_else(|| paragraph.then(|| claim::fragment_claim(own))?)
        })
        .flatten()
        .map(|c| Claim {
            kind: c.kind,
            phrase: shift(c.phrase),
        });
    // A stance sources its holders' view, not a count of the holders made in its subject when
    // the view itself claims nothing: "Most voters oppose the plan" is a poll's finding, unless
    // the subject names who counted them ("Most economists surveyed by the bank expect ...").
    let counted = claim.as_ref().is_some_and(|c| {
        c.kind == ClaimKind::Figure
            && cue::stance_only(own).is_some_and(|at| {
                own.text
                    .get(c.phrase.end - offset..at)
                    .is_some_and(is_plain_subject)
                    && claim::find_claim(&Own::from_text(clause_from(own.text, at))).is_none()
            })
    });
    // "Fares will rise because the board has promised ...": the claim before the cue's clause.
    let nested = (attributed && !counted)
        .then(|| {
            claim
                .clone()
                .filter(|c| {
                    claim::cue_only_after(own, c.phrase.start - offset..c.phrase.end - offset)
                })
                .or_else(|| {
                    claim::claim_before_cue(own).map(|c| Claim {
                        kind: c.kind,
                        phrase: shift(c.phrase),
                    })
                })
        })
        .flatten();
    let own_claim = nested.is_some();
    let claim = nested.or(claim);
    let vague_source = attributed
        .then(|| vague::vague_source(own))
        .flatten()
        .map(shift);
    // A claim in a clause the subject holds is the subject's: "She is betting that ...".
    let held = claim
        .as_ref()
        .is_some_and(|c| held::holds_claim(own, c.phrase.start - offset));
    Reading {
        sentence: offset..offset + own.text.len(),
        attributed: (attributed || held) && !counted,
        own_claim,
        held: held && !attributed,
        claim,
        broken,
        unattributed_quote: None,
        vague_source,
    }
}

/// A speaker's label opening a paragraph, as transcripts write them: "Q:", "SMITH:", "Jane
/// Smith:" (one to three capitalised words, a colon and the words on the same line; "The
/// result:" is no speaker, and a line "EARLIER:" heads what follows).
fn speaker_label(text: &str) -> Option<&str> {
    let (head, rest) = text.trim_start().split_once(':')?;
    let words = head.split_whitespace().count();
    let label = rest.starts_with([' ', '\t'])
        && (1..=3).contains(&words)
        && head
            .split_whitespace()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '.') && cue::is_name_word(w));
    label.then_some(head.trim())
}

/// The clause of `text` from byte `at` to the next comma, semicolon or dash: what a stance
/// there holds ("expect growth of 5 percent"), not the next count of holders ("..., while 23
/// percent favored ...").
fn clause_from(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    &rest[..rest.find([',', ';', '\u{2014}']).unwrap_or(rest.len())]
}

/// Whether the words between a figure and a stance are the rest of one subject ("of
/// renters"), not a clause ("more than the office had", "..., they have") nor an agent that
/// counted the holders ("surveyed by the bank").
fn is_plain_subject(between: &str) -> bool {
    !between.contains([',', ';', ':', '\u{2014}'])
        && !between.split_whitespace().any(|w| {
            let w = w.to_ascii_lowercase();
            matches!(w.as_str(), "by" | "than" | "as" | "that" | "who" | "which")
                || lexicon::VERBISH.contains(&w)
        })
}

/// Whether a sentence still speaks for the previous sentence's source: it opens with "Also",
/// "Moreover" ..., its subject is a pronoun that refers back ("He added", "Focused on the
/// talks, it aims to ...") or it speaks in the first person outside quotation marks. A pronoun
/// elsewhere ("the plan would double their rent") says nothing of who is speaking, and a
/// pronoun subject with a modal ("He would win easily", "They'll lose") predicts what the
/// subject will do: the reporter's claim, unless the sentence says whose it is.
fn continues(own: &Own) -> bool {
    let opens = own
        .words
        .first()
        .is_some_and(|w| own.text[..w.range.start].trim().is_empty());
    let opens_with = |o: &&str| {
        opens
            && o.split(' ').count() <= own.words.len()
            && o.split(' ').zip(&own.words).all(|(o, w)| w.is(o))
    };
    if CONTINUATION_OPENERS.iter().any(opens_with) {
        return true;
    }
    if own.words.iter().any(|w| FIRST_PERSON.contains(stem(w))) {
        return true;
    }
    subject_pronoun(own).is_some_and(|i| {
        // "he'll", "they'd": the modal is in the contraction.
        let next = match own.words[i].lower.split_once(['\'', '\u{2019}']) {
            Some((_, ending)) => Some(ending),
            None => own.words.get(i + 1).map(|w| w.lower.as_ref()),
        };
        !next.is_some_and(|n| MODALS.contains(n) || matches!(n, "ll" | "d"))
    })
}

/// A word without a contraction's ending: "they're" refers back as "they" does, "I'm" speaks
/// as "I" does.
fn stem<'w>(w: &'w OwnWord) -> &'w str {
    w.lower.split(['\'', '\u{2019}']).next().unwrap_or_default()
}

/// The sentence's subject when it is a pronoun that refers back: its first word after
/// conjunctions ("But he ..."), or the first word after the comma that closes an opening
/// phrase ("Focused on the talks, it ...").
fn subject_pronoun(own: &Own) -> Option<usize> {
    let first = own
        .words
        .iter()
        .position(|w| !SUBJECT_OPENERS.contains(&w.lower));
    let after_opening = own.text.find(',').map(|comma| {
        own.words
            .iter()
            .take_while(|w| w.range.end <= comma)
            .count()
    });
    [first, after_opening].into_iter().flatten().find(|&i| {
        own.words
            .get(i)
            .is_some_and(|w| REFERRING_PRONOUNS.contains(stem(w)))
    })
}

/// A quotation that is someone's statement rather than a quoted term ("so-called 'peace plan'"):
/// it opens the sentence, follows a colon, or runs to six words or more.
fn is_full_quote(
    tokens: &BlockTokens,
    own: &str,
    quote: Range<usize>,
    sentence: Range<usize>,
) -> bool {
    let before = own[sentence.start..quote.start].trim_end();
    let words = tokens.words_in(quote);
    // A hyphenated word counts once.
    let joined = words
        .windows(2)
        .filter(|p| {
            crate::analysis::tokens::is_hyphen(&tokens.text()[p[0].range.end..p[1].range.start])
        })
        .count();
    before.is_empty() || before.ends_with(':') || words.len() - joined >= 6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Block, BlockKind};

    fn read(paragraphs: &[&str]) -> Vec<Vec<Reading>> {
        let (mut carry, mut met) = (Carry::default(), Surnames::default());
        paragraphs
            .iter()
            .map(|p| {
                let mut block = Block::new(BlockKind::Paragraph, false);
                block.push(p, 0..p.len());
                let tokens = BlockTokens::new(&block);
                met.add(&tokens);
                read_paragraph(&tokens, &mut carry, &met.within(&tokens))
            })
            .collect()
    }

    fn attributed(p: &str) -> Vec<bool> {
        read(&[p])[0].iter().map(|r| r.attributed).collect()
    }

    #[test]
    fn carry_over_within_a_paragraph() {
        assert_eq!(
            attributed("Volodin said the Duma is willing to help. Focused on the consensus, it aims to act. Trade reached $245 billion."),
            vec![true, true, false]
        );
        assert_eq!(
            attributed("Efforts should be made, Zhao said. He added that both should learn."),
            vec![true, true]
        );
    }

    #[test]
    fn only_a_subject_pronoun_continues_the_speaker() {
        // A pronoun that is not the subject refers to someone, not to who is speaking.
        assert_eq!(
            attributed(
                "The mayor said the budget is balanced. The levy would double their rent by 2030."
            ),
            vec![true, false]
        );
        assert_eq!(
            attributed("The mayor said the budget is balanced. But she called the levy fair. In her view, it is the best plan in decades."),
            vec![true, true, true]
        );
        // A prediction of what the subject will do is the reporter's, unless sourced.
        assert_eq!(
            attributed("The coach said the team had trained hard. They will win the league easily. They'd never lost a final."),
            vec![true, false, false]
        );
        // The first person outside quotation marks is still the speaker's.
        assert_eq!(
            attributed("The union said pay had fallen. Our members are the worst paid in Europe."),
            vec![true, true]
        );
    }

    #[test]
    fn a_stance_does_not_source_a_count_of_its_holders() {
        let flagged = |p: &str| {
            let r = &read(&[p])[0][0];
            r.claim.is_some() && !r.attributed
        };
        assert!(flagged(
            "Some 70 percent of tenants oppose the new rent rules."
        ));
        assert!(!flagged(
            "Some 70 percent of tenants feel the new rules are the harshest yet."
        ));
        assert!(flagged(
            "Some 40 percent of tenants supported the rules, while 30 percent opposed them."
        ));
        assert!(!flagged(
            "Most tenants oppose rules that would raise rents 70 percent."
        ));
        assert!(!flagged(
            "Rents rose 4 percent more than the landlords had predicted."
        ));
        assert!(!flagged(
            "Rents, up 4 percent this year, will rise again, the landlords have suggested."
        ));
    }

    #[test]
    fn a_lead_in_and_a_speaker_label_attribute_their_paragraph() {
        let r = read(&[
            "The union said:",
            "Pay has fallen 9 percent in a decade. The offer is the worst in years.",
            "It was the longest strike on record.",
        ]);
        assert!(r[1].iter().all(|s| s.attributed));
        assert!(!r[2][0].attributed);
        let r = read(&[
            "Q: Will fares rise?",
            "OKAFOR: Fares will rise 12 percent, the biggest rise in years.",
            "The result: fares rose 12 percent.",
            "EARLIER:\nFares rose 12 percent, the biggest rise in years.",
            "UPDATE: Fares rose 12 percent, the biggest rise in years.",
        ]);
        assert!(r[1][0].attributed);
        assert!(r[2..].iter().all(|p| !p[0].attributed));
    }

    #[test]
    fn a_new_paragraph_starts_fresh() {
        let r = read(&[
            "Zhao said trade will grow.",
            "It reached a record $245 billion.",
        ]);
        assert!(!r[1][0].attributed);
    }

    #[test]
    fn quotes_across_sentences_and_paragraphs() {
        let r = read(&[
            "\u{201c}We are ready. We will grow 5 percent,\u{201d} Zhao said. \u{201c}Trade will double.",
            "\u{201c}It is the biggest deal ever.\u{201d}",
        ]);
        assert!(r[0]
            .iter()
            .all(|s| s.attributed && s.unattributed_quote.is_none()));
        assert!(r[1][0].attributed);
        assert!(r[1][0].claim.is_none());
    }

    #[test]
    fn an_unattributed_quote_is_reported() {
        let r = read(&[
            "The talks ended.",
            "\u{201c}We will never accept these terms.\u{201d} The delegation left.",
        ]);
        assert!(r[1][0].unattributed_quote.is_some());
        let r = read(&["He called it a \u{201c}bad deal\u{201d} at the talks."]);
        assert!(r[0][0].unattributed_quote.is_none());
    }

    #[test]
    fn datelines_are_not_read() {
        let r = read(&["BEIJING, Aug. 26 (Xinhua) -- The meeting was held in Beijing."]);
        assert_eq!(r[0].len(), 1);
        assert!(!r[0][0].attributed);
        assert!(r[0][0].claim.is_none());
    }
}
