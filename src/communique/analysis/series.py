"""Dyad time series: per period, what happened between two actors.

For an actor pair (directed ``a -> b``, or both ways) and a period (``day``, ``week`` —
ISO weeks starting on Monday — or ``month``), each point holds:

* ``events``: incidents (story-cluster counted, see :mod:`.facts`), and per quad class
  ``q1`` verbal cooperation, ``q2`` material cooperation, ``q3`` verbal conflict,
  ``q4`` material conflict;
* ``goldstein_sum`` / ``goldstein_mean`` over incidents with a Goldstein value;
* ``intensity_sum`` / ``intensity_mean``: PLOVER intensity (falls back to Goldstein where
  an event has no intensity);
* ``conflict``: summed conflict score (:func:`.facts.conflict_score`), the signal the
  escalation alerts watch;
* ``articles`` and ``stories``: distinct articles and story clusters behind the point;
* ``event_ids``: the events (one per incident, the most confident) behind the point;
  ``quote_ids``: the quotes those events were reported in (``Event.quote``).

Periods with nothing are present with zeros between the first and last period (or the
requested ``start``/``end``), so charts and change detection see the quiet weeks too.

A series is bounded: asked for more than ``max_points`` periods (the ``max_series_points``
setting on the web), it is coarsened (day -> week -> month, :func:`fit_period`) and, if
months are still too many, cut to its latest ``max_points`` periods
(:func:`latest_periods`); ``coarsened_from`` and ``earlier_until`` say so in its dict.
By default only ``asserted`` events count (negated, hypothetical, future, denied and
demanded events did not happen); pass ``modalities=None`` for all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .facts import DyadFact, matches, quote_id

PERIODS = ("day", "week", "month")
DEFAULT_MODALITIES: tuple[str, ...] = ("asserted",)


def period_start(day: dt.date, period: str) -> dt.date:
    if period == "day":
        return day
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")


def next_period(start: dt.date, period: str) -> dt.date:
    if period == "day":
        return start + dt.timedelta(days=1)
    if period == "week":
        return start + dt.timedelta(days=7)
    if period == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")


COARSER = {"day": "week", "week": "month"}


def period_count(first: dt.date, last: dt.date, period: str) -> int:
    """How many periods from the one holding ``first`` to the one holding ``last``
    (counted, not listed: cheap for any span)."""
    a, b = period_start(first, period), period_start(last, period)
    if b < a:
        return 0
    if period == "month":
        return (b.year - a.year) * 12 + b.month - a.month + 1
    return (b - a).days // (7 if period == "week" else 1) + 1


def fit_period(first: dt.date, last: dt.date, period: str, max_points: int) -> str:
    """``period`` or the first coarser one (day -> week -> month) with at most
    ``max_points`` periods from ``first`` to ``last``; the coarsest when none fits."""
    while period in COARSER and period_count(first, last, period) > max_points:
        period = COARSER[period]
    return period


def latest_periods(last: dt.date, period: str, n: int) -> dt.date:
    """The start of the earliest of the ``n`` periods that end with the one holding ``last``."""
    end = period_start(last, period)
    if period == "month":
        months = end.year * 12 + end.month - 1 - (n - 1)
        return dt.date(months // 12, months % 12 + 1, 1)
    return end - dt.timedelta(days=(n - 1) * (7 if period == "week" else 1))


def bound_span(first: dt.date, last: dt.date, period: str,
               max_points: int) -> tuple[str, dt.date | None]:
    """The period a series from ``first`` to ``last`` is shown in (:func:`fit_period`) and,
    when even that gives over ``max_points`` periods, the start of the first period kept
    (the latest ``max_points``), else ``None``."""
    period = fit_period(first, last, period, max_points)
    if period_count(first, last, period) <= max_points:
        return period, None
    return period, latest_periods(last, period, max_points)


def period_label(start: dt.date, period: str) -> str:
    if period == "week":
        y, w, _ = start.isocalendar()
        return f"{y}-W{w:02d}"
    if period == "month":
        return start.strftime("%Y-%m")
    return start.isoformat()


@dataclass(frozen=True)
class SeriesPoint:
    start: dt.date
    label: str
    events: int = 0
    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0
    goldstein_sum: float = 0.0
    goldstein_mean: float | None = None
    intensity_sum: float = 0.0
    intensity_mean: float | None = None
    conflict: float = 0.0
    articles: int = 0
    stories: int = 0
    event_ids: tuple[str, ...] = ()
    quote_ids: tuple[str, ...] = ()

    @property
    def cooperation(self) -> int:
        return self.q1 + self.q2

    @property
    def conflict_events(self) -> int:
        return self.q3 + self.q4

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "label": self.label, "events": self.events,
                "q1": self.q1, "q2": self.q2, "q3": self.q3, "q4": self.q4,
                "goldstein_sum": round(self.goldstein_sum, 4),
                "goldstein_mean": None if self.goldstein_mean is None else round(self.goldstein_mean, 4),
                "intensity_sum": round(self.intensity_sum, 4),
                "intensity_mean": None if self.intensity_mean is None else round(self.intensity_mean, 4),
                "conflict": round(self.conflict, 4), "articles": self.articles,
                "stories": self.stories, "event_ids": list(self.event_ids),
                "quote_ids": list(self.quote_ids)}


@dataclass(frozen=True)
class DyadSeries:
    source: str
    target: str | None
    directed: bool
    period: str
    points: tuple[SeriesPoint, ...] = ()
    modalities: tuple[str, ...] | None = DEFAULT_MODALITIES
    names: dict[str, str] = field(default_factory=dict, compare=False)
    coarsened_from: str | None = None  # the period asked for, when too many of them for max_points
    earlier_until: dt.date | None = None  # cut: the periods up to this day were left out

    @property
    def total_events(self) -> int:
        return sum(p.events for p in self.points)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "directed": self.directed,
                "period": self.period,
                "modalities": list(self.modalities) if self.modalities is not None else None,
                "names": dict(self.names), "total_events": self.total_events,
                "coarsened_from": self.coarsened_from,
                "earlier_until": self.earlier_until.isoformat() if self.earlier_until else None,
                "points": [p.to_dict() for p in self.points]}

    def to_pandas(self):
        import pandas as pd

        rows = [p.to_dict() for p in self.points]
        df = pd.DataFrame(rows, columns=list(SeriesPoint(dt.date(2000, 1, 3), "").to_dict()))
        df["start"] = pd.to_datetime(df["start"])
        return df.set_index("start")


def incidents(facts: Iterable[DyadFact], a: str, b: str | None = None) -> list[DyadFact]:
    """One fact per incident (the most confident), story-cluster counted."""
    best: dict[tuple[Any, ...], DyadFact] = {}
    for f in facts:
        if b is None:  # "a with anyone": one event may match through several partner keys
            key = (f.story, f.type, f.day, f.source == a)
        else:
            key = f.incident_key
        cur = best.get(key)
        if cur is None or _better(f, cur):
            best[key] = f
    return list(best.values())


def _better(f: DyadFact, cur: DyadFact) -> bool:
    """Most confident first, then the lowest index, then the lowest article id (as the
    store's SQL aggregation ranks them)."""
    if f.confidence != cur.confidence:
        return f.confidence > cur.confidence
    if f.index != cur.index:
        return f.index < cur.index
    return f.article_id < cur.article_id


def dyad_series(facts: Iterable[DyadFact], a: str, b: str | None = None, *, period: str = "week",
                directed: bool = True, start: dt.date | None = None, end: dt.date | None = None,
                modalities: tuple[str, ...] | None = DEFAULT_MODALITIES,
                types: tuple[str, ...] | None = None, max_points: int | None = None) -> DyadSeries:
    """The time series of dyad ``a -> b`` (``b=None``: ``a`` with anyone), coarsened or
    cut to at most ``max_points`` periods (:func:`bound_span`; ``None``: no bound)."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    chosen = [f for f in facts
              if f.day is not None and matches(f, a, b, directed)
              and (modalities is None or f.modality in modalities)
              and (types is None or f.type in types)
              and (start is None or f.day >= start) and (end is None or f.day <= end)]
    asked, earlier = period, None
    if max_points is not None and (chosen or (start and end)):
        days = [f.day for f in chosen if f.day is not None]
        period, cut = bound_span(start or min(days), end or max(days), period, max_points)
        if cut is not None:
            chosen = [f for f in chosen if f.day is not None and f.day >= cut]
            start, earlier = cut, cut - dt.timedelta(days=1)
    buckets: dict[dt.date, list[DyadFact]] = {}
    raw: dict[dt.date, list[DyadFact]] = {}
    for f in chosen:
        raw.setdefault(period_start(f.day, period), []).append(f)  # type: ignore[arg-type]
    for f in incidents(chosen, a, b):
        buckets.setdefault(period_start(f.day, period), []).append(f)  # type: ignore[arg-type]
    points = tuple(_point(p, period, buckets.get(p, []), raw.get(p, []))
                   for p in period_starts(buckets, period, start, end))
    return DyadSeries(a, b, directed, period, points, modalities,
                      coarsened_from=asked if period != asked else None, earlier_until=earlier)


def period_starts(present: Iterable[dt.date], period: str, start: dt.date | None = None,
                  end: dt.date | None = None) -> list[dt.date]:
    """Every period start from the first to the last period (``start``/``end`` when given,
    else those of ``present``), quiet periods included."""
    present = list(present)
    if not present and not (start and end):
        return []
    p = period_start(start, period) if start else min(present)
    last = period_start(end, period) if end else max(present)
    out = []
    while p <= last:
        out.append(p)
        p = next_period(p, period)
    return out


def _point(start: dt.date, period: str, items: list[DyadFact], raw: list[DyadFact]) -> SeriesPoint:
    items = sorted(items, key=lambda f: (f.day, f.article_id, f.index))
    quads = [sum(1 for f in items if f.quad_class == q) for q in (1, 2, 3, 4)]
    gold = [f.goldstein for f in items if f.goldstein is not None]
    inten = [v for v in (f.intensity if f.intensity is not None else f.goldstein for f in items) if v is not None]
    return SeriesPoint(
        start=start, label=period_label(start, period), events=len(items),
        q1=quads[0], q2=quads[1], q3=quads[2], q4=quads[3],
        goldstein_sum=float(sum(gold)), goldstein_mean=(sum(gold) / len(gold)) if gold else None,
        intensity_sum=float(sum(inten)), intensity_mean=(sum(inten) / len(inten)) if inten else None,
        conflict=float(sum(f.conflict for f in items)),
        articles=len({f.article_id for f in raw}), stories=len({f.story for f in raw}),
        event_ids=tuple(dict.fromkeys(f.event_id for f in items)),
        quote_ids=tuple(dict.fromkeys(quote_id(f.article_id, f.quote) for f in
                                      sorted(raw, key=lambda f: (f.article_id, f.index))
                                      if f.quote is not None)),
    )  # communique.store.analytics.dyad_buckets / dyad_evidence compute the same in SQL
