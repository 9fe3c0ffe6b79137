//! The `copydesk` binary run as a user or a CI job runs it, in temporary folders: commands,
//! formats, exit codes (`binary`), and hostile input that must give a clear error (`hostile`).

mod binary;
mod hostile;
