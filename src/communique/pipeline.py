"""The reusable analysis pipeline: spaCy parse + extraction stages, in batches."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator

from .config import Settings
from .errors import CommuniqueError, ExtractionError, InputError
from .extract import ExtractionContext, analyze_doc
from .ingest.article import make_article, title_from_text
from .models import Analysis, Article
from .nlp import build_pipeline

log = logging.getLogger(__name__)

# Analysed once when a Pipeline is built, so that every lexicon, knowledge base, ontology
# table and gazetteer the stages use is loaded at start-up, not inside the first batch.
WARM_UP_TEXT = ('U.S. officials met Russian diplomats in Geneva on Friday. "We will respond," '
                "the minister said, adding that NATO would not accept the demands.")


class Pipeline:
    """Load the spaCy pipeline once; analyse one article or many.

    >>> p = Pipeline()                                    # doctest: +SKIP
    >>> a = p.analyze("Lavrov said he hoped ...", published="2022-01-21")  # doctest: +SKIP
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self.nlp = build_pipeline(self.settings)
        self._warm_up()

    def _warm_up(self) -> None:
        """Load the stages' registries now (each is cached once per process)."""
        article = make_article(WARM_UP_TEXT, published=dt.date(2022, 1, 21))
        analyze_doc(self.nlp(article.text), ExtractionContext(article, self.settings))
        # tables that only some texts reach: a dateline, a verb the curated event patterns
        # leave to PETRARCH2's dictionary (0.06 s CPU to build), the event words of rarer rules
        from .extract.dateline import dateline_tables
        from .extract.event_dictionary import load_dictionary
        from .extract.event_model import load_model
        from .extract.event_words import load_event_words

        s = self.settings
        dateline_tables()
        if s.events:
            load_event_words()
            if s.event_dictionary:
                load_dictionary()
            if s.event_model:
                load_model(s.event_model_path)

    def analyze(self, text: str, *, published: str | dt.date | None = None,
                title: str | None = None, url: str | None = None,
                source: str | None = None) -> Analysis:
        """Analyse one text; without a ``title`` its first line is the title
        (:func:`~communique.ingest.article.title_from_text`, as the CLI shows it)."""
        article = make_article(text, title=title or title_from_text(text), url=url, source=source,
                               published=published)
        return self.analyze_article(article)

    def analyze_article(self, article: Article) -> Analysis:
        self._check(article)
        doc = self.nlp(article.text)
        return analyze_doc(doc, ExtractionContext(article, self.settings))

    def analyze_many(self, articles: Iterable[Article | str]) -> Iterator[Analysis]:
        """Analyse articles in batches with ``nlp.pipe``; yields in input order.

        An article that cannot be analysed raises; use :meth:`analyze_stream` in batch jobs
        that must go on past a bad document.
        """
        for result in self.analyze_stream(articles):
            if isinstance(result, CommuniqueError):
                raise result
            yield result

    def analyze_stream(self, articles: Iterable[Article | str]) -> Iterator[Analysis | CommuniqueError]:
        """Like :meth:`analyze_many`, but yields the error for a bad article and goes on."""

        def checked() -> Iterator[tuple[str, Article | CommuniqueError]]:
            for item in articles:
                art = make_article(item) if isinstance(item, str) else item
                try:
                    self._check(art)
                except InputError as exc:
                    exc.details.setdefault("article", art.id)
                    yield "", exc
                    continue
                yield art.text, art

        for doc, art in self.nlp.pipe(checked(), as_tuples=True, batch_size=self.settings.batch_size):
            if isinstance(art, CommuniqueError):
                yield art
                continue
            try:
                yield analyze_doc(doc, ExtractionContext(art, self.settings))
            except Exception as exc:  # one broken article must not stop the batch
                log.exception("extraction failed for article %s", art.id)
                yield ExtractionError(f"extraction failed: {type(exc).__name__}: {exc}", article=art.id)

    def _check(self, article: Article) -> None:
        """Empty, too long, binary-looking or non-English text is refused with the reason
        (:func:`communique.ingest.guards.check_article`); the caller records it as a skip."""
        from .ingest.guards import check_article

        check_article(article, self.settings)


_default: Pipeline | None = None


def analyze(text: str, *, published: str | dt.date | None = None, title: str | None = None) -> Analysis:
    """Analyse one text with a process-wide default :class:`Pipeline`."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default.analyze(text, published=published, title=title)
