"""The event rules' word lists (data/events/event_words.yaml): read through one checked loader."""

from __future__ import annotations

import pytest

from communique.extract.event_words import LISTS, load_event_words, parse_event_words

GOOD = "\n".join(f"{k}: [x]" for k in LISTS) + "\nversion: 1\n"


def test_events_words_shipped_lists():
    w = load_event_words()
    assert "embargo" in w.threat_sanction and "troop" in w.threat_force
    assert "gather" in w.gathering_verbs and "must" in w.mandative_aux and "whether" in w.question_words
    assert w.party_entities == frozenset({"GPE", "NORP", "ORG", "PERSON"}) and "after" in w.cause_preps


def test_events_words_known_keys_pass():
    assert parse_event_words(GOOD).threat_force == frozenset({"x"})


@pytest.mark.parametrize("text", [
    GOOD + "threat_forse: [war]\n",                        # a misspelt key
    GOOD.replace("cause_preps: [x]\n", ""),                # a list missing
    GOOD.replace("mandative_aux: [x]", "mandative_aux: [on]"),  # bare on: a boolean
    GOOD.replace("question_words: [x]", "question_words: why"),  # not a list
])
def test_events_words_bad_file_is_an_error(text):
    with pytest.raises(ValueError):
        parse_event_words(text)


def test_events_words_main_event_lists_shipped():
    w = load_event_words()
    assert "deploy" in w.means_verbs and "wage" in w.carrier_verbs
    assert "allegation" in w.claim_heads and w.topic_preps == frozenset({"about", "regarding", "concerning"})


@pytest.mark.parametrize(("name", "key", "word"), [
    ("place_subject_verbs", "border", True),
    ("actor_object_verbs", "urge", True),
    ("institution_nouns", "government", True),
    ("geo_nouns", "airspace", True),
    ("geo_nouns", "government", False),
])
def test_events_words_place_role_lists_shipped(name, key, word):
    from communique.extract import place_roles

    lists = {"place_subject_verbs": place_roles.PLACE_SUBJECT_VERBS,
             "actor_object_verbs": place_roles.ACTOR_OBJECT_VERBS,
             "institution_nouns": place_roles.INSTITUTION_NOUNS, "geo_nouns": place_roles.GEO_NOUNS}
    assert (key in lists[name]) is word


@pytest.mark.parametrize("text", ["a: [x]\nb: [y]\nc: [z]\n", "a: [x]\n", "- a\n- b\n", "a: [x]\nb: [1]\n"])
def test_events_words_generic_loader_rejects_bad_files(text):
    from communique.extract.word_lists import parse_word_lists

    with pytest.raises(ValueError):
        parse_word_lists(text, ("a", "b"), "test.yaml")
