-- API keys (communique.store.keys, `communique keys create/revoke/list`): only a SHA-256
-- hash of each key is kept, never the key. A key belongs to a name (the author of the
-- reviews and articles written with it); a revoked key stays listed with revoked_at set.
-- Portable SQL (SQLite and PostgreSQL). Independent of every other migration.

CREATE TABLE api_keys (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    key_hash    TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT,
    last_used_at TEXT
);
CREATE INDEX api_keys_name ON api_keys (name, revoked_at);
