"""Demonyms of every state name the state's people and bodies (countries_curated.yaml v2)."""

from __future__ import annotations

import pytest

from communique.kb.registry import load_kb


@pytest.mark.parametrize("word, iso", [
    ("Ghanaian", "GHA"), ("Togolese", "TGO"), ("Mozambican", "MOZ"), ("Cambodian", "KHM"),
    ("Laotians", "LAO"), ("Bahraini", "BHR"), ("Cypriot", "CYP"), ("Icelandic", "ISL"),
    ("Luxembourg", "LUX"), ("Palauan", "PLW"), ("Sierra Leonean", "SLE"), ("Papua New Guinean", "PNG"),
    ("Soviet", "RUS"), ("Soviet Union", "RUS"),  # the Soviet Union is coded as Russia
])
def test_actors_demonyms_name_their_country(word, iso):
    entry = load_kb().lookup(word)
    assert entry is not None and entry.kind == "country" and entry.country == iso


@pytest.mark.parametrize("word, iso", [("Khmer", None), ("Lao", None), ("Congolese", "COD"), ("Turks", "TUR")])
def test_actors_demonyms_ambiguous_words_keep_their_reading(word, iso):
    entry = load_kb().lookup(word)
    country = entry.country if entry is not None and entry.source == "demonym" else None
    assert country == iso


@pytest.mark.model
@pytest.mark.parametrize("text, mention, iso", [
    ("A Ghanaian army officer attacked the camp.", "Ghanaian army officer", "GHA"),
    ("Togolese soldiers attacked the camp.", "Togolese soldiers", "TGO"),
])
def test_actors_demonyms_place_the_people_they_describe(pipeline, text, mention, iso):
    a = pipeline.analyze(text)
    found = [x for x in a.actors if any(mention in m.text for m in x.mentions)]
    assert found and found[0].country == iso, [(x.name, x.country, [m.text for m in x.mentions]) for x in a.actors]


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    # a singular demonym alone, with no determiner, is a surname ("a German", "the Germans" are people)
    ("Asked about the plan, German told reporters that he opposed it.", "German"),
])
def test_actors_demonyms_bare_singular_is_a_surname(pipeline, text, word):
    a = pipeline.analyze(text)
    assert not [x for x in a.actors if x.kind == "country" and any(m.text == word for m in x.mentions)]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, country", [
    # "Cuban-American journalist": an American; the first demonym names a heritage
    ("Police detained Cuban-American journalist Ana Diaz in Miami.", "detained", {"USA"}),
])
def test_actors_demonyms_hyphenated_heritage_names_the_last(pipeline, text, trigger, country):
    a = pipeline.analyze(text)
    ev = next(e for e in a.events if e.trigger.text == trigger)
    found = {x.country for x in (a.actor(i) for i in ev.recipient.actors) if x is not None and x.country}
    assert (found | ({ev.recipient.country} if ev.recipient.country else set())) == country


@pytest.mark.parametrize("surname, name", [
    # an East Asian name puts the family name first; a suffix is no surname
    ("Xi", "Xi Jinping"), ("Biden", "Joe Biden"), ("Jr", None), ("Jr.", None),
])
def test_actors_kb_surnames_are_family_names(surname, name):
    rec = load_kb().person_by_surname(surname)
    assert (rec.name if rec is not None else None) == name
