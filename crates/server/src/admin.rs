//! `ramp-server admin …`: setting up accounts, a collaborative, its teams and their people
//! from the command line, before anyone has signed in.
//!
//! Team records are written as ops through the same push path devices use, from a one-off
//! server device, so devices receive them by pulling like any other change.

use ramp_core::wire::PushRequest;
use ramp_core::{DeviceClock, Edit, Kind, Replica, Value};

use crate::access::{Access, Role};
use crate::auth;
use crate::error::AppError;
use crate::storage::{Storage, UserRow};

fn now_ms() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}

/// Creates an account; returns its id.
pub async fn create_user(storage: &dyn Storage, email: &str, name: &str, password: &str) -> Result<String, AppError> {
    if !email.contains('@') {
        return Err(AppError::BadRequest(format!("“{email}” is not an email address")));
    }
    if password.chars().count() < auth::MIN_PASSWORD {
        return Err(AppError::BadRequest(format!("the password needs at least {} characters", auth::MIN_PASSWORD)));
    }
    let user = UserRow {
        id: auth::new_id(now_ms()).to_string(),
        email: email.trim().to_lowercase(),
        name: name.trim().to_owned(),
        password_hash: auth::hash_password(password),
    };
    storage.create_user(&user).await?;
    Ok(user.id)
}

async fn user_id(storage: &dyn Storage, email: &str) -> Result<String, AppError> {
    let user = storage.user_by_email(email).await?;
    user.map(|u| u.id).ok_or_else(|| AppError::BadRequest(format!("no account has the email {email}")))
}

/// Creates a collaborative run by the faculty member with this email; returns its scope.
pub async fn create_collaborative(storage: &dyn Storage, faculty_email: &str) -> Result<String, AppError> {
    let faculty = user_id(storage, faculty_email).await?;
    let scope = format!("collab:{}", auth::new_id(now_ms()));
    storage.add_membership(&faculty, &scope, Role::Faculty).await?;
    Ok(scope)
}

/// Creates a team in a collaborative (`collab:<id>` or the bare id); returns the team's id.
pub async fn create_team(storage: &dyn Storage, collab: &str, name: &str) -> Result<String, AppError> {
    let collab = collab.strip_prefix("collab:").unwrap_or(collab);
    let team = auth::new_id(now_ms());
    storage.add_team(team.as_str(), collab).await?;
    let access = Access::new(
        "server".into(),
        &[(format!("collab:{collab}"), Role::Faculty)],
        &[(team.to_string(), collab.to_owned())],
    );
    let mut clock = DeviceClock { device: auth::new_id(now_ms()), counter: 0, last_hlc: None };
    let edit = Edit {
        record: team.clone(),
        kind: Kind::Team,
        scope: ramp_core::team_scope(&team),
        field: "name".into(),
        value: Value::Text(name.trim().to_owned()),
    };
    let ops = Replica::default().edit(&mut clock, vec![edit], now_ms(), Some("server"));
    let push = PushRequest { version: ramp_core::wire::SYNC_VERSION, device: clock.device, ops };
    let response = storage.push(&access, &push).await?;
    if let Some(refusal) = response.refused.first() {
        return Err(AppError::BadRequest(refusal.reason.clone()));
    }
    Ok(team.to_string())
}

/// Gives the person with this email a role (member or coach) in a team.
pub async fn add_to_team(storage: &dyn Storage, team: &str, email: &str, role: Role) -> Result<(), AppError> {
    if role == Role::Faculty {
        return Err(AppError::BadRequest("faculty belong to a collaborative, not a team".into()));
    }
    let user = user_id(storage, email).await?;
    let team = team.strip_prefix("team:").unwrap_or(team);
    storage.add_membership(&user, &format!("team:{team}"), role).await
}

/// Makes an invite code to a team with a role (member or coach); returns the code to hand out.
pub async fn invite(storage: &dyn Storage, team: &str, role: Role) -> Result<String, AppError> {
    if role == Role::Faculty {
        return Err(AppError::BadRequest("invites are to a team, as member or coach".into()));
    }
    let team = team.strip_prefix("team:").unwrap_or(team);
    let team = ramp_core::Uuid7::parse(team).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let code = auth::new_invite_code();
    storage
        .create_invite(&auth::token_hash(&auth::normalize_invite(&code)), &ramp_core::team_scope(&team), role)
        .await?;
    Ok(code)
}

/// Ends every session of the person with this email (a lost phone, a person who left);
/// returns how many were ended.
pub async fn revoke_sessions(storage: &dyn Storage, email: &str) -> Result<u64, AppError> {
    let user = user_id(storage, email).await?;
    storage.revoke_sessions(&user).await
}
