-- communique store, version 1: articles and every extracted record.
-- Portable SQL (SQLite and PostgreSQL): no AUTOINCREMENT, no reserved column names.
-- Each record keeps its full JSON (to_dict) in `data`; the other columns are for queries.

CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    title       TEXT,
    url         TEXT,
    source      TEXT,
    published   TEXT,
    language    TEXT,
    n_actors    INTEGER NOT NULL DEFAULT 0,
    n_quotes    INTEGER NOT NULL DEFAULT 0,
    n_events    INTEGER NOT NULL DEFAULT 0,
    added_at    TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE actors (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    country     TEXT,
    sector      TEXT,
    n_articles  INTEGER NOT NULL DEFAULT 0,
    n_mentions  INTEGER NOT NULL DEFAULT 0,
    data        TEXT NOT NULL
);
CREATE INDEX actors_name ON actors (name);
CREATE INDEX actors_country ON actors (country);

CREATE TABLE article_actors (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id    TEXT NOT NULL REFERENCES actors (id),
    seq         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    n_mentions  INTEGER NOT NULL DEFAULT 0,
    data        TEXT NOT NULL,
    PRIMARY KEY (article_id, actor_id)
);
CREATE INDEX article_actors_actor ON article_actors (actor_id);

CREATE TABLE mentions (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id    TEXT NOT NULL REFERENCES actors (id),
    seq         INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (article_id, actor_id, seq)
);

CREATE TABLE quotes (
    article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    speaker_actor TEXT REFERENCES actors (id),
    speaker_text  TEXT,
    kind          TEXT NOT NULL,
    medium        TEXT,
    quote_date    TEXT,
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL,
    content_text  TEXT NOT NULL,
    confidence    DOUBLE PRECISION,
    rule          TEXT,
    data          TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX quotes_speaker ON quotes (speaker_actor);
CREATE INDEX quotes_date ON quotes (quote_date);

CREATE TABLE events (
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    type           TEXT NOT NULL,
    mode           TEXT,
    cameo          TEXT,
    quad_class     INTEGER,
    goldstein      DOUBLE PRECISION,
    actor_text     TEXT,
    recipient_text TEXT,
    trigger_text   TEXT NOT NULL,
    sentence_text  TEXT NOT NULL,
    event_date     TEXT,
    date_precision TEXT,
    location_name  TEXT,
    location_country TEXT,
    modality       TEXT NOT NULL,
    confidence     DOUBLE PRECISION,
    rule           TEXT,
    data           TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_date ON events (event_date);

-- who took part in each event: role is 'actor' or 'recipient'
CREATE TABLE event_parties (
    article_id  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    role        TEXT NOT NULL,
    actor_id    TEXT NOT NULL REFERENCES actors (id),
    PRIMARY KEY (article_id, seq, role, actor_id),
    FOREIGN KEY (article_id, seq) REFERENCES events (article_id, seq) ON DELETE CASCADE
);
CREATE INDEX event_parties_actor ON event_parties (actor_id);

CREATE TABLE places (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    name        TEXT NOT NULL,
    country     TEXT,
    admin1      TEXT,
    lat         DOUBLE PRECISION,
    lon         DOUBLE PRECISION,
    geonameid   INTEGER,
    data        TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX places_name ON places (name);

CREATE TABLE dates (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       TEXT,
    date_precision TEXT NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);

-- inputs that could not be analysed, with the reason (recorded once per source/line/reason)
CREATE TABLE skips (
    source      TEXT NOT NULL,
    line        INTEGER NOT NULL DEFAULT 0,
    code        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (source, line, reason)
);
