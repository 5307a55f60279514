//! A throw-away PostgreSQL for the tests and the bench: Debian's packages (installed by
//! [`crate::tools::ensure_postgres`]), a cluster made by `initdb` in a temporary folder and
//! run by `pg_ctl` on a loopback port, stopped and removed when dropped. PostgreSQL refuses to
//! run as root: as root, the cluster belongs to Debian's `postgres` user. No containers.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};

use crate::run_command;

/// A running cluster; stopped and its folder removed when dropped.
pub struct Cluster {
    /// The folder of PostgreSQL's programs (pg_dump, pg_restore…).
    pub bin: PathBuf,
    dir: PathBuf,
    owner: Option<String>,
    /// Where it listens: `postgres://ramp@127.0.0.1:<port>` (a database name goes after it).
    pub url: String,
}

impl Cluster {
    /// Makes and starts a cluster whose superuser is `ramp`, trusted on loopback only.
    pub fn start() -> anyhow::Result<Cluster> {
        let bin = crate::tools::ensure_postgres()?;
        let as_root = crate::tools::is_root();
        let owner = as_root.then(|| "postgres".to_owned());
        let dir = std::env::temp_dir().join(format!("ramp-postgres-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        if let Some(owner) = &owner {
            let uid = user_id(owner)?;
            std::os::unix::fs::chown(&dir, Some(uid), None).context("giving the cluster's folder to postgres")?;
        }
        let port = free_port()?;
        let cluster = Cluster { bin, dir, owner, url: format!("postgres://ramp@127.0.0.1:{port}") };
        let data = cluster.dir.join("data");
        cluster
            .run("initdb", &["-D", path(&data)?, "-U", "ramp", "--auth=trust", "-E", "UTF8", "--no-instructions"])?;
        let options =
            format!("-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=300", path(&cluster.dir)?);
        let log = cluster.dir.join("log");
        cluster.run("pg_ctl", &["-D", path(&data)?, "-l", path(&log)?, "-o", &options, "-w", "start"])?;
        println!("xtask: PostgreSQL {} at {}", cluster.version(), cluster.url);
        Ok(cluster)
    }

    /// Runs one of PostgreSQL's programs as the cluster's owner.
    fn run(&self, program: &str, args: &[&str]) -> anyhow::Result<()> {
        let program = self.bin.join(program);
        let mut command = match &self.owner {
            Some(owner) => {
                let mut command = Command::new("runuser");
                command.args(["-u", owner, "--"]).arg(&program);
                command
            }
            None => Command::new(&program),
        };
        command.args(args).current_dir(&self.dir).stdout(std::process::Stdio::null());
        run_command(&mut command)
    }

    fn version(&self) -> String {
        Command::new(self.bin.join("postgres"))
            .arg("--version")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_default()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        if let Ok(data) = path(&data) {
            let _ = self.run("pg_ctl", &["-D", data, "-m", "immediate", "-w", "stop"]);
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn path(path: &Path) -> anyhow::Result<&str> {
    path.to_str().with_context(|| format!("{} is not UTF-8", path.display()))
}

/// A user's numeric id (`id -u NAME`).
fn user_id(name: &str) -> anyhow::Result<u32> {
    let output = Command::new("id").args(["-u", name]).output()?;
    if !output.status.success() {
        bail!("there is no {name} user (Debian's postgresql package makes it)");
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().parse()?)
}

/// A loopback port nothing listens on.
fn free_port() -> anyhow::Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}
