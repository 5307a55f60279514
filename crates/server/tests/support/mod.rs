//! The harness the server's integration tests share: the real `ramp-server` binary on a free
//! loopback port with its SQLite file in a temporary folder, `ramp-server admin` for set-up,
//! plain HTTP/1.1 requests, and a digest of everything stored (to prove a request changed
//! nothing).
//!
//! With `RAMP_TEST_POSTGRES` set (a server's address, `postgres://user@host:port`; `cargo xtask
//! test` starts one), each test's server uses a fresh PostgreSQL database of its own instead.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use ramp_core::wire::{PullResponse, SYNC_VERSION};
use ramp_core::{team_scope, DeviceClock, Edit, Kind, Op, Replica, Uuid7, Value};
use serde_json::{json, Value as Json};

pub const BIN: &str = env!("CARGO_BIN_EXE_ramp-server");

/// A loopback port nothing listens on, below the kernel's ephemeral range (32768–60999 on
/// Linux) and never from port 0: a port `bind(0)` hands out and releases before the server
/// binds it can meanwhile be the local end of an outgoing connection, or be handed to a test
/// running beside this one. A counter keeps the tests of one run apart.
fn free_port() -> u16 {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let start = std::process::id() % 600 * 20;
    loop {
        let port = (20_000 + (start + NEXT.fetch_add(1, Ordering::Relaxed)) % 12_000) as u16;
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

pub struct Server {
    child: Option<Child>,
    pub port: u16,
    pub dir: tempfile::TempDir,
    /// The PostgreSQL database, when the tests run on PostgreSQL.
    pub database: Option<String>,
}

/// The PostgreSQL server the tests run on, if they do (`RAMP_TEST_POSTGRES`).
pub fn postgres() -> Option<String> {
    std::env::var("RAMP_TEST_POSTGRES").ok().filter(|url| !url.is_empty())
}

/// A new, empty database on that PostgreSQL server; its connection string.
pub fn new_database(base: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let name = format!("ramp_test_{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
    block_on(async {
        sqlx::any::install_default_drivers();
        let mut conn: sqlx::AnyConnection = sqlx::Connection::connect(&format!("{base}/postgres")).await.unwrap();
        sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.unwrap();
    });
    format!("{base}/{name}")
}

fn block_on<T>(work: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(work)
}

impl Server {
    pub fn new() -> Server {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("dist")).unwrap();
        std::fs::write(dir.path().join("dist/index.html"), "<!DOCTYPE html><title>Ramp</title>").unwrap();
        Server { child: None, port: free_port(), dir, database: postgres().map(|base| new_database(&base)) }
    }

    /// A second server on the same store (PostgreSQL only: SQLite's file is one server's).
    pub fn beside(&self) -> Server {
        let database = self.database.clone().expect("several servers share a PostgreSQL store only");
        Server { child: None, port: free_port(), dir: tempfile::tempdir().unwrap(), database: Some(database) }
            .sharing_secret_of(self)
    }

    fn sharing_secret_of(self, other: &Server) -> Server {
        std::fs::create_dir_all(self.dir.path().join("dist")).unwrap();
        std::fs::copy(other.dir.path().join("dist/index.html"), self.dir.path().join("dist/index.html")).unwrap();
        std::fs::create_dir_all(self.data()).unwrap();
        let secret = other.data().join("ramp.secret");
        if secret.exists() {
            std::fs::copy(&secret, self.data().join("ramp.secret")).unwrap();
        }
        self
    }

    /// `--database URL`, when the store is PostgreSQL.
    fn database_args(&self) -> Vec<String> {
        self.database.iter().flat_map(|url| ["--database".to_owned(), url.clone()]).collect()
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// `ramp-server admin …` on this server's store, whatever it answers.
    pub fn admin_output(&self, args: &[&str]) -> std::process::Output {
        Command::new(BIN)
            .arg("admin")
            .args(args)
            .arg("--data")
            .arg(self.data())
            .args(self.database_args())
            .output()
            .unwrap()
    }

    pub fn admin(&self, args: &[&str]) -> String {
        let output = self.admin_output(args);
        assert!(output.status.success(), "admin {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap().trim().to_owned()
    }

    pub fn start(&mut self) {
        self.start_with(&[]);
    }

    /// Starts the server with extra flags (`--max-store-mb 1`).
    pub fn start_with(&mut self, extra: &[&str]) {
        let child = Command::new(BIN)
            .args(["--addr", &format!("127.0.0.1:{}", self.port)])
            .arg("--data")
            .arg(self.data())
            .arg("--dist")
            .arg(self.dir.path().join("dist"))
            .args(self.database_args())
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let child = self.child.insert(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            // Only this process's answer counts: a server that could not bind must not pass
            // for whatever holds its port.
            if let Some(status) = child.try_wait().unwrap() {
                panic!("ramp-server on port {} stopped before answering ({status})", self.port);
            }
            if request_on(self.port, "GET", "/api/health", None, None).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("server did not start");
    }

    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    pub fn try_request(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&[u8]>,
    ) -> std::io::Result<(u16, Json)> {
        request_on(self.port, method, path, token, body)
    }

    pub fn request(&self, method: &str, path: &str, token: Option<&str>, body: &Json) -> (u16, Json) {
        self.try_request(method, path, token, Some(body.to_string().as_bytes())).unwrap()
    }

    pub fn login(&self, email: &str, password: &str) -> String {
        let (status, body) =
            self.request("POST", "/api/auth/login", None, &json!({ "email": email, "password": password }));
        assert_eq!(status, 200, "{body}");
        body["token"].as_str().unwrap().to_owned()
    }
}

impl Server {
    /// The server process's id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// The server process's resident memory in KiB (Linux `/proc`).
    pub fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid().expect("running"))).unwrap();
        let line = status.lines().find(|l| l.starts_with("VmRSS:")).expect("VmRSS");
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    }

    /// Runs SQL against the store (for tests that simulate time passing or inspect it).
    pub fn sql(&self, statement: &str) -> Vec<String> {
        let path = self.data().join("ramp.sqlite");
        block_on(async {
            use sqlx::ConnectOptions;
            let rows: Vec<String> = match &self.database {
                None => {
                    let options =
                        sqlx::sqlite::SqliteConnectOptions::new().filename(&path).busy_timeout(Duration::from_secs(10));
                    let mut conn = options.connect().await.unwrap();
                    sqlx::query_scalar(statement).fetch_all(&mut conn).await.unwrap()
                }
                Some(url) => {
                    let mut conn: sqlx::PgConnection = sqlx::Connection::connect(url).await.unwrap();
                    sqlx::query_scalar(statement).fetch_all(&mut conn).await.unwrap()
                }
            };
            rows
        })
    }

    /// Whether the store is PostgreSQL (for the few checks that are SQLite's own).
    pub fn on_postgres(&self) -> bool {
        self.database.is_some()
    }

    /// The team data: every field state with its sequence number. Equal digests: no worksheet
    /// changed.
    pub fn data_digest(&self) -> String {
        self.sql("SELECT record || '|' || field || '|' || state || '|' || seq FROM fields ORDER BY record, field")
            .join("\n")
    }

    /// Everything stored that a request could change (session expiry, which slides on every
    /// use, left out). Equal digests: the request changed nothing.
    pub fn digest(&self) -> String {
        let mut all = vec![self.data_digest()];
        for query in [
            "SELECT device || '|' || counter || '|' || user_id || '|' || body || '|' || coalesce(refused, '') FROM ops ORDER BY device, counter",
            "SELECT device || '|' || user_id || '|' || high FROM devices ORDER BY device",
            "SELECT id || '|' || email || '|' || name || '|' || password_hash || '|' || coalesce(CAST(disabled_at AS TEXT), '') FROM users ORDER BY id",
            "SELECT token_hash || '|' || user_id FROM sessions ORDER BY token_hash",
            "SELECT user_id || '|' || scope || '|' || role FROM memberships ORDER BY user_id, scope",
            "SELECT code_hash || '|' || scope || '|' || uses || '|' || max_uses || '|' || coalesce(CAST(revoked_at AS TEXT), '') FROM invites ORDER BY code_hash",
            "SELECT invite_id || '|' || user_id FROM invite_uses ORDER BY invite_id, user_id",
            "SELECT code_hash || '|' || user_id FROM reset_codes ORDER BY code_hash",
            "SELECT user_id || '|' || scope FROM removals ORDER BY user_id, scope",
            "SELECT id || '|' || scope || '|' || action FROM access_events ORDER BY id",
            "SELECT team_id || '|' || collab_id FROM teams ORDER BY team_id",
            "SELECT key || '=' || value FROM meta ORDER BY key",
        ] {
            all.push(self.sql(query).join("\n"));
        }
        all.join("\n--\n")
    }
}

/// One HTTP/1.1 request with any headers and body bytes; the status and the body as text.
pub fn raw_request(port: u16, head_lines: &str, body: &[u8]) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    let head = format!("{head_lines}Host: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n\r\n", body.len());
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let text = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").ok_or(std::io::ErrorKind::UnexpectedEof)?;
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or(std::io::ErrorKind::InvalidData)?;
    Ok((status, body.to_owned()))
}

/// One HTTP/1.1 request on loopback, the body answered as JSON.
pub fn request_on(
    port: u16,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&[u8]>,
) -> std::io::Result<(u16, Json)> {
    {
        let mut stream = TcpStream::connect(("127.0.0.1", port))?;
        stream.set_read_timeout(Some(Duration::from_secs(20)))?;
        let body = body.unwrap_or_default();
        let auth = token.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes())?;
        stream.write_all(body)?;
        let mut response = Vec::new();
        stream.read_to_end(&mut response)?;
        let text = String::from_utf8_lossy(&response);
        let (head, body) = text.split_once("\r\n\r\n").ok_or(std::io::ErrorKind::UnexpectedEof)?;
        let status =
            head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or(std::io::ErrorKind::InvalidData)?;
        Ok((status, serde_json::from_str(body).unwrap_or(Json::Null)))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A collaborative with two teams; Mia is a member of team 1, Cal coaches team 1, Fay is faculty.
pub struct Setup {
    pub server: Server,
    pub collab: String,
    pub team1: Uuid7,
    pub team2: Uuid7,
}

pub const PASSWORD: &str = "long enough password";

pub fn setup() -> Setup {
    let mut server = Server::new();
    for (email, name) in [("fay@example.org", "Fay"), ("mia@example.org", "Mia"), ("cal@example.org", "Cal")] {
        server.admin(&["create-user", "--email", email, "--name", name, "--password", PASSWORD]);
    }
    let collab = server.admin(&["create-collaborative", "--faculty", "fay@example.org"]);
    let team1 = server.admin(&["create-team", "--collab", &collab, "--name", "Ward 7"]);
    let team2 = server.admin(&["create-team", "--collab", &collab, "--name", "Clinic B"]);
    server.admin(&["add-member", "--team", &team1, "--email", "mia@example.org", "--role", "member"]);
    server.admin(&["add-member", "--team", &team1, "--email", "cal@example.org", "--role", "coach"]);
    server.start();
    Setup { server, collab, team1: Uuid7::parse(&team1).unwrap(), team2: Uuid7::parse(&team2).unwrap() }
}

pub fn device(n: u8) -> DeviceClock {
    DeviceClock { device: Uuid7::from_parts(1_700_000_000_000, [n; 10]), counter: 0, last_hlc: None }
}

pub fn cycle_ops(replica: &mut Replica, clock: &mut DeviceClock, team: &Uuid7, cycle: u8, title: &str) -> Vec<Op> {
    let edit = Edit {
        record: Uuid7::from_parts(1_700_000_000_000 + cycle as u64, [cycle; 10]),
        kind: Kind::Cycle,
        scope: team_scope(team),
        field: "title".into(),
        value: Value::Text(title.into()),
    };
    replica.edit(clock, vec![edit], 1_700_000_000_000, Some("mia"))
}

/// An edit writing a text value.
pub fn edit(record: &Uuid7, kind: Kind, scope: &str, field: &str, value: &str) -> Edit {
    Edit {
        record: record.clone(),
        kind,
        scope: scope.to_owned(),
        field: field.into(),
        value: Value::Text(value.into()),
    }
}

/// The ops a fresh device writes for these edits.
pub fn ops(clock: &mut DeviceClock, edits: Vec<Edit>) -> Vec<Op> {
    Replica::default().edit(clock, edits, 1_700_000_000_000, None)
}

pub fn push(server: &Server, token: &str, clock: &DeviceClock, ops: &[Op]) -> (u16, Json) {
    server.request(
        "POST",
        "/api/sync/push",
        Some(token),
        &json!({ "version": SYNC_VERSION, "device": clock.device, "ops": ops }),
    )
}

pub fn pull(server: &Server, token: &str, clock: &DeviceClock, cursors: &Json) -> PullResponse {
    let (status, body) = server.request(
        "POST",
        "/api/sync/pull",
        Some(token),
        &json!({ "version": SYNC_VERSION, "device": clock.device, "cursors": cursors }),
    );
    assert_eq!(status, 200, "{body}");
    serde_json::from_value(body).unwrap()
}
