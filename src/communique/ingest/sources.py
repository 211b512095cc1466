"""Turn command-line sources (files, directories, ``-`` for stdin, ...) into Articles.

``iter_articles(paths, settings)`` yields an :class:`~communique.models.Article` for each
article read and a :class:`Skip` for each input that could not be read; it never raises
for one bad input. Which reader handles a source is decided by a small registry of
``(name, predicate, reader)`` entries, tried in order:

* ``predicate(source: str, settings) -> bool`` says whether the reader takes the source;
* ``reader(source: str, settings, published) -> Iterable[Article | Skip | InputError]``.

Other source kinds (RSS feeds, URLs, WARC files) plug in from their own modules: list the
module in :data:`READER_MODULES`; it is imported on first use (only if it exists) and its
``register(registry)`` is called, which adds entries with ``registry.add(...)``.
"""

from __future__ import annotations

import datetime as dt
import glob
import importlib
import itertools
import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ..config import Settings
from ..errors import CommuniqueError, InputError, UnsupportedInputError
from ..models import Article
from .files import TEXT_SUFFIXES, decode_utf8, read_text_file, text_article
from .guards import InputTooLargeError, bounded_lines, read_stream_limited
from .html import HTML_SUFFIXES, html_article, read_html_file
from .jsonl import JSONL_SUFFIXES, iter_jsonl

log = logging.getLogger(__name__)

STDIN = "-"

# Modules that add readers (imported lazily, skipped when absent), in priority order.
READER_MODULES: tuple[str, ...] = (
    "communique.ingest.feeds",
    "communique.ingest.urls",
    "communique.ingest.warc",
)


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that was not analysed, and why (recorded, never fatal)."""

    source: str
    reason: str
    code: str = InputError.code
    line: int | None = None

    @classmethod
    def from_error(cls, source: str, exc: CommuniqueError) -> Skip:
        line = exc.details.get("line")
        return cls(source=source, reason=exc.message, code=exc.code,
                   line=int(line) if isinstance(line, (int, str)) else None)

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "reason": self.reason, "code": self.code, "line": self.line}


Predicate = Callable[[str, Settings], bool]
Reader = Callable[[str, Settings, "dt.date | str | None"], Iterable["Article | Skip | InputError"]]


@dataclass(frozen=True, slots=True)
class ReaderEntry:
    name: str
    predicate: Predicate
    reader: Reader


@dataclass
class ReaderRegistry:
    """Ordered ``(predicate, reader)`` pairs; the first predicate that says yes wins."""

    entries: list[ReaderEntry] = field(default_factory=list)
    _plugins_loaded: bool = False

    def add(self, name: str, predicate: Predicate, reader: Reader, *, first: bool = False) -> None:
        """Register a reader (replacing one of the same name). ``first`` puts it before the built-ins."""
        self.entries = [e for e in self.entries if e.name != name]
        entry = ReaderEntry(name, predicate, reader)
        if first:
            self.entries.insert(0, entry)
        else:
            self.entries.append(entry)

    def find(self, source: str, settings: Settings) -> ReaderEntry | None:
        self.load_plugins()
        for entry in self.entries:
            if entry.predicate(source, settings):
                return entry
        return None

    def load_plugins(self) -> None:
        if self._plugins_loaded:
            return
        self._plugins_loaded = True
        for name in READER_MODULES:
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError as exc:
                if exc.name in (name, name.rpartition(".")[0]):
                    continue
                raise
            register = getattr(module, "register", None)
            if register is not None:
                # plug-ins go before the generic file readers, so they can claim e.g. URLs
                before = list(self.entries)
                register(self)
                added = [e for e in self.entries if e not in before]
                self.entries = added + [e for e in self.entries if e not in added]


# --- built-in readers -------------------------------------------------------------------


def _suffix(source: str) -> str:
    return Path(source).suffix.lower()


def _is_file_with(suffixes: tuple[str, ...]) -> Predicate:
    return lambda source, _settings: _suffix(source) in suffixes and not Path(source).is_dir()


def _read_txt(source: str, settings: Settings, published) -> Iterator[Article]:
    yield read_text_file(Path(source), published=published, max_bytes=settings.max_bytes)


def _read_html(source: str, settings: Settings, published) -> Iterator[Article]:
    yield read_html_file(Path(source), published=published, max_bytes=settings.max_bytes)


def _read_jsonl(source: str, settings: Settings, published) -> Iterator[Article | InputError]:
    path = Path(source)
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror or exc}", source=source) from exc
    with fh:
        yield from iter_jsonl(bounded_lines(fh, settings.max_bytes), name=source,
                              published=published, max_bytes=settings.max_bytes)


def _is_dir(source: str, _settings: Settings) -> bool:
    return source != STDIN and Path(source).is_dir()


def _read_dir(source: str, settings: Settings, published) -> Iterator[Article | Skip | InputError]:
    """Every file under the directory (recursively, sorted) that a file reader takes."""
    files = sorted(p for p in Path(source).rglob("*") if p.is_file() and not p.name.startswith("."))
    for path in files:
        entry = REGISTRY.find(str(path), settings)
        if entry is None or entry.name == "directory":
            log.debug("ignoring %s (no reader for its extension)", path)
            continue
        yield from _run_reader(entry, str(path), settings, published)


def _is_stdin(source: str, _settings: Settings) -> bool:
    return source == STDIN


def read_stream(stream: BinaryIO, settings: Settings, published=None,
                name: str = "<stdin>") -> Iterator[Article | InputError]:
    """A byte stream: JSONL when its first line is a JSON object (read line by line, any
    length), HTML when it starts with a tag, plain text otherwise (at most ``max_bytes``)."""
    max_bytes = settings.max_bytes
    head = stream.readline(max_bytes + 1)
    while head and not head.strip() and len(head) <= max_bytes:  # leading blank lines
        head = stream.readline(max_bytes + 1)
    first = head.lstrip()[:1]
    if first == b"{" and len(head) <= max_bytes:
        try:
            is_jsonl = isinstance(json.loads(head), dict)
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
            is_jsonl = False
        if is_jsonl:
            lines = itertools.chain([head], bounded_lines(stream, max_bytes))
            yield from iter_jsonl(lines, name=name, published=published, max_bytes=max_bytes)
            return
    data = head + read_stream_limited(stream, max(0, max_bytes - len(head)), name)
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{name}: over the limit of {max_bytes} bytes (setting max_bytes)",
                                 source=name)
    text = decode_utf8(data, name)
    if first == b"<" and "<html" in text[:2000].lower() or text.lstrip()[:9].lower() == "<!doctype":
        yield html_article(text, source_name=name, published=published)
        return
    yield text_article(text, source_name=name, published=published)


def _read_stdin(_source: str, settings: Settings, published) -> Iterator[Article | InputError]:
    yield from read_stream(sys.stdin.buffer, settings, published)


REGISTRY = ReaderRegistry()
REGISTRY.add("stdin", _is_stdin, _read_stdin)
REGISTRY.add("directory", _is_dir, _read_dir)
REGISTRY.add("text", _is_file_with(TEXT_SUFFIXES), _read_txt)
REGISTRY.add("html", _is_file_with(HTML_SUFFIXES), _read_html)
REGISTRY.add("jsonl", _is_file_with(JSONL_SUFFIXES), _read_jsonl)


def register_reader(name: str, predicate: Predicate, reader: Reader, *, first: bool = True) -> None:
    """Add a reader to the process-wide registry (before the built-ins unless ``first=False``)."""
    REGISTRY.add(name, predicate, reader, first=first)


def _run_reader(entry: ReaderEntry, source: str, settings: Settings,
                published) -> Iterator[Article | Skip]:
    try:
        for item in entry.reader(source, settings, published):
            if isinstance(item, CommuniqueError):
                yield Skip.from_error(source, item)
            else:
                yield item
    except CommuniqueError as exc:
        yield Skip.from_error(source, exc)


_GLOB_CHARS = frozenset("*?[")


def _expand_globs(sources: Iterable[str]) -> Iterator[str]:
    """A source with glob characters that is not itself a path (``"news/2022-*.jsonl"``,
    ``"dumps/**/*.warc.gz"``) stands for its sorted matches; URLs and stdin pass as they are.
    A pattern without matches is passed on as it is (and becomes a recorded skip)."""
    for source in sources:
        if (source == STDIN or "://" in source or not _GLOB_CHARS & set(source)
                or Path(source).exists()):
            yield source
            continue
        matches = sorted(glob.glob(source, recursive=True))
        yield from matches or [source]


def iter_articles(paths: Iterable[str | Path], settings: Settings | None = None, *,
                  published: str | dt.date | None = None) -> Iterator[Article | Skip]:
    """Articles from every source in order; a :class:`Skip` for each input that fails.

    ``published`` is the publication date for articles whose source gives none
    (e.g. ``.txt`` files).
    """
    settings = settings or Settings()
    for source in _expand_globs(str(p) for p in paths):
        if _GLOB_CHARS & set(source) and "://" not in source and not Path(source).exists():
            yield Skip.from_error(source, InputError(f"{source}: no file matches the pattern"))
            continue
        entry = REGISTRY.find(source, settings)
        if entry is None:
            if source != STDIN and not Path(source).exists():
                exc: CommuniqueError = InputError(f"{source}: no such file or directory")
            else:
                exc = UnsupportedInputError(
                    f"{source}: unsupported input (expected .txt, .html, .htm, .jsonl, "
                    f"a directory or - for stdin)")
            yield Skip.from_error(source, exc)
            continue
        yield from _run_reader(entry, source, settings, published)


__all__ = ["Skip", "iter_articles", "register_reader", "read_stream", "REGISTRY", "READER_MODULES",
           "ReaderRegistry", "ReaderEntry", "STDIN"]
