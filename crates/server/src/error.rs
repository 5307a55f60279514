//! The server's error type and its one `IntoResponse`: client mistakes come back as 4xx with
//! their reason in JSON; internal failures as a generic 500, with the cause in the log.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No such API endpoint.
    #[error("there is no API endpoint at {0}")]
    NoSuchEndpoint(String),
    /// The storage failed; the detail is logged, never sent.
    #[error("storage failed: {0}")]
    Storage(#[from] sqlx::Error),
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, reason) = match &self {
            AppError::NoSuchEndpoint(_) => (StatusCode::NOT_FOUND, self.to_string()),
            AppError::Storage(cause) => {
                tracing::error!(%cause, "storage failure");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "the server could not reach its storage; try again later".to_owned(),
                )
            }
        };
        (status, Json(serde_json::json!({ "error": reason }))).into_response()
    }
}
