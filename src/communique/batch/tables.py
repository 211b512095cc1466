"""Analyses as table rows (Parquet) and back.

One partition of a batch is one Parquet file per table: ``articles``, ``quotes``,
``events``, ``dyads`` (one row per member pair of an event's sides: "Armenia and
Azerbaijan" met Turkey gives ARM-TUR and AZE-TUR), ``actors``, ``places`` and ``errors``.
Every row of a record table keeps the record's full JSON (``data``) next to flat columns for querying, so
:func:`analyses_from_tables` rebuilds each :class:`~communique.models.Analysis` exactly
(``Analysis.from_dict`` of the same dictionaries). Story counts are per story in
``stories.parquet`` (join on ``story_id``; ``canonical_story_id`` is the story a story id
was merged into when a later article joined two clusters).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from ..ingest.dedup import canonical_url
from ..models import Analysis, Party

TABLES = ("articles", "quotes", "events", "dyads", "actors", "places", "errors")


def _schemas():
    import pyarrow as pa

    s, i, f = pa.string(), pa.int64(), pa.float64()
    return {
        "articles": pa.schema([("id", s), ("story_id", s), ("url", s), ("canonical_url", s),
                               ("source", s), ("title", s), ("published", s), ("language", s),
                               ("author", s), ("n_actors", i), ("n_quotes", i), ("n_events", i),
                               ("n_places", i), ("n_dates", i), ("text", s), ("dates", s),
                               ("data", s)]),
        "quotes": pa.schema([("article_id", s), ("story_id", s), ("seq", i), ("kind", s),
                             ("speaker", s), ("speaker_actor", s), ("cue", s), ("content", s),
                             ("start", i), ("end", i), ("date", s), ("confidence", f),
                             ("rule", s), ("data", s)]),
        "events": pa.schema([("article_id", s), ("story_id", s), ("seq", i), ("type", s),
                             ("mode", s), ("cameo", s), ("quad_class", i), ("goldstein", f),
                             ("intensity", f), ("actor", s), ("actor_ids", s),
                             ("actor_country", s), ("recipient", s), ("recipient_ids", s),
                             ("recipient_country", s), ("trigger", s), ("trigger_start", i),
                             ("trigger_end", i), ("date", s), ("date_precision", s),
                             ("location", s), ("location_country", s), ("lat", f), ("lon", f),
                             ("modality", s), ("quote", i), ("confidence", f), ("rule", s),
                             ("data", s)]),
        "dyads": pa.schema([("article_id", s), ("story_id", s), ("seq", i), ("type", s),
                            ("quad_class", i), ("modality", s), ("date", s), ("actor", s),
                            ("actor_id", s), ("actor_country", s), ("actor_sector", s),
                            ("recipient", s), ("recipient_id", s), ("recipient_country", s),
                            ("recipient_sector", s)]),
        "actors": pa.schema([("article_id", s), ("seq", i), ("id", s), ("name", s), ("kind", s),
                             ("country", s), ("sector", s), ("roles", s), ("n_mentions", i),
                             ("data", s)]),
        "places": pa.schema([("article_id", s), ("seq", i), ("start", i), ("end", i), ("text", s),
                             ("name", s), ("country", s), ("admin1", s), ("lat", f), ("lon", f),
                             ("geonameid", i), ("data", s)]),
        "errors": pa.schema([("article_id", s), ("url", s), ("source", s), ("code", s),
                             ("type", s), ("message", s)]),
        "stories": pa.schema([("story_id", s), ("canonical_story_id", s), ("story_articles", i),
                              ("story_sources", i)]),
    }


SCHEMAS: dict[str, Any] = {}


def schema(table: str):
    if not SCHEMAS:
        SCHEMAS.update(_schemas())
    return SCHEMAS[table]


def _dumps(d: Any) -> str:
    return json.dumps(d, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _party(p: Party | None) -> tuple[str | None, str | None, str | None]:
    if p is None:
        return None, None, None
    return p.text, _dumps(list(p.actors)), p.country


def rows_of(analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """The rows of one analysis in every record table."""
    art = analysis.article
    sid = art.story_id or art.id
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    art_dict = art.to_dict()
    out["articles"].append({
        "id": art.id, "story_id": sid, "url": art.url, "canonical_url": canonical_url(art.url),
        "source": art.source, "title": art.title, "published": _iso(art.published),
        "language": art.language, "author": art.author, "n_actors": len(analysis.actors),
        "n_quotes": len(analysis.quotes), "n_events": len(analysis.events),
        "n_places": len(analysis.places), "n_dates": len(analysis.dates), "text": art.text,
        "dates": _dumps([d.to_dict() for d in analysis.dates]),
        "data": _dumps({k: v for k, v in art_dict.items() if k != "text"}),
    })
    for seq, q in enumerate(analysis.quotes):
        out["quotes"].append({
            "article_id": art.id, "story_id": sid, "seq": seq, "kind": q.kind,
            "speaker": q.speaker.text if q.speaker else None, "speaker_actor": q.speaker_actor,
            "cue": q.cue.text if q.cue else None, "content": " … ".join(c.text for c in q.content),
            "start": q.start, "end": q.end, "date": _iso(q.date), "confidence": q.confidence,
            "rule": q.rule, "data": _dumps(q.to_dict()),
        })
    for seq, e in enumerate(analysis.events):
        a_text, a_ids, a_country = _party(e.actor)
        r_text, r_ids, r_country = _party(e.recipient)
        loc = e.location
        out["events"].append({
            "article_id": art.id, "story_id": sid, "seq": seq, "type": e.type, "mode": e.mode,
            "cameo": e.cameo, "quad_class": e.quad_class, "goldstein": e.goldstein,
            "intensity": e.intensity, "actor": a_text, "actor_ids": a_ids,
            "actor_country": a_country, "recipient": r_text, "recipient_ids": r_ids,
            "recipient_country": r_country, "trigger": e.trigger.text,
            "trigger_start": e.trigger.start, "trigger_end": e.trigger.end, "date": _iso(e.date),
            "date_precision": e.date_precision, "location": loc.name if loc else None,
            "location_country": loc.country if loc else None, "lat": loc.lat if loc else None,
            "lon": loc.lon if loc else None, "modality": e.modality, "quote": e.quote,
            "confidence": e.confidence, "rule": e.rule, "data": _dumps(e.to_dict()),
        })
        if e.actor is not None and e.recipient is not None:
            for a_side in e.actor.sides():
                for r_side in e.recipient.sides():
                    out["dyads"].append({
                        "article_id": art.id, "story_id": sid, "seq": seq, "type": e.type,
                        "quad_class": e.quad_class, "modality": e.modality,
                        "date": _iso(e.date or art.published), "actor": a_side.text,
                        "actor_id": ";".join(a_side.actors) or None, "actor_country": a_side.country,
                        "actor_sector": a_side.sector, "recipient": r_side.text,
                        "recipient_id": ";".join(r_side.actors) or None,
                        "recipient_country": r_side.country, "recipient_sector": r_side.sector,
                    })
    for seq, a in enumerate(analysis.actors):
        out["actors"].append({
            "article_id": art.id, "seq": seq, "id": a.id, "name": a.name, "kind": a.kind,
            "country": a.country, "sector": a.sector, "roles": _dumps(list(a.roles)),
            "n_mentions": len(a.mentions), "data": _dumps(a.to_dict()),
        })
    for seq, p in enumerate(analysis.places):
        out["places"].append({
            "article_id": art.id, "seq": seq, "start": p.start, "end": p.end, "text": p.text,
            "name": p.name, "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
            "geonameid": p.geonameid, "data": _dumps(p.to_dict()),
        })
    return out


def to_arrow(table: str, rows: list[dict[str, Any]]):
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=schema(table))


def analyses_from_tables(tables: Mapping[str, Iterable[Mapping[str, Any]]]) -> list[Analysis]:
    """Rebuild analyses from rows of the record tables (one partition or more), in the
    order of the ``articles`` rows."""
    by_article: dict[str, dict[str, list[tuple[int, dict]]]] = defaultdict(lambda: defaultdict(list))
    for name in ("quotes", "events", "actors", "places"):
        for row in tables.get(name, ()):
            by_article[row["article_id"]][name].append((int(row["seq"]), json.loads(row["data"])))
    result = []
    for row in tables["articles"]:
        d = json.loads(row["data"])
        d["text"] = row["text"]
        parts = by_article.get(row["id"], {})
        for name in ("quotes", "events", "actors", "places"):
            d[name] = [rec for _seq, rec in sorted(parts.get(name, []), key=lambda t: t[0])]
        d["dates"] = json.loads(row["dates"])
        result.append(Analysis.from_dict(d))
    return result


__all__ = ["TABLES", "schema", "rows_of", "to_arrow", "analyses_from_tables"]
