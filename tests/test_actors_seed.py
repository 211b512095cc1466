"""Actor resolution on the seed article: the speakers issue 3 needs (real model)."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.extract.actors import extract_actors
from communique.extract.context import ExtractionContext
from communique.ingest.article import make_article


@pytest.fixture(scope="module")
def seed(nlp, seed_text):
    doc = nlp(seed_text)
    table = extract_actors(doc, ExtractionContext(make_article(seed_text, published=dt.date(2022, 1, 21))))
    return seed_text, doc, table


def _resolve(seed, phrase, occurrence=0):
    text, doc, table = seed
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(phrase, i + 1)
    return [table.get(a).name for a in table.actors_at(doc, i, i + len(phrase))]


@pytest.mark.model
@pytest.mark.parametrize("phrase,occurrence,names", [
    ("Lavrov said", 0, ["Sergey Lavrov"]),
    ("he hoped", 0, ["Sergey Lavrov"]),
    ("Blinken said", 0, ["Antony Blinken"]),
    ("She pointed", 0, ["Maria Zakharova"]),
    ("The U.S. leader", 0, ["Joe Biden"]),
    ("Russia has denied", 0, ["Russia"]),
    ("Volodymyr Zelenskiy", 0, ["Volodymyr Zelenskiy"]),
    ("Jen Psaki", 0, ["Jen Psaki"]),
    ("each side", 0, ["Antony Blinken", "Sergey Lavrov"]),
    ("Moscow is", 0, ["Russia"]),
    ("the Western military alliance", 0, ["NATO"]),
    ("the United States and its allies", 0, ["United States", "allies of United States"]),
    ("Ukrainian and Western claims", 0, ["Ukraine", "the West"]),
    ("U.S. and Russian officials", 0, ["United States", "Russia"]),
])
def test_actors_seed_mentions_resolve(seed, phrase, occurrence, names):
    assert _resolve(seed, phrase, occurrence)[: len(names)] == names


@pytest.mark.model
def test_actors_seed_people_have_roles_and_countries(seed):
    _, _, table = seed
    people = {a.name: a for a in table.actors if a.kind == "person"}
    assert people["Antony Blinken"].country == "USA" and "Secretary of State" in people["Antony Blinken"].roles
    assert people["Sergey Lavrov"].country == "RUS" and people["Sergey Lavrov"].sector == "GOV"
    assert people["Maria Zakharova"].country == "RUS"
    assert people["Annalena Baerbock"].country == "DEU"
    assert people["Joe Biden"].roles[0] == "President"


@pytest.mark.model
def test_actors_seed_party_of_subject_has_sector(seed):
    text, doc, table = seed
    i = text.index("its troops")
    party = table.party(doc, i, i + len("its troops"))
    assert party.country == "RUS" and party.sector == "MIL"
