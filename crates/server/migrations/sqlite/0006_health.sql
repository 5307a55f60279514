-- The health check proves the store can write: it rewrites this one row in a write
-- transaction (kept out of `meta`, whose contents are the server's facts).
CREATE TABLE health (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at INTEGER NOT NULL
);
INSERT INTO health (id, checked_at) VALUES (1, 0);
