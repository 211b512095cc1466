"""Dates: temporal expressions resolved against the publication date.

Minimal version: DATE entities; explicit ISO dates and weekday names resolve; an event or
quote gets the publication date. (Deepened by the when-and-where work.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..models import TimeRef
from .context import ExtractionContext

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@dataclass(frozen=True)
class DateTable:
    refs: tuple[TimeRef, ...]
    published: dt.date | None

    @classmethod
    def empty(cls, ctx: ExtractionContext) -> DateTable:
        return cls((), ctx.article.published)

    def date_for(self, token: Token) -> tuple[dt.date | None, str]:
        """Date and precision of what ``token`` (a verb or event noun) states."""
        return self.published, "publication"


def _resolve(text: str, published: dt.date | None) -> tuple[dt.date | None, str]:
    low = text.lower().strip()
    if published is not None:
        for n, name in enumerate(_WEEKDAYS):
            if low == name:
                return published - dt.timedelta(days=(published.weekday() - n) % 7), "day"
    return None, "day"


def extract_dates(doc: Doc, ctx: ExtractionContext) -> DateTable:
    pub = ctx.article.published
    refs = []
    for ent in doc.ents:
        if ent.label_ == "DATE":
            value, precision = _resolve(ent.text, pub)
            refs.append(TimeRef(ent.start_char, ent.end_char, ent.text, value, precision))
    return DateTable(tuple(refs), pub)
