-- Accounts, sessions and roles (DESIGN.md §5), and the synced data (DESIGN.md §4).

CREATE TABLE users (
    id            TEXT PRIMARY KEY NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);

-- Opaque session tokens, stored as SHA-256 hashes; expiry slides forward on use.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

-- Which team belongs to which collaborative.
CREATE TABLE teams (
    team_id   TEXT PRIMARY KEY NOT NULL,
    collab_id TEXT NOT NULL
);

-- Roles: faculty on 'collab:<id>', member or coach on 'team:<id>'.
CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    scope   TEXT NOT NULL,
    role    TEXT NOT NULL CHECK (role IN ('faculty', 'coach', 'member')),
    PRIMARY KEY (user_id, scope)
);

-- Per device: its owner and the highest counter processed (applied or refused). The server's
-- own writes (admin commands) come from a device owned by "server".
CREATE TABLE devices (
    device  TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL,
    high    INTEGER NOT NULL
);

-- Every processed op, applied or refused: deduplication of retries, detection of two devices
-- sharing an id, and the audit log of who wrote what.
CREATE TABLE ops (
    device      TEXT NOT NULL,
    counter     INTEGER NOT NULL,
    user_id     TEXT NOT NULL,
    body        TEXT NOT NULL,
    refused     TEXT,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (device, counter)
);

-- The current state of every field: its siblings (JSON) and the sequence number of its last
-- change. Pulls read `seq > cursor` per scope.
CREATE TABLE fields (
    record TEXT NOT NULL,
    field  TEXT NOT NULL,
    kind   TEXT NOT NULL,
    scope  TEXT NOT NULL,
    state  TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    PRIMARY KEY (record, field)
);
CREATE INDEX fields_by_scope_seq ON fields (scope, seq);

INSERT OR IGNORE INTO meta (key, value) VALUES ('seq', '0');
