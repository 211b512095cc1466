"""Store queries behind the situation pages (home, stories, map): small aggregates over a
date window, each a function of the repository (its ``_all``/``_one`` and dialect), in
portable SQL (SQLite and PostgreSQL). The pure parts live in
:mod:`communique.analysis.situation`."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .conditions import date_range, like_pattern, placeholders
from .reviews import variant_filter


def latest_day(repo: Any) -> dt.date | None:
    """The newest event date in the store (the situation window ends there)."""
    row = repo._one("SELECT MAX(event_date) FROM events", ())
    return dt.date.fromisoformat(row[0][:10]) if row and row[0] else None


def first_day(repo: Any) -> dt.date | None:
    """The oldest event date in the store (no baseline reaches before it)."""
    row = repo._one("SELECT MIN(event_date) FROM events WHERE event_date IS NOT NULL", ())
    return dt.date.fromisoformat(row[0][:10]) if row and row[0] else None


def quad_days(repo: Any, since: dt.date, until: dt.date, *, raw: bool = False) -> list[tuple[str, int, int]]:
    """``(day ISO, quad class, events)`` per day and quad class between the bounds."""
    dates, params = date_range("e.event_date", since, until)
    sql = ("SELECT e.event_date, e.quad_class, COUNT(*) FROM events e "
           f"WHERE {' AND '.join([variant_filter('e', raw), 'e.quad_class IS NOT NULL', *dates])} "
           "GROUP BY e.event_date, e.quad_class")
    return [(str(r[0])[:10], int(r[1]), int(r[2])) for r in repo._all(sql, params)]


def top_speakers(repo: Any, since: dt.date, until: dt.date, *, limit: int = 10,
                 raw: bool = False) -> list[dict[str, Any]]:
    """The speakers quoted most between the bounds: ``{"id", "name", "quotes", "articles"}``."""
    dates, params = date_range("qt.quote_date", since, until)
    where = [variant_filter("qt", raw), "qt.speaker_actor IS NOT NULL", *dates]
    sql = ("SELECT qt.speaker_actor, COUNT(*) AS n, COUNT(DISTINCT qt.article_id) FROM quotes qt "
           f"WHERE {' AND '.join(where)} GROUP BY qt.speaker_actor ORDER BY n DESC, qt.speaker_actor LIMIT ?")
    rows = repo._all(sql, params + [int(limit)])
    names = repo._actor_names([r[0] for r in rows]) if rows else {}
    return [{"id": r[0], "name": names.get(r[0], r[0]), "quotes": int(r[1]), "articles": int(r[2])}
            for r in rows]


def latest_stories(repo: Any, since: dt.date, until: dt.date, *, limit: int = 8) -> list[dict[str, Any]]:
    """The newest story clusters published between the bounds, those carried by more outlets
    first on the same day: ``{"story", "articles", "outlets", "first", "last", "title"}``.
    Looks at the last week of the bounds first, the whole range only when that has too few."""
    last_week = max(since, until - dt.timedelta(days=6))
    found = _stories_between(repo, last_week, until, limit)
    return found if len(found) >= limit or last_week == since else _stories_between(repo, since, until, limit)


def _stories_between(repo: Any, since: dt.date, until: dt.date, limit: int) -> list[dict[str, Any]]:
    dates, params = date_range("a.published", since, until)
    sql = ("SELECT COALESCE(a.story_id, a.id) AS story, COUNT(*), COUNT(DISTINCT COALESCE(a.source_key, a.id)), "
           "MIN(a.published), MAX(a.published), MIN(a.id) FROM articles a "
           f"WHERE {' AND '.join(dates) or '1 = 1'} GROUP BY COALESCE(a.story_id, a.id) "
           "ORDER BY MAX(a.published) DESC, COUNT(DISTINCT COALESCE(a.source_key, a.id)) DESC, 1 LIMIT ?")
    return [{"story": r[0], "articles": int(r[1]), "outlets": int(r[2]), "first": r[3], "last": r[4],
             "first_article": r[5]} for r in repo._all(sql, params + [int(limit)])]


def story_articles(repo: Any, story: str) -> list[dict[str, Any]]:
    """The articles of one story cluster, oldest first."""
    rows = repo._all("SELECT a.id, a.title, a.url, a.source, a.published, COALESCE(a.source_key, a.id) "
                     "FROM articles a WHERE a.story_id = ? OR (a.story_id IS NULL AND a.id = ?) "
                     "ORDER BY COALESCE(a.published, ''), a.id LIMIT 200", (story, story))
    return [{"id": r[0], "title": r[1], "url": r[2], "source": r[3], "published": r[4], "outlet": r[5]}
            for r in rows]


def article_records(repo: Any, table: str, article_ids: list[str], *,
                    raw: bool = False) -> dict[str, list[tuple[int, dict]]]:
    """``{article id: [(seq, record dict)]}`` of ``table`` (events or quotes)."""
    if table not in ("events", "quotes") or not article_ids:
        return {}
    sql = (f"SELECT t.article_id, t.seq, t.data FROM {table} t WHERE t.article_id IN "
           f"({placeholders(article_ids)}) AND {variant_filter('t', raw)} ORDER BY t.article_id, t.seq")
    out: dict[str, list[tuple[int, dict]]] = {}
    for aid, seq, data in repo._all(sql, list(article_ids)):
        out.setdefault(aid, []).append((int(seq), json.loads(data)))
    return out


def place_counts(repo: Any, since: dt.date | None, until: dt.date | None, *, limit: int = 400,
                 raw: bool = False) -> list[dict[str, Any]]:
    """Geocoded places with events between the bounds, busiest first: ``{"name", "country",
    "events", "conflict", "goldstein_sum", "goldstein_n", "lat", "lon"}`` (coordinates from one
    of the place's events)."""
    dates, params = date_range("e.event_date", since, until)
    where = ["e.location_name IS NOT NULL", variant_filter("e", raw), *dates]
    sql = ("SELECT e.location_name, e.location_country, COUNT(*) AS n, "
           "SUM(CASE WHEN e.quad_class >= 3 THEN 1 ELSE 0 END), SUM(e.goldstein), COUNT(e.goldstein), "
           f"MIN(e.article_id) FROM events e WHERE {' AND '.join(where)} "
           "GROUP BY e.location_name, e.location_country ORDER BY n DESC, e.location_name LIMIT ?")
    out = []
    for name, country, n, confl, gsum, gn, aid in repo._all(sql, params + [int(limit)]):
        row = repo._one("SELECT data FROM events WHERE article_id = ? AND location_name = ?", (aid, name))
        loc = (json.loads(row[0]).get("location") or {}) if row else {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        out.append({"name": name, "country": country, "events": int(n), "conflict": int(confl or 0),
                    "goldstein_sum": float(gsum or 0.0), "goldstein_n": int(gn), "lat": float(loc["lat"]),
                    "lon": float(loc["lon"])})
    return out


def place_events(repo: Any, place: str, since: dt.date | None, until: dt.date | None, *,
                 limit: int = 50, raw: bool = False) -> tuple[int, list[tuple[str, int, dict]]]:
    """The number of events at ``place`` between the bounds and the newest ``limit`` of them."""
    dates, params = date_range("e.event_date", since, until)
    where = " AND ".join(["e.location_name = ?", variant_filter("e", raw), *dates])
    total = repo._one(f"SELECT COUNT(*) FROM events e WHERE {where}", [place] + params)[0]
    rows = repo._all(f"SELECT e.article_id, e.seq, e.data FROM events e WHERE {where} "
                     "ORDER BY COALESCE(e.event_date, '') DESC, e.article_id DESC, e.seq DESC LIMIT ?",
                     [place] + params + [int(limit)])
    return int(total), [(r[0], int(r[1]), json.loads(r[2])) for r in rows]


def actor_version(repo: Any, actor_id: str) -> tuple[int, int]:
    """A cheap token that changes when an actor's events do: its party rows (an index count)
    and the reviews in the store (a review adds or replaces records)."""
    parties = repo._one("SELECT COUNT(*) FROM event_parties WHERE actor_id = ?", (actor_id,))
    reviews = repo._one("SELECT COUNT(*) FROM reviews", ())
    return int(parties[0] if parties else 0), int(reviews[0] if reviews else 0)


def store_version(repo: Any) -> tuple[int, ...]:
    """A cheap token that changes on nearly every write to the store: the articles (count and
    highest rowid on SQLite), the reviews and the dyad incident totals (adds, deletions,
    re-analyses, and story merges that join incidents). A story merge joining no incidents
    leaves it unchanged: callers caching on it also expire entries by age."""
    arts = "COUNT(*), MAX(rowid)" if repo.dialect.name == "sqlite" else "COUNT(*), 0"
    row = repo._one(f"SELECT {arts}, (SELECT COUNT(*) FROM reviews), "
                    "(SELECT COALESCE(SUM(n), 0) FROM dyad_totals) FROM articles", ())
    return tuple(int(v or 0) for v in row) if row else ()


def actor_days(repo: Any, actor_id: str, *, raw: bool = False) -> list[tuple[str, int, int]]:
    """Every event of an actor (as actor or recipient, dated or not) per day and quad class:
    ``(day ISO or '' undated, quad class or 0, events)``, in one pass over its events."""
    sql = ("SELECT COALESCE(x.event_date, ''), COALESCE(x.quad_class, 0), COUNT(*) FROM "
           "(SELECT DISTINCT e.article_id, e.seq, e.event_date, e.quad_class FROM event_parties p "
           "JOIN events e ON e.article_id = p.article_id AND e.seq = p.seq "
           f"WHERE p.actor_id = ? AND {variant_filter('e', raw)}) x GROUP BY 1, 2 ORDER BY 1")
    return [(str(r[0])[:10], int(r[1]), int(r[2])) for r in repo._all(sql, (actor_id,))]


def _actor_filters(repo: Any, name: str | None, kind: str | None,
                   country: str | None) -> tuple[list[str], list[Any]]:
    """The conditions of the actors list (as ``Repository.actors``)."""
    where, params = ["1 = 1"], []
    if name:
        where.append(f"(act.id = ? OR act.name {repo.dialect.ilike} ? ESCAPE '\\')")
        params += [name, like_pattern(name)]
    if kind:
        where.append("act.kind = ?")
        params.append(kind)
    if country:
        where.append("UPPER(act.country) = ?")
        params.append(country.upper())
    return where, params


def count_actors(repo: Any, *, name: str | None = None, kind: str | None = None,
                 country: str | None = None) -> int:
    """How many actors the actors list would show without a limit (same filters)."""
    where, params = _actor_filters(repo, name, kind, country)
    row = repo._one(f"SELECT COUNT(*) FROM actors act WHERE {' AND '.join(where)}", params)
    return int(row[0]) if row else 0


def actors_page(repo: Any, *, name: str | None = None, kind: str | None = None,
                country: str | None = None, offset: int = 0, limit: int = 50) -> list[dict[str, Any]]:
    """One page of the actors list, in the order of ``Repository.actors``."""
    where, params = _actor_filters(repo, name, kind, country)
    sql = ("SELECT act.id, act.name, act.kind, act.country, act.sector, act.n_articles, act.n_mentions "
           f"FROM actors act WHERE {' AND '.join(where)} "
           "ORDER BY act.n_mentions DESC, act.n_articles DESC, act.name, act.id LIMIT ? OFFSET ?")
    return [{"id": r[0], "name": r[1], "kind": r[2], "country": r[3], "sector": r[4],
             "articles": int(r[5]), "mentions": int(r[6])}
            for r in repo._all(sql, params + [int(limit), int(offset)])]
