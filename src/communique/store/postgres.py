"""``PostgresStore``: the same repository code and migrations on PostgreSQL, another dialect.

``open_store("postgresql://user@host:5432/dbname")`` returns one (psycopg 3, from the
``postgres`` extra). Full-text search uses ``tsvector`` columns with GIN indexes
(migration ``0002_analytics.postgresql.sql``).
"""

from __future__ import annotations

from ..errors import ConfigError
from .base import BaseStore
from .dialect import POSTGRESQL
from .driver_errors import DriverErrors


class PostgresStore(BaseStore):
    """A store of analyses in a PostgreSQL database (schema migrated on open)."""

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ConfigError("PostgreSQL needs psycopg: pip install 'communique[postgres]'") from exc
        self.url = url
        self._open(lambda: psycopg.connect(url, autocommit=True), POSTGRESQL,
                   DriverErrors(types=(psycopg.Error,), db=url))


__all__ = ["PostgresStore"]
