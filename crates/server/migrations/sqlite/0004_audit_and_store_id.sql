-- The audit log is the ops table read by scope, newest (highest rowid) first.
CREATE INDEX ops_by_scope ON ops (json_extract(body, '$.scope'));

-- This store's identity: a restore from a backup gives the restored store a new one, so
-- devices notice that the server went back in time (their cursors and acks are ahead of it).
INSERT OR IGNORE INTO meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))));
