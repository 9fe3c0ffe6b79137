//! Keeping one failing handler from taking the editor's server down.
//!
//! tower-lsp-server polls every handler inside its one serving future, so a panic in any of
//! them would end the server. [`CatchPanic`] wraps the service: a panicking request is logged
//! and answered with an internal error, a panicking notification is logged, and serving goes on.

use futures::future::{BoxFuture, FutureExt};
use std::any::Any;
use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::task::{Context, Poll};
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Request, Response};
use tower_service::Service;

pub struct CatchPanic<S>(pub S);

impl<S> Service<Request> for CatchPanic<S>
where
    S: Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Option<Response>, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let id = request.id().cloned();
        let method = request.method().to_string();
        let handler = catch_unwind(AssertUnwindSafe(|| self.0.call(request)));
        async move {
            let outcome = match handler {
                Ok(handler) => AssertUnwindSafe(handler).catch_unwind().await,
                Err(panic) => Err(panic),
            };
            match outcome {
                Ok(result) => result,
                Err(panic) => {
                    let what = message(panic.as_ref());
                    tracing::error!(method, "handler panicked: {what}");
                    let error = Error {
                        code: ErrorCode::InternalError,
                        message: Cow::Owned(format!("copydesk failed on {method}: {what}")),
                        data: None,
                    };
                    Ok(id.map(|id| Response::from_error(id, error)))
                }
            }
        }
        .boxed()
    }
}

fn message(panic: &(dyn Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("unknown panic")
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::jsonrpc::Id;

    /// A service that panics on `boom` and answers everything else.
    struct Fragile;

    impl Service<Request> for Fragile {
        type Response = Option<Response>;
        type Error = ();
        type Future = BoxFuture<'static, Result<Option<Response>, ()>>;

        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), ()>> {
            Poll::Ready(Ok(()))
        }

        fn call(&mut self, request: Request) -> Self::Future {
            async move {
                assert_ne!(request.method(), "boom", "planted failure");
                let answer = |id| Response::from_ok(id, serde_json::Value::Null);
                Ok(request.id().cloned().map(answer))
            }
            .boxed()
        }
    }

    #[tokio::test]
    async fn a_panicking_request_gets_an_error_and_the_next_one_an_answer() {
        let mut service = CatchPanic(Fragile);
        let boom = Request::build("boom").id(1).finish();
        let response = service.call(boom).await.unwrap().unwrap();
        assert_eq!(response.id(), &Id::Number(1));
        assert!(response
            .error()
            .unwrap()
            .message
            .contains("planted failure"));
        let fine = Request::build("hover").id(2).finish();
        assert!(service.call(fine).await.unwrap().unwrap().is_ok());
        let note = Request::build("boom").finish();
        assert_eq!(service.call(note).await, Ok(None));
    }
}
