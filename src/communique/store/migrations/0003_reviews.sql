-- reviews (communique.review): analysts' verdicts on quotes and events, kept beside the
-- machine output, which is never overwritten. Portable SQL: the same file for SQLite and
-- PostgreSQL. No foreign key to articles: reviews outlive a re-analysis of their article.
--
-- Every quote, event and dyad row now says which version it belongs to (`variant`):
--   'both'      a machine record no review changed (raw and reviewed versions)
--   'raw'       a machine record a review corrected or rejected (raw version only)
--   'reviewed'  a corrected or added record (reviewed version only; seq >= 100000)
-- and `review_status` is NULL (not reviewed), confirmed, corrected, rejected, added or superseded.

CREATE TABLE reviews (
    id          TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    record_key  TEXT NOT NULL,
    action      TEXT NOT NULL,
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    rule        TEXT,
    status      TEXT NOT NULL DEFAULT 'attached',
    note        TEXT,
    comment     TEXT,
    data        TEXT NOT NULL
);
CREATE INDEX reviews_article ON reviews (article_id, created_at);
CREATE INDEX reviews_key ON reviews (record_key);
CREATE INDEX reviews_author ON reviews (author);

ALTER TABLE quotes ADD COLUMN variant TEXT NOT NULL DEFAULT 'both';
ALTER TABLE quotes ADD COLUMN review_status TEXT;
ALTER TABLE events ADD COLUMN variant TEXT NOT NULL DEFAULT 'both';
ALTER TABLE events ADD COLUMN review_status TEXT;
ALTER TABLE event_dyads ADD COLUMN variant TEXT NOT NULL DEFAULT 'both';
