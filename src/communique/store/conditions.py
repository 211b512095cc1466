"""Pieces of WHERE clauses the repository's queries share (store/repository.py and its
analytics mixin, store/analytics.py): stored date text, date ranges, LIKE patterns and
``IN (?, ...)`` placeholders. Plain SQL with ``?`` parameters, as everywhere in the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sized
from typing import Any


def date_text(value: dt.date | str | None) -> str | None:
    """A date as the ISO text of the date columns (``None`` for none or empty)."""
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def date_range(column: str, since: dt.date | str | None,
               until: dt.date | str | None) -> tuple[list[str], list[Any]]:
    """Conditions (and params) keeping ``since <= column <= until``; an empty bound is left out."""
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append(f"{column} >= ?")
        params.append(date_text(since))
    if until:
        where.append(f"{column} <= ?")
        params.append(date_text(until))
    return where, params


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere (wildcards in ``text`` escaped; ``ESCAPE '\\'``)."""
    esc = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def placeholders(values: Sized) -> str:
    """``?, ?, ?``: one placeholder per value, for ``IN (...)``."""
    return ", ".join("?" for _ in range(len(values)))
