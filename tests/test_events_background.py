"""Triggers that report no event (extract/event_background.py), on real parses."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.extract.event_background import parse_not_events


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("He lost his leg during the 2014 war with Russia.", "war"),
    ("Since the 2003 invasion of Iraq, the region has been unstable.", "invasion"),
    ("Cholera killed 200 people in Yemen last month.", "killed"),
    ("Two people were killed in a car accident in Texas.", "killed"),
    ("Police failed to arrest the suspect.", "arrest"),
    ("French police arrested twelve protesters in Paris after clashes near the parliament.", "clashes"),
    # a habit one is known for, and an act a speaker speaks of
    ("Trump is known for his attacks on the media.", "attacks"),
    ("Duterte is notorious for his crackdown on drugs.", "crackdown"),
    ('"This is a blatant violation," the foreign ministry said of the strike.', "strike"),
])
def test_event_background_not_coded(pipeline, text, trigger):
    a = pipeline.analyze(text, published=dt.date(2020, 1, 1))
    assert not any(e.trigger.text == trigger for e in a.events), a.events


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    ("Rebels killed 20 soldiers in an attack on the base.", "killed", "ASSAULT"),
    ("Israeli fire killed three Palestinians in Gaza.", "killed", "ASSAULT"),
    ("Obama said during a phone call with French President Hollande that aid would come.", "call", "CONSULT"),
    ("Police arrested the suspect in Paris.", "arrested", "COERCE"),
    ("Russia invaded Ukraine in 2022.", "invaded", "COERCE"),  # 192 occupy: PLOVER COERCE
    # after/following an event that names its sides: an event of its own, not background
    ("Police fired tear gas after clashes with protesters in Nairobi on Monday.", "clashes", "ASSAULT"),
    ("The army withdrew from the town following heavy fighting with rebels.", "fighting", "ASSAULT"),
    # a call one spoke on is the speaker's own
    ("Assad said on a call with his Russian allies that the war would go on.", "call", "CONSULT"),
])
def test_event_background_real_events_kept(pipeline, text, trigger, type_):
    a = pipeline.analyze(text, published=dt.date(2020, 1, 1))
    assert any(e.trigger.text == trigger and e.type == type_ for e in a.events), a.events


@pytest.mark.parametrize("text", [
    "version: 1\nbackground_preps: [during]\noccasion_types: []\nyear_pattern: x\ndeath_triggers: [kill]\n"
    "non_violent_causes: [flu]\nfailure_verbs: [fail]\nextra: [x]\n",
    "version: 1\nbackground_preps: [during, on]\noccasion_types: []\nyear_pattern: x\ndeath_triggers: [kill]\n"
    "non_violent_causes: [flu]\nfailure_verbs: [fail]\n",  # bare on: a boolean
])
def test_event_background_schema(text):
    with pytest.raises(ValueError):
        parse_not_events(text)
