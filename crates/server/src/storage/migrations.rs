//! The store's migrations, built into the binary: `migrations/sqlite` and
//! `migrations/postgres`, side by side.
//!
//! Read as sqlx reads a folder of them (version, description, checksum of the text), so a
//! store migrated by an earlier build finds its migrations unchanged. Listed here rather than
//! found by sqlx's `migrate!` macro: the macro compiles both database drivers a second time,
//! for the compiler, which cost a minute of every build.

use std::borrow::Cow;

use sqlx::error::BoxDynError;
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};
use sqlx::AnyPool;

/// One migration file: its name (`0001_meta.sql`) and its text.
type File = (&'static str, &'static str);

macro_rules! files {
    ($folder:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../migrations/", $folder, "/", $name)))),*]
    };
}

/// The SQLite store's migrations, in order.
pub const SQLITE: &[File] = files!("sqlite":
    "0001_meta.sql",
    "0002_sync.sql",
    "0003_invites.sql",
    "0004_audit_and_store_id.sql",
    "0005_refusals_index.sql",
    "0006_health.sql",
    "0007_attempts.sql",
    "0008_access_lifecycle.sql",
);

/// The PostgreSQL store's migrations, in order.
pub const POSTGRES: &[File] = files!("postgres": "0001_schema.sql");

/// Applies the migrations a store has not had yet. On PostgreSQL, servers starting together
/// take turns (sqlx's migrator holds an advisory lock).
pub async fn run(pool: &AnyPool, files: &'static [File]) -> Result<(), sqlx::Error> {
    Migrator::new(Embedded(files)).await?.run(pool).await?;
    Ok(())
}

#[derive(Debug)]
struct Embedded(&'static [File]);

impl<'s> MigrationSource<'s> for Embedded {
    fn resolve(self) -> super::BoxFuture<'s, Result<Vec<Migration>, BoxDynError>> {
        Box::pin(async move { self.0.iter().map(|&(name, sql)| migration(name, sql)).collect() })
    }
}

/// A file as sqlx's folder source reads it: `0004_audit_and_store_id.sql` is version 4,
/// "audit and store id".
fn migration(name: &str, sql: &'static str) -> Result<Migration, BoxDynError> {
    let (version, rest) = name.split_once('_').ok_or_else(|| format!("{name}: no version"))?;
    let version = version.parse().map_err(|_| format!("{name}: the version is not a number"))?;
    let description = rest.trim_end_matches(".sql").replace('_', " ");
    let no_tx = sql.starts_with("-- no-transaction");
    Ok(Migration::new(version, Cow::Owned(description), MigrationType::Simple, Cow::Borrowed(sql), no_tx))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file in each folder is listed, in order, and none is listed that is not there.
    #[test]
    fn the_lists_are_the_folders() {
        for (folder, files) in [("sqlite", SQLITE), ("postgres", POSTGRES)] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(folder);
            let mut found: Vec<String> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|entry| entry.unwrap().file_name().into_string().unwrap())
                .filter(|name| name.ends_with(".sql"))
                .collect();
            found.sort();
            let listed: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
            assert_eq!(listed, found, "migrations/{folder}");
        }
    }

    /// Versions and descriptions as sqlx's `migrate!` made them, so existing stores accept them.
    #[test]
    fn files_read_as_sqlx_reads_them() {
        let m = migration("0004_audit_and_store_id.sql", "SELECT 1;").unwrap();
        assert_eq!((m.version, m.description.as_ref()), (4, "audit and store id"));
        assert!(matches!(m.migration_type, MigrationType::Simple));
        assert!(!m.no_tx);
        assert!(migration("meta.sql", "").is_err());
    }
}
