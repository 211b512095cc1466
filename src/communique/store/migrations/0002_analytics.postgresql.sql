-- analytics: the dyad index (one row per event and actor pair / country pair) and
-- full-text search (tsvector + GIN) over quotes and articles. SQLite twin: 0002_analytics.sqlite.sql.

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
);
CREATE INDEX event_dyads_target ON event_dyads (target, source, day);
CREATE INDEX event_dyads_day ON event_dyads (day);

ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS
    (to_tsvector('english', coalesce(content_text, '') || ' ' || coalesce(speaker_text, ''))) STORED;
CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);

CREATE TABLE articles_fts (
    article_id  TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    tsv         tsvector NOT NULL
);
CREATE INDEX articles_fts_tsv ON articles_fts USING GIN (tsv)
