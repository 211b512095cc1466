"""WARC and WARC.gz archives (warcio), e.g. Common Crawl CC-NEWS.

Every ``response`` record with HTTP status 200 and an HTML content type is extracted like a
fetched page (trafilatura main text, charset detected from the HTTP header, ``<meta>`` or
the bytes). Other responses (images, PDFs, redirects, errors, oversized bodies) are skipped
with a reason; records that are not responses (``warcinfo``, ``request``, ``metadata``,
``revisit``) are counted and passed over. :class:`WarcStats` holds the counts.

The article URL is ``WARC-Target-URI``; the publication date is the page's own date, else
the crawl date (``WARC-Date``: news crawls such as CC-NEWS fetch articles within hours of
publication), unless an explicit ``published`` is given. Records are streamed: memory does
not grow with the archive.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from ..config import Settings
from ..errors import InputError, UnsupportedInputError
from ..models import Article
from . import charset as _charset
from .fetch import HTML_TYPES

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


@dataclass
class WarcStats:
    """What an archive held: records by type, extracted articles, skips by reason."""

    records: Counter = field(default_factory=Counter)
    articles: int = 0
    skipped: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict[str, object]:
        return {"records": dict(self.records), "articles": self.articles,
                "skipped": dict(self.skipped)}


def _warc_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def iter_warc(stream: BinaryIO, *, name: str, published: str | dt.date | None = None,
              max_bytes: int = 5_000_000, stats: WarcStats | None = None
              ) -> Iterator[Article | InputError]:
    """An Article per HTML response, an :class:`UnsupportedInputError` per skipped response."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .html import html_article

    stats = stats if stats is not None else WarcStats()
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[type-var]  # any raw binary stream
    head = stream.peek(16)[:16]
    if not head.startswith((b"\x1f\x8b", b"WARC/", b"filedesc://")):
        yield InputError(f"{name}: not a readable WARC/ARC archive (starts with {head[:8]!r})",
                         source=name)
        return
    try:
        for n, record in enumerate(ArchiveIterator(stream, arc2warc=True), start=1):
            rtype = record.rec_type
            stats.records[rtype] += 1
            if rtype != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{name} record {n} ({url})"

            def skip(reason: str, key: str) -> UnsupportedInputError:
                stats.skipped[key] += 1
                return UnsupportedInputError(f"{where}: skipped: {reason}", source=name, url=url)

            http = record.http_headers
            if http is None:
                yield skip("not an HTTP response", "not http")
                continue
            status = http.get_statuscode()
            if status != "200":
                yield skip(f"HTTP status {status}", f"status {status}")
                continue
            ctype = http.get_header("Content-Type") or ""
            media = ctype.split(";", 1)[0].strip().lower()
            if media not in HTML_TYPES:
                yield skip(f"not HTML ({media or 'no content type'})", f"type {media or 'none'}")
                continue
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield skip(f"over the size cap of {max_bytes} bytes", "too large")
                continue
            text, _cs = _charset.decode(body, ctype)
            try:
                article = html_article(text, source_name=where, url=url, published=published)
            except InputError as exc:
                stats.skipped["no main text"] += 1
                yield exc
                continue
            if article.published is None:
                crawl_date = _warc_date(record.rec_headers.get_header("WARC-Date"))
                if crawl_date:
                    article = replace(article, published=crawl_date)
            stats.articles += 1
            yield article
    except ArchiveLoadFailed as exc:
        yield InputError(f"{name}: not a readable WARC/ARC archive: {exc}", source=name)
    log.info("%s: %s", name, stats.to_dict())


def read_warc(path: str | Path, *, published: str | dt.date | None = None,
              max_bytes: int = 5_000_000, stats: WarcStats | None = None
              ) -> Iterator[Article | InputError]:
    """Articles of a ``.warc`` / ``.warc.gz`` file (gzip is detected by warcio)."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}", source=str(path)) from exc
    with fh:
        yield from iter_warc(fh, name=str(path), published=published, max_bytes=max_bytes,
                             stats=stats)


# --- registry plug-in ------------------------------------------------------------------------


def _is_warc(source: str, _settings: Settings) -> bool:
    return source.lower().endswith(WARC_SUFFIXES) and Path(source).is_file()


def _read(source: str, settings: Settings, published) -> Iterator[Article | InputError]:
    yield from read_warc(source, published=published, max_bytes=settings.fetch_max_bytes)


def register(registry) -> None:
    """Add the WARC reader to the ingest registry (see :mod:`communique.ingest.sources`)."""
    registry.add("warc", _is_warc, _read)


__all__ = ["iter_warc", "read_warc", "WarcStats", "register", "WARC_SUFFIXES"]
