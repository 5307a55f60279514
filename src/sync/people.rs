//! The access lifecycle as the app asks for it (all need a connection): a team's people and
//! roles, removals, invites with their uses, disabled accounts, reset codes, and a person's
//! own password. Faculty's rights are the server's to check; these only ask.

use leptos::prelude::*;
use serde::Deserialize;

use super::{http, Sync};
use crate::error::ClientError;

/// A person on a team, as its faculty see them.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Person {
    /// Their account id.
    pub id: String,
    /// Their name.
    pub name: String,
    /// Their sign-in email.
    pub email: String,
    /// "member" or "coach".
    pub role: String,
    /// Whether the account is disabled.
    pub disabled: bool,
}

/// An invite as listed (never its code).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Invite {
    /// Its id.
    pub id: String,
    /// "member" or "coach".
    pub role: String,
    /// Who made it (their account id).
    pub created_by: String,
    /// Until when it works (ms).
    pub expires_at: i64,
    /// How many accounts may use it.
    pub max_uses: i64,
    /// How many have.
    pub uses: i64,
    /// When it was revoked, if it was.
    pub revoked_at: Option<i64>,
    /// Who took it.
    pub used_by: Vec<String>,
}

/// A new invite: the code to hand out, once.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct MadeInvite {
    /// The code.
    pub code: String,
    /// Until when it works (ms).
    pub expires_at: i64,
}

impl Sync {
    /// The session's token, or "sign in again".
    pub(super) fn token(&self) -> Result<String, ClientError> {
        self.session.get_untracked().map(|s| s.token).ok_or(ClientError::SignInNeeded)
    }

    /// A team's people and their roles (its faculty).
    pub async fn people(&self, team: &str) -> Result<Vec<Person>, ClientError> {
        #[derive(Deserialize)]
        struct People {
            people: Vec<Person>,
        }
        let people: People = http::get(&format!("/api/teams/{team}/people"), &self.token()?).await?;
        Ok(people.people)
    }

    /// Changes a person's role in a team.
    pub async fn set_role(&self, team: &str, user: &str, role: &str) -> Result<(), ClientError> {
        let path = format!("/api/teams/{team}/people/{user}");
        let _: serde_json::Value =
            http::send_json("PATCH", &path, Some(&self.token()?), &serde_json::json!({ "role": role })).await?;
        Ok(())
    }

    /// Removes a person from a team.
    pub async fn remove_person(&self, team: &str, user: &str) -> Result<(), ClientError> {
        let path = format!("/api/teams/{team}/people/{user}");
        let _: serde_json::Value = http::send_json("DELETE", &path, Some(&self.token()?), &()).await?;
        Ok(())
    }

    /// Disables an account (or enables it again).
    pub async fn set_disabled(&self, user: &str, disabled: bool) -> Result<(), ClientError> {
        let action = if disabled { "disable" } else { "enable" };
        let _: serde_json::Value =
            http::post(&format!("/api/accounts/{user}/{action}"), Some(&self.token()?), &()).await?;
        Ok(())
    }

    /// A one-time code with which a person sets a new password.
    pub async fn reset_code(&self, user: &str) -> Result<String, ClientError> {
        #[derive(Deserialize)]
        struct Code {
            code: String,
        }
        let code: Code = http::post(&format!("/api/accounts/{user}/reset-code"), Some(&self.token()?), &()).await?;
        Ok(code.code)
    }

    /// An invite code to a team, for a member or a coach, for `uses` people over `days` days.
    pub async fn invite(&self, team: &str, role: &str, uses: u32, days: u32) -> Result<MadeInvite, ClientError> {
        let body = serde_json::json!({ "team": team, "role": role, "uses": uses, "days": days });
        http::post("/api/invites", Some(&self.token()?), &body).await
    }

    /// A team's invites, newest first.
    pub async fn invites(&self, team: &str) -> Result<Vec<Invite>, ClientError> {
        #[derive(Deserialize)]
        struct Invites {
            invites: Vec<Invite>,
        }
        let invites: Invites = http::get(&format!("/api/invites?team={team}"), &self.token()?).await?;
        Ok(invites.invites)
    }

    /// Revokes an invite this person made.
    pub async fn revoke_invite(&self, id: &str) -> Result<(), ClientError> {
        let _: serde_json::Value = http::post(&format!("/api/invites/{id}/revoke"), Some(&self.token()?), &()).await?;
        Ok(())
    }

    /// Changes this person's password; their other devices are signed out.
    pub async fn change_password(&self, current: &str, new: &str) -> Result<u64, ClientError> {
        #[derive(Deserialize)]
        struct Changed {
            sessions_ended: u64,
        }
        let body = serde_json::json!({ "current": current, "new": new });
        let changed: Changed = http::post("/api/auth/password", Some(&self.token()?), &body).await?;
        Ok(changed.sessions_ended)
    }

    /// Sets a new password with a reset code, and signs in.
    pub async fn reset_password(&self, email: &str, code: &str, password: &str) -> Result<(), ClientError> {
        let body = serde_json::json!({ "email": email, "code": code, "password": password });
        let session: super::Session = http::post("/api/auth/reset", None, &body).await?;
        self.begin(session);
        Ok(())
    }
}
