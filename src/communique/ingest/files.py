"""Plain-text files: the text exactly as read (UTF-8, nothing stripped or normalised)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import EmptyInputError, InputError
from ..models import Article
from .article import make_article

TEXT_SUFFIXES = (".txt", ".text")


def decode_utf8(data: bytes, source: str) -> str:
    """Decode UTF-8 strictly; undecodable bytes raise a clear :class:`InputError`.

    Line endings and any UTF-8 byte-order mark are kept, so offsets match the file. Text
    starting with a UTF-16 or UTF-32 byte-order mark is decoded as such; NUL bytes without
    one mean a binary file (:class:`~communique.ingest.guards.BinaryInputError`).
    """
    from .guards import BinaryInputError, bom_codec, looks_binary

    codec = bom_codec(data)
    if codec is not None:
        try:
            return data.decode(codec)
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}: not valid {codec.upper()} after its byte-order mark "
                             f"(byte {exc.start})", source=source, offset=exc.start) from exc
    if looks_binary(data):
        raise BinaryInputError(f"{source}: binary data (NUL bytes), not text", source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not valid UTF-8 (byte {exc.start}: "
                         f"{data[exc.start:exc.start + 1]!r}); convert it with e.g. "
                         f"`iconv -f latin1 -t utf-8`", source=source, offset=exc.start) from exc


def text_article(text: str, *, source_name: str, published: str | dt.date | None = None) -> Article:
    if not text.strip():
        raise EmptyInputError(f"{source_name}: no text to analyse", source=source_name)
    return make_article(text, published=published)


def read_text_file(path: Path, *, published: str | dt.date | None = None,
                   max_bytes: int | None = None) -> Article:
    """One article from a ``.txt`` file (title, url and source are left empty); a file over
    ``max_bytes`` is refused without being read."""
    from .guards import read_file_limited

    data = read_file_limited(path, max_bytes)
    return text_article(decode_utf8(data, str(path)), source_name=str(path), published=published)
