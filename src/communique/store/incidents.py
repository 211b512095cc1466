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
busiest dyads. ``gmax`` (migration 0011) is the highest Goldstein score among an incident's
facts, and ``network_totals`` counts incidents and sums ``gmax`` per (source, target,
modality, variant, type, quad class — the highest of ``qmask`` —, month): the network of
one modality (analytics.network_rows) sums whole months from it, and the days of a month a
date bound cuts from ``network_days`` (the same per day, migration 0013). The tables are refreshed
per story (:func:`refresh_statements`) in the transaction that changes its facts:
add_analysis, review rebuilds, deletions and story merges.
"""

from __future__ import annotations

import datetime as dt

from .dialect import Dialect

_COLS = ("source, target, modality, day, story, type, variant, article_id, seq, quad_class, "
         "goldstein, intensity, qmask, art_d, art_w, art_m, sto_d, sto_w, sto_m")
_KEY = "source, target, modality, story, type, day"
NETWORK_QUAD = ("CASE WHEN qmask >= 16 THEN 4 WHEN qmask >= 8 THEN 3 WHEN qmask >= 4 THEN 2 "
                "WHEN qmask >= 2 THEN 1 ELSE 0 END")
"""The highest quad class of an incident, from its ``qmask``."""
_NET_KEY = "source, target, modality, variant, type, quad_class, month"


def _next_month(d: dt.date) -> dt.date:
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def month_span(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """The first and last month (``YYYY-MM``) that ``since <= day <= until`` (ISO dates; None:
    unbounded) holds whole; None where that side is unbounded."""
    first = last = None
    if since:
        lo = dt.date.fromisoformat(since)
        first = (lo if lo.day == 1 else _next_month(lo)).isoformat()[:7]
    if until:
        hi = dt.date.fromisoformat(until)
        nxt = hi + dt.timedelta(days=1)
        last = (hi if nxt.day == 1 else hi.replace(day=1) - dt.timedelta(days=1)).isoformat()[:7]
    return first, last


def cut_months(since: str | None, until: str | None) -> list[tuple[str, str]]:
    """The (since, until) day ranges of the months that the bounds cut (see :func:`month_span`)."""
    cuts = []
    if since and dt.date.fromisoformat(since).day != 1:
        end = (_next_month(dt.date.fromisoformat(since)) - dt.timedelta(days=1)).isoformat()
        cuts.append((since, min(end, until) if until else end))
    if until and (dt.date.fromisoformat(until) + dt.timedelta(days=1)).day != 1:
        start = until[:8] + "01"
        cuts.append((max(start, since) if since else start, until))
    return list(dict.fromkeys(cuts))


def cut_parts(since: str | None, until: str | None) -> tuple[list[str], list[tuple[int, str, str]]]:
    """How to count the months the bounds cut (:func:`cut_months`): whole months to add from
    the totals, and ``(sign, since, until)`` day ranges whose facts are added (+1) or taken
    away (-1): a cut month's kept days, or the whole month less its fewer left-out days."""
    months: list[str] = []
    ranges: list[tuple[int, str, str]] = []
    for a, b in cut_months(since, until):
        start = dt.date.fromisoformat(a[:8] + "01")
        end = _next_month(start) - dt.timedelta(days=1)
        lo, hi = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
        out = [(x, y) for x, y in ((start, lo - dt.timedelta(days=1)), (hi + dt.timedelta(days=1), end)) if x <= y]
        if lo <= hi and sum((y - x).days + 1 for x, y in out) < (hi - lo).days + 1:
            months.append(a[:7])
            ranges += [(-1, x.isoformat(), y.isoformat()) for x, y in out]
        else:
            ranges.append((1, a, b))
    return months, ranges


def incidents_select(dialect: Dialect, where: str, *, gmax: bool = True) -> str:
    """SELECT of the dyad_incidents rows (:data:`_COLS`, then ``gmax`` unless ``gmax`` is
    false: the columns before migration 0011) of the facts of ``event_dyads`` matching
    ``where`` (whole stories: the counts are per story)."""
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
                f"{first('sd')} AS sto_d, {first('sw')} AS sto_w, {first('sm')} AS sto_m"
                + (", MAX(goldstein) AS gmax " if gmax else " ")
                + f"FROM ({ranked}) r GROUP BY view, {_KEY}")
    vals = ("article_id, seq, quad_class, goldstein, intensity, qmask, art_d, art_w, art_m, "
            "sto_d, sto_w, sto_m" + (", gmax" if gmax else ""))
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


_NETWORK_TABLES = {  # table: (key columns, what the period column holds)
    "network_totals": (_NET_KEY, "SUBSTR(day, 1, 7)"),
    "network_days": ("day, source, target, modality, variant, type, quad_class", "day"),
}


def _network(sign: str, where: str, table: str = "network_totals") -> str:
    key, period = _NETWORK_TABLES[table]
    cols = ("source, target, modality, variant, type, quad_class, month" if table == "network_totals"
            else "source, target, modality, variant, type, quad_class, day")
    return (f"INSERT INTO {table} ({cols}, n, gsum) "
            f"SELECT source, target, modality, variant, type, {NETWORK_QUAD}, {period}, "
            f"{sign}COUNT(*), {sign}SUM(COALESCE(gmax, 0)) FROM dyad_incidents WHERE {where} "
            f"GROUP BY source, target, modality, variant, type, {NETWORK_QUAD}, {period} "
            f"ON CONFLICT ({key}) "
            f"DO UPDATE SET n = {table}.n + excluded.n, gsum = {table}.gsum + excluded.gsum")


def _rebuild(dialect: Dialect, where: str) -> tuple[str, ...]:
    return (_totals("-", where), _network("-", where), _network("-", where, "network_days"),
            f"DELETE FROM dyad_incidents WHERE {where}",
            f"INSERT INTO dyad_incidents ({_COLS}, gmax) {incidents_select(dialect, where)} "
            "ON CONFLICT DO NOTHING",
            _totals("", where), _network("", where), _network("", where, "network_days"))


def refresh_statements(dialect: Dialect) -> tuple[str, ...]:
    """The statements (each with one parameter per ``?``: the story id) that rebuild the
    incidents of one story and keep ``dyad_totals``, ``network_totals`` and ``network_days``
    in step; run in this order."""
    return _rebuild(dialect, "story = ?")


def backfill_statements(dialect: Dialect) -> tuple[str, ...]:
    """The migration's backfill: every story at once (as written in 0007_dyad_incidents.*.sql)."""
    return (f"INSERT INTO dyad_incidents ({_COLS}) {incidents_select(dialect, '1 = 1', gmax=False)}",
            _totals("", "1 = 1"))


def network_statements(dialect: Dialect) -> tuple[str, ...]:
    """Migration 0011 (as written in 0011_network_totals.*.sql): ``gmax`` of every incident
    (for a reviewed story, the incidents are rebuilt: its versions may now disagree on it),
    then ``network_totals`` from the incidents."""
    reviewed = "story IN (SELECT story FROM event_dyads WHERE variant <> 'both')"
    facts = ("SELECT MAX(e.goldstein) FROM event_dyads e WHERE e.source = dyad_incidents.source "
             "AND e.target = dyad_incidents.target AND e.day = dyad_incidents.day "
             "AND e.story = dyad_incidents.story AND e.type = dyad_incidents.type "
             "AND e.modality = dyad_incidents.modality")
    return ("ALTER TABLE dyad_incidents ADD COLUMN gmax DOUBLE PRECISION",
            f"UPDATE dyad_incidents SET gmax = ({facts})",
            f"CREATE TABLE network_totals (source TEXT NOT NULL, target TEXT NOT NULL, "
            "modality TEXT NOT NULL, variant TEXT NOT NULL, type TEXT NOT NULL, "
            "quad_class INTEGER NOT NULL, month TEXT NOT NULL, n INTEGER NOT NULL, "
            f"gsum DOUBLE PRECISION NOT NULL, PRIMARY KEY ({_NET_KEY}))",
            *(st for st in _rebuild(dialect, reviewed) if "INSERT INTO network_" not in st),
            _network("", "1 = 1"))


def network_days_statements() -> tuple[str, ...]:
    """Migration 0013 (as written in 0013_network_days.sql): ``network_days``, the network
    totals per day, for the days of a month that a date bound cuts, and covering indexes by
    day and by month (a date-bounded network reads index ranges)."""
    return ("CREATE TABLE network_days (day TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, "
            "modality TEXT NOT NULL, variant TEXT NOT NULL, type TEXT NOT NULL, quad_class INTEGER NOT NULL, "
            "n INTEGER NOT NULL, gsum DOUBLE PRECISION NOT NULL, "
            f"PRIMARY KEY ({_NETWORK_TABLES['network_days'][0]}))",
            _network("", "1 = 1", "network_days"),
            "CREATE INDEX network_days_cover ON network_days (day, modality, variant, source, target, type, "
            "quad_class, n, gsum)",
            "CREATE INDEX network_totals_month ON network_totals (month, modality, variant, source, target, "
            "type, quad_class, n, gsum)")
