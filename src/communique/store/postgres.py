"""``Store`` on PostgreSQL: the same repository code and migrations, another dialect.

``Store("postgresql://user@host:5432/dbname")`` returns a :class:`PostgresStore`
(psycopg 3, from the ``postgres`` extra). Full-text search uses ``tsvector`` columns
with GIN indexes (migration ``0002_analytics.postgresql.sql``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from ..errors import ConfigError, StoreError
from ..models import Analysis
from .dialect import POSTGRESQL
from .migrations import load_migrations
from .repository import Repository
from .sqlite import Store

log = logging.getLogger(__name__)

URL_PREFIXES = ("postgresql://", "postgres://")


def is_postgres_url(db: object) -> bool:
    return isinstance(db, str) and db.startswith(URL_PREFIXES)


class PostgresStore(Store):
    """A store of analyses in a PostgreSQL database (schema migrated on open)."""

    def __init__(self, path: str) -> None:  # noqa: D107 - same signature as Store
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ConfigError("PostgreSQL needs psycopg: pip install 'communique[postgres]'") from exc
        self.path = path  # type: ignore[assignment]
        self._lock = threading.RLock()
        self._errors = (psycopg.Error,)
        try:
            self.conn = psycopg.connect(path, autocommit=True)
            self.repo = Repository(self.conn, POSTGRESQL)
            self.repo.configure()
            self.repo.migrate(load_migrations("postgresql"))
        except psycopg.Error as exc:
            raise StoreError(f"cannot open database {_redact(path)}: {exc}") from exc

    def __repr__(self) -> str:
        return f"PostgresStore({_redact(self.path)!r})"

    def add_many(self, analyses: Iterable[Analysis]) -> int:
        try:
            with self._lock, self.repo.transaction():
                return sum(1 for a in analyses if self.repo.add_analysis(a))
        except self._errors as exc:
            raise StoreError(f"cannot write to {_redact(self.path)}: {exc}") from exc


def _redact(url: str) -> str:
    """The URL without its password."""
    head, sep, tail = str(url).partition("://")
    if "@" in tail:
        cred, _, host = tail.rpartition("@")
        user = cred.split(":", 1)[0]
        return f"{head}{sep}{user}:***@{host}" if ":" in cred else f"{head}{sep}{cred}@{host}"
    return str(url)
