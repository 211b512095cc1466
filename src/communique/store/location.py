"""Where a store lives: an SQLite file path or a PostgreSQL URL, and how to show it.

A URL's password never appears in a message: :func:`redacted` replaces it with ``***``
and :func:`without_secret` removes it from any text (a driver's message included).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

POSTGRES_PREFIXES = ("postgresql://", "postgres://")


def is_postgres_url(db: object) -> bool:
    """``True`` for ``postgresql://...`` and ``postgres://...`` (a ``Path`` never is one)."""
    return isinstance(db, str) and db.lower().startswith(POSTGRES_PREFIXES)


def _password(db: str) -> str | None:
    try:
        return urlsplit(db).password
    except ValueError:  # a malformed port or netloc: nothing to find
        return None


def redacted(db: str | Path) -> str:
    """``db`` as text, with the password of a URL replaced by ``***``."""
    text = str(db)
    if not is_postgres_url(text):
        return text
    head, sep, tail = text.partition("://")
    cred, at, host = tail.rpartition("@")
    if not at or ":" not in cred:
        return text
    return f"{head}{sep}{cred.split(':', 1)[0]}:***@{host}"


def without_secret(message: str, db: str | Path) -> str:
    """``message`` with every copy of ``db``'s password (if it has one) replaced by ``***``."""
    secret = _password(str(db)) if is_postgres_url(str(db)) else None
    return message.replace(secret, "***") if secret else message


__all__ = ["POSTGRES_PREFIXES", "is_postgres_url", "redacted", "without_secret"]
