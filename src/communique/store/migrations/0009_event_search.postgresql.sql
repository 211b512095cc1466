-- event search: full text (tsvector + GIN, as quotes.tsv) over each event's sentence, so a
-- list search means the same on quotes, events and articles (store/query.py). SQLite twin:
-- 0009_event_search.sqlite.sql.

ALTER TABLE events ADD COLUMN tsv tsvector GENERATED ALWAYS AS
    (to_tsvector('english', coalesce(sentence_text, ''))) STORED;
CREATE INDEX events_tsv ON events USING GIN (tsv)
