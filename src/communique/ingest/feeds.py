"""RSS and Atom feeds (feedparser): each item's link is fetched and its article extracted.

The feed is parsed from bytes we fetched ourselves (feedparser never touches the network,
so every request goes through the guarded :class:`~communique.ingest.fetch.Fetcher`). Feed
metadata is kept on each article: the feed's title becomes ``Article.source`` and the item's
date ``Article.published`` (an explicit ``--published`` still wins), the item's title and
author fill what the page does not say. An item whose page cannot be fetched is a recorded
skip; an item without a link but with full content is read from that content.

Local feed files (``.rss``, ``.atom``, or ``.xml`` whose root is ``<rss>``/``<feed>``/
``<rdf:RDF>``) are read the same way; URLs that serve a feed are routed here by
:mod:`communique.ingest.urls`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from ..config import Settings
from ..errors import EmptyInputError, InputError
from ..models import Article
from .fetch import Fetcher, FetchError, fetch_article, fetcher_for

log = logging.getLogger(__name__)

FEED_SUFFIXES = (".rss", ".atom")
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_MIN_CONTENT_CHARS = 200  # item content shorter than this is a teaser, not the article


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """What the feed says about itself."""

    title: str | None
    link: str | None
    url: str | None
    language: str | None
    items: int


@dataclass(frozen=True, slots=True)
class FeedItem:
    link: str | None
    title: str | None
    published: dt.date | None
    author: str | None
    content: str | None  # full HTML content when the feed carries it


def looks_like_feed(data: bytes) -> bool:
    """True when the document's root element is ``rss``, ``feed`` (Atom) or ``rdf:RDF``."""
    head = data[:2048].lower()
    pos = 0
    while True:  # skip the XML declaration, comments, processing instructions, doctype
        lt = head.find(b"<", pos)
        if lt < 0:
            return False
        if head.startswith((b"<?", b"<!"), lt):
            pos = lt + 2
            continue
        return head.startswith(_FEED_ROOTS, lt)


def _struct_date(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.timezone.utc).date()
    except (OverflowError, ValueError, TypeError):
        return None


def parse_feed(data: bytes, *, url: str | None = None) -> tuple[FeedInfo, list[FeedItem]]:
    """Feed metadata and items from the raw bytes of an RSS/Atom document."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url} if url else None)
    if not parsed.entries and (parsed.get("bozo") or not parsed.feed):
        reason = parsed.get("bozo_exception")
        raise InputError(f"{url or 'feed'}: not an RSS or Atom feed"
                         + (f" ({reason})" if reason else ""), source=url)
    feed = parsed.feed
    info = FeedInfo(title=(feed.get("title") or "").strip() or None, link=feed.get("link"),
                    url=url, language=feed.get("language"), items=len(parsed.entries))
    items: list[FeedItem] = []
    for entry in parsed.entries:
        link = entry.get("link")
        if link and url:
            link = urljoin(url, link)
        content = None
        for part in entry.get("content") or ():
            value = part.get("value")
            if value and len(value) > len(content or ""):
                content = value
        items.append(FeedItem(
            link=link or None,
            title=(entry.get("title") or "").strip() or None,
            published=_struct_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            author=(entry.get("author") or "").strip() or None,
            content=content,
        ))
    return info, items


def iter_feed_articles(data: bytes, *, url: str | None, fetcher: Fetcher,
                       published: str | dt.date | None = None,
                       name: str | None = None) -> Iterator[Article | InputError]:
    """An Article per feed item (its link fetched and extracted), an InputError per failure."""
    info, items = parse_feed(data, url=url)
    where = name or url or "feed"
    log.info("feed %s (%s): %d items", where, info.title, info.items)
    for n, item in enumerate(items, start=1):
        meta = {"title": item.title, "source": info.title, "author": item.author}
        date = published or item.published
        try:
            if item.link:
                yield fetch_article(item.link, fetcher, published=date, **meta)
            elif item.content and len(item.content) >= _MIN_CONTENT_CHARS:
                from .html import html_article

                yield html_article(item.content, source_name=f"{where} item {n}",
                                   published=date, **meta)
            else:
                yield EmptyInputError(f"{where} item {n}: no link and no full content",
                                      source=where, item=n)
        except FetchError as exc:
            yield type(exc)(f"{where} item {n}: {exc.message}", **exc.details)
        except InputError as exc:
            yield type(exc)(f"{where} item {n} ({item.link}): {exc.message}", **exc.details)


# --- registry plug-in ------------------------------------------------------------------------


def _is_feed_file(source: str, _settings: Settings) -> bool:
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix not in FEED_SUFFIXES + (".xml",) or not path.is_file():
        return False
    if suffix in FEED_SUFFIXES:
        return True
    try:
        with path.open("rb") as fh:
            return looks_like_feed(fh.read(2048))
    except OSError:
        return False


def _read_feed_file(source: str, settings: Settings, published) -> Iterator[Article | InputError]:
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror or exc}", source=source) from exc
    yield from iter_feed_articles(data, url=None, fetcher=fetcher_for(settings),
                                  published=published, name=source)


def register(registry) -> None:
    """Add the feed-file reader to the ingest registry (see :mod:`communique.ingest.sources`)."""
    registry.add("feed", _is_feed_file, _read_feed_file)


__all__ = ["parse_feed", "iter_feed_articles", "looks_like_feed", "FeedInfo", "FeedItem",
           "register", "FEED_SUFFIXES"]
