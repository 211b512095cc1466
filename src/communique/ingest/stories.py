"""Story clustering for a streaming ingest into a store, consistent across reruns.

:class:`StoreStories` wraps a :class:`~communique.ingest.dedup.StoryClusterer` for
``communique ingest``. The clusterer lives in memory, so a rerun (after an interruption,
or the next day's news into the same database) must rebuild what it knew. The rule is
simple:

* **articles of the stream that are already stored** are registered with the story id the
  store holds (:meth:`StoryClusterer.register`: their text is hashed, nothing is re-analysed),
  so rerunning the same inputs reproduces the same clusters exactly;
* **before the first new article** the clusterer is also seeded with the ``window``
  articles added to the store last (default 2000), so new articles can join recent stories
  that were ingested from other inputs.

Near duplicates are searched among the ``window`` articles seen last (seeded ones
included; syndicated copies appear within hours or days), and the clusterer's indexes are
bounded by the same number, so memory stays flat however long the stream is (about 11 KB
per article in the window).

New articles get their story from the clusterer (canonical URL, exact content hash, then
MinHash LSH near duplicates). When a new article joins two stories, the younger story is
merged into the older one in the store too (:meth:`flush`: ``Store.merge_stories``), so
stored story ids follow the clusterer.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..models import Article
from .dedup import StoryClusterer

log = logging.getLogger(__name__)

DEFAULT_WINDOW = 2000
CATCH_UP = 200  # stored articles a long-lived clusterer looks at for other writers' work


class StoreStories:
    """Story ids for a stream of articles going into ``store`` (see the module docstring)."""

    def __init__(self, store: Any, threshold: float = 0.3, *, window: int = DEFAULT_WINDOW,
                 **kw: Any) -> None:
        self.store = store
        self.clusterer = StoryClusterer(threshold, window=max(1, int(window)), bounded=True, **kw)
        self.seed_limit = max(1, int(window))
        self._seeded = False
        self._merged: dict[str, str] = {}
        self.new_stories = 0  # stories started by new articles
        self.copies = 0  # new articles that joined an existing story (URL, hash or near copy)

    def bind(self, store: Any) -> StoreStories:
        """Use ``store`` from now on (another connection to the same database: the web app
        gives each request its own); returns ``self``."""
        self.store = store
        return self

    def _seed_from_store(self) -> None:
        self._seeded = True
        if not self.seed_limit:
            return
        recent = self.store.recent_articles(self.seed_limit)
        for art in recent:
            self.clusterer.register(art)
        log.info("story clustering seeded with %d stored articles", len(recent))

    def catch_up(self, limit: int = CATCH_UP) -> int:
        """Register the ``limit`` articles stored last that this clusterer has not seen
        (stored by another writer since it was seeded: a long-running server beside
        ``communique ingest``); the number registered. Nothing before the first seeding."""
        if not self._seeded:
            return 0
        fresh = self.store.recent_articles(limit, unless=self.clusterer.known)  # only new ones read
        for art in fresh:
            self.clusterer.register(art)
        return len(fresh)

    def assign(self, batch: Sequence[Article], present: set[str]) -> list[Article]:
        """Register the stored articles of ``batch`` (ids in ``present``) with their stored
        stories; return the others with their ``story_id`` set, in order."""
        stored = self.store.story_ids(a.id for a in batch if a.id in present) if present else {}
        for art in batch:
            if art.id in stored:
                self.clusterer.register(art, stored[art.id])
        out = []
        for art in batch:
            if art.id in present:
                continue
            if not self._seeded:
                self._seed_from_store()
            got = self.clusterer.assign(art)
            self.copies += got.reason in ("url", "hash", "near")
            self.new_stories += got.reason == "new"
            out.append(replace(art, story_id=got.story_id))
        return out

    def flush(self) -> int:
        """Apply the story merges made since the last call to the store; the number of
        stored articles moved to another story."""
        new = {old: root for old, root in self.clusterer.aliases().items() if self._merged.get(old) != root}
        if not new:
            return 0
        self._merged.update(new)
        return self.store.merge_stories(new)

    def resolve(self, story_id: str) -> str:
        return self.clusterer.resolve(story_id)


__all__ = ["StoreStories", "DEFAULT_WINDOW"]
