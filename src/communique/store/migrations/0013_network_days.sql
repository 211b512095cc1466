-- The network between two dates (analytics.network_rows) groups the facts of the months a
-- date bound cuts: a covering index on event_dyads by day with what that grouping reads, so
-- it reads an index range instead of every fact's row (1M-event store: two cut months
-- 0.78 s -> 0.38 s). Portable SQL, one file for SQLite and PostgreSQL.

CREATE INDEX event_dyads_network ON event_dyads (day, source, target, story, type, modality, variant, quad_class,
                                                goldstein);
