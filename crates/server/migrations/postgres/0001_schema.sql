-- Ramp's store on PostgreSQL: the same tables as the SQLite store's migrations 0001–0008
-- (crates/server/migrations/sqlite), in one step. Times are ms since the Unix epoch (BIGINT);
-- JSON is kept as TEXT, as the server wrote it.

-- The server's own facts: when this store was created, its identity, the last sequence number.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('created_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
INSERT INTO meta (key, value) VALUES ('seq', '0');
-- A restore gives the store a new identity (`ramp-server admin new-store-id`), so devices
-- notice that the server went back in time.
INSERT INTO meta (key, value) VALUES ('store_id', replace(gen_random_uuid()::text, '-', ''));

CREATE TABLE users (
    id            TEXT PRIMARY KEY NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    disabled_at   BIGINT
);

-- Opaque session tokens, stored as SHA-256 hashes; expiry slides forward on use.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

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

-- Per device: its owner and the highest counter processed (applied or refused).
CREATE TABLE devices (
    device  TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL,
    high    BIGINT NOT NULL
);

-- Every processed op, applied or refused. `id` orders the audit log (SQLite's rowid); `scope`
-- is the op's own, kept apart so the log can be read by scope.
CREATE TABLE ops (
    id          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    device      TEXT NOT NULL,
    counter     BIGINT NOT NULL,
    user_id     TEXT NOT NULL,
    body        TEXT NOT NULL,
    refused     TEXT,
    received_at BIGINT NOT NULL,
    scope       TEXT NOT NULL,
    PRIMARY KEY (device, counter)
);
CREATE INDEX ops_by_scope ON ops (scope, id);
CREATE INDEX ops_refused ON ops (device, counter) WHERE refused IS NOT NULL;

-- The current state of every field and the sequence number of its last change.
CREATE TABLE fields (
    record TEXT NOT NULL,
    field  TEXT NOT NULL,
    kind   TEXT NOT NULL,
    scope  TEXT NOT NULL,
    state  TEXT NOT NULL,
    seq    BIGINT NOT NULL,
    PRIMARY KEY (record, field)
);
CREATE INDEX fields_by_scope_seq ON fields (scope, seq);

-- Invites: a public id, the keyed hash of the code, a team and a role, uses and revocation.
CREATE TABLE invites (
    code_hash  TEXT PRIMARY KEY NOT NULL,
    scope      TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('coach', 'member')),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    id         TEXT NOT NULL UNIQUE,
    created_by TEXT,
    max_uses   BIGINT NOT NULL DEFAULT 1,
    uses       BIGINT NOT NULL DEFAULT 0,
    revoked_at BIGINT
);
CREATE INDEX invites_by_scope ON invites (scope);

CREATE TABLE invite_uses (
    invite_id TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    at        BIGINT NOT NULL
);
CREATE INDEX invite_uses_by_invite ON invite_uses (invite_id);

-- The health check's one row, rewritten in a write transaction.
CREATE TABLE health (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at BIGINT NOT NULL
);
INSERT INTO health (id, checked_at) VALUES (1, 0);

-- Failed sign-ins and wrong invite codes per key, shared by every server.
CREATE TABLE attempts (
    id  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key TEXT NOT NULL,
    at  BIGINT NOT NULL
);
CREATE INDEX attempts_by_key ON attempts (key, at);
CREATE INDEX attempts_by_time ON attempts (at);

-- One-time password reset codes.
CREATE TABLE reset_codes (
    code_hash  TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

-- The teams a person was removed from (and not added to again).
CREATE TABLE removals (
    user_id    TEXT NOT NULL,
    scope      TEXT NOT NULL,
    removed_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, scope)
);

-- Changes of access, shown in the scope's activity log.
CREATE TABLE access_events (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope   TEXT NOT NULL,
    at      BIGINT NOT NULL,
    actor   TEXT NOT NULL,
    subject TEXT,
    action  TEXT NOT NULL,
    role    TEXT,
    detail  TEXT
);
CREATE INDEX access_events_by_scope ON access_events (scope, at);
