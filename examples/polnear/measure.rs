//! The figures: each story is checked whole; a cut claim is checked as the story's headline
//! and the one paragraph with the cut sentence; a cut verb as the story up to the end of that
//! paragraph, because a source is read with what the story said of it before (a surname met
//! in a full name).
//!
//! Claim kinds of cut contents come from a few word lists of this harness's own, kept apart
//! from the checker's lexicons so that a word the checker does not know still counts as a miss.

use super::corpus::{Attribution, Story};
use copydesk::analysis::sentence::sentences;
use copydesk::analysis::{analyze, BlockKind, Code, Finding, Format, Settings, SeverityMap};
use copydesk::registry::{parse_registry, Registry};
use std::collections::BTreeMap;
use std::ops::Range;

/// How many examples a rate keeps for `--show`: enough that two runs' lists can be diffed.
const KEPT: usize = 5000;

/// A count of hits out of a total, with examples of the misses (or of the false flags).
#[derive(Default)]
struct Rate {
    hits: usize,
    total: usize,
    shown: Vec<String>,
}

impl Rate {
    fn add(&mut self, hit: bool, show_when: bool, example: impl FnOnce() -> String) {
        self.total += 1;
        self.hits += usize::from(hit);
        if show_when && self.shown.len() < KEPT {
            self.shown.push(example());
        }
    }

    fn line(&self, name: &str) -> String {
        let pct = 100.0 * self.hits as f64 / self.total.max(1) as f64;
        format!("{name:<48} {pct:5.1}%  ({} of {})", self.hits, self.total)
    }
}

#[derive(Default)]
pub struct Report {
    stories: usize,
    attributed: Rate,
    by_cue: BTreeMap<&'static str, Rate>,
    plain: Rate,
    cut_claims: Rate,
    by_claim: BTreeMap<&'static str, Rate>,
    cut_verbs: Rate,
    by_position: BTreeMap<&'static str, Rate>,
    headlines: Rate,
    /// Sentences of the stories as published flagged with a missing reporting verb.
    intact_missing_verb: Rate,
}

impl Report {
    pub fn print(&self, show: usize) {
        println!("PolNeAR training split: {} stories\n", self.stories);
        let sections: [(&str, &Rate, &BTreeMap<&'static str, Rate>); 3] = [
            (
                "attributed sentences flagged unattributed-claim",
                &self.attributed,
                &self.by_cue,
            ),
            (
                "claims with source and cue cut, flagged",
                &self.cut_claims,
                &self.by_claim,
            ),
            (
                "attributions with the verb cut, flagged",
                &self.cut_verbs,
                &self.by_position,
            ),
        ];
        for (title, total, parts) in sections {
            println!("{}", total.line(title));
            for (part, r) in parts {
                println!("{}", r.line(&format!("  {part}")));
            }
        }
        println!("{}", self.headlines.line("headlines flagged"));
        println!(
            "{}",
            self.plain.line("sentences with no attribution, flagged")
        );
        println!(
            "{}",
            self.intact_missing_verb
                .line("sentences flagged with no reporting verb")
        );
        if show == 0 {
            return;
        }
        let list = |title: &str, r: &Rate| {
            println!(
                "\n== {title} ({} listed of {})",
                r.shown.len().min(show),
                r.shown.len()
            );
            r.shown.iter().take(show).for_each(|s| println!("- {s}"));
        };
        for (cue, r) in &self.by_cue {
            list(&format!("false flags, cue: {cue}"), r);
        }
        for (kind, r) in &self.by_claim {
            list(&format!("cut claims not flagged: {kind}"), r);
        }
        for (pos, r) in &self.by_position {
            list(&format!("cut verbs not flagged: {pos}"), r);
        }
        list("headlines flagged", &self.headlines);
        list("sentences with no attribution, flagged", &self.plain);
        list(
            "sentences flagged with no reporting verb",
            &self.intact_missing_verb,
        );
    }
}

fn registry() -> Registry {
    let empty = parse_registry("empty", r#"{"version": 1, "entities": []}"#).expect("valid");
    Registry::new([empty.entities])
}

fn check(text: &str, registry: &Registry) -> Vec<Finding> {
    let settings = Settings {
        date: None,
        today: time::macros::date!(2016 - 06 - 01),
        severity: SeverityMap::default(),
        historical: Default::default(),
    };
    analyze(text, Format::Text, registry, &settings).findings
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn within(inner: &[Range<usize>], outer: &Range<usize>) -> bool {
    !inner.is_empty()
        && inner
            .iter()
            .all(|r| r.start >= outer.start && r.end <= outer.end)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn measure(stories: &[Story]) -> Report {
    let registry = registry();
    let mut report = Report {
        stories: stories.len(),
        ..Report::default()
    };
    for story in stories {
        measure_story(story, &registry, &mut report);
    }
    report
}

/// A paragraph of the story and its sentences, as source ranges.
struct Paragraph {
    range: Range<usize>,
    sentences: Vec<Range<usize>>,
}

fn measure_story(story: &Story, registry: &Registry, report: &mut Report) {
    let text = &story.text;
    let findings = check(text, registry);
    let headline = 0..text.find('\n').unwrap_or(text.len());
    let flagged_in = |r: &Range<usize>, code: Code| {
        findings
            .iter()
            .find(|f| f.code == code && r.contains(&f.range.start))
    };
    let on_headline = findings.iter().find(|f| headline.contains(&f.range.start));
    report
        .headlines
        .add(on_headline.is_some(), on_headline.is_some(), || {
            format!(
                "{}: {} [{}]",
                story.name,
                &text[headline.clone()],
                on_headline.map_or("", |f| f.message.as_str())
            )
        });

    let document = copydesk::analysis::Document::parse(text, Format::Text);
    let paragraphs: Vec<Paragraph> = document
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem))
        .map(|b| Paragraph {
            range: b.source_span(),
            sentences: sentences(&b.text)
                .into_iter()
                .map(|r| b.source_range(r))
                .collect(),
        })
        .filter(|p| p.range.start > headline.end)
        .collect();

    for p in &paragraphs {
        for s in &p.sentences {
            // Only attributions with a source attribute: "there are fears ..." names nobody.
            let sourced = || story.attributions.iter().filter(|a| !a.source.is_empty());
            let cue_here = sourced().find(|a| a.cue.iter().any(|c| overlaps(c, s) > 0));
            let inside = sourced()
                .find(|a| a.content.iter().map(|c| overlaps(c, s)).sum::<usize>() * 2 > s.len());
            let touched = story.attributions.iter().any(|a| {
                a.source
                    .iter()
                    .chain(&a.cue)
                    .chain(&a.content)
                    .any(|r| overlaps(r, s) > 0)
            });
            // The sentence is mostly attribution: its source, cue and content cover at least
            // 60% of it (a sentence with a short attribution tucked inside is not counted).
            let covered = (s.start..s.end)
                .filter(|&i| {
                    sourced().any(|a| {
                        a.source
                            .iter()
                            .chain(&a.cue)
                            .chain(&a.content)
                            .any(|r| r.contains(&i))
                    })
                })
                .count();
            let cue_here = cue_here.filter(|_| covered * 10 >= s.len() * 6);
            let no_verb = findings.iter().find(|f| {
                // Only a missing verb comes with a fix.
                f.code == Code::IncompleteAttribution
                    && !f.fixes.is_empty()
                    && s.contains(&f.range.start)
            });
            report
                .intact_missing_verb
                .add(no_verb.is_some(), no_verb.is_some(), || {
                    format!(
                        "{}: {} [{}]",
                        story.name,
                        one_line(&text[s.clone()]),
                        no_verb.map_or("", |f| f.message.as_str())
                    )
                });
            let flag = flagged_in(s, Code::UnattributedClaim);
            let example = || {
                format!(
                    "{}: {} [{}]",
                    story.name,
                    one_line(&text[s.clone()]),
                    flag.map_or("", |f| f.message.as_str())
                )
            };
            match cue_here.or(inside) {
                Some(a) => {
                    report.attributed.add(flag.is_some(), false, example);
                    let kind = cue_kind(&cue_text(text, a));
                    let how = if cue_here.is_some() { "here" } else { "inside" };
                    report.by_cue.entry(kind).or_default().add(
                        flag.is_some(),
                        flag.is_some(),
                        || format!("<{how}: {}> {}", cue_text(text, a), example()),
                    );
                }
                None if !touched => report.plain.add(flag.is_some(), flag.is_some(), example),
                None => {}
            }
        }
    }

    for a in &story.attributions {
        let Some(p) = paragraphs
            .iter()
            .find(|p| a.cue.iter().all(|c| overlaps(c, &p.range) == c.len()))
        else {
            continue;
        };
        let Some(s) = p
            .sentences
            .iter()
            .find(|s| within(&a.cue, s) && within(&a.source, s))
        else {
            continue;
        };
        cut_claim(story, registry, p, s, a, &headline, report);
        cut_verb(story, registry, p, s, a, report);
    }
}

fn cue_text(text: &str, a: &Attribution) -> String {
    a.cue
        .iter()
        .map(|c| &text[c.clone()])
        .collect::<Vec<_>>()
        .join(" ")
}

const SPEECH: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "note",
    "notes",
    "noted",
    "state",
    "states",
    "stated",
    "announce",
    "announced",
    "announces",
    "write",
    "writes",
    "wrote",
    "written",
    "report",
    "reports",
    "reported",
    "explain",
    "explained",
    "explains",
    "ask",
    "asked",
    "asks",
    "reply",
    "replied",
    "respond",
    "responded",
    "tweet",
    "tweeted",
    "tweets",
    "declare",
    "declared",
    "remark",
    "remarked",
    "comment",
    "commented",
    "quote",
    "quoted",
    "testify",
    "testified",
    "repeat",
    "repeated",
    "recall",
    "recalled",
    "continue",
    "continued",
    "insist",
    "insisted",
    "argue",
    "argued",
    "claim",
    "claimed",
    "confirm",
    "confirmed",
    "acknowledge",
    "acknowledged",
    "admit",
    "admitted",
    "tweeted",
    "posted",
    "joked",
    "quipped",
    "shouted",
    "yelled",
    "told",
];

const STANCE: &[&str] = &[
    "fear",
    "fears",
    "feared",
    "worry",
    "worries",
    "worried",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "hope",
    "hopes",
    "hoped",
    "expect",
    "expects",
    "expected",
    "concerned",
    "concern",
    "concerns",
    "accuse",
    "accuses",
    "accused",
    "deny",
    "denies",
    "denied",
    "dismiss",
    "dismisses",
    "dismissed",
    "warn",
    "warns",
    "warned",
    "criticize",
    "criticized",
    "criticizes",
    "blame",
    "blamed",
    "blames",
    "doubt",
    "doubts",
    "suspect",
    "suspects",
    "want",
    "wants",
    "wanted",
    "feel",
    "feels",
    "felt",
    "know",
    "knows",
    "knew",
    "praise",
    "praised",
    "condemn",
    "condemned",
    "reject",
    "rejected",
    "suggest",
    "suggests",
    "suggested",
    "predict",
    "predicted",
    "urge",
    "urged",
    "agree",
    "agreed",
    "oppose",
    "opposed",
    "support",
    "supported",
    "question",
    "questioned",
    "charge",
    "charged",
    "allege",
    "alleged",
    "insists",
    "argues",
    "contend",
    "contends",
    "promise",
    "promised",
    "vow",
    "vowed",
];

fn cue_kind(cue: &str) -> &'static str {
    let lower = cue.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphabetic()).collect();
    if lower.contains("according") {
        "according to"
    } else if words.iter().any(|w| SPEECH.contains(w)) {
        "speech verb"
    } else if words.iter().any(|w| STANCE.contains(w)) {
        "non-speech (stance, belief)"
    } else {
        "other"
    }
}

/// The kind of claim a content makes, by this harness's own word lists; `None`: no claim.
fn claim_kind(content: &str) -> Option<&'static str> {
    let lower = content.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '%' || c == '$' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let year = |w: &str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
    if words.iter().any(|w| {
        w.contains('%') || w.starts_with('$') || w.chars().any(|c| c.is_ascii_digit()) && !year(w)
    }) || has(&[
        "percent", "million", "billion", "trillion", "half", "third", "dozens",
    ]) {
        return Some("figure");
    }
    let not_superlative = [
        "interest",
        "honest",
        "request",
        "protest",
        "suggest",
        "west",
        "test",
        "forest",
        "rest",
        "arrest",
        "modest",
        "contest",
        "manifest",
        "invest",
        "digest",
        "guest",
        "nest",
        "chest",
        "quest",
        "harvest",
        "earnest",
        "conquest",
        "inquest",
        "attest",
        "detest",
        "lest",
        "priest",
        "latest",
        "midwest",
        "interests",
        "protests",
        "requests",
        "tests",
        "arrests",
        "dishonest",
        "pest",
    ];
    if has(&[
        "most",
        "least",
        "best",
        "worst",
        "first",
        "only",
        "record",
        "ever",
        "unprecedented",
    ]) || words
        .iter()
        .any(|w| w.len() > 5 && w.ends_with("est") && !not_superlative.contains(w))
    {
        return Some("superlative");
    }
    if has(&[
        "lie",
        "lied",
        "lies",
        "lying",
        "liar",
        "illegal",
        "illegally",
        "crime",
        "crimes",
        "criminal",
        "fraud",
        "corrupt",
        "corruption",
        "rigged",
        "cheat",
        "cheated",
        "bribe",
        "scandal",
        "accused",
        "alleged",
        "allegedly",
        "abuse",
        "violated",
        "broke",
    ]) {
        return Some("allegation");
    }
    if has(&["because", "caused", "cause", "causes", "blame", "blamed"])
        || lower.contains("due to")
        || lower.contains("led to")
        || lower.contains("result of")
    {
        return Some("cause");
    }
    if has(&["will", "won't", "would", "could", "might", "going"]) {
        return Some("prediction");
    }
    if has(&[
        "should",
        "must",
        "great",
        "terrible",
        "disaster",
        "dangerous",
        "bad",
        "good",
        "wrong",
        "unfair",
        "failed",
        "strong",
        "weak",
        "huge",
        "incredible",
        "ridiculous",
        "unfit",
        "qualified",
        "unqualified",
        "important",
        "serious",
        "crucial",
        "historic",
        "successful",
        "better",
        "worse",
        "effective",
        "disgraceful",
        "absurd",
        "outrageous",
        "horrible",
        "wonderful",
        "amazing",
        "tremendous",
        "dishonest",
        "disgusting",
        "shameful",
        "stupid",
        "weak",
        "reckless",
        "irresponsible",
        "failure",
        "mess",
        "nasty",
        "racist",
        "sexist",
        "extreme",
        "radical",
        "disgrace",
        "pathetic",
        "corrupt",
        "crooked",
        "rigged",
        "sad",
        "unacceptable",
        "inappropriate",
        "offensive",
        "dangerous",
        "clear",
        "obvious",
    ]) {
        return Some("evaluation");
    }
    None
}

/// Re-checks the paragraph with `s` replaced by `new`, after `lead` (the story's headline, or
/// all the story before the paragraph); returns the findings of `code` that start in the new
/// sentence.
fn recheck(
    story: &Story,
    registry: &Registry,
    p: &Paragraph,
    s: &Range<usize>,
    new: &str,
    lead: &str,
    code: Code,
) -> (String, Option<String>) {
    let text = &story.text;
    let mut draft = lead.to_string();
    draft.push_str(&text[p.range.start..s.start]);
    let start = draft.len();
    draft.push_str(new);
    let end = draft.len();
    draft.push_str(&text[s.end..p.range.end]);
    draft.push('\n');
    let found = check(&draft, registry)
        .into_iter()
        .find(|f| f.code == code && (start..end).contains(&f.range.start))
        .map(|f| f.message);
    (one_line(new), found)
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}')
}

fn cut_claim(
    story: &Story,
    registry: &Registry,
    p: &Paragraph,
    s: &Range<usize>,
    a: &Attribution,
    headline: &Range<usize>,
    report: &mut Report,
) {
    let text = &story.text;
    if !within(&a.content, s) {
        return;
    }
    let content = a
        .content
        .iter()
        .map(|c| text[c.clone()].trim())
        .collect::<Vec<_>>()
        .join(" ");
    if content.contains(is_quote_char)
        || content.contains("''")
        || content.split_whitespace().count() < 4
    {
        return;
    }
    let Some(kind) = claim_kind(&content) else {
        return;
    };
    let content = content
        .trim_start_matches("that ")
        .trim_end_matches(['.', ',', ';', ':']);
    let mut chars = content.chars();
    let Some(first) = chars.next() else {
        return;
    };
    let new = format!("{}{}.", first.to_uppercase(), chars.as_str());
    let (shown, found) = recheck(
        story,
        registry,
        p,
        s,
        &new,
        &format!("{}\n\n", &text[headline.clone()]),
        Code::UnattributedClaim,
    );
    let hit = found.is_some();
    let example = || format!("{}: {shown}", story.name);
    report.cut_claims.add(hit, false, example);
    report
        .by_claim
        .entry(kind)
        .or_default()
        .add(hit, !hit, example);
}

/// Reporting verbs a cut leaves the source without.
const CUT_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "noted",
    "notes",
    "explained",
    "stated",
    "announced",
    "tweeted",
    "argued",
    "insisted",
    "continued",
];

fn cut_verb(
    story: &Story,
    registry: &Registry,
    p: &Paragraph,
    s: &Range<usize>,
    a: &Attribution,
    report: &mut Report,
) {
    let text = &story.text;
    let ([cue], Some(source)) = (a.cue.as_slice(), a.source.first()) else {
        return;
    };
    if !CUT_VERBS.contains(&text[cue.clone()].trim()) || a.content.is_empty() {
        return;
    }
    let content_start = a.content[0].start;
    let quoted = a.content.iter().any(|c| {
        let content = &text[c.clone()];
        content.contains(is_quote_char) || content.contains("''")
    });
    let after_source = text[source.end..s.end].trim_start();
    let position = if content_start < source.start {
        match (
            cue.start < source.start,
            quoted,
            after_source.starts_with(','),
        ) {
            (true, _, _) => "content, verb, source",
            (false, true, true) => "quote, source, appositive",
            (false, true, false) => "quote, source",
            (false, false, true) => "paraphrase, source, appositive",
            (false, false, false) => "paraphrase, source",
        }
    } else if quoted {
        "source first, quote"
    } else {
        "source first, paraphrase"
    };
    // The verb and the space before it go.
    let cut_start = text[..cue.start].trim_end().len().max(s.start);
    let new = format!("{}{}", &text[s.start..cut_start], &text[cue.end..s.end]);
    let (_, found) = recheck(
        story,
        registry,
        p,
        s,
        &new,
        &text[..p.range.start],
        Code::IncompleteAttribution,
    );
    let hit = found.is_some();
    // A mark where the verb was, to group the misses by what surrounds the cut.
    let marked = || {
        let at = cut_start - s.start;
        one_line(&format!("{} \u{2038}{}", &new[..at], &new[at..]))
    };
    let example = || format!("{}: {}", story.name, marked());
    report.cut_verbs.add(hit, false, example);
    report
        .by_position
        .entry(position)
        .or_default()
        .add(hit, !hit, example);
}
