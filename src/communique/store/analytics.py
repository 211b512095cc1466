"""Repository queries for analytics and the web: the dyad index, full-text search,
cursor-paginated lists, network aggregates and event locations.

A mixin of :class:`~communique.store.repository.Repository` (same connection, same
dialect layer; still the repository writing SQL). Full-text search is FTS5 on SQLite and
``tsvector`` with GIN indexes on PostgreSQL (migration 0002).

The dyad index (``event_dyads``) has one row per event and actor pair (actor id -> actor
id) and per country pair (ISO3 -> ISO3): see :mod:`communique.analysis.facts`.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from ..analysis.facts import DyadFact, party_keys, story_of
from ..kb.words import is_alias
from ..models import Analysis, Event, Location, Quote
from .conditions import date_range, date_text, placeholders
from .incidents import cut_parts, month_span, refresh_statements
from .query import (
    COMMON_MATCHES,
    SELECTIVE_MATCHES,
    ListFilter,
    article_conditions,
    event_conditions,
    fts_probe,
    quote_conditions,
)
from .reviews import variant_filter
from .sql_base import SQLMixin


def _add_network(sums: dict[tuple, list], rows, sign: int) -> None:
    """Add (``sign`` 1) or take away (-1) network rows into ``sums``: key -> [incidents, goldstein sum]."""
    for r in rows:
        got = sums.setdefault(tuple(r[:4]), [0, 0.0])
        got[0] += sign * int(r[4])
        got[1] += sign * float(r[5] or 0)


def encode_cursor(values: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


MAX_CURSOR_INT = 2**31 - 1  # record indexes are 32-bit; a bigger one is no cursor of ours


def decode_cursor(cursor: str, shape: Sequence[type] | None = None) -> list[Any]:
    """The values of a cursor from :func:`encode_cursor`; with ``shape`` (one type per value,
    ``str`` or ``int``), anything else is refused: a ``ValueError`` saying it is invalid."""
    invalid = ValueError(f"invalid cursor: {cursor[:40]!r}" + ("..." if len(cursor) > 40 else ""))
    try:
        pad = "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(cursor + pad))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise invalid from exc
    if not isinstance(values, list):
        raise invalid
    if shape is not None:
        if len(values) != len(shape) or not all(_cursor_value_ok(v, t) for v, t in zip(values, shape)):
            raise invalid
    return values


def _cursor_value_ok(value: Any, kind: type) -> bool:
    if kind is int:
        return type(value) is int and 0 <= value <= MAX_CURSOR_INT
    return isinstance(value, kind)


def next_cursor(rows: Sequence[Sequence[Any]], limit: int, *columns: int) -> str | None:
    """The cursor after a page of ``limit`` rows (fetched ``limit + 1`` to know whether more
    follow): the ``columns`` of its last row, or ``None`` on the last page."""
    return encode_cursor([rows[limit - 1][c] for c in columns]) if len(rows) > limit else None


def _day(value: dt.date | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _split_keys(party) -> tuple[list[str], list[str]]:
    keys = party_keys(party)
    return ([k for k in keys if not (len(k) == 3 and k.isupper())],
            [k for k in keys if len(k) == 3 and k.isupper()])


class AnalyticsQueries(SQLMixin):
    """Mixed into ``Repository``: needs ``_exec``, ``_all``, ``_one``, ``dialect``."""

    # --- writes (called by add_analysis inside its transaction) ------------------------

    def _index_analytics(self, analysis: Analysis) -> None:
        art = analysis.article
        story = story_of(art)
        for seq, event in enumerate(analysis.events):
            self._index_event(art.id, story, art.published, seq, event)
        if any(e.actor is not None and e.recipient is not None for e in analysis.events):
            self._refresh_incidents([story])
        if self.dialect.name == "sqlite":
            for seq, q in enumerate(analysis.quotes):
                self._exec("INSERT INTO quotes_fts (content_text, speaker_text, article_id, seq) "
                           "VALUES (?, ?, ?, ?)",
                           (" ".join(c.text for c in q.content), q.speaker.text if q.speaker else "",
                            art.id, seq))
            self._exec("INSERT INTO articles_fts (title, body, article_id) VALUES (?, ?, ?)",
                       (art.title or "", art.text, art.id))
        else:
            self._exec("INSERT INTO articles_fts (article_id, tsv) VALUES "
                       "(?, to_tsvector('english', ?)) ON CONFLICT (article_id) DO NOTHING",
                       (art.id, f"{art.title or ''} {art.text}"))

    def _index_event(self, article_id: str, story: str, published: dt.date | None, seq: int,
                     event: Event) -> None:
        if event.actor is None or event.recipient is None:
            return
        day = date_text(event.date or published) or ""
        sa, sc = _split_keys(event.actor)
        ta, tc = _split_keys(event.recipient)
        pairs = {(s, t) for s in sa for t in ta if s != t} | {(s, t) for s in sc for t in tc if s != t}
        for s, t in sorted(pairs):
            self._exec(
                "INSERT INTO event_dyads (source, target, day, article_id, seq, story, type, "
                "quad_class, goldstein, intensity, modality, confidence, quote_seq) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (s, t, day, article_id, seq, story, event.type, event.quad_class, event.goldstein,
                 event.intensity, event.modality, event.confidence, event.quote))

    def _refresh_incidents(self, stories) -> None:
        """Rebuild the precomputed incidents (and dyad totals) of ``stories`` from their
        facts (store/incidents.py); inside the caller's transaction."""
        for story in dict.fromkeys(s for s in stories if s):
            for statement in refresh_statements(self.dialect):
                self._exec(statement, (story,) * statement.count("?"))

    # --- the dyad index ---------------------------------------------------------------

    _FACT_COLS = ("article_id, seq, story, day, source, target, type, quad_class, goldstein, "
                  "intensity, modality, confidence, quote_seq")

    def dyad_facts(self, a: str, b: str | None = None, *, directed: bool = True,
                   since: dt.date | str | None = None, until: dt.date | str | None = None,
                   quad_classes: Sequence[int] | None = None, raw: bool = False) -> list[DyadFact]:
        """Facts of dyad ``a -> b`` (both ways unless ``directed``; ``b=None``: with anyone);
        of the reviewed events, or of the machine output with ``raw``."""
        parts, params = [], []
        dates, extra_params = date_range("day", since, until)
        extra = "".join(f" AND {c}" for c in (variant_filter("", raw), *dates))
        if quad_classes:
            extra += f" AND quad_class IN ({placeholders(quad_classes)})"
            extra_params += [int(q) for q in quad_classes]
        sel = f"SELECT {self._FACT_COLS} FROM event_dyads WHERE "
        if b is None:
            parts.append(sel + "source = ?" + extra)
            params += [a] + extra_params
            if not directed:
                parts.append(sel + "target = ?" + extra)
                params += [a] + extra_params
        else:
            parts.append(sel + "source = ? AND target = ?" + extra)
            params += [a, b] + extra_params
            if not directed:
                parts.append(sel + "source = ? AND target = ?" + extra)
                params += [b, a] + extra_params
        return [self._fact(r) for r in self._all(" UNION ALL ".join(parts), params)]

    def all_facts(self, *, since=None, until=None, keys: str = "country",
                  quad_classes: Sequence[int] | None = None, limit: int = 500_000,
                  raw: bool = False) -> list[DyadFact]:
        where, params = [variant_filter("", raw)], []
        dates, date_params = date_range("day", since, until)
        where += dates
        params += date_params
        if keys == "country":
            where.append("LENGTH(source) = 3")
        elif keys == "actor":
            where.append("LENGTH(source) <> 3")
        if quad_classes:
            where.append(f"quad_class IN ({placeholders(quad_classes)})")
            params += [int(q) for q in quad_classes]
        q = f"SELECT {self._FACT_COLS} FROM event_dyads WHERE {' AND '.join(where)} LIMIT ?"
        return [self._fact(r) for r in self._all(q, params + [int(limit)])]

    @staticmethod
    def _fact(r: Sequence[Any]) -> DyadFact:
        return DyadFact(article_id=r[0], index=int(r[1]), story=r[2],
                        day=dt.date.fromisoformat(r[3]) if r[3] else None, source=r[4], target=r[5],
                        type=r[6], quad_class=int(r[7]), goldstein=r[8], intensity=r[9],
                        modality=r[10], confidence=float(r[11] if r[11] is not None else 0.5),
                        quote=r[12])

    # --- dyad time series aggregated in SQL (communique.analysis.stored) ----------------

    def _incident_rows(self, a: str, b: str | None, *, period: str, directed: bool,
                       since, until, modalities: Sequence[str] | None,
                       types: Sequence[str] | None, raw: bool) -> tuple[str, list[Any]]:
        """SQL (and params) of the dated facts of a dyad, each with its period ``bucket`` and
        ``rn`` = 1 on the one fact kept per incident (the most confident, then the lowest
        index, then the lowest article id: :func:`communique.analysis.series.incidents`)."""
        dates, extra_params = date_range("day", since, until)
        extra = "".join(f" AND {c}" for c in ("day <> ''", variant_filter("", raw), *dates))
        for col, vals in (("modality", modalities), ("type", types)):
            if vals is not None:
                extra += f" AND {col} IN ({placeholders(vals)})" if vals else " AND 1 = 0"
                extra_params += list(vals)
        cols = ("article_id, seq, story, day, source, target, type, quad_class, goldstein, "
                "intensity, COALESCE(confidence, 0.5) AS confidence, quote_seq")
        parts, params = [], []
        if b is None:  # "a with anyone": one incident per (story, type, day, side)
            parts.append(f"SELECT {cols}, 1 AS side FROM event_dyads WHERE source = ?{extra}")
            params += [a] + extra_params
            if not directed:
                parts.append(f"SELECT {cols}, 0 AS side FROM event_dyads WHERE target = ?{extra}")
                params += [a] + extra_params
            key = "story, type, day, side"
        else:
            parts.append(f"SELECT {cols}, 1 AS side FROM event_dyads WHERE source = ? AND target = ?{extra}")
            params += [a, b] + extra_params
            if not directed:
                parts.append(f"SELECT {cols}, 0 AS side FROM event_dyads "
                             f"WHERE source = ? AND target = ?{extra}")
                params += [b, a] + extra_params
            key = "story, type, source, target, day"
        sql = (f"SELECT f.*, {self.dialect.period_start('f.day', period)} AS bucket, "
               f"ROW_NUMBER() OVER (PARTITION BY {key} ORDER BY confidence DESC, seq, article_id) AS rn "
               f"FROM ({' UNION ALL '.join(parts)}) f")
        return sql, params

    _CONFLICT_SQL = ("CASE WHEN quad_class IN (3, 4) THEN CASE WHEN goldstein < 0 THEN -goldstein "
                     "WHEN intensity < 0 THEN -intensity WHEN quad_class = 3 THEN 1.0 ELSE 2.0 END "
                     "ELSE 0.0 END")  # facts.conflict_score

    def dyad_buckets(self, a: str, b: str | None = None, *, period: str = "week",
                     directed: bool = True, since=None, until=None,
                     modalities: Sequence[str] | None = ("asserted",),
                     types: Sequence[str] | None = None, raw: bool = False) -> list[tuple]:
        """The dyad series aggregated in the database, one row per period with incidents:
        ``(start ISO, events, q1, q2, q3, q4, goldstein_sum, goldstein_n, intensity_sum,
        intensity_n, conflict, articles, stories)``, oldest first."""
        if self._precomputed(b, period, directed, since, until, modalities, types):
            assert b is not None and modalities  # what _precomputed checked
            return self._incident_buckets(a, b, period=period, since=since, until=until,
                                          modality=modalities[0], raw=raw)
        inner, params = self._incident_rows(a, b, period=period, directed=directed, since=since,
                                            until=until, modalities=modalities, types=types, raw=raw)
        one = "CASE WHEN rn = 1 THEN {} END"
        quads = ", ".join(f"SUM(CASE WHEN rn = 1 AND quad_class = {q} THEN 1 ELSE 0 END)" for q in (1, 2, 3, 4))
        inten = one.format("COALESCE(intensity, goldstein)")
        sql = (f"SELECT bucket, SUM(CASE WHEN rn = 1 THEN 1 ELSE 0 END), {quads}, "
               f"SUM({one.format('goldstein')}), COUNT({one.format('goldstein')}), "
               f"SUM({inten}), COUNT({inten}), SUM({one.format(self._CONFLICT_SQL)}), "
               "COUNT(DISTINCT article_id), COUNT(DISTINCT story) "
               f"FROM ({inner}) r GROUP BY bucket ORDER BY bucket")
        return [self._bucket(r) for r in self._all(sql, params)]

    @staticmethod
    def _bucket(r: Sequence[Any]) -> tuple:
        """One row of :meth:`dyad_buckets`, typed."""
        return (r[0], int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5]),
                float(r[6] or 0.0), int(r[7]), float(r[8] or 0.0), int(r[9]), float(r[10] or 0.0),
                int(r[11]), int(r[12]))

    @staticmethod
    def _precomputed(b, period, directed, since, until, modalities, types) -> bool:
        """Whether the precomputed incidents (dyad_incidents) answer this series: a directed
        pair, one modality, all types, bounds on period boundaries."""
        from ..analysis.series import next_period, period_start

        if b is None or not directed or types is not None or modalities is None or len(modalities) != 1:
            return False
        lo, hi = _day(since), _day(until)
        if lo and period_start(lo, period) != lo:
            return False
        return not hi or next_period(period_start(hi, period), period) - dt.timedelta(days=1) == hi

    def _incident_buckets(self, a: str, b: str, *, period: str, since, until, modality: str,
                          raw: bool) -> list[tuple]:
        """dyad_buckets from dyad_incidents: sums per day (in index order), then per period."""
        suffix = {"day": "d", "week": "w", "month": "m"}[period]
        where, params = ["source = ?", "target = ?", "modality = ?", "day <> ''",
                         variant_filter("", raw)], [a, b, modality]
        dates, date_params = date_range("day", since, until)
        where += dates
        params += date_params
        quads = ", ".join(f"SUM(CASE WHEN quad_class = {q} THEN 1 ELSE 0 END) AS q{q}" for q in (1, 2, 3, 4))
        inten = "COALESCE(intensity, goldstein)"
        daily = (f"SELECT day, COUNT(*) AS n, {quads}, SUM(goldstein) AS gs, COUNT(goldstein) AS gn, "
                 f"SUM({inten}) AS isum, COUNT({inten}) AS inn, SUM({self._CONFLICT_SQL}) AS c, "
                 f"SUM(art_{suffix}) AS arts, SUM(sto_{suffix}) AS stos FROM dyad_incidents "
                 f"WHERE {' AND '.join(where)} GROUP BY day")
        sql = (f"SELECT {self.dialect.period_start('d.day', period)} AS bucket, SUM(n), SUM(q1), "
               "SUM(q2), SUM(q3), SUM(q4), SUM(gs), SUM(gn), SUM(isum), SUM(inn), SUM(c), "
               f"SUM(arts), SUM(stos) FROM ({daily}) d GROUP BY 1 ORDER BY 1")
        return [self._bucket(r) for r in self._all(sql, params)]

    def dyad_evidence(self, a: str, b: str | None = None, *, period: str = "week",
                      directed: bool = True, since=None, until=None,
                      modalities: Sequence[str] | None = ("asserted",),
                      types: Sequence[str] | None = None, raw: bool = False,
                      limit: int | None = None) -> dict[str, tuple[list[tuple[str, int]], list[tuple[str, int]]]]:
        """Per period start (ISO): the events behind it (one per incident, by day, article,
        index) and the quotes they were reported in (by article, event index), at most
        ``limit`` of each per period (``None``: all): ``{start: ([(article, seq)], [(article, quote seq)])}``."""
        inner, params = self._incident_rows(a, b, period=period, directed=directed, since=since,
                                            until=until, modalities=modalities, types=types, raw=raw)
        cap, cap_params = ("", []) if limit is None else (" WHERE k <= ?", [int(limit)])
        sql = (f"WITH r AS ({inner}) "
               "SELECT 'e', bucket, article_id, seq, k FROM (SELECT bucket, article_id, seq, "
               "ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY day, article_id, seq) AS k "
               f"FROM r WHERE rn = 1) x{cap} "
               "UNION ALL "
               "SELECT 'q', bucket, article_id, quote_seq, k FROM (SELECT bucket, article_id, quote_seq, "
               "ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY article_id, first_seq) AS k FROM "
               "(SELECT bucket, article_id, quote_seq, MIN(seq) AS first_seq FROM r "
               "WHERE quote_seq IS NOT NULL GROUP BY bucket, article_id, quote_seq) y) z"
               f"{cap} ORDER BY 1, 2, 5")
        out: dict[str, tuple[list[tuple[str, int]], list[tuple[str, int]]]] = {}
        for kind, bucket, aid, seq, _k in self._all(sql, params + cap_params + cap_params):
            ev, qs = out.setdefault(bucket, ([], []))
            (ev if kind == "e" else qs).append((aid, int(seq)))
        return out

    def top_dyads(self, *, keys: str = "country", quad_classes: Sequence[int] = (3, 4),
                  since=None, until=None, limit: int = 20, raw: bool = False) -> list[tuple[str, str, int]]:
        """Directed dyads with the most (story-counted) asserted incidents with an event of the
        quad classes: from the incident counts (dyad_totals), or the incidents between
        ``since`` and ``until``."""
        mask = sum(1 << int(q) for q in set(quad_classes))
        where = ["modality = 'asserted'", variant_filter("", raw), "(qmask & ?) <> 0",
                 "LENGTH(source) = 3" if keys == "country" else "LENGTH(source) <> 3"]
        params: list[Any] = [mask]
        if since or until:
            table, count = "dyad_incidents", "COUNT(*)"
            dates, date_params = date_range("day", since, until)
            where += dates
            params += date_params
        else:
            table, count = "dyad_totals", "SUM(n)"
        q = (f"SELECT source, target, {count} AS n FROM {table} WHERE {' AND '.join(where)} "
             f"GROUP BY source, target HAVING {count} > 0 ORDER BY n DESC, source, target LIMIT ?")
        return [(r[0], r[1], int(r[2])) for r in self._all(q, params + [int(limit)])]

    def network_rows(self, *, keys: str = "country", since=None, until=None,
                     types: Sequence[str] | None = None, quad_classes: Sequence[int] | None = None,
                     modalities: Sequence[str] | None = ("asserted",), raw: bool = False) -> list[tuple]:
        """(source, target, type, quad_class, incidents, goldstein_sum) over incidents, ordered
        by source, target, type and quad class. One modality: whole months from
        ``network_totals`` (store/incidents.py); a month a bound cuts from the ``network_days``
        of its kept days, or as the whole month less its fewer left-out days (incidents are per
        day, so they add up); else every fact is grouped. A quad-class filter selects rows of
        the totals: an incident has one type, and a type one quad class (PLOVER), so its facts
        share the quad class the totals keep."""
        if not modalities or len(set(modalities)) != 1:
            return self._network_facts(keys, since, until, types, quad_classes, modalities, raw)
        lo, hi = date_text(since), date_text(until)
        try:
            first, last = month_span(lo, hi)
        except ValueError:  # not an ISO date: compared as text by the facts' query
            return self._network_facts(keys, since, until, types, quad_classes, modalities, raw)
        where = ["LENGTH(source) = 3" if keys == "country" else "LENGTH(source) <> 3",
                 variant_filter("", raw), "modality = ?"]
        params: list[Any] = [modalities[0]]
        for col, vals in (("type", types), ("quad_class", quad_classes)):
            if vals:
                where.append(f"{col} IN ({placeholders(vals)})")
                params += list(vals)
        months, ranges = cut_parts(lo, hi)
        spans = [(first, last)] + [(m, m) for m in months]
        sums: dict[tuple, list] = {}
        for m0, m1 in spans:
            bounds = [c for c, v in (("month >= ?", m0), ("month <= ?", m1)) if v is not None]
            rows = self._all("SELECT source, target, type, quad_class, SUM(n), SUM(gsum) FROM network_totals "
                             f"WHERE {' AND '.join(where + bounds)} GROUP BY source, target, type, quad_class",
                             params + [v for v in (m0, m1) if v is not None])
            _add_network(sums, rows, 1)
        for sign, a, b in ranges:
            rows = self._all("SELECT source, target, type, quad_class, SUM(n), SUM(gsum) FROM network_days "
                             f"WHERE day >= ? AND day <= ? AND {' AND '.join(where)} "
                             "GROUP BY source, target, type, quad_class", [a, b] + params)
            _add_network(sums, rows, sign)
        return [(*k, n, g) for k, (n, g) in sorted(sums.items()) if n > 0]

    def _network_facts(self, keys, since, until, types, quad_classes, modalities, raw) -> list[tuple]:
        """network_rows grouping every fact between ``since`` and ``until``."""
        where, params = ["LENGTH(source) = 3" if keys == "country" else "LENGTH(source) <> 3",
                         variant_filter("", raw)], []
        for col, vals in (("type", types), ("quad_class", quad_classes), ("modality", modalities)):
            if vals:
                where.append(f"{col} IN ({placeholders(vals)})")
                params += list(vals)
        dates, date_params = date_range("day", since, until)
        where += dates
        params += date_params
        q = ("SELECT source, target, type, quad_class, COUNT(*), SUM(COALESCE(g, 0)) FROM "
             "(SELECT source, target, story, type, day, MAX(quad_class) AS quad_class, "
             f"MAX(goldstein) AS g FROM event_dyads WHERE {' AND '.join(where)} "
             "GROUP BY source, target, story, type, day) x "
             "GROUP BY source, target, type, quad_class ORDER BY source, target, type, quad_class")
        return [tuple(r) for r in self._all(q, params)]

    # --- paginated lists --------------------------------------------------------------

    def _selective(self, table: str, search: str | None) -> bool:
        """Whether ``search`` matches few rows of ``table`` (store/query.py: fts_probe); the
        list query then looks its matches up instead of reading the list in order."""
        probe = fts_probe(table, search, self.dialect) if search else None
        if probe is None:
            return False
        row = self._one(*probe)
        return row is not None and int(row[0]) < SELECTIVE_MATCHES

    def _search_plan(self, table: str, search: str | None) -> tuple[bool, bool]:
        """(``selective``, ``common``): few matches (looked up) or at least
        :data:`~communique.store.query.COMMON_MATCHES`: each row of the list checked as it is
        read), else neither (every match's key collected, the list read in order)."""
        probe = fts_probe(table, search, self.dialect, max(SELECTIVE_MATCHES, COMMON_MATCHES)) if search else None
        row = self._one(*probe) if probe is not None else None
        n = int(row[0]) if row is not None else None
        return (n is not None and n < SELECTIVE_MATCHES,
                n is not None and n >= max(SELECTIVE_MATCHES, COMMON_MATCHES))

    def events_page(self, *, actor: str | None = None, country: str | None = None,
                    type: str | None = None, quad_class: int | None = None,
                    since=None, until=None, modality: str | None = None,
                    article_id: str | None = None, cursor: str | None = None,
                    limit: int = 50, raw: bool = False,
                    q: str | None = None) -> tuple[list[tuple[str, int, dict, str | None]], str | None]:
        """Events newest first: ``[(article_id, seq, event dict, title)], next_cursor``
        (the event dict says ``review``: None or its review status); filters as every list
        has them (store/query.py; ``q``: the search)."""
        selective, common = self._search_plan("events", q)
        where, params = event_conditions(ListFilter(
            search=q, actor=actor, type=type, country=country, quad_class=quad_class, modality=modality,
            since=since, until=until, article_id=article_id, raw=raw), self.dialect,
            selective=selective, common=common)
        if cursor:
            d, aid, seq = decode_cursor(cursor, (str, str, int))
            where.append("(COALESCE(e.event_date, ''), e.article_id, e.seq) < (?, ?, ?)")
            params += [d, aid, int(seq)]
        q = ("SELECT e.article_id, e.seq, e.data, a.title, COALESCE(e.event_date, ''), e.review_status "
             "FROM events e JOIN articles a ON a.id = e.article_id "
             f"WHERE {' AND '.join(where)} "
             "ORDER BY COALESCE(e.event_date, '') DESC, e.article_id DESC, e.seq DESC LIMIT ?")
        rows = self._all(q, params + [int(limit) + 1])
        return ([(r[0], int(r[1]), {**json.loads(r[2]), "review": r[5]}, r[3]) for r in rows[:limit]],
                next_cursor(rows, limit, 4, 0, 1))

    def quotes_page(self, *, q: str | None = None, speaker: str | None = None, since=None,
                    until=None, article_id: str | None = None, cursor: str | None = None,
                    limit: int = 50,
                    raw: bool = False) -> tuple[list[tuple[str, int, dict, str | None, str | None]], str | None]:
        """Quotes newest first: ``[(article_id, seq, quote, speaker, title)]`` (the quote dict
        says ``review``: None or its review status); filters as every list has them
        (store/query.py; ``q``: the search, ``speaker``: the actor)."""
        selective, common = self._search_plan("quotes", q)
        where, params = quote_conditions(ListFilter(search=q, actor=speaker, since=since, until=until,
                                                    article_id=article_id, raw=raw), self.dialect, "qt",
                                         selective=selective, common=common)
        if cursor:
            d, aid, seq = decode_cursor(cursor, (str, str, int))
            where.append("(COALESCE(qt.quote_date, ''), qt.article_id, qt.seq) < (?, ?, ?)")
            params += [d, aid, int(seq)]
        sql = ("SELECT qt.article_id, qt.seq, qt.data, COALESCE(act.name, qt.speaker_text), a.title, "
               "COALESCE(qt.quote_date, ''), qt.review_status FROM quotes qt "
               "JOIN articles a ON a.id = qt.article_id "
               "LEFT JOIN actors act ON act.id = qt.speaker_actor "
               f"WHERE {' AND '.join(where)} "
               "ORDER BY COALESCE(qt.quote_date, '') DESC, qt.article_id DESC, qt.seq DESC LIMIT ?")
        rows = self._all(sql, params + [int(limit) + 1])
        return ([(r[0], int(r[1]), {**json.loads(r[2]), "review": r[6]}, r[3], r[4])
                 for r in rows[:limit]], next_cursor(rows, limit, 5, 0, 1))

    def articles_page(self, *, q: str | None = None, since=None, until=None,
                      cursor: str | None = None, limit: int = 50) -> tuple[list[dict], str | None]:
        """Articles newest first, filtered as every list is (store/query.py; ``q``: the search)."""
        where, params = article_conditions(ListFilter(search=q, since=since, until=until), self.dialect,
                                           selective=self._selective("articles", q))
        if cursor:
            d, aid = decode_cursor(cursor, (str, str))
            where.append("(COALESCE(a.published, ''), a.id) < (?, ?)")
            params += [d, aid]
        sql = ("SELECT a.id, a.title, a.url, a.source, COALESCE(a.published, ''), a.n_actors, "
               f"a.n_quotes, a.n_events FROM articles a WHERE {' AND '.join(where)} "
               "ORDER BY COALESCE(a.published, '') DESC, a.id DESC LIMIT ?")
        rows = self._all(sql, params + [int(limit) + 1])
        out = [{"id": r[0], "title": r[1], "url": r[2], "source": r[3], "published": r[4] or None,
                "actors": int(r[5]), "quotes": int(r[6]), "events": int(r[7])} for r in rows[:limit]]
        return out, next_cursor(rows, limit, 4, 0)

    # --- single records and locations ------------------------------------------------

    def record_data(self, table: str, article_id: str, seq: int) -> dict | None:
        if table not in ("events", "quotes"):
            raise ValueError(table)
        row = self._one(f"SELECT data FROM {table} WHERE article_id = ? AND seq = ?", (article_id, int(seq)))
        return json.loads(row[0]) if row else None

    def actor_record(self, actor_id: str) -> dict | None:
        row = self._one("SELECT id, name, kind, country, sector, n_articles, n_mentions, data "
                        "FROM actors WHERE id = ?", (actor_id,))
        if row is None:
            return None
        d = json.loads(row[7])
        aliases = sorted({r[0] for r in self._all(
            "SELECT DISTINCT text FROM mentions WHERE actor_id = ? LIMIT 200", (actor_id,)) if is_alias(r[0])})
        return {"id": row[0], "name": row[1], "kind": row[2], "country": row[3], "sector": row[4],
                "articles": int(row[5]), "mentions": int(row[6]), "roles": d.get("roles") or [],
                "aliases": aliases}

    def event_locations(self, *, since=None, until=None, limit: int = 5000,
                        raw: bool = False) -> list[dict]:
        where, params = ["e.location_name IS NOT NULL", variant_filter("e", raw)], []
        dates, date_params = date_range("e.event_date", since, until)
        where += dates
        params += date_params
        out = []
        for aid, seq, data in self._all(
                f"SELECT e.article_id, e.seq, e.data FROM events e WHERE {' AND '.join(where)} "
                "ORDER BY e.event_date DESC, e.article_id, e.seq LIMIT ?", params + [int(limit)]):
            ev = Event.from_dict(json.loads(data))
            loc: Location | None = ev.location
            if loc and loc.lat is not None and loc.lon is not None:
                out.append({"event_id": f"{aid}:e{seq}", "article_id": aid, "type": ev.type,
                            "quad_class": ev.quad_class, "name": loc.name, "country": loc.country,
                            "lat": loc.lat, "lon": loc.lon,
                            "date": ev.date.isoformat() if ev.date else None})
        return out

    def quote_records(self, ids: Sequence[tuple[str, int]]) -> list[tuple[str, int, Quote]]:
        out = []
        for aid, seq in ids:
            d = self.record_data("quotes", aid, seq)
            if d is not None:
                out.append((aid, seq, Quote.from_dict(d)))
        return out
