-- network_days: the network totals (incidents and the sum of their highest Goldstein score
-- per source, target, modality, variant, type, highest quad class) per day, kept per story
-- with network_totals (store/incidents.py: refresh_statements), so the days of a month a
-- date bound cuts are summed instead of grouped from the facts (analytics.network_rows);
-- covering indexes by day and by month, so a date-bounded network reads index ranges
-- (1M-event store, 2022-03-10..2022-06-20: 0.14 s -> 0.065 s).
-- Generated from store/incidents.py: network_days_statements (tests/test_store_network_totals.py
-- checks they agree). Portable SQL, one file for SQLite and PostgreSQL.

CREATE TABLE network_days (day TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, modality TEXT NOT NULL, variant TEXT NOT NULL, type TEXT NOT NULL, quad_class INTEGER NOT NULL, n INTEGER NOT NULL, gsum DOUBLE PRECISION NOT NULL, PRIMARY KEY (day, source, target, modality, variant, type, quad_class));

INSERT INTO network_days (source, target, modality, variant, type, quad_class, day, n, gsum) SELECT source, target, modality, variant, type, CASE WHEN qmask >= 16 THEN 4 WHEN qmask >= 8 THEN 3 WHEN qmask >= 4 THEN 2 WHEN qmask >= 2 THEN 1 ELSE 0 END, day, COUNT(*), SUM(COALESCE(gmax, 0)) FROM dyad_incidents WHERE 1 = 1 GROUP BY source, target, modality, variant, type, CASE WHEN qmask >= 16 THEN 4 WHEN qmask >= 8 THEN 3 WHEN qmask >= 4 THEN 2 WHEN qmask >= 2 THEN 1 ELSE 0 END, day ON CONFLICT (day, source, target, modality, variant, type, quad_class) DO UPDATE SET n = network_days.n + excluded.n, gsum = network_days.gsum + excluded.gsum;

CREATE INDEX network_days_cover ON network_days (day, modality, variant, source, target, type, quad_class, n, gsum);

CREATE INDEX network_totals_month ON network_totals (month, modality, variant, source, target, type, quad_class, n, gsum);
