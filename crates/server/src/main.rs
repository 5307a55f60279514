//! The `ramp-server` binary: parses flags, opens the storage, and serves [`ramp_server::app`].
//!
//! `ramp-server [--addr 127.0.0.1:8080] [--data ./data] [--dist ./dist]`

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use ramp_server::storage::Sqlite;
use ramp_server::{app, AppState};

struct Flags {
    addr: SocketAddr,
    data: PathBuf,
    dist: PathBuf,
}

fn parse_flags() -> Result<Flags, String> {
    let mut flags = Flags { addr: ([127, 0, 0, 1], 8080).into(), data: "data".into(), dist: "dist".into() };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--addr" => flags.addr = value()?.parse().map_err(|e| format!("--addr: {e}"))?,
            "--data" => flags.data = value()?.into(),
            "--dist" => flags.dist = value()?.into(),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown flag {other}")),
        }
    }
    Ok(flags)
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    let flags = match parse_flags() {
        Ok(flags) => flags,
        Err(problem) => {
            if !problem.is_empty() {
                eprintln!("ramp-server: {problem}");
            }
            eprintln!("usage: ramp-server [--addr 127.0.0.1:8080] [--data ./data] [--dist ./dist]");
            std::process::exit(2);
        }
    };
    if !flags.dist.join("index.html").exists() {
        eprintln!("ramp-server: no built app at {} (run `cargo xtask serve`)", flags.dist.display());
        std::process::exit(1);
    }
    let storage = match Sqlite::open(&flags.data).await {
        Ok(storage) => storage,
        Err(error) => {
            eprintln!("ramp-server: cannot open the store in {}: {error}", flags.data.display());
            std::process::exit(1);
        }
    };
    let listener = match tokio::net::TcpListener::bind(flags.addr).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("ramp-server: cannot listen on {}: {error}", flags.addr);
            std::process::exit(1);
        }
    };
    let state = AppState { storage: Arc::new(storage) };
    tracing::info!("Ramp is at http://{} (data in {})", flags.addr, flags.data.display());
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(error) = axum::serve(listener, app(state, flags.dist)).with_graceful_shutdown(shutdown).await {
        eprintln!("ramp-server: {error}");
        std::process::exit(1);
    }
}
