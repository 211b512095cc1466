"""``BaseStore``: what every store backend shares (locking, the public methods).

A backend (:class:`~communique.store.sqlite.SQLiteStore`,
:class:`~communique.store.postgres.PostgresStore`) opens a DB-API connection and hands it
to :meth:`BaseStore._open` with its dialect and :class:`DriverErrors`; the methods below
then run the shared :class:`~communique.store.repository.Repository` under one lock.
Open one with :func:`communique.store.open_store` (or ``communique.Store``).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable
from typing import Any

from ..models import Analysis, Article
from .dialect import Dialect
from .driver_errors import DriverErrors
from .location import redacted
from .migrations import load_migrations
from .registry import RegistryStore
from .repository import Repository
from .reviews import ReviewStore
from .rows import ActorRow, EventRow, QuoteRow


class BaseStore(ReviewStore, RegistryStore):
    """A database of analyses. Adding is idempotent: ids are content hashes.

    >>> with open_store("communique.db") as store:          # doctest: +SKIP
    ...     store.add(analysis)
    ...     rows = store.quotes(actor="Lavrov", since="2022-01-01")
    """

    conn: Any
    repo: Repository

    def _open(self, connect: Any, dialect: Dialect, errors: DriverErrors) -> None:
        """Connect (``connect()``), configure and migrate; a driver error is a StoreError."""
        self._lock = threading.RLock()  # one connection, usable from several threads in turn
        with errors.wrapped("cannot open database"):
            self.conn = connect()
        try:
            self.repo = Repository(self.conn, dialect, errors)
            self.repo.configure()
            self.repo.migrate(load_migrations(dialect.name))
        except BaseException:
            self.conn.close()
            raise

    @property
    def where(self) -> str:
        """The database, as messages show it (a URL's password redacted)."""
        return redacted(self.repo.errors.db)

    # --- lifecycle --------------------------------------------------------------------

    def close(self) -> None:
        with self.repo.errors.wrapped("cannot close"):
            self.conn.close()

    def __enter__(self) -> BaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.where!r})"

    # --- writes -----------------------------------------------------------------------

    def add(self, analysis: Analysis) -> bool:
        """Store one analysis; ``False`` if the article was stored already (nothing changes)."""
        return self.add_many([analysis]) == 1

    def add_many(self, analyses: Iterable[Analysis]) -> int:
        """Store many analyses in one transaction; returns how many were new."""
        with self._lock, self.repo.transaction():
            return sum(1 for a in analyses if self.repo.add_analysis(a))

    def record_skip(self, source: str, reason: str, code: str = "E200", line: int | None = None) -> bool:
        """Record an input that was not analysed, with the reason."""
        with self._lock, self.repo.transaction():
            return self.repo.record_skip(source, reason, code, line)

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

    def recent_articles(self, limit: int, *, unless: Callable[[str], bool] | None = None) -> list[Article]:
        """The ``limit`` articles added last (oldest first), with their story ids; those whose
        id ``unless`` accepts are not read."""
        with self._lock:
            return self.repo.recent_articles(limit, unless=unless)

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
               raw: bool = False, country: str | None = None,
               quad_class: int | None = None) -> list[EventRow]:
        """Events, filtered by either party (actor id or part of a name), PLOVER type or CAMEO
        code, country, quad class, date range, modality and a full-text search of the sentence
        (``text``; store/query.py), the reviewed version unless ``raw``."""
        with self._lock:
            return self.repo.events(actor=actor, type=type, since=since, until=until,
                                    modality=modality, text=text, article_id=article_id, limit=limit,
                                    raw=raw, country=country, quad_class=quad_class)

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


__all__ = ["BaseStore"]
