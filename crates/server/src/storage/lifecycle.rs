//! The access lifecycle in SQLite: people on a team and their roles, removals, disabled
//! accounts, passwords and their reset codes, invites with uses, and the log of these
//! changes (`access_events`), which the activity log shows beside the changes of records.
//!
//! Every change here is one write transaction ([`in_write`]) that also writes its event, so
//! the log cannot miss a change nor show one that did not happen.

use std::collections::HashMap;

use serde::Serialize;
use sqlx::{AnyConnection, Row};

use super::{in_write, now_ms, SqlStore};
use crate::access::Role;
use crate::error::AppError;

/// An account, as faculty see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Person {
    /// The user id.
    pub id: String,
    /// The sign-in email.
    pub email: String,
    /// The name the person chose.
    pub name: String,
    /// Whether the account is disabled.
    pub disabled: bool,
}

/// A new invite, as made.
#[derive(Clone, Debug)]
pub struct NewInvite<'a> {
    /// Its public id (to list and revoke it).
    pub id: &'a str,
    /// The keyed hash of its code.
    pub code_hash: &'a str,
    /// The team scope it joins.
    pub scope: &'a str,
    /// The role it gives.
    pub role: Role,
    /// Who made it (a user id, or "server").
    pub created_by: &'a str,
    /// How many accounts may use it.
    pub max_uses: u32,
    /// Until when (ms since the Unix epoch).
    pub expires_at: i64,
}

/// An invite as listed: never its code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InviteInfo {
    /// Its public id.
    pub id: String,
    /// The team scope.
    pub scope: String,
    /// The role it gives.
    pub role: String,
    /// Who made it (their user id).
    pub created_by: String,
    /// When (ms).
    pub created_at: i64,
    /// Until when it works (ms).
    pub expires_at: i64,
    /// How many accounts may use it.
    pub max_uses: i64,
    /// How many have.
    pub uses: i64,
    /// When it was revoked, if it was (ms).
    pub revoked_at: Option<i64>,
    /// The names of the people who took it, in order.
    pub used_by: Vec<String>,
}

/// One change of access in a scope.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AccessEvent {
    /// Its place in the log.
    pub id: i64,
    /// When (ms).
    pub at_ms: i64,
    /// Who did it: an account's name, or "server" (an admin command).
    pub actor: String,
    /// To whom: their name and email (none for an invite made or revoked).
    pub subject: Option<String>,
    /// The subject's email.
    pub subject_email: Option<String>,
    /// What: `joined`, `added`, `role_changed`, `removed`, `disabled`, `enabled`,
    /// `reset_code`, `invite_made`, `invite_revoked`.
    pub action: String,
    /// The role given (or the new role).
    pub role: Option<String>,
    /// The role before, for `role_changed`; the uses, for `invite_made`.
    pub detail: Option<String>,
}

/// What taking an invite did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Joined {
    /// The person now has the invite's role in its team.
    Joined,
    /// The person had that role there already; the invite was not used up.
    Already,
}

/// Writes one event of the access log.
pub(super) async fn log(
    conn: &mut AnyConnection,
    scope: &str,
    actor: &str,
    subject: Option<&str>,
    action: &str,
    role: Option<&str>,
    detail: Option<&str>,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO access_events (scope, at, actor, subject, action, role, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(scope)
    .bind(now_ms())
    .bind(actor)
    .bind(subject)
    .bind(action)
    .bind(role)
    .bind(detail)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn role_of(conn: &mut AnyConnection, user: &str, scope: &str) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar("SELECT role FROM memberships WHERE user_id = $1 AND scope = $2")
        .bind(user)
        .bind(scope)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Gives a person a role in a team they have no role in, or finds they have it already; a
/// different role there is [`AppError::AlreadyOnTeam`]: changing it is [`SqlStore::set_role`].
pub(super) async fn join(
    conn: &mut AnyConnection,
    actor: &str,
    user: &str,
    scope: &str,
    role: Role,
    action: &str,
) -> Result<Joined, AppError> {
    match role_of(conn, user, scope).await? {
        Some(had) if had == role.as_str() => return Ok(Joined::Already),
        Some(had) => return Err(AppError::AlreadyOnTeam(Role::parse(&had).map_or("on it", Role::as_str))),
        None => {}
    }
    sqlx::query("INSERT INTO memberships (user_id, scope, role) VALUES ($1, $2, $3)")
        .bind(user)
        .bind(scope)
        .bind(role.as_str())
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM removals WHERE user_id = $1 AND scope = $2")
        .bind(user)
        .bind(scope)
        .execute(&mut *conn)
        .await?;
    log(conn, scope, actor, Some(user), action, Some(role.as_str()), None).await?;
    Ok(Joined::Joined)
}

/// Takes one use of a live invite; its (id, scope, role), or `None` when the code is unknown,
/// used up, revoked or expired.
pub(super) async fn use_invite(
    conn: &mut AnyConnection,
    code_hash: &str,
) -> Result<Option<(String, String, Role)>, AppError> {
    let Some((scope, role)) = super::live_invite(conn, code_hash).await? else { return Ok(None) };
    let Some(role) = Role::parse(&role) else { return Ok(None) };
    let id: String = sqlx::query_scalar("UPDATE invites SET uses = uses + 1 WHERE code_hash = $1 RETURNING id")
        .bind(code_hash)
        .fetch_one(&mut *conn)
        .await?;
    Ok(Some((id, scope, role)))
}

/// Records who took an invite.
pub(super) async fn record_use(conn: &mut AnyConnection, invite: &str, user: &str) -> Result<(), AppError> {
    sqlx::query("INSERT INTO invite_uses (invite_id, user_id, at) VALUES ($1, $2, $3)")
        .bind(invite)
        .bind(user)
        .bind(now_ms())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

fn person(row: &sqlx::any::AnyRow) -> Person {
    Person {
        id: row.get("id"),
        email: row.get("email"),
        name: row.get("name"),
        disabled: row.get::<Option<i64>, _>("disabled_at").is_some(),
    }
}

impl SqlStore {
    pub(super) async fn person_in(&self, user: &str) -> Result<Option<Person>, AppError> {
        let row = sqlx::query("SELECT id, email, name, disabled_at FROM users WHERE id = $1")
            .bind(user)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(person))
    }

    pub(super) async fn memberships_in(&self, user: &str) -> Result<Vec<(String, Role)>, AppError> {
        Ok(sqlx::query("SELECT scope, role FROM memberships WHERE user_id = $1 ORDER BY scope")
            .bind(user)
            .fetch_all(&self.pool)
            .await?
            .into_iter()
            .filter_map(|row| Some((row.get("scope"), Role::parse(row.get("role"))?)))
            .collect())
    }

    pub(super) async fn people_in(&self, scope: &str) -> Result<Vec<(Person, Role)>, AppError> {
        Ok(sqlx::query(
            "SELECT u.id, u.email, u.name, u.disabled_at, m.role FROM memberships m JOIN users u ON u.id = m.user_id \
             WHERE m.scope = $1 ORDER BY u.name, u.email",
        )
        .bind(scope)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .filter_map(|row| Some((person(row), Role::parse(row.get("role"))?)))
        .collect())
    }

    pub(super) async fn add_member_in(
        &self,
        actor: &str,
        user: &str,
        scope: &str,
        role: Role,
    ) -> Result<Joined, AppError> {
        in_write(&self.pool, async |conn| join(conn, actor, user, scope, role, "added").await).await
    }

    pub(super) async fn set_role_in(&self, actor: &str, user: &str, scope: &str, role: Role) -> Result<(), AppError> {
        in_write(&self.pool, async |conn| {
            let had = role_of(conn, user, scope).await?.ok_or(AppError::NotOnTeam)?;
            if had == role.as_str() {
                return Ok(());
            }
            sqlx::query("UPDATE memberships SET role = $1 WHERE user_id = $2 AND scope = $3")
                .bind(role.as_str())
                .bind(user)
                .bind(scope)
                .execute(&mut *conn)
                .await?;
            log(conn, scope, actor, Some(user), "role_changed", Some(role.as_str()), Some(&had)).await
        })
        .await
    }

    pub(super) async fn remove_member_in(&self, actor: &str, user: &str, scope: &str) -> Result<(), AppError> {
        in_write(&self.pool, async |conn| {
            let had = role_of(conn, user, scope).await?.ok_or(AppError::NotOnTeam)?;
            sqlx::query("DELETE FROM memberships WHERE user_id = $1 AND scope = $2")
                .bind(user)
                .bind(scope)
                .execute(&mut *conn)
                .await?;
            sqlx::query(
                "INSERT INTO removals (user_id, scope, removed_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (user_id, scope) DO UPDATE SET removed_at = excluded.removed_at",
            )
            .bind(user)
            .bind(scope)
            .bind(now_ms())
            .execute(&mut *conn)
            .await?;
            log(conn, scope, actor, Some(user), "removed", Some(&had), None).await
        })
        .await
    }

    pub(super) async fn set_disabled_in(
        &self,
        actor: &str,
        user: &str,
        disabled: bool,
        scopes: &[String],
    ) -> Result<u64, AppError> {
        in_write(&self.pool, async |conn| {
            let at = disabled.then(now_ms);
            let done = sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2")
                .bind(at)
                .bind(user)
                .execute(&mut *conn)
                .await?;
            if done.rows_affected() == 0 {
                return Err(AppError::NotFound("account"));
            }
            let ended = sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user).execute(&mut *conn).await?;
            if disabled {
                sqlx::query("DELETE FROM reset_codes WHERE user_id = $1").bind(user).execute(&mut *conn).await?;
            }
            let action = if disabled { "disabled" } else { "enabled" };
            for scope in scopes {
                log(conn, scope, actor, Some(user), action, None, None).await?;
            }
            Ok(ended.rows_affected())
        })
        .await
    }

    pub(super) async fn set_password_in(&self, user: &str, hash: &str, keep: Option<&str>) -> Result<u64, AppError> {
        in_write(&self.pool, async |conn| {
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(hash)
                .bind(user)
                .execute(&mut *conn)
                .await?;
            sqlx::query("DELETE FROM reset_codes WHERE user_id = $1").bind(user).execute(&mut *conn).await?;
            let ended = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2")
                .bind(user)
                .bind(keep)
                .execute(&mut *conn)
                .await?;
            Ok(ended.rows_affected())
        })
        .await
    }

    pub(super) async fn create_reset_code_in(
        &self,
        code_hash: &str,
        user: &str,
        by: &str,
        expires_at: i64,
        scopes: &[String],
    ) -> Result<(), AppError> {
        in_write(&self.pool, async |conn| {
            // One live code per account: a new one replaces the last.
            sqlx::query("DELETE FROM reset_codes WHERE user_id = $1").bind(user).execute(&mut *conn).await?;
            sqlx::query(
                "INSERT INTO reset_codes (code_hash, user_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(code_hash)
            .bind(user)
            .bind(by)
            .bind(now_ms())
            .bind(expires_at)
            .execute(&mut *conn)
            .await?;
            for scope in scopes {
                log(conn, scope, by, Some(user), "reset_code", None, None).await?;
            }
            Ok(())
        })
        .await
    }

    pub(super) async fn use_reset_code_in(
        &self,
        code_hash: &str,
        email: &str,
        hash: &str,
    ) -> Result<Option<String>, AppError> {
        in_write(&self.pool, async |conn| {
            let user: Option<String> = sqlx::query_scalar(
                "SELECT r.user_id FROM reset_codes r JOIN users u ON u.id = r.user_id \
                 WHERE r.code_hash = $1 AND u.email = $2 AND r.expires_at > $3 AND u.disabled_at IS NULL",
            )
            .bind(code_hash)
            .bind(email)
            .bind(now_ms())
            .fetch_optional(&mut *conn)
            .await?;
            let Some(user) = user else { return Ok(None) };
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(hash)
                .bind(&user)
                .execute(&mut *conn)
                .await?;
            sqlx::query("DELETE FROM reset_codes WHERE user_id = $1").bind(&user).execute(&mut *conn).await?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(&user).execute(&mut *conn).await?;
            Ok(Some(user))
        })
        .await
    }

    pub(super) async fn create_invite_in(&self, invite: &NewInvite<'_>) -> Result<(), AppError> {
        in_write(&self.pool, async |conn| {
            sqlx::query(
                "INSERT INTO invites (id, code_hash, scope, role, created_by, created_at, expires_at, max_uses, uses) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0)",
            )
            .bind(invite.id)
            .bind(invite.code_hash)
            .bind(invite.scope)
            .bind(invite.role.as_str())
            .bind(invite.created_by)
            .bind(now_ms())
            .bind(invite.expires_at)
            .bind(i64::from(invite.max_uses))
            .execute(&mut *conn)
            .await?;
            let uses = invite.max_uses.to_string();
            log(conn, invite.scope, invite.created_by, None, "invite_made", Some(invite.role.as_str()), Some(&uses))
                .await
        })
        .await
    }

    pub(super) async fn invites_in(&self, scope: &str) -> Result<Vec<InviteInfo>, AppError> {
        let rows = sqlx::query(
            "SELECT id, scope, role, coalesce(created_by, '') AS created_by, created_at, expires_at, max_uses, uses, \
             revoked_at FROM invites WHERE scope = $1 ORDER BY created_at DESC",
        )
        .bind(scope)
        .fetch_all(&self.pool)
        .await?;
        let mut used_by: HashMap<String, Vec<String>> = HashMap::new();
        let uses = sqlx::query(
            "SELECT x.invite_id, coalesce(u.name, x.user_id) AS name FROM invite_uses x \
             JOIN invites i ON i.id = x.invite_id LEFT JOIN users u ON u.id = x.user_id \
             WHERE i.scope = $1 ORDER BY x.at",
        )
        .bind(scope)
        .fetch_all(&self.pool)
        .await?;
        for row in uses {
            used_by.entry(row.get("invite_id")).or_default().push(row.get("name"));
        }
        Ok(rows
            .into_iter()
            .map(|row| {
                let id: String = row.get("id");
                InviteInfo {
                    used_by: used_by.remove(&id).unwrap_or_default(),
                    id,
                    scope: row.get("scope"),
                    role: row.get("role"),
                    created_by: row.get("created_by"),
                    created_at: row.get("created_at"),
                    expires_at: row.get("expires_at"),
                    max_uses: row.get("max_uses"),
                    uses: row.get("uses"),
                    revoked_at: row.get("revoked_at"),
                }
            })
            .collect())
    }

    pub(super) async fn revoke_invite_in(&self, id: &str, by: &str, only_maker: bool) -> Result<(), AppError> {
        in_write(&self.pool, async |conn| {
            let row = sqlx::query("SELECT scope, role, created_by, revoked_at FROM invites WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?
                .ok_or(AppError::NotFound("invite"))?;
            if only_maker && row.get::<Option<String>, _>("created_by").as_deref() != Some(by) {
                return Err(AppError::Forbidden("only the faculty member who made an invite can revoke it".into()));
            }
            if row.get::<Option<i64>, _>("revoked_at").is_some() {
                return Ok(());
            }
            sqlx::query("UPDATE invites SET revoked_at = $1 WHERE id = $2")
                .bind(now_ms())
                .bind(id)
                .execute(&mut *conn)
                .await?;
            let (scope, role): (String, String) = (row.get("scope"), row.get("role"));
            log(conn, &scope, by, None, "invite_revoked", Some(&role), None).await
        })
        .await
    }

    pub(super) async fn access_events_in(
        &self,
        scope: &str,
        from_ms: i64,
        until_ms: i64,
    ) -> Result<Vec<AccessEvent>, AppError> {
        let rows = sqlx::query(
            "SELECT e.id, e.at, coalesce(a.name, e.actor) AS actor, s.name AS subject, s.email AS subject_email, \
             e.action, e.role, e.detail \
             FROM access_events e LEFT JOIN users a ON a.id = e.actor LEFT JOIN users s ON s.id = e.subject \
             WHERE e.scope = $1 AND e.at >= $2 AND e.at < $3 ORDER BY e.at DESC, e.id DESC",
        )
        .bind(scope)
        .bind(from_ms)
        .bind(until_ms)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| AccessEvent {
                id: row.get("id"),
                at_ms: row.get("at"),
                actor: row.get("actor"),
                subject: row.get("subject"),
                subject_email: row.get("subject_email"),
                action: row.get("action"),
                role: row.get("role"),
                detail: row.get("detail"),
            })
            .collect())
    }

    pub(super) async fn removed_in(&self, user: &str) -> Result<Vec<String>, AppError> {
        Ok(sqlx::query_scalar("SELECT scope FROM removals WHERE user_id = $1 ORDER BY scope")
            .bind(user)
            .fetch_all(&self.pool)
            .await?)
    }
}
