//! Syncing with the server: the session, and the push-then-pull loop (DESIGN.md §4).
//!
//! The only module that talks to the server (through `http`). It runs on start, when the
//! browser comes back online, shortly after each save, and on a backoff timer; one run at a
//! time. What it receives goes into `LocalDb` (`apply_ack`, `apply_pull`), which writes it
//! to IndexedDB. Start reading at [`Sync::start`].

mod http;
mod people;

pub use people::{Invite, MadeInvite, Person};

use std::collections::BTreeMap;
use std::time::Duration;

use leptos::prelude::*;
use ramp_core::wire::{PullRequest, PullResponse, PushRequest, PushResponse, MAX_OPS_PER_PUSH, SYNC_VERSION};
use serde::{Deserialize, Serialize};

use crate::error::ClientError;
use crate::store::{LocalDb, Phase};

/// Where the session is kept in localStorage.
const SESSION_KEY: &str = "ramp.session";
/// How long after a save the changes are sent.
const AFTER_SAVE: Duration = Duration::from_millis(1_500);
/// How often a long pull redraws the screen while its pages arrive, in milliseconds.
const SHOW_PULL_EVERY: f64 = 1_000.0;
/// The timer's first and longest wait between syncs.
const RETRY_MIN: Duration = Duration::from_secs(15);
const RETRY_MAX: Duration = Duration::from_secs(300);

/// A signed-in person on this device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The opaque session token.
    pub token: String,
    /// Who.
    pub user: SessionUser,
    /// What the server lets this person read and write, as of the last sync.
    #[serde(default)]
    pub rights: Rights,
}

/// The scopes a person may read and write (from `GET /api/me`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Rights {
    /// Readable scopes.
    pub readable: Vec<String>,
    /// Writable scopes.
    pub writable: Vec<String>,
    /// Scopes the person is faculty over (may read their activity log).
    #[serde(default)]
    pub governed: Vec<String>,
    /// Team scopes the person coaches.
    #[serde(default)]
    pub coached: Vec<String>,
    /// The collaborative of each readable team: team id → collaborative id.
    #[serde(default)]
    pub collabs: BTreeMap<String, String>,
    /// Teams the person was removed from: what this device holds of them stays readable here,
    /// and nothing more is sent.
    #[serde(default)]
    pub removed: Vec<String>,
    /// The other teams of the person's collaboratives, team scope → collaborative id: read
    /// while the collaborative shares (then they are in `readable` too), never the person's to
    /// write. What this device holds of them stays readable here when sharing ends.
    #[serde(default)]
    pub others: BTreeMap<String, String>,
}

impl Rights {
    /// The ids of the teams the person coaches or runs as faculty: the dashboard's teams.
    pub fn reviewed_teams(&self) -> impl Iterator<Item = &str> {
        self.coached.iter().chain(&self.governed).filter_map(|scope| scope.strip_prefix("team:"))
    }
}

/// One page of a scope's activity log (`GET /api/audit`), newest first.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ActivityPage {
    /// The entries.
    pub entries: Vec<Activity>,
    /// Whether older entries wait.
    pub more: bool,
    /// The changes of access (people, roles, invites) in the time these entries span.
    #[serde(default)]
    pub access: Vec<AccessChange>,
}

/// A change of who may do what in a team: an invite made or taken, a role changed, a person
/// removed, an account disabled.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AccessChange {
    /// Its place in the access log.
    pub id: i64,
    /// When (ms).
    pub at_ms: i64,
    /// Who did it ("server" for the server's admin).
    pub actor: String,
    /// To whom.
    pub subject: Option<String>,
    /// What: `joined`, `added`, `role_changed`, `removed`, `disabled`, `enabled`, `reset_code`,
    /// `invite_made`, `invite_revoked`.
    pub action: String,
    /// The role given.
    pub role: Option<String>,
    /// The role before (`role_changed`), or the invite's uses (`invite_made`).
    pub detail: Option<String>,
}

/// One change the server received: who wrote what, and whether it was refused.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Activity {
    /// Its place in the log (for paging).
    pub id: i64,
    /// When the server received it.
    pub received_ms: i64,
    /// Who sent it.
    pub person: String,
    /// Their sign-in email (names are chosen; emails are not shared).
    #[serde(default)]
    pub email: String,
    /// The record written.
    pub record: ramp_core::RecordId,
    /// Its kind.
    pub kind: ramp_core::Kind,
    /// The field written.
    pub field: String,
    /// The value written.
    pub value: ramp_core::Value,
    /// Why the server refused it, if it did.
    pub refused: Option<String>,
    /// The same as a code, for the reader's language.
    #[serde(default)]
    pub refused_code: Option<ramp_core::wire::Reason>,
}

/// The signed-in person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionUser {
    /// User id.
    pub id: String,
    /// Sign-in email.
    pub email: String,
    /// Name shown to others.
    pub name: String,
}

/// What sync is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum SyncState {
    /// Not signed in: data stays on this device.
    SignedOut,
    /// Signed in, not synced yet in this visit.
    Waiting,
    /// A sync is running.
    Syncing,
    /// The last sync finished at this time (Unix ms).
    Synced(f64),
    /// The last sync failed; the words say why.
    Failed(ClientError),
}

/// The sync handle, provided as context. `Copy`.
#[derive(Clone, Copy)]
pub struct Sync {
    local_db: LocalDb,
    session: RwSignal<Option<Session>>,
    state: RwSignal<SyncState>,
    running: StoredValue<bool>,
    again: StoredValue<bool>,
    retry: StoredValue<Duration>,
    soon: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// The session token whose rights were last fetched, and when (ms).
    rights_for: StoredValue<Option<(String, f64)>>,
}

/// How long fetched rights are trusted before a sync asks the server again: a new team or
/// role shows within a minute, and syncs in between save a round trip.
const RIGHTS_FRESH_MS: f64 = 60_000.0;

impl Sync {
    /// Restores the session and starts syncing: now (once the data is loaded), when the
    /// browser comes online, and on the timer.
    pub fn start(local_db: LocalDb) -> Sync {
        let session = load_session();
        let state = if session.is_some() { SyncState::Waiting } else { SyncState::SignedOut };
        local_db.set_author(session.as_ref().map(|s| s.user.name.clone()));
        let sync = Sync {
            local_db,
            session: RwSignal::new(session),
            state: RwSignal::new(state),
            running: StoredValue::new(false),
            again: StoredValue::new(false),
            retry: StoredValue::new(RETRY_MIN),
            soon: StoredValue::new_local(None),
            rights_for: StoredValue::new(None),
        };
        let handle = window_event_listener(leptos::ev::online, move |_| sync.sync_now());
        std::mem::forget(handle);
        // The browser knows before a request fails: say "Offline" at once.
        let handle = window_event_listener(leptos::ev::offline, move |_| {
            if sync.session.with_untracked(Option::is_some) {
                sync.state.set(SyncState::Failed(ClientError::Offline));
            }
        });
        std::mem::forget(handle);
        sync.schedule_timer();
        sync
    }

    /// What sync is doing (reactive).
    pub fn state(&self) -> SyncState {
        self.state.get()
    }

    /// The signed-in person (reactive).
    pub fn session(&self) -> Option<Session> {
        self.session.get()
    }

    /// Whether the person is faculty over a scope (reactive).
    pub fn governs(&self, scope: &str) -> bool {
        self.session.with(|s| s.as_ref().is_some_and(|s| s.rights.governed.iter().any(|g| g == scope)))
    }

    /// One page of a scope's activity log, older than the entry `before` (newest when `None`).
    /// Needs a connection: the log lives on the server.
    pub async fn activity(&self, scope: &str, before: Option<i64>) -> Result<ActivityPage, ClientError> {
        let token = self.token()?;
        let scope = js_sys::encode_uri_component(scope);
        let path = match before {
            Some(before) => format!("/api/audit?scope={scope}&before={before}"),
            None => format!("/api/audit?scope={scope}"),
        };
        http::get(&path, &token).await
    }

    /// What the person is to a scope (reactive), for `schema::may_write`. Signed out, and for
    /// device-only data the server does not know, the person reads and writes it.
    pub fn standing(&self, scope: &str) -> ramp_core::schema::Standing {
        self.session.with(|session| {
            let has = |list: &[String]| list.iter().any(|s| s == scope);
            match session {
                None => ramp_core::schema::Standing { reads: true, writes: true, ..Default::default() },
                Some(session) if has(&session.rights.removed) => {
                    ramp_core::schema::Standing { reads: true, ..Default::default() }
                }
                // Another team's: comments while it is shared; what is left of it, read only.
                Some(session) if session.rights.others.contains_key(scope) => {
                    ramp_core::schema::Standing { reads: has(&session.rights.readable), ..Default::default() }
                }
                Some(session) => {
                    let rights = &session.rights;
                    let unknown = !has(&rights.readable);
                    ramp_core::schema::Standing {
                        reads: unknown || has(&rights.readable),
                        writes: unknown || has(&rights.writable),
                        governs: has(&rights.governed),
                        coaches: has(&rights.coached),
                    }
                }
            }
        })
    }

    /// Whether the person may write a field of a kind in a scope (reactive): the one rule,
    /// `schema::may_write`, as the server applies it.
    pub fn may_write(&self, kind: ramp_core::Kind, field: &str, scope: &str) -> bool {
        ramp_core::schema::may_write(kind, field, self.standing(scope)).is_ok()
    }

    /// The rights as last fetched (reactive); empty when signed out.
    pub fn rights(&self) -> Rights {
        self.session.with(|s| s.as_ref().map(|s| s.rights.clone()).unwrap_or_default())
    }

    /// The collaborative of a team, if the server said (reactive).
    pub fn collab_of(&self, team: &ramp_core::RecordId) -> Option<String> {
        self.session.with(|s| s.as_ref().and_then(|s| s.rights.collabs.get(team.as_str()).cloned()))
    }

    /// Starts a collaborative with this person as its faculty (needs a connection); resolves to
    /// its scope once its record has arrived on this device.
    pub async fn start_collaborative(&self, name: &str) -> Result<String, ClientError> {
        #[derive(Deserialize)]
        struct Created {
            scope: String,
        }
        let token = self.token()?;
        let created: Created = http::post("/api/collabs", Some(&token), &serde_json::json!({ "name": name })).await?;
        self.refresh();
        Ok(created.scope)
    }

    /// Adds a team to a collaborative this person is faculty of (needs a connection).
    pub async fn add_team(&self, collab: &str, name: &str) -> Result<String, ClientError> {
        #[derive(Deserialize)]
        struct Created {
            team: String,
        }
        let token = self.token()?;
        let body = serde_json::json!({ "collab": collab, "name": name });
        let created: Created = http::post("/api/teams", Some(&token), &body).await?;
        self.refresh();
        Ok(created.team)
    }

    /// Joins another team with an invite code while signed in (a coach taking on a team);
    /// `false` when the person had that role there already.
    pub async fn accept_invite(&self, code: &str) -> Result<bool, ClientError> {
        #[derive(Deserialize)]
        struct Accepted {
            #[serde(default)]
            already: bool,
        }
        let token = self.token()?;
        let accepted: Accepted =
            http::post("/api/invites/accept", Some(&token), &serde_json::json!({ "code": code })).await?;
        self.refresh();
        Ok(!accepted.already)
    }

    /// Whether this is another team of the person's collaborative (reactive): read through
    /// sharing, or left on this device from when it was shared.
    pub fn is_other_team(&self, scope: &str) -> bool {
        self.session.with(|s| s.as_ref().is_some_and(|s| s.rights.others.contains_key(scope)))
    }

    /// Whether the person was removed from this team (reactive).
    pub fn removed_from(&self, scope: &str) -> bool {
        self.session.with(|s| s.as_ref().is_some_and(|s| s.rights.removed.iter().any(|r| r == scope)))
    }

    /// Fetches the rights again and syncs: after a change of teams or roles.
    fn refresh(&self) {
        self.rights_for.set_value(None);
        self.sync_now();
    }

    /// Whether the person may change records in a scope (reactive). Signed out, and for
    /// device-only data the server does not know, everything is theirs.
    pub fn can_write(&self, scope: &str) -> bool {
        self.session.with(|session| match session {
            None => true,
            Some(session) => {
                let rights = &session.rights;
                let has = |list: &[String]| list.iter().any(|s| s == scope);
                has(&rights.writable)
                    || !(has(&rights.readable) || has(&rights.removed) || rights.others.contains_key(scope))
            }
        })
    }

    /// Syncs shortly: after a save, several quick saves make one sync.
    pub fn soon(&self) {
        let sync = *self;
        if let Some(handle) = self.soon.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        self.soon.set_value(set_timeout_with_handle(move || sync.sync_now(), AFTER_SAVE).ok());
    }

    /// Syncs now (or right after the run in progress).
    pub fn sync_now(&self) {
        if self.session.get_untracked().is_none() || self.local_db.phase_untracked() != Phase::Ready {
            return;
        }
        if self.running.get_value() {
            self.again.set_value(true);
            return;
        }
        let sync = *self;
        leptos::task::spawn_local(async move { sync.run().await });
    }

    /// Signs in with email and password, keeps the session, and syncs.
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<(), ClientError> {
        #[derive(Serialize)]
        struct Login<'a> {
            email: &'a str,
            password: &'a str,
        }
        let session: Session = http::post("/api/auth/login", None, &Login { email, password }).await?;
        self.begin(session);
        Ok(())
    }

    /// Creates an account with an invite code (joining its team), keeps the session, syncs.
    pub async fn sign_up(&self, code: &str, name: &str, email: &str, password: &str) -> Result<(), ClientError> {
        #[derive(Serialize)]
        struct Signup<'a> {
            code: &'a str,
            name: &'a str,
            email: &'a str,
            password: &'a str,
        }
        let session: Session = http::post("/api/auth/signup", None, &Signup { code, name, email, password }).await?;
        self.begin(session);
        Ok(())
    }

    pub(crate) fn begin(&self, session: Session) {
        save_session(Some(&session));
        self.local_db.set_author(Some(session.user.name.clone()));
        self.session.set(Some(session));
        self.state.set(SyncState::Waiting);
        self.sync_now();
    }

    /// Signs out: ends the session on the server if it can be reached, and removes the team
    /// data from this device. The caller asks first when changes are still waiting.
    pub async fn sign_out(&self) -> Result<(), ClientError> {
        if let Some(session) = self.session.get_untracked() {
            let _: Result<serde_json::Value, _> = http::post("/api/auth/logout", Some(&session.token), &()).await;
        }
        save_session(None);
        self.local_db.set_author(None);
        self.session.set(None);
        self.state.set(SyncState::SignedOut);
        self.local_db.clear().await
    }

    async fn run(self) {
        self.running.set_value(true);
        loop {
            self.again.set_value(false);
            self.state.set(SyncState::Syncing);
            // The pushing and pulling is in a chunk of its own (not needed for the first screen).
            let result = match crate::chunks::sync_once(self).await {
                Ok(once) => once.await,
                Err(crate::chunks::ChunkMissing) => Err(ClientError::Offline),
            };
            self.state.set(match result {
                Ok(()) => SyncState::Synced(js_sys::Date::now()),
                Err(error) => SyncState::Failed(error),
            });
            let retry = if matches!(self.state.get_untracked(), SyncState::Synced(_)) {
                RETRY_MIN
            } else {
                (self.retry.get_value() * 2).min(RETRY_MAX)
            };
            self.retry.set_value(retry);
            if !self.again.get_value() {
                break;
            }
        }
        self.running.set_value(false);
    }

    /// One sync: push the outbox in batches, then pull pages until nothing more waits.
    pub(crate) async fn once(&self) -> Result<(), ClientError> {
        let token = self.token()?;
        let now = js_sys::Date::now();
        let fresh =
            self.rights_for.with_value(|r| r.as_ref().is_some_and(|(t, at)| *t == token && now - at < RIGHTS_FRESH_MS));
        if !fresh {
            let rights: Rights = http::get("/api/me", &token).await?;
            self.rights_for.set_value(Some((token.clone(), now)));
            if self.session.with_untracked(|s| s.as_ref().map(|s| &s.rights) != Some(&rights)) {
                self.session.update(|session| {
                    if let Some(session) = session {
                        session.rights = rights;
                        save_session(Some(session));
                    }
                });
            }
        }
        if !self.device_only_teams().is_empty() {
            // Pushing now would have them refused: the person first moves them into a team.
            self.pull_all(&token).await?;
            return Err(ClientError::LocalTeamWaiting);
        }
        match self.push_and_pull(&token).await {
            // Another device (or another account on this browser) uses this device id: take
            // a fresh one, re-stamp what is pending, and go again, once.
            Err(ClientError::DeviceClash) => {
                self.local_db.renew_device().await?;
                self.push_and_pull(&token).await
            }
            other => other,
        }
    }

    async fn push_and_pull(&self, token: &str) -> Result<(), ClientError> {
        let token = token.to_owned();
        while let Some((device, ops)) = self.local_db.outbox_batch(MAX_OPS_PER_PUSH) {
            let last = ops.last().map(|op| op.dot.counter).unwrap_or(0);
            let push = PushRequest { version: SYNC_VERSION, device, ops, codes: true };
            let ack: PushResponse = http::post("/api/sync/push", Some(&token), &push).await?;
            let high = ack.high;
            if !ack.refused.is_empty() {
                // A refusal can mean the person's rights changed (removed from a team): ask
                // for them again on the next run, which follows at once.
                self.rights_for.set_value(None);
                self.again.set_value(true);
            }
            self.local_db.apply_ack(ack).await?;
            if high < last {
                return Err(ClientError::ServerFailed("the server did not take every change".into()));
            }
        }
        self.pull_all(&token).await
    }

    /// The scopes of pending ops the server does not know (teams made on this device before
    /// signing in), reactive.
    pub fn device_only_teams(&self) -> Vec<String> {
        // Known to the server: readable, or a team the person was removed from (whose
        // changes are sent to be refused with a reason, never held back unseen).
        let readable: Vec<String> = self.session.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.rights.readable.iter().chain(&s.rights.removed).chain(s.rights.others.keys()).cloned().collect()
                })
                .unwrap_or_default()
        });
        if self.session.with(Option::is_none) {
            return Vec::new();
        }
        let mut scopes: Vec<String> = self
            .local_db
            .with(|r| r.outbox().iter().map(|op| op.scope.clone()).filter(|s| !readable.contains(s)).collect());
        ramp_core::order::sort(&mut scopes);
        scopes.dedup();
        scopes
    }

    /// Team scopes the person may write in (reactive).
    pub fn writable_teams(&self) -> Vec<String> {
        self.session.with(|s| {
            s.as_ref()
                .map(|s| s.rights.writable.iter().filter(|w| w.starts_with("team:")).cloned().collect())
                .unwrap_or_default()
        })
    }

    async fn pull_all(&self, token: &str) -> Result<(), ClientError> {
        let pulled = self.pull_pages(token).await;
        // Whatever was stored, shown (a page stored unshown before a failure included).
        self.local_db.show();
        pulled
    }

    /// The pages of a pull, each stored as it arrives; the screen follows at most every
    /// [`SHOW_PULL_EVERY`] while more pages come.
    async fn pull_pages(&self, token: &str) -> Result<(), ClientError> {
        let mut shown_at = js_sys::Date::now();
        let meta = self.local_db.sync_meta();
        let (mut cursors, known_high) = (meta.cursors, meta.known_high);
        let mut fetched = None;
        loop {
            let page = match fetched.take() {
                Some(page) => page,
                None => self.pull_page(token, cursors.clone(), known_high).await?,
            };
            let meta = self.local_db.sync_meta();
            if !meta.store.is_empty() && !page.store.is_empty() && page.store != meta.store {
                return self.rebase(token, page.store).await;
            }
            if !page.more {
                return self.local_db.apply_pull(page, false).await;
            }
            let show = js_sys::Date::now() - shown_at >= SHOW_PULL_EVERY;
            if show {
                shown_at = js_sys::Date::now();
            }
            // The next page travels while this one is stored.
            cursors.extend(page.cursors.clone());
            let next = self.pull_page(token, cursors.clone(), known_high);
            let (stored, next) = futures::future::join(self.local_db.apply_pull(page, show), next).await;
            stored?;
            fetched = Some(next?);
        }
    }

    /// The server was restored from a backup: its sequence numbers and this device's high
    /// went back in time. Pull everything again, send again what it lost, and go on.
    async fn rebase(&self, token: &str, store: String) -> Result<(), ClientError> {
        let known_high = self.local_db.sync_meta().known_high;
        let mut cursors = BTreeMap::new();
        let mut pages = Vec::new();
        loop {
            let page = self.pull_page(token, cursors.clone(), known_high).await?;
            cursors.extend(page.cursors.clone());
            let more = page.more;
            pages.push(page);
            if !more {
                break;
            }
        }
        let resent = self.local_db.rebase_on_restored_server(pages, store).await?;
        web_sys::console::info_1(
            &format!("Ramp: the server was restored from a backup; {resent} values sent again").into(),
        );
        let token = token.to_owned();
        while let Some((device, ops)) = self.local_db.outbox_batch(MAX_OPS_PER_PUSH) {
            let push = PushRequest { version: SYNC_VERSION, device, ops, codes: true };
            let ack: PushResponse = http::post("/api/sync/push", Some(&token), &push).await?;
            self.local_db.apply_ack(ack).await?;
        }
        Ok(())
    }

    async fn pull_page(
        &self,
        token: &str,
        cursors: BTreeMap<String, u64>,
        known_high: u64,
    ) -> Result<PullResponse, ClientError> {
        let Some(device) = self.local_db.device_id() else { return Err(ClientError::StorageUnavailable) };
        let pull = PullRequest { version: SYNC_VERSION, device, cursors, limit: None, known_high, codes: true };
        http::post("/api/sync/pull", Some(token), &pull).await
    }

    fn schedule_timer(self) {
        let delay = self.retry.get_value();
        set_timeout(
            move || {
                self.sync_now();
                self.schedule_timer();
            },
            delay,
        );
    }
}

// The session is one of the small browser preferences kept with gloo-storage (as JSON, as
// before it: sessions kept by earlier versions still read).
fn load_session() -> Option<Session> {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::get(SESSION_KEY).ok()
}

fn save_session(session: Option<&Session>) {
    use gloo_storage::Storage;
    match session {
        Some(session) => {
            let _ = gloo_storage::LocalStorage::set(SESSION_KEY, session);
        }
        None => gloo_storage::LocalStorage::delete(SESSION_KEY),
    }
}
