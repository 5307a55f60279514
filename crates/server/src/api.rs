//! The JSON API's handlers: sign in and out, who am I, and sync push and pull. Each extracts
//! its input (body last), calls the storage or `ramp-core`, and maps the result.
//!
//! Never decides scope from the request body: what a person may read and write comes from
//! their session ([`Signed`]).

use std::net::SocketAddr;

use axum::extract::rejection::JsonRejection;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use ramp_core::wire::{PullRequest, PullResponse, PushRequest, PushResponse};
use serde::{Deserialize, Serialize};

use crate::access::{Access, Role};
use crate::admin::{self, Actor};
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

/// The signed-in person's session token hash, beside their rights (changing a password keeps
/// this session and ends the others).
pub struct SignedSession(pub Access, pub String);

impl FromRequestParts<AppState> for SignedSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<SignedSession, AppError> {
        let token = bearer(&parts.headers).ok_or(AppError::Unauthorized)?;
        let hash = auth::token_hash(token);
        let user = state.storage.session_user(&hash).await?.ok_or(AppError::Unauthorized)?;
        Ok(SignedSession(state.storage.access(&user).await?, hash))
    }
}

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
    // Said only to whoever knows the password.
    if user.disabled {
        return Err(AppError::AccountDisabled);
    }
    session_for(&state, UserOutput { id: user.id, email: user.email, name: user.name }).await
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
        return Err(AppError::NotAnEmail);
    }
    let name = input.name.trim().to_owned();
    ramp_core::identity::check_name(&name).map_err(AppError::BadName)?;
    if input.password.chars().count() < auth::MIN_PASSWORD {
        return Err(AppError::ShortPassword(auth::MIN_PASSWORD));
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
    let user =
        crate::storage::UserRow { id: auth::new_id(now_ms()).to_string(), email, name, password_hash, disabled: false };
    if state.storage.accept_invite(&code_hash, &user).await?.is_none() {
        // Used up or revoked between the check and now.
        return Err(AppError::BadInvite);
    }
    session_for(&state, UserOutput { id: user.id, email: user.email, name: user.name }).await
}

/// `POST /api/auth/password` input: the current password and the new one.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordInput {
    current: String,
    new: String,
}

/// Changes the signed-in person's password; every other session of theirs ends.
pub async fn password_update(
    State(state): State<AppState>,
    SignedSession(access, session): SignedSession,
    Peer(address): Peer,
    Body(input): Body<PasswordInput>,
) -> Result<Json<serde_json::Value>, AppError> {
    limits::bounded("password", &input.current, MAX_PASSWORD)?;
    limits::bounded("new password", &input.new, MAX_PASSWORD)?;
    let person = state.storage.person(&access.user).await?.ok_or(AppError::Unauthorized)?;
    let keys = limits::Keys::sign_in(&person.email, &address);
    may_try(&state, &keys).await?;
    let stored = state.storage.user_by_email(&person.email).await?.map(|u| u.password_hash);
    let current = input.current;
    let matches =
        auth::hashing(move || auth::verify_password_or_stand_in(&current, stored.as_deref())).await.unwrap_or(false);
    if !matches {
        failed(&state, &keys).await?;
        return Err(AppError::WrongPassword);
    }
    let hash = new_password_hash(input.new).await?;
    let ended = state.storage.set_password(&access.user, &hash, Some(&session)).await?;
    Ok(Json(serde_json::json!({ "sessions_ended": ended })))
}

/// Checks a new password's length, then hashes it.
async fn new_password_hash(password: String) -> Result<String, AppError> {
    if password.chars().count() < auth::MIN_PASSWORD {
        return Err(AppError::ShortPassword(auth::MIN_PASSWORD));
    }
    auth::hashing(move || auth::hash_password(&password))
        .await
        .ok_or_else(|| AppError::BadRequest("the password could not be processed".into()))
}

/// `POST /api/auth/reset` input: the account's email, the reset code faculty or an admin
/// made, and the new password.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResetInput {
    email: String,
    code: String,
    password: String,
}

/// Sets a new password with a one-time reset code, ends every session of the account, and
/// signs in.
pub async fn reset_create(
    State(state): State<AppState>,
    Peer(address): Peer,
    Body(input): Body<ResetInput>,
) -> Result<Json<LoginOutput>, AppError> {
    limits::bounded("reset code", &input.code, MAX_CODE)?;
    limits::bounded("email", &input.email, MAX_EMAIL)?;
    limits::bounded("password", &input.password, MAX_PASSWORD)?;
    let email = input.email.trim().to_lowercase();
    let code_hash = state.secret.reset_hash(&input.code);
    let mut keys = limits::Keys::code(&code_hash, &address);
    keys.email = Some(format!("email:{email}"));
    may_try(&state, &keys).await?;
    let hash = new_password_hash(input.password).await?;
    let Some(user) = state.storage.use_reset_code(&code_hash, &email, &hash).await? else {
        failed(&state, &keys).await?;
        return Err(AppError::BadResetCode);
    };
    let person = state.storage.person(&user).await?.ok_or(AppError::BadResetCode)?;
    session_for(&state, UserOutput { id: person.id, email: person.email, name: person.name }).await
}

/// A new session for a person who has just proved who they are.
async fn session_for(state: &AppState, user: UserOutput) -> Result<Json<LoginOutput>, AppError> {
    let token = auth::new_token();
    state.storage.create_session(&auth::token_hash(&token), &user.id).await?;
    Ok(Json(LoginOutput { token, user }))
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

/// The signed-in person, the scopes they may read, write, govern (faculty) and coach, the
/// other teams of their collaboratives (read while sharing is on, never theirs to write), and
/// the collaborative of each team they may read or know of.
pub async fn me_show(Signed(access): Signed) -> Json<serde_json::Value> {
    let readable: Vec<&str> = access.readable().collect();
    let writable: Vec<&str> = access.writable().collect();
    let governed: Vec<&str> = access.readable().filter(|scope| access.governs(scope)).collect();
    let coached: Vec<&str> = access.coached().collect();
    let others: serde_json::Map<String, serde_json::Value> =
        access.others().map(|(t, c)| (t.to_owned(), c.into())).collect();
    let removed: Vec<&str> = access.removed.iter().map(String::as_str).filter(|s| access.was_removed(s)).collect();
    let collabs: serde_json::Map<String, serde_json::Value> =
        access.collab_of_teams().map(|(t, c)| (t.to_owned(), c.into())).collect();
    Json(serde_json::json!({
        "user": access.user, "name": access.name, "readable": readable, "writable": writable,
        "governed": governed, "coached": coached, "collabs": collabs, "removed": removed,
        "others": others
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

/// `POST /api/invites` input: a team, the role the invited person gets there, and how many
/// people may use it for how many days (one, for [`auth::INVITE_DAYS`], unless said).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InviteInput {
    team: String,
    role: String,
    uses: Option<u32>,
    days: Option<i64>,
}

fn team_role(role: &str) -> Result<Role, AppError> {
    match Role::parse(role) {
        Some(role @ (Role::Member | Role::Coach)) => Ok(role),
        _ => Err(AppError::BadRequest("a role in a team is member or coach".into())),
    }
}

/// Makes an invite code to a team the signed-in person is faculty of.
pub async fn invite_create(
    State(state): State<AppState>,
    Signed(access): Signed,
    Body(input): Body<InviteInput>,
) -> Result<(StatusCode, Json<serde_json::Value>), AppError> {
    let role = team_role(&input.role)?;
    let request = admin::InviteRequest {
        team: &input.team,
        role,
        uses: input.uses.unwrap_or(1),
        days: input.days.unwrap_or(auth::INVITE_DAYS),
    };
    let uses = request.uses;
    let made = admin::invite(state.storage.as_ref(), &state.secret, Actor::Faculty(&access), request).await?;
    Ok((
        StatusCode::CREATED,
        Json(serde_json::json!({
            "code": made.code, "id": made.id, "role": role.as_str(), "uses": uses, "expires_at": made.expires_at
        })),
    ))
}

/// `GET /api/invites?team=` query.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamQuery {
    team: String,
}

/// A team's invites, with their uses, for its faculty.
pub async fn invite_index(
    State(state): State<AppState>,
    Signed(access): Signed,
    query: Result<axum::extract::Query<TeamQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<serde_json::Value>, AppError> {
    let axum::extract::Query(query) = query.map_err(|r| AppError::BadRequest(r.body_text()))?;
    let invites = admin::invites(state.storage.as_ref(), Actor::Faculty(&access), &query.team).await?;
    Ok(Json(serde_json::json!({ "invites": invites })))
}

/// Revokes an invite the signed-in person made.
pub async fn invite_revoke(
    State(state): State<AppState>,
    Signed(access): Signed,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, AppError> {
    admin::revoke_invite(state.storage.as_ref(), Actor::Faculty(&access), &id).await?;
    Ok(Json(serde_json::json!({ "revoked": true })))
}

/// `POST /api/invites/accept` input: a code.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptInput {
    code: String,
}

/// Joins the signed-in person to the team of an invite code, in its role (a coach taking on
/// another team). A role they have in that team already is never changed by an invite.
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
    let Some(joined) = state.storage.join_with_invite(&code_hash, &access.user).await? else {
        failed(&state, &keys).await?;
        return Err(AppError::BadInvite);
    };
    Ok(Json(serde_json::json!({ "joined": true, "already": joined == crate::storage::Joined::Already })))
}

/// A team's people and their roles, for its faculty.
pub async fn people_index(
    State(state): State<AppState>,
    Signed(access): Signed,
    Path(team): Path<String>,
) -> Result<Json<serde_json::Value>, AppError> {
    let people = admin::people(state.storage.as_ref(), Actor::Faculty(&access), &team).await?;
    let people: Vec<serde_json::Value> = people
        .into_iter()
        .map(|(person, role)| {
            serde_json::json!({
                "id": person.id, "name": person.name, "email": person.email,
                "disabled": person.disabled, "role": role.as_str()
            })
        })
        .collect();
    Ok(Json(serde_json::json!({ "people": people })))
}

/// `PATCH /api/teams/{team}/people/{user}` input: the new role.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleInput {
    role: String,
}

/// Changes a person's role in a team (faculty).
pub async fn person_update(
    State(state): State<AppState>,
    Signed(access): Signed,
    Path((team, user)): Path<(String, String)>,
    Body(input): Body<RoleInput>,
) -> Result<Json<serde_json::Value>, AppError> {
    let role = team_role(&input.role)?;
    admin::set_role(state.storage.as_ref(), Actor::Faculty(&access), &team, &user, role).await?;
    Ok(Json(serde_json::json!({ "role": role.as_str() })))
}

/// Removes a person from a team (faculty).
pub async fn person_remove(
    State(state): State<AppState>,
    Signed(access): Signed,
    Path((team, user)): Path<(String, String)>,
) -> Result<Json<serde_json::Value>, AppError> {
    admin::remove_from_team(state.storage.as_ref(), Actor::Faculty(&access), &team, &user).await?;
    Ok(Json(serde_json::json!({ "removed": true })))
}

/// Disables an account wholly in the signed-in faculty's collaborative, ending its sessions.
pub async fn account_disable(
    State(state): State<AppState>,
    Signed(access): Signed,
    Path(user): Path<String>,
) -> Result<Json<serde_json::Value>, AppError> {
    let ended = admin::set_disabled(state.storage.as_ref(), Actor::Faculty(&access), &user, true).await?;
    Ok(Json(serde_json::json!({ "disabled": true, "sessions_ended": ended })))
}

/// Enables a disabled account again.
pub async fn account_enable(
    State(state): State<AppState>,
    Signed(access): Signed,
    Path(user): Path<String>,
) -> Result<Json<serde_json::Value>, AppError> {
    admin::set_disabled(state.storage.as_ref(), Actor::Faculty(&access), &user, false).await?;
    Ok(Json(serde_json::json!({ "disabled": false })))
}

/// Makes a one-time password reset code for an account wholly in the faculty's collaborative.
pub async fn reset_code_create(
    State(state): State<AppState>,
    Signed(access): Signed,
    Path(user): Path<String>,
) -> Result<(StatusCode, Json<serde_json::Value>), AppError> {
    let code = admin::reset_code(state.storage.as_ref(), &state.secret, Actor::Faculty(&access), &user).await?;
    Ok((StatusCode::CREATED, Json(serde_json::json!({ "code": code, "hours": auth::RESET_HOURS }))))
}

/// Applies a device's ops (DESIGN.md §4, push).
pub async fn push_create(
    State(state): State<AppState>,
    Signed(access): Signed,
    Body(push): Body<PushRequest>,
) -> Result<Json<PushResponse>, AppError> {
    push.check().map_err(|issue| AppError::BadRequest(issue.to_string()))?;
    let mut answer = state.storage.push(&access, &push).await?;
    if !push.codes {
        without_codes(&mut answer.refused);
    }
    Ok(Json(answer))
}

/// Refusals for a device from before reasons: their words only (it would not read a code).
fn without_codes(refused: &mut [ramp_core::wire::Refusal]) {
    refused.iter_mut().for_each(|refusal| refusal.code = None);
}

/// Returns one page of changed field states (DESIGN.md §4, pull).
pub async fn pull_create(
    State(state): State<AppState>,
    Signed(access): Signed,
    Body(pull): Body<PullRequest>,
) -> Result<Json<PullResponse>, AppError> {
    pull.check().map_err(|issue| AppError::BadRequest(issue.to_string()))?;
    let mut answer = state.storage.pull(&access, &pull).await?;
    if !pull.codes {
        without_codes(&mut answer.refused);
    }
    Ok(Json(answer))
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
    // The changes of access in the time this page spans: up to the entry it starts before
    // (now, on the first page), back to its oldest entry (the beginning, on the last page).
    let until = match query.before {
        Some(before) => state.storage.audit(&query.scope, Some(before + 1), 1).await?.first().map_or(i64::MAX, |e| {
            if e.id == before {
                e.received_ms
            } else {
                i64::MAX
            }
        }),
        None => i64::MAX,
    };
    let from = if more { entries.last().map_or(0, |e| e.received_ms) } else { 0 };
    let access_changes = state.storage.access_events(&query.scope, from, until).await?;
    Ok(Json(serde_json::json!({ "entries": entries, "more": more, "access": access_changes })))
}
