//! Command-line parsing and dispatch.

mod batch;
mod check;
mod registry;
mod report;

use clap::{Parser, Subcommand, ValueEnum};
use copydesk::analysis::Code;
use std::path::PathBuf;
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  copydesk check drafts/                      check every .md, .markdown and .txt under drafts/
  copydesk check --registry people.json story.md
  copydesk check --format json --date 2025-08-26 story.md
  copydesk check --fail-on warning --format sarif drafts/ > copydesk.sarif
  copydesk check --format jsonl archive/ > findings.jsonl   one finding a line, as files finish
  copydesk registry check registry/*.json     validate registry files
  copydesk registry build registry/*.json -o registry.idx   prebuilt index, mapped instead of parsed
  copydesk registry export-default > world.json   the built-in registry, to start your own
  copydesk registry schema > registry.schema.json   JSON Schemas for editors (also: config schema)
  copydesk explain name-misspelling           what a finding code flags, and why
  copydesk lsp                                run the language server on stdin/stdout";

#[derive(Parser)]
#[command(name = "copydesk", version, about = "Editorial fact-checking for news drafts: attribution, titles and names against a registry.", after_help = EXAMPLES)]
struct Cli {
    /// Run the language server on stdin/stdout (what VS Code's client passes).
    #[arg(long)]
    stdio: bool,
    /// The language server's log level on stderr: error, warn, info, debug or trace, or a
    /// tracing filter (default: the COPYDESK_LOG variable, else warn).
    #[arg(long, global = true, value_name = "LEVEL")]
    log_level: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check drafts and print findings.
    #[command(
        after_help = "Examples:\n  copydesk check story.md\n  copydesk check --registry people.json --format json drafts/\n  copydesk check --date 2025-08-26 --fail-on warning story.md\n\nExit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on a usage error, an unreadable file or a registry that fails to load."
    )]
    Check(CheckArgs),
    /// Run the language server on stdin/stdout.
    #[command(
        after_help = "Example:\n  copydesk lsp --log-level debug\n\nEditors start this themselves; see the README for VS Code and Neovim."
    )]
    Lsp {
        /// Accepted for editors that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Print what a finding code flags, why, and a wrong and a right example.
    #[command(after_help = "Example:\n  copydesk explain unattributed-claim")]
    Explain {
        /// The finding code.
        #[arg(value_name = "CODE", value_parser = code_parser())]
        code: String,
    },
    /// Work with registry files.
    Registry {
        #[command(subcommand)]
        command: RegistryCommand,
    },
    /// Work with copydesk.json.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
}

#[derive(Subcommand)]
enum RegistryCommand {
    /// Validate registry files; print every problem as file:line:column: message.
    #[command(
        after_help = "Example:\n  copydesk registry check registry/people.json registry/institutions.json\n\nExit status: 0 when all are valid, 1 when any problem is found, 2 when a file cannot be read."
    )]
    Check {
        /// Registry files to validate.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Write a prebuilt index of registry files, read in place instead of parsed.
    #[command(
        after_help = "Example:\n  copydesk registry build registry/people.json registry/institutions.json -o registry.idx\n\nThe index stands wherever a registry path is accepted (--registry, the config's \"registries\").\nThe JSON stays the source of truth: rebuild the index when it changes (copydesk warns when it is stale).\n\nExit status: 0 when written, 2 when a registry fails to load or the index cannot be written."
    )]
    Build {
        /// Registry JSON files, merged in order as when loaded.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the index (conventionally `*.idx`).
        #[arg(short, long, value_name = "INDEX")]
        output: PathBuf,
    },
    /// Write the built-in default registry as registry JSON on stdout.
    #[command(
        after_help = "Example:\n  copydesk registry export-default > registry/world.json\n\nA newsroom can start its own registry from it; with \"default_registry\": \"merge\" its entities win over the default ones."
    )]
    ExportDefault,
    /// Print the JSON Schema of registry files.
    #[command(
        after_help = "Example:\n  copydesk registry schema > registry.schema.json\n\nPoint your editor's JSON support at it for completion and validation of registry files."
    )]
    Schema,
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Print the JSON Schema of copydesk.json.
    #[command(after_help = "Example:\n  copydesk config schema > copydesk.schema.json")]
    Schema,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Human,
    Json,
    Sarif,
    /// One JSON object a line, one per finding, printed as each file finishes.
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Information,
    Never,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check (folders are walked for .md, .markdown and .txt).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// A registry file to load, in addition to those the config names (repeatable).
    #[arg(long, value_name = "PATH")]
    pub registry: Vec<PathBuf>,
    /// The config file (default: copydesk.json in the current folder or a parent).
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// How to print findings.
    #[arg(long, value_enum, default_value = "human")]
    pub format: OutputFormat,
    /// The story's date, YYYY-MM-DD (overrides the document's own date).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<time::Date>,
    /// The lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
    /// Files checked at once (default 0: one per core). Use 1 when an outer tool already runs
    /// one copydesk per core.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    /// Do not use the built-in registry of countries, leaders and organisations.
    #[arg(long)]
    pub no_default_registry: bool,
}

fn parse_date_arg(s: &str) -> Result<time::Date, String> {
    copydesk::analysis::parse_date(s)
        .ok_or_else(|| format!("`{s}` is not a date of the form YYYY-MM-DD"))
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Registry {
            command: RegistryCommand::Check { paths },
        }) => registry::run(&paths),
        Some(Command::Registry {
            command: RegistryCommand::Build { paths, output },
        }) => registry::build(&paths, &output),
        Some(Command::Registry {
            command: RegistryCommand::ExportDefault,
        }) => registry::export_default(),
        Some(Command::Registry {
            command: RegistryCommand::Schema,
        }) => print_json(&copydesk::schema::registry()),
        Some(Command::Config {
            command: ConfigCommand::Schema,
        }) => print_json(&copydesk::schema::config()),
        Some(Command::Explain { code }) => explain(&code),
        Some(Command::Lsp { .. }) => lsp(cli.log_level.as_deref()),
        None if cli.stdio => lsp(cli.log_level.as_deref()),
        None => {
            use clap::CommandFactory;
            let _ = Cli::command().print_help();
            ExitCode::from(2)
        }
    }
}

/// The finding codes as clap's possible values, so an unknown code is a usage error that lists
/// the known ones.
fn code_parser() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Code::ALL.iter().map(|c| c.as_str()))
}

fn print_json(value: &serde_json::Value) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("copydesk: {e}");
            ExitCode::from(2)
        }
    }
}

fn explain(code: &str) -> ExitCode {
    let Some(code) = Code::parse(code) else {
        return ExitCode::from(2);
    };
    println!(
        "{code} (default: {})\n\n{}",
        code.default_name(),
        code.explanation()
    );
    ExitCode::SUCCESS
}

fn lsp(log_level: Option<&str>) -> ExitCode {
    match copydesk::lsp::run_stdio(log_level) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("copydesk: cannot start the language server: {e}");
            ExitCode::from(2)
        }
    }
}
