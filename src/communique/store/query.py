"""The one list-query builder: what a filter means, the same in every list of the CLI
(``quotes``, ``events``, ``actors``, ``articles``), the JSON API and the pages.

A :class:`ListFilter` says what the user asked for; :func:`quote_conditions`,
:func:`event_conditions`, :func:`article_conditions` and :func:`actor_conditions` turn it
into the ``WHERE`` conditions (plain SQL with ``?`` parameters) the repository's list
queries run, on SQLite and on PostgreSQL alike. The filters:

``search``
    Full text. The search is cut into words (runs of letters and digits; punctuation and
    emoji are not words); a record matches when it has **every** word, matched as a whole
    word after English stemming (``talks`` finds ``talk``, ``Kyiv`` does not find
    ``Kyivstar``), case and accents as the index folds them: FTS5 with the ``porter
    unicode61`` tokenizer on SQLite, ``tsvector`` / ``plainto_tsquery('english')`` on
    PostgreSQL (where English stop words are not indexed: a search of only stop words
    matches nothing there). What is searched: a quote's words and its speaker's words, an
    event's sentence, an article's title and text. A search with no word at all (only
    punctuation or emoji) is refused (:class:`~communique.errors.InputError`: CLI exit
    status 2, API 422), never taken as "everything".
``actor``
    An actor id, or part of an actor's name (case-insensitive): a quote's speaker, either
    side of an event (by its resolved actors, or the words of the side as written).
    For actors: the actor itself (``--name``).
``type``
    A PLOVER event type (``COERCE``, any case), or a CAMEO code and every code under it
    (``163`` impose sanctions, ``16`` the whole reduce-relations root). Anything else is
    refused with the list of types.
``country``
    ISO 3166-1 alpha-3, any case: an event located in the country or with an actor of it;
    an actor of the country.
``since`` / ``until``
    Inclusive dates: a quote's date, an event's date, an article's publication date.
``kind``, ``modality``, ``quad_class``, ``article_id``
    Exact values (quote kind or actor kind; event modality; PLOVER quad class 1-4).
``raw``
    The machine output instead of the reviewed version (quotes and events).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from .conditions import date_range, like_pattern
from .dialect import Dialect
from .reviews import variant_filter

# A word of a search: what FTS5's unicode61 tokenizer and PostgreSQL's parser keep
# (letters and digits; underscore, punctuation, symbols and emoji separate words).
_TERM = re.compile(r"[^\W_]+", re.UNICODE)
_CAMEO = re.compile(r"^\d{2,4}$")
# A search matching fewer rows than this is looked up from the full-text index and sorted;
# a more common one is read in list order (bench/bench_list_search.py).
SELECTIVE_MATCHES = 2000
# A search matching at least this many rows is checked row by row in list order (``common``).
COMMON_MATCHES = 20000
# The columns of the FTS5 content tables holding a record's key (indexed by migration 0012).
FTS_KEY_COLUMNS = {"quotes": ("c2", "c3"), "events": ("c1", "c2")}

Where = tuple[list[str], list[Any]]


@dataclass(frozen=True, slots=True)
class ListFilter:
    """What a list was asked for (``None``: no condition); see the module docstring."""

    search: str | None = None
    actor: str | None = None
    type: str | None = None
    country: str | None = None
    kind: str | None = None
    modality: str | None = None
    quad_class: int | None = None
    since: dt.date | str | None = None
    until: dt.date | str | None = None
    article_id: str | None = None
    raw: bool = False


def search_terms(search: str) -> tuple[str, ...]:
    """The words of a search, lower-cased; :class:`InputError` when it has none."""
    terms = tuple(t.lower() for t in _TERM.findall(search))
    if not terms:
        raise InputError(f"the search {search!r} has no words to look for (only punctuation, "
                         f"symbols or emoji); give at least one word", parameter="search")
    return terms


def fts_match(terms: tuple[str, ...], dialect: Dialect) -> str:
    """The full-text query of ``terms`` (all of them): an FTS5 ``MATCH`` expression of quoted
    words on SQLite, the words for ``plainto_tsquery`` on PostgreSQL."""
    if dialect.name == "sqlite":
        return " ".join(f'"{t}"' for t in terms)
    return " ".join(terms)


def _search(table: str, alias: str, search: str, dialect: Dialect,
            key: tuple[str, ...] = ("article_id", "seq"), selective: bool = False,
            common: bool = False) -> Where:
    """The full-text condition on rows ``alias`` of ``table``: its FTS5 table ``{table}_fts``
    (rows found by ``key``, the FTS table's ``article_id, seq`` or ``article_id``) on SQLite;
    the ``tsv`` column (articles: the ``articles_fts`` table) on PostgreSQL.

    On SQLite the plan depends on how many rows match (:func:`fts_probe`): a ``selective``
    search looks its few matches up by key and sorts them; a common one keeps the planner on
    the list-order index (unary ``+`` on the key), reading rows in order until the page is
    full instead of sorting every match. A ``common`` search (most rows match) is checked row
    by row as the list is read (the FTS row of a record by the key index of the FTS content
    table, migration 0012), instead of collecting every match's key first."""
    match = fts_match(search_terms(search), dialect)
    if dialect.name == "sqlite" and common and table in FTS_KEY_COLUMNS:
        aid, seq = FTS_KEY_COLUMNS[table]
        return [f"EXISTS (SELECT 1 FROM {table}_fts_content k WHERE k.{aid} = {alias}.article_id "
                f"AND k.{seq} = {alias}.seq AND EXISTS (SELECT 1 FROM {table}_fts "
                f"WHERE {table}_fts MATCH ? AND rowid = k.id))"], [match]
    if dialect.name == "sqlite":
        fts_key = ", ".join(("article_id", "seq")[:len(key)])
        cols = ", ".join(f"{'' if selective else '+'}{alias}.{c}" for c in key)
        return [f"({cols}) IN (SELECT {fts_key} FROM {table}_fts WHERE {table}_fts MATCH ?)"], [match]
    if table == "articles":
        return [f"{alias}.id IN (SELECT article_id FROM articles_fts WHERE "
                "tsv @@ plainto_tsquery('english', ?))"], [match]
    return [f"{alias}.tsv @@ plainto_tsquery('english', ?)"], [match]


def fts_probe(table: str, search: str, dialect: Dialect, cap: int = SELECTIVE_MATCHES) -> tuple[str, list[Any]] | None:
    """SQL counting the matches of ``search`` in ``table``'s full-text index, up to ``cap``
    (SQLite; ``None`` elsewhere, where the planner sees the index's statistics itself)."""
    if dialect.name != "sqlite":
        return None
    return (f"SELECT COUNT(*) FROM (SELECT 1 FROM {table}_fts WHERE {table}_fts MATCH ? LIMIT ?)",
            [fts_match(search_terms(search), dialect), cap])


def _actor_ids(needle: str, dialect: Dialect) -> Where:
    """SQL (and params) of the ids of actors whose id is ``needle`` or whose name contains it."""
    return ([f"SELECT id FROM actors WHERE id = ? OR name {dialect.ilike} ? ESCAPE '\\'"],
            [needle, like_pattern(needle)])


def event_type_condition(value: str, alias: str = "e") -> Where:
    """``type``: a PLOVER type (any case) or a CAMEO code with the codes under it."""
    from ..ontology import plover_types

    text = value.strip()
    if _CAMEO.match(text):
        return [f"{alias}.cameo LIKE ?"], [text + "%"]
    name = text.upper()
    types = plover_types()
    if name not in types:
        raise InputError(f"unknown event type {value!r}: give a PLOVER type ({', '.join(types)}) or a "
                         f"CAMEO code (e.g. 163, impose sanctions)", parameter="type")
    return [f"UPPER({alias}.type) = ?"], [name]


def _merge(*parts: Where) -> Where:
    where: list[str] = []
    params: list[Any] = []
    for w, p in parts:
        where += w
        params += p
    return where, params


def _equal(column: str, value: Any) -> Where:
    return ([f"{column} = ?"], [value]) if value is not None and value != "" else ([], [])


def _record_parts(table: str, f: ListFilter, dialect: Dialect, alias: str, selective: bool,
                  common: bool = False) -> list[Where]:
    """The conditions quotes and events share: reviewed or raw version, the search."""
    parts: list[Where] = [([variant_filter(alias, f.raw)], [])]
    if f.search:
        parts.append(_search(table, alias, f.search, dialect, selective=selective, common=common))
    return parts


def quote_conditions(f: ListFilter, dialect: Dialect, alias: str = "q", *, selective: bool = False,
                     common: bool = False) -> Where:
    """Conditions on quote rows ``alias`` (joined with nothing); ``selective``: the search
    matches few rows, ``common``: most rows (:func:`fts_probe`)."""
    parts = _record_parts("quotes", f, dialect, alias, selective, common)
    if f.actor:
        (sub,), sub_params = _actor_ids(f.actor, dialect)
        parts.append(([f"({alias}.speaker_actor IN ({sub}) OR {alias}.speaker_text {dialect.ilike} ? "
                       "ESCAPE '\\')"], sub_params + [like_pattern(f.actor)]))
    parts.append(date_range(f"{alias}.quote_date", f.since, f.until))
    parts += [_equal(f"{alias}.kind", f.kind), _equal(f"{alias}.article_id", f.article_id)]
    return _merge(*parts)


def event_conditions(f: ListFilter, dialect: Dialect, alias: str = "e", *, selective: bool = False,
                     common: bool = False) -> Where:
    """Conditions on event rows ``alias`` (joined with nothing); ``selective``, ``common`` as for quotes."""
    parts = _record_parts("events", f, dialect, alias, selective, common)
    if f.actor:
        (sub,), sub_params = _actor_ids(f.actor, dialect)
        like = dialect.ilike
        parts.append((["(EXISTS (SELECT 1 FROM event_parties p WHERE p.article_id = "
                       f"{alias}.article_id AND p.seq = {alias}.seq AND p.actor_id IN ({sub})) "
                       f"OR {alias}.actor_text {like} ? ESCAPE '\\' OR {alias}.recipient_text {like} ? "
                       "ESCAPE '\\')"], sub_params + [like_pattern(f.actor)] * 2))
    if f.type:
        parts.append(event_type_condition(f.type, alias))
    if f.country:
        code = f.country.strip().upper()
        parts.append(([f"({alias}.location_country = ? OR EXISTS (SELECT 1 FROM event_parties p "
                       f"JOIN actors act ON act.id = p.actor_id WHERE p.article_id = {alias}.article_id "
                       f"AND p.seq = {alias}.seq AND act.country = ?))"], [code, code]))
    parts.append(date_range(f"{alias}.event_date", f.since, f.until))
    parts += [_equal(f"{alias}.modality", f.modality),
              _equal(f"{alias}.quad_class", int(f.quad_class) if f.quad_class is not None else None),
              _equal(f"{alias}.article_id", f.article_id)]
    return _merge(*parts)


def article_conditions(f: ListFilter, dialect: Dialect, alias: str = "a", *,
                       selective: bool = False) -> Where:
    """Conditions on article rows ``alias``; ``selective`` as for quotes."""
    parts: list[Where] = [(["1 = 1"], [])]
    if f.search:
        parts.append(_search("articles", alias, f.search, dialect, ("id",), selective))
    parts.append(date_range(f"{alias}.published", f.since, f.until))
    return _merge(*parts)


def actor_conditions(f: ListFilter, dialect: Dialect, alias: str = "act") -> Where:
    """Conditions on actor rows ``alias`` (``actor``: the actor's id or part of its name)."""
    parts: list[Where] = [(["1 = 1"], [])]
    if f.actor:
        parts.append(([f"({alias}.id = ? OR {alias}.name {dialect.ilike} ? ESCAPE '\\')"],
                      [f.actor, like_pattern(f.actor)]))
    parts.append(_equal(f"{alias}.kind", f.kind))
    if f.country:
        parts.append(([f"UPPER({alias}.country) = ?"], [f.country.strip().upper()]))
    if f.article_id:
        parts.append(([f"EXISTS (SELECT 1 FROM article_actors aa WHERE aa.actor_id = {alias}.id "
                       "AND aa.article_id = ?)"], [f.article_id]))
    return _merge(*parts)


__all__ = ["ListFilter", "search_terms", "fts_match", "fts_probe", "SELECTIVE_MATCHES", "event_type_condition",
           "quote_conditions", "event_conditions", "article_conditions", "actor_conditions"]
