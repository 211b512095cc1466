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
    week_start: str = "{col}"  # SQL of the Monday starting the ISO week of the date text {col}

    def period_start(self, col: str, period: str) -> str:
        """SQL turning the ISO date text in ``col`` into the start (ISO text) of its
        ``day``, ``week`` (Monday) or ``month``, as :func:`communique.analysis.series.period_start`."""
        if period == "day":
            return col
        if period == "week":
            return self.week_start.format(col=col)
        if period == "month":
            return f"(SUBSTR({col}, 1, 7) || '-01')"
        raise ValueError(f"period must be day, week or month, not {period!r}")

    def sql(self, query: str) -> str:
        """``query`` written with ``?`` placeholders, in this driver's style."""
        if self.placeholder == "?":
            return query
        return query.replace("%", "%%").replace("?", self.placeholder)


SQLITE = Dialect(
    name="sqlite", placeholder="?", ilike="LIKE", begin="BEGIN IMMEDIATE",
    setup=("PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000",
           "PRAGMA synchronous=NORMAL"),
    week_start="DATE({col}, '-6 days', 'weekday 1')",
)
POSTGRESQL = Dialect(name="postgresql", placeholder="%s", ilike="ILIKE",
                     week_start="TO_CHAR(DATE_TRUNC('week', CAST({col} AS date)), 'YYYY-MM-DD')")
