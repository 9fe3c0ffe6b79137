//! The checks, one module each, and the one table of their finding codes.
//!
//! Each check module declares its codes with [`codes!`]: the code's name, its default
//! severity, and its explanation, which is the doc comment above it (what it flags, why, a wrong
//! and a right example). The table at the bottom of this file lists each check with its codes;
//! from it come [`Code`], [`ALL`], `copydesk explain`, hover, SARIF rules, and (through
//! `tests/analysis/generated_docs.rs`) the editors' settings, the README table and the fuzz dictionary.
//! Adding a check is one module and one entry in the table.

use super::{Check, Severity};

/// Declares a check's finding codes, each with its doc comment as the explanation:
///
/// ```text
/// codes! {
///     /// What it flags, in one or two sentences (the first paragraph is the summary).
///     ///
///     /// Why: why an editor cares.
///     ///
///     /// Wrong: a sentence it flags.
///     ///
///     /// Right: the same sentence put right.
///     QuoteMismatch = "quote-mismatch", Warning;
/// }
/// ```
///
/// A code written `..., Information, off;` is off until the configuration turns it on, and
/// then has that severity.
macro_rules! codes {
    ($($(#[doc = $doc:literal])+ $code:ident = $name:literal, $severity:ident $(, $off:ident)?;)+) => {
        $(
            #[allow(non_upper_case_globals)]
            pub(super) static $code: $crate::analysis::checks::CodeInfo =
                $crate::analysis::checks::CodeInfo {
                    name: $name,
                    default_severity: $crate::analysis::Severity::$severity,
                    on_by_default: <[&str]>::is_empty(&[$(stringify!($off))?]),
                    doc: concat!($($doc, "\n"),+),
                };
        )+
    };
}

mod attribution;
mod names;
mod titles;

/// What the table knows about one finding code.
#[derive(Debug)]
pub struct CodeInfo {
    /// The stable name of the contract ("name-misspelling").
    pub name: &'static str,
    /// The severity when on (by default, or once the configuration names the code).
    pub default_severity: Severity,
    /// Off codes are notes a newsroom opts into (`"vague-source": "information"`).
    pub on_by_default: bool,
    /// The doc comment as written, one leading space on each line.
    doc: &'static str,
}

impl CodeInfo {
    /// The explanation: what the code flags, why, a wrong and a right example.
    /// Paragraphs are unwrapped to one line each and separated by a blank line, so the text
    /// reads the same in a terminal and as Markdown in a hover.
    pub fn explanation(&self) -> String {
        self.paragraphs().collect::<Vec<_>>().join("\n\n")
    }

    /// The first paragraph of the explanation: what the code flags.
    pub fn summary(&self) -> String {
        self.paragraphs().next().unwrap_or_default()
    }

    /// The doc comment's paragraphs (separated by a blank `///` line), each on one line.
    fn paragraphs(&self) -> impl Iterator<Item = String> {
        let mut paragraphs = vec![String::new()];
        for line in self.doc.lines().map(str::trim) {
            let last = paragraphs.len() - 1;
            if line.is_empty() {
                if !paragraphs[last].is_empty() {
                    paragraphs.push(String::new());
                }
            } else {
                if !paragraphs[last].is_empty() {
                    paragraphs[last].push(' ');
                }
                paragraphs[last].push_str(line);
            }
        }
        paragraphs.into_iter().filter(|p| !p.is_empty())
    }
}

/// One check in the table.
pub struct CheckEntry {
    /// The check's module name, used when it fails (`Analysis::failed_checks`).
    pub name: &'static str,
    pub check: &'static dyn Check,
    /// The codes it reports: when the configuration turns all of them off, it does not run.
    pub codes: &'static [Code],
}

/// Builds [`Code`] and [`ALL`] from the table.
macro_rules! table {
    ($($module:ident :: $check:ident => $($code:ident),+ ;)+) => {
        /// The stable finding codes of the contract, in the table's order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($($code,)+)+
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$($(Code::$code,)+)+];

            /// Everything the table knows about this code.
            pub fn info(self) -> &'static CodeInfo {
                match self {
                    $($(Code::$code => &$module::$code,)+)+
                }
            }
        }

        /// Every check with its codes. Adding a check is one module and one line here.
        pub static ALL: &[CheckEntry] = &[
            $(CheckEntry {
                name: stringify!($module),
                check: &$module::$check,
                codes: &[$(Code::$code),+],
            },)+
        ];
    };
}

table! {
    attribution::Attribution => UnattributedClaim, IncompleteAttribution, VagueSource;
    names::Names => NameMisspelling;
    titles::Titles => TitleMismatch, TitleInconsistent;
}

impl Code {
    pub fn as_str(self) -> &'static str {
        self.info().name
    }

    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == s)
    }

    /// The severity the code has when on: by default, unless it is off by default.
    pub fn default_severity(self) -> Severity {
        self.info().default_severity
    }

    /// The severity with no configuration: `None` for a code that is off by default.
    pub fn default_level(self) -> Option<Severity> {
        self.info()
            .on_by_default
            .then_some(self.info().default_severity)
    }

    /// The default as the configuration writes it: "warning", or "off".
    pub fn default_name(self) -> &'static str {
        self.default_level().map_or("off", Severity::as_str)
    }

    /// What the code flags, why, and a wrong and a right example; shown by `copydesk explain`
    /// and on hover.
    pub fn explanation(self) -> String {
        self.info().explanation()
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn every_code_explains_what_why_and_a_wrong_and_a_right_example() {
        for &code in Code::ALL {
            let text = code.explanation();
            assert!(!code.info().summary().is_empty(), "{code}");
            for part in ["\n\nWhy: ", "\n\nWrong: ", "\n\nRight: "] {
                assert!(text.contains(part), "{code} lacks {part:?}: {text}");
            }
            assert_eq!(Code::parse(code.as_str()), Some(code));
        }
    }

    #[test]
    fn code_names_are_unique_and_lower_kebab_case() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert!(names
            .iter()
            .all(|n| n.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
    }
}
