"""Datelines and the publication date they supply."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.extract.dateline import parse_dateline
from communique.ingest.article import make_article


@pytest.mark.parametrize("text,place,date_text,value,agency", [
    ("GENEVA, Jan. 21 (Reuters) - Blinken met Lavrov.", "GENEVA", "Jan. 21", None, "Reuters"),
    ("KYIV, Ukraine, Jan. 21, 2022 (AP) \u2014 Troops moved.", "KYIV, Ukraine", "Jan. 21, 2022",
     dt.date(2022, 1, 21), "AP"),
    ("Headline\n\nWASHINGTON (Reuters) - The talks.", "WASHINGTON", None, None, "Reuters"),
    ("PARIS, March 3, 2019 - Protesters marched.", "PARIS", "March 3, 2019", dt.date(2019, 3, 3), None),
])
def test_time_dateline_parsed(text, place, date_text, value, agency):
    dl = parse_dateline(text)
    assert dl is not None
    assert (dl.place, dl.date_text, dl.date, dl.agency) == (place, date_text, value, agency)


@pytest.mark.parametrize("text", ["NATO said on Friday - nothing more.", "The talks - a summary.",
                                  "Blinken, Lavrov, Expect No Breakthroughs on Ukraine\n\nU.S. Secretary"])
def test_time_dateline_absent(text):
    assert parse_dateline(text) is None


def test_time_dateline_supplies_missing_publication_date():
    art = make_article("KYIV, Jan. 21, 2022 (AP) - Troops moved.")
    assert art.published == dt.date(2022, 1, 21)


def test_time_dateline_without_year_leaves_date_null():
    assert make_article("GENEVA, Jan. 21 (Reuters) - Blinken met Lavrov.").published is None


def test_time_dateline_never_overrides_given_date():
    art = make_article("KYIV, Jan. 21, 2022 (AP) - x", published="2022-01-22")
    assert art.published == dt.date(2022, 1, 22)
