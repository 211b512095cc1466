-- event search: full text (FTS5, the tokenizer of quotes_fts and articles_fts) over each
-- event's sentence, so a list search means the same on quotes, events and articles
-- (store/query.py). Filled from the events already stored. PostgreSQL twin:
-- 0009_event_search.postgresql.sql.

CREATE VIRTUAL TABLE events_fts USING fts5 (
    sentence_text, article_id UNINDEXED, seq UNINDEXED, tokenize = 'porter unicode61'
);
INSERT INTO events_fts (sentence_text, article_id, seq) SELECT sentence_text, article_id, seq FROM events
