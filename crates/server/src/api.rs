//! The JSON API's handlers: sign in and out, who am I, and sync push and pull. Each extracts
//! its input (body last), calls the storage or `ramp-core`, and maps the result.
//!
//! Never decides scope from the request body: what a person may read and write comes from
//! their session ([`Signed`]).

use std::net::SocketAddr;

use axum::extract::rejection::JsonRejection;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use ramp_core::wire::{PullRequest, PullResponse, PushRequest, PushResponse};
use serde::{Deserialize, Serialize};

use crate::access::Access;
use crate::auth;
use crate::error::AppError;
use crate::limits::{self, MAX_CODE, MAX_EMAIL, MAX_PASSWORD};
use crate::AppState;

/// A JSON body whose rejections become [`AppError`]s with a reason.
pub struct Body<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequest<S> for Body<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Body<T>, AppError> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(Body(value)),
            Err(JsonRejection::BytesRejection(r)) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::TooLarge)
            }
            Err(rejection @ JsonRejection::MissingJsonContentType(_)) => Err(AppError::NotJson(rejection.body_text())),
            Err(rejection) => Err(AppError::BadRequest(rejection.body_text())),
        }
    }
}

/// The signed-in person's rights, from the `Authorization: Bearer <token>` header.
pub struct Signed(pub Access);

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ").map(str::trim)
}

impl FromRequestParts<AppState> for Signed {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Signed, AppError> {
        let token = bearer(&parts.headers).ok_or(AppError::Unauthorized)?;
        let user = state.storage.session_user(&auth::token_hash(token)).await?.ok_or(AppError::Unauthorized)?;
        Ok(Signed(state.storage.access(&user).await?))
    }
}

/// The network address a request came from: the socket's, or with `--trust-proxy` the
/// address the proxy in front put last in `X-Forwarded-For`.
pub struct Peer(pub String);

impl FromRequestParts<AppState> for Peer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Peer, AppError> {
        if state.trust_proxy {
            let forwarded = parts.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok());
            if let Some(last) = forwarded.and_then(|v| v.rsplit(',').next()).map(str::trim) {
                if let Ok(ip) = last.parse::<std::net::IpAddr>() {
                    return Ok(Peer(ip.to_string()));
                }
            }
        }
        let socket = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
        Ok(Peer(socket.unwrap_or_else(|| "unknown".to_owned())))
    }
}

/// The limiter's verdict on one more try under these keys.
async fn may_try(state: &AppState, keys: &limits::Keys) -> Result<(), AppError> {
    let now = now_ms() as i64;
    let tallies = state.storage.tallies(&keys.all(), now - limits::WINDOW.as_millis() as i64).await?;
    keys.verdict(&tallies, now)
}

/// Records a failed try under every one of its keys.
async fn failed(state: &AppState, keys: &limits::Keys) -> Result<(), AppError> {
    state.storage.record_failure(&keys.all(), now_ms() as i64).await
}

/// `POST /api/auth/login` input.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginInput {
    email: String,
    password: String,
}

/// A signed-in session.
#[derive(Serialize)]
pub struct LoginOutput {
    token: String,
    user: UserOutput,
}

/// A person, as the app sees them.
#[derive(Serialize)]
pub struct UserOutput {
    id: String,
    email: String,
    name: String,
}

/// Signs in with email and password; returns a new session token.
pub async fn login_create(
    State(state): State<AppState>,
    Peer(address): Peer,
    Body(input): Body<LoginInput>,
) -> Result<Json<LoginOutput>, AppError> {
    limits::bounded("email", &input.email, MAX_EMAIL)?;
    limits::bounded("password", &input.password, MAX_PASSWORD)?;
    let email = input.email.trim().to_lowercase();
    let keys = limits::Keys::sign_in(&email, &address);
    may_try(&state, &keys).await?;
    let user = state.storage.user_by_email(&email).await?;
    // An unknown email costs a hash too, and gets the same answer as a wrong password.
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    let password = input.password;
    let matches =
        auth::hashing(move || auth::verify_password_or_stand_in(&password, stored.as_deref())).await.unwrap_or(false);
    let Some(user) = user.filter(|_| matches) else {
        failed(&state, &keys).await?;
        return Err(AppError::BadCredentials);
    };
    if let Some(email_key) = &keys.email {
        state.storage.clear_failures(email_key).await?;
    }
    let token = auth::new_token();
    state.storage.create_session(&auth::token_hash(&token), &user.id).await?;
    Ok(Json(LoginOutput { token, user: UserOutput { id: user.id, email: user.email, name: user.name } }))
}

/// `POST /api/auth/signup` input: an invite code and the new account.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignupInput {
    code: String,
    email: String,
    name: String,
    password: String,
}

/// Creates an account with an invite code (joining its team in its role) and signs it in.
pub async fn signup_create(
    State(state): State<AppState>,
    Peer(address): Peer,
    Body(input): Body<SignupInput>,
) -> Result<Json<LoginOutput>, AppError> {
    limits::bounded("invite code", &input.code, MAX_CODE)?;
    limits::bounded("email", &input.email, MAX_EMAIL)?;
    limits::bounded("name", &input.name, 200)?;
    limits::bounded("password", &input.password, MAX_PASSWORD)?;
    let code_hash = state.code_hash(&input.code);
    let keys = limits::Keys::code(&code_hash, &address);
    may_try(&state, &keys).await?;
    let email = input.email.trim().to_lowercase();
    if !email.contains('@') {
        return Err(AppError::BadRequest("give an email address, like name@example.org".into()));
    }
    let name = input.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::BadRequest("give your name as your team knows you (up to 100 characters)".into()));
    }
    if input.password.chars().count() < auth::MIN_PASSWORD {
        return Err(AppError::BadRequest(format!("choose a password of at least {} characters", auth::MIN_PASSWORD)));
    }
    // The code is checked before the password is hashed: a wrong code costs no hashing.
    if state.storage.invite(&code_hash).await?.is_none() {
        failed(&state, &keys).await?;
        return Err(AppError::BadInvite);
    }
    let password = input.password;
    let password_hash = auth::hashing(move || auth::hash_password(&password))
        .await
        .ok_or_else(|| AppError::BadRequest("the password could not be processed".into()))?;
    let user = crate::storage::UserRow { id: auth::new_id(now_ms()).to_string(), email, name, password_hash };
    if state.storage.accept_invite(&code_hash, &user).await?.is_none() {
        // Used up or revoked between the check and now.
        return Err(AppError::BadInvite);
    }
    let token = auth::new_token();
    state.storage.create_session(&auth::token_hash(&token), &user.id).await?;
    Ok(Json(LoginOutput { token, user: UserOutput { id: user.id, email: user.email, name: user.name } }))
}

fn now_ms() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}

/// Ends the session of the token sent.
pub async fn logout_create(State(state): State<AppState>, headers: HeaderMap) -> Result<StatusCode, AppError> {
    let token = bearer(&headers).ok_or(AppError::Unauthorized)?;
    state.storage.delete_session(&auth::token_hash(token)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in person, the scopes they may read, write, govern (faculty) and coach, and
/// the collaborative of each team they may read.
pub async fn me_show(Signed(access): Signed) -> Json<serde_json::Value> {
    let readable: Vec<&str> = access.readable().collect();
    let writable: Vec<&str> = access.writable().collect();
    let governed: Vec<&str> = access.readable().filter(|scope| access.governs(scope)).collect();
    let coached: Vec<&str> = access.coached().collect();
    let collabs: serde_json::Map<String, serde_json::Value> =
        access.collab_of_teams().map(|(t, c)| (t.to_owned(), c.into())).collect();
    Json(serde_json::json!({
        "user": access.user, "name": access.name, "readable": readable, "writable": writable,
        "governed": governed, "coached": coached, "collabs": collabs
    }))
}

/// `POST /api/collabs` input: the new collaborative's name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollabInput {
    name: String,
}

/// Starts a collaborative with the signed-in person as its faculty; returns its scope.
pub async fn collab_create(
    State(state): State<AppState>,
    Signed(access): Signed,
    Body(input): Body<CollabInput>,
) -> Result<(StatusCode, Json<serde_json::Value>), AppError> {
    let scope = crate::admin::start_collaborative(state.storage.as_ref(), &access.user, &input.name).await?;
    Ok((StatusCode::CREATED, Json(serde_json::json!({ "scope": scope }))))
}

/// `POST /api/teams` input: the collaborative (its id) and the new team's name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamInput {
    collab: String,
    name: String,
}

/// Creates a team in a collaborative the signed-in person is faculty of; returns its id.
pub async fn team_create(
    State(state): State<AppState>,
    Signed(access): Signed,
    Body(input): Body<TeamInput>,
) -> Result<(StatusCode, Json<serde_json::Value>), AppError> {
    if !access.governs(&format!("collab:{}", input.collab)) {
        return Err(AppError::Forbidden("only the collaborative's faculty can add teams to it".into()));
    }
    let team = crate::admin::create_team(state.storage.as_ref(), &input.collab, &input.name).await?;
    Ok((StatusCode::CREATED, Json(serde_json::json!({ "team": team }))))
}

/// `POST /api/invites` input: a team and the role the invited person gets there.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InviteInput {
    team: String,
    role: String,
}

/// Makes an invite code to a team the signed-in person is faculty of.
pub async fn invite_create(
    State(state): State<AppState>,
    Signed(access): Signed,
    Body(input): Body<InviteInput>,
) -> Result<(StatusCode, Json<serde_json::Value>), AppError> {
    let role = match crate::access::Role::parse(&input.role) {
        Some(role @ (crate::access::Role::Member | crate::access::Role::Coach)) => role,
        _ => return Err(AppError::BadRequest("an invite is for a member or a coach".into())),
    };
    if !access.governs(&format!("team:{}", input.team)) {
        return Err(AppError::Forbidden("only the collaborative's faculty can invite people to this team".into()));
    }
    let code = crate::admin::invite(state.storage.as_ref(), &state.secret, &input.team, role).await?;
    Ok((StatusCode::CREATED, Json(serde_json::json!({ "code": code, "role": role.as_str() }))))
}

/// `POST /api/invites/accept` input: a code.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptInput {
    code: String,
}

/// Joins the signed-in person to the team of an invite code, in its role (a coach taking on
/// another team).
pub async fn invite_accept(
    State(state): State<AppState>,
    Signed(access): Signed,
    Peer(address): Peer,
    Body(input): Body<AcceptInput>,
) -> Result<Json<serde_json::Value>, AppError> {
    limits::bounded("invite code", &input.code, MAX_CODE)?;
    let code_hash = state.code_hash(&input.code);
    let keys = limits::Keys::code(&code_hash, &address);
    may_try(&state, &keys).await?;
    if state.storage.join_with_invite(&code_hash, &access.user).await?.is_none() {
        failed(&state, &keys).await?;
        return Err(AppError::BadInvite);
    }
    Ok(Json(serde_json::json!({ "joined": true })))
}

/// Applies a device's ops (DESIGN.md §4, push).
pub async fn push_create(
    State(state): State<AppState>,
    Signed(access): Signed,
    Body(push): Body<PushRequest>,
) -> Result<Json<PushResponse>, AppError> {
    push.check().map_err(|issue| AppError::BadRequest(issue.to_string()))?;
    Ok(Json(state.storage.push(&access, &push).await?))
}

/// Returns one page of changed field states (DESIGN.md §4, pull).
pub async fn pull_create(
    State(state): State<AppState>,
    Signed(access): Signed,
    Body(pull): Body<PullRequest>,
) -> Result<Json<PullResponse>, AppError> {
    pull.check().map_err(|issue| AppError::BadRequest(issue.to_string()))?;
    Ok(Json(state.storage.pull(&access, &pull).await?))
}

/// `GET /api/audit` query: a scope, and paging back in time.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    scope: String,
    before: Option<i64>,
    limit: Option<u32>,
}

/// The most audit entries one page returns.
const AUDIT_PAGE: u32 = 200;

/// The audit log of a scope: who changed what, and what was refused, newest first. For the
/// scope's faculty only.
pub async fn audit_show(
    State(state): State<AppState>,
    Signed(access): Signed,
    query: Result<axum::extract::Query<AuditQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<serde_json::Value>, AppError> {
    let axum::extract::Query(query) = query.map_err(|r| AppError::BadRequest(r.body_text()))?;
    if !access.governs(&query.scope) {
        return Err(AppError::Forbidden("only the collaborative's faculty can read this activity log".into()));
    }
    let limit = query.limit.unwrap_or(AUDIT_PAGE).clamp(1, AUDIT_PAGE);
    let entries = state.storage.audit(&query.scope, query.before, limit).await?;
    let more = entries.len() == limit as usize;
    Ok(Json(serde_json::json!({ "entries": entries, "more": more })))
}
