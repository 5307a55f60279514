//! The connection loop: accepts on the listener and serves each connection with read
//! timeouts (`axum::serve` has none, so one slow client could hold a connection for ever),
//! passing the peer's address to handlers as `ConnectInfo` for the limiter.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use tower::ServiceExt;

/// How long a client may take to send a request's headers, and then its body.
#[derive(Clone, Copy, Debug)]
pub struct Timeouts {
    /// From the connection's first byte (or the previous request) to the end of the headers.
    pub headers: Duration,
    /// For the whole body, once the headers are in.
    pub body: Duration,
}

impl Default for Timeouts {
    fn default() -> Timeouts {
        Timeouts { headers: Duration::from_secs(10), body: Duration::from_secs(60) }
    }
}

/// Serves `app` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    timeouts: Timeouts,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let app = app.layer(tower_http::timeout::RequestBodyTimeoutLayer::new(timeouts.body));
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: wait a moment, keep serving.
                Err(error) => {
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => return Ok(()),
        };
        let app = app.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |mut request: hyper::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
                app.clone().oneshot(request.map(axum::body::Body::new))
            });
            let mut builder = Builder::new(TokioExecutor::new());
            builder.http1().timer(TokioTimer::new()).header_read_timeout(timeouts.headers);
            builder.http2().timer(TokioTimer::new());
            if let Err(error) = builder.serve_connection_with_upgrades(TokioIo::new(stream), service).await {
                tracing::debug!(%error, %peer, "connection ended");
            }
        });
    }
}
