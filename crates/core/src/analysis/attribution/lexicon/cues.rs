//! The attribution cues, read from `cues.txt` (one entry a line: its forms, its category and
//! a made-up example sentence) and matched as whole words (see [`super::phrases`]).

use super::phrases::{lines, Phrases};
// Fixed word lists, not attacker-chosen: a fast hash beats SipHash's flooding resistance here.
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

const DATA: &str = include_str!("cues.txt");

/// What a cue does; see the head of `cues.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Speech,
    Weak,
    Stance,
    Verdict,
    VagueSource,
    StanceAdjective,
    Tally,
    Put,
    Setting,
    Audience,
    Channel,
    Document,
    Data,
    DataLink,
    DocumentSetting,
    RuleSetting,
    Poll,
    Respondent,
    Anonymous,
    OpinionNoun,
    ViewSetting,
    RegardAs,
}

impl Category {
    fn parse(name: &str) -> Option<Category> {
        Some(match name {
            "speech" => Category::Speech,
            "weak" => Category::Weak,
            "stance" => Category::Stance,
            "verdict" => Category::Verdict,
            "vague-source" => Category::VagueSource,
            "stance-adjective" => Category::StanceAdjective,
            "tally" => Category::Tally,
            "put" => Category::Put,
            "setting" => Category::Setting,
            "audience" => Category::Audience,
            "channel" => Category::Channel,
            "document" => Category::Document,
            "data" => Category::Data,
            "data-link" => Category::DataLink,
            "document-setting" => Category::DocumentSetting,
            "rule-setting" => Category::RuleSetting,
            "poll" => Category::Poll,
            "respondent" => Category::Respondent,
            "anonymous" => Category::Anonymous,
            "opinion-noun" => Category::OpinionNoun,
            "view-setting" => Category::ViewSetting,
            "regard-as" => Category::RegardAs,
            _ => return None,
        })
    }
}

/// One line of the lexicon.
pub struct Entry {
    pub forms: Vec<&'static str>,
    pub category: Category,
    /// Read by the test that checks every entry attributes its example.
    #[cfg(test)]
    pub example: &'static str,
}

/// Every entry of `cues.txt`, in order. A malformed line is a bug in the data file, which the
/// lexicon's own test reports.
pub fn entries() -> impl Iterator<Item = Result<Entry, &'static str>> {
    lines(DATA).map(|line| {
        let line = line?;
        Ok(Entry {
            category: Category::parse(line.category).ok_or(line.category)?,
            forms: line.forms,
            #[cfg(test)]
            example: line.example,
        })
    })
}

/// The lexicon, by use.
pub struct Cues {
    /// Attribute wherever they stand.
    pub speech: Phrases,
    /// Attribute with a source before or a report after: weak verbs, stance verbs and
    /// adjectives.
    pub weak: Phrases,
    /// Belief and stance verbs: a plural subject or a complement makes them cues.
    pub stances: HashSet<&'static str>,
    /// Stance verbs that judge someone: "accuse", "blame".
    pub verdicts: HashSet<&'static str>,
    /// "Many", "some": a source of their own before a verb.
    pub vague_sources: HashSet<&'static str>,
    pub stance_adjectives: HashSet<&'static str>,
    /// "put", "puts", "putting", and what is put "at" a figure.
    pub put: Phrases,
    pub tallies: HashSet<&'static str>,
    /// Where something was said: "in a statement", "at a news conference".
    pub settings: Phrases,
    /// Whom a verb reports to: "to reporters".
    pub audiences: Phrases,
    /// Where a verb reports: "on social media".
    pub channels: Phrases,
    /// What a past-tense weak verb may report from: "the annual report".
    pub documents: HashSet<&'static str>,
    /// Data nouns that name their source after a link: "figures released by".
    pub data: HashSet<&'static str>,
    pub data_links: Phrases,
    /// Documents and data after "in": "in the latest city poll".
    pub document_settings: HashSet<&'static str>,
    /// Rules and plans after "under": "under the new law".
    pub rule_settings: HashSet<&'static str>,
    /// Polls, which frame a figure after "in" wherever it stands: "9 points behind in the polls".
    pub polls: HashSet<&'static str>,
    /// Who answered a poll: "the voters polled", "respondents".
    pub respondents: HashSet<&'static str>,
    /// Sources a story says it does not name: "people familiar with", "a source close to".
    pub anonymous: Phrases,
    /// Opinions someone holds, the subject of "is that": "Their fear is that ...".
    pub opinion_nouns: HashSet<&'static str>,
    /// Views after "in" and their holder: "In the mayor's view, ...".
    pub view_settings: HashSet<&'static str>,
    /// Verbs of regard, which attribute with "as" after their object: "see the plan as".
    pub regards: Phrases,
}

pub static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let all: Vec<Entry> = entries().filter_map(Result::ok).collect();
    let forms = |keep: &dyn Fn(Category) -> bool| -> Vec<&'static str> {
        all.iter()
            .filter(|e| keep(e.category))
            .flat_map(|e| e.forms.iter().copied())
            .collect()
    };
    Cues {
        speech: Phrases::new(forms(&|c| c == Category::Speech)),
        weak: Phrases::new(forms(&|c| {
            matches!(
                c,
                Category::Weak | Category::Stance | Category::Verdict | Category::StanceAdjective
            )
        })),
        stances: forms(&|c| matches!(c, Category::Stance | Category::Verdict))
            .into_iter()
            .collect(),
        verdicts: forms(&|c| c == Category::Verdict).into_iter().collect(),
        vague_sources: forms(&|c| c == Category::VagueSource).into_iter().collect(),
        stance_adjectives: forms(&|c| c == Category::StanceAdjective)
            .into_iter()
            .collect(),
        put: Phrases::new(forms(&|c| c == Category::Put)),
        tallies: forms(&|c| c == Category::Tally).into_iter().collect(),
        settings: Phrases::new(forms(&|c| c == Category::Setting)),
        audiences: Phrases::new(forms(&|c| c == Category::Audience)),
        channels: Phrases::new(forms(&|c| c == Category::Channel)),
        documents: forms(&|c| c == Category::Document).into_iter().collect(),
        data: forms(&|c| c == Category::Data).into_iter().collect(),
        data_links: Phrases::new(forms(&|c| c == Category::DataLink)),
        document_settings: forms(&|c| c == Category::DocumentSetting)
            .into_iter()
            .collect(),
        rule_settings: forms(&|c| c == Category::RuleSetting).into_iter().collect(),
        polls: forms(&|c| c == Category::Poll).into_iter().collect(),
        respondents: forms(&|c| c == Category::Respondent).into_iter().collect(),
        anonymous: Phrases::new(forms(&|c| c == Category::Anonymous)),
        opinion_nouns: forms(&|c| c == Category::OpinionNoun).into_iter().collect(),
        view_settings: forms(&|c| c == Category::ViewSetting).into_iter().collect(),
        regards: Phrases::new(forms(&|c| c == Category::RegardAs)),
    }
});

/// The one-word forms of the reporting verbs, speech, weak and stance ("said", "told",
/// "reported", "believed": a stance is reported as words are), for readers outside
/// attribution that ask whether a word reports.
pub static REPORTING_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    entries()
        .filter_map(Result::ok)
        .filter(|e| {
            matches!(
                e.category,
                Category::Speech | Category::Weak | Category::Stance | Category::Verdict
            )
        })
        .flat_map(|e| e.forms)
        .filter(|f| !f.contains(' ') && !f.ends_with('*'))
        .collect()
});
