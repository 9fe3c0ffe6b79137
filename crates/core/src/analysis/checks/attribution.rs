//! `unattributed-claim`, `incomplete-attribution`, and the `vague-source` note (off unless
//! the configuration turns it on).
//!
//! What it flags: a sentence that asserts a figure, a superlative, an evaluation, a cause, a
//! prediction or an allegation in the reporter's own words with no attribution; and a broken
//! attribution: a source named with no reporting verb, "according to" naming nobody, a
//! quotation nobody is said to have said.
//! Why: an unsourced claim is the reporter's own assertion, and a broken attribution leaves
//! the reader guessing who is speaking.
//! Example: "Bilateral trade reached a record $245 billion last year." (a figure, no source);
//! "..., Yang Jin, an associate research fellow at CASS." (no verb).
//!
//! Headlines, headings, table cells and Markdown block quotes are not read. A missing verb
//! comes with a fix that inserts "said" where it belongs (the source is there); an unsourced
//! claim has none: only the reporter knows the source.

use crate::analysis::attribution::Broken;
use crate::analysis::{Check, Code, Context, Edit, Finding, Fix};

codes! {
    /// A sentence that asserts something a reader would want sourced (a figure or statistic,
    /// an evaluation, a superlative or "first/only", a cause, a prediction, an allegation) with
    /// no attribution in it or carried over from the sentence before.
    ///
    /// Why: an unsourced claim reads as the publication's own assertion; readers and editors
    /// need to know who stands behind it. Plain reporting of scheduled or observable events is
    /// not flagged.
    ///
    /// Wrong: Unemployment in the province fell to its lowest level in a decade.
    ///
    /// Right: Unemployment in the province fell to its lowest level in a decade, the statistics
    /// office said on Monday.
    UnattributedClaim = "unattributed-claim", Warning;

    /// A source is named but the attribution is broken: a source with no reporting verb,
    /// "according to" naming nobody, or a quotation nobody is said to have said.
    ///
    /// Why: readers cannot tell who said it, and a verb dropped in editing often leaves a
    /// dangling name behind.
    ///
    /// Wrong: The harbour will close for repairs in May, Ana Ruiz, the port's director.
    ///
    /// Right: The harbour will close for repairs in May, said Ana Ruiz, the port's director.
    IncompleteAttribution = "incomplete-attribution", Warning;

    /// An attribution to a source nobody can check: a group named by a plural common noun
    /// ("critics say", "some analysts said"), a pronoun of quantity ("many believe"), an unnamed
    /// official, or a source the story says it does not name ("people familiar with the
    /// matter"). Off unless turned on (at information level) in `copydesk.json`.
    ///
    /// Why: a vague source lets an opinion pass as a consensus; many style guides ask for a
    /// name, or for the reason a source cannot be named and how many there were.
    ///
    /// Wrong: The new stadium will never pay for itself, critics say.
    ///
    /// Right: The new stadium will never pay for itself, said Maria Ortiz, an economist at the
    /// city's university who has studied its finances.
    VagueSource = "vague-source", Information, off;
}

pub struct Attribution;

impl Check for Attribution {
    fn run(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (tokens, paragraph) in cx.tokens.blocks.iter().zip(cx.attribution.blocks()) {
            let Some(paragraph) = paragraph else {
                continue;
            };
            let block = tokens.block;
            let text = &block.text;
            for r in &paragraph.readings {
                if let Some((broken, range)) = &r.broken {
                    let source = range.clone();
                    let finding = match *broken {
                        Broken::MissingVerb { verb_at, comma } => {
                            let name = excerpt(source_name(&text[source.clone()]));
                            let said = if comma { ", said" } else { " said" };
                            let at = block.source_range(verb_at..verb_at).start;
                            Finding::new(
                                Code::IncompleteAttribution,
                                block.source_range(source),
                                format!("{name} is named as the source but no reporting verb says so: add \"said\" or \"told\"."),
                            )
                            .with_fix(Fix {
                                title: format!("Add \"said\" after {name}"),
                                edits: vec![Edit {
                                    range: at..at,
                                    new_text: said.to_string(),
                                }],
                            })
                        }
                        Broken::EmptyAccordingTo => Finding::new(
                            Code::IncompleteAttribution,
                            block.source_range(source),
                            "\"According to\" names no source: say according to whom.",
                        ),
                    };
                    out.push(finding);
                } else if let Some(quote) = &r.unattributed_quote {
                    out.push(Finding::new(
                        Code::IncompleteAttribution,
                        block.source_range(quote.start..r.sentence.end.max(quote.start)),
                        "Nobody is said to have said this quotation: attribute it.",
                    ));
                }
                if let Some(source) = &r.vague_source {
                    out.push(Finding::new(
                        Code::VagueSource,
                        block.source_range(source.clone()),
                        format!(
                            "The source (\"{}\") is vague: name who says so, or tell the reader why they cannot be named.",
                            excerpt(&text[source.clone()])
                        ),
                    ));
                }
                let unsourced = !r.attributed || r.own_claim;
                if let (Some(claim), true, None) = (&r.claim, unsourced, &r.broken) {
                    let message = format!(
                        "This sentence states {} (\"{}\") with no source: say who says so.",
                        claim.kind.noun(),
                        excerpt(&text[claim.phrase.clone()])
                    );
                    out.push(Finding::new(
                        Code::UnattributedClaim,
                        block.source_range(r.sentence.clone()),
                        message,
                    ));
                }
            }
        }
    }
}

/// The source itself, without its appositive: "Yang Jin" of "Yang Jin, an associate ...".
fn source_name(source: &str) -> &str {
    source.split(',').next().unwrap_or(source).trim()
}

/// A phrase for a message: one line, at most about 60 characters.
fn excerpt(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(60) {
        Some((i, _)) => format!("{}...", &one_line[..i]),
        None => one_line,
    }
}
