"""PETRARCH2's verb dictionary: conversion, schema, matching on real parses, and its events."""

from __future__ import annotations

import copy
import datetime as dt
import json
from importlib import resources

import pytest
import yaml

from communique.ontology.petrarch_verbs import compile_dictionary, parse_phrase, validate

SNIPPET = """
####### SYNONYM SETS #######

&FOOD
+FOOD
+RICE
+GRAIN_

####### VERB PATTERNS #######

---  ACCELERATE   [---]  ---
RUSH {RUSHES RUSHING RUSHED }
SPEED
- * &FOOD                                             [073]         # RUSH
- * (TO)                                              [042:043]     # RUSH
- $ * (TO +)                                          [0874]        # RUSH
- * RUMOR                                             [---]         # RUSH

---  BOMBARD   [190]  ---
BOMBARD
SHELL [195]
+BLOW_UP
"""


@pytest.mark.parametrize("body, key, expected", [
    ("$ * (TO +)", "source", "nsubj"),
    ("$ * (TO +)", "target", "prep:to"),
    ("* +", "target", "dobj"),
    ("+ * ROCKET", "target", "nsubj"),
    ("* &FOOD", "object", ["&food"]),
    ("POLICE *", "subject", ["police"]),
    ("* {ARMS SHIPMENT}", "object", ["arms", "shipment"]),
    ("* (INTO $)", "source", "prep:into"),
])
def test_petrarch_verbs_phrase_slots(body, key, expected):
    assert parse_phrase(body)[key] == expected


def test_petrarch_verbs_phrase_without_verb_is_none():
    assert parse_phrase("POLICE RAID") is None


@pytest.fixture(scope="module")
def compiled():
    return compile_dictionary(SNIPPET, "CHAMPIONS LEAGUE\n+MANCHESTER UNITED  # club\n", version="t", source="test")


@pytest.mark.parametrize("verb, block, code", [
    ("rush", "accelerate", None), ("speed", "accelerate", None),
    ("bombard", "bombard", "190"), ("shell", "bombard", "195")])
def test_petrarch_verbs_head_verbs(compiled, verb, block, code):
    assert compiled["verbs"][verb]["block"] == block
    assert compiled["verbs"][verb]["cameo"] == code


def test_petrarch_verbs_patterns_keep_ids_codes_and_synsets(compiled):
    pats = {p["id"]: p for p in compiled["patterns"]}
    assert list(pats) == [f"petrarch.accelerate.{n}" for n in (1, 2, 3, 4)]
    assert pats["petrarch.accelerate.1"]["cameo"] == "073"
    assert pats["petrarch.accelerate.2"]["alt"] == "043"
    assert pats["petrarch.accelerate.4"]["cameo"] is None  # [---]: not an event
    assert compiled["synsets"]["&food"] == ["food", "rice", "grain"]
    assert compiled["verbs"]["blow up"]["particle"] == "up"
    assert compiled["discards"] == {"sentence": ["champions league"], "story": ["manchester united"]}


def _shipped() -> dict:
    return json.loads(resources.files("communique.data.events").joinpath("petrarch_verbs.json").read_text("utf-8"))


def test_petrarch_verbs_shipped_file_is_valid_and_large():
    data = _shipped()
    validate(data)
    assert len(data["patterns"]) > 4000 and len(data["verbs"]) > 1500 and len(data["synsets"]) > 30
    assert resources.files("communique.data.events").joinpath("NOTICE.petrarch2").is_file()


@pytest.mark.parametrize("where, mutate", [
    ("top", lambda d: d.__setitem__("extra", 1)),
    ("pattern", lambda d: d["patterns"][0].__setitem__("taget", "dobj")),
    ("verb", lambda d: next(iter(d["verbs"].values())).__setitem__("codes", "190")),
    ("synset", lambda d: d["patterns"][0].__setitem__("object", ["&no_such_set"])),
    ("slot", lambda d: d["patterns"][0].__setitem__("target", "subject")),
    ("schema", lambda d: d.__setitem__("schema_version", 99)),
])
def test_petrarch_verbs_validate_rejects(compiled, where, mutate):
    bad = copy.deepcopy(compiled)
    mutate(bad)
    with pytest.raises(ValueError):
        validate(bad)


@pytest.mark.model
@pytest.mark.parametrize("text, verb, code", [
    ("Police arrested 40 protesters in Cairo.", "arrested", "173"),
    ("Russia expelled two British diplomats.", "expelled", "161"),
    ("Israeli jets bombed Hamas positions in Gaza.", "bombed", "18"),
])
def test_event_dictionary_match_codes(nlp, text, verb, code):
    from communique.extract.event_dictionary import build_dictionary, match

    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    found = match(tok, build_dictionary(_shipped()))  # every type
    assert found is not None and found[0] is not None
    assert found[0].id.startswith("petrarch.") and found[1].startswith(code)


@pytest.mark.model
@pytest.mark.parametrize("text, verb", [
    ("The minister said the talks went well.", "said"),  # statements: never a fallback
    ("Officials expect a decision soon.", "expect"),  # a bare CAMEO 03 head
])
def test_event_dictionary_no_blanket_fallback(nlp, text, verb):
    from communique.extract.event_dictionary import dictionary_pattern

    tok = next(t for t in nlp(text) if t.text == verb)
    assert dictionary_pattern(tok) is None


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Messi scored twice as Barcelona won the Champions League final.", True),
    ("Russia expelled two British diplomats.", False),
])
def test_event_dictionary_discards(nlp, text, expected):
    from communique.extract.event_dictionary import discarded, load_dictionary

    assert discarded(next(nlp(text).sents), load_dictionary()) is expected


@pytest.mark.model
def test_event_dictionary_event_keeps_pattern_id(nlp):
    """A verb the curated lexicon lacks is coded from the dictionary, with its pattern id;
    with the dictionary off it is not coded."""
    from communique.config import Settings
    from communique.extract.event_lexicon import load_lexicon
    from communique.extract.events import match_trigger
    from communique.pipeline import Pipeline

    text = "The Indian government rushed food to the flood victims in Bangladesh."
    doc = nlp(text)
    rushed = next(t for t in doc if t.text == "rushed")
    assert match_trigger(rushed, load_lexicon()) is None
    on = Pipeline(Settings(event_model=False)).analyze(text, published=dt.date(2020, 1, 1))
    ev = next(e for e in on.events if e.trigger.text == "rushed")
    assert ev.rule.startswith("petrarch.accelerate.") and ev.cameo == "073" and ev.type == "AID"
    off = Pipeline(Settings(event_model=False, event_dictionary=False)).analyze(text, published=dt.date(2020, 1, 1))
    assert not any(e.trigger.text == "rushed" for e in off.events)


@pytest.mark.parametrize("text", [
    "version: 1\nmeasured_on: x\nbare_verbs: false\ntypes: {AID: both}\nextra: 1\n",  # unknown key
    "version: 1\nmeasured_on: x\nbare_verbs: false\ntypes: {AID: dictionary}\n",  # unknown source
    "version: 1\nmeasured_on: x\nbare_verbs: maybe\ntypes: {AID: both}\n",  # not a boolean
])
def test_event_dictionary_sources_schema(text):
    from communique.extract.event_dictionary import load_sources

    with pytest.raises(ValueError):
        load_sources(text)


def test_event_dictionary_shipped_sources():
    from communique.extract.event_dictionary import load_sources

    text = resources.files("communique.data.events").joinpath("event_sources.yaml").read_text("utf-8")
    types, bare = load_sources(text)
    assert "AID" in types and "ASSAULT" not in types and bare is False


@pytest.mark.model
@pytest.mark.parametrize("text, verb, coded", [
    ("The Indian government rushed food to the flood victims.", "rushed", True),  # AID: both sources
    ("Militants ambushed a military convoy.", "ambushed", False),  # ASSAULT (190): curated only
    # a receiving block: the subject receives what the code gives (072), the dyad would turn round
    ("Kyiv received new fighter aircraft from Germany.", "received", False),
])
def test_event_dictionary_only_for_its_types(nlp, text, verb, coded):
    from communique.extract.event_dictionary import build_dictionary, dictionary_pattern, match

    tok = next(t for t in nlp(text) if t.text == verb)
    found = match(tok, build_dictionary(_shipped()))
    assert found is not None and found[1] is not None  # the dictionary knows the verb either way
    assert (dictionary_pattern(tok) is not None) is coded


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, cameo", [
    ("Russia announced the withdrawal of its troops from Syria.", "withdrawal", "RETREAT", "0874"),
    ("Thousands of workers staged a march against the reform in Paris.", "march", "PROTEST", "141"),
    ("The IMF approved a $3 billion loan to Egypt.", "loan", "AID", "071"),
    ("The Sudanese government declared an amnesty for rebel fighters.", "amnesty", "RETREAT", "0841"),
    ("Qatar secured the release of four American hostages held in Iran.", "release", "RETREAT", "0841"),
    ("Hungary ordered the expulsion of two Russian diplomats.", "expulsion", "SANCTION", "166"),
])
def test_event_lexicon_nominal_events(pipeline, text, trigger, type_, cameo):
    a = pipeline.analyze(text, published=dt.date(2020, 1, 1))
    assert any(e.trigger.text == trigger and e.type == type_ and e.cameo == cameo for e in a.events), a.events


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The talks resumed in March.",  # a month, not a march
    "During the withdrawal, the economy grew.",  # background: no troops withdrawn
    "The bank's loan book grew last year.",  # no one gave a loan
])
def test_event_lexicon_nominal_background_not_coded(pipeline, text):
    a = pipeline.analyze(text, published=dt.date(2020, 1, 1))
    nominal = {"march", "withdrawal", "loan"}
    assert not any(e.trigger.text.lower() in nominal for e in a.events)


def test_person_nouns_join_kb_people_nouns():
    from communique.extract.person_nouns import person_nouns
    from communique.kb.words import actor_words

    nouns = person_nouns()
    assert {"hostage", "prisoner", "journalist"} <= nouns  # data/events/person_nouns.yaml
    assert {"gunman", "protester", "police"} <= nouns  # data/kb/actor_words.yaml people_nouns
    text = resources.files("communique.data.events").joinpath("person_nouns.yaml").read_text("utf-8")
    own = set(yaml.safe_load(text)["nouns"])
    assert own and not own & set(actor_words().people_nouns)  # no word in both files


@pytest.mark.parametrize("text", ["version: 1\nnouns: [a]\nwords: [b]\n", "version: 1\nnouns: [a, no]\n"])
def test_person_nouns_schema(text):
    from communique.extract.person_nouns import parse_person_nouns

    with pytest.raises(ValueError):
        parse_person_nouns(text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Police arrested 40 protesters in Cairo and Russia expelled two British diplomats.",
    "Israeli jets bombed Hamas positions in Gaza as Egypt sent food to the refugees.",
    "The union called off the strike after the government agreed to raise wages.",
    "Turkey accused Greece of violating its airspace and summoned the ambassador.",
])
def test_event_dictionary_index_matches_every_pattern_tried(nlp, text):
    """The block index only skips patterns that cannot hold: same match as trying them all."""
    from dataclasses import replace

    from communique.extract.event_dictionary import BlockIndex, build_dictionary, match

    d = build_dictionary(_shipped())
    exhaustive = replace(d, index={"": BlockIndex({}, {}, ())})  # no block indexed: every pattern tried
    found = [(t.i, match(t, d)) for t in nlp(text)]
    assert found == [(t.i, match(t, exhaustive)) for t in nlp(text)]
    assert any(f is not None and f[0] is not None for _, f in found)  # some phrase pattern was matched


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A win there could help solidify Trump's claim to the nomination, while dealing Cruz a formidable blow.",
    "She said she reserves the right to reconsider.",
    "The Republican National Committee set a goal of raising 64 million dollars for its convention.",
])
def test_events_dictionary_domestic_sides_get_no_dictionary_event(pipeline, text):
    evs = pipeline.analyze(text).events
    assert not any(e.rule.startswith("petrarch.") for e in evs), evs
