"""``Store``: the SQLite-backed store of analyses (WAL mode, foreign keys, migrations)."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..models import Analysis, Article
from .dialect import SQLITE
from .migrations import load_migrations
from .registry import RegistryStore
from .repository import Repository
from .reviews import ReviewStore
from .rows import ActorRow, EventRow, QuoteRow

log = logging.getLogger(__name__)


class Store(ReviewStore, RegistryStore):
    """A local database of analyses. Adding is idempotent: ids are content hashes.

    >>> with Store("communique.db") as store:          # doctest: +SKIP
    ...     store.add(analysis)
    ...     rows = store.quotes(actor="Lavrov", since="2022-01-01")
    """

    def __new__(cls, path: str | Path = "communique.db", *args: Any, **kwargs: Any) -> Store:
        # "postgresql://..." opens the PostgreSQL backend (store/postgres.py)
        if cls is Store and isinstance(path, str) and path.startswith(("postgresql://", "postgres://")):
            from .postgres import PostgresStore

            return super().__new__(PostgresStore)
        return super().__new__(cls)

    def __init__(self, path: str | Path = "communique.db") -> None:
        self.path = Path(path)
        self._lock = threading.RLock()  # one connection, usable from several threads in turn
        if str(path) != ":memory:" and not self.path.parent.exists():
            raise StoreError(f"cannot create database {path}: folder {self.path.parent} does not exist")
        try:
            # autocommit mode: the repository opens every write transaction explicitly
            self.conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            self.repo = Repository(self.conn, SQLITE)
            self.repo.configure()
            self.repo.migrate(load_migrations())
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {path}: {exc}{_why_not_writable(self.path)}",
                             path=str(path)) from exc

    # --- lifecycle --------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    # --- writes -----------------------------------------------------------------------

    def add(self, analysis: Analysis) -> bool:
        """Store one analysis; ``False`` if the article was stored already (nothing changes)."""
        return self.add_many([analysis]) == 1

    def add_many(self, analyses: Iterable[Analysis]) -> int:
        """Store many analyses in one transaction; returns how many were new."""
        try:
            with self._lock, self.repo.transaction():
                return sum(1 for a in analyses if self.repo.add_analysis(a))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}{_why_not_writable(self.path)}",
                             path=str(self.path)) from exc

    def record_skip(self, source: str, reason: str, code: str = "E200", line: int | None = None) -> bool:
        """Record an input that was not analysed, with the reason."""
        try:
            with self._lock, self.repo.transaction():
                return self.repo.record_skip(source, reason, code, line)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}{_why_not_writable(self.path)}",
                             path=str(self.path)) from exc

    def merge_stories(self, aliases: dict[str, str]) -> int:
        """Story clusters joined after their articles were stored: ``{old story: story}``
        (``StoryClusterer.aliases()``); returns the number of articles moved."""
        with self._lock, self.repo.transaction():
            return self.repo.merge_stories(aliases)

    # --- reads ------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        with self._lock:
            return self.repo.has_article(article_id)

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self.has(article_id)

    def existing(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored."""
        with self._lock:
            return self.repo.existing_ids(ids)

    def story_ids(self, ids: Iterable[str]) -> dict[str, str]:
        """``article id -> story id`` for the stored articles among ``ids``."""
        with self._lock:
            return self.repo.story_ids(ids)

    def recent_articles(self, limit: int) -> list[Article]:
        """The ``limit`` articles added last (oldest first), with their story ids."""
        with self._lock:
            return self.repo.recent_articles(limit)

    def story_count(self) -> int:
        """Distinct story clusters among the stored articles."""
        with self._lock:
            return self.repo.story_count()

    def get(self, article_id: str, raw: bool = False) -> Analysis:
        """The article's analysis: reviewed (communique.review) unless ``raw``."""
        with self._lock:
            found = self.repo.get_analysis(article_id, raw=raw)
        if found is None:
            raise KeyError(article_id)
        return found

    def articles(self, *, since: dt.date | str | None = None, until: dt.date | str | None = None,
                 limit: int | None = None) -> list[Article]:
        with self._lock:
            return self.repo.articles(since=since, until=until, limit=limit)

    def quotes(self, *, actor: str | None = None, since: dt.date | str | None = None,
               until: dt.date | str | None = None, kind: str | None = None,
               text: str | None = None, article_id: str | None = None,
               limit: int | None = None, raw: bool = False) -> list[QuoteRow]:
        """Quotes, filtered by speaker (actor id or part of a name), date range, kind, text
        (the reviewed version; the machine output with ``raw``)."""
        with self._lock:
            return self.repo.quotes(actor=actor, since=since, until=until, kind=kind, text=text,
                                    article_id=article_id, limit=limit, raw=raw)

    def events(self, *, actor: str | None = None, type: str | None = None,
               since: dt.date | str | None = None, until: dt.date | str | None = None,
               modality: str | None = None, text: str | None = None,
               article_id: str | None = None, limit: int | None = None,
               raw: bool = False) -> list[EventRow]:
        """Events, filtered by either party (actor id or part of a name), PLOVER type,
        date range, modality and text of the sentence (reviewed version unless ``raw``)."""
        with self._lock:
            return self.repo.events(actor=actor, type=type, since=since, until=until,
                                    modality=modality, text=text, article_id=article_id, limit=limit,
                                    raw=raw)

    def actors(self, *, name: str | None = None, kind: str | None = None,
               country: str | None = None, article_id: str | None = None,
               limit: int | None = None) -> list[ActorRow]:
        """Actors across articles (one row per actor id), most mentioned first."""
        with self._lock:
            return self.repo.actors(name=name, kind=kind, country=country, article_id=article_id,
                                    limit=limit)

    def skips(self, limit: int | None = None) -> list[dict[str, Any]]:
        with self._lock:
            return self.repo.skips(limit)

    def stats(self) -> dict[str, int]:
        """Row counts: articles, actors, quotes, events, places, dates, skips."""
        with self._lock:
            return self.repo.stats()

    def schema_version(self) -> int:
        with self._lock:
            return self.repo.schema_version()

    # --- analytics (store/analytics.py, communique.analysis) -------------------------------

    def dyad_facts(self, a: str, b: str | None = None, **kwargs: Any) -> list:
        """Dyad facts of ``a -> b`` (``directed``, ``since``, ``until``): see communique.analysis."""
        with self._lock:
            return self.repo.dyad_facts(a, b, **kwargs)

    @property
    def frames(self):
        """pandas DataFrames: ``store.frames.events(...)``, ``.quotes``, ``.actors``, ``.dyad``."""
        from ..analysis.frames import Frames

        return Frames(self)


def _why_not_writable(path: Path) -> str:
    """A hint when the database file or its folder cannot be written (read-only file system,
    permissions, full disk): SQLite's own messages do not say which."""
    import os

    if str(path) == ":memory:":
        return ""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return " (the file system is read-only)"
        if path.exists() and not os.access(path, os.W_OK):
            return " (the database file is read-only)"
        if not os.access(folder, os.W_OK):
            return " (its folder is not writable: SQLite needs it for the -wal and -shm files)"
        stat = os.statvfs(folder)
        if stat.f_bavail * stat.f_frsize < 1 << 20:
            return " (the disk is full)"
    except OSError:
        return ""
    return ""
