-- Failed sign-ins and wrong invite codes, per key ('email:…', 'addr:…', 'code:<hash>'), kept
-- in the store so every server instance counts the same; rows older than the window go.
CREATE TABLE attempts (
    key TEXT NOT NULL,
    at  INTEGER NOT NULL
);
CREATE INDEX attempts_by_key ON attempts (key, at);
CREATE INDEX attempts_by_time ON attempts (at);
