//! Setting up accounts, a collaborative, its teams and their people, and the access
//! lifecycle (invites, roles, removals, disabled accounts, reset codes): from the command
//! line (`ramp-server admin …`, as [`Actor::Admin`]) and for faculty through the API
//! (as [`Actor::Faculty`], whose rights each function checks).
//!
//! Records are written as ops through the same push path devices use, from a one-off server
//! device, so devices receive them by pulling like any other change.

use ramp_core::wire::{PushRequest, MAX_OPS_PER_PUSH};
use ramp_core::{DeviceClock, Edit, Kind, Replica, Value};

use crate::access::{Access, Role};
use crate::auth;
use crate::error::AppError;
pub use crate::storage::Joined;
use crate::storage::{InviteInfo, NewInvite, Person, Storage, UserRow};

/// Who asks for a change of access.
#[derive(Clone, Copy)]
pub enum Actor<'a> {
    /// `ramp-server admin` on the server's machine: may do anything.
    Admin,
    /// A signed-in person, who may act only where they are faculty.
    Faculty(&'a Access),
}

impl Actor<'_> {
    /// The id logged as who did it.
    fn id(&self) -> &str {
        match self {
            Actor::Admin => "server",
            Actor::Faculty(access) => &access.user,
        }
    }

    /// Refused unless the actor is faculty over `scope`.
    fn must_govern(&self, scope: &str, what: &str) -> Result<(), AppError> {
        match self {
            Actor::Faculty(access) if !access.governs(scope) => {
                Err(AppError::Forbidden(format!("only the collaborative's faculty can {what}")))
            }
            _ => Ok(()),
        }
    }
}

/// A team's scope from `team:<id>` or the bare id.
fn team_scope_of(team: &str) -> Result<String, AppError> {
    let team = team.strip_prefix("team:").unwrap_or(team);
    let team = ramp_core::Uuid7::parse(team).map_err(|e| AppError::BadRequest(e.to_string()))?;
    Ok(ramp_core::team_scope(&team))
}

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
        disabled: false,
    };
    ramp_core::identity::check_name(&user.name).map_err(|issue| AppError::BadRequest(issue.to_string()))?;
    storage.create_user(&user).await?;
    Ok(user.id)
}

/// The id of the account with this email.
pub async fn user_id(storage: &dyn Storage, email: &str) -> Result<String, AppError> {
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
    let mut access =
        Access::new("server".into(), &[(format!("collab:{collab}"), Role::Faculty)], &pairs, &Default::default());
    access.name = author.to_owned();
    access.named_as_is = true;
    let mut clock = DeviceClock { device: auth::new_id(now_ms()), counter: 0, last_hlc: None };
    let ops = Replica::default().edit(&mut clock, edits, now_ms(), Some(author));
    let mut rest = &ops[..];
    while !rest.is_empty() {
        let (chunk, after) = rest.split_at(ramp_core::wire::batch_len(rest, MAX_OPS_PER_PUSH));
        rest = after;
        let push = PushRequest {
            version: ramp_core::wire::SYNC_VERSION,
            device: clock.device.clone(),
            ops: chunk.to_vec(),
            codes: false,
        };
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

/// Gives the person with this email a role (member or coach) in a team where they have
/// none; a different role there already is refused (changing it is [`set_role`]).
pub async fn add_to_team(storage: &dyn Storage, team: &str, email: &str, role: Role) -> Result<Joined, AppError> {
    if role == Role::Faculty {
        return Err(AppError::BadRequest("faculty belong to a collaborative, not a team".into()));
    }
    let user = user_id(storage, email).await?;
    storage.add_member(Actor::Admin.id(), &user, &team_scope_of(team)?, role).await
}

/// What an invite is for: its team, role, how many accounts may use it, for how many days.
#[derive(Clone, Debug)]
pub struct InviteRequest<'a> {
    /// `team:<id>` or the bare id.
    pub team: &'a str,
    /// Member or coach.
    pub role: Role,
    /// How many accounts may use it (1 unless said).
    pub uses: u32,
    /// For how many days.
    pub days: i64,
}

impl<'a> InviteRequest<'a> {
    /// An invite for one person, for [`auth::INVITE_DAYS`].
    pub fn once(team: &'a str, role: Role) -> InviteRequest<'a> {
        InviteRequest { team, role, uses: 1, days: auth::INVITE_DAYS }
    }
}

/// A new invite: its code (to hand out; never stored) and its id (to list and revoke it).
#[derive(Clone, Debug, serde::Serialize)]
pub struct MadeInvite {
    /// The code.
    pub code: String,
    /// Its public id.
    pub id: String,
    /// When it stops working (ms).
    pub expires_at: i64,
}

/// Makes an invite code to a team with a role (member or coach).
pub async fn invite(
    storage: &dyn Storage,
    secret: &auth::Secret,
    actor: Actor<'_>,
    request: InviteRequest<'_>,
) -> Result<MadeInvite, AppError> {
    if request.role == Role::Faculty {
        return Err(AppError::BadRequest("an invite is for a member or a coach".into()));
    }
    if !(1..=auth::MAX_INVITE_USES).contains(&request.uses) {
        return Err(AppError::BadRequest(format!("an invite is for 1 to {} people", auth::MAX_INVITE_USES)));
    }
    if !(1..=auth::MAX_INVITE_DAYS).contains(&request.days) {
        return Err(AppError::BadRequest(format!("an invite lasts 1 to {} days", auth::MAX_INVITE_DAYS)));
    }
    let scope = team_scope_of(request.team)?;
    actor.must_govern(&scope, "invite people to this team")?;
    let code = auth::new_invite_code();
    let id = auth::new_id(now_ms()).to_string();
    let expires_at = now_ms() as i64 + request.days * 86_400_000;
    let code_hash = secret.code_hash(&code);
    let new = NewInvite {
        id: &id,
        code_hash: &code_hash,
        scope: &scope,
        role: request.role,
        created_by: actor.id(),
        max_uses: request.uses,
        expires_at,
    };
    storage.create_invite(&new).await?;
    Ok(MadeInvite { code, id, expires_at })
}

/// The invites to a team, newest first, with who used them.
pub async fn invites(storage: &dyn Storage, actor: Actor<'_>, team: &str) -> Result<Vec<InviteInfo>, AppError> {
    let scope = team_scope_of(team)?;
    actor.must_govern(&scope, "see this team's invites")?;
    storage.invites(&scope).await
}

/// Revokes an invite: faculty only their own.
pub async fn revoke_invite(storage: &dyn Storage, actor: Actor<'_>, id: &str) -> Result<(), AppError> {
    storage.revoke_invite(id, actor.id(), matches!(actor, Actor::Faculty(_))).await
}

/// The people of a team and their roles.
pub async fn people(storage: &dyn Storage, actor: Actor<'_>, team: &str) -> Result<Vec<(Person, Role)>, AppError> {
    let scope = team_scope_of(team)?;
    actor.must_govern(&scope, "see who is on this team")?;
    storage.people(&scope).await
}

/// Changes a person's role in a team (member ↔ coach).
pub async fn set_role(
    storage: &dyn Storage,
    actor: Actor<'_>,
    team: &str,
    user: &str,
    role: Role,
) -> Result<(), AppError> {
    if role == Role::Faculty {
        return Err(AppError::BadRequest("a role in a team is member or coach".into()));
    }
    let scope = team_scope_of(team)?;
    actor.must_govern(&scope, "change roles in this team")?;
    storage.set_role(actor.id(), user, &scope, role).await
}

/// Removes a person from a team: their devices stop receiving it and their changes to it are
/// refused.
pub async fn remove_from_team(storage: &dyn Storage, actor: Actor<'_>, team: &str, user: &str) -> Result<(), AppError> {
    let scope = team_scope_of(team)?;
    actor.must_govern(&scope, "remove people from this team")?;
    storage.remove_member(actor.id(), user, &scope).await
}

/// The scopes an account has roles in, once faculty are found to manage it.
async fn managed(storage: &dyn Storage, actor: Actor<'_>, user: &str) -> Result<Vec<String>, AppError> {
    storage.person(user).await?.ok_or(AppError::NotFound("account"))?;
    let theirs = storage.memberships(user).await?;
    if let Actor::Faculty(access) = actor {
        if !access.manages_account(user, &theirs) {
            return Err(AppError::Forbidden(
                "faculty can manage only accounts whose every team is in their collaborative: ask the server's admin"
                    .into(),
            ));
        }
    }
    Ok(theirs.into_iter().map(|(scope, _)| scope).collect())
}

/// Disables an account (or enables it again), ending its sessions at once; returns how many
/// sessions ended.
pub async fn set_disabled(
    storage: &dyn Storage,
    actor: Actor<'_>,
    user: &str,
    disabled: bool,
) -> Result<u64, AppError> {
    let scopes = managed(storage, actor, user).await?;
    storage.set_disabled(actor.id(), user, disabled, &scopes).await
}

/// A one-time code with which the account's owner sets a new password (there is no email);
/// it works for [`auth::RESET_HOURS`] and replaces any earlier one.
pub async fn reset_code(
    storage: &dyn Storage,
    secret: &auth::Secret,
    actor: Actor<'_>,
    user: &str,
) -> Result<String, AppError> {
    let scopes = managed(storage, actor, user).await?;
    let code = auth::new_invite_code();
    let expires_at = now_ms() as i64 + auth::RESET_HOURS * 3_600_000;
    storage.create_reset_code(&secret.reset_hash(&code), user, actor.id(), expires_at, &scopes).await?;
    Ok(code)
}

/// Ends every session of the person with this email (a lost phone, a person who left);
/// returns how many were ended.
pub async fn revoke_sessions(storage: &dyn Storage, email: &str) -> Result<u64, AppError> {
    let user = user_id(storage, email).await?;
    storage.revoke_sessions(&user).await
}
