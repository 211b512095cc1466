"""Dyad time series and alerts computed in the database.

:func:`stored_dyad_series` gives the same :class:`~.series.DyadSeries` as
``dyad_series(store.dyad_facts(a, b), a, b, ...)`` but the incidents are picked and
summed by SQL (``GROUP BY`` period start; ``strftime``-style date functions on SQLite,
``date_trunc`` on PostgreSQL, see ``store/dialect.py`` and ``store/analytics.py``), so
a busy dyad costs one aggregate query instead of one Python object per fact.

Evidence (the event and quote ids behind each point) is a second query, and optional:

* ``evidence=None`` (default): every id of every point, exactly as :func:`.series.dyad_series`;
* ``evidence=n``: at most ``n`` event ids and ``n`` quote ids per point (``0``: none) —
  what the web API sends, so a series of a busy dyad stays small;

:func:`stored_alerts` detects alerts on such a series and then fetches the full evidence
of the alerting periods only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from ..config import Settings
from .alerts import Alert, detect
from .facts import event_id, quote_id
from .series import (
    DEFAULT_MODALITIES,
    PERIODS,
    DyadSeries,
    SeriesPoint,
    bound_span,
    next_period,
    period_label,
    period_starts,
)


def _repo(store: Any) -> Any:
    return getattr(store, "repo", store)


def _day(value: dt.date | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def stored_dyad_series(store: Any, a: str, b: str | None = None, *, period: str = "week",
                       directed: bool = True, start: dt.date | str | None = None,
                       end: dt.date | str | None = None,
                       modalities: tuple[str, ...] | None = DEFAULT_MODALITIES,
                       types: tuple[str, ...] | None = None, raw: bool = False,
                       evidence: int | None = None, since: dt.date | str | None = None,
                       until: dt.date | str | None = None, max_points: int | None = None) -> DyadSeries:
    """The time series of dyad ``a -> b`` (``b=None``: ``a`` with anyone) from the store's
    dyad index, aggregated in SQL; ``evidence`` caps the ids per point (``None``: all).

    ``start``/``end`` bound the facts and pad the series with quiet periods up to them (as
    :func:`.series.dyad_series`); ``since``/``until`` only bound the facts (as
    ``store.dyad_facts``). Over ``max_points`` periods, the series is coarsened or cut as
    :func:`.series.dyad_series` does (:func:`.series.bound_span`)."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    start, end = _day(start), _day(end)
    lo = max((d for d in (start, _day(since)) if d), default=None)
    hi = min((d for d in (end, _day(until)) if d), default=None)
    repo = _repo(store)
    query = dict(period=period, directed=directed, since=lo, until=hi,
                 modalities=modalities, types=types, raw=raw)
    rows = {dt.date.fromisoformat(r[0]): r for r in repo.dyad_buckets(a, b, **query)}
    asked, earlier = period, None
    if max_points is not None and (rows or (start and end)):
        period, cut = bound_span(start or min(rows), end or max(rows), period, max_points)
        if cut is not None:
            start, earlier = cut, cut - dt.timedelta(days=1)
            query["since"] = lo = max(d for d in (lo, cut) if d)
        if period != asked or cut is not None:
            query["period"] = period
            rows = {dt.date.fromisoformat(r[0]): r for r in repo.dyad_buckets(a, b, **query)}
    ids: dict[str, tuple[list, list]] = {}
    if rows and (evidence is None or evidence > 0):
        ids = repo.dyad_evidence(a, b, limit=evidence, **query)
    points = []
    for p in period_starts(rows, period, start, end):
        r = rows.get(p)
        if r is None:
            points.append(SeriesPoint(start=p, label=period_label(p, period)))
            continue
        ev, qs = ids.get(r[0], ([], []))
        points.append(SeriesPoint(
            start=p, label=period_label(p, period), events=r[1], q1=r[2], q2=r[3], q3=r[4], q4=r[5],
            goldstein_sum=r[6], goldstein_mean=r[6] / r[7] if r[7] else None,
            intensity_sum=r[8], intensity_mean=r[8] / r[9] if r[9] else None,
            conflict=r[10], articles=r[11], stories=r[12],
            event_ids=tuple(dict.fromkeys(event_id(aid, seq) for aid, seq in ev)),
            quote_ids=tuple(dict.fromkeys(quote_id(aid, seq) for aid, seq in qs))))
    return DyadSeries(a, b, directed, period, tuple(points), modalities,
                      coarsened_from=asked if period != asked else None, earlier_until=earlier)


def point_evidence(store: Any, series: DyadSeries, starts: list[dt.date], *, raw: bool = False,
                   types: tuple[str, ...] | None = None,
                   limit: int | None = None) -> dict[dt.date, tuple[tuple[str, ...], tuple[str, ...]]]:
    """The event and quote ids behind the points of ``series`` that start on ``starts``."""
    out = {}
    repo = _repo(store)
    for p in sorted(set(starts)):
        until = next_period(p, series.period) - dt.timedelta(days=1)
        found = repo.dyad_evidence(series.source, series.target, period=series.period,
                                   directed=series.directed, since=p, until=until,
                                   modalities=series.modalities, types=types, raw=raw, limit=limit)
        ev, qs = found.get(p.isoformat(), ([], []))
        out[p] = (tuple(dict.fromkeys(event_id(aid, seq) for aid, seq in ev)),
                  tuple(dict.fromkeys(quote_id(aid, seq) for aid, seq in qs)))
    return out


def with_evidence(store: Any, series: DyadSeries, limit: int | None, *, raw: bool = False,
                  types: tuple[str, ...] | None = None, since: dt.date | str | None = None,
                  until: dt.date | str | None = None) -> DyadSeries:
    """``series`` with up to ``limit`` event and quote ids on each point (``None``: all);
    points that already list more (an alert's) keep theirs. ``since``/``until``: the
    bounds the series was computed with."""
    if limit == 0 or not series.points:
        return series
    lo = max(d for d in (series.points[0].start, _day(since)) if d)
    hi = next_period(series.points[-1].start, series.period) - dt.timedelta(days=1)
    hi = min(d for d in (hi, _day(until)) if d)
    found = _repo(store).dyad_evidence(
        series.source, series.target, period=series.period, directed=series.directed,
        since=lo, until=hi, modalities=series.modalities, types=types, raw=raw, limit=limit)
    points = []
    for p in series.points:
        ev, qs = found.get(p.start.isoformat(), ([], []))
        ev_ids = tuple(dict.fromkeys(event_id(aid, seq) for aid, seq in ev))
        q_ids = tuple(dict.fromkeys(quote_id(aid, seq) for aid, seq in qs))
        points.append(replace(p, event_ids=max(p.event_ids, ev_ids, key=len),
                              quote_ids=max(p.quote_ids, q_ids, key=len)))
    return replace(series, points=tuple(points))


def stored_alerts(store: Any, a: str, b: str | None = None, settings: Settings | None = None, *,
                  period: str | None = None, directed: bool = True,
                  start: dt.date | str | None = None, end: dt.date | str | None = None,
                  since: dt.date | str | None = None, until: dt.date | str | None = None,
                  raw: bool = False, evidence: int | None = 0,
                  max_points: int | None = None) -> tuple[DyadSeries, list[Alert]]:
    """The dyad series (``evidence`` ids per point, default none; at most ``max_points``
    periods) and its alerts, each alert (and its point) with the full evidence of its period."""
    s = settings or Settings()
    series = stored_dyad_series(store, a, b, period=period or s.alert_period, directed=directed,
                                start=start, end=end, since=since, until=until, raw=raw,
                                evidence=evidence, max_points=max_points)
    alerts = detect(series, s)
    if not alerts:
        return series, alerts
    found = point_evidence(store, series, [al.start for al in alerts], raw=raw)
    alerts = [replace(al, event_ids=found[al.start][0], quote_ids=found[al.start][1]) for al in alerts]
    points = tuple(replace(p, event_ids=found[p.start][0], quote_ids=found[p.start][1])
                   if p.start in found else p for p in series.points)
    return replace(series, points=points), alerts
