"""Character-set detection for bytes fetched from the web or read from WARC archives.

Order (as browsers do, minus guessing from statistics): byte-order mark, the charset of the
``Content-Type`` header, an HTML ``<meta charset>`` / ``http-equiv`` declaration in the first
bytes, an XML declaration, then UTF-8 if the bytes are valid UTF-8, else windows-1252.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.I)
_SNIFF_BYTES = 4096


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'"))
    except LookupError:
        return None
    # browsers read ISO-8859-1 and ASCII labels as windows-1252
    if codec.name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return codec.name


def header_charset(content_type: str | None) -> str | None:
    """The charset named in a ``Content-Type`` header, if it is a known codec."""
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return _known(m.group(1)) if m else None


def detect_charset(data: bytes, content_type: str | None = None) -> str:
    """The codec name to decode ``data`` with (never fails; windows-1252 is the last resort)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    found = header_charset(content_type)
    if found:
        return found
    head = data[:_SNIFF_BYTES]
    for pattern in (_XML_DECL, _META_CHARSET):
        m = pattern.search(head)
        if m:
            found = _known(m.group(1).decode("ascii", "replace"))
            if found and not found.startswith("utf-16"):  # a meta tag read as ASCII can't be UTF-16
                return found
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def decode(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """``(text, charset)``; undecodable bytes become U+FFFD rather than failing the page."""
    charset = detect_charset(data, content_type)
    text = data.decode(charset, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, charset
