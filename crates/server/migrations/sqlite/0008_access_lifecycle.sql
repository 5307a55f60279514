-- The access lifecycle (issue 15): disabled accounts, invites with uses that can be listed
-- and revoked, one-time password reset codes, removals from teams that devices are told
-- of, and the log of who changed whose access.

-- An account that is disabled cannot sign in and has no sessions.
ALTER TABLE users ADD COLUMN disabled_at INTEGER;

-- Invites: a public id (to list and revoke them; the code itself is never stored), who
-- made them, how many accounts may use them, how many have, and whether they are revoked.
ALTER TABLE invites ADD COLUMN id TEXT;
ALTER TABLE invites ADD COLUMN created_by TEXT;
ALTER TABLE invites ADD COLUMN max_uses INTEGER NOT NULL DEFAULT 1;
ALTER TABLE invites ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invites ADD COLUMN revoked_at INTEGER;
UPDATE invites SET id = substr(code_hash, 1, 32) WHERE id IS NULL;
CREATE UNIQUE INDEX invites_by_id ON invites (id);
CREATE INDEX invites_by_scope ON invites (scope);

-- Who took which invite, and when.
CREATE TABLE invite_uses (
    invite_id TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX invite_uses_by_invite ON invite_uses (invite_id);

-- One-time password reset codes (there is no email): the code's keyed hash, for whom, by
-- whom, until when; deleted when used.
CREATE TABLE reset_codes (
    code_hash  TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

-- The teams a person was removed from (and not added to again): their devices are told, so
-- they say "You are no longer on this team" and keep what was not sent.
CREATE TABLE removals (
    user_id    TEXT NOT NULL,
    scope      TEXT NOT NULL,
    removed_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, scope)
);

-- Changes of access, shown in the scope's activity log beside the changes of records: who
-- (actor, a user id or 'server' for an admin command) did what (action) to whom (subject).
CREATE TABLE access_events (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    scope   TEXT NOT NULL,
    at      INTEGER NOT NULL,
    actor   TEXT NOT NULL,
    subject TEXT,
    action  TEXT NOT NULL,
    role    TEXT,
    detail  TEXT
);
CREATE INDEX access_events_by_scope ON access_events (scope, at);
