"""Date resolution rules (pure strings, no spaCy)."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.extract.date_rules import resolve, weekday_date

FRI = dt.date(2022, 1, 21)  # the seed article's publication date, a Friday
MON = dt.date(2023, 3, 6)
D = dt.date


@pytest.mark.parametrize("text,tense,expected", [
    ("Friday", "past", (D(2022, 1, 21), "day")),          # same weekday: the day itself
    ("Friday", "future", (D(2022, 1, 21), "day")),
    ("Thursday", "past", (D(2022, 1, 20), "day")),
    ("Wednesday", "past", (D(2022, 1, 19), "day")),
    ("Monday", "future", (D(2022, 1, 24), "day")),         # "will meet on Monday"
    ("Monday", "past", (D(2022, 1, 17), "day")),
    ("Saturday", "past", (D(2022, 1, 15), "day")),
    ("next Friday", "past", (D(2022, 1, 28), "day")),
    ("last Friday", "past", (D(2022, 1, 14), "day")),
    ("late Saturday", "past", (D(2022, 1, 15), "day")),
    ("Sunday night", "past", (D(2022, 1, 16), "day")),
    ("yesterday", "past", (D(2022, 1, 20), "day")),
    ("today", "past", (D(2022, 1, 21), "day")),
    ("tomorrow", "future", (D(2022, 1, 22), "day")),
    ("last week", "past", (D(2022, 1, 10), "week")),
    ("the last week", "past", (D(2022, 1, 10), "week")),
    ("next week", "future", (D(2022, 1, 24), "week")),
    ("this week", "past", (D(2022, 1, 17), "week")),
    ("earlier this month", "past", (D(2022, 1, 1), "month")),
    ("recent days", "past", (D(2022, 1, 17), "week")),
    ("Jan. 28", "future", (D(2022, 1, 28), "day")),         # no year: the nearest one
    ("Dec. 30", "past", (D(2021, 12, 30), "day")),
    ("November", "past", (D(2021, 11, 1), "month")),
    ("March", "future", (D(2022, 3, 1), "month")),
    ("2014", "past", (D(2014, 1, 1), "year")),
    ("February 2015", "past", (D(2015, 2, 1), "month")),
    ("June 16, 2021", "past", (D(2021, 6, 16), "day")),
    ("16 June 2021", "past", (D(2021, 6, 16), "day")),
    ("2021-06-16", "past", (D(2021, 6, 16), "day")),
    ("two days ago", "past", (D(2022, 1, 19), "day")),
    ("three weeks ago", "past", (D(2021, 12, 27), "week")),
    ("last month", "past", (D(2021, 12, 1), "month")),
    ("last year", "past", (D(2021, 1, 1), "year")),
    ("next month", "future", (D(2022, 2, 1), "month")),
    ("the first quarter of 2021", "past", (D(2021, 1, 1), "year")),
])
def test_time_rules_resolve_against_friday(text, tense, expected):
    assert resolve(text, FRI, tense) == expected


@pytest.mark.parametrize("text,tense,expected", [
    ("Monday", "past", (D(2023, 3, 6), "day")),
    ("Thursday", "past", (D(2023, 3, 2), "day")),
    ("Thursday", "future", (D(2023, 3, 9), "day")),
    ("the weekend", "past", (D(2023, 2, 27), "week")),
    ("Feb. 24 last year", "past", (D(2022, 2, 24), "day")),
    ("December", "past", (D(2022, 12, 1), "month")),
    ("May", "future", (D(2023, 5, 1), "month")),
])
def test_time_rules_resolve_against_monday(text, tense, expected):
    assert resolve(text, MON, tense) == expected


def test_time_rules_same_weekday_is_never_the_week_before():
    # dateparser's PREFER_DATES_FROM='past' would give 2022-01-14 here
    for n in range(7):
        day = FRI + dt.timedelta(days=n)
        assert weekday_date(day.weekday(), day, "past") == day


@pytest.mark.parametrize("text", ["Friday", "yesterday", "last week", "Jan. 28", "earlier this month"])
def test_time_rules_relative_without_publication_date_is_none(text):
    value, _ = resolve(text, None, "past")
    assert value is None


@pytest.mark.parametrize("text,expected", [
    ("Jan. 21, 2022", D(2022, 1, 21)),
    ("March 2019", D(2019, 3, 1)),
    ("2014", D(2014, 1, 1)),
])
def test_time_rules_explicit_without_publication_date(text, expected):
    assert resolve(text, None, "past")[0] == expected


@pytest.mark.parametrize("text", ["seven-decade-old", "the 1990s", "decades", "three years"])
def test_time_rules_periods_do_not_resolve(text):
    assert resolve(text, FRI, "past")[0] is None
