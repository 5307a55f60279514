-- Invite codes: a team and a role; stored as SHA-256 hashes; usable until they expire.
CREATE TABLE invites (
    code_hash  TEXT PRIMARY KEY NOT NULL,
    scope      TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('coach', 'member')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
