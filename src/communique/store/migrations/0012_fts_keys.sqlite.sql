-- The key of each row of the FTS5 content tables of quotes and events (quotes_fts: c2, c3 are
-- article_id, seq; events_fts: c1, c2), so a list read in order checks a common search row by
-- row (store/query.py: _search, ``common``) instead of collecting every match's key first.
-- SQLite keeps these indexes itself as FTS5 writes its content table.
-- PostgreSQL twin (nothing to do there): 0012_fts_keys.postgresql.sql.

CREATE INDEX quotes_fts_key ON quotes_fts_content (c2, c3);
CREATE INDEX events_fts_key ON events_fts_content (c1, c2);
