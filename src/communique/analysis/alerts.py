"""Escalation alerts: change detection on the conflict score of each dyad.

Input is a dyad time series (:mod:`.series`) with zero-filled periods; the watched value
is ``conflict`` per period (summed conflict score of the story-counted incidents, see
:func:`.facts.conflict_score`). Two methods, chosen by ``Settings.alert_method``:

``zscore`` (default) — rolling z-score. For period *t* the baseline is the previous
``alert_window`` periods (at least ``alert_min_periods`` of them must exist); with their
mean *m* and standard deviation *s* (floored at ``alert_min_std``),
``z = (x_t - m) / max(s, alert_min_std)``. Period *t* alerts when ``z >= alert_threshold``
and ``x_t >= alert_min_conflict``.

``cusum`` — one-sided upper CUSUM on the standardised value, with the same rolling
baseline: ``S_t = max(0, S_{t-1} + (x_t - m)/s - alert_cusum_k)``; period *t* alerts when
``S_t >= alert_threshold`` and ``x_t >= alert_min_conflict``, and *S* restarts at 0 after
an alert. CUSUM catches a sustained rise that no single period makes significant.

Every alert carries the events (``event_ids``) of the alerting period and the quotes they
were reported in (``quote_ids``), so an analyst can read what drove it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..config import Settings
from .facts import DyadFact
from .series import DyadSeries, dyad_series


@dataclass(frozen=True)
class Alert:
    source: str
    target: str | None
    period: str
    start: dt.date
    label: str
    method: str
    value: float  # conflict score of the period
    baseline_mean: float
    baseline_std: float
    score: float  # z-score, or the CUSUM statistic
    threshold: float
    event_ids: tuple[str, ...] = ()
    quote_ids: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.source}>{self.target or '*'}@{self.start.isoformat()}/{self.period}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "target": self.target,
                "period": self.period, "start": self.start.isoformat(), "label": self.label,
                "method": self.method, "value": round(self.value, 4),
                "baseline_mean": round(self.baseline_mean, 4),
                "baseline_std": round(self.baseline_std, 4), "score": round(self.score, 4),
                "threshold": self.threshold, "event_ids": list(self.event_ids),
                "quote_ids": list(self.quote_ids)}


def _mean_std(values: list[float]) -> tuple[float, float]:
    m = sum(values) / len(values)
    var = sum((v - m) ** 2 for v in values) / (len(values) - 1) if len(values) > 1 else 0.0
    return m, math.sqrt(var)


def detect(series: DyadSeries, settings: Settings | None = None) -> list[Alert]:
    """The alerts of one dyad series, oldest first."""
    s = settings or Settings()
    values = [p.conflict for p in series.points]
    alerts: list[Alert] = []
    cusum = 0.0
    for t, point in enumerate(series.points):
        base = values[max(0, t - s.alert_window):t]
        if len(base) < s.alert_min_periods:
            continue
        m, sd = _mean_std(base)
        scale = max(sd, s.alert_min_std)
        x = values[t]
        if s.alert_method == "cusum":
            cusum = max(0.0, cusum + (x - m) / scale - s.alert_cusum_k)
            score = cusum
        else:
            score = (x - m) / scale
        if score >= s.alert_threshold and x >= s.alert_min_conflict:
            alerts.append(Alert(series.source, series.target, series.period, point.start,
                                point.label, s.alert_method, x, m, sd, score,
                                s.alert_threshold, point.event_ids, point.quote_ids))
            cusum = 0.0
    return alerts


def scan(facts: Iterable[DyadFact], settings: Settings | None = None, *,
         min_events: int = 3, keys: str = "all") -> list[Alert]:
    """Alerts over every directed dyad with at least ``min_events`` conflict facts.

    ``keys``: ``"all"`` (actor ids and countries), ``"country"`` (3-letter codes only) or
    ``"actor"`` (actor ids only). Newest alerts first, then highest score.
    """
    s = settings or Settings()
    facts = list(facts)
    counts: dict[tuple[str, str], int] = {}
    for f in facts:
        if f.quad_class in (3, 4) and _kind_ok(f.source, keys) and _kind_ok(f.target, keys):
            counts[(f.source, f.target)] = counts.get((f.source, f.target), 0) + 1
    by_dyad: dict[tuple[str, str], list[DyadFact]] = {}
    for f in facts:
        if (f.source, f.target) in counts:
            by_dyad.setdefault((f.source, f.target), []).append(f)
    out: list[Alert] = []
    for (a, b), n in sorted(counts.items()):
        if n < min_events:
            continue
        out.extend(detect(dyad_series(by_dyad[(a, b)], a, b, period=s.alert_period), s))
    out.sort(key=lambda al: (al.start, al.score), reverse=True)
    return out


def is_country_key(key: str) -> bool:
    return len(key) == 3 and key.isalpha() and key.isupper()


def _kind_ok(key: str, keys: str) -> bool:
    if keys == "country":
        return is_country_key(key)
    if keys == "actor":
        return not is_country_key(key)
    return True
