-- analytics: the dyad index (one row per event and actor pair / country pair) and
-- full-text search (FTS5) over quotes and articles. PostgreSQL twin: 0002_analytics.postgresql.sql.

CREATE TABLE event_dyads (
    source      TEXT NOT NULL,
    target      TEXT NOT NULL,
    day         TEXT NOT NULL DEFAULT '',
    article_id  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    story       TEXT NOT NULL,
    type        TEXT NOT NULL,
    quad_class  INTEGER NOT NULL,
    goldstein   DOUBLE PRECISION,
    intensity   DOUBLE PRECISION,
    modality    TEXT NOT NULL,
    confidence  DOUBLE PRECISION,
    quote_seq   INTEGER,
    PRIMARY KEY (source, target, day, article_id, seq)
) WITHOUT ROWID;
CREATE INDEX event_dyads_target ON event_dyads (target, source, day);
CREATE INDEX event_dyads_day ON event_dyads (day);

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    content_text, speaker_text, article_id UNINDEXED, seq UNINDEXED, tokenize = 'porter unicode61'
);
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, article_id UNINDEXED, tokenize = 'porter unicode61'
);
