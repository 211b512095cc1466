-- list order: indexes matching the newest-first keyset order of the event, quote and
-- article lists (store/analytics.py: events_page, quotes_page, articles_page), so a page
-- reads LIMIT rows from the index instead of sorting every row. Portable SQL (expression
-- indexes, SQLite and PostgreSQL). Independent of every other migration.

CREATE INDEX events_recent ON events ((COALESCE(event_date, '')), article_id, seq);
CREATE INDEX quotes_recent ON quotes ((COALESCE(quote_date, '')), article_id, seq);
CREATE INDEX articles_recent ON articles ((COALESCE(published, '')), id)
