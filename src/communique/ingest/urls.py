"""``http(s)://`` sources: a page becomes one article; a URL that serves an RSS/Atom feed
becomes the feed's articles (:mod:`communique.ingest.feeds`).

All requests go through the guarded fetcher (:mod:`communique.ingest.fetch`): private and
metadata addresses are refused unless the setting ``allow_private`` (``--allow-private``)
is on.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Settings
from ..errors import InputError
from ..models import Article
from .feeds import iter_feed_articles, looks_like_feed
from .fetch import ARTICLE_TYPES, FEED_TYPES, article_from_result, fetcher_for


def is_url(source: str, _settings: Settings | None = None) -> bool:
    return source.lower().startswith(("http://", "https://"))


def read_url(source: str, settings: Settings, published) -> Iterator[Article | InputError]:
    fetcher = fetcher_for(settings)
    result = fetcher.fetch(source, accept=ARTICLE_TYPES + FEED_TYPES)
    if result.content_type in FEED_TYPES or looks_like_feed(result.content):
        yield from iter_feed_articles(result.content, url=result.final_url, fetcher=fetcher,
                                      published=published, name=source)
        return
    yield article_from_result(result, published=published)


def register(registry) -> None:
    """Add the URL reader to the ingest registry (see :mod:`communique.ingest.sources`)."""
    registry.add("url", is_url, read_url)


__all__ = ["is_url", "read_url", "register"]
