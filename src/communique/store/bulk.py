"""Bulk loading: many analyses written with ``executemany`` in one transaction.

:func:`bulk_add` runs the repository's own :meth:`~Repository.add_analysis` (so the rows
are exactly those ``Store.add`` writes, whatever columns later migrations add), but on a
:class:`BatchingRepository` whose ``_exec`` queues each write instead of executing it.
When a batch is complete the queued rows are written statement by statement with one
``executemany`` each, in the order each statement first appeared (articles, actors,
quotes, events, ..., so foreign keys always point at rows already written).

Reads (``SELECT``) still run at once; they see the database as it was before the batch,
so articles repeated *inside* one batch are dropped up front. Meant for large loads
(benchmarks, imports into an empty or quiet store); ``Store.add_many`` stays the
general path.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from ..models import Analysis
from .driver_errors import DriverErrors
from .incidents import refresh_statements
from .repository import Repository

log = logging.getLogger(__name__)

_WRITES = ("INSERT", "UPDATE", "DELETE")


class _Queued:
    """What ``_exec`` returns for a queued write (no rows, unknown row count)."""

    rowcount = -1

    def fetchall(self) -> list[tuple]:
        return []

    def fetchone(self) -> None:
        return None


class BatchingRepository(Repository):
    """A repository whose writes are queued per statement and flushed with executemany."""

    def __init__(self, conn: Any, dialect: Any, errors: DriverErrors | None = None) -> None:
        super().__init__(conn, dialect, errors)
        self._queue: dict[str, list[tuple]] = {}  # statement -> rows, in first-seen order
        self._stories: dict[str, None] = {}  # stories whose incidents to rebuild at flush

    def _refresh_incidents(self, stories) -> None:
        for story in stories:
            if story:
                self._stories[story] = None

    def _exec(self, query: str, params: Sequence[Any] = ()) -> Any:
        if query.lstrip()[:6].upper() in _WRITES:
            self._queue.setdefault(query, []).append(tuple(params))
            return _Queued()
        return super()._exec(query, params)

    def flush(self) -> int:
        """Write every queued row (one executemany per statement); returns the row count."""
        n = 0
        with self.errors.wrapped():
            cur = self.conn.cursor()
            for query, rows in self._queue.items():
                cur.executemany(self.dialect.sql(query), rows)
                n += len(rows)
            self._queue.clear()
            stories = list(self._stories)
            for statement in refresh_statements(self.dialect):  # once per story, after its facts
                k = statement.count("?")
                cur.executemany(self.dialect.sql(statement), [(st,) * k for st in stories])
        self._stories.clear()
        return n


def bulk_add(store: Any, analyses: Iterable[Analysis], *, batch: int = 5000,
             cache_mib: int = 512) -> int:
    """Add ``analyses`` to ``store`` in batches of ``batch`` articles (one transaction and
    one ``executemany`` per statement each); returns how many articles were new.

    Articles already stored, or repeated, are skipped as ``Store.add_many`` does. On
    SQLite the page cache is raised to ``cache_mib`` MiB while loading (article ids are
    hashes, so inserts land all over the indexes) and put back afterwards."""
    repo = BatchingRepository(store.conn, store.repo.dialect, store.repo.errors)
    old_cache = None
    if repo.dialect.name == "sqlite" and cache_mib:
        row = repo._one("PRAGMA cache_size")
        old_cache = row[0] if row else None
        repo._exec(f"PRAGMA cache_size = {-int(cache_mib) * 1024}")
    try:
        return _load(store, repo, analyses, batch)
    finally:
        if old_cache is not None:
            repo._exec(f"PRAGMA cache_size = {int(old_cache)}")


def _load(store: Any, repo: BatchingRepository, analyses: Iterable[Analysis], batch: int) -> int:
    added = 0
    chunk: list[Analysis] = []

    def write() -> int:
        known = repo.existing_ids(a.article.id for a in chunk)
        fresh: dict[str, Analysis] = {}
        for a in chunk:
            if a.article.id not in known:
                fresh.setdefault(a.article.id, a)
        with store._lock, repo.transaction():  # BEGIN/COMMIT are not writes: they run at once
            for a in fresh.values():
                repo.add_analysis(a)
            rows = repo.flush()
        log.debug("bulk: %d articles, %d rows", len(fresh), rows)
        chunk.clear()
        return len(fresh)

    for a in analyses:
        chunk.append(a)
        if len(chunk) >= batch:
            added += write()
    if chunk:
        added += write()
    return added


__all__ = ["BatchingRepository", "bulk_add"]
