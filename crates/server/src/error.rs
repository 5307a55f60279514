//! The server's error type and its one `IntoResponse`: client mistakes come back as 4xx with
//! their reason in JSON: `{"error": "words", "reason": "code", "values": {…}}`, the code (with
//! its values) for the app to word in its person's language, the words for any other client;
//! internal failures as a generic 500, with the cause in the log.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No such API endpoint.
    #[error("there is no API endpoint at {0}")]
    NoSuchEndpoint(String),
    /// The request is malformed or breaks a limit; the words say how.
    #[error("{0}")]
    BadRequest(String),
    /// The body is not declared as JSON.
    #[error("{0}")]
    NotJson(String),
    /// No valid session.
    #[error("sign in again: the session is missing, expired or revoked")]
    Unauthorized,
    /// Wrong email or password (never says which).
    #[error("the email or password is not right")]
    BadCredentials,
    /// An invite code that is unknown, used up, revoked or expired.
    #[error("this invite code is not valid (or has expired): check it with whoever gave it")]
    BadInvite,
    /// An account with that email exists.
    #[error("an account with this email already exists")]
    EmailTaken,
    /// Two devices use one device id (a copied browser profile), or a device of another account.
    #[error("this device's id is already used by another device: take a new device id and send again")]
    DeviceClash,
    /// Too many failed tries: wait this many seconds before trying again.
    #[error("too many failed tries: wait {} and try again", wait_words(*.0))]
    TooManyAttempts(u64),
    /// The request body is larger than the server accepts.
    #[error("the request is too large")]
    TooLarge,
    /// Stored data could not be read back; logged, never sent.
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    /// The store reached its size cap or the disk is full: nothing was written.
    #[error("the server's storage is full: your changes stay on this device and are sent when there is room again")]
    StorageFull,
    /// The person may not do this (their role does not allow it).
    #[error("{0}")]
    Forbidden(String),
    /// An account that was disabled: it cannot sign in.
    #[error("this account is disabled: ask your collaborative's faculty")]
    AccountDisabled,
    /// A password reset code that is unknown, used, for another email, or expired.
    #[error("this reset code is not valid for this email (or has expired): ask for a new one")]
    BadResetCode,
    /// An invite to a team where the person already has another role: taking it would
    /// change that role, which only faculty do.
    #[error("you are already {} on this team: ask its faculty to change your role", with_article(.0))]
    AlreadyOnTeam(&'static str),
    /// Not an email address.
    #[error("give an email address, like name@example.org")]
    NotAnEmail,
    /// A new password shorter than this.
    #[error("choose a password of at least {0} characters")]
    ShortPassword(usize),
    /// The current password given to change it is wrong.
    #[error("the current password is not right")]
    WrongPassword,
    /// A person's name that cannot be used.
    #[error("{0}")]
    BadName(ramp_core::identity::NameIssue),
    /// The person is not on the team named.
    #[error("this person is not on this team")]
    NotOnTeam,
    /// No such thing (an invite, an account) among those the person may see.
    #[error("there is no such {0}")]
    NotFound(&'static str),
    /// The store cannot write now (the health check's answer).
    #[error("the server's storage cannot take changes now; try again later")]
    Unavailable,
    /// The storage failed; logged, never sent.
    #[error("storage failed: {0}")]
    Storage(sqlx::Error),
}

/// "45 seconds", "15 minutes".
fn wait_words(seconds: u64) -> String {
    match seconds {
        1 => "a second".to_owned(),
        0..=119 => format!("{seconds} seconds"),
        _ => format!("{} minutes", seconds.div_ceil(60)),
    }
}

/// "a member", "a coach", "faculty".
fn with_article(role: &str) -> String {
    match role {
        "faculty" => "faculty".to_owned(),
        role => format!("a {role}"),
    }
}

/// SQLite's primary result code for "database or disk is full".
const SQLITE_FULL: i32 = 13;

/// PostgreSQL's SQLSTATE for a full disk.
const POSTGRES_DISK_FULL: &str = "53100";

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> AppError {
        let full = match &error {
            // sqlx reports SQLite's extended code; the primary code is its low byte.
            // PostgreSQL's is its SQLSTATE, disk_full.
            sqlx::Error::Database(e) if e.code().as_deref() == Some(POSTGRES_DISK_FULL) => true,
            sqlx::Error::Database(e) => {
                e.code().and_then(|code| code.parse::<i32>().ok()).is_some_and(|code| code & 0xff == SQLITE_FULL)
            }
            sqlx::Error::Io(e) => e.raw_os_error() == Some(28), // ENOSPC
            _ => false,
        };
        if full {
            tracing::error!(cause = %error, "storage full");
            AppError::StorageFull
        } else {
            AppError::Storage(error)
        }
    }
}

impl AppError {
    /// The reason as a stable code, sent beside the words: the app words it (and tells a
    /// device clash from another conflict by it).
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NoSuchEndpoint(_) => "no_such_endpoint",
            AppError::BadRequest(_) => "bad_request",
            AppError::NotJson(_) => "not_json",
            AppError::Unauthorized => "sign_in_needed",
            AppError::BadCredentials => "bad_credentials",
            AppError::BadInvite => "bad_invite",
            AppError::EmailTaken => "email_taken",
            AppError::DeviceClash => "device_clash",
            AppError::TooManyAttempts(_) => "too_many_attempts",
            AppError::TooLarge => "too_large",
            AppError::Forbidden(_) => "forbidden",
            AppError::AccountDisabled => "account_disabled",
            AppError::BadResetCode => "bad_reset_code",
            AppError::AlreadyOnTeam(_) => "already_on_team",
            AppError::NotAnEmail => "not_an_email",
            AppError::ShortPassword(_) => "short_password",
            AppError::WrongPassword => "wrong_password",
            AppError::BadName(ramp_core::identity::NameIssue::Length) => "name_length",
            AppError::BadName(ramp_core::identity::NameIssue::Character) => "name_character",
            AppError::NotOnTeam => "not_on_team",
            AppError::NotFound(_) => "not_found",
            AppError::StorageFull => "storage_full",
            AppError::Unavailable => "unavailable",
            AppError::Corrupt(_) | AppError::Storage(_) => "server_failed",
        }
    }

    /// The values the reason's words put in, by name, for the app to word them.
    pub fn args(&self) -> serde_json::Map<String, serde_json::Value> {
        let mut args = serde_json::Map::new();
        let mut set = |name: &str, value: String| {
            args.insert(name.to_owned(), serde_json::Value::String(value));
        };
        match self {
            AppError::TooManyAttempts(seconds) => set("seconds", seconds.to_string()),
            AppError::AlreadyOnTeam(role) => set("role", (*role).to_owned()),
            AppError::NotFound(thing) => set("thing", (*thing).to_owned()),
            AppError::ShortPassword(min) => set("min", min.to_string()),
            AppError::BadName(ramp_core::identity::NameIssue::Length) => {
                set("max", ramp_core::identity::MAX_NAME.to_string())
            }
            _ => {}
        }
        args
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::NoSuchEndpoint(_) => StatusCode::NOT_FOUND,
            AppError::BadRequest(_)
            | AppError::BadInvite
            | AppError::NotAnEmail
            | AppError::ShortPassword(_)
            | AppError::WrongPassword
            | AppError::BadName(_) => StatusCode::BAD_REQUEST,
            AppError::NotJson(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Unauthorized | AppError::BadCredentials => StatusCode::UNAUTHORIZED,
            AppError::EmailTaken | AppError::DeviceClash | AppError::AlreadyOnTeam(_) => StatusCode::CONFLICT,
            AppError::BadResetCode => StatusCode::BAD_REQUEST,
            AppError::AccountDisabled => StatusCode::FORBIDDEN,
            AppError::NotOnTeam | AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::StorageFull => StatusCode::INSUFFICIENT_STORAGE,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Corrupt(_) | AppError::Storage(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let reason = if matches!(self, AppError::StorageFull | AppError::Unavailable) {
            self.to_string()
        } else if status.is_server_error() {
            tracing::error!(cause = %self, "internal failure");
            "the server failed; try again later".to_owned()
        } else {
            self.to_string()
        };
        let mut body = serde_json::json!({ "error": reason, "reason": self.code() });
        let args = self.args();
        if !args.is_empty() {
            body["values"] = serde_json::Value::Object(args);
        }
        (status, Json(body)).into_response()
    }
}
