//! The `ramp-server` binary: parses flags, opens the storage, and serves [`ramp_server::app`].
//!
//! `ramp-server [--addr 127.0.0.1:8080] [--data ./data] [--dist ./dist] [--max-store-mb N] [--demo]`
//! serves, holding a lock on the data folder (`ramp.lock`) so that a restore cannot run under it;
//! `ramp-server backup --to FILE [--data ./data]` copies the store while it serves;
//! `ramp-server restore --from FILE [--data ./data]` puts a backup in place (server stopped);
//! `ramp-server admin <command> [--data ./data] …` sets up accounts and teams:
//! - `create-user --email E --name N --password P`
//! - `create-collaborative --faculty EMAIL [--name N]` (prints the collaborative's scope)
//! - `create-team --collab ID --name N [--id UUID]` (prints the team's id)
//! - `add-member --team ID --email E --role member|coach` (refused if they have another role there)
//! - `set-role --team ID --email E --role member|coach`; `remove-member --team ID --email E`
//! - `invite --team ID --role member|coach [--uses N] [--days D]` (prints a code to hand out)
//! - `list-invites --team ID`; `revoke-invite --id ID`
//! - `disable-account --email E`; `enable-account --email E`
//! - `reset-code --email E` (prints a one-time code to set a new password with)
//! - `revoke-sessions --email E` (signs the person out on every device)
//! - `new-store-id` (after a store is put back by other tools: PostgreSQL's `pg_restore`)
//!
//! `--database postgres://…` (or `RAMP_DATABASE_URL`) puts the store in PostgreSQL instead of
//! the data folder's SQLite file, for serving and for admin commands; several servers may share
//! it (the data folder then holds only the secret, which they must share too).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ramp_server::access::Role;
use ramp_server::admin::Actor;
use ramp_server::auth::Secret;
use ramp_server::serve::{serve, Timeouts};
use ramp_server::storage::{self, Location, SqlStore, StoreOptions};
use ramp_server::{admin, app, AppState};

struct Flags {
    addr: SocketAddr,
    data: PathBuf,
    /// A PostgreSQL database instead of the data folder's SQLite file.
    database: Option<String>,
    dist: PathBuf,
    store: StoreOptions,
    demo: bool,
    trust_proxy: bool,
    timeouts: Timeouts,
}

fn parse_flags() -> Result<Flags, String> {
    let mut flags = Flags {
        addr: ([127, 0, 0, 1], 8080).into(),
        data: "data".into(),
        database: database_from_env(),
        dist: "dist".into(),
        store: StoreOptions::default(),
        demo: false,
        trust_proxy: false,
        timeouts: Timeouts::default(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--addr" => flags.addr = value()?.parse().map_err(|e| format!("--addr: {e}"))?,
            "--data" => flags.data = value()?.into(),
            "--database" => flags.database = Some(value()?),
            "--dist" => flags.dist = value()?.into(),
            "--max-store-mb" => {
                let mb: u64 = value()?.parse().map_err(|e| format!("--max-store-mb: {e}"))?;
                flags.store.max_bytes = Some(mb << 20);
            }
            "--demo" => flags.demo = true,
            "--trust-proxy" => flags.trust_proxy = true,
            "--session-max-days" => {
                let days: i64 = value()?.parse().map_err(|e| format!("--session-max-days: {e}"))?;
                flags.store.session_max_days = days.max(1);
            }
            "--read-timeout-secs" => {
                let secs: u64 = value()?.parse().map_err(|e| format!("--read-timeout-secs: {e}"))?;
                flags.timeouts.headers = std::time::Duration::from_secs(secs.max(1));
                flags.timeouts.body = std::time::Duration::from_secs(secs.max(1));
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown flag {other}")),
        }
    }
    if flags.database.is_some() && flags.store.max_bytes.is_some() {
        return Err("--max-store-mb limits the SQLite file; PostgreSQL's size is its own to manage".into());
    }
    Ok(flags)
}

/// `RAMP_DATABASE_URL`, when set and not empty.
fn database_from_env() -> Option<String> {
    std::env::var("RAMP_DATABASE_URL").ok().filter(|url| !url.trim().is_empty())
}

/// Where the store is: the database given, or the data folder's SQLite file.
fn location(data: &Path, database: Option<&str>) -> Result<Location, String> {
    match database {
        None => Ok(Location::Folder(data.to_owned())),
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
            Ok(Location::Postgres(url.to_owned()))
        }
        Some(_) => Err("--database takes a PostgreSQL connection string (postgres://user@host/database)".into()),
    }
}

/// What a store that cannot be opened is called in a message (never a connection's password).
fn store_name(location: &Location) -> String {
    match location {
        Location::Folder(data) => format!("the store in {}", data.display()),
        Location::Postgres(_) => "the PostgreSQL database".to_owned(),
    }
}

const USAGE: &str =
    "usage: ramp-server [--addr 127.0.0.1:8080] [--data ./data] [--dist ./dist] [--max-store-mb N] [--demo]
                   [--database postgres://…] [--trust-proxy] [--session-max-days 180] [--read-timeout-secs N]
       ramp-server backup --to FILE [--data D]
       ramp-server restore --from FILE [--data D]
       ramp-server admin create-user --email E --name N --password P [--data D]
       ramp-server admin create-collaborative --faculty EMAIL [--name N] [--data D]
       ramp-server admin create-team --collab ID --name N [--id UUID] [--data D]
       ramp-server admin add-member --team ID --email E --role member|coach [--data D]
       ramp-server admin set-role --team ID --email E --role member|coach [--data D]
       ramp-server admin remove-member --team ID --email E [--data D]
       ramp-server admin invite --team ID --role member|coach [--uses N] [--days D] [--data D]
       ramp-server admin list-invites --team ID [--data D]
       ramp-server admin revoke-invite --id ID [--data D]
       ramp-server admin disable-account --email E [--data D]
       ramp-server admin enable-account --email E [--data D]
       ramp-server admin reset-code --email E [--data D]
       ramp-server admin revoke-sessions --email E [--data D]
       ramp-server admin new-store-id [--data D]   (after a restore by other tools)
  every admin command takes --database postgres://… (or RAMP_DATABASE_URL) instead of --data";

/// `--name value` pairs.
fn named_flags(args: &[String]) -> Result<HashMap<String, String>, String> {
    let mut named = HashMap::new();
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let name = flag.strip_prefix("--").ok_or(format!("unexpected {flag}"))?;
        named.insert(name.to_owned(), rest.next().ok_or(format!("{flag} needs a value"))?.clone());
    }
    Ok(named)
}

/// The locks on a data folder: `ramp.lock`, held alone by the one process serving it, and
/// `ramp.store.lock`, shared by whatever uses the store (serving, admin commands, backups)
/// and held alone by a restore, which replaces the store under them.
#[derive(Clone, Copy, PartialEq)]
enum Lock {
    /// Serving: alone on the folder, sharing the store.
    Serve,
    /// An admin command or a backup: sharing the store.
    Use,
    /// A restore: alone on both.
    Replace,
}

fn lock_data(data: &Path, lock: Lock) -> Result<Vec<std::fs::File>, String> {
    std::fs::create_dir_all(data).map_err(|e| format!("cannot create {}: {e}", data.display()))?;
    let _ = ramp_server::files::make_private_dir(data);
    let open = |name: &str| {
        let path = data.join(name);
        std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| format!("cannot open {}: {e}", path.display()))
    };
    let busy = |_| format!("a ramp-server is serving {}, or a restore is running: stop it first", data.display());
    let mut held = Vec::new();
    if lock != Lock::Use {
        let file = open("ramp.lock")?;
        file.try_lock().map_err(busy)?;
        held.push(file);
    }
    let store = open("ramp.store.lock")?;
    match lock {
        Lock::Replace => store.try_lock().map_err(|_| {
            format!("{} is in use (a server, an admin command or a backup): stop it first", data.display())
        })?,
        Lock::Serve | Lock::Use => {
            store.try_lock_shared().map_err(|_| format!("a restore is running in {}: wait for it", data.display()))?
        }
    }
    held.push(store);
    Ok(held)
}

/// `backup` and `restore`; returns what to print.
async fn run_backup(command: &str, args: &[String]) -> Result<String, String> {
    let named = named_flags(args)?;
    if named.contains_key("database") || database_from_env().is_some() {
        return Err(format!(
            "{command} copies the data folder's SQLite file. A PostgreSQL store is copied with PostgreSQL's \
             own tools: pg_dump --format=custom to back up; pg_restore into a new database to restore, then \
             `ramp-server admin new-store-id --database URL` so devices notice (README: PostgreSQL)"
        ));
    }
    let data = PathBuf::from(named.get("data").cloned().unwrap_or_else(|| "data".into()));
    let described = |info: storage::BackupInfo| {
        format!(
            "{} bytes: {} accounts, {} teams, {} changes received, {} fields",
            info.bytes, info.users, info.teams, info.ops, info.fields
        )
    };
    if command == "backup" {
        let to = PathBuf::from(named.get("to").ok_or("--to FILE is needed")?);
        if !data.join(storage::FILE_NAME).exists() {
            return Err(format!("there is no store in {}", data.display()));
        }
        let _lock = lock_data(&data, Lock::Use)?;
        let store =
            SqlStore::open(&data).await.map_err(|e| format!("cannot open the store in {}: {e}", data.display()))?;
        let info = store.backup_to(&to).await.map_err(|e| e.to_string())?;
        Ok(format!("backed up to {}: {}", to.display(), described(info)))
    } else {
        let from = PathBuf::from(named.get("from").ok_or("--from FILE is needed")?);
        let _lock = lock_data(&data, Lock::Replace)?;
        let info = storage::restore(&data, &from).await.map_err(|e| e.to_string())?;
        Ok(format!(
            "restored {} into {} ({}); the previous store is kept beside it as {}.before-restore-*",
            from.display(),
            data.display(),
            described(info),
            storage::FILE_NAME
        ))
    }
}

/// One invite as `list-invites` prints it.
fn describe_invite(invite: &ramp_server::storage::InviteInfo) -> String {
    let state = if invite.revoked_at.is_some() {
        "revoked"
    } else if invite.uses >= invite.max_uses {
        "used up"
    } else if invite.expires_at <= now_ms() {
        "expired"
    } else {
        "open"
    };
    let day = |ms: i64| ramp_core::period::date_of_day(ms.div_euclid(86_400_000));
    format!(
        "{}  {}  {}  used {} of {}  made {}  until {}  by {}{}",
        invite.id,
        invite.role,
        state,
        invite.uses,
        invite.max_uses,
        day(invite.created_at),
        day(invite.expires_at),
        invite.created_by,
        if invite.used_by.is_empty() { String::new() } else { format!("  taken by {}", invite.used_by.join(", ")) }
    )
}

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

/// Runs an admin command; returns what to print.
async fn run_admin(args: &[String]) -> Result<String, String> {
    let (command, rest) = args.split_first().ok_or("admin needs a command")?;
    let named = named_flags(rest)?;
    let get = |name: &str| named.get(name).cloned().ok_or(format!("--{name} is needed"));
    let data = named.get("data").cloned().unwrap_or_else(|| "data".into());
    let location = location(data.as_ref(), named.get("database").cloned().or_else(database_from_env).as_deref())?;
    // A restore replaces the data folder's SQLite file: not while an admin command uses it.
    let _lock = match location {
        Location::Folder(_) => lock_data(data.as_ref(), Lock::Use)?,
        Location::Postgres(_) => Vec::new(),
    };
    let storage = SqlStore::open_at(&location, StoreOptions::default())
        .await
        .map_err(|e| format!("cannot open {}: {e}", store_name(&location)))?;
    let secret = Secret::load_or_create(data.as_ref()).map_err(|e| format!("cannot read the secret in {data}: {e}"))?;
    let result = match command.as_str() {
        "create-user" => admin::create_user(&storage, &get("email")?, &get("name")?, &get("password")?).await,
        "create-collaborative" => {
            let name = named.get("name").cloned().unwrap_or_else(|| "Our collaborative".into());
            admin::create_collaborative(&storage, &get("faculty")?, &name).await
        }
        "create-team" => match named.get("id") {
            Some(id) => {
                let id = ramp_core::Uuid7::parse(id).map_err(|e| format!("--id: {e}"))?;
                admin::create_team_with_id(&storage, &get("collab")?, &get("name")?, id).await
            }
            None => admin::create_team(&storage, &get("collab")?, &get("name")?).await,
        },
        "add-member" => {
            let role = Role::parse(&get("role")?).ok_or("--role is member or coach")?;
            admin::add_to_team(&storage, &get("team")?, &get("email")?, role).await.map(|joined| match joined {
                admin::Joined::Joined => "added".to_owned(),
                admin::Joined::Already => format!("already a {} on this team", role.as_str()),
            })
        }
        "set-role" => {
            let role = Role::parse(&get("role")?).ok_or("--role is member or coach")?;
            match admin::user_id(&storage, &get("email")?).await {
                Ok(user) => admin::set_role(&storage, Actor::Admin, &get("team")?, &user, role)
                    .await
                    .map(|()| format!("now a {} on this team", role.as_str())),
                Err(e) => Err(e),
            }
        }
        "remove-member" => match admin::user_id(&storage, &get("email")?).await {
            Ok(user) => admin::remove_from_team(&storage, Actor::Admin, &get("team")?, &user)
                .await
                .map(|()| "removed".to_owned()),
            Err(e) => Err(e),
        },
        "invite" => {
            let role = Role::parse(&get("role")?).ok_or("--role is member or coach")?;
            let team = get("team")?;
            let mut request = admin::InviteRequest::once(&team, role);
            if let Some(uses) = named.get("uses") {
                request.uses = uses.parse().map_err(|e| format!("--uses: {e}"))?;
            }
            if let Some(days) = named.get("days") {
                request.days = days.parse().map_err(|e| format!("--days: {e}"))?;
            }
            admin::invite(&storage, &secret, Actor::Admin, request).await.map(|made| made.code)
        }
        "list-invites" => admin::invites(&storage, Actor::Admin, &get("team")?).await.map(|invites| {
            let lines: Vec<String> = invites.iter().map(describe_invite).collect();
            if lines.is_empty() {
                "no invites".to_owned()
            } else {
                lines.join("\n")
            }
        }),
        "revoke-invite" => {
            admin::revoke_invite(&storage, Actor::Admin, &get("id")?).await.map(|()| "revoked".to_owned())
        }
        "disable-account" | "enable-account" => {
            let disable = command == "disable-account";
            match admin::user_id(&storage, &get("email")?).await {
                Ok(user) => admin::set_disabled(&storage, Actor::Admin, &user, disable).await.map(|ended| {
                    if disable {
                        format!("disabled; ended {ended} sessions")
                    } else {
                        "enabled".to_owned()
                    }
                }),
                Err(e) => Err(e),
            }
        }
        "reset-code" => match admin::user_id(&storage, &get("email")?).await {
            Ok(user) => admin::reset_code(&storage, &secret, Actor::Admin, &user).await,
            Err(e) => Err(e),
        },
        "revoke-sessions" => {
            admin::revoke_sessions(&storage, &get("email")?).await.map(|n| format!("ended {n} sessions"))
        }
        "new-store-id" => storage
            .renew_store_id()
            .await
            .map(|id| format!("the store is now {id}: devices that synced with it will send again what it lacks")),
        other => return Err(format!("unknown admin command {other}")),
    };
    result.map_err(|e| e.to_string())
}

#[tokio::main]
async fn main() {
    // Logs go to stderr: an admin command's answer on stdout is only the answer. PostgreSQL's
    // notices ("already exists, skipping" at every start) are not news.
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx::postgres::notice=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str);
    if matches!(command, Some("admin" | "backup" | "restore")) {
        let result = match command {
            Some("admin") => run_admin(&args[1..]).await,
            Some(backup) => run_backup(backup, &args[1..]).await,
            None => unreachable!(),
        };
        match result {
            Ok(output) => println!("{output}"),
            Err(problem) => {
                eprintln!("ramp-server: {problem}\n{USAGE}");
                std::process::exit(2);
            }
        }
        return;
    }
    let flags = match parse_flags() {
        Ok(flags) => flags,
        Err(problem) => {
            if !problem.is_empty() {
                eprintln!("ramp-server: {problem}");
            }
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    };
    if !flags.dist.join("index.html").exists() {
        eprintln!("ramp-server: no built app at {} (run `cargo xtask serve`)", flags.dist.display());
        std::process::exit(1);
    }
    let location = match location(&flags.data, flags.database.as_deref()) {
        Ok(location) => location,
        Err(problem) => {
            eprintln!("ramp-server: {problem}");
            std::process::exit(2);
        }
    };
    // The data folder's SQLite file is one server's alone. PostgreSQL is shared: several
    // servers may then use one data folder (for the secret they must share).
    let held = match location {
        Location::Folder(_) => lock_data(&flags.data, Lock::Serve),
        Location::Postgres(_) => std::fs::create_dir_all(&flags.data)
            .map(|()| Vec::new())
            .map_err(|e| format!("cannot create {}: {e}", flags.data.display())),
    };
    let _lock = match held {
        Ok(lock) => lock,
        Err(problem) => {
            eprintln!("ramp-server: {problem}");
            std::process::exit(1);
        }
    };
    let storage = match SqlStore::open_at(&location, flags.store).await {
        Ok(storage) => storage,
        Err(error) => {
            eprintln!("ramp-server: cannot open {}: {error}", store_name(&location));
            std::process::exit(1);
        }
    };
    if flags.demo {
        // The demo's data runs to last month, whatever today is.
        let today =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) / 86_400;
        let date = ramp_core::period::date_of_day(today as i64);
        let last = ramp_core::period::Period::containing("monthly", &date).map(|m| m.previous());
        match ramp_server::demo::load(&storage, last.expect("today is a date")).await {
            Ok(lines) => lines.iter().for_each(|line| println!("{line}")),
            Err(error) => {
                eprintln!("ramp-server: cannot load the demo: {error}");
                std::process::exit(1);
            }
        }
    }
    let listener = match tokio::net::TcpListener::bind(flags.addr).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("ramp-server: cannot listen on {}: {error}", flags.addr);
            std::process::exit(1);
        }
    };
    let secret = match Secret::load_or_create(&flags.data) {
        Ok(secret) => secret,
        Err(error) => {
            eprintln!("ramp-server: cannot read the secret in {}: {error}", flags.data.display());
            std::process::exit(1);
        }
    };
    let mut state = AppState::new(Arc::new(storage));
    state.secret = Arc::new(secret);
    state.trust_proxy = flags.trust_proxy;
    tracing::info!("Ramp is at http://{} ({})", flags.addr, store_name(&location));
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(error) = serve(listener, app(state, flags.dist), flags.timeouts, shutdown).await {
        eprintln!("ramp-server: {error}");
        std::process::exit(1);
    }
}
