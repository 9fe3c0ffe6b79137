//! The analysis core: a draft and a registry in, findings out.
//!
//! Pure: no IO, no clock, no LSP. Offsets are bytes into the source text. Analysis never fails
//! on input text; a check that panics loses its own findings, not the others'.

pub mod attribution;
pub mod checks;
mod disable;
pub mod document;
pub mod finding;
mod markdown;
pub mod mention;
pub mod sentence;
pub mod titles;
pub mod tokens;

pub use document::{parse_date, Block, BlockKind, Document, Format};
pub use finding::{Code, Edit, Finding, Fix, Related, Severity};
pub use mention::{find_mentions, Memo, Mention, Reference, Spelling};

use crate::registry::Registry;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;
use time::Date;
use titles::TitleMention;
use tokens::Tokens;

/// Per-code severity, as configured; `None` switches a code off.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SeverityMap(HashMap<Code, Option<Severity>>);

impl SeverityMap {
    pub fn set(&mut self, code: Code, severity: Option<Severity>) {
        self.0.insert(code, severity);
    }

    /// Takes every severity `other` sets explicitly, keeping ours for the rest.
    pub fn overlay(&mut self, other: &SeverityMap) {
        self.0.extend(other.0.iter().map(|(&c, &s)| (c, s)));
    }

    /// The severity for `code`, `None` when it is off.
    pub fn get(&self, code: Code) -> Option<Severity> {
        self.0.get(&code).copied().unwrap_or(code.default_level())
    }
}

/// What an analysis needs besides the text and the registry.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Overrides the document's own date (`--date`).
    pub date: Option<Date>,
    /// The date to use when neither `date` nor the document gives one.
    pub today: Date,
    pub severity: SeverityMap,
    /// `titles.historical`: how a title held at the time a sentence describes is treated.
    pub historical: Historical,
}

/// How a newsroom writes a title the person held at the time a sentence describes but no
/// longer holds ("In 2021, Prime Minister Boris Johnson ...").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Historical {
    /// AP style: it must be written "then-Prime Minister".
    #[default]
    Then,
    /// "then-" or "former" are both accepted.
    Former,
    /// No finding when the sentence is clearly about that time.
    Allow,
}

impl Historical {
    pub fn parse(s: &str) -> Option<Historical> {
        match s {
            "then" => Some(Historical::Then),
            "former" => Some(Historical::Former),
            "allow" => Some(Historical::Allow),
            _ => None,
        }
    }
}

/// What a check reads.
pub struct Context<'a> {
    pub source: &'a str,
    pub document: &'a Document,
    /// The document's blocks split into sentences and words, once for every reader.
    pub tokens: &'a Tokens<'a>,
    pub registry: &'a Registry,
    pub mentions: &'a [Mention],
    /// The story's date: roles are checked as held on it.
    pub date: Date,
    /// The titles written next to person mentions (see [`titles::find_titles`]).
    pub titles: &'a [TitleMention],
    pub historical: Historical,
    /// Which sentences of each paragraph are attributed, make claims or break an attribution:
    /// read on first use, reusing the last analysis's unchanged paragraphs.
    pub attribution: &'a attribution::Readings<'a>,
}

/// One check: reads the context, reports findings.
pub trait Check: Sync {
    fn run(&self, cx: &Context, out: &mut Vec<Finding>);
}

/// The result of analysing one draft.
#[derive(Debug)]
pub struct Analysis {
    pub document: Document,
    pub mentions: Vec<Mention>,
    /// Titles next to person mentions, in document order: read once, for the checks and hover.
    pub titles: Vec<TitleMention>,
    pub date: Date,
    /// Sorted by position; configured severities applied, switched-off findings removed.
    pub findings: Vec<Finding>,
    /// Checks that failed internally (a bug, never the input's fault), by name.
    pub failed_checks: Vec<&'static str>,
    /// The blocks' mention searches, for [`reanalyze`].
    pub memo: Memo,
    /// The paragraphs' attribution readings, for [`reanalyze`].
    pub attribution_memo: attribution::Memo,
}

pub fn analyze(source: &str, format: Format, registry: &Registry, settings: &Settings) -> Analysis {
    analyze_reusing(None, source, format, registry, settings, &|| false)
        .expect("an analysis nobody cancels finishes")
}

/// Analyses a new text of the draft `previous` analysed: the same result as [`analyze`], but a
/// block whose text is unchanged, against the same registry, reuses its mention search (the
/// costly part: see [`Memo`]) when nothing it depended on in the blocks before it changed, and
/// a paragraph whose text and carried state (an open quotation, a lead-in) are unchanged
/// reuses its attribution readings ([`attribution::Memo`]). What else the story carries into
/// a block (second references, titles across mentions) is read afresh, so an edit is seen
/// wherever it matters.
pub fn reanalyze(
    previous: &Analysis,
    source: &str,
    format: Format,
    registry: &Registry,
    settings: &Settings,
) -> Analysis {
    analyze_reusing(Some(previous), source, format, registry, settings, &|| {
        false
    })
    .expect("an analysis nobody cancels finishes")
}

/// [`reanalyze`] (or, with no previous analysis, [`analyze`]) that gives up as soon as
/// `cancelled` says so, returning `None`: a server asks it whether the text has changed
/// again, so a long analysis of a huge draft does not finish for a version nobody has any more.
/// It is asked before each block's mention search and before each check.
pub fn reanalyze_unless(
    previous: Option<&Analysis>,
    source: &str,
    format: Format,
    registry: &Registry,
    settings: &Settings,
    cancelled: &dyn Fn() -> bool,
) -> Option<Analysis> {
    analyze_reusing(previous, source, format, registry, settings, cancelled)
}

fn analyze_reusing(
    previous: Option<&Analysis>,
    source: &str,
    format: Format,
    registry: &Registry,
    settings: &Settings,
    cancelled: &dyn Fn() -> bool,
) -> Option<Analysis> {
    let document = Document::parse(source, format);
    let date = settings.date.or(document.date).unwrap_or(settings.today);
    let mut failed_checks = Vec::new();
    let tokens = Tokens::new(&document);
    let (none, no_readings) = (Memo::default(), attribution::Memo::default());
    let memo = previous.map_or(&none, |p| &p.memo);
    let readings = attribution::Readings::new(
        &tokens,
        previous.map_or(&no_readings, |p| &p.attribution_memo),
    );
    let enabled = |codes: &[Code]| codes.iter().any(|&c| settings.severity.get(c).is_some());
    let reads_attribution = checks::ALL
        .iter()
        .any(|e| e.name == "attribution" && enabled(e.codes));
    // The attribution readings depend on the tokens alone: read on a second core while the
    // mentions are searched (the two are most of a long draft's check), and given up when
    // the analysis is cancelled. A panic there leaves the readings unread, and the
    // attribution check, reading them again, loses its findings as it would have alone.
    let given_up = AtomicBool::new(false);
    let found = std::thread::scope(|scope| {
        // The sender is dropped when the reading ends (finished, given up or panicked), which
        // wakes the wait below at once rather than at its next poll.
        let (ended, wait) = mpsc::channel::<()>();
        let reading = reads_attribution.then(|| {
            scope.spawn(|| {
                let _ended = ended;
                let stop = || given_up.load(Ordering::Relaxed);
                catch_unwind(AssertUnwindSafe(|| readings.read_unless(&stop)))
            })
        });
        let found = catch_unwind(AssertUnwindSafe(|| {
            mention::find_mentions_again(&tokens, registry, memo, cancelled)
        }));
        // `cancelled` is asked here, on this thread, while the readings finish.
        let stop = matches!(found, Ok(None));
        if stop {
            given_up.store(true, Ordering::Relaxed);
        } else if reading.is_some() {
            // Woken at once when the reading ends; otherwise every 1 ms to ask `cancelled`.
            while let Err(RecvTimeoutError::Timeout) = wait.recv_timeout(Duration::from_millis(1)) {
                if cancelled() {
                    given_up.store(true, Ordering::Relaxed);
                    break;
                }
            }
        }
        found
    });
    let (mentions, memo) = match found {
        Ok(found) => found?,
        Err(_) => {
            failed_checks.push("mentions");
            (Vec::new(), Memo::default())
        }
    };
    let reading = Context {
        source,
        document: &document,
        tokens: &tokens,
        registry,
        mentions: &mentions,
        date,
        titles: &[],
        historical: settings.historical,
        attribution: &readings,
    };
    let titles =
        catch_unwind(AssertUnwindSafe(|| titles::find_titles(&reading))).unwrap_or_else(|_| {
            failed_checks.push("titles");
            Vec::new()
        });
    let cx = Context {
        source,
        document: &document,
        tokens: &tokens,
        registry,
        mentions: &mentions,
        date,
        titles: &titles,
        historical: settings.historical,
        attribution: &readings,
    };
    let mut findings = Vec::new();

    for entry in checks::ALL {
        if cancelled() {
            return None;
        }
        if !enabled(entry.codes) {
            continue;
        }
        let mut out = Vec::new();
        match catch_unwind(AssertUnwindSafe(|| entry.check.run(&cx, &mut out))) {
            Ok(()) => findings.extend(out),
            Err(_) => failed_checks.push(entry.name),
        }
    }
    findings.retain_mut(|f| {
        let Some(severity) = settings.severity.get(f.code) else {
            return false;
        };
        f.severity = severity;
        document.suppressions.allows(f.code, f.range.start)
    });
    findings.sort_by(|a, b| {
        (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code))
    });
    let attribution_memo = readings.into_memo();
    Some(Analysis {
        document,
        mentions,
        titles,
        date,
        findings,
        failed_checks,
        memo,
        attribution_memo,
    })
}
