"""JSON Lines: one article per line.

Fields: ``id``, ``url``, ``title``, ``published``, ``source``, ``author`` and either
``text`` (used exactly as given) or ``html`` (extracted with trafilatura). A bad line is
a recorded skip with its line number and reason; it never stops the file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator

from ..errors import EmptyInputError, InputError, RecordError
from ..models import Article
from .article import make_article
from .guards import InputTooLargeError, OversizedLine
from .html import html_article

JSONL_SUFFIXES = (".jsonl", ".ndjson")
_STR_FIELDS = ("id", "url", "title", "source", "author", "language")


def parse_record(record: object, *, where: str,
                 published: str | dt.date | None = None) -> Article:
    """One JSONL record -> Article; raises :class:`InputError` with the reason."""
    if not isinstance(record, dict):
        raise RecordError(f"{where}: expected a JSON object, got {type(record).__name__}")
    for name in _STR_FIELDS + ("text", "html", "published"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise RecordError(f"{where}: field {name!r} must be a string, "
                              f"not {type(value).__name__}")
    text, html = record.get("text"), record.get("html")
    if text is None and html is None:
        raise RecordError(f"{where}: needs a 'text' or an 'html' field")
    meta = {k: record.get(k) or None for k in _STR_FIELDS}
    pub = record.get("published") or published
    try:
        if text is not None:
            if not text.strip():
                raise EmptyInputError(f"{where}: 'text' is empty")
            return make_article(text, id=meta["id"], title=meta["title"], url=meta["url"],
                                source=meta["source"], published=pub, author=meta["author"],
                                language=meta["language"] or "en")
        assert html is not None  # one of the two is there (checked above)
        return html_article(html, source_name=where, url=meta["url"], published=pub,
                            id=meta["id"], title=meta["title"], source=meta["source"],
                            author=meta["author"])
    except InputError as exc:
        if exc.message.startswith(where):
            raise
        raise type(exc)(f"{where}: {exc.message}", **exc.details) from exc


def iter_jsonl(lines: Iterable[bytes | OversizedLine], *, name: str,
               published: str | dt.date | None = None,
               max_bytes: int | None = None) -> Iterator[Article | InputError]:
    """Yield an Article per good line and an :class:`InputError` per bad one (blank lines are
    ignored). ``lines`` may come from :func:`~communique.ingest.guards.bounded_lines`: a line
    over ``max_bytes`` is then a recorded skip."""
    for lineno, raw in enumerate(lines, start=1):
        where = f"{name}:{lineno}"
        if isinstance(raw, OversizedLine):
            yield InputTooLargeError(f"{where}: line of {raw.size} bytes, over the limit of "
                                     f"{max_bytes} bytes (setting max_bytes)", line=lineno)
            continue
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield RecordError(f"{where}: not valid UTF-8 (byte {exc.start})", line=lineno)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})", line=lineno)
            continue
        except RecursionError:
            yield RecordError(f"{where}: invalid JSON: nested too deeply", line=lineno)
            continue
        try:
            yield parse_record(record, where=where, published=published)
        except InputError as exc:
            exc.details.setdefault("line", lineno)
            yield exc
