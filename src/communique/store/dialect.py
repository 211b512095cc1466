"""The few places where SQL differs between SQLite and PostgreSQL.

The repository writes plain SQL with ``?`` placeholders; a :class:`Dialect` turns that
into the driver's parameter style and supplies case-insensitive matching. A PostgreSQL
backend reuses the repository with :data:`POSTGRESQL` and a psycopg connection.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    name: str
    placeholder: str  # "?" (sqlite3) or "%s" (psycopg)
    ilike: str  # case-insensitive LIKE operator
    begin: str = "BEGIN"  # starts a write transaction
    setup: tuple[str, ...] = ()  # run once per new connection

    def sql(self, query: str) -> str:
        """``query`` written with ``?`` placeholders, in this driver's style."""
        if self.placeholder == "?":
            return query
        return query.replace("%", "%%").replace("?", self.placeholder)


SQLITE = Dialect(
    name="sqlite", placeholder="?", ilike="LIKE", begin="BEGIN IMMEDIATE",
    setup=("PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000",
           "PRAGMA synchronous=NORMAL"),
)
POSTGRESQL = Dialect(name="postgresql", placeholder="%s", ilike="ILIKE")
