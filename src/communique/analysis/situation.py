"""The situation: what the home page and the story page say, as pure functions of records
and series (the store queries are in :mod:`communique.store.situation`).

- :func:`window`: the last ``days`` days of data, on whole weeks;
- :func:`quad_day_series`: events per day by quad class, every day present;
- :func:`rising_dyads`: dyads ranked by how much their conflict rose in the window;
- :func:`alert_reason`: one sentence saying why an alert fired;
- :func:`baseline_status`: whether a series has enough history for a baseline;
- :func:`story_summary`: who did what to whom in a story, from its events;
- :func:`compare_outlets`: which outlets carry each event and quote of a story.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import Any

from ..config import Settings
from .series import DyadSeries

WINDOWS = (30, 90)


def window(latest: dt.date | None, days: int) -> tuple[dt.date, dt.date]:
    """``(since, until)``: whole weeks (Monday to Sunday) covering the ``days`` days up to
    ``latest`` (today without data), so the precomputed weekly incidents answer them."""
    end = latest or dt.date.today()
    until = end + dt.timedelta(days=6 - end.weekday())
    since = end - dt.timedelta(days=days - 1)
    return since - dt.timedelta(days=since.weekday()), until


def quad_day_series(rows: Iterable[tuple[str, int, int]], since: dt.date,
                    until: dt.date) -> list[dict[str, Any]]:
    """``[{"day", "q1".."q4", "events"}]`` for every day from ``since`` to ``until`` from
    ``(day ISO, quad class, count)`` rows."""
    by_day: dict[str, dict[str, Any]] = {}
    n = (until - since).days + 1
    for i in range(max(n, 0)):
        d = (since + dt.timedelta(days=i)).isoformat()
        by_day[d] = {"day": d, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "events": 0}
    for day, quad, count in rows:
        if day in by_day and quad in (1, 2, 3, 4):
            by_day[day][f"q{quad}"] += count
            by_day[day]["events"] += count
    return list(by_day.values())


def rising_dyads(series: Sequence[DyadSeries], since: dt.date, *, limit: int = 8) -> list[dict[str, Any]]:
    """The dyads whose conflict incidents (quad classes 3 and 4) per period rose most in the
    window (from ``since``): the mean of its later half minus the mean of its earlier half;
    each with its per-period counts (the sparkline)."""
    out: list[dict[str, Any]] = []
    for s in series:
        pts = [p for p in s.points if p.start >= since]
        if not pts:
            continue
        counts = [p.q3 + p.q4 for p in pts]
        half = len(counts) // 2
        early, late = counts[:half] or [0], counts[half:]
        rise = sum(late) / len(late) - sum(early) / len(early)
        out.append({"source": s.source, "target": s.target, "conflict": sum(counts),
                    "rise": round(rise, 2), "spark": counts, "starts": [p.start.isoformat() for p in pts]})
    out.sort(key=lambda d: (-d["rise"], -d["conflict"], d["source"], d["target"] or ""))
    return [d for d in out if d["conflict"] > 0][:limit]


def alert_reason(alert: Mapping[str, Any], settings: Settings) -> str:
    """Why an alert (``Alert.to_dict()``) fired, in one sentence."""
    unit = alert["period"]
    base = (f"conflict score {alert['value']:g} in the {unit} of {alert['start']} against a baseline of "
            f"{alert['baseline_mean']:.1f} ± {alert['baseline_std']:.1f} over the previous "
            f"{settings.alert_window} {unit}s")
    if alert["method"] == "cusum":
        return f"{base}: CUSUM {alert['score']:.1f} ≥ {alert['threshold']:g}"
    return f"{base}: z = {alert['score']:.1f} ≥ {alert['threshold']:g}"


def baseline_status(periods_with_data: int, span_periods: int, settings: Settings) -> dict[str, Any]:
    """Whether a store's history is long enough for alerts: a period is tested against at
    least ``alert_min_periods`` earlier ones."""
    return {"periods": span_periods, "periods_with_data": periods_with_data,
            "needed": settings.alert_min_periods + 1,
            "enough": span_periods > settings.alert_min_periods}


@functools.lru_cache(maxsize=1)
def _phrases() -> dict[str, str]:
    data = json.loads(resources.files("communique.data.lexicons").joinpath("plover_phrases.json")
                      .read_text(encoding="utf-8"))
    return dict(data["phrases"])


def _side(party: Mapping[str, Any] | None, names: Mapping[str, str]) -> str:
    if not party:
        return "someone"
    ids = party.get("actors") or []
    return ", ".join(dict.fromkeys(names.get(i, i) for i in ids)) if ids else (party.get("text") or "someone")


def event_phrase(event: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """"Russia accused Ukraine": actor, the type's verb phrase, recipient."""
    verb = _phrases().get(event.get("type") or "", (event.get("type") or "acted").lower())
    who = _side(event.get("actor"), names)
    whom = _side(event.get("recipient"), names) if event.get("recipient") else ""
    return f"{who} {verb} {whom}".strip()


def story_summary(events: Sequence[Mapping[str, Any]], names: Mapping[str, str], *, most: int = 2) -> str:
    """Who did what to whom in a story: its most reported events (by actor, type and
    recipient), most first, e.g. "Russia accused Ukraine (3 reports); Ukraine met France"."""
    counts = Counter(event_phrase(e, names) for e in events if e.get("modality", "asserted") == "asserted")
    if not counts:
        counts = Counter(event_phrase(e, names) for e in events)
    parts = [f"{p} ({n} reports)" if n > 1 else p for p, n in counts.most_common(most)]
    return "; ".join(parts) if parts else "no events coded"


def _quote_key(q: Mapping[str, Any]) -> tuple[str, str]:
    text = " ".join(c["text"] for c in q.get("content") or [])
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in text).split()
    return (q.get("speaker_actor") or (q.get("speaker") or {}).get("text") or "?"), " ".join(words[:12])


def compare_outlets(articles: Sequence[Mapping[str, Any]], events: Mapping[str, Sequence[Mapping[str, Any]]],
                    quotes: Mapping[str, Sequence[Mapping[str, Any]]],
                    names: Mapping[str, str]) -> dict[str, Any]:
    """Events (by who did what to whom) and quotes (by speaker and first words) of a story
    with the outlets carrying each; ``shared`` is true when every outlet carries it."""
    by_article = {a["id"]: a.get("source") or a["outlet"] for a in articles}
    outlets = list(dict.fromkeys(by_article.values()))
    rows: dict[str, dict[tuple[str, ...], dict[str, Any]]] = {"events": {}, "quotes": {}}
    for aid, evs in events.items():
        for e in evs:
            key = (e.get("type") or "", event_phrase(e, names), e.get("modality") or "")
            r = rows["events"].setdefault(key, {"text": event_phrase(e, names), "type": e.get("type"),
                                                "modality": e.get("modality"), "outlets": {}})
            r["outlets"].setdefault(by_article[aid], f"/articles/{aid}#ev-e{e['seq']}")
    for aid, qs in quotes.items():
        for q in qs:
            speaker, words = _quote_key(q)
            r = rows["quotes"].setdefault((speaker, words), {
                "speaker": names.get(speaker, (q.get("speaker") or {}).get("text") or speaker),
                "text": " … ".join(c["text"] for c in q.get("content") or []), "outlets": {}})
            r["outlets"].setdefault(by_article[aid], f"/articles/{aid}#ev-q{q['seq']}")
    out: dict[str, Any] = {"outlets": outlets}
    for kind, table in rows.items():
        items = sorted(table.values(), key=lambda r: (-len(r["outlets"]), r["text"]))
        for r in items:
            r["shared"] = len(r["outlets"]) == len(outlets)
        out[kind] = items
    return out


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    data = json.loads(resources.files("communique.data").joinpath("kb/countries.json").read_text(encoding="utf-8"))
    return {k: v["name"] for k, v in data["countries"].items()}


def country_name(iso3: str) -> str:
    """The English short name of an ISO 3166-1 alpha-3 code (the code itself when unknown)."""
    return _country_names().get(iso3.upper(), iso3)
