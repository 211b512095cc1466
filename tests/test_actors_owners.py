"""Sector nouns take their country from compound names and "in/of/from X" (real model)."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.config import Settings
from communique.extract.actors import extract_actors
from communique.extract.context import ExtractionContext
from communique.ingest.article import make_article
from communique.nlp import build_pipeline


@pytest.mark.parametrize("text,word,country", [
    ("Security forces in Chile arrested ten students.", "forces", "CHL"),
    ("Kenya Farmers Association officials demanded higher prices.", "officials", "KEN"),
    ("The Iraqi Health Ministry denied the report.", "Ministry", "IRQ"),
])
def test_actors_owner_of_sector_noun(text, word, country):
    s = Settings()
    doc = build_pipeline(s)(text)
    table = extract_actors(doc, ExtractionContext(make_article(text, published=dt.date(2020, 1, 1)), s))
    tok = next(t for t in doc if t.text == word)
    actor = table.get(table.actor_for_token(tok.i))
    assert actor is not None and actor.country == country
