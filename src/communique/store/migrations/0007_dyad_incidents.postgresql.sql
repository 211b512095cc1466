-- precomputed dyad incidents (store/incidents.py; analytics.dyad_buckets, top_dyads): one
-- row per incident of the dyad index with the fact it keeps and what it adds to the article
-- and story counts of its day/week/month, and incident counts per dyad (dyad_totals).
-- Refreshed per story by the repository in the transaction that changes the story's facts.
-- Backfilled here from event_dyads (generated from store/incidents.py: backfill_statements;
-- tests/test_store_incidents.py checks they agree). SQLite twin: 0007_dyad_incidents.sqlite.sql.

CREATE TABLE dyad_incidents (
    source      TEXT NOT NULL,
    target      TEXT NOT NULL,
    modality    TEXT NOT NULL,
    day         TEXT NOT NULL,
    story       TEXT NOT NULL,
    type        TEXT NOT NULL,
    variant     TEXT NOT NULL,
    article_id  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    quad_class  INTEGER NOT NULL,
    goldstein   DOUBLE PRECISION,
    intensity   DOUBLE PRECISION,
    qmask       INTEGER NOT NULL,
    art_d       INTEGER NOT NULL,
    art_w       INTEGER NOT NULL,
    art_m       INTEGER NOT NULL,
    sto_d       INTEGER NOT NULL,
    sto_w       INTEGER NOT NULL,
    sto_m       INTEGER NOT NULL,
    PRIMARY KEY (source, target, modality, day, story, type, variant)
);

CREATE TABLE dyad_totals (
    source      TEXT NOT NULL,
    target      TEXT NOT NULL,
    modality    TEXT NOT NULL,
    variant     TEXT NOT NULL,
    qmask       INTEGER NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (source, target, modality, variant, qmask)
);

INSERT INTO dyad_incidents (source, target, modality, day, story, type, variant, article_id, seq, quad_class, goldstein, intensity, qmask, art_d, art_w, art_m, sto_d, sto_w, sto_m) SELECT source, target, modality, day, story, type, view AS variant, article_id, seq, quad_class, goldstein, intensity, qmask, art_d, art_w, art_m, sto_d, sto_w, sto_m FROM (SELECT view, source, target, modality, story, type, day, MAX(CASE WHEN rn = 1 THEN article_id END) AS article_id, MAX(CASE WHEN rn = 1 THEN seq END) AS seq, MAX(CASE WHEN rn = 1 THEN quad_class END) AS quad_class, MAX(CASE WHEN rn = 1 THEN goldstein END) AS goldstein, MAX(CASE WHEN rn = 1 THEN intensity END) AS intensity, SUM(DISTINCT 1 << quad_class) AS qmask, SUM(CASE WHEN ad = 1 THEN 1 ELSE 0 END) AS art_d, SUM(CASE WHEN aw = 1 THEN 1 ELSE 0 END) AS art_w, SUM(CASE WHEN am = 1 THEN 1 ELSE 0 END) AS art_m, SUM(CASE WHEN sd = 1 THEN 1 ELSE 0 END) AS sto_d, SUM(CASE WHEN sw = 1 THEN 1 ELSE 0 END) AS sto_w, SUM(CASE WHEN sm = 1 THEN 1 ELSE 0 END) AS sto_m FROM (SELECT v.*, ROW_NUMBER() OVER (PARTITION BY view, source, target, modality, story, type, day ORDER BY conf DESC, seq, article_id) AS rn, ROW_NUMBER() OVER (PARTITION BY view, source, target, modality, article_id, day ORDER BY type) AS ad, ROW_NUMBER() OVER (PARTITION BY view, source, target, modality, article_id, bw ORDER BY day, type) AS aw, ROW_NUMBER() OVER (PARTITION BY view, source, target, modality, article_id, bm ORDER BY day, type) AS am, ROW_NUMBER() OVER (PARTITION BY view, source, target, modality, story, day ORDER BY type) AS sd, ROW_NUMBER() OVER (PARTITION BY view, source, target, modality, story, bw ORDER BY day, type) AS sw, ROW_NUMBER() OVER (PARTITION BY view, source, target, modality, story, bm ORDER BY day, type) AS sm FROM (SELECT f.*, 'both' AS view FROM (SELECT source, target, modality, story, type, day, article_id, seq, quad_class, goldstein, intensity, COALESCE(confidence, 0.5) AS conf, variant, CASE WHEN day = '' THEN '' ELSE TO_CHAR(DATE_TRUNC('week', CAST(day AS date)), 'YYYY-MM-DD') END AS bw, CASE WHEN day = '' THEN '' ELSE (SUBSTR(day, 1, 7) || '-01') END AS bm FROM event_dyads WHERE 1 = 1) f WHERE f.story NOT IN (SELECT story FROM event_dyads WHERE (1 = 1) AND variant <> 'both') UNION ALL SELECT f.*, 'reviewed' AS view FROM (SELECT source, target, modality, story, type, day, article_id, seq, quad_class, goldstein, intensity, COALESCE(confidence, 0.5) AS conf, variant, CASE WHEN day = '' THEN '' ELSE TO_CHAR(DATE_TRUNC('week', CAST(day AS date)), 'YYYY-MM-DD') END AS bw, CASE WHEN day = '' THEN '' ELSE (SUBSTR(day, 1, 7) || '-01') END AS bm FROM event_dyads WHERE 1 = 1) f WHERE f.variant <> 'raw' AND f.story IN (SELECT story FROM event_dyads WHERE (1 = 1) AND variant <> 'both') UNION ALL SELECT f.*, 'raw' AS view FROM (SELECT source, target, modality, story, type, day, article_id, seq, quad_class, goldstein, intensity, COALESCE(confidence, 0.5) AS conf, variant, CASE WHEN day = '' THEN '' ELSE TO_CHAR(DATE_TRUNC('week', CAST(day AS date)), 'YYYY-MM-DD') END AS bw, CASE WHEN day = '' THEN '' ELSE (SUBSTR(day, 1, 7) || '-01') END AS bm FROM event_dyads WHERE 1 = 1) f WHERE f.variant <> 'reviewed' AND f.story IN (SELECT story FROM event_dyads WHERE (1 = 1) AND variant <> 'both')) v) r GROUP BY view, source, target, modality, story, type, day) i WHERE view = 'both' UNION ALL SELECT source, target, modality, day, story, type, CASE WHEN COUNT(*) = 2 THEN 'both' ELSE MIN(view) END, article_id, seq, quad_class, goldstein, intensity, qmask, art_d, art_w, art_m, sto_d, sto_w, sto_m FROM (SELECT view, source, target, modality, story, type, day, MAX(CASE WHEN rn = 1 THEN article_id END) AS article_id, MAX(CASE WHEN rn = 1 THEN seq END) AS seq, MAX(CASE WHEN rn = 1 THEN quad_class END) AS quad_class, MAX(CASE WHEN rn = 1 THEN goldstein END) AS goldstein, MAX(CASE WHEN rn = 1 THEN intensity END) AS intensity, SUM(DISTINCT 1 << quad_class) AS qmask, SUM(CASE WHEN ad = 1 THEN 1 ELSE 0 END) AS art_d, SUM(CASE WHEN aw = 1 THEN 1 ELSE 0 END) AS art_w, SUM(CASE WHEN am = 1 THEN 1 ELSE 0 END) AS art_m, SUM(CASE WHEN sd = 1 THEN 1 ELSE 0 END) AS sto_d, SUM(CASE WHEN sw = 1 THEN 1 ELSE 0 END) AS sto_w, SUM(CASE WHEN sm = 1 THEN 1 ELSE 0 END) AS sto_m FROM (SELECT v.*, ROW_NUMBER() OVER (PARTITION BY view, source, target, modality, story, type, day ORDER BY conf DESC, seq, article_id) AS rn, ROW_NUMBER() OVER (PARTITION BY view, source, target, modality, article_id, day ORDER BY type) AS ad, ROW_NUMBER() OVER (PARTITION BY view, source, target, modality, article_id, bw ORDER BY day, type) AS aw, ROW_NUMBER() OVER (PARTITION BY view, source, target, modality, article_id, bm ORDER BY day, type) AS am, ROW_NUMBER() OVER (PARTITION BY view, source, target, modality, story, day ORDER BY type) AS sd, ROW_NUMBER() OVER (PARTITION BY view, source, target, modality, story, bw ORDER BY day, type) AS sw, ROW_NUMBER() OVER (PARTITION BY view, source, target, modality, story, bm ORDER BY day, type) AS sm FROM (SELECT f.*, 'both' AS view FROM (SELECT source, target, modality, story, type, day, article_id, seq, quad_class, goldstein, intensity, COALESCE(confidence, 0.5) AS conf, variant, CASE WHEN day = '' THEN '' ELSE TO_CHAR(DATE_TRUNC('week', CAST(day AS date)), 'YYYY-MM-DD') END AS bw, CASE WHEN day = '' THEN '' ELSE (SUBSTR(day, 1, 7) || '-01') END AS bm FROM event_dyads WHERE 1 = 1) f WHERE f.story NOT IN (SELECT story FROM event_dyads WHERE (1 = 1) AND variant <> 'both') UNION ALL SELECT f.*, 'reviewed' AS view FROM (SELECT source, target, modality, story, type, day, article_id, seq, quad_class, goldstein, intensity, COALESCE(confidence, 0.5) AS conf, variant, CASE WHEN day = '' THEN '' ELSE TO_CHAR(DATE_TRUNC('week', CAST(day AS date)), 'YYYY-MM-DD') END AS bw, CASE WHEN day = '' THEN '' ELSE (SUBSTR(day, 1, 7) || '-01') END AS bm FROM event_dyads WHERE 1 = 1) f WHERE f.variant <> 'raw' AND f.story IN (SELECT story FROM event_dyads WHERE (1 = 1) AND variant <> 'both') UNION ALL SELECT f.*, 'raw' AS view FROM (SELECT source, target, modality, story, type, day, article_id, seq, quad_class, goldstein, intensity, COALESCE(confidence, 0.5) AS conf, variant, CASE WHEN day = '' THEN '' ELSE TO_CHAR(DATE_TRUNC('week', CAST(day AS date)), 'YYYY-MM-DD') END AS bw, CASE WHEN day = '' THEN '' ELSE (SUBSTR(day, 1, 7) || '-01') END AS bm FROM event_dyads WHERE 1 = 1) f WHERE f.variant <> 'reviewed' AND f.story IN (SELECT story FROM event_dyads WHERE (1 = 1) AND variant <> 'both')) v) r GROUP BY view, source, target, modality, story, type, day) i WHERE view <> 'both' GROUP BY source, target, modality, story, type, day, article_id, seq, quad_class, goldstein, intensity, qmask, art_d, art_w, art_m, sto_d, sto_w, sto_m;

INSERT INTO dyad_totals (source, target, modality, variant, qmask, n) SELECT source, target, modality, variant, qmask, COUNT(*) FROM dyad_incidents WHERE 1 = 1 GROUP BY source, target, modality, variant, qmask ON CONFLICT (source, target, modality, variant, qmask) DO UPDATE SET n = dyad_totals.n + excluded.n;

CREATE INDEX dyad_incidents_story ON dyad_incidents (story);
CREATE INDEX event_dyads_story ON event_dyads (story);
