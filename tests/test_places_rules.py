"""Toponyms, metonyms, disambiguation and event locations on hand-built parses."""

from __future__ import annotations

import pytest
from _when_where_docs import make_doc

from communique.extract.context import ExtractionContext
from communique.extract.places import extract_places
from communique.models import Article


def _places(doc):
    return extract_places(doc, ExtractionContext(Article(id="t", text=doc.text)))


MOSCOW_GENEVA = make_doc([
    ("Moscow", "PROPN", "NNP", "nsubj", 1, "Moscow"),
    ("said", "VERB", "VBD", "ROOT", 1, "say"),
    ("talks", "NOUN", "NNS", "nsubj", 5, "talk"),
    ("in", "ADP", "IN", "prep", 2, "in"),
    ("Geneva", "PROPN", "NNP", "pobj", 3, "Geneva"),
    ("began", "VERB", "VBD", "ccomp", 1, "begin", False),
    (".", "PUNCT", ".", "punct", 1, ".", False),
], ["B-GPE", "O", "O", "O", "B-GPE", "O", "O"])

PARIS_TEXAS = make_doc([
    ("A", "DET", "DT", "det", 1, "a"),
    ("tornado", "NOUN", "NN", "nsubj", 2, "tornado"),
    ("struck", "VERB", "VBD", "ROOT", 2, "strike"),
    ("Paris", "PROPN", "NNP", "dobj", 2, "Paris", False),
    (",", "PUNCT", ",", "punct", 3, ","),
    ("Texas", "PROPN", "NNP", "appos", 3, "Texas", False),
    (".", "PUNCT", ".", "punct", 2, ".", False),
], ["O", "O", "O", "B-GPE", "O", "B-GPE", "O"])

PARIS = make_doc([
    ("Protesters", "NOUN", "NNS", "nsubj", 1, "protester"),
    ("marched", "VERB", "VBD", "ROOT", 1, "march"),
    ("in", "ADP", "IN", "prep", 1, "in"),
    ("Paris", "PROPN", "NNP", "pobj", 2, "Paris", False),
    (".", "PUNCT", ".", "punct", 1, ".", False),
], ["O", "O", "O", "B-GPE", "O"])

WARNED = make_doc([
    ("Washington", "PROPN", "NNP", "nsubj", 1, "Washington"),
    ("warned", "VERB", "VBD", "ROOT", 1, "warn"),
    ("Moscow", "PROPN", "NNP", "dobj", 1, "Moscow", False),
    (".", "PUNCT", ".", "punct", 1, ".", False),
], ["B-GPE", "O", "B-GPE", "O"])

EASTERN = make_doc([
    ("Troops", "NOUN", "NNS", "nsubj", 1, "troop"),
    ("massed", "VERB", "VBD", "ROOT", 1, "mass"),
    ("in", "ADP", "IN", "prep", 1, "in"),
    ("eastern", "ADJ", "JJ", "amod", 4, "eastern"),
    ("Ukraine", "PROPN", "NNP", "pobj", 2, "Ukraine", False),
    (".", "PUNCT", ".", "punct", 1, ".", False),
], ["O", "O", "O", "O", "B-GPE", "O"])

DONBAS_KIEV = make_doc([
    ("Shells", "NOUN", "NNS", "nsubj", 1, "shell"),
    ("fell", "VERB", "VBD", "ROOT", 1, "fall"),
    ("in", "ADP", "IN", "prep", 1, "in"),
    ("the", "DET", "DT", "det", 4, "the"),
    ("Donbas", "PROPN", "NNP", "pobj", 2, "Donbas"),
    ("and", "CCONJ", "CC", "cc", 4, "and"),
    ("near", "ADP", "IN", "prep", 1, "near"),
    ("Kiev", "PROPN", "NNP", "pobj", 6, "Kiev", False),
    (".", "PUNCT", ".", "punct", 1, ".", False),
], ["O", "O", "O", "O", "B-GPE", "O", "O", "B-GPE", "O"])

CHINA = make_doc([
    ("Exports", "NOUN", "NNS", "nsubj", 3, "export"),
    ("to", "ADP", "IN", "prep", 0, "to"),
    ("China", "PROPN", "NNP", "pobj", 1, "China"),
    ("fell", "VERB", "VBD", "ROOT", 3, "fall", False),
    (".", "PUNCT", ".", "punct", 3, ".", False),
], ["O", "O", "B-GPE", "O", "O"])

LONG_BEACH = make_doc([
    ("The", "DET", "DT", "det", 1, "the"),
    ("ship", "NOUN", "NN", "nsubj", 2, "ship"),
    ("docked", "VERB", "VBD", "ROOT", 2, "dock"),
    ("at", "ADP", "IN", "prep", 2, "at"),
    ("Long", "PROPN", "NNP", "compound", 5, "Long"),
    ("Beach", "PROPN", "NNP", "pobj", 3, "Beach", False),
    (".", "PUNCT", ".", "punct", 2, ".", False),
], ["O", "O", "O", "O", "B-GPE", "I-GPE", "O"])


def test_places_rules_metonym_subject_is_not_a_place():
    table = _places(MOSCOW_GENEVA)
    assert [p.text for p in table.places] == ["Geneva"]


def test_places_rules_event_location_talks_in_geneva():
    table = _places(MOSCOW_GENEVA)
    talks = MOSCOW_GENEVA[2]
    loc = table.location_for(talks)
    assert (loc.name, loc.country, loc.geonameid) == ("Geneva", "CHE", 2660646)
    assert table.location_for(MOSCOW_GENEVA[5]).geonameid == 2660646  # "talks in Geneva began"
    assert table.location_for(MOSCOW_GENEVA[1]) is None  # "Moscow said": no place


@pytest.mark.parametrize("doc,text,expected", [
    (PARIS, "Paris", ("FRA", 2988507)),
    (PARIS_TEXAS, "Paris", ("USA", 4717560)),          # the qualifier wins over population
    (CHINA, "China", ("CHN", 1814991)),                # the country, not a building
    (LONG_BEACH, "Long Beach", ("USA", 5367929)),      # California, not Mississippi or Australia
    (DONBAS_KIEV, "Kiev", ("UKR", 703448)),            # exonym -> Kyiv
])
def test_places_rules_resolution(doc, text, expected):
    place = next(p for p in _places(doc).places if p.text == text)
    assert (place.country, place.geonameid) == expected


def test_places_rules_qualifier_is_a_state():
    texas = next(p for p in _places(PARIS_TEXAS).places if p.text == "Texas")
    assert (texas.country, texas.admin1, texas.geonameid) == ("USA", "US-TX", 4736286)


def test_places_rules_actors_both_sides_are_not_places():
    assert _places(WARNED).places == ()


def test_places_rules_direction_becomes_region():
    (place,) = _places(EASTERN).places
    assert (place.text, place.name, place.country, place.region) == ("eastern Ukraine", "Ukraine", "UKR", "east")
    assert EASTERN.text[place.start:place.end] == "eastern Ukraine"


def test_places_rules_donbas_is_two_oblasts():
    donbas = next(p for p in _places(DONBAS_KIEV).places if p.text == "Donbas")
    assert (donbas.country, donbas.admin1) == ("UKR", "UA-14,UA-09")


def test_places_rules_offsets_point_into_text():
    for doc in (MOSCOW_GENEVA, PARIS_TEXAS, EASTERN, DONBAS_KIEV, LONG_BEACH):
        for p in _places(doc).places:
            assert doc.text[p.start:p.end] == p.text


@pytest.mark.model
@pytest.mark.parametrize("text, name, is_place", [
    # a head of state's surname the recogniser took for a place (Obama, Fukui) is the person
    ("In 2008, Sanders decided to back Obama days before Clinton dropped out.", "Obama", False),
    # a place the recogniser took for a person stays a place
    ("Ukrainian troops retook Kherson in November.", "Kherson", True),
])
def test_places_rules_known_person_is_no_place(pipeline, text, name, is_place):
    places = pipeline.analyze(text).places
    assert any(p.text == name for p in places) is is_place
