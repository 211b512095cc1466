"""View functions: one per page, each returning the JSON-able dict that is both the
page's JSON twin (``/api/...``) and the context its template renders. Thin: the work is
in the store and in :mod:`communique.analysis`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..analysis import build_network
from ..analysis.alerts import is_country_key
from ..analysis.facts import QUAD_NAMES
from ..analysis.network import Edge, Network
from ..analysis.situation import country_name
from ..analysis.stored import stored_alerts, stored_dyad_series, with_evidence
from ..config import Settings
from ..models import Quote
from .params import (
    MAX_EVIDENCE,
    BadRequest,
    NotFound,
    parse_cursor,
    parse_dates,
    parse_evidence,
    parse_keys,
    parse_limit,
    parse_period,
    parse_quad_class,
    parse_record,
    parse_texts,
)

SERIES_EVIDENCE = 20  # event and quote ids per point of an actor's timeline
SMALL_SERIES = 2_000  # a dyad series with at most this many incidents lists every id by default


def _cursor_call(fn, *, cursor: str | None, **kw):
    """A store page function called with a checked cursor (a cursor it cannot read: 422)
    and filter texts of a bounded length."""
    parse_texts(kw)
    try:
        return fn(cursor=parse_cursor(cursor), **kw)
    except ValueError as exc:
        raise BadRequest(str(exc), parameter="cursor") from exc


def actor_names(store, keys: set[str]) -> dict[str, str]:
    names = {k: country_name(k) for k in keys if is_country_key(k)}
    ids = [k for k in keys if not is_country_key(k)]
    if ids:
        names.update(store.repo._actor_names(ids))
    return names


# --- lists ---------------------------------------------------------------------------

LIST_COUNT_CAP = 500  # a list counts its matches up to this many ("500+")


def _counted(fn, rows: list, nxt: str | None, cursor: str | None, **kw: Any) -> dict[str, Any]:
    """``total`` matches of a list's filters (exact when the first page is the last, else
    counted up to :data:`LIST_COUNT_CAP`, ``total_capped`` saying there are more); past the
    first page, or for a full-text search with more pages, ``None``."""
    if nxt is None and not cursor:
        return {"total": len(rows), "total_capped": False}
    if cursor or kw.get("q"):  # past the first page, or a full-text search: too dear to count again
        return {"total": None, "total_capped": False}
    more, after = fn(cursor=None, limit=LIST_COUNT_CAP, **kw)
    return {"total": len(more), "total_capped": after is not None}

def articles_view(store, settings: Settings, *, q=None, since=None, until=None, cursor=None,
                  limit=None) -> dict[str, Any]:
    s, u = parse_dates(since, until)
    kw = {"q": q, "since": s, "until": u}
    rows, nxt = _cursor_call(store.repo.articles_page, cursor=cursor, limit=parse_limit(limit, settings), **kw)
    return {"filters": {"q": q, "since": since, "until": until}, "items": rows, "next_cursor": nxt,
            **_counted(store.repo.articles_page, rows, nxt, cursor, **kw)}


def quotes_view(store, settings: Settings, *, q=None, speaker=None, since=None, until=None,
                cursor=None, limit=None, raw: bool = False) -> dict[str, Any]:
    s, u = parse_dates(since, until)
    kw = {"q": q, "speaker": speaker, "since": s, "until": u, "raw": raw}
    rows, nxt = _cursor_call(store.repo.quotes_page, cursor=cursor, limit=parse_limit(limit, settings), **kw)
    items = []
    for aid, seq, d, speaker_name, title in rows:
        quote = Quote.from_dict(d)
        items.append({"id": f"{aid}:q{seq}", "article_id": aid, "index": seq, "title": title,
                      "speaker_name": speaker_name, "text": " … ".join(c.text for c in quote.content),
                      "evidence": f"/articles/{aid}#ev-q{seq}", **d})
    return {"filters": {"q": q, "speaker": speaker, "since": since, "until": until},
            "raw": raw, "items": items, "next_cursor": nxt,
            **_counted(store.repo.quotes_page, rows, nxt, cursor, **kw)}


def events_view(store, settings: Settings, *, actor=None, country=None, type=None, quad_class=None,
                since=None, until=None, modality=None, q=None, cursor=None, limit=None,
                raw: bool = False) -> dict[str, Any]:
    s, u = parse_dates(since, until)
    kw = {"actor": actor, "country": country, "type": type, "quad_class": parse_quad_class(quad_class),
          "since": s, "until": u, "modality": modality or None, "q": q, "raw": raw}
    rows, nxt = _cursor_call(store.repo.events_page, cursor=cursor, limit=parse_limit(limit, settings), **kw)
    keys = {k for _, _, d, _ in rows for side in ("actor", "recipient") if d.get(side)
            for k in d[side]["actors"]}
    names = actor_names(store, keys)
    items = []
    for aid, seq, d, title in rows:
        items.append({"id": f"{aid}:e{seq}", "article_id": aid, "index": seq, "title": title,
                      "actor_names": [names.get(i, i) for i in (d.get("actor") or {}).get("actors", [])]
                      or ([d["actor"]["text"]] if d.get("actor") else []),
                      "recipient_names": [names.get(i, i) for i in (d.get("recipient") or {}).get("actors", [])]
                      or ([d["recipient"]["text"]] if d.get("recipient") else []),
                      "evidence": f"/articles/{aid}#ev-e{seq}", **d})
    return {"filters": {"actor": actor, "country": country, "type": type, "quad_class": quad_class,
                        "since": since, "until": until, "modality": modality, "q": q},
            "raw": raw, "quad_names": QUAD_NAMES, "items": items, "next_cursor": nxt,
            **_counted(store.repo.events_page, rows, nxt, cursor, **kw)}


def actors_view(store, settings: Settings, *, name=None, kind=None, country=None, limit=None) -> dict[str, Any]:
    rows = store.actors(name=name or None, kind=kind or None, country=country or None,
                        limit=parse_limit(limit, settings))
    return {"filters": {"name": name, "kind": kind, "country": country},
            "items": [{k: v for k, v in r.to_dict().items() if k != "article_ids"} for r in rows]}


# --- single records --------------------------------------------------------------------

def article_view(store, settings: Settings, article_id: str,  # noqa: ARG001 - one signature per view
                 raw: bool = False) -> dict[str, Any]:
    """The article with its records: the reviewed version (``raw``: the machine output);
    each record has its public id (``<article>:q<seq>``), ``review`` status and reviews."""
    from .highlight import highlight

    try:
        analysis = store.get(article_id, raw=raw)
    except KeyError:
        raise NotFound(f"no article {article_id!r}", article=article_id) from None
    qseqs = store.repo.record_seqs(article_id, "quote", raw)
    eseqs = store.repo.record_seqs(article_id, "event", raw)
    d = analysis.to_dict()
    names = {a.id: a.name for a in analysis.actors}
    for q, (seq, status) in zip(d["quotes"], qseqs):
        q["id"] = f"{article_id}:q{seq}"
        q["anchor"] = f"ev-q{seq}"
        q["review"] = status
        q["speaker_name"] = names.get(q["speaker_actor"]) or (q["speaker"] or {}).get("text")
    for e, (seq, status) in zip(d["events"], eseqs):
        e["id"] = f"{article_id}:e{seq}"
        e["anchor"] = f"ev-e{seq}"
        e["review"] = status
        for side in ("actor", "recipient"):
            if e[side]:
                e[side]["names"] = [names.get(x, x) for x in e[side]["actors"]] or [e[side]["text"]]
    reviews = [r.to_dict() for r in store.reviews(article_id=article_id)]
    return {"article": d, "raw": raw, "reviews": reviews,
            "html": highlight(analysis, quote_ids=[s for s, _ in qseqs], event_ids=[s for s, _ in eseqs])}


def record_view(store, settings: Settings, record_id: str) -> dict[str, Any]:  # noqa: ARG001 - one signature per view
    aid, kind, seq = parse_record(record_id)
    data = store.repo.record_data("events" if kind == "e" else "quotes", aid, seq)
    if data is None:
        raise NotFound(f"no record {record_id!r}")
    return {"id": record_id, "article_id": aid, "evidence": f"/articles/{aid}#ev-{kind}{seq}", **data}


def actor_view(store, settings: Settings, actor_id: str) -> dict[str, Any]:
    rec = store.repo.actor_record(actor_id)
    if rec is None:
        raise NotFound(f"no actor {actor_id!r}", actor=actor_id)
    known = store.registry_entry(actor_id)  # the actor registry: spelling variants, dated roles
    if known:
        rec["aliases"] = sorted(set(rec["aliases"]) | set(known["aliases"]))
        rec["registry"] = {k: known[k] for k in ("name", "aliases", "roles", "source")}
    quotes = quotes_view(store, settings, speaker=actor_id, limit=20)["items"]
    events = events_view(store, settings, actor=actor_id, limit=20)["items"]
    series = stored_dyad_series(store, actor_id, None, directed=False, period="month",
                                evidence=SERIES_EVIDENCE, max_points=settings.max_series_points)
    return {"actor": rec, "quotes": quotes, "events": events, "timeline": series.to_dict()}


# --- analytics -------------------------------------------------------------------------

def dyad_view(store, settings: Settings, source: str, target: str, *, period="week",
              directed: bool = True, since=None, until=None, raw: bool = False,
              evidence: int | None = None) -> dict[str, Any]:
    """The dyad series (aggregated in SQL), its alerts (with all their evidence) and the
    quotes behind them. Each point lists at most ``evidence`` event and quote ids; by
    default all of them when the series has at most :data:`SMALL_SERIES` incidents, else
    only the alerting points do (ask ``evidence=N`` for N per point).

    At most ``max_series_points`` points: a longer series is coarsened (day -> week ->
    month) and then cut to its latest points; ``series.notice`` says so and
    ``series.earlier_until`` is the ``until`` that asks for the periods left out."""
    period, evidence = parse_period(period), parse_evidence(evidence)
    s, u = parse_dates(since, until)
    series, alerts = stored_alerts(store, source, target, settings.replace(alert_period=period),
                                   period=period, directed=directed, start=s, end=u, raw=raw,
                                   max_points=settings.max_series_points)
    if evidence is None:  # every id of a small series; a big one: the alerts' only
        evidence = None if series.total_events <= SMALL_SERIES else 0
    series = with_evidence(store, series, evidence, raw=raw, since=s, until=u)
    names = actor_names(store, {source, target})
    quote_ids = [qid for a in alerts for qid in a.quote_ids][:50]
    quotes = []
    for aid, seq, q in store.repo.quote_records([(i.rsplit(":q", 1)[0], int(i.rsplit(":q", 1)[1]))
                                                 for i in quote_ids]):
        quotes.append({"id": f"{aid}:q{seq}", "text": " … ".join(c.text for c in q.content),
                       "speaker": q.speaker.text if q.speaker else None,
                       "evidence": f"/articles/{aid}#ev-q{seq}"})
    d = series.to_dict()
    d["names"] = names
    d["evidence_limit"] = evidence  # ids per point (None: all); an alert's point lists all of its
    d["max_points"] = settings.max_series_points
    d["notice"] = series_notice(series, settings.max_series_points)
    return {"raw": raw, "series": d, "alerts": [a.to_dict() for a in alerts], "alert_quotes": quotes,
            "method": {"name": settings.alert_method, "window": settings.alert_window,
                       "threshold": settings.alert_threshold,
                       "min_conflict": settings.alert_min_conflict}}


def series_notice(series, max_points: int) -> str | None:
    """What was done to keep a series within ``max_points`` points (None: nothing)."""
    said = []
    if series.coarsened_from:
        said.append(f"shown by {series.period} instead of {series.coarsened_from}")
    if series.earlier_until:
        said.append(f"only the latest {max_points} periods: ask until={series.earlier_until.isoformat()} "
                    "for the earlier ones")
    if not said:
        return None
    return f"over {max_points} points (setting max_series_points): " + "; ".join(said)


def alerts_view(store, settings: Settings, *, keys="country", since=None, until=None,
                dyads: int = 20, raw: bool = False, start=None) -> dict[str, Any]:
    """The alerts of the ``dyads`` dyads with the most conflict (between ``since`` and
    ``until``, else in all, from the precomputed totals), their series read from ``start``."""
    keys = parse_keys(keys)
    s, u = parse_dates(since, until)
    out = []
    for a, b, _n in store.repo.top_dyads(keys=keys, since=s, until=u, limit=dyads, raw=raw):
        out.extend(stored_alerts(store, a, b, settings, start=start, since=s, until=u, raw=raw,
                                 max_points=settings.max_series_points)[1])
    out.sort(key=lambda al: (al.start, al.score), reverse=True)
    names = actor_names(store, {x for al in out for x in (al.source, al.target) if x})
    return {"raw": raw, "method": settings.alert_method, "period": settings.alert_period,
            "names": names, "items": [a.to_dict() for a in out]}


def network_view(store, settings: Settings, *,  # noqa: ARG001 - one signature per view
                 keys="country", since=None, until=None, type=None,
                 quad_class=None, max_edges: int = 150, raw: bool = False) -> dict[str, Any]:
    keys, quad = parse_keys(keys), parse_quad_class(quad_class)
    s, u = parse_dates(since, until)
    rows = store.repo.network_rows(keys=keys, since=s, until=u, types=[type.upper()] if type else None,
                                   quad_classes=[quad] if quad else None, raw=raw)
    edges: dict[tuple[str, str], Edge] = {}
    for src, tgt, typ, quad, n, gsum in rows:
        e = edges.setdefault((src, tgt), Edge(src, tgt))
        e.weight += int(n)
        e.conflict += int(n) if int(quad) >= 3 else 0
        e.cooperation += int(n) if int(quad) <= 2 else 0
        e.goldstein_sum += float(gsum or 0)
        e.types[typ] = e.types.get(typ, 0) + int(n)
    ordered = sorted(edges.values(), key=lambda e: (-e.weight, e.source, e.target))[:max_edges]
    degree: dict[str, int] = {}
    for e in ordered:
        for k in (e.source, e.target):
            degree[k] = degree.get(k, 0) + e.weight
    names = actor_names(store, set(degree))
    nodes = tuple({"id": k, "name": names.get(k, k), "weight": w}
                  for k, w in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0])))
    net = Network(nodes, tuple(ordered), s, u, (type.upper(),) if type else None)
    d = net.to_dict()
    d["filters"] = {"keys": keys, "since": since, "until": until, "type": type, "quad_class": quad_class}
    return d


def export_view(checkout, *, table: str = "plover", format: str = "csv", actor=None, type=None,
                since=None, until=None, raw: bool = False) -> tuple[Iterator[bytes], str, str]:
    """The export table as chunks of bytes, its media type and file name. The parameters
    are checked now; the store (``checkout()``: a context manager lending one) is read as
    the chunks are taken, so the table is never whole in memory."""
    from ..analysis.exports import FORMATS, MEDIA_TYPES, TABLES, stream
    from ..analysis.frames import iter_event_records

    if table not in TABLES or format not in FORMATS:
        raise BadRequest(f"table must be {' or '.join(TABLES)} and format one of {', '.join(FORMATS)}",
                         parameter="table" if table not in TABLES else "format")
    s, u = parse_dates(since, until)

    def chunks() -> Iterator[bytes]:
        with checkout() as store:
            yield from stream(iter_event_records(store, actor=actor or None, type=type or None,
                                                 since=s, until=u, raw=raw), table, format)

    table_chunks = chunks()
    first = next(table_chunks, b"")  # the query runs now: a filter it refuses is a 4xx, not a cut stream

    def sent() -> Iterator[bytes]:
        yield first
        yield from table_chunks
    return sent(), MEDIA_TYPES[format], f"communique-{table}.{format}"


__all__ = ["NotFound", "BadRequest", "build_network", "MAX_EVIDENCE"]
