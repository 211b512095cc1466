"""Places of the seed article with the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.extract.context import ExtractionContext
from communique.extract.places import extract_places
from communique.ingest.article import make_article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed(nlp, seed_text):
    doc = nlp(seed_text)
    ctx = ExtractionContext(make_article(seed_text, published=dt.date(2022, 1, 21)))
    return doc, extract_places(doc, ctx)


def test_places_seed_geneva_and_berlin(seed):
    _, table = seed
    by_text = {p.text: p for p in table.places}
    assert (by_text["Geneva"].country, by_text["Geneva"].geonameid) == ("CHE", 2660646)
    assert (by_text["Berlin"].country, by_text["Berlin"].geonameid) == ("DEU", 2950159)
    assert by_text["Donbas"].country == "UKR"
    assert by_text["eastern Ukraine"].region == "east"


def test_places_seed_event_locations(seed):
    doc, table = seed
    meetings = [t for t in doc if t.text == "meeting"]
    assert table.location_for(meetings[0]).name == "Geneva"   # "is meeting with Lavrov in Geneva"
    assert table.location_for(meetings[1]).name == "Berlin"   # "After meeting with Baerbock in Berlin"


def test_places_seed_metonyms_left_out(seed, seed_text):
    _, table = seed
    texts = [seed_text[p.start:p.end] for p in table.places]
    assert "Moscow" not in texts  # "Moscow is pushing for NATO ..."
    assert "Blinken" not in texts  # the model tags him GPE once
    assert table.places and all(p.country or p.name in ("Europe",) for p in table.places)
