//! The words that make a sentence a claim, read from `claims.txt` (one entry a line: its
//! forms, the kind of claim, a made-up example) and matched as whole words.

use super::phrases::{lines, Line, Phrases};
// Fixed word lists, not attacker-chosen: a fast hash beats SipHash's flooding resistance here.
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

const DATA: &str = include_str!("claims.txt");

/// The categories of `claims.txt`, as written there.
#[cfg(test)]
pub const CATEGORIES: &[&str] = &[
    "superlative",
    "allegation",
    "cause",
    "prediction",
    "evaluation",
    "judging-adjective",
    "judged-noun",
    "predicate",
    "opinion",
    "verdict",
    "plain-form",
    "comparative",
    "report-noun",
];

/// Every line of `claims.txt`; a malformed one comes back as an error for the test.
pub fn entries() -> impl Iterator<Item = Result<Line, &'static str>> {
    lines(DATA)
}

pub struct ClaimWords {
    pub superlative: Phrases,
    pub allegation: Phrases,
    pub cause: Phrases,
    /// Modals and "is expected to" ...: the verb after them says whether they predict.
    pub prediction: Phrases,
    pub evaluation: Phrases,
    pub judging_adjectives: HashSet<&'static str>,
    pub judged_nouns: HashSet<&'static str>,
    /// Adjectives that judge what a copula says they are of: "is dangerous".
    pub predicates: HashSet<&'static str>,
    /// Adjectives that judge what they are said of: "is not good", "too weak".
    pub opinion: HashSet<&'static str>,
    /// Adjectives that judge whatever they describe, after an article too: "a ridiculous
    /// decision".
    pub verdicts: HashSet<&'static str>,
    /// Words shaped like superlatives or adjectives of degree that judge nothing: "latest".
    pub plain_forms: HashSet<&'static str>,
    /// Comparatives that compare where a "than" completes them: "cheaper than".
    pub comparatives: HashSet<&'static str>,
    /// Nouns of saying and thinking whose "that" opens someone's statement: "fears that".
    pub report_nouns: HashSet<&'static str>,
}

pub static CLAIM_WORDS: LazyLock<ClaimWords> = LazyLock::new(|| {
    let all: Vec<Line> = entries().filter_map(Result::ok).collect();
    let forms = |category: &str| -> Vec<&'static str> {
        all.iter()
            .filter(|l| l.category == category)
            .flat_map(|l| l.forms.iter().copied())
            .collect()
    };
    ClaimWords {
        superlative: Phrases::new(forms("superlative")),
        allegation: Phrases::new(forms("allegation")),
        cause: Phrases::new(forms("cause")),
        prediction: Phrases::new(forms("prediction")),
        evaluation: Phrases::new(forms("evaluation")),
        judging_adjectives: forms("judging-adjective").into_iter().collect(),
        judged_nouns: forms("judged-noun").into_iter().collect(),
        predicates: forms("predicate").into_iter().collect(),
        opinion: forms("opinion").into_iter().collect(),
        verdicts: forms("verdict").into_iter().collect(),
        plain_forms: forms("plain-form").into_iter().collect(),
        comparatives: forms("comparative").into_iter().collect(),
        report_nouns: forms("report-noun").into_iter().collect(),
    }
});
