"""The one way articles go into a store: ``communique ingest``, ``POST /api/articles`` and
``communique load`` all run :class:`IngestService`, so they refuse the same inputs, cluster
the same stories and record the same skips.

For every batch of articles:

1. **guards** (:func:`~communique.ingest.guards.check_article`): an article with no text
   (empty or only whitespace, E202), declared in or looking like another language (E206),
   over ``max_chars`` (E204) or binary (E205) is refused with the reason;
2. **already stored** articles (ids are content hashes) are not analysed again: their
   stored story is registered with the clusterer, so reruns reproduce the same stories;
3. **story clustering** (:class:`~communique.ingest.stories.StoreStories`: canonical URL,
   content hash, MinHash near duplicates against the articles seen and stored last): the
   twelve copies of one wire story from twelve outlets get one ``story_id``;
4. **analysis** (the caller's :class:`~communique.pipeline.Pipeline`, built on first use;
   ``load`` brings analyses made by the batch workers) and one write transaction; an
   article whose extraction fails is a skip too;
5. **skips** are recorded in the store (``Store.record_skip``: source, reason, code).

Nothing here prints; callers show :class:`IngestCounts` and the per-article
:class:`Outcome` as they like.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..config import Settings
from ..errors import CommuniqueError, InputError
from ..models import Analysis, Article
from .guards import check_article
from .sources import Skip
from .stories import DEFAULT_WINDOW, StoreStories

log = logging.getLogger(__name__)

NEW, STORED, SKIPPED = "new", "stored", "skipped"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one article: ``status`` is ``new`` (analysed and stored), ``stored``
    (already in the store, left as it was) or ``skipped`` (``error`` says why)."""

    article_id: str
    status: str
    story_id: str | None = None
    analysis: Analysis | None = None
    error: CommuniqueError | None = None


@dataclass
class IngestCounts:
    """Running totals of one service (what the CLI progress line and summary show)."""

    new: int = 0
    stored: int = 0
    skipped: int = 0
    new_stories: int = 0  # stories started by new articles
    copies: int = 0  # new articles that joined an existing story

    def to_dict(self) -> dict[str, int]:
        return {"new": self.new, "stored": self.stored, "skipped": self.skipped,
                "new_stories": self.new_stories, "copies": self.copies}


def source_of(article: Article) -> str:
    """The source recorded with a skip of ``article``: its URL, else ``article <id>``."""
    return article.url or f"article {article.id}"


class IngestService:
    """Guards, story clustering, analysis, storage and skips for one store (see the module
    docstring). ``pipeline``: the :class:`~communique.pipeline.Pipeline` to analyse with, or
    ``make_pipeline`` to build it on the first article that needs analysing (default: one
    with the user entries of the store's actor registry). ``stories``: a
    :class:`StoreStories` kept across services on the same store (the web app keeps one)."""

    def __init__(self, store: Any, settings: Settings, *, window: int = DEFAULT_WINDOW,
                 pipeline: Any = None, make_pipeline: Callable[[], Any] | None = None,
                 stories: StoreStories | None = None) -> None:
        self.store = store
        self.settings = settings
        self.stories = stories.bind(store) if stories is not None else StoreStories(
            store, settings.dedup_threshold, window=window)
        self._pipeline = pipeline
        self._make_pipeline = make_pipeline
        self.counts = IngestCounts()

    # --- pieces ---------------------------------------------------------------------------

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            if self._make_pipeline is not None:
                self._pipeline = self._make_pipeline()
            else:
                from ..pipeline import Pipeline

                self._pipeline = Pipeline(self.settings.replace(actor_registry=self.store.actor_registry()))
        return self._pipeline

    def record_skip(self, skip: Skip) -> None:
        """Record an input that was not analysed (a reader's :class:`Skip`)."""
        self.store.record_skip(skip.source, skip.reason, skip.code, skip.line)
        self.counts.skipped += 1

    def _refuse(self, article: Article, exc: CommuniqueError) -> Outcome:
        log.info("skipped %s [%s]: %s", source_of(article), exc.code, exc.message)
        self.store.record_skip(source_of(article), exc.message, exc.code)
        self.counts.skipped += 1
        return Outcome(article.id, SKIPPED, error=exc)

    def _admit(self, batch: Sequence[Article]) -> tuple[list[Outcome], list[Article], list[str]]:
        """Guards, then stories: the outcomes of refused and already stored articles, the new
        articles (with their ``story_id``) in order, and the ids repeated within ``batch``."""
        present = self.store.existing(a.id for a in batch)
        outcomes: list[Outcome] = []
        admitted: list[Article] = []
        repeats: list[str] = []
        seen: set[str] = set()
        for art in batch:
            if art.id in seen:
                repeats.append(art.id)
                continue
            seen.add(art.id)
            if art.id not in present:
                try:
                    check_article(art, self.settings)
                except InputError as exc:
                    outcomes.append(self._refuse(art, exc))
                    continue
            admitted.append(art)
        before = (self.stories.new_stories, self.stories.copies)
        todo = self.stories.assign(admitted, present)
        self.counts.new_stories += self.stories.new_stories - before[0]
        self.counts.copies += self.stories.copies - before[1]
        if present:
            story = self.store.story_ids(present)
            for art in admitted:
                if art.id in present:
                    outcomes.append(Outcome(art.id, STORED, story_id=story.get(art.id, art.id)))
                    self.counts.stored += 1
        return outcomes, todo, repeats

    def _store(self, analyses: Sequence[Analysis], repeats: Sequence[str]) -> list[Outcome]:
        self.store.add_many(analyses)
        self.stories.flush()  # stories joined by this batch: merged in the store too
        self.counts.new += len(analyses)
        self.counts.stored += len(repeats)
        out = [Outcome(a.article.id, NEW, story_id=self.stories.resolve(a.article.story_id or a.article.id),
                       analysis=a) for a in analyses]
        stories = self.store.story_ids(repeats) if repeats else {}
        return out + [Outcome(i, STORED, story_id=stories.get(i)) for i in repeats]

    # --- entry points -----------------------------------------------------------------------

    def add_batch(self, batch: Sequence[Article]) -> list[Outcome]:
        """Guard, cluster, analyse and store ``batch``; one outcome per article (refused and
        already stored first, then the new ones in order)."""
        outcomes, todo, repeats = self._admit(batch)
        analyses = []
        if todo:
            for art, result in zip(todo, self.pipeline.analyze_stream(todo)):
                if isinstance(result, CommuniqueError):
                    outcomes.append(self._refuse(art, result))
                else:
                    analyses.append(result)
        return outcomes + self._store(analyses, repeats)

    def add(self, article: Article) -> Outcome:
        """One article (``POST /api/articles``): its outcome; a refused article raises its
        :class:`InputError` (recorded as a skip first), so the API answers 422 with the reason."""
        (outcome,) = self.add_batch([article])
        if outcome.error is not None:
            raise outcome.error
        return outcome

    def run(self, items: Iterable[Article | Skip], batch_size: int | None = None) -> Iterator[list[Outcome]]:
        """Everything a reader yields (``iter_articles``: articles and skips), in batches of
        ``batch_size`` (setting ``batch_size``); yields the outcomes of each batch."""
        size = batch_size or self.settings.batch_size
        batch: list[Article] = []
        for item in items:
            if isinstance(item, Skip):
                self.record_skip(item)
                continue
            batch.append(item)
            if len(batch) >= size:
                yield self.add_batch(batch)
                batch = []
        if batch:
            yield self.add_batch(batch)

    def load(self, analyses: Sequence[Analysis]) -> list[Outcome]:
        """Analyses made elsewhere (``communique load`` of a batch output): the same guards,
        story clustering against the store and skips, without analysing again."""
        by_id = {a.article.id: a for a in analyses}
        outcomes, todo, repeats = self._admit([a.article for a in analyses])
        return outcomes + self._store([replace(by_id[art.id], article=art) for art in todo], repeats)


__all__ = ["IngestService", "IngestCounts", "Outcome", "source_of", "NEW", "STORED", "SKIPPED"]
