"""Driver exceptions (``sqlite3.Error``, ``psycopg.Error``) turned into :class:`StoreError`.

Each backend builds one :class:`DriverErrors` for its connection; the repository runs every
statement, fetch and commit inside :meth:`DriverErrors.wrapped`, so no driver exception
leaves a store operation on either backend. The error keeps the driver's class and SQLSTATE
(PostgreSQL) or error name (SQLite) in its details; a URL's password is never shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..errors import StoreError
from .location import redacted, without_secret


def _no_hint() -> str:
    return ""


@dataclass(frozen=True)
class DriverErrors:
    types: tuple[type[BaseException], ...]  # the driver's base exception class(es)
    db: str  # the database (file path or URL; shown redacted)
    hint: Callable[[], str] = field(default=_no_hint)  # why, when the driver does not say

    def error(self, exc: BaseException, action: str = "database error on") -> StoreError:
        """The :class:`StoreError` for the driver exception ``exc``."""
        where = redacted(self.db)
        details: dict[str, object] = {"db": where, "driver_error": type(exc).__name__}
        code = getattr(exc, "sqlstate", None) or getattr(exc, "sqlite_errorname", None)
        if code:
            details["driver_code"] = code
        text = without_secret(str(exc).strip(), self.db)
        return StoreError(f"{action} {where}: {text}{self.hint()}", **details)

    @contextmanager
    def wrapped(self, action: str = "database error on") -> Iterator[None]:
        """Run a block; a driver exception in it becomes a :class:`StoreError`."""
        try:
            yield
        except self.types as exc:
            raise self.error(exc, action) from exc


__all__ = ["DriverErrors"]
