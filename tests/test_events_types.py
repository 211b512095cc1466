"""Event types on real parses (issue 19): triggers that need their event's parts (a side
recognised, a counterpart to consult, a that-clause to claim, a rule to defy) and the
general patterns added on the tune half's error classes."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.extract.event_background import not_an_event


def _events(pipeline, text):
    return pipeline.analyze(text, published=dt.date(2020, 1, 1)).events


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    ("The senator discussed his tax proposals on the radio.", "discussed", "CONSULT"),  # no other side
    ("She needs to demonstrate that she can win the state.", "demonstrate", "PROTEST"),  # showing
    ("He hopes to claim the nomination in July.", "claim", "ACCUSE"),  # a prize, not a wrong
    ("Voters did not recognize themselves in the speech.", "recognize", "SUPPORT"),
    ("We cannot ignore the fact that prices rose.", "ignore", "REJECT"),  # defies no rule
    ("Strong demand for consumer goods lifted imports in Brazil.", "demand", "REQUEST"),  # a market's
    ("The two sides opened talks to avoid an attack on the port.", "attack", "ASSAULT"),  # prevented
    ("Turkish police foiled an attack on the Greek consulate.", "attack", "ASSAULT"),
    ("The minister insisted the plan did not harm farmers.", "insisted", "REQUEST"),  # a claim, no demand
])
def test_events_types_not_coded(pipeline, text, trigger, type_):
    evs = _events(pipeline, text)
    assert not any(e.trigger.text == trigger and e.type == type_ for e in evs), evs


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    ("France discussed the crisis with Germany on Monday.", "discussed", "CONSULT", "consult.discuss"),
    ("Russia recognized the independence of Abkhazia.", "recognized", "SUPPORT", "support.recognize"),
    ("Protesters held placards outside the Russian embassy in Berlin.", "held", "PROTEST", "protest.display"),
    ("Morocco summoned its own ambassador home from Spain.", "summoned", "SANCTION", "sanction.recall-own"),
    ("Somalia's president claimed that Washington should end its military aid.", "claimed", "REQUEST",
     "request.must"),
    ("Iran violated the nuclear agreement with the European Union.", "violated", "REJECT", "reject.defy"),
    ("Three unions joined an appeal to the government for higher wages.", "appeal", "REQUEST", "appeal.noun"),
    ("The army and the rebels declared a cease-fire on Friday.", "fire", "RETREAT", "retreat.cease-fire"),
    ("The journalist was ejected from the country.", "ejected", "COERCE", "coerce.deport"),
    ("Moscow is insisting that the alliance reject the membership bid.", "insisting", "REQUEST",
     "request.insist-that"),
])
def test_events_types_coded(pipeline, text, trigger, type_, rule):
    evs = _events(pipeline, text)
    assert any(e.trigger.text == trigger and e.type == type_ and e.rule == rule for e in evs), evs


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, reason", [
    ("The two sides opened talks to avoid an attack on the port.", "attack", "prevented"),
    ("Police failed to arrest the suspect.", "arrest", "failed"),
])
def test_events_types_not_an_event_reason(pipeline, text, trigger, reason):
    doc = pipeline.nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    assert not_an_event(tok, "ASSAULT" if trigger == "attack" else "COERCE") == reason
