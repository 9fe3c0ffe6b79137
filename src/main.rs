//! The `copydesk` binary: a thin adapter from the command line to the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
