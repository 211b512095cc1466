"""View functions of the situation pages: the home page (the crisis at a glance), a story
across outlets, the map, the alerts with their settings, the paginated actors list and the
actor page. Each returns the JSON-able dict that is both the page's JSON twin and its
template context; the work is in :mod:`communique.analysis.situation` (pure) and
:mod:`communique.store.situation` (queries)."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from importlib import resources
from typing import Any

from ..analysis.alerts import Alert
from ..analysis.series import DyadSeries, next_period, period_label, period_start
from ..analysis.situation import (
    WINDOWS,
    alert_reason,
    baseline_status,
    compare_outlets,
    country_name,
    event_phrase,
    quad_day_series,
    rising_dyads,
    story_summary,
    window,
)
from ..analysis.stored import stored_alerts
from ..config import Settings
from ..store import situation as sq
from . import views
from .geo import region_bbox, regions
from .params import parse_date, parse_page_number

RISING_CANDIDATES = 10  # dyads (most conflict overall) whose recent trend the home page computes
HOME_ALERTS = 6
HOME_STORIES = 6
ACTORS_PAGE = 50


def _date(value: str | None, name: str) -> dt.date | None:
    return parse_date(value, name)  # the one date check of every route (web/params.py)


def _choice(value: int | str | None, choices: tuple[int, ...], default: int, name: str) -> int:
    try:
        n = int(value) if value not in (None, "") else default
    except (TypeError, ValueError):
        n = -1
    if n not in choices:
        raise views.BadRequest(f"{name} must be one of {', '.join(map(str, choices))}", parameter=name)
    return n


def _days(days: int | str | None) -> int:
    return _choice(days, WINDOWS, 90, "days")


def _quads(store, days: int, *, raw: bool) -> tuple[dt.date | None, dt.date, dt.date, list[dict[str, Any]]]:
    latest = sq.latest_day(store.repo)
    since, until = window(latest, days)
    return latest, since, until, quad_day_series(sq.quad_days(store.repo, since, until, raw=raw), since, until)


def _baseline_start(store, since: dt.date, settings: Settings) -> dt.date:
    """Where the series behind alerts from ``since`` start: ``alert_window`` weeks earlier,
    but not before the week of the store's first event (quiet weeks padded before the data
    began would make a false baseline)."""
    first = sq.first_day(store.repo)
    back = dt.timedelta(weeks=settings.alert_window)
    start = since - back if since - dt.date.min >= back else dt.date.min
    return max(start, period_start(first, "week")) if first else start


_KEPT: OrderedDict[tuple, tuple[float, Any]] = OrderedDict()
_KEPT_LOCK = threading.Lock()
KEPT_ENTRIES = 64  # results kept (home pages, alerts, map places), least recently used dropped
KEPT_SECONDS = 60.0  # and for at most this long (a write sq.store_version misses)


def _kept(store, key: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept per store and ``key`` while sq.store_version is unchanged, for at
    most :data:`KEPT_SECONDS`; the caller gets its own copy."""
    full = (store.where, *key, sq.store_version(store.repo))
    now = time.monotonic()
    with _KEPT_LOCK:
        hit = _KEPT.get(full)
        if hit is not None and now - hit[0] < KEPT_SECONDS:
            _KEPT.move_to_end(full)
            return copy.deepcopy(hit[1])
    value = compute()
    with _KEPT_LOCK:
        _KEPT[full] = (now, value)
        while len(_KEPT) > KEPT_ENTRIES:
            _KEPT.popitem(last=False)
    return copy.deepcopy(value)


def home_view(store, settings: Settings, *, days: int | str | None = 90, raw: bool = False) -> dict[str, Any]:
    """The situation over the last ``days`` days of data: events per day by quad class, the
    dyads whose conflict rises fastest (weekly sparklines), the latest alerts and why they
    fired, the speakers quoted most and the latest stories across outlets (kept: :func:`_kept`)."""
    n = _days(days)
    return _kept(store, ("home", n, raw, repr(settings)), lambda: _home(store, settings, n, raw))


def _home(store, settings: Settings, n: int, raw: bool) -> dict[str, Any]:
    repo = store.repo
    latest, since, until, quads = _quads(store, n, raw=raw)
    cfg = settings.replace(alert_period="week")
    start = _baseline_start(store, since, settings)
    series: list[DyadSeries] = []
    alerts: list[Alert] = []
    for a, b, _n in repo.top_dyads(keys="country", limit=RISING_CANDIDATES, raw=raw):
        s, found = stored_alerts(store, a, b, cfg, period="week", start=start, end=until, raw=raw)
        series.append(s)
        alerts.extend(al for al in found if al.start >= since)
    rising = rising_dyads(series, since)
    alerts.sort(key=lambda al: (al.start, al.score), reverse=True)
    latest_alerts = [{**al.to_dict(), "reason": alert_reason(al.to_dict(), cfg)} for al in alerts[:HOME_ALERTS]]
    stories = _stories(store, sq.latest_stories(repo, since, until, limit=HOME_STORIES), raw=raw)
    keys = {x for d in rising for x in (d["source"], d["target"])} | {
        x for al in latest_alerts for x in (al["source"], al["target"]) if x}
    totals = {k: sum(d[k] for d in quads) for k in ("events", "q1", "q2", "q3", "q4")}
    return {"window": {"days": n, "since": since.isoformat(), "until": until.isoformat(),
                       "latest": latest.isoformat() if latest else None, "choices": list(WINDOWS)},
            "raw": raw, "totals": totals, "quads": quads, "rising": rising, "alerts": latest_alerts,
            "speakers": sq.top_speakers(repo, since, until, raw=raw), "stories": stories,
            "names": views.actor_names(store, keys), "quad_names": views.QUAD_NAMES}


def _stories(store, found: list[dict[str, Any]], *, raw: bool) -> list[dict[str, Any]]:
    out = []
    for st in found:
        arts = sq.story_articles(store.repo, st["story"])
        events = sq.article_records(store.repo, "events", [a["id"] for a in arts], raw=raw)
        flat = [e for evs in events.values() for _, e in evs]
        names = views.actor_names(store, {k for e in flat for side in ("actor", "recipient")
                                  for k in ((e.get(side) or {}).get("actors") or [])})
        out.append({**st, "title": next((a["title"] for a in arts if a["title"]), st["story"]),
                    "sources": list(dict.fromkeys(a["source"] or a["outlet"] for a in arts)),
                    "summary": story_summary(flat, names), "url": f"/stories/{st['story']}"})
    return out


def story_view(store, settings: Settings, story_id: str, *,  # noqa: ARG001 - one signature per view
               raw: bool = False) -> dict[str, Any]:
    """One story across outlets: its articles, when it was first seen, the events and quotes
    each outlet carries and where they differ."""
    arts = sq.story_articles(store.repo, story_id)
    if not arts:
        raise views.NotFound(f"no story {story_id!r}", story=story_id)
    ids = [a["id"] for a in arts]
    events = {aid: [{**e, "seq": seq} for seq, e in recs]
              for aid, recs in sq.article_records(store.repo, "events", ids, raw=raw).items()}
    quotes = {aid: [{**q, "seq": seq} for seq, q in recs]
              for aid, recs in sq.article_records(store.repo, "quotes", ids, raw=raw).items()}
    keys = {k for evs in events.values() for e in evs for side in ("actor", "recipient")
            for k in ((e.get(side) or {}).get("actors") or [])}
    keys |= {q["speaker_actor"] for qs in quotes.values() for q in qs if q.get("speaker_actor")}
    names = views.actor_names(store, keys)
    compared = compare_outlets(arts, events, quotes, names)
    flat = [e for evs in events.values() for e in evs]
    for a in arts:
        a["events"] = len(events.get(a["id"], []))
        a["quotes"] = len(quotes.get(a["id"], []))
    dated = [a["published"] for a in arts if a["published"]]
    return {"story": story_id, "raw": raw, "articles": arts, "first_seen": min(dated) if dated else None,
            "last_seen": max(dated) if dated else None, "summary": story_summary(flat, names, most=3),
            "title": next((a["title"] for a in arts if a["title"]), story_id), **compared}


def map_view(store, settings: Settings, *,  # noqa: ARG001 - one signature per view
             since=None, until=None, days=None, region=None, bbox=None,
             metric: str = "events", place: str | None = None, raw: bool = False) -> dict[str, Any]:
    """Places and countries with their event counts and mean Goldstein (between ``since`` and
    ``until``, else over the last ``days`` days of data, 30 by default, or ``days="all"``),
    the region shown, and the events at ``place``."""
    if metric not in ("events", "goldstein"):
        raise views.BadRequest("metric must be events or goldstein", parameter="metric")
    key, box = region_bbox(region, bbox)
    s, u = _date(since, "since"), _date(until, "until")
    if not (s or u) and days != "all":  # default: the last 30 days of data
        s, u = window(sq.latest_day(store.repo), _days(days or 30))
    places = _kept(store, ("places", s, u, raw), lambda: sq.place_counts(store.repo, s, u, raw=raw))
    countries: dict[str, dict[str, Any]] = {}
    for p in places:
        c = countries.setdefault(p["country"] or "", {"events": 0, "conflict": 0, "gsum": 0.0, "gn": 0})
        c["events"] += p["events"]
        c["conflict"] += p["conflict"]
        c["gsum"] += p["goldstein_sum"]
        c["gn"] += p["goldstein_n"]
    shading = {iso: {"iso3": iso, "name": country_name(iso), "events": c["events"], "conflict": c["conflict"],
                     "goldstein": round(c["gsum"] / c["gn"], 2) if c["gn"] else None}
               for iso, c in countries.items() if iso}
    out: dict[str, Any] = {
        "filters": {"since": s.isoformat() if s else None, "until": u.isoformat() if u else None,
                    "days": None if since or until else (days if days == "all" else _days(days or 30)),
                    "region": key, "bbox": list(box), "metric": metric, "place": place},
        "regions": {k: v["name"] for k, v in regions().items()}, "raw": raw,
        "places": places, "countries": sorted(shading.values(), key=lambda c: -c["events"])}
    if place:
        total, rows = sq.place_events(store.repo, place, s, u, raw=raw)
        keys = {k for _, _, e in rows for side in ("actor", "recipient")
                for k in ((e.get(side) or {}).get("actors") or [])}
        names = views.actor_names(store, keys)
        out["place_events"] = {"place": place, "total": total, "items": [
            {"id": f"{aid}:e{seq}", "date": e.get("date"), "type": e.get("type"), "quad_class": e.get("quad_class"),
             "text": event_phrase(e, names), "evidence": f"/articles/{aid}#ev-e{seq}"} for aid, seq, e in rows]}
    return out


ALERT_WEEKS = (13, 52)


def _weeks(weeks: int | str | None) -> int:
    return _choice(weeks, ALERT_WEEKS, 13, "weeks")


def alerts_view(store, settings: Settings, *, keys="country", since=None, until=None, weeks=None,
                dyads: int = 16, raw: bool = False) -> dict[str, Any]:
    """The alerts (views.alerts_view) with why each fired, the settings in force and, when
    there are none, whether the history is too short for a baseline. Without ``since`` or
    ``until``: the alerts of the last ``weeks`` weeks of data (13 by default, 52, or "all")
    of the dyads with the most conflict in all, each tested against its full baseline
    (kept: :func:`_kept`)."""
    return _kept(store, ("alerts", keys, since, until, weeks, dyads, raw, repr(settings)),
                 lambda: _alerts(store, settings, keys, since, until, weeks, dyads, raw))


def _alerts(store, settings: Settings, keys, since, until, weeks, dyads: int, raw: bool) -> dict[str, Any]:
    lo = sq.latest_day(store.repo)
    shown_from = _date(since, "since")
    if not (since or until or weeks == "all") and lo:  # default: the last ``weeks`` weeks of data
        shown_from = window(lo, 7 * _weeks(weeks))[0]
    baseline_from = _baseline_start(store, shown_from, settings) if shown_from else None
    d = views.alerts_view(store, settings, keys=keys, since=since, until=until, dyads=dyads, raw=raw,
                          start=baseline_from if not since else None)
    d["items"] = [al for al in d["items"] if not shown_from or al["start"] >= shown_from.isoformat()]
    d["shown_from"] = shown_from.isoformat() if shown_from else None
    names = views.actor_names(store, set(d["names"]))
    for al in d["items"]:
        al["reason"] = alert_reason(al, settings)
    first = sq.first_day(store.repo)
    span = 0
    if lo and first:
        p0 = period_start(first, settings.alert_period)
        p, end = p0, period_start(lo, settings.alert_period)
        while p <= end and span <= 10_000:
            span += 1
            p = next_period(p, settings.alert_period)
    d["names"] = names
    d["history"] = {"first": first.isoformat() if first else None,
                    "last": lo.isoformat() if lo else None,
                    **baseline_status(span, span, settings)}
    d["settings"] = {k: getattr(settings, k) for k in (
        "alert_method", "alert_period", "alert_window", "alert_min_periods", "alert_threshold",
        "alert_min_std", "alert_min_conflict", "alert_cusum_k")}
    d["dyads_scanned"] = dyads
    return d


@functools.lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    data = json.loads(resources.files("communique.data.lexicons").joinpath("generic_mentions.json")
                      .read_text(encoding="utf-8"))
    return frozenset(data["pronouns"]) | frozenset(data["generic"])


def display_aliases(aliases: list[str], name: str) -> list[str]:
    """Aliases worth showing: no pronouns or generic nouns ("it", "they", "officials", "the
    ministry"), not the name itself, one per spelling."""
    out: dict[str, str] = {}
    for a in aliases:
        text = " ".join(a.split())
        low = text.lower()
        bare = low.removeprefix("the ").removeprefix("a ").removeprefix("an ")
        if not text or low in _generic() or bare in _generic() or low == name.lower():
            continue
        out.setdefault(low, text)
    return sorted(out.values(), key=str.lower)


def actors_view(store, settings: Settings, *,  # noqa: ARG001 - one signature per view
                name=None, kind=None, country=None, page: int | str = 1,
                limit: int | None = None) -> dict[str, Any]:
    """The actors list, one page (``page`` from 1) with the total count."""
    size = int(limit or ACTORS_PAGE)
    if not 1 <= size <= 500:
        raise views.BadRequest("limit must be between 1 and 500", parameter="limit")
    n = parse_page_number(page)  # bounded: a huge page number would overflow the offset
    f = {"name": name or None, "kind": kind or None, "country": country or None}
    total = sq.count_actors(store.repo, **f)
    items = sq.actors_page(store.repo, **f, offset=(n - 1) * size, limit=size)
    pages = max(1, -(-total // size))
    return {"filters": f, "items": items, "total": total, "page": n, "pages": pages, "page_size": size}


_TIMELINES: OrderedDict[tuple, list[tuple[str, int, int]]] = OrderedDict()
_TIMELINES_LOCK = threading.Lock()
TIMELINE_CACHE = 256  # actors whose daily counts are kept, with the token they were read at


def _actor_days(store, actor_id: str, raw: bool) -> list[tuple[str, int, int]]:
    """sq.actor_days, kept per store and actor while sq.actor_version is unchanged: an actor
    in a third of a million events costs a join over all of them (0.7 s), its token 40 ms."""
    key = (store.where, actor_id, raw, sq.actor_version(store.repo, actor_id))
    with _TIMELINES_LOCK:
        if key in _TIMELINES:
            _TIMELINES.move_to_end(key)
            return _TIMELINES[key]
    rows = sq.actor_days(store.repo, actor_id, raw=raw)
    with _TIMELINES_LOCK:
        _TIMELINES[key] = rows
        while len(_TIMELINES) > TIMELINE_CACHE:
            _TIMELINES.popitem(last=False)
    return rows


def actor_timeline(store, actor_id: str, *, raw: bool = False) -> dict[str, Any]:
    """Every event of an actor per period, the period chosen from the span of its dates
    (day up to 2 months, week up to 2 years, else month), every period present."""
    rows = _actor_days(store, actor_id, raw)
    days = sorted({dt.date.fromisoformat(d) for d, _, _ in rows if d})
    span = (days[-1] - days[0]).days if days else 0
    period = "day" if span <= 62 else "week" if span <= 730 else "month"
    counts: dict[dt.date, dict[str, int]] = {}
    undated = 0
    for day, quad, n in rows:
        if not day:
            undated += n
            continue
        c = counts.setdefault(period_start(dt.date.fromisoformat(day), period),
                              {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "events": 0})
        c["events"] += n
        if quad in (1, 2, 3, 4):
            c[f"q{quad}"] += n
    points = []
    if days:
        p, end = period_start(days[0], period), period_start(days[-1], period)
        while p <= end:
            nxt = next_period(p, period)
            points.append({"start": p.isoformat(), "end": (nxt - dt.timedelta(days=1)).isoformat(),
                           "label": period_label(p, period),
                           **counts.get(p, {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "events": 0})})
            p = nxt
    return {"period": period, "total_events": sum(n for _, _, n in rows), "undated": undated, "points": points}


def actor_view(store, settings: Settings, actor_id: str) -> dict[str, Any]:
    """The actor: record, registry entry, display aliases, latest quotes and events and a
    timeline of all its events."""
    rec = store.repo.actor_record(actor_id)
    if rec is None:
        raise views.NotFound(f"no actor {actor_id!r}", actor=actor_id)
    known = store.registry_entry(actor_id)  # the actor registry: spelling variants, dated roles
    if known:
        rec["aliases"] = sorted(set(rec["aliases"]) | set(known["aliases"]))
        rec["registry"] = {k: known[k] for k in ("name", "aliases", "roles", "source")}
    rec["aliases"] = display_aliases(rec["aliases"], rec["name"])
    return {"actor": rec, "quotes": views.quotes_view(store, settings, speaker=actor_id, limit=20)["items"],
            "events": views.events_view(store, settings, actor=actor_id, limit=20)["items"],
            "timeline": actor_timeline(store, actor_id)}


CHART_COLUMNS = {
    "quads": ("day", "q1", "q2", "q3", "q4", "events"),
    "rising": ("source", "target", "source_name", "target_name", "conflict", "rise", "weeks"),
    "dyad": ("start", "label", "events", "q1", "q2", "q3", "q4", "goldstein_sum", "conflict"),
    "actor-timeline": ("start", "label", "q1", "q2", "q3", "q4", "events"),
    "map-countries": ("iso3", "name", "events", "conflict", "goldstein"),
    "map-places": ("name", "country", "lat", "lon", "events", "conflict"),
    "network": ("source", "target", "weight", "conflict", "cooperation", "goldstein_sum"),
}


def chart_view(store, settings: Settings, chart: str, params: dict[str, Any]) -> dict[str, Any]:
    """The data of one chart (``{"chart", "columns", "rows"}``) from the same view as its page:
    its JSON twin, and the rows of its CSV download."""
    if chart not in CHART_COLUMNS:
        raise views.NotFound(f"no chart {chart!r}; one of {', '.join(CHART_COLUMNS)}", chart=chart)
    raw = str(params.get("raw", "")).lower() == "true"
    if chart == "quads":
        rows = _quads(store, _days(params.get("days")), raw=raw)[3]
    elif chart == "rising":
        d = home_view(store, settings, days=params.get("days"), raw=raw)
        rows = [
            {**r, "source_name": d["names"].get(r["source"], r["source"]),
             "target_name": d["names"].get(r["target"], r["target"]),
             "weeks": " ".join(f"{s}:{v}" for s, v in zip(r["starts"], r["spark"]))} for r in d["rising"]]
    elif chart == "dyad":
        if not params.get("source") or not params.get("target"):
            raise views.BadRequest("the dyad chart needs source and target", parameter="source")
        d = views.dyad_view(store, settings, params["source"], params["target"],
                            period=params.get("period") or "week",
                            directed=str(params.get("directed", "true")).lower() != "false",
                            since=params.get("since"), until=params.get("until"), raw=raw, evidence=0)
        rows = d["series"]["points"]
    elif chart == "actor-timeline":
        if not params.get("actor"):
            raise views.BadRequest("the actor timeline needs actor", parameter="actor")
        if store.repo.actor_record(params["actor"]) is None:
            raise views.NotFound(f"no actor {params['actor']!r}", actor=params["actor"])
        rows = actor_timeline(store, params["actor"], raw=raw)["points"]
    elif chart == "network":
        rows = views.network_view(store, settings, keys=params.get("keys") or "country", since=params.get("since"),
                                  until=params.get("until"), type=params.get("type"),
                                  quad_class=params.get("quad_class"), raw=raw)["edges"]
    else:
        d = map_view(store, settings, since=params.get("since"), until=params.get("until"),
                     days=params.get("days"), raw=raw)
        rows = d["countries"] if chart == "map-countries" else d["places"]
    cols = CHART_COLUMNS[chart]
    return {"chart": chart, "columns": list(cols), "rows": [{c: r.get(c) for c in cols} for r in rows]}


def chart_csv(data: dict[str, Any]) -> str:
    import csv
    import io

    from ..analysis.spreadsheet import safe_cell

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(data["columns"])
    for r in data["rows"]:
        w.writerow(["" if r[c] is None else safe_cell(r[c]) for c in data["columns"]])
    return buf.getvalue()
