"""HTML pages: main text and metadata through trafilatura (boilerplate removed)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from ..errors import EmptyInputError, InputError
from ..models import Article
from .article import make_article, parse_date
from .files import decode_utf8

log = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")

# Only dates the page states (meta tags, markup); no guessing from copyright lines or URLs.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def extract_html(html: str, *, url: str | None = None) -> dict[str, Any]:
    """Main text (paragraphs kept, one per line), title, date, author and site name.

    Navigation, comments, forms and other boilerplate are removed by trafilatura.
    Returns ``{"text", "title", "published", "author", "source", "url"}``; text is ``""``
    when the page has no main content.
    """
    import trafilatura

    doc: Any = trafilatura.bare_extraction(  # a Document (with_metadata), or None
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, date_extraction_params=_DATE_PARAMS,
    )
    if doc is None:
        return {"text": "", "title": None, "published": None, "author": None,
                "source": None, "url": url}
    return {
        "text": doc.text or "",
        "title": doc.title or None,
        "published": doc.date or None,
        "author": doc.author or None,
        "source": doc.sitename or doc.hostname or None,
        "url": doc.url or url,
    }


def html_article(html: str, *, source_name: str, url: str | None = None,
                 published: str | dt.date | None = None, **metadata: str | None) -> Article:
    """An article from an HTML string; explicit metadata wins over what the page says."""
    found = extract_html(html, url=url)
    if not found["text"].strip():
        raise EmptyInputError(f"{source_name}: no main text found in the HTML", source=source_name)
    page_date = None
    if found["published"]:
        try:
            page_date = parse_date(found["published"])
        except InputError:
            log.debug("%s: ignoring unparsable page date %r", source_name, found["published"])
    return make_article(
        found["text"],
        id=metadata.get("id"),
        title=metadata.get("title") or found["title"],
        url=url or found["url"],
        source=metadata.get("source") or found["source"],
        published=published or page_date,
        author=metadata.get("author") or found["author"],
    )


def read_html_file(path: Path, *, published: str | dt.date | None = None,
                   max_bytes: int | None = None) -> Article:
    from .guards import read_file_limited

    data = read_file_limited(path, max_bytes)
    return html_article(decode_utf8(data, str(path)), source_name=str(path), published=published)
