//! Findings: what a check reports, in byte ranges of the source text.
//!
//! Nothing here knows about lines, columns or UTF-16; adapters convert ranges at the edge.

use std::fmt;
use std::ops::Range;

/// The stable finding codes of the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    UnattributedClaim,
    IncompleteAttribution,
    NameMisspelling,
    TitleMismatch,
    TitleInconsistent,
}

impl Code {
    pub const ALL: [Code; 5] = [
        Code::UnattributedClaim,
        Code::IncompleteAttribution,
        Code::NameMisspelling,
        Code::TitleMismatch,
        Code::TitleInconsistent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnattributedClaim => "unattributed-claim",
            Code::IncompleteAttribution => "incomplete-attribution",
            Code::NameMisspelling => "name-misspelling",
            Code::TitleMismatch => "title-mismatch",
            Code::TitleInconsistent => "title-inconsistent",
        }
    }

    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The contract's default severity.
    pub fn default_severity(self) -> Severity {
        match self {
            Code::NameMisspelling => Severity::Error,
            _ => Severity::Warning,
        }
    }

    /// What the finding means and why an editor cares; shown on hover and in `--help`.
    pub fn explanation(self) -> &'static str {
        match self {
            Code::UnattributedClaim => "This sentence asserts something a reader would want sourced (a figure, an evaluation, a superlative, a cause, a prediction or an allegation) and nobody stands behind it. Attribute it, or make sure it is the publication's own established fact.",
            Code::IncompleteAttribution => "A source is named but the attribution is broken: a reporting verb is missing, \"according to\" names nobody, or a quotation is never attributed. Readers cannot tell who said it.",
            Code::NameMisspelling => "This name is close to, but not, the registry's spelling. Misspelled names are among the most visible errors a story can carry and need a correction once published.",
            Code::TitleMismatch => "This title disagrees with the role the registry gives this person on the story's date. Old or wrong titles are a common source of corrections.",
            Code::TitleInconsistent => "This person carries two different titles in one story. Readers are left to wonder which is right.",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How loud a finding is, in LSP order (error is the loudest).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "information" | "info" => Some(Severity::Information),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

/// One replacement of source bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub new_text: String,
}

/// A fix an editor can apply as one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix that replaces one range.
    pub fn replace(
        title: impl Into<String>,
        range: Range<usize>,
        new_text: impl Into<String>,
    ) -> Fix {
        Fix {
            title: title.into(),
            edits: vec![Edit {
                range,
                new_text: new_text.into(),
            }],
        }
    }
}

/// Another place in the document that explains a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub range: Range<usize>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub range: Range<usize>,
    /// The registry id of the entity concerned, where there is one.
    pub entity: Option<String>,
    pub fixes: Vec<Fix>,
    pub related: Vec<Related>,
}

impl Finding {
    /// A finding at the code's default severity; configuration adjusts it later.
    pub fn new(code: Code, range: Range<usize>, message: impl Into<String>) -> Finding {
        Finding {
            code,
            severity: code.default_severity(),
            message: message.into(),
            range,
            entity: None,
            fixes: Vec::new(),
            related: Vec::new(),
        }
    }

    pub fn with_entity(mut self, id: &str) -> Finding {
        self.entity = Some(id.to_string());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Finding {
        self.fixes.push(fix);
        self
    }

    pub fn with_related(mut self, range: Range<usize>, message: impl Into<String>) -> Finding {
        self.related.push(Related {
            range,
            message: message.into(),
        });
        self
    }
}
