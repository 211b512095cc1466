"""Article construction and stable ids."""

from __future__ import annotations

import datetime as dt
import hashlib

from ..errors import InputError
from ..models import Article


def article_id(text: str, url: str | None = None) -> str:
    """Stable id: a hash of the content (and the URL when given)."""
    h = hashlib.sha256()
    if url:
        h.update(url.encode("utf-8"))
        h.update(b"\x00")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]


def parse_date(value: str | dt.date | dt.datetime | None) -> dt.date | None:
    """A publication date from ``YYYY-MM-DD`` (or an ISO timestamp), a date, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError as exc:
        raise InputError(f"not a date (expected YYYY-MM-DD): {value!r}") from exc


def dateline_date(text: str) -> dt.date | None:
    """The date of a dateline with a year ("KYIV, Jan. 21, 2022 (AP) -"); never today's date."""
    from ..extract.dateline import parse_dateline

    dl = parse_dateline(text)
    return dl.date if dl is not None else None


TITLE_CHARS = 80  # a title taken from the text is its first line, cut to this length


def title_from_text(text: str) -> str | None:
    """The title of a text that has none: its first non-blank line (spaces at its ends
    removed), cut to :data:`TITLE_CHARS` characters; ``None`` for a blank text. What the
    CLI shows as an article's heading and what ``communique.analyze(text)`` stores."""
    first = text.strip().split("\n", 1)[0].strip()
    return first[:TITLE_CHARS] or None


def make_article(text: str, *, id: str | None = None, title: str | None = None,
                 url: str | None = None, source: str | None = None,
                 published: str | dt.date | None = None, author: str | None = None,
                 language: str = "en") -> Article:
    if not isinstance(text, str):
        raise InputError(f"article text must be str, not {type(text).__name__}")
    pub = parse_date(published)
    if pub is None:
        pub = dateline_date(text)
    return Article(
        id=id or article_id(text, url),
        text=text,
        title=title,
        url=url,
        source=source,
        published=pub,
        language=language,
        author=author,
    )
