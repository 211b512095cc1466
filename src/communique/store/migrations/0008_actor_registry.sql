-- The persistent actor registry (store/registry.py, `communique actors import/show`):
-- canonical actors with kind, country, sector and the file they came from (`source`:
-- "builtin" or a user dictionary's file name), their aliases and spelling variants
-- (one row per normalised alias, unique: an alias names one actor) and their roles
-- with dates (PETRARCH codes such as RUSGOV with `>080508`; '' = open-ended).
-- An entry's id is the actor id extraction gives the same actor (kb.names.actor_id),
-- so registry entries and the `actors` rows of analysed articles join on id.
-- Portable SQL (SQLite and PostgreSQL). Independent of every other migration.

CREATE TABLE actor_registry (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    country     TEXT,
    sector      TEXT,
    gender      TEXT,
    source      TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX actor_registry_source ON actor_registry (source);

CREATE TABLE actor_aliases (
    alias_key   TEXT PRIMARY KEY,
    alias       TEXT NOT NULL,
    actor_id    TEXT NOT NULL REFERENCES actor_registry (id) ON DELETE CASCADE
);
CREATE INDEX actor_aliases_actor ON actor_aliases (actor_id);

CREATE TABLE actor_roles (
    actor_id     TEXT NOT NULL REFERENCES actor_registry (id) ON DELETE CASCADE,
    role         TEXT NOT NULL,
    start_date   TEXT NOT NULL DEFAULT '',
    end_date     TEXT NOT NULL DEFAULT '',
    code         TEXT,
    country      TEXT,
    organization TEXT,
    sector       TEXT,
    PRIMARY KEY (actor_id, role, start_date, end_date)
);
