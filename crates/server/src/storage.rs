//! Where the server keeps its data: the [`Storage`] trait, and its embedded default, SQLite
//! (one file under the data folder, WAL journal, migrations applied at open).
//!
//! Never decides merge rules (those are `ramp-core`'s) or permissions (the handlers').

use std::future::Future;
use std::path::Path;
use std::pin::Pin;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use crate::error::AppError;

/// A boxed future, so storage can be held as `Arc<dyn Storage>`.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The server's storage.
pub trait Storage: Send + Sync {
    /// Which storage this is ("sqlite"…), and whether it answers.
    fn health(&self) -> BoxFuture<'_, Result<&'static str, AppError>>;
}

/// The embedded default: one SQLite file.
pub struct Sqlite {
    pool: SqlitePool,
}

impl Sqlite {
    /// Opens (creating if needed) `ramp.sqlite` in `data_dir` and applies the migrations.
    pub async fn open(data_dir: &Path) -> Result<Sqlite, sqlx::Error> {
        std::fs::create_dir_all(data_dir).map_err(sqlx::Error::Io)?;
        let options = SqliteConnectOptions::new()
            .filename(data_dir.join("ramp.sqlite"))
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new().max_connections(4).connect_with(options).await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Sqlite { pool })
    }
}

impl Storage for Sqlite {
    fn health(&self) -> BoxFuture<'_, Result<&'static str, AppError>> {
        Box::pin(async move {
            let (created,): (String,) =
                sqlx::query_as("SELECT value FROM meta WHERE key = 'created_at'").fetch_one(&self.pool).await?;
            tracing::trace!(%created, "storage answered");
            Ok("sqlite")
        })
    }
}
