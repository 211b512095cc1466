"""Resolve one temporal expression to a calendar date and a precision.

Pure string rules, no spaCy: ``resolve(text, published, tense)``. The anchor is the
publication date; with no publication date every relative expression resolves to
``None`` (never today's date). Explicit dates ("Jan. 21, 2022") resolve without it.

Conventions (documented in the time evaluation):

- precision ``day``: the day itself.
- precision ``week``: the Monday of the ISO week referred to ("last week" is the
  Monday of the week before the publication week).
- precision ``month``: the first of the month; ``year``: January 1.
- weekday names: the publication weekday is the publication day; otherwise the most
  recent such day, or the next one when the clause is in the future
  (``tense == "future"``); "next Monday" / "last Monday" force the direction.
- a month and day without a year ("on Jan. 28") take the year that puts them nearest to
  the publication date, moved a year back for a past clause that would land after the
  publication date, and a year on for a future clause that would land before it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, Optional

Tense = Literal["past", "present", "future"]
Resolution = tuple[Optional[dt.date], str]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WD_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
            "fri": 4, "sat": 5, "sun": 6}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "a couple of": 2, "a few": 3, "several": 3}

_MONTH_RE = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
             r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WD_RE = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM_RE = r"(?P<n>\d+|a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNIT_RE = r"(?P<unit>day|week|month|year)s?"
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>(?:1[89]|20)\d\d)"

# Words that point at the future or the past inside the expression itself.
_FUTURE_WORDS = re.compile(r"\b(next|coming|upcoming|following)\b")
_PAST_WORDS = re.compile(r"\b(last|past|previous|earlier|ago)\b")


def normalise(text: str) -> str:
    s = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"'s\b", "", s)
    return re.sub(r"\s+", " ", s).strip()


def week_start(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _month_start(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_date(weekday: int, published: dt.date, tense: Tense = "past",
                 direction: str | None = None) -> dt.date:
    """The date of ``weekday`` (0 = Monday) seen from ``published``.

    ``direction`` "next"/"last" comes from the expression ("next Monday"); otherwise the
    publication weekday is the publication day itself, and other days are the most
    recent one, or the next one for a future clause.
    """
    delta_back = (published.weekday() - weekday) % 7
    delta_fwd = (weekday - published.weekday()) % 7
    if direction == "next":
        return published + dt.timedelta(days=delta_fwd or 7)
    if direction == "last":
        return published - dt.timedelta(days=delta_back or 7)
    if delta_back == 0:
        return published
    if tense in ("future", "present"):  # "the envoy arrives on Sunday"
        return published + dt.timedelta(days=delta_fwd)
    return published - dt.timedelta(days=delta_back)


def _year_for(month: int, day: int, published: dt.date, tense: Tense) -> dt.date | None:
    options = [d for y in (published.year - 1, published.year, published.year + 1)
               if (d := _safe_date(y, month, day)) is not None]
    if not options:
        return None
    best = min(options, key=lambda d: abs((d - published).days))
    if tense == "past" and best > published:
        best = _safe_date(best.year - 1, month, day) or best
    elif tense == "future" and best < published:
        best = _safe_date(best.year + 1, month, day) or best
    return best


def _month_year_for(month: int, published: dt.date, tense: Tense, text: str) -> dt.date:
    year = published.year
    if _FUTURE_WORDS.search(text) or tense == "future":
        if month < published.month:
            year += 1
    elif _PAST_WORDS.search(text) or tense == "past":
        if month > published.month:
            year -= 1
    return _month_start(year, month)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def _ago(n: int, unit: str, published: dt.date) -> Resolution:
    if unit == "day":
        return published - dt.timedelta(days=n), "day"
    if unit == "week":
        return week_start(published - dt.timedelta(weeks=n)), "week"
    if unit == "month":
        return _add_months(published, -n), "month"
    return dt.date(published.year - n, 1, 1), "year"


def _explicit(s: str) -> Resolution | None:
    """Dates that need no anchor: ISO, US numeric, "Jan. 21, 2022", "21 January 2022"."""
    if m := re.search(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b", s):
        d = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
        return (d, "day") if d else None
    if m := re.search(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b", s):
        d = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
        return (d, "day") if d else None
    if m := re.search(rf"\b{_MONTH_RE}\s+{_DAY_RE}\s*,?\s*{_YEAR_RE}\b", s):
        d = _safe_date(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
        return (d, "day") if d else None
    if m := re.search(rf"\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}\s*,?\s*{_YEAR_RE}\b", s):
        d = _safe_date(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
        return (d, "day") if d else None
    if m := re.search(rf"\b{_MONTH_RE}\s*,?\s*(?:of\s+)?{_YEAR_RE}\b", s):
        return _month_start(int(m["year"]), MONTHS[m["month"]]), "month"
    return None


def resolve(text: str, published: dt.date | None, tense: Tense = "past") -> Resolution:
    """Resolve a temporal expression; ``(None, precision)`` when it cannot be placed.

    ``tense`` is the tense of the clause the expression modifies (future moves weekday
    names and bare months forward).
    """
    s = normalise(text)
    if explicit := _explicit(s):
        return explicit
    if re.search(r"\b(\d{2,4}s|decades?|centur(y|ies))\b", s) and not re.search(r"\bago\b", s):
        return None, "year"  # "the 1990s", "decades": periods, not points
    # year alone: "in 2014", "2021"
    if m := re.fullmatch(rf"(?:(?:in|since|by|during|of|the year)\s+)?(?:early|late|mid-?)?\s*{_YEAR_RE}", s):
        return dt.date(int(m["year"]), 1, 1), "year"
    if published is not None and (rel := _relative(s, published, tense)) is not None:
        return rel
    if m := re.search(rf"\b{_YEAR_RE}\b", s):  # "the first quarter of 2021", "early 2019"
        return dt.date(int(m["year"]), 1, 1), "year"
    return None, _precision_hint(s)


def _precision_hint(s: str) -> str:
    if re.search(r"\bweeks?\b|\bweekend\b", s):
        return "week"
    if re.search(r"\bmonths?\b", s) or re.search(rf"\b{_MONTH_RE}(?:\s|$)", s):
        return "month"
    if re.search(r"\byears?\b", s):
        return "year"
    return "day"


def _relative(s: str, pub: dt.date, tense: Tense) -> Resolution | None:
    # month + day without a year: "Jan. 28", "28 January", "January 28th"
    if (m := re.search(rf"\b{_MONTH_RE}\s+{_DAY_RE}\b(?!\s*,?\s*\d{{4}})", s)) or \
            (m := re.search(rf"\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}(?:\s|$|[,.])", s)):
        d = _year_for(MONTHS[m["month"]], int(m["day"]), pub, tense)
        if d is not None and re.search(r"\blast year\b", s):
            d = _safe_date(pub.year - 1, d.month, d.day)
        elif d is not None and re.search(r"\bnext year\b", s):
            d = _safe_date(pub.year + 1, d.month, d.day)
        if d is not None:
            return d, "day"
    if re.search(r"\b(the )?day before yesterday\b", s):
        return pub - dt.timedelta(days=2), "day"
    if re.search(r"\b(the )?day after tomorrow\b", s):
        return pub + dt.timedelta(days=2), "day"
    if re.search(r"\byesterday\b|\blast night\b", s):
        return pub - dt.timedelta(days=1), "day"
    if re.search(r"\btomorrow\b", s):
        return pub + dt.timedelta(days=1), "day"
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening)|earlier today|"
                 r"later today|overnight|now)\b", s):
        return pub, "day"
    # weekday names, with time-of-day words around them ("early Friday", "Monday night")
    m = re.search(rf"\b{_WD_RE}\b", s)
    if m is None:
        m2 = re.search(r"\b(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?(?:\s|$)", s)
        if m2:
            wd = _WD_ABBR[m2.group(1)]
        else:
            wd = None
    else:
        wd = WEEKDAYS.index(m["wd"])
    if wd is not None:
        direction = None
        if re.search(rf"\b(next|coming|this coming)\s+{WEEKDAYS[wd]}", s):
            direction = "next"
        elif re.search(rf"\b(last|past|previous)\s+{WEEKDAYS[wd]}", s):
            direction = "last"
        return weekday_date(wd, pub, tense, direction), "day"
    if m := re.search(rf"\b{_NUM_RE}\s+{_UNIT_RE}\s+ago\b", s):
        n = _count(m["n"])
        if n is not None:
            return _ago(n, m["unit"], pub)
    if m := re.search(rf"\b(?:in|within)\s+{_NUM_RE}\s+{_UNIT_RE}\b", s):
        n = _count(m["n"])
        if n is not None and tense == "future":
            unit = m["unit"]
            if unit == "day":
                return pub + dt.timedelta(days=n), "day"
            if unit == "week":
                return week_start(pub + dt.timedelta(weeks=n)), "week"
            if unit == "month":
                return _add_months(pub, n), "month"
            return dt.date(pub.year + n, 1, 1), "year"
    # weeks
    if re.search(r"\b(last|past|previous|the last|the past) (week|seven days)\b|\ba week ago\b", s):
        return week_start(pub - dt.timedelta(days=7)), "week"
    if re.search(r"\b(next|coming|the coming|following) week\b", s):
        return week_start(pub + dt.timedelta(days=7)), "week"
    if re.search(r"\b(this|earlier this|later this|this past) week\b", s):
        return week_start(pub), "week"
    if re.search(r"\brecent (days|weeks)\b|\bpast (few|several|two|three) days\b|"
                 r"\blast (few|several|two|three) days\b|\brecently\b", s):
        return week_start(pub - dt.timedelta(days=3)), "week"
    if re.search(r"\bweekend\b", s):
        if re.search(r"\b(next|coming|this coming)\b", s) or tense == "future":
            sat = pub + dt.timedelta(days=(5 - pub.weekday()) % 7)
        else:
            sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        return week_start(sat), "week"
    # months
    if re.search(r"\b(last|past|previous) month\b|\ba month ago\b", s):
        return _add_months(pub, -1), "month"
    if re.search(r"\b(next|coming|following) month\b", s):
        return _add_months(pub, 1), "month"
    if re.search(r"\b(this|earlier this|later this|this past) month\b|\bend of the month\b", s):
        return _month_start(pub.year, pub.month), "month"
    if m := re.search(rf"(?:^|\s|-){_MONTH_RE}(?:\s|$|[,.])", s + " "):
        month_may = r"\b(in|since|by|early|late|mid|last|next|this|of|until|during)\s*-?\s*may\b"
        if m["month"] != "may" or re.search(month_may, s) or s == "may":
            return _month_year_for(MONTHS[m["month"]], pub, tense, s), "month"
    # years
    if re.search(r"\b(last|past|previous) year\b|\ba year ago\b", s):
        return dt.date(pub.year - 1, 1, 1), "year"
    if re.search(r"\b(next|coming) year\b", s):
        return dt.date(pub.year + 1, 1, 1), "year"
    if re.search(r"\b(this|earlier this|later this) year\b", s):
        return dt.date(pub.year, 1, 1), "year"
    return None
