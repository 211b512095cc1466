"""News datelines: "GENEVA, Jan. 21 (Reuters) -", "KYIV, Ukraine, Jan. 21, 2022 (AP) —".

``parse_dateline(text)`` finds a dateline at the start of a line near the top of the
article and returns its place, its date text and — only when the dateline carries a
year — the calendar date. Without a year the date stays ``None``: a dateline never
borrows today's year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .date_rules import MONTHS

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z\u00C0-\u00DE .'\-]{1,40}(?:,[ \t]*[A-Z][A-Za-z.' \-]{1,30}){0,2}?)"
    r"(?:[ \t]*,[ \t]*(?P<date>(?P<month>" + _MONTH + r")[ \t]+(?P<day>[0-3]?\d)"
    r"(?:[ \t]*,[ \t]*(?P<year>(?:19|20)\d\d))?))?"
    r"[ \t]*(?:\((?P<agency>[A-Za-z .&'-]{2,40})\))?[ \t]*[-\u2013\u2014]+[ \t]*",
    re.MULTILINE,
)
SEARCH_CHARS = 600


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int
    place: str
    place_start: int
    date_text: str | None
    date: dt.date | None
    agency: str | None


def parse_dateline(text: str) -> Dateline | None:
    """The dateline near the top of ``text``, or None."""
    for m in _DATELINE.finditer(text[:SEARCH_CHARS]):
        place = m.group("place").strip()
        head = place.split(",")[0]
        if not head.isupper() or len(head.replace(" ", "")) < 3:
            continue  # "GENEVA" is shouted; an ordinary sentence start is not
        if m.group("date") is None and m.group("agency") is None:
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
