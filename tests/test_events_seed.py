"""The seed article's events against tests/fixtures/seed_events.golden.json (real model)."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

GOLDEN = json.loads((FIXTURES / "seed_events.golden.json").read_text(encoding="utf-8"))


def _facts(analysis, party):
    if party is None:
        return set(), set()
    actors = [analysis.actor(a) for a in party.actors]
    return ({a.country for a in actors if a and a.country} | ({party.country} if party.country else set()),
            {a.name for a in actors if a})


def _matches(analysis, ev, spec) -> bool:
    types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    if ev.type not in types:
        return False
    a_c, a_n = _facts(analysis, ev.actor)
    r_c, r_n = _facts(analysis, ev.recipient)
    if "actor_country" in spec and spec["actor_country"] not in a_c:
        return False
    if "recipient_country" in spec and spec["recipient_country"] not in r_c:
        return False
    if "actor_name" in spec and spec["actor_name"] not in a_n:
        return False
    if "recipient_name" in spec and spec["recipient_name"] not in r_n:
        return False
    if "actor_countries" in spec and not set(spec["actor_countries"]) <= a_c | r_c:
        return False
    if "actor_names" in spec and not set(spec["actor_names"]) <= a_n | r_n:
        return False
    if "recipient_names" in spec and not set(spec["recipient_names"]) <= r_n:
        return False
    if "modality" in spec and ev.modality != spec["modality"]:
        return False
    if "cameo" in spec and ev.cameo != spec["cameo"]:
        return False
    if "trigger" in spec and spec["trigger"] not in {m.text for m in ev.mentions}:
        return False
    if "location" in spec and (ev.location is None or ev.location.name != spec["location"]):
        return False
    return True


@pytest.mark.model
@pytest.mark.parametrize("spec", GOLDEN["required"], ids=lambda s: f"{s['type']}")
def test_events_seed_required(seed_analysis, spec):
    assert any(_matches(seed_analysis, ev, spec) for ev in seed_analysis.events), spec


@pytest.mark.model
@pytest.mark.parametrize("spec", GOLDEN["forbidden"], ids=lambda s: f"no-{s['type']}")
def test_events_seed_forbidden(seed_analysis, spec):
    assert not any(_matches(seed_analysis, ev, spec) for ev in seed_analysis.events), spec


@pytest.mark.model
def test_events_seed_every_event_explained(seed_analysis):
    text = seed_analysis.text
    for ev in seed_analysis.events:
        assert ev.rule and 0 < ev.confidence <= 1
        assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
        assert ev.sentence.start <= ev.trigger.start < ev.sentence.end
        assert ev.mentions and ev.trigger in ev.mentions
        assert ev.quad_class in (1, 2, 3, 4)
