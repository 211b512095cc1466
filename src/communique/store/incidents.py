"""The precomputed dyad incidents (migration 0007): one row per incident of the dyad index.

An *incident* is what the dyad series counts (:mod:`communique.analysis.facts`): the
facts of ``event_dyads`` that share (source, target, story, type, day). Picking the one
fact kept per incident (the most confident, then the lowest index, then the lowest
article id) is a window function over every fact of a dyad, too slow at query time on a
busy dyad, so it is done at write time, story by story, and kept in ``dyad_incidents``:

* one row per (source, target, modality, story, type, day) and version: ``variant`` is
  'both' when the reviewed and the raw versions pick the same fact with the same counts
  (always, for a story nobody reviewed), else one 'reviewed' and/or one 'raw' row, so
  queries filter it as they filter ``event_dyads`` (``variant <> 'raw'``, or ``<> 'reviewed'``);
* the chosen fact (article_id, seq, quad_class, goldstein, intensity) and ``qmask``, the
  quad classes of all the incident's facts as a bit mask (``1 << quad_class`` each);
* ``art_d``/``art_w``/``art_m``: the articles this incident adds to its day / ISO week /
  month (articles already counted by an earlier incident — by day, then type — of the
  same dyad, modality and period are not counted again), and ``sto_d``/``sto_w``/``sto_m``
  the same for its story (0 or 1). Every figure of a series point is then a plain SUM over
  rows, so a series sums by day (in index order) and then by period.

Incidents are per modality: a series asked for one modality (the default, 'asserted')
reads them; other filters (several modalities, event types, an undirected dyad, "a with
anyone", bounds that cut a period) fall back to picking incidents from the facts.

``dyad_totals`` counts incidents per (source, target, modality, variant, qmask), for the
busiest dyads. Both tables are refreshed per story (:func:`refresh_statements`) in the
transaction that changes its facts: add_analysis, review rebuilds, deletions and story
merges.
"""

from __future__ import annotations

from .dialect import Dialect

_COLS = ("source, target, modality, day, story, type, variant, article_id, seq, quad_class, "
         "goldstein, intensity, qmask, art_d, art_w, art_m, sto_d, sto_w, sto_m")
_KEY = "source, target, modality, story, type, day"


def incidents_select(dialect: Dialect, where: str) -> str:
    """SELECT of the dyad_incidents rows (:data:`_COLS`) of the facts of ``event_dyads``
    matching ``where`` (whole stories: the counts are per story)."""
    week = dialect.period_start("day", "week")
    month = dialect.period_start("day", "month")
    facts = ("SELECT source, target, modality, story, type, day, article_id, seq, quad_class, "
             "goldstein, intensity, COALESCE(confidence, 0.5) AS conf, variant, "
             f"CASE WHEN day = '' THEN '' ELSE {week} END AS bw, "
             f"CASE WHEN day = '' THEN '' ELSE {month} END AS bm "
             f"FROM event_dyads WHERE {where}")
    dirty = f"SELECT story FROM event_dyads WHERE ({where}) AND variant <> 'both'"
    # each fact once per version it belongs to: 'both' for a story nobody reviewed
    views = (f"SELECT f.*, 'both' AS view FROM ({facts}) f WHERE f.story NOT IN ({dirty}) "
             f"UNION ALL SELECT f.*, 'reviewed' AS view FROM ({facts}) f "
             f"WHERE f.variant <> 'raw' AND f.story IN ({dirty}) "
             f"UNION ALL SELECT f.*, 'raw' AS view FROM ({facts}) f "
             f"WHERE f.variant <> 'reviewed' AND f.story IN ({dirty})")
    p = "view, source, target, modality"
    ranked = ("SELECT v.*, "
              f"ROW_NUMBER() OVER (PARTITION BY {p}, story, type, day "
              "ORDER BY conf DESC, seq, article_id) AS rn, "
              f"ROW_NUMBER() OVER (PARTITION BY {p}, article_id, day ORDER BY type) AS ad, "
              f"ROW_NUMBER() OVER (PARTITION BY {p}, article_id, bw ORDER BY day, type) AS aw, "
              f"ROW_NUMBER() OVER (PARTITION BY {p}, article_id, bm ORDER BY day, type) AS am, "
              f"ROW_NUMBER() OVER (PARTITION BY {p}, story, day ORDER BY type) AS sd, "
              f"ROW_NUMBER() OVER (PARTITION BY {p}, story, bw ORDER BY day, type) AS sw, "
              f"ROW_NUMBER() OVER (PARTITION BY {p}, story, bm ORDER BY day, type) AS sm "
              f"FROM ({views}) v")

    def chosen(col: str) -> str:
        return f"MAX(CASE WHEN rn = 1 THEN {col} END) AS {col}"

    def first(col: str) -> str:
        return f"SUM(CASE WHEN {col} = 1 THEN 1 ELSE 0 END)"

    per_view = (f"SELECT view, {_KEY}, {chosen('article_id')}, {chosen('seq')}, "
                f"{chosen('quad_class')}, {chosen('goldstein')}, {chosen('intensity')}, "
                "SUM(DISTINCT 1 << quad_class) AS qmask, "
                f"{first('ad')} AS art_d, {first('aw')} AS art_w, {first('am')} AS art_m, "
                f"{first('sd')} AS sto_d, {first('sw')} AS sto_w, {first('sm')} AS sto_m "
                f"FROM ({ranked}) r GROUP BY view, {_KEY}")
    vals = ("article_id, seq, quad_class, goldstein, intensity, qmask, art_d, art_w, art_m, "
            "sto_d, sto_w, sto_m")
    # the reviewed and raw rows of a reviewed story: one 'both' row where they agree
    return (f"SELECT source, target, modality, day, story, type, view AS variant, {vals} "
            f"FROM ({per_view}) i WHERE view = 'both' "
            f"UNION ALL SELECT source, target, modality, day, story, type, "
            f"CASE WHEN COUNT(*) = 2 THEN 'both' ELSE MIN(view) END, {vals} "
            f"FROM ({per_view}) i WHERE view <> 'both' GROUP BY {_KEY}, {vals}")


def _totals(sign: str, where: str) -> str:
    return ("INSERT INTO dyad_totals (source, target, modality, variant, qmask, n) "
            f"SELECT source, target, modality, variant, qmask, {sign}COUNT(*) FROM dyad_incidents "
            f"WHERE {where} GROUP BY source, target, modality, variant, qmask "
            "ON CONFLICT (source, target, modality, variant, qmask) "
            "DO UPDATE SET n = dyad_totals.n + excluded.n")


def refresh_statements(dialect: Dialect) -> tuple[str, ...]:
    """The statements (each with one parameter: the story id) that rebuild the incidents
    of one story and keep ``dyad_totals`` in step; run in this order."""
    return (_totals("-", "story = ?"),
            "DELETE FROM dyad_incidents WHERE story = ?",
            f"INSERT INTO dyad_incidents ({_COLS}) {incidents_select(dialect, 'story = ?')} "
            "ON CONFLICT DO NOTHING",
            _totals("", "story = ?"))


def backfill_statements(dialect: Dialect) -> tuple[str, ...]:
    """The migration's backfill: every story at once (as written in 0007_dyad_incidents.*.sql)."""
    return (f"INSERT INTO dyad_incidents ({_COLS}) {incidents_select(dialect, '1 = 1')}",
            _totals("", "1 = 1"))
