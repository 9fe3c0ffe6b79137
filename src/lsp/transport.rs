//! Serving the language server's service over byte streams, in place of tower-lsp-server's
//! `Server`.
//!
//! That server's reader decodes every message through an untagged enum, for which serde buffers
//! the whole body and copies it before trying each variant: a 10 MB `didOpen` took about 80 ms
//! to decode, and a hover sent right behind it waited as long (benches/README.md). Here
//! [`frames`](super::frames) decodes each body once. Everything else is as that server does
//! it: requests go to the service in the order they arrive and their handlers start in that
//! order (so an edit is applied before the next message's handler runs), up to four run at
//! once inside this one future, their answers and the server's own requests to the client go
//! out as frames, the client's answers go to the requests waiting for them, and serving ends
//! after `exit` or at the end of the input.

use super::frames::{self, Message};
use futures::channel::mpsc;
use futures::{future, stream, SinkExt, StreamExt};
use std::fmt::Display;
use tokio::io::{AsyncRead, AsyncWrite, BufReader};
use tower_lsp_server::jsonrpc::{Request, Response};
use tower_lsp_server::ClientSocket;
use tower_service::Service;

/// How many handlers run at once (tower-lsp-server's default, kept).
const CONCURRENCY: usize = 4;

/// How many requests may wait for a handler before reading the input pauses.
const QUEUE: usize = 100;

/// Reads messages from `input` into `service` and writes its answers and requests to
/// `output`, until `exit` or the end of the input.
pub async fn serve<I, O, S>(input: I, output: O, mut service: S, socket: ClientSocket)
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
    S: Service<Request, Response = Option<Response>>,
    S::Error: Display,
{
    let (to_client, mut client_answers) = socket.split();
    let (to_client, stop_asking) = stream::abortable(to_client);
    let (mut queue, queued) = mpsc::channel(QUEUE);
    let answers = queued.buffer_unordered(CONCURRENCY).filter_map(
        |answer: Result<Option<Response>, S::Error>| {
            future::ready(answer.unwrap_or_else(|e| {
                tracing::error!("{e}");
                None
            }))
        },
    );
    let mut outgoing = stream::select(
        answers.map(Message::Response),
        to_client.map(Message::Request),
    );

    // Owning the outgoing stream, the writer drops the handlers when the client is gone, and
    // the reader then stops at its next request.
    let write = async move {
        tokio::pin!(output);
        while let Some(message) = outgoing.next().await {
            if let Err(e) = frames::write(&mut output, &message).await {
                tracing::error!("cannot write to the client: {e}");
                return;
            }
        }
    };

    let read = async {
        let mut input = BufReader::new(input);
        while let Some(message) = frames::next_message(&mut input).await {
            match message {
                Message::Request(request) => {
                    if let Err(e) = future::poll_fn(|cx| service.poll_ready(cx)).await {
                        tracing::error!("{e}");
                        break;
                    }
                    // The protocol ends the server at `exit`; a client need not close its end.
                    let exit = request.method() == "exit";
                    if queue.send(service.call(request)).await.is_err() || exit {
                        break;
                    }
                }
                Message::Response(response) => {
                    if client_answers.send(response).await.is_err() {
                        break;
                    }
                }
            }
        }
        queue.disconnect();
        stop_asking.abort();
    };

    tokio::join!(read, write);
}
