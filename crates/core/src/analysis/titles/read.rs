//! Reading the title written next to one person mention, in the forms news copy uses:
//!
//! - before the name: "Chairman Zhao Leji", "Russian State Duma Chairman Vyacheslav Volodin",
//!   "State Duma speaker Volodin", "former Chairman Li Zhanshu";
//! - after the name, as an appositive: "Zhao Leji, chairman of China's NPC Standing Committee,",
//!   "Volodin, the Duma's chairman,", "Yang Jin, an associate research fellow from CASS";
//! - in a relative clause: "Zhao, who chairs the NPC Standing Committee,", "Volodin, who has
//!   been chairman since 2016,".
//!
//! Reading is word by word over the block's text. Whatever cannot be read with confidence
//! (a description, a title that may belong to someone else) is not read at all.

use super::lexicon::{is_article, is_former, is_then, normalise, Vocabulary};
use super::{Org, Placement, Tense, WrittenOrg};
use crate::analysis::attribution::{is_reporting_verb, quotes, Quote};
use crate::analysis::tokens::{BlockTokens, Word};
use crate::analysis::{Context, Mention};
use crate::registry::Kind;
use std::ops::Range;

/// A title read next to a mention, in word indices of the block.
pub(super) struct Phrase {
    /// The title's words; for a verb ("who chairs"), the verb.
    pub title: Range<usize>,
    /// The title as written, on one line.
    pub written: String,
    /// The normalised title ("chairs" reads as "chairman").
    pub normalised: String,
    pub verb: bool,
    pub org: Option<WrittenOrg>,
    pub tense: Tense,
    /// "former " or "ex-" as written, up to the next word.
    pub former: Option<Range<usize>>,
    pub placement: Placement,
    /// The first word qualifying the title: a country, a possessive, an organisation before it.
    pub lead: usize,
    /// The first word after the phrase.
    pub end: usize,
}

/// Words that may follow a title in an appositive without ending it: "chairman since 2016",
/// "chairman of the Duma and a close ally".
const AFTER_TITLE: &[&str] = &[
    "and", "at", "between", "during", "for", "from", "in", "on", "since", "until", "when", "which",
    "who",
];

/// Words that link a title to its organisation: "chairman of", "fellow at", "envoy to".
const CONNECTORS: &[&str] = &["of", "at", "from", "for", "to", "in"];

/// How country adjectives end: "Russian", "British", "Chinese", "French", "Iraqi".
const DEMONYM_ENDINGS: [&str; 5] = ["an", "ish", "ese", "ch", "i"];

/// Lower-case words that may sit inside an organisation's name.
const ORG_PARTICLES: &[&str] = &[
    "of", "for", "and", "the", "on", "de", "des", "du", "la", "le",
];

pub(super) struct Reader<'a> {
    cx: &'a Context<'a>,
    block: &'a BlockTokens<'a>,
    words: &'a [Word<'a>],
    /// The mention (index into `cx.mentions`) each word belongs to.
    owner: Vec<Option<usize>>,
    /// The block's first mention, and each mention's first and last word from there on: looked
    /// up, not searched for, so a long paragraph of mentions stays linear.
    first_mention: usize,
    spans: Vec<Option<(usize, usize)>>,
    /// The block's direct quotations: a title inside one is the speaker's.
    quotes: Vec<Quote>,
}

impl<'a> Reader<'a> {
    /// A reader over block `b`, whose mentions are `cx.mentions[mentions]`.
    pub fn new(cx: &'a Context<'a>, b: usize, mentions: Range<usize>) -> Reader<'a> {
        let block = &cx.tokens.blocks[b];
        let words = &block.words[..];
        let mut owner = vec![None; words.len()];
        for mi in mentions.clone() {
            let text = &cx.mentions[mi].text;
            let first = words.partition_point(|w| w.range.start < text.start);
            for (w, o) in words[first..].iter().zip(&mut owner[first..]) {
                if w.range.start >= text.end {
                    break;
                }
                *o = Some(mi);
            }
        }
        let mut spans: Vec<Option<(usize, usize)>> = vec![None; mentions.len()];
        for (i, o) in owner.iter().enumerate() {
            if let Some(span) = o.and_then(|mi| spans.get_mut(mi - mentions.start)) {
                *span = Some(span.map_or((i, i), |(first, _)| (first, i)));
            }
        }
        Reader {
            cx,
            block,
            words,
            owner,
            first_mention: mentions.start,
            spans,
            quotes: quotes(block.text()),
        }
    }

    /// The sentence word `i` stands in.
    pub fn sentence_of(&self, i: usize) -> &str {
        self.block.sentence_of(i)
    }

    /// Whether word `i` stands inside a direct quotation.
    pub fn quoted(&self, i: usize) -> bool {
        let at = self.words.get(i).map_or(0, |w| w.range.start);
        self.quotes
            .iter()
            .any(|q| q.range.start < at && at < q.range.end)
    }

    /// Whether the person of mention `mi`, titled from word `first`, is the one reporting:
    /// "President Ortiz said", "said President Ortiz". Such a sentence is in the story's own
    /// days.
    pub fn reports(&self, first: usize, mi: usize) -> bool {
        let Some(&Some((_, last))) = mi
            .checked_sub(self.first_mention)
            .and_then(|i| self.spans.get(i))
        else {
            return false;
        };
        let after = self.words.get(last + 1).filter(|_| self.block.spaced(last));
        let before = first.checked_sub(1).filter(|&p| self.block.spaced(p));
        after.is_some_and(|w| is_reporting_verb(&w.lower))
            || before.is_some_and(|p| matches!(self.words[p].lower.as_str(), "said" | "says"))
    }

    /// The words of the sentence before word `first`, and mention `mi`'s last word with the
    /// rest of the sentence after it: what places a titled name in time.
    pub fn around(&self, first: usize, mi: usize) -> Option<(&[Word<'a>], &Word<'a>, &[Word<'a>])> {
        let (_, last) = (*self.spans.get(mi.checked_sub(self.first_mention)?)?)?;
        let first = first.min(last);
        let sentence = self.words[first].sentence;
        let start = self.words[..first]
            .iter()
            .rposition(|w| w.sentence != sentence)
            .map_or(0, |i| i + 1);
        let end = self.words[last..]
            .iter()
            .position(|w| w.sentence != sentence)
            .map_or(self.words.len(), |i| last + i);
        Some((
            &self.words[start..first],
            &self.words[last],
            &self.words[last + 1..end],
        ))
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The mention (index into the context's mentions) owning word `i`, if any.
    pub fn owner(&self, i: usize) -> Option<usize> {
        self.owner.get(i).copied().flatten()
    }

    /// "the premier", "the former foreign minister" at word `i`, standing alone for a person
    /// named before it: not followed by a name, an organisation ("the premier of ...") or
    /// another title word.
    pub fn second_reference(&self, i: usize, vocab: &Vocabulary) -> Option<Phrase> {
        if self.words.get(i)?.lower != "the" || !self.block.spaced(i) {
            return None;
        }
        let (mut tense, mut former) = (Tense::Current, None);
        let mut p = i + 1;
        if let Some(w) = self.words.get(p) {
            if is_former(&w.lower) {
                (tense, former) = (Tense::Former, Some(p));
                p += 1;
            } else if is_then(&w.lower) {
                tense = Tense::Past;
                p += 1;
            }
            if p > i + 1 && !self.joined(p - 1) {
                return None;
            }
        }
        let start = p;
        let mut q = p;
        while let Some(w) = self.words.get(q) {
            if self.owner[q].is_some() || w.possessive || !vocab.is_title_word(&w.lower) {
                return None;
            }
            if !self.joined(q) {
                break;
            }
            match self.words.get(q + 1) {
                Some(n) if vocab.is_title_word(&n.lower) && self.owner[q + 1].is_none() => q += 1,
                _ => break,
            }
        }
        let head = q;
        if head >= self.words.len() || !vocab.is_head(&self.words[head].lower) {
            return None;
        }
        if self.owner.get(head + 1).copied().flatten().is_some() {
            // "the prime minister, Rishi Sunak": an appositive naming someone.
            return None;
        }
        if let Some(next) = self.words.get(head + 1) {
            let follows = self.joined(head);
            if follows && (next.capitalised() || CONNECTORS.contains(&next.lower.as_str())) {
                return None;
            }
        }
        let mut phrase = self.phrase(start..head + 1, None, tense, former, Placement::After);
        phrase.lead = start;
        phrase.end = head + 1;
        Some(phrase)
    }

    /// The titles written next to mention `mi` (a person), in reading order.
    pub fn titles_of(&self, mi: usize, vocab: &Vocabulary) -> Vec<Phrase> {
        let mention = &self.cx.mentions[mi];
        let span = mi
            .checked_sub(self.first_mention)
            .and_then(|i| self.spans.get(i));
        let Some(&Some((first, last))) = span else {
            return Vec::new();
        };
        if !self.words[first..=last]
            .iter()
            .any(|w| w.text.chars().any(char::is_lowercase))
        {
            // "PRIME MINISTER CAMERON:": a speaker's label in a transcript, or a headline.
            return Vec::new();
        }
        let mut out = Vec::new();
        out.extend(self.before(first, vocab));
        if !mention.possessive {
            self.after(last, vocab, &mut out);
        }
        out
    }

    /// Words `i` and `i + 1` belong to one phrase: spaces or a hyphen between them, or the
    /// full stop of an abbreviation ("the U.S. secretary of state").
    fn joined(&self, i: usize) -> bool {
        if self.block.spaced(i) || self.block.hyphenated(i) {
            return true;
        }
        let g = self.block.gap(i);
        g.starts_with('.')
            && g[1..].chars().all(char::is_whitespace)
            && self.words.get(i + 1).is_some_and(|w| !w.capitalised())
            && self.words[i].text.contains('.')
    }

    fn kind_of(&self, i: usize) -> Option<Kind> {
        self.owner[i].map(|mi| self.cx.registry.entity(self.cx.mentions[mi].entity).kind)
    }

    fn mention_at(&self, i: usize) -> Option<&Mention> {
        self.owner[i].map(|mi| &self.cx.mentions[mi])
    }

    /// The first word after the mention that owns word `i`.
    fn after_mention(&self, i: usize) -> usize {
        let o = self.owner[i];
        let mut j = i;
        while j < self.words.len() && self.owner[j] == o {
            j += 1;
        }
        j
    }

    /// The first word of the mention that owns word `i`.
    fn mention_start(&self, i: usize) -> usize {
        let o = self.owner[i];
        let mut j = i;
        while j > 0 && self.owner[j - 1] == o {
            j -= 1;
        }
        j
    }

    fn org_at(&self, i: usize) -> Option<WrittenOrg> {
        let m = self.mention_at(i)?;
        Some(WrittenOrg {
            org: Org::Entity(m.entity),
            range: m.range.clone(),
            text: m.canonical.clone(),
        })
    }

    /// The block text of a run of words, on one line.
    fn text(&self, words: Range<usize>) -> String {
        let (a, b) = (&self.words[words.start], &self.words[words.end - 1]);
        self.block.text()[a.range.start..b.range.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The source range of a run of words, without a final possessive.
    pub fn source_of(&self, words: Range<usize>) -> Range<usize> {
        let (Some(a), Some(b)) = (self.words.get(words.start), self.words.get(words.end - 1))
        else {
            return 0..0;
        };
        let end = if self.words[words.end - 1].possessive {
            b.range.start + b.base().len()
        } else {
            b.range.end
        };
        self.block.source_range(a.range.start..end)
    }

    fn phrase(
        &self,
        title: Range<usize>,
        org: Option<WrittenOrg>,
        tense: Tense,
        former: Option<usize>,
        placement: Placement,
    ) -> Phrase {
        let written = self.text(title.clone());
        Phrase {
            normalised: normalise(&written),
            written,
            title: title.clone(),
            verb: false,
            org,
            tense,
            former: former.map(|f| {
                let next = self
                    .words
                    .get(f + 1)
                    .map_or(self.words[f].range.end, |w| w.range.start);
                self.block.source_range(self.words[f].range.start..next)
            }),
            placement,
            lead: title.start,
            end: title.end,
        }
    }

    /// "Chairman Zhao Leji", "NPC Standing Committee Chairman Zhao", "former Chairman Li".
    fn before(&self, first: usize, vocab: &Vocabulary) -> Option<Phrase> {
        let head = first.checked_sub(1)?;
        let w = &self.words[head];
        if !self.block.spaced(head)
            || self.owner[head].is_some()
            || w.possessive
            || !vocab.is_head(&w.lower)
        {
            return None;
        }
        let mut start = head;
        while start > 0
            && self.joined(start - 1)
            && self.owner[start - 1].is_none()
            && !self.words[start - 1].possessive
            && vocab.is_title_word(&self.words[start - 1].lower)
        {
            start -= 1;
        }
        while start < head && matches!(self.words[start].lower.as_str(), "of" | "and" | "for") {
            start += 1;
        }
        let mut left = start;
        let mut org = None;
        if left > 0 && self.block.spaced(left - 1) && self.owner[left - 1].is_some() {
            if self.kind_of(left - 1) == Some(Kind::Person) {
                // "Putin's envoy Kirill Dmitriev": a title relative to another person.
                return None;
            }
            org = self.org_at(left - 1);
            left = self.mention_start(left - 1);
        }
        // A lower-case title alone before a name may be ordinary prose ("in general Zhao").
        let has_modifier = start < head;
        if !self.words[start].capitalised() && org.is_none() && !has_modifier {
            return None;
        }
        let (mut tense, mut former) = (Tense::Current, None);
        let mut l = left;
        let mut lead = left;
        for _ in 0..3 {
            if l == 0 || !self.joined(l - 1) {
                break;
            }
            let w = &self.words[l - 1];
            if is_former(&w.lower) {
                (tense, former) = (Tense::Former, Some(l - 1));
                break;
            }
            if is_then(&w.lower) {
                tense = Tense::Past;
                break;
            }
            if !w.capitalised() || self.owner[l - 1].is_some() {
                break;
            }
            l -= 1;
            if w.possessive || DEMONYM_ENDINGS.iter().any(|e| w.lower.ends_with(e)) {
                lead = l;
            }
        }
        let mut phrase = self.phrase(start..head + 1, org, tense, former, Placement::Before);
        phrase.lead = lead;
        Some(phrase)
    }

    /// Appositives and relative clauses after the name, with titles joined by "and" or commas.
    fn after(&self, last: usize, vocab: &Vocabulary, out: &mut Vec<Phrase>) {
        let mut p = last + 1;
        if p >= self.words.len() || self.block.gap(last).trim() != "," {
            return;
        }
        if self.words[p].text.chars().all(|c| c.is_ascii_digit()) && self.block.gap(p).trim() == ","
        {
            // An age: "Zhao, 68, chairman of ..."
            p += 1;
        }
        let first = if self.words.get(p).is_some_and(|w| w.lower == "who") {
            self.clause(p + 1, vocab)
        } else {
            self.forward(p, vocab, Tense::Current, Placement::After)
        };
        let Some(mut phrase) = first else {
            return;
        };
        loop {
            let end = phrase.end;
            let tense = match phrase.placement {
                Placement::Clause => phrase.tense,
                _ => Tense::Current,
            };
            let placement = phrase.placement;
            out.push(phrase);
            let next = match self.words.get(end) {
                Some(w) if w.lower == "and" && self.block.spaced(end - 1) => end + 1,
                Some(_) if self.block.gap(end - 1).trim() == "," => end,
                _ => return,
            };
            match self.forward(next, vocab, tense, placement) {
                Some(p) => phrase = p,
                None => return,
            }
        }
    }

    /// "who is chairman of ...", "who has been chairman since 2016", "who chairs the NPC
    /// Standing Committee".
    fn clause(&self, mut p: usize, vocab: &Vocabulary) -> Option<Phrase> {
        let word = |i: usize| self.words.get(i).map_or("", |w| w.lower.as_str());
        let skip_adverbs = |mut i: usize| {
            while matches!(
                word(i),
                "also" | "now" | "currently" | "still" | "previously"
            ) {
                i += 1;
            }
            i
        };
        p = skip_adverbs(p);
        let tense = match word(p) {
            "is" | "remains" | "serves" => Tense::Current,
            "was" | "served" | "became" => Tense::Past,
            "has" | "have" if word(p + 1) == "been" || word(p + 1) == "served" => {
                p += 1;
                Tense::Current
            }
            "had" if word(p + 1) == "been" || word(p + 1) == "served" => {
                p += 1;
                Tense::Past
            }
            "chairs" | "chaired" | "co" => return self.chairs(p),
            _ => return None,
        };
        p = skip_adverbs(p + 1);
        if word(p) == "as" {
            p += 1;
        }
        self.forward(p, vocab, tense, Placement::Clause)
    }

    /// "who chairs the NPC Standing Committee": the verb stands for "chairman".
    fn chairs(&self, verb: usize) -> Option<Phrase> {
        let mut v = verb;
        if self.words[v].lower == "co" {
            if !self.block.hyphenated(v) {
                return None;
            }
            v += 1;
        }
        let tense = match self.words.get(v)?.lower.as_str() {
            "chairs" => Tense::Current,
            "chaired" => Tense::Past,
            _ => return None,
        };
        if !self.block.spaced(v) {
            return None;
        }
        let (org, end) = self.org_phrase(v + 1)?;
        let normalised = if v > verb { "co chairman" } else { "chairman" };
        Some(Phrase {
            title: verb..v + 1,
            written: self.text(verb..v + 1),
            normalised: normalised.to_string(),
            verb: true,
            org: Some(org),
            tense,
            former: None,
            placement: Placement::Clause,
            lead: verb,
            end,
        })
    }

    /// A title phrase starting at word `p`: "[former] [the] [Duma's|CDU|Russian] vice chairman
    /// [of China's NPC Standing Committee]".
    fn forward(
        &self,
        mut p: usize,
        vocab: &Vocabulary,
        tense: Tense,
        placement: Placement,
    ) -> Option<Phrase> {
        let (mut tense, mut former) = (tense, None);
        let mut article = false;
        while let Some(w) = self.words.get(p) {
            if is_former(&w.lower) {
                (tense, former) = (Tense::Former, Some(p));
            } else if is_then(&w.lower) {
                tense = Tense::Past;
            } else if is_article(&w.lower) && !article {
                article = true;
            } else if !matches!(w.lower.as_str(), "also" | "now" | "currently") {
                break;
            }
            if !self.joined(p) {
                return None;
            }
            p += 1;
        }
        // Whose or which: "the Duma's", "China's", "the CDU", "the Russian".
        let lead = p;
        let mut org = None;
        let mut adjectives = 0;
        while let Some(w) = self.words.get(p) {
            if let Some(kind) = self.kind_of(p) {
                if kind == Kind::Person {
                    // Another person's name, or "Putin's envoy".
                    return None;
                }
                let next = self.after_mention(p);
                let modifies = self
                    .words
                    .get(next)
                    .is_some_and(|n| vocab.is_title_word(&n.lower));
                let possessive = self.mention_at(p).is_some_and(|m| m.possessive);
                if !(possessive || modifies) || !self.joined(next - 1) {
                    return None;
                }
                org = self.org_at(p);
                p = next;
                break;
            }
            if matches!(w.lower.as_str(), "madam" | "mr" | "mister" | "dear") {
                // "Biden, Madam Secretary, ...": an address to someone else.
                return None;
            }
            if w.capitalised() && !vocab.is_title_word(&w.lower) && adjectives < 3 && self.joined(p)
            {
                adjectives += 1;
                p += 1;
                continue;
            }
            break;
        }
        let start = p;
        let mut head = None;
        let mut q = p;
        while let Some(w) = self.words.get(q) {
            if self.owner[q].is_some() || w.possessive || !vocab.is_title_word(&w.lower) {
                break;
            }
            if vocab.is_head(&w.lower) {
                head = Some(q);
            }
            if !self.joined(q) {
                break;
            }
            q += 1;
        }
        let head = head?;
        let mut end = head + 1;
        if let Some(next) = self.words.get(end) {
            if self.block.hyphenated(head) && matches!(next.lower.as_str(), "elect" | "designate") {
                return None;
            }
            if self.block.spaced(head)
                && next.capitalised()
                && !CONNECTORS.contains(&next.lower.as_str())
            {
                // "Zhao, President Xi Jinping ...": the title belongs to the next name.
                return None;
            }
        }
        let connected = self.block.spaced(head)
            && self
                .words
                .get(end)
                .is_some_and(|w| CONNECTORS.contains(&w.lower.as_str()));
        if connected {
            if let Some((of, org_end)) = self.org_phrase(end + 1) {
                org = Some(of);
                end = org_end;
            } else if self.person_in_name_after(end + 1) {
                // "Obama, Secretary of State Hillary Clinton": the title is the next name's.
                return None;
            }
        }
        if let Some(next) = self.words.get(end).filter(|_| self.joined(end - 1)) {
            if next.lower == "until" && tense == Tense::Current {
                // "prime minister of Estonia until last year": a past role.
                tense = Tense::Past;
            } else if connected && !AFTER_TITLE.contains(&next.lower.as_str()) {
                // "speaker of Russia's lower house": a title, in an organisation described
                // rather than named.
                org = None;
            } else if !AFTER_TITLE.contains(&next.lower.as_str()) {
                // "After meeting Zhao, the chairman said": not an appositive.
                return None;
            }
        }
        let mut phrase = self.phrase(start..head + 1, org, tense, former, placement);
        phrase.end = end;
        phrase.lead = lead;
        Some(phrase)
    }

    /// Whether a person's name stands in the run of capitalised words from `p`.
    fn person_in_name_after(&self, p: usize) -> bool {
        let mut q = p;
        while let Some(w) = self.words.get(q) {
            if self.kind_of(q) == Some(Kind::Person) {
                return true;
            }
            if !(w.capitalised() || w.lower == "the") || !self.joined(q) {
                return false;
            }
            q += 1;
        }
        false
    }

    /// The organisation after "of", "at", "from": its registry entity when one is mentioned
    /// there, else its words; and the first word after it.
    fn org_phrase(&self, mut p: usize) -> Option<(WrittenOrg, usize)> {
        if self.words.get(p).is_some_and(|w| w.lower == "the") && self.joined(p) {
            p += 1;
        }
        // "of the conservative CDU": a word or two of description before the name.
        for skip in 1..=2 {
            let described = (p..p + skip).all(|i| {
                self.words
                    .get(i)
                    .is_some_and(|w| !w.capitalised() && self.owner[i].is_none())
                    && self.joined(i)
            });
            if described && self.words.get(p + skip).is_some_and(|w| w.capitalised()) {
                p += skip;
                break;
            }
        }
        let start = p;
        let mut end = p;
        let mut q = p;
        while let Some(w) = self.words.get(q) {
            if w.capitalised() {
                end = q + 1;
            } else if !ORG_PARTICLES.contains(&w.lower.as_str()) {
                break;
            }
            if !self.joined(q) {
                break;
            }
            q += 1;
        }
        if end == start {
            return None;
        }
        let mut found: Option<(usize, Kind)> = None;
        for i in start..end {
            let Some(kind) = self.kind_of(i) else {
                continue;
            };
            if kind == Kind::Person {
                return None;
            }
            let better = match found {
                None => true,
                Some((_, k)) => kind != Kind::Place || k == Kind::Place,
            };
            if better {
                found = Some((i, kind));
            }
        }
        let org = match found {
            Some((i, _)) => self.org_at(i)?,
            None => {
                let text = self.text(start..end);
                WrittenOrg {
                    org: Org::Text(normalise(&text)),
                    range: self.source_of(start..end),
                    text,
                }
            }
        };
        Some((org, end))
    }
}
