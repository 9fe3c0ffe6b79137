//! The language server driven in process over `tokio::io::duplex` by a client that speaks
//! JSON-RPC as an editor would (`client`): its features (`features`), hostile input and load
//! (`hostile`, `load`), and the latency figures (`latency -- --nocapture`).

mod client;
mod features;
mod hostile;
mod latency;
mod load;
