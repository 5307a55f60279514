//! Setting up accounts, a collaborative, its teams and their people: from the command line
//! (`ramp-server admin …`) before anyone has signed in, and for faculty through the API.
//!
//! Records are written as ops through the same push path devices use, from a one-off server
//! device, so devices receive them by pulling like any other change.

use ramp_core::wire::{PushRequest, MAX_OPS_PER_PUSH};
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

/// Writes edits in a collaborative as `author`, with faculty rights over it and its `teams`,
/// from a one-off server device, through the push path devices use.
pub async fn write_as(
    storage: &dyn Storage,
    author: &str,
    collab: &str,
    teams: &[String],
    edits: Vec<Edit>,
) -> Result<(), AppError> {
    let pairs: Vec<(String, String)> = teams.iter().map(|t| (t.clone(), collab.to_owned())).collect();
    let mut access = Access::new("server".into(), &[(format!("collab:{collab}"), Role::Faculty)], &pairs);
    access.name = author.to_owned();
    let mut clock = DeviceClock { device: auth::new_id(now_ms()), counter: 0, last_hlc: None };
    let ops = Replica::default().edit(&mut clock, edits, now_ms(), Some(author));
    let mut rest = &ops[..];
    while !rest.is_empty() {
        let (chunk, after) = rest.split_at(ramp_core::wire::batch_len(rest, MAX_OPS_PER_PUSH));
        rest = after;
        let push =
            PushRequest { version: ramp_core::wire::SYNC_VERSION, device: clock.device.clone(), ops: chunk.to_vec() };
        let response = storage.push(&access, &push).await?;
        if let Some(refusal) = response.refused.first() {
            return Err(AppError::BadRequest(refusal.reason.clone()));
        }
    }
    Ok(())
}

/// Creates a collaborative run by the person with this user id, its record named `name`;
/// returns its scope.
pub async fn start_collaborative(storage: &dyn Storage, faculty: &str, name: &str) -> Result<String, AppError> {
    let name = name.trim();
    ramp_core::schema::check_field(Kind::Collaborative, "name", &Value::Text(name.to_owned()))
        .map_err(|issue| AppError::BadRequest(issue.to_string()))?;
    if name.is_empty() {
        return Err(AppError::BadRequest("give the collaborative a name".into()));
    }
    let collab = auth::new_id(now_ms());
    let scope = format!("collab:{collab}");
    storage.add_membership(faculty, &scope, Role::Faculty).await?;
    let edit = Edit {
        record: collab.clone(),
        kind: Kind::Collaborative,
        scope: scope.clone(),
        field: "name".into(),
        value: Value::Text(name.to_owned()),
    };
    write_as(storage, "server", collab.as_str(), &[], vec![edit]).await?;
    Ok(scope)
}

/// Creates a collaborative run by the faculty member with this email; returns its scope.
pub async fn create_collaborative(storage: &dyn Storage, faculty_email: &str, name: &str) -> Result<String, AppError> {
    let faculty = user_id(storage, faculty_email).await?;
    start_collaborative(storage, &faculty, name).await
}

/// Creates a team in a collaborative (`collab:<id>` or the bare id); returns the team's id.
pub async fn create_team(storage: &dyn Storage, collab: &str, name: &str) -> Result<String, AppError> {
    create_team_with_id(storage, collab, name, auth::new_id(now_ms())).await
}

/// [`create_team`] with a given id (a team whose records were made elsewhere: a backup, a
/// benchmark's data set).
pub async fn create_team_with_id(
    storage: &dyn Storage,
    collab: &str,
    name: &str,
    team: ramp_core::Uuid7,
) -> Result<String, AppError> {
    let collab = collab.strip_prefix("collab:").unwrap_or(collab);
    ramp_core::Uuid7::parse(collab).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > ramp_core::schema::MAX_LINE {
        return Err(AppError::BadRequest("give the team a name (up to 200 characters)".into()));
    }
    storage.add_team(team.as_str(), collab).await?;
    let edit = Edit {
        record: team.clone(),
        kind: Kind::Team,
        scope: ramp_core::team_scope(&team),
        field: "name".into(),
        value: Value::Text(name.to_owned()),
    };
    write_as(storage, "server", collab, &[team.to_string()], vec![edit]).await?;
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
pub async fn invite(storage: &dyn Storage, secret: &auth::Secret, team: &str, role: Role) -> Result<String, AppError> {
    if role == Role::Faculty {
        return Err(AppError::BadRequest("invites are to a team, as member or coach".into()));
    }
    let team = team.strip_prefix("team:").unwrap_or(team);
    let team = ramp_core::Uuid7::parse(team).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let code = auth::new_invite_code();
    storage.create_invite(&secret.code_hash(&code), &ramp_core::team_scope(&team), role).await?;
    Ok(code)
}

/// Ends every session of the person with this email (a lost phone, a person who left);
/// returns how many were ended.
pub async fn revoke_sessions(storage: &dyn Storage, email: &str) -> Result<u64, AppError> {
    let user = user_id(storage, email).await?;
    storage.revoke_sessions(&user).await
}
