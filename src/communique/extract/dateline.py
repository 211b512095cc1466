"""News datelines and bylines: "GENEVA, Jan. 21 (Reuters) -", "KYIV, Ukraine, Jan. 21, 2022
(AP) —", "SPRINGFIELD, Ill. (AP) —", "JOHANNESBURG --", "By Jane Doe, Reuters".

``parse_dateline(text)`` finds a dateline at the start of a line near the top of the
article and returns its place (the city and the country or state that qualifies it), its
date text and — only when the dateline carries a year — the calendar date. Without a year
the date stays ``None``: a dateline never borrows today's year. The city is written in
capitals ("GENEVA"), or in title case when a date or an agency follows ("Washington, Oct. 12
--"); a capitalised opening with neither ("JOHANNESBURG --") is taken only when a sentence of
several words follows on the same line ("NATO - the alliance said", "UKRAINE CRISIS - LIVE
UPDATES" are not datelines), and never for a wire label ("EXCLUSIVE -", "BREAKING -"; the
``not_places`` of ``data/geo/datelines.json``).

``parse_byline(text)`` finds "By Jane Doe and John Smith, Reuters" lines near the top.

``document_lead(doc)`` is both, computed once per document (kept on the Doc): the places
stage geocodes the dateline as a place with role ``dateline``, and ``clip_quotes`` cuts
the dateline and the byline out of quote contents and speakers ("WASHINGTON, Oct. 12 - The
Treasury said ..." has the speaker "The Treasury", not the dateline).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from ..models import Quote, Span
from .date_rules import MONTHS
from .doc_tokens import doc_text

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_CITY = r"[A-Z][A-Za-z\u00C0-\u00FF .'/\-]{1,40}?"
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>(?P<city>" + _CITY + r")(?:,[ \t]*[A-Z][A-Za-z.' \-]{1,30}?){0,2}?)"
    r"(?:[ \t]*,[ \t]*(?P<date>(?P<month>" + _MONTH + r")[ \t]+(?P<day>[0-3]?\d)"
    r"(?:[ \t]*,[ \t]*(?P<year>(?:19|20)\d\d))?))?"
    r"[ \t]*(?:\((?P<agency>[A-Za-z .&'-]{2,40})\))?[ \t]*(?:-{1,2}|[\u2013\u2014])[ \t]*(?=\S)",
    re.MULTILINE,
)
_BYLINE = re.compile(r"^[ \t]*By[ \t]+(?P<names>[^\n]{3,120}?)[ \t]*$", re.MULTILINE)
# words a byline may hold besides capitalised names: "By Jane Doe and John Smith, Reuters"
_BYLINE_WORDS = frozenset({"and", "&", "of", "the", "for", "in", "de", "da", "del", "van", "von",
                           "der", "al", "bin", "el", "la", "le"})
SEARCH_CHARS = 600
MIN_FOLLOWING_WORDS = 5  # a dateline with neither date nor agency opens a sentence this long
_LEAD_KEY = "communique.lead"


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int
    place: str            # "KYIV, Ukraine", "SPRINGFIELD, Ill."
    place_start: int
    date_text: str | None
    date: dt.date | None
    agency: str | None

    @property
    def parts(self) -> list[tuple[int, str]]:
        """(offset, text) of each comma-separated part of the place: the city first."""
        out = []
        for m in re.finditer(r"[^,]+", self.place):
            part = m.group().strip()
            if part:
                out.append((self.place_start + m.start() + m.group().index(part), part))
        return out


@dataclass(frozen=True, slots=True)
class Lead:
    """The dateline and bylines of a document: character spans that are not article prose."""

    dateline: Dateline | None
    bylines: tuple[tuple[int, int], ...]

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        spans = list(self.bylines)
        if self.dateline is not None:
            spans.append((self.dateline.start, self.dateline.end))
        return tuple(sorted(spans))


def _shouted(head: str) -> bool:
    letters = [ch for ch in head if ch.isalpha()]
    return len(letters) >= 3 and head.isupper()


def _title_case(head: str) -> bool:
    words = [w for w in re.split(r"[ /\-]+", head) if w]
    return 0 < len(words) <= 3 and all(w[0].isupper() for w in words)


def parse_dateline(text: str) -> Dateline | None:
    """The dateline near the top of ``text``, or None."""
    for m in _DATELINE.finditer(text[:SEARCH_CHARS]):
        place = m.group("place").strip()
        head = m.group("city").strip()
        dated = m.group("date") is not None or m.group("agency") is not None
        if dated:
            if not (_shouted(head) or _title_case(head)):
                continue  # "GENEVA" is shouted; an ordinary sentence start is not
        else:
            line_end = text.find("\n", m.end())
            rest = text[m.end(): line_end if line_end >= 0 else len(text)]
            if not _shouted(head) or len(head.split()) > 3 or not rest[:1].isupper() \
                    or len(rest.split()) < MIN_FOLLOWING_WORDS or _shouted(rest.split()[0]) \
                    or head in dateline_tables().not_places:
                continue
        value = None
        if m.group("year"):
            try:
                value = dt.date(int(m.group("year")), MONTHS[m.group("month").rstrip(".").lower()],
                                int(m.group("day")))
            except ValueError:
                value = None
        return Dateline(m.start(), m.end(), place, m.start("place"), m.group("date"), value,
                        m.group("agency"))
    return None


def parse_bylines(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of "By Jane Doe, Reuters" lines near the top of ``text``."""
    found = []
    for m in _BYLINE.finditer(text[:SEARCH_CHARS]):
        words = re.findall(r"[^\s,;|/]+", m.group("names"))
        if not words or len(words) > 12 or not words[0][:1].isupper():
            continue
        if all(w[:1].isupper() or w.lower() in _BYLINE_WORDS for w in words):
            found.append((m.start() + m.group().index("By"), m.end("names")))
    return tuple(found)


def document_lead(doc: Doc) -> Lead:
    """The dateline and bylines of ``doc``, parsed once and kept in ``doc.user_data``."""
    lead = doc.user_data.get(_LEAD_KEY)
    if lead is None:
        text = doc_text(doc)
        lead = Lead(parse_dateline(text), parse_bylines(text))
        doc.user_data[_LEAD_KEY] = lead
    return lead


@dataclass(frozen=True)
class DatelineTables:
    abbreviations: dict[str, str]  # "Ill." -> "Illinois"
    not_places: frozenset[str]     # "EXCLUSIVE", "BREAKING"


@lru_cache(maxsize=1)
def dateline_tables() -> DatelineTables:
    """The state abbreviations and wire labels of ``data/geo/datelines.json`` (read once)."""
    raw = json.loads(resources.files("communique.data").joinpath("geo/datelines.json")
                     .read_text(encoding="utf-8"))
    return DatelineTables(dict(raw["abbreviations"]), frozenset(raw["not_places"]))


# -- quotes ------------------------------------------------------------------------------------

_LEAD_PUNCT = " \t\r\n,;:-\u2013\u2014"


def _clip(span: Span, spans: tuple[tuple[int, int], ...], text: str) -> Span | None:
    """``span`` made to start after every lead span it overlaps; None when nothing is left."""
    start = span.start
    for a, b in spans:
        if start < b and span.end > a:
            start = max(start, b)
    if start == span.start:
        return span
    while start < span.end and text[start] in _LEAD_PUNCT:
        start += 1
    if start >= span.end:
        return None
    return Span(start, span.end, text[start:span.end])


def clip_quotes(doc: Doc, quotes: Sequence[Quote]) -> tuple[Quote, ...]:
    """Quotes with the dateline and bylines cut out of their content and speaker: a span that
    overlaps one starts after it; a content left empty drops the quote, a speaker left empty
    drops the speaker and its actor."""
    spans = document_lead(doc).spans
    if not spans:
        return tuple(quotes)
    text = doc_text(doc)
    out = []
    for q in quotes:
        content = tuple(s for s in (_clip(c, spans, text) for c in q.content) if s is not None)
        if not content:
            continue
        speaker = _clip(q.speaker, spans, text) if q.speaker is not None else None
        if content != q.content or speaker != q.speaker:
            q = dataclasses.replace(q, content=content, speaker=speaker,
                                    speaker_actor=q.speaker_actor if speaker is not None else None)
        out.append(q)
    return tuple(out)
