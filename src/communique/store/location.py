"""Where a store lives: an SQLite file path or a PostgreSQL URL, and how to show it.

A URL's password (``user:password@`` or a ``password=`` parameter) never appears in a
message: :func:`redacted` replaces it with ``***`` and :func:`without_secret` removes it
from any text (a driver's message included).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

POSTGRES_PREFIXES = ("postgresql://", "postgres://")
_PASSWORD_PARAM = re.compile(r"(?<=[?&]password=)[^&#]+")


def is_postgres_url(db: object) -> bool:
    """``True`` for ``postgresql://...`` and ``postgres://...`` (a ``Path`` never is one)."""
    return isinstance(db, str) and db.lower().startswith(POSTGRES_PREFIXES)


def _passwords(db: str) -> list[str]:
    """The passwords in the URL ``db``: of its user, and of ``password=`` parameters."""
    try:
        parts = urlsplit(db)
        found = [parts.password] if parts.password else []
    except ValueError:  # a malformed port or netloc: nothing to find there
        parts, found = None, []
    query = parts.query if parts else db.partition("?")[2]
    return found + [v for k, v in parse_qsl(query, keep_blank_values=False) if k == "password" and v]


def redacted(db: str | Path) -> str:
    """``db`` as text, with the password of a URL replaced by ``***``."""
    text = str(db)
    if not is_postgres_url(text):
        return text
    head, sep, tail = text.partition("://")
    cred, at, host = tail.rpartition("@")
    if at and ":" in cred:
        text = f"{head}{sep}{cred.split(':', 1)[0]}:***@{host}"
    return _PASSWORD_PARAM.sub("***", text)


def without_secret(message: str, db: str | Path) -> str:
    """``message`` with every copy of ``db``'s password (if it has one) replaced by ``***``."""
    if not is_postgres_url(str(db)):
        return message
    for secret in sorted(_passwords(str(db)), key=len, reverse=True):
        message = message.replace(secret, "***")
    return message


__all__ = ["POSTGRES_PREFIXES", "is_postgres_url", "redacted", "without_secret"]
