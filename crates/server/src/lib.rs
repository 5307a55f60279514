//! `ramp-server`: serves the built Ramp app and its API.
//!
//! Endpoints:
//! - `GET /api/health`: `{"status":"ok","storage":"sqlite"}` when the storage answers.
//! - `POST /api/auth/login` `{email, password}` → `{token, user}`; `POST /api/auth/logout`.
//! - `POST /api/auth/signup` `{code, email, name, password}`: joins a team with an invite.
//! - `POST /api/auth/password` `{current, new}`: ends the person's other sessions.
//! - `POST /api/auth/reset` `{email, code, password}`: a one-time code from faculty or an admin.
//! - `POST /api/invites` `{team, role, uses?, days?}`; `GET /api/invites?team=`;
//!   `POST /api/invites/{id}/revoke` (its maker); `POST /api/invites/accept` `{code}`.
//! - `GET /api/teams/{team}/people`; `PATCH`/`DELETE /api/teams/{team}/people/{user}`: roles
//!   and removals, for the team's faculty.
//! - `POST /api/accounts/{user}/disable|enable|reset-code`: faculty, for accounts wholly in
//!   their collaborative.
//! - `GET /api/me`: the signed-in person, the scopes they may read, and the teams they were
//!   removed from.
//! - `POST /api/sync/push`, `POST /api/sync/pull`: `ramp_core::wire` bodies, bearer token.
//! - `GET /api/audit?scope=&before=&limit=`: a scope's op log, newest first, with the changes
//!   of access in the same span, for its faculty.
//! - any other `/api/…`: 404 with a JSON reason (never the app's page).
//! - everything else: the built app from the dist folder; unknown paths get `index.html`, so
//!   deep links load, except paths that name a file (`.wasm`, `.js`…), which are 404s. `index.html`, `sw.js` and the manifest are never cached by the browser;
//!   the hashed build files are cached for a year.
//! - every response: the security headers of `security.rs` (CSP, nosniff, no referrer, no framing).
//!
//! [`app`] builds the router, so tests drive it in-process; `main.rs` only wires things up.

pub mod access;
pub mod admin;
pub mod api;
pub mod auth;
pub mod demo;
pub mod error;
pub mod files;
pub mod limits;
pub mod security;
pub mod serve;
pub mod storage;

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::extract::{OriginalUri, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use axum::{Json, Router};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::error::AppError;
use crate::storage::Storage;

/// The largest request body accepted (a push of many long paragraphs fits).
pub const MAX_BODY: usize = 4 * 1024 * 1024;

/// The largest body of a sign-in or sign-up, which anyone may send: its fields are short.
pub const AUTH_BODY: usize = 8 * 1024;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The server's storage.
    pub storage: Arc<dyn Storage>,
    /// The secret invite codes are stored under.
    pub secret: Arc<auth::Secret>,
    /// Whether a proxy in front sets `X-Forwarded-For` (`--trust-proxy`): the limiter then
    /// counts per the address it names, not the proxy's.
    pub trust_proxy: bool,
}

impl AppState {
    /// State over a storage, with a secret of its own (tests; `main` loads the data folder's).
    pub fn new(storage: Arc<dyn Storage>) -> AppState {
        AppState { storage, secret: Arc::new(auth::Secret::random()), trust_proxy: false }
    }

    /// What the store holds for an invite code as typed.
    pub fn code_hash(&self, code: &str) -> String {
        self.secret.code_hash(code)
    }
}

/// The whole server: API routes, then the app's files from `dist`.
pub fn app(state: AppState, dist: PathBuf) -> Router {
    // Brotli or gzip copies written at build time are sent to browsers that accept them.
    let index = ServeFile::new(dist.join("index.html")).precompressed_br().precompressed_gzip();
    // A path the build has no file for: a page of the app (a deep link) gets index.html; a file
    // (a chunk of another build, say) is missing, never the page under its name.
    let page_or_missing = tower::service_fn(move |request: Request| {
        let index = index.clone();
        async move {
            if names_a_file(request.uri().path()) {
                return Ok::<_, std::convert::Infallible>(StatusCode::NOT_FOUND.into_response());
            }
            Ok(index.oneshot(request).await.into_response())
        }
    });
    let files = ServeDir::new(&dist).precompressed_br().precompressed_gzip().fallback(page_or_missing);
    let api = Router::new()
        .route("/health", get(health_show))
        .route("/auth/login", post(api::login_create).layer(DefaultBodyLimit::max(AUTH_BODY)))
        .route("/auth/signup", post(api::signup_create).layer(DefaultBodyLimit::max(AUTH_BODY)))
        .route("/auth/logout", post(api::logout_create))
        .route("/auth/password", post(api::password_update).layer(DefaultBodyLimit::max(AUTH_BODY)))
        .route("/auth/reset", post(api::reset_create).layer(DefaultBodyLimit::max(AUTH_BODY)))
        .route("/me", get(api::me_show))
        .route("/sync/push", post(api::push_create))
        .route("/sync/pull", post(api::pull_create))
        .route("/audit", get(api::audit_show))
        .route("/collabs", post(api::collab_create))
        .route("/teams", post(api::team_create))
        .route("/invites", post(api::invite_create).get(api::invite_index))
        .route("/invites/accept", post(api::invite_accept))
        .route("/invites/{id}/revoke", post(api::invite_revoke))
        .route("/teams/{team}/people", get(api::people_index))
        .route("/teams/{team}/people/{user}", patch(api::person_update).delete(api::person_remove))
        .route("/accounts/{user}/disable", post(api::account_disable))
        .route("/accounts/{user}/enable", post(api::account_enable))
        .route("/accounts/{user}/reset-code", post(api::reset_code_create))
        .fallback(api_not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY));
    let headers = security::Headers::for_dist(&dist);
    Router::new()
        .nest("/api", api)
        .fallback_service(files)
        .layer(middleware::from_fn(cache_headers))
        .layer(middleware::from_fn_with_state(headers, security::add))
        .with_state(state)
}

async fn health_show(State(state): State<AppState>) -> Result<Json<serde_json::Value>, AppError> {
    let storage = state.storage.health().await?;
    Ok(Json(serde_json::json!({ "status": "ok", "storage": storage })))
}

async fn api_not_found(OriginalUri(uri): OriginalUri) -> AppError {
    AppError::NoSuchEndpoint(uri.path().to_owned())
}

/// Sets `Cache-Control`: API answers never stored (they carry people's data and tokens),
/// hashed build files for a year, everything else revalidated.
async fn cache_headers(request: Request, next: Next) -> Response {
    let hashed = is_hashed_asset(request.uri().path());
    let api = request.uri().path().starts_with("/api/");
    let mut response = next.run(request).await;
    let policy = if api {
        "no-store"
    } else if hashed && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// Whether a path names a file (its last segment has an extension, `x.wasm`), not a page of
/// the app (`/teams/0190/reports/2026-11`).
fn names_a_file(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    last.rsplit_once('.').is_some_and(|(stem, extension)| {
        !stem.is_empty() && !extension.is_empty() && extension.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// Whether a path names a file whose name carries Trunk's content hash
/// (`ramp-9763c9b3b1f9470_bg.wasm`, `main-6f6b38388fb7a2da.css`).
fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() >= 12 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_assets_are_recognised() {
        assert!(is_hashed_asset("/ramp-9763c9b3b1f9470_bg.wasm"));
        assert!(is_hashed_asset("/ramp-9763c9b3b1f9470.js"));
        assert!(is_hashed_asset("/main-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/sw.js"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/teams/0190-abc"));
    }
}
