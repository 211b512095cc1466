"""Request parameters, checked in one place for every route, API and pages alike.

The view functions (:mod:`.views`) parse their text parameters with the functions here,
and the routes (:mod:`.app`) declare their numeric ones with the annotated types here, so
a bad date, period, page size, cursor or record id is a 4xx in the one JSON error shape
(an HTML page gets the error page), never a 500 from deeper down:

* dates are ISO ``YYYY-MM-DD`` between :data:`FIRST_DAY` and :data:`LAST_DAY` (the last
  year of Python's calendar is left out, so that period arithmetic never overflows), and
  ``since`` is not after ``until``;
* periods are ``day``, ``week`` or ``month``; a series longer than the ``max_series_points``
  setting is coarsened or cut (:mod:`communique.analysis.series`), not refused;
* page sizes are 1..:data:`MAX_PAGE_SIZE`, page numbers 1..:data:`MAX_PAGE_NUMBER`; cursors
  are at most :data:`MAX_CURSOR_CHARS` characters and are checked for their shape by the
  store (``store.analytics.decode_cursor``);
* search and filter texts are at most :data:`MAX_TEXT_CHARS` characters;
* record ids are ``<article>:e<n>`` or ``<article>:q<n>``; an index over
  :data:`MAX_INDEX` cannot exist (404).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query

from ..analysis.facts import parse_record_id
from ..analysis.series import PERIODS
from ..config import Settings
from ..errors import CommuniqueError

FIRST_DAY = dt.date(1, 1, 1)
LAST_DAY = dt.date(9998, 12, 31)
MAX_PAGE_SIZE = 500
MAX_EVIDENCE = 100_000
MAX_CURSOR_CHARS = 1024
MAX_PAGE_NUMBER = 1_000_000  # offset-paged lists (page * page size stays a small integer)
MAX_TEXT_CHARS = 500  # a search or filter text (q, speaker, actor, ...)
MAX_INDEX = 2**31 - 1  # record indexes (and cursor integers) are 32-bit in the store
NETWORK_KEYS = ("country", "actor")


class BadRequest(CommuniqueError):
    code = "W422"
    status = 422


class NotFound(CommuniqueError):
    code = "W404"
    status = 404


# --- numeric parameters, declared on the routes -------------------------------------------

Limit = Annotated[int | None, Query(ge=1, le=MAX_PAGE_SIZE,
                                    description=f"page size, 1..{MAX_PAGE_SIZE} (default: setting page_size)")]
Evidence = Annotated[int | None, Query(ge=0, le=MAX_EVIDENCE,
                                       description="event/quote ids per point (default: all for a small "
                                                   "series, else the alerts' only)")]
QuadClass = Annotated[int | None, Query(ge=1, le=4, description="PLOVER quad class 1..4")]


# --- text parameters, parsed by the views ------------------------------------------------------

def parse_date(value: str | None, name: str) -> dt.date | None:
    """``YYYY-MM-DD`` within :data:`FIRST_DAY`..:data:`LAST_DAY` (empty: None)."""
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise BadRequest(f"{name} must be a date YYYY-MM-DD, not {value[:40]!r}", parameter=name)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise BadRequest(f"{name} must be between {FIRST_DAY} and {LAST_DAY}", parameter=name)
    return day


def parse_dates(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    """``since`` and ``until``, each checked, ``since`` not after ``until``."""
    s, u = parse_date(since, "since"), parse_date(until, "until")
    if s and u and s > u:
        raise BadRequest(f"since ({s}) is after until ({u})", parameter="since")
    return s, u


def parse_period(value: str) -> str:
    if value not in PERIODS:
        raise BadRequest(f"period must be {', '.join(PERIODS[:-1])} or {PERIODS[-1]}", parameter="period")
    return value


def parse_limit(limit: int | None, settings: Settings) -> int:
    n = settings.page_size if limit is None else limit
    if not 1 <= n <= MAX_PAGE_SIZE:
        raise BadRequest(f"limit must be between 1 and {MAX_PAGE_SIZE}", parameter="limit")
    return n


def parse_page_number(value: int | str | None) -> int:
    """A page number of an offset-paged list, 1..:data:`MAX_PAGE_NUMBER` (empty: 1)."""
    if value is None or value == "":
        return 1
    try:
        n = int(value) if len(str(value)) <= 12 else 0
    except (TypeError, ValueError):
        n = 0
    if not 1 <= n <= MAX_PAGE_NUMBER:
        raise BadRequest(f"page must be a whole number from 1 to {MAX_PAGE_NUMBER}", parameter="page")
    return n


def parse_texts(values: dict[str, object]) -> None:
    """Search and filter texts are at most :data:`MAX_TEXT_CHARS` characters (a longer one
    would make a full-text query of hundreds of terms)."""
    for name, value in values.items():
        if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
            raise BadRequest(f"{name} is over {MAX_TEXT_CHARS} characters", parameter=name)


def parse_cursor(cursor: str | None) -> str | None:
    """The cursor text, bounded in length (its contents are checked where it is decoded)."""
    if cursor and len(cursor) > MAX_CURSOR_CHARS:
        raise BadRequest(f"invalid cursor (over {MAX_CURSOR_CHARS} characters)", parameter="cursor")
    return cursor or None


def parse_evidence(value: int | None) -> int | None:
    if value is not None and not 0 <= value <= MAX_EVIDENCE:
        raise BadRequest(f"evidence must be between 0 and {MAX_EVIDENCE}", parameter="evidence")
    return value


def parse_quad_class(value: int | str | None) -> int | None:
    if value is None or value == "":
        return None
    if str(value) not in ("1", "2", "3", "4"):
        raise BadRequest("quad_class must be 1, 2, 3 or 4", parameter="quad_class")
    return int(value)


def parse_keys(value: str) -> str:
    if value not in NETWORK_KEYS:
        raise BadRequest("keys must be country or actor", parameter="keys")
    return value


def parse_record(record_id: str) -> tuple[str, str, int]:
    """``(article, "e" | "q", index)``; an index no record can have is a 404."""
    try:
        aid, kind, seq = parse_record_id(record_id[:1000])
    except ValueError:
        raise BadRequest(f"not a record id: {record_id[:80]!r} (want <article>:e<n> or <article>:q<n>)",
                         parameter="id") from None
    if seq > MAX_INDEX:
        raise NotFound(f"no record {record_id[:80]!r}")
    return aid, kind, seq


__all__ = ["BadRequest", "NotFound", "Limit", "Evidence", "QuadClass", "parse_date", "parse_dates",
           "parse_period", "parse_limit", "parse_page_number", "parse_texts", "parse_cursor", "parse_evidence",
           "parse_quad_class", "parse_keys", "parse_record", "FIRST_DAY", "LAST_DAY", "MAX_PAGE_SIZE",
           "MAX_PAGE_NUMBER", "MAX_TEXT_CHARS", "MAX_EVIDENCE", "MAX_INDEX"]
