//! Where the server keeps its data: the [`Storage`] trait, and its embedded default, SQLite
//! (one file under the data folder, WAL journal, migrations applied at open).
//!
//! Applies pushes and answers pulls as DESIGN.md §4 says: one transaction per push, ops
//! deduplicated by the device's highest processed counter, every field change its own sequence
//! number, pulls by per-scope cursors returning field states. The merge itself is
//! `ramp-core`'s (`FieldState::apply`), the per-op checks `schema::check_op`; permissions come
//! in as an [`Access`]. Never decides who someone is: handlers pass a checked user.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::future::Future;
use std::path::Path;
use std::pin::Pin;

use ramp_core::register::MAX_SIBLINGS;
use ramp_core::spread::share;
use ramp_core::wire::{
    PullRequest, PullResponse, PushRequest, PushResponse, Reason, Refusal, MAX_CLOCK_AHEAD_HOURS, MAX_PULL_BYTES,
    MAX_PULL_PAGE,
};
use ramp_core::{derived, schema, FieldState, FieldUpdate, Kind, Op, Uuid7, Value};
use sqlx::any::AnyPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{AnyConnection, AnyPool, Row};

use crate::access::{Access, Role};
use crate::auth::{SESSION_DAYS, SESSION_MAX_DAYS};
use crate::error::AppError;
use crate::limits::Tally;

mod lifecycle;
mod migrations;

pub use lifecycle::{AccessEvent, InviteInfo, Joined, NewInvite, Person};

/// A boxed future, so storage can be held as `Arc<dyn Storage>`.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// An account as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRow {
    /// The user id.
    pub id: String,
    /// The sign-in email, lowercased.
    pub email: String,
    /// The name shown to others.
    pub name: String,
    /// The argon2id hash of the password.
    pub password_hash: String,
    /// Whether the account is disabled (it cannot sign in).
    pub disabled: bool,
}

/// One line of the audit log: an op as the server received it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct AuditEntry {
    /// Its place in the log: pass it as `before` for the entries older than it.
    pub id: i64,
    /// When the server received it (ms since the Unix epoch).
    pub received_ms: i64,
    /// Who sent it: the account's name.
    pub person: String,
    /// The account's email ("" for the server's own writes).
    pub email: String,
    /// The device that wrote it.
    pub device: String,
    /// The record, its kind and the field written.
    pub record: String,
    /// The record's kind.
    pub kind: Kind,
    /// The field written.
    pub field: String,
    /// The value written.
    pub value: ramp_core::Value,
    /// Why it was refused, if it was, in English words.
    pub refused: Option<String>,
    /// Why it was refused, as a code for the reader's language (none for refusals stored
    /// before reasons).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refused_code: Option<Reason>,
}

/// How a store is opened.
#[derive(Clone, Copy, Debug)]
pub struct StoreOptions {
    /// The most bytes the store may grow to; writes beyond it fail as [`AppError::StorageFull`]
    /// (as they would on a full disk) instead of filling the disk.
    pub max_bytes: Option<u64>,
    /// How long a session lasts from sign-in at most, however often it is used.
    pub session_max_days: i64,
}

impl Default for StoreOptions {
    fn default() -> StoreOptions {
        StoreOptions { max_bytes: None, session_max_days: SESSION_MAX_DAYS }
    }
}

/// The server's storage.
pub trait Storage: Send + Sync {
    /// Which storage this is ("sqlite"…), and whether it answers.
    fn health(&self) -> BoxFuture<'_, Result<&'static str, AppError>>;
    /// The account with this email, if any.
    fn user_by_email<'a>(&'a self, email: &'a str) -> BoxFuture<'a, Result<Option<UserRow>, AppError>>;
    /// Creates an account; refuses an email already in use.
    fn create_user<'a>(&'a self, user: &'a UserRow) -> BoxFuture<'a, Result<(), AppError>>;
    /// Stores a new session for a user.
    fn create_session<'a>(&'a self, token_hash: &'a str, user: &'a str) -> BoxFuture<'a, Result<(), AppError>>;
    /// The user of a live session, sliding its expiry forward; `None` if unknown or expired.
    fn session_user<'a>(&'a self, token_hash: &'a str) -> BoxFuture<'a, Result<Option<String>, AppError>>;
    /// Ends a session.
    fn delete_session<'a>(&'a self, token_hash: &'a str) -> BoxFuture<'a, Result<(), AppError>>;
    /// What a user may read and write.
    fn access<'a>(&'a self, user: &'a str) -> BoxFuture<'a, Result<Access, AppError>>;
    /// Records that a team belongs to a collaborative.
    fn add_team<'a>(&'a self, team: &'a str, collab: &'a str) -> BoxFuture<'a, Result<(), AppError>>;
    /// Gives a user a role in a scope.
    fn add_membership<'a>(&'a self, user: &'a str, scope: &'a str, role: Role) -> BoxFuture<'a, Result<(), AppError>>;
    /// Stores an invite (by the keyed hash of its normalized code) to a team with a role.
    fn create_invite<'a>(&'a self, invite: &'a NewInvite<'a>) -> BoxFuture<'a, Result<(), AppError>>;
    /// The invites to a team, newest first, with their uses.
    fn invites<'a>(&'a self, scope: &'a str) -> BoxFuture<'a, Result<Vec<InviteInfo>, AppError>>;
    /// Revokes an invite; `only_maker`: refused unless `by` made it.
    fn revoke_invite<'a>(&'a self, id: &'a str, by: &'a str, only_maker: bool) -> BoxFuture<'a, Result<(), AppError>>;
    /// An account by id.
    fn person<'a>(&'a self, user: &'a str) -> BoxFuture<'a, Result<Option<Person>, AppError>>;
    /// A person's roles: (scope, role).
    fn memberships<'a>(&'a self, user: &'a str) -> BoxFuture<'a, Result<Vec<(String, Role)>, AppError>>;
    /// The people with a role in a scope, by name.
    fn people<'a>(&'a self, scope: &'a str) -> BoxFuture<'a, Result<Vec<(Person, Role)>, AppError>>;
    /// Gives a person a role in a team where they have none (`actor` logged as who did it);
    /// a different role there already is [`AppError::AlreadyOnTeam`].
    fn add_member<'a>(
        &'a self,
        actor: &'a str,
        user: &'a str,
        scope: &'a str,
        role: Role,
    ) -> BoxFuture<'a, Result<Joined, AppError>>;
    /// Changes a person's role in a team.
    fn set_role<'a>(
        &'a self,
        actor: &'a str,
        user: &'a str,
        scope: &'a str,
        role: Role,
    ) -> BoxFuture<'a, Result<(), AppError>>;
    /// Removes a person from a team: their devices are told, their pushes to it refused.
    fn remove_member<'a>(
        &'a self,
        actor: &'a str,
        user: &'a str,
        scope: &'a str,
    ) -> BoxFuture<'a, Result<(), AppError>>;
    /// Disables (or enables again) an account, ending its sessions; logged in `scopes`.
    /// Returns how many sessions ended.
    fn set_disabled<'a>(
        &'a self,
        actor: &'a str,
        user: &'a str,
        disabled: bool,
        scopes: &'a [String],
    ) -> BoxFuture<'a, Result<u64, AppError>>;
    /// Sets a password hash and ends every session but `keep`; returns how many ended.
    fn set_password<'a>(
        &'a self,
        user: &'a str,
        hash: &'a str,
        keep: Option<&'a str>,
    ) -> BoxFuture<'a, Result<u64, AppError>>;
    /// Stores a one-time reset code for an account (replacing any earlier one).
    fn create_reset_code<'a>(
        &'a self,
        code_hash: &'a str,
        user: &'a str,
        by: &'a str,
        expires_at: i64,
        scopes: &'a [String],
    ) -> BoxFuture<'a, Result<(), AppError>>;
    /// Uses a reset code given with its account's email: sets the password, ends every
    /// session, forgets the code; the user id, or `None` when the code does not fit.
    fn use_reset_code<'a>(
        &'a self,
        code_hash: &'a str,
        email: &'a str,
        hash: &'a str,
    ) -> BoxFuture<'a, Result<Option<String>, AppError>>;
    /// The changes of access in a scope at times in `from_ms..until_ms`, newest first.
    fn access_events<'a>(
        &'a self,
        scope: &'a str,
        from_ms: i64,
        until_ms: i64,
    ) -> BoxFuture<'a, Result<Vec<AccessEvent>, AppError>>;
    /// Creates an account from a live invite and gives it the invite's role, in one
    /// transaction; `None` when the code is unknown, used up, revoked or expired.
    fn accept_invite<'a>(
        &'a self,
        code_hash: &'a str,
        user: &'a UserRow,
    ) -> BoxFuture<'a, Result<Option<()>, AppError>>;
    /// Gives an existing account the role of a live invite; `None` when the code is unknown,
    /// used up, revoked or expired. Never changes a role the person has in that team.
    fn join_with_invite<'a>(
        &'a self,
        code_hash: &'a str,
        user: &'a str,
    ) -> BoxFuture<'a, Result<Option<Joined>, AppError>>;
    /// Applies a push in one transaction.
    fn push<'a>(&'a self, access: &'a Access, push: &'a PushRequest) -> BoxFuture<'a, Result<PushResponse, AppError>>;
    /// Answers one page of a pull.
    fn pull<'a>(&'a self, access: &'a Access, pull: &'a PullRequest) -> BoxFuture<'a, Result<PullResponse, AppError>>;
    /// The ops received in a scope before the entry `before` (all when `None`), newest first.
    fn audit<'a>(
        &'a self,
        scope: &'a str,
        before: Option<i64>,
        limit: u32,
    ) -> BoxFuture<'a, Result<Vec<AuditEntry>, AppError>>;
    /// Ends every session of a user; returns how many there were.
    fn revoke_sessions<'a>(&'a self, user: &'a str) -> BoxFuture<'a, Result<u64, AppError>>;
    /// The failures recorded under each key since `since_ms`, in the keys' order.
    fn tallies<'a>(&'a self, keys: &'a [String], since_ms: i64) -> BoxFuture<'a, Result<Vec<Tally>, AppError>>;
    /// Records a failure under each key, and forgets failures older than the window.
    fn record_failure<'a>(&'a self, keys: &'a [String], at_ms: i64) -> BoxFuture<'a, Result<(), AppError>>;
    /// Forgets the failures under a key (a person who got their password right).
    fn clear_failures<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), AppError>>;
    /// The team scope and role of a live invite, if the code is one.
    fn invite<'a>(&'a self, code_hash: &'a str) -> BoxFuture<'a, Result<Option<(String, String)>, AppError>>;
}

/// Which database a store lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// The embedded default: one file in the data folder, one server.
    Sqlite,
    /// A PostgreSQL database, which several servers may share.
    Postgres,
}

impl Backend {
    /// Its name, as the health check reports it.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    fn of(conn: &AnyConnection) -> Backend {
        if conn.backend_name() == "PostgreSQL" {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// Where a store is: the data folder's SQLite file, or a PostgreSQL database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// `ramp.sqlite` in this folder.
    Folder(std::path::PathBuf),
    /// A PostgreSQL connection string.
    Postgres(String),
}

/// The server's store in SQL: the embedded default, one SQLite file, or PostgreSQL. The
/// statements are one set for both; where the two speak differently, [`Backend`] picks.
pub struct SqlStore {
    pool: AnyPool,
    backend: Backend,
    session_max_ms: i64,
}

/// The store's file name in the data folder.
pub const FILE_NAME: &str = "ramp.sqlite";

/// How long the health check waits to write before it says the store is unavailable.
const HEALTH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);

/// SQLite's default page size, which Ramp keeps.
const PAGE_SIZE: u64 = 4096;

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

impl SqlStore {
    /// Opens (creating if needed) `ramp.sqlite` in `data_dir` and applies the migrations.
    pub async fn open(data_dir: &Path) -> Result<SqlStore, sqlx::Error> {
        SqlStore::open_with(data_dir, StoreOptions::default()).await
    }

    /// [`SqlStore::open`] with options.
    pub async fn open_with(data_dir: &Path, store: StoreOptions) -> Result<SqlStore, sqlx::Error> {
        sqlx::any::install_default_drivers();
        std::fs::create_dir_all(data_dir).map_err(sqlx::Error::Io)?;
        let file = SqliteConnectOptions::new().filename(data_dir.join(FILE_NAME)).create_if_missing(true);
        // WAL is a property of the file: set once here, every connection then uses it.
        let first = sqlx::ConnectOptions::connect(&file.clone().journal_mode(SqliteJournalMode::Wal)).await?;
        sqlx::Connection::close(first).await?;
        let mut pragmas = vec!["PRAGMA synchronous = FULL".to_owned(), "PRAGMA busy_timeout = 10000".to_owned()];
        if let Some(max) = store.max_bytes {
            pragmas.push(format!("PRAGMA max_page_count = {}", (max / PAGE_SIZE).max(1)));
        }
        let pool = AnyPoolOptions::new()
            .max_connections(4)
            .after_connect(move |conn, _| {
                let pragmas = pragmas.clone();
                Box::pin(async move {
                    for pragma in &pragmas {
                        sqlx::query(pragma).execute(&mut *conn).await?;
                    }
                    Ok(())
                })
            })
            .connect(sqlx::ConnectOptions::to_url_lossy(&file).as_str())
            .await?;
        migrations::run(&pool, migrations::SQLITE).await?;
        // The store and its journal: the server's user only (people's data, password hashes).
        crate::files::make_private_all(data_dir, FILE_NAME).map_err(sqlx::Error::Io)?;
        Ok(SqlStore { pool, backend: Backend::Sqlite, session_max_ms: store.session_max_days * 86_400_000 })
    }

    /// Connects to a PostgreSQL database (`postgres://user@host/db`) and applies the
    /// migrations. Any number of servers may share it.
    pub async fn connect_postgres(url: &str, store: StoreOptions) -> Result<SqlStore, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let pool = AnyPoolOptions::new().max_connections(8).connect(url).await?;
        // Several servers starting at once: one applies the migrations, the others wait for it
        // (sqlx's migrator takes PostgreSQL's advisory lock).
        migrations::run(&pool, migrations::POSTGRES).await?;
        Ok(SqlStore { pool, backend: Backend::Postgres, session_max_ms: store.session_max_days * 86_400_000 })
    }

    /// Opens the store a [`Location`] names.
    pub async fn open_at(location: &Location, store: StoreOptions) -> Result<SqlStore, sqlx::Error> {
        match location {
            Location::Folder(data_dir) => SqlStore::open_with(data_dir, store).await,
            Location::Postgres(url) => SqlStore::connect_postgres(url, store).await,
        }
    }

    /// Which database this store lives in.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Writes a consistent copy of the store to `to` while it keeps serving (`VACUUM INTO`:
    /// one read transaction, so the copy is the store as of one moment), then checks the copy.
    pub async fn backup_to(&self, to: &Path) -> Result<BackupInfo, AppError> {
        if to.exists() {
            return Err(AppError::BadRequest(format!("{} exists already: choose a new file name", to.display())));
        }
        let target = to.to_str().ok_or_else(|| AppError::BadRequest("the backup path is not UTF-8".into()))?;
        sqlx::query("VACUUM INTO $1").bind(target).execute(&self.pool).await?;
        crate::files::make_private(to).map_err(sqlx::Error::Io)?;
        check_copy(to).await
    }

    /// This store's identity (it changes when the store is restored from a backup).
    pub async fn store_id(&self) -> Result<String, AppError> {
        Ok(sqlx::query_scalar("SELECT value FROM meta WHERE key = 'store_id'").fetch_one(&self.pool).await?)
    }

    /// Gives the store a new identity, as a restore does: devices that synced with it before
    /// see that it went back in time and send again what it may have lost. For a store put
    /// back by other tools (PostgreSQL's `pg_restore`). Returns the new identity.
    pub async fn renew_store_id(&self) -> Result<String, AppError> {
        let id = crate::auth::new_store_id();
        in_write(&self.pool, async |conn| {
            sqlx::query("UPDATE meta SET value = $1 WHERE key = 'store_id'").bind(&id).execute(conn).await?;
            Ok(())
        })
        .await?;
        Ok(id)
    }

    async fn push_in(&self, access: &Access, push: &PushRequest) -> Result<PushResponse, AppError> {
        // One writer at a time, so sequence order is commit order.
        in_write(&self.pool, async |conn| apply_push(conn, access, push.device.as_str(), &push.ops).await).await
    }

    async fn pull_in(&self, access: &Access, pull: &PullRequest) -> Result<PullResponse, AppError> {
        let limit = pull.limit.unwrap_or(MAX_PULL_PAGE).clamp(1, MAX_PULL_PAGE) as usize;
        // One read transaction, so the page is the store as of one moment; rolled back when
        // dropped on any early return (a device of another account among them).
        let begin = match self.backend {
            Backend::Sqlite => "BEGIN",
            // One snapshot for every statement of the page (READ COMMITTED takes one each).
            Backend::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
        };
        let mut conn = self.pool.begin_with(begin).await?;
        let mut rows = Vec::new();
        let mut cursors = BTreeMap::new();
        // A shared team (another team of a sharing collaborative) gives only what
        // `share::is_shared` lets out, under a cursor of its own.
        let mut keys = BTreeMap::new();
        for scope in access.readable() {
            let shared = access.is_shared(scope);
            let key = if shared { share::cursor_key(scope) } else { scope.to_owned() };
            let cursor = pull.cursors.get(&key).copied().unwrap_or(0);
            cursors.insert(key.clone(), cursor);
            keys.insert(scope.to_owned(), key);
            let statement = if shared { shared_fields_sql() } else { FIELDS_SQL };
            let found = sqlx::query(statement)
                .bind(scope)
                .bind(cursor as i64)
                .bind(limit as i64 + 1)
                .fetch_all(&mut *conn)
                .await?;
            rows.extend(found);
        }
        let high = device_high(&mut conn, pull.device.as_str(), &access.user).await?;
        let refused = sqlx::query(
            "SELECT body, refused FROM ops WHERE device = $1 AND counter > $2 AND refused IS NOT NULL ORDER BY counter",
        )
        .bind(pull.device.as_str())
        .bind(pull.known_high as i64)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|row| {
            let op: Op = serde_json::from_str(row.get("body")).map_err(|e| AppError::Corrupt(e.to_string()))?;
            Ok(read_refusal(op.dot, row.get("refused")))
        })
        .collect::<Result<Vec<_>, AppError>>()?;
        let store: String =
            sqlx::query_scalar("SELECT value FROM meta WHERE key = 'store_id'").fetch_one(&mut *conn).await?;
        conn.commit().await?;
        rows.sort_by_key(|row| row.get::<i64, _>("seq"));
        // A page is capped by count and by bytes (one field at least, so paging moves on).
        let mut bytes = 0;
        let by_bytes = rows
            .iter()
            .position(|row| {
                bytes += row.get::<&str, _>("state").len();
                bytes > MAX_PULL_BYTES
            })
            .map_or(rows.len(), |at| at.max(1));
        let keep = limit.min(by_bytes);
        let more = rows.len() > keep;
        rows.truncate(keep);
        let mut fields = Vec::with_capacity(rows.len());
        for row in rows {
            let scope: String = row.get("scope");
            let seq = row.get::<i64, _>("seq") as u64;
            cursors.insert(keys.get(&scope).cloned().unwrap_or_else(|| scope.clone()), seq);
            fields.push(FieldUpdate {
                record: Uuid7::parse(row.get("record")).map_err(|e| AppError::Corrupt(e.to_string()))?,
                kind: serde_json::from_value(serde_json::Value::String(row.get("kind")))
                    .map_err(|e| AppError::Corrupt(e.to_string()))?,
                scope,
                field: row.get("field"),
                state: serde_json::from_str(row.get("state")).map_err(|e| AppError::Corrupt(e.to_string()))?,
            });
        }
        Ok(PullResponse { fields, cursors, high, refused, more, store })
    }
}

/// What a backup holds, as checked on the copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupInfo {
    /// The copy's size in bytes.
    pub bytes: u64,
    /// Accounts, teams, processed ops and field states in it.
    pub users: i64,
    /// Teams in it.
    pub teams: i64,
    /// Processed ops in it.
    pub ops: i64,
    /// Field states in it.
    pub fields: i64,
}

/// Opens a copy read-only, runs SQLite's integrity check and counts what it holds.
async fn check_copy(path: &Path) -> Result<BackupInfo, AppError> {
    let options = SqliteConnectOptions::new().filename(path).read_only(true);
    let mut conn = sqlx::ConnectOptions::connect(&options).await?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut conn).await?;
    if integrity != "ok" {
        return Err(AppError::BadRequest(format!("{} is damaged: {integrity}", path.display())));
    }
    let count = |table: &str| format!("SELECT count(*) FROM {table}");
    let mut counts = [0i64; 4];
    for (n, table) in ["users", "teams", "ops", "fields"].into_iter().enumerate() {
        counts[n] = sqlx::query_scalar(&count(table)).fetch_one(&mut conn).await.map_err(|_| {
            AppError::BadRequest(format!("{} is not a Ramp store (it has no {table} table)", path.display()))
        })?;
    }
    let bytes = std::fs::metadata(path).map_err(sqlx::Error::Io)?.len();
    Ok(BackupInfo { bytes, users: counts[0], teams: counts[1], ops: counts[2], fields: counts[3] })
}

/// Replaces the store in `data_dir` with the backup at `from`, which must pass the integrity
/// check. The server must be stopped (the caller holds the data folder's lock). The current
/// store and its journal are kept beside it as `ramp.sqlite.before-restore-<ms>`; the restored
/// store gets a new store id, so devices see that the server went back in time.
pub async fn restore(data_dir: &Path, from: &Path) -> Result<BackupInfo, AppError> {
    let info = check_copy(from).await?;
    std::fs::create_dir_all(data_dir).map_err(sqlx::Error::Io)?;
    let staged = data_dir.join(format!("{FILE_NAME}.restoring"));
    std::fs::copy(from, &staged).map_err(sqlx::Error::Io)?;
    crate::files::make_private(&staged).map_err(sqlx::Error::Io)?;
    {
        let options = SqliteConnectOptions::new().filename(&staged);
        let mut conn = sqlx::ConnectOptions::connect(&options).await?;
        // A new identity, made as every store id is (`auth::new_store_id`).
        sqlx::query("UPDATE meta SET value = $1 WHERE key = 'store_id'")
            .bind(crate::auth::new_store_id())
            .execute(&mut conn)
            .await?;
        sqlx::Connection::close(conn).await?;
    }
    let stamp = now_ms();
    for suffix in ["", "-wal", "-shm"] {
        let current = data_dir.join(format!("{FILE_NAME}{suffix}"));
        if current.exists() {
            let kept = data_dir.join(format!("{FILE_NAME}.before-restore-{stamp}{suffix}"));
            std::fs::rename(&current, &kept).map_err(sqlx::Error::Io)?;
            crate::files::make_private(&kept).map_err(sqlx::Error::Io)?;
        }
    }
    std::fs::rename(&staged, data_dir.join(FILE_NAME)).map_err(sqlx::Error::Io)?;
    Ok(info)
}

/// A pooled connection holding one write transaction. Unless the transaction committed, the
/// connection is closed when dropped (an error, a cancelled request) instead of going back to
/// the pool: a failed write can end the transaction behind sqlx's back (SQLite rolls back on
/// a full disk), and a connection whose state is unknown must not serve the next request.
struct WriteConn {
    conn: sqlx::pool::PoolConnection<sqlx::Any>,
    committed: bool,
}

impl Drop for WriteConn {
    fn drop(&mut self) {
        if !self.committed {
            self.conn.close_on_drop();
        }
    }
}

/// Runs `work` in a write transaction, one writer at a time across every server sharing the
/// store, and commits it; on any failure nothing is written and the connection is not reused
/// ([`WriteConn`]).
///
/// One writer at a time is what makes a sequence number's order its commit's order, so a pull
/// never passes a change that commits later under a lower number (ARCHITECTURE.md, "Several
/// servers"). SQLite: `BEGIN IMMEDIATE` takes the file's write lock. PostgreSQL: the
/// transaction first takes [`WRITE_LOCK`], an advisory lock held until it commits or rolls
/// back, and runs at READ COMMITTED, so each statement after the lock sees every write
/// committed before it (the last sequence number among them).
async fn in_write<T>(
    pool: &AnyPool,
    work: impl AsyncFnOnce(&mut AnyConnection) -> Result<T, AppError>,
) -> Result<T, AppError> {
    let mut guard = WriteConn { conn: pool.acquire().await?, committed: false };
    let postgres = Backend::of(&guard.conn) == Backend::Postgres;
    let begin = if postgres { "BEGIN ISOLATION LEVEL READ COMMITTED" } else { "BEGIN IMMEDIATE" };
    let mut tx = sqlx::Connection::begin_with(&mut *guard.conn, begin).await?;
    if postgres {
        sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(WRITE_LOCK).execute(&mut *tx).await?;
    }
    let value = work(&mut tx).await?;
    tx.commit().await?;
    guard.committed = true;
    Ok(value)
}

/// PostgreSQL's advisory lock key for writing (any number both sides agree on: "ramp").
const WRITE_LOCK: i64 = 0x72_61_6d_70;

/// Inserts an account; an email already in use is `EmailTaken`.
async fn insert_user(conn: &mut AnyConnection, user: &UserRow) -> Result<(), AppError> {
    let inserted =
        sqlx::query("INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(&user.id)
            .bind(user.email.trim().to_lowercase())
            .bind(&user.name)
            .bind(&user.password_hash)
            .bind(now_ms())
            .execute(&mut *conn)
            .await;
    match inserted {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(AppError::EmailTaken),
        other => other.map(drop).map_err(AppError::from),
    }
}

/// The device's highest processed counter (0 for a new device). A device id that belongs to
/// another account is refused: two people cannot share a device's counters.
async fn device_high(conn: &mut AnyConnection, device: &str, user: &str) -> Result<u64, AppError> {
    let row = sqlx::query("SELECT user_id, high FROM devices WHERE device = $1")
        .bind(device)
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        None => Ok(0),
        Some(row) if row.get::<String, _>("user_id") == user => Ok(row.get::<i64, _>("high") as u64),
        Some(_) => Err(AppError::DeviceClash),
    }
}

/// The (scope, role) of an invite that has not expired, been used up or revoked.
async fn live_invite(conn: &mut AnyConnection, code_hash: &str) -> Result<Option<(String, String)>, AppError> {
    let row = sqlx::query(
        "SELECT scope, role FROM invites WHERE code_hash = $1 AND expires_at > $2 AND uses < max_uses \
         AND revoked_at IS NULL",
    )
    .bind(code_hash)
    .bind(now_ms())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|row| (row.get("scope"), row.get("role"))))
}

/// Gives a user a role in a scope where they have none (a new collaborative's faculty).
async fn grant(conn: &mut AnyConnection, user: &str, scope: &str, role: &str) -> Result<(), AppError> {
    sqlx::query("INSERT INTO memberships (user_id, scope, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(user)
        .bind(scope)
        .bind(role)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// What one push reads up front: the current state of every field of the records it writes,
/// and each record's kind and scope. Ops then apply in memory, and the changes are written
/// in three statements (ops, fields, device), not several per op.
struct Known<'p> {
    states: HashMap<(String, String), FieldState>,
    homes: HashMap<String, (String, String)>,
    /// The value each (record, field) gets in this push (its last op), for derived-id keys.
    written: HashMap<(&'p str, &'p str), &'p Value>,
    /// The teams by creation time (ms), whose derived ids carry that time.
    team_times: HashMap<u64, Vec<String>>,
}

impl Known<'_> {
    /// A record's key field as this push writes it, or as stored.
    fn key(&self, record: &str, field: &str) -> Option<&Value> {
        self.written
            .get(&(record, field))
            .copied()
            .or_else(|| self.states.get(&(record.to_owned(), field.to_owned())).map(FieldState::value))
    }

    /// Whether a team other than `except` was created at this time.
    fn other_team_at(&self, ms: u64, except: Option<&str>) -> bool {
        self.team_times.get(&ms).is_some_and(|teams| teams.iter().any(|t| Some(t.as_str()) != except))
    }
}

async fn known<'p>(conn: &mut AnyConnection, ops: &'p [Op]) -> Result<Known<'p>, AppError> {
    let mut ids: Vec<&str> = ops.iter().map(|op| op.record.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let rows = sqlx::query(match Backend::of(conn) {
        Backend::Sqlite => {
            "SELECT record, field, kind, scope, state FROM fields WHERE record IN (SELECT value FROM json_each($1))"
        }
        Backend::Postgres => {
            "SELECT record, field, kind, scope, state FROM fields \
             WHERE record IN (SELECT json_array_elements_text($1::json))"
        }
    })
    .bind(serde_json::to_string(&ids).expect("ids serialize"))
    .fetch_all(&mut *conn)
    .await?;
    let written = ops.iter().map(|op| ((op.record.as_str(), op.field.as_str()), &op.value)).collect();
    let mut known = Known { states: HashMap::new(), homes: HashMap::new(), written, team_times: HashMap::new() };
    for row in rows {
        let record: String = row.get("record");
        let state = serde_json::from_str(row.get("state")).map_err(|e| AppError::Corrupt(e.to_string()))?;
        known.homes.insert(record.clone(), (row.get("kind"), row.get("scope")));
        known.states.insert((record, row.get("field")), state);
    }
    // The teams' times matter only to records this push creates; most pushes create none.
    if ids.iter().any(|id| !known.homes.contains_key(*id)) {
        for team in sqlx::query_scalar::<_, String>("SELECT team_id FROM teams").fetch_all(&mut *conn).await? {
            if let Ok(id) = Uuid7::parse(&team) {
                known.team_times.entry(id.unix_ms()).or_default().push(team);
            }
        }
    }
    Ok(known)
}

async fn apply_push(
    conn: &mut AnyConnection,
    access: &Access,
    device: &str,
    ops: &[Op],
) -> Result<PushResponse, AppError> {
    let mut high = device_high(conn, device, &access.user).await?;
    let old_high = high;
    let mut seq: i64 = sqlx::query_scalar::<_, String>("SELECT value FROM meta WHERE key = 'seq'")
        .fetch_one(&mut *conn)
        .await?
        .parse()
        .map_err(|_| AppError::Corrupt("meta.seq is not a number".into()))?;
    let now = now_ms();
    let mut known = known(conn, ops).await?;
    // (counter, body, refusal) per processed op; (record, field) → (kind, scope, seq) per change.
    let mut processed: Vec<(u64, String, Option<String>)> = Vec::new();
    let mut refusals = Vec::new();
    let mut changed: BTreeMap<(String, String), (String, String, i64)> = BTreeMap::new();
    for op in ops {
        let counter = op.dot.counter;
        let body = serde_json::to_string(op).expect("ops serialize");
        if counter <= high {
            // A retry after a lost ack: the same op again is skipped; different content under
            // the same dot means two devices share an id.
            let stored: Option<String> = sqlx::query_scalar("SELECT body FROM ops WHERE device = $1 AND counter = $2")
                .bind(device)
                .bind(counter as i64)
                .fetch_optional(&mut *conn)
                .await?;
            match stored {
                Some(stored) if stored != body => return Err(AppError::DeviceClash),
                _ => continue,
            }
        }
        let refusal = match check(conn, access, op, &known, now).await? {
            Some(issue) => {
                let refusal =
                    Refusal { dot: op.dot.clone(), reason: issue.to_string(), code: Some(Reason::of(&issue)) };
                let stored = stored_refusal(&refusal);
                refusals.push(refusal);
                Some(stored)
            }
            None => {
                let key = (op.record.to_string(), op.field.clone());
                let field = known.states.entry(key.clone()).or_default();
                // The author is who the session says, whatever the device wrote.
                let stamped = Op { author: Some(access.author(&op.scope)), ..op.clone() };
                if field.apply_op(&stamped) {
                    seq += 1;
                    known.homes.entry(key.0.clone()).or_insert_with(|| (op.kind.as_str().to_owned(), op.scope.clone()));
                    changed.insert(key, (op.kind.as_str().to_owned(), op.scope.clone(), seq));
                }
                None
            }
        };
        processed.push((counter, body, refusal));
        high = counter;
    }
    if !processed.is_empty() {
        let rows: Vec<serde_json::Value> =
            processed.iter().map(|(counter, body, refusal)| serde_json::json!([counter, body, refusal])).collect();
        sqlx::query(match Backend::of(conn) {
            Backend::Sqlite => "INSERT INTO ops (device, counter, user_id, body, refused, received_at) \
                 SELECT $1, json_extract(value, '$[0]'), $2, json_extract(value, '$[1]'), json_extract(value, '$[2]'), $3 \
                 FROM json_each($4)",
            Backend::Postgres => "INSERT INTO ops (device, counter, user_id, body, refused, received_at, scope) \
                 SELECT $1, (v->>0)::bigint, $2, v->>1, v->>2, $3, (v->>1)::json->>'scope' \
                 FROM json_array_elements($4::json) AS v",
        })
        .bind(device)
        .bind(&access.user)
        .bind(now)
        .bind(serde_json::to_string(&rows).expect("rows serialize"))
        .execute(&mut *conn)
        .await?;
    }
    if !changed.is_empty() {
        let rows: Vec<serde_json::Value> = changed
            .iter()
            .map(|((record, field), (kind, scope, seq))| {
                let state =
                    serde_json::to_string(&known.states[&(record.clone(), field.clone())]).expect("states serialize");
                serde_json::json!([record, field, kind, scope, state, seq])
            })
            .collect();
        sqlx::query(match Backend::of(conn) {
            // `WHERE true`: SQLite would read `ON CONFLICT` as part of the join.
            Backend::Sqlite => {
                "INSERT INTO fields (record, field, kind, scope, state, seq) \
                 SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), \
                 json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]') \
                 FROM json_each($1) WHERE true \
                 ON CONFLICT (record, field) DO UPDATE SET state = excluded.state, seq = excluded.seq"
            }
            Backend::Postgres => {
                "INSERT INTO fields (record, field, kind, scope, state, seq) \
                 SELECT v->>0, v->>1, v->>2, v->>3, v->>4, (v->>5)::bigint FROM json_array_elements($1::json) AS v \
                 ON CONFLICT (record, field) DO UPDATE SET state = excluded.state, seq = excluded.seq"
            }
        })
        .bind(serde_json::to_string(&rows).expect("rows serialize"))
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query("INSERT INTO devices (device, user_id, high) VALUES ($1, $2, $3) ON CONFLICT (device) DO UPDATE SET high = excluded.high")
        .bind(device)
        .bind(&access.user)
        .bind(high as i64)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE meta SET value = $1 WHERE key = 'seq'").bind(seq.to_string()).execute(&mut *conn).await?;
    // The device folds every op up to `high` as saved, whether this push carried it or an
    // earlier one whose answer was lost: every refusal in that range comes back with its reason.
    let mut refused = Vec::new();
    if let Some(first) = ops.first().map(|op| op.dot.counter).filter(|first| *first <= old_high) {
        let earlier = sqlx::query(
            "SELECT counter, refused FROM ops WHERE device = $1 AND counter BETWEEN $2 AND $3 AND refused IS NOT NULL \
             ORDER BY counter",
        )
        .bind(device)
        .bind(first as i64)
        .bind(old_high as i64)
        .fetch_all(&mut *conn)
        .await?;
        let device = ramp_core::DeviceId::parse(device).map_err(|e| AppError::Corrupt(e.to_string()))?;
        refused.extend(earlier.into_iter().map(|row| {
            let dot = ramp_core::Dot { device: device.clone(), counter: row.get::<i64, _>("counter") as u64 };
            read_refusal(dot, row.get("refused"))
        }));
    }
    refused.extend(refusals);
    Ok(PushResponse { high, refused })
}

/// A scope's changed fields after a cursor, in order.
const FIELDS_SQL: &str =
    "SELECT record, field, kind, scope, state, seq FROM fields WHERE scope = $1 AND seq > $2 ORDER BY seq LIMIT $3";

/// [`FIELDS_SQL`] for a shared team: only the kinds and fields `share::is_shared` lets out.
fn shared_fields_sql() -> &'static str {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        let quoted = |names: Vec<&str>| names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ");
        let kinds = quoted(share::whole_kinds().map(Kind::as_str).collect());
        let report = quoted(share::REPORT_FIELDS.to_vec());
        format!(
            "SELECT record, field, kind, scope, state, seq FROM fields WHERE scope = $1 AND seq > $2 \
             AND (kind IN ({kinds}) OR (kind = '{}' AND field IN ({report}))) ORDER BY seq LIMIT $3",
            Kind::Report.as_str()
        )
    })
}

/// Why an op may not be applied, if it may not: its own checks, the writer's rights (the one
/// rule, `schema::may_write`), that a comment is written once, and that it does not move an
/// existing record to another kind or scope (`known.homes`: record → its kind and scope, as
/// stored or as written earlier in this push).
async fn check(
    conn: &mut AnyConnection,
    access: &Access,
    op: &Op,
    known: &Known<'_>,
    now: i64,
) -> Result<Option<schema::Issue>, AppError> {
    let homes = &known.homes;
    if let Err(issue) = schema::check_op(op) {
        return Ok(Some(issue));
    }
    if access.was_removed(&op.scope) {
        return Ok(Some(schema::Issue::NoLongerOnTeam));
    }
    if let Err(issue) = schema::may_write(op.kind, &op.field, access.standing(&op.scope)) {
        return Ok(Some(issue));
    }
    let state = known.states.get(&(op.record.to_string(), op.field.clone()));
    let written = state.is_some_and(|s| !s.is_empty());
    if op.kind == Kind::Comment && written {
        return Ok(Some(schema::Issue::CommentWritten));
    }
    if op.kind == Kind::Team {
        let known: Option<String> = sqlx::query_scalar("SELECT team_id FROM teams WHERE team_id = $1")
            .bind(op.record.as_str())
            .fetch_optional(&mut *conn)
            .await?;
        if known.is_none() {
            return Ok(Some(schema::Issue::UnknownTeam));
        }
    }
    if let Some((kind, scope)) = homes.get(op.record.as_str()) {
        if kind != op.kind.as_str() || scope != &op.scope {
            return Ok(Some(schema::Issue::BadScope));
        }
    }
    // A new record, or a key field written: the id must be the one its kind, team and key
    // give, and not another team's derived id.
    let new = !homes.contains_key(op.record.as_str());
    if new || derived::key_fields(op.kind).contains(&op.field.as_str()) {
        let team = op.scope.strip_prefix("team:");
        let other = known.other_team_at(op.record.unix_ms(), team);
        let record = op.record.as_str();
        if let Err(issue) = derived::check(op.kind, &op.scope, &op.record, |f| known.key(record, f), other) {
            return Ok(Some(issue));
        }
    }
    let ahead_ms = MAX_CLOCK_AHEAD_HOURS * 3_600_000;
    if op.hlc.wall_ms > (now.max(0) as u64).saturating_add(ahead_ms) {
        return Ok(Some(schema::Issue::ClockAhead { hours: MAX_CLOCK_AHEAD_HOURS }));
    }
    if let Some(state) = state.filter(|s| s.siblings().len() >= MAX_SIBLINGS) {
        let mut after = state.clone();
        after.apply_op(op);
        if after.siblings().len() > MAX_SIBLINGS {
            return Ok(Some(schema::Issue::TooManySiblings { max: MAX_SIBLINGS }));
        }
    }
    Ok(None)
}

/// A refusal as the `ops.refused` column keeps it: its reason's code and values with its English
/// words, as JSON. Rows written before reasons hold the words alone.
#[derive(serde::Serialize, serde::Deserialize)]
struct StoredRefusal {
    words: String,
    code: String,
    #[serde(default)]
    args: std::collections::BTreeMap<String, String>,
}

fn stored_refusal(refusal: &Refusal) -> String {
    let reason = refusal.code.clone().unwrap_or_else(|| Reason { code: String::new(), args: Default::default() });
    serde_json::to_string(&StoredRefusal { words: refusal.reason.clone(), code: reason.code, args: reason.args })
        .expect("refusals serialize")
}

/// A stored refusal's English words and its reason, if it was stored with one.
fn read_reason(text: String) -> (String, Option<Reason>) {
    match serde_json::from_str::<StoredRefusal>(&text) {
        Ok(stored) => {
            let reason = (!stored.code.is_empty()).then_some(Reason { code: stored.code, args: stored.args });
            (stored.words, reason)
        }
        Err(_) => (text, None),
    }
}

fn read_refusal(dot: ramp_core::Dot, text: String) -> Refusal {
    let (reason, code) = read_reason(text);
    Refusal { dot, reason, code }
}

impl Storage for SqlStore {
    fn health(&self) -> BoxFuture<'_, Result<&'static str, AppError>> {
        Box::pin(async move {
            // Healthy means able to write: a store wedged by a stuck transaction, locked or
            // on a failing disk answers reads but not this.
            let write = in_write(&self.pool, async |conn| {
                sqlx::query("UPDATE health SET checked_at = $1 WHERE id = 1").bind(now_ms()).execute(conn).await?;
                Ok(())
            });
            match tokio::time::timeout(HEALTH_TIMEOUT, write).await {
                Ok(Ok(())) => Ok(self.backend.name()),
                Ok(Err(error)) => {
                    tracing::error!(cause = %error, "health check: the store cannot write");
                    Err(AppError::Unavailable)
                }
                Err(_) => {
                    tracing::error!("health check: no write within {HEALTH_TIMEOUT:?}");
                    Err(AppError::Unavailable)
                }
            }
        })
    }

    fn user_by_email<'a>(&'a self, email: &'a str) -> BoxFuture<'a, Result<Option<UserRow>, AppError>> {
        Box::pin(async move {
            let row = sqlx::query("SELECT id, email, name, password_hash, disabled_at FROM users WHERE email = $1")
                .bind(email.trim().to_lowercase())
                .fetch_optional(&self.pool)
                .await?;
            Ok(row.map(|row| UserRow {
                id: row.get("id"),
                email: row.get("email"),
                name: row.get("name"),
                password_hash: row.get("password_hash"),
                disabled: row.get::<Option<i64>, _>("disabled_at").is_some(),
            }))
        })
    }

    fn create_user<'a>(&'a self, user: &'a UserRow) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(async move {
            let mut conn = self.pool.acquire().await?;
            insert_user(&mut conn, user).await
        })
    }

    fn create_session<'a>(&'a self, token_hash: &'a str, user: &'a str) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(async move {
            let now = now_ms();
            sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
                .bind(token_hash)
                .bind(user)
                .bind(now)
                .bind(now + SESSION_DAYS * 86_400_000)
                .execute(&self.pool)
                .await?;
            Ok(())
        })
    }

    fn session_user<'a>(&'a self, token_hash: &'a str) -> BoxFuture<'a, Result<Option<String>, AppError>> {
        Box::pin(async move {
            let now = now_ms();
            // Live: used within the sliding window, and signed in within the absolute lifetime.
            let row = sqlx::query(
                "SELECT user_id, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > $2 AND created_at > $3 \
                 AND user_id NOT IN (SELECT id FROM users WHERE disabled_at IS NOT NULL)",
            )
            .bind(token_hash)
            .bind(now)
            .bind(now - self.session_max_ms)
            .fetch_optional(&self.pool)
            .await?;
            let Some(row) = row else { return Ok(None) };
            // Slide the expiry forward at most once a day: most requests then only read, so
            // they do not queue behind writers (a write here on every request capped pulls at
            // the disk's fsync rate).
            let full = now + SESSION_DAYS * 86_400_000;
            if row.get::<i64, _>("expires_at") < full - 86_400_000 {
                sqlx::query("UPDATE sessions SET expires_at = $1 WHERE token_hash = $2")
                    .bind(full)
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await?;
            }
            Ok(Some(row.get("user_id")))
        })
    }

    fn delete_session<'a>(&'a self, token_hash: &'a str) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(async move {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&self.pool).await?;
            Ok(())
        })
    }

    fn access<'a>(&'a self, user: &'a str) -> BoxFuture<'a, Result<Access, AppError>> {
        Box::pin(async move {
            let memberships: Vec<(String, Role)> =
                sqlx::query("SELECT scope, role FROM memberships WHERE user_id = $1")
                    .bind(user)
                    .fetch_all(&self.pool)
                    .await?
                    .into_iter()
                    .filter_map(|row| Some((row.get("scope"), Role::parse(row.get("role"))?)))
                    .collect();
            let teams: Vec<(String, String)> = sqlx::query("SELECT team_id, collab_id FROM teams")
                .fetch_all(&self.pool)
                .await?
                .into_iter()
                .map(|row| (row.get("team_id"), row.get("collab_id")))
                .collect();
            let name: Option<String> = sqlx::query_scalar("SELECT name FROM users WHERE id = $1")
                .bind(user)
                .fetch_optional(&self.pool)
                .await?;
            // The collaboratives whose faculty switched sharing on (every value says on).
            let sharing: BTreeSet<String> =
                sqlx::query("SELECT record, state FROM fields WHERE kind = $1 AND field = $2")
                    .bind(Kind::Collaborative.as_str())
                    .bind(share::FIELD)
                    .fetch_all(&self.pool)
                    .await?
                    .into_iter()
                    .filter_map(|row| {
                        let state: FieldState = serde_json::from_str(row.get("state")).ok()?;
                        share::is_on(&state).then(|| row.get("record"))
                    })
                    .collect();
            let mut access = Access::new(user.to_owned(), &memberships, &teams, &sharing);
            access.name = name.unwrap_or_else(|| user.to_owned());
            access.removed = self.removed_in(user).await?.into_iter().collect();
            Ok(access)
        })
    }

    fn add_team<'a>(&'a self, team: &'a str, collab: &'a str) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(async move {
            sqlx::query(
                "INSERT INTO teams (team_id, collab_id) VALUES ($1, $2) \
                 ON CONFLICT (team_id) DO UPDATE SET collab_id = excluded.collab_id",
            )
            .bind(team)
            .bind(collab)
            .execute(&self.pool)
            .await?;
            Ok(())
        })
    }

    fn add_membership<'a>(&'a self, user: &'a str, scope: &'a str, role: Role) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(async move {
            let mut conn = self.pool.acquire().await?;
            grant(&mut conn, user, scope, role.as_str()).await
        })
    }

    fn create_invite<'a>(&'a self, invite: &'a NewInvite<'a>) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(self.create_invite_in(invite))
    }

    fn invites<'a>(&'a self, scope: &'a str) -> BoxFuture<'a, Result<Vec<InviteInfo>, AppError>> {
        Box::pin(self.invites_in(scope))
    }

    fn revoke_invite<'a>(&'a self, id: &'a str, by: &'a str, only_maker: bool) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(self.revoke_invite_in(id, by, only_maker))
    }

    fn person<'a>(&'a self, user: &'a str) -> BoxFuture<'a, Result<Option<Person>, AppError>> {
        Box::pin(self.person_in(user))
    }

    fn memberships<'a>(&'a self, user: &'a str) -> BoxFuture<'a, Result<Vec<(String, Role)>, AppError>> {
        Box::pin(self.memberships_in(user))
    }

    fn people<'a>(&'a self, scope: &'a str) -> BoxFuture<'a, Result<Vec<(Person, Role)>, AppError>> {
        Box::pin(self.people_in(scope))
    }

    fn add_member<'a>(
        &'a self,
        actor: &'a str,
        user: &'a str,
        scope: &'a str,
        role: Role,
    ) -> BoxFuture<'a, Result<Joined, AppError>> {
        Box::pin(self.add_member_in(actor, user, scope, role))
    }

    fn set_role<'a>(
        &'a self,
        actor: &'a str,
        user: &'a str,
        scope: &'a str,
        role: Role,
    ) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(self.set_role_in(actor, user, scope, role))
    }

    fn remove_member<'a>(
        &'a self,
        actor: &'a str,
        user: &'a str,
        scope: &'a str,
    ) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(self.remove_member_in(actor, user, scope))
    }

    fn set_disabled<'a>(
        &'a self,
        actor: &'a str,
        user: &'a str,
        disabled: bool,
        scopes: &'a [String],
    ) -> BoxFuture<'a, Result<u64, AppError>> {
        Box::pin(self.set_disabled_in(actor, user, disabled, scopes))
    }

    fn set_password<'a>(
        &'a self,
        user: &'a str,
        hash: &'a str,
        keep: Option<&'a str>,
    ) -> BoxFuture<'a, Result<u64, AppError>> {
        Box::pin(self.set_password_in(user, hash, keep))
    }

    fn create_reset_code<'a>(
        &'a self,
        code_hash: &'a str,
        user: &'a str,
        by: &'a str,
        expires_at: i64,
        scopes: &'a [String],
    ) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(self.create_reset_code_in(code_hash, user, by, expires_at, scopes))
    }

    fn use_reset_code<'a>(
        &'a self,
        code_hash: &'a str,
        email: &'a str,
        hash: &'a str,
    ) -> BoxFuture<'a, Result<Option<String>, AppError>> {
        Box::pin(self.use_reset_code_in(code_hash, email, hash))
    }

    fn access_events<'a>(
        &'a self,
        scope: &'a str,
        from_ms: i64,
        until_ms: i64,
    ) -> BoxFuture<'a, Result<Vec<AccessEvent>, AppError>> {
        Box::pin(self.access_events_in(scope, from_ms, until_ms))
    }

    fn accept_invite<'a>(
        &'a self,
        code_hash: &'a str,
        user: &'a UserRow,
    ) -> BoxFuture<'a, Result<Option<()>, AppError>> {
        Box::pin(in_write(&self.pool, async move |conn| {
            let Some((invite, scope, role)) = lifecycle::use_invite(conn, code_hash).await? else { return Ok(None) };
            insert_user(conn, user).await?;
            lifecycle::join(conn, &user.id, &user.id, &scope, role, "joined").await?;
            lifecycle::record_use(conn, &invite, &user.id).await?;
            Ok(Some(()))
        }))
    }

    fn join_with_invite<'a>(
        &'a self,
        code_hash: &'a str,
        user: &'a str,
    ) -> BoxFuture<'a, Result<Option<Joined>, AppError>> {
        Box::pin(in_write(&self.pool, async move |conn| {
            let Some((scope, role)) = live_invite(conn, code_hash).await? else { return Ok(None) };
            let role = Role::parse(&role).ok_or_else(|| AppError::Corrupt(format!("invite role {role}")))?;
            // A role the person has there already stays: the invite is neither used nor a change.
            if lifecycle::join(conn, user, user, &scope, role, "joined").await? == Joined::Already {
                return Ok(Some(Joined::Already));
            }
            let (invite, _, _) = lifecycle::use_invite(conn, code_hash).await?.ok_or(AppError::BadInvite)?;
            lifecycle::record_use(conn, &invite, user).await?;
            Ok(Some(Joined::Joined))
        }))
    }

    fn push<'a>(&'a self, access: &'a Access, push: &'a PushRequest) -> BoxFuture<'a, Result<PushResponse, AppError>> {
        Box::pin(self.push_in(access, push))
    }

    fn pull<'a>(&'a self, access: &'a Access, pull: &'a PullRequest) -> BoxFuture<'a, Result<PullResponse, AppError>> {
        Box::pin(self.pull_in(access, pull))
    }

    fn audit<'a>(
        &'a self,
        scope: &'a str,
        before: Option<i64>,
        limit: u32,
    ) -> BoxFuture<'a, Result<Vec<AuditEntry>, AppError>> {
        Box::pin(async move {
            let rows = sqlx::query(match self.backend {
                Backend::Sqlite => {
                    "SELECT o.rowid AS id, o.device, o.body, o.refused, o.received_at, \
                     coalesce(u.name, o.user_id) AS person, coalesce(u.email, '') AS email \
                     FROM ops o LEFT JOIN users u ON u.id = o.user_id \
                     WHERE json_extract(o.body, '$.scope') = $1 AND o.rowid < $2 \
                     ORDER BY o.rowid DESC LIMIT $3"
                }
                Backend::Postgres => {
                    "SELECT o.id, o.device, o.body, o.refused, o.received_at, \
                     coalesce(u.name, o.user_id) AS person, coalesce(u.email, '') AS email \
                     FROM ops o LEFT JOIN users u ON u.id = o.user_id \
                     WHERE o.scope = $1 AND o.id < $2 ORDER BY o.id DESC LIMIT $3"
                }
            })
            .bind(scope)
            .bind(before.unwrap_or(i64::MAX))
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await?;
            rows.into_iter()
                .map(|row| {
                    let op: Op = serde_json::from_str(row.get("body")).map_err(|e| AppError::Corrupt(e.to_string()))?;
                    let refused = row.get::<Option<String>, _>("refused").map(read_reason);
                    Ok(AuditEntry {
                        id: row.get("id"),
                        received_ms: row.get("received_at"),
                        person: row.get("person"),
                        email: row.get("email"),
                        device: row.get("device"),
                        record: op.record.to_string(),
                        kind: op.kind,
                        field: op.field,
                        value: op.value,
                        refused: refused.as_ref().map(|(words, _)| words.clone()),
                        refused_code: refused.and_then(|(_, code)| code),
                    })
                })
                .collect()
        })
    }

    fn revoke_sessions<'a>(&'a self, user: &'a str) -> BoxFuture<'a, Result<u64, AppError>> {
        Box::pin(async move {
            let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user).execute(&self.pool).await?;
            Ok(done.rows_affected())
        })
    }

    fn tallies<'a>(&'a self, keys: &'a [String], since_ms: i64) -> BoxFuture<'a, Result<Vec<Tally>, AppError>> {
        Box::pin(async move {
            let mut tallies = Vec::with_capacity(keys.len());
            for key in keys {
                let row = sqlx::query(
                    "SELECT count(*) AS n, coalesce(max(at), 0) AS last FROM attempts WHERE key = $1 AND at > $2",
                )
                .bind(key)
                .bind(since_ms)
                .fetch_one(&self.pool)
                .await?;
                tallies.push(Tally { failures: row.get::<i64, _>("n") as u32, last_ms: row.get("last") });
            }
            Ok(tallies)
        })
    }

    fn record_failure<'a>(&'a self, keys: &'a [String], at_ms: i64) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(in_write(&self.pool, async move |conn| {
            for key in keys {
                sqlx::query("INSERT INTO attempts (key, at) VALUES ($1, $2)")
                    .bind(key)
                    .bind(at_ms)
                    .execute(&mut *conn)
                    .await?;
            }
            let window = crate::limits::WINDOW.as_millis() as i64;
            sqlx::query("DELETE FROM attempts WHERE at <= $1").bind(at_ms - window).execute(&mut *conn).await?;
            sqlx::query(match Backend::of(conn) {
                Backend::Sqlite => "DELETE FROM attempts WHERE rowid <= (SELECT max(rowid) FROM attempts) - $1",
                Backend::Postgres => "DELETE FROM attempts WHERE id <= (SELECT max(id) FROM attempts) - $1",
            })
            .bind(crate::limits::MAX_KEPT)
            .execute(&mut *conn)
            .await?;
            Ok(())
        }))
    }

    fn clear_failures<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), AppError>> {
        Box::pin(async move {
            sqlx::query("DELETE FROM attempts WHERE key = $1").bind(key).execute(&self.pool).await?;
            Ok(())
        })
    }

    fn invite<'a>(&'a self, code_hash: &'a str) -> BoxFuture<'a, Result<Option<(String, String)>, AppError>> {
        Box::pin(async move {
            let mut conn = self.pool.acquire().await?;
            live_invite(&mut conn, code_hash).await
        })
    }
}
