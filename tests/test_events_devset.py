"""`communique eval events --dev-set`: loading, side matching, dyads and scores on a tiny
hand-made file (tests never read the real development set's sources)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from communique.errors import InputError
from communique.evaluation.event_devset import Side, dyads, load_dev_set, run_dev, score_dev, side_matches

SMALL = FIXTURES / "events_dev_small.jsonl"


@pytest.mark.parametrize("split, ids", [
    ("tune", ["t1", "t3", "t5"]),
    ("heldout", ["t2", "t4", "t6"]),
    ("all", ["t1", "t2", "t3", "t4", "t5", "t6"]),
])
def test_events_devset_split_is_a_field(split, ids):
    assert [g.id for g in load_dev_set(SMALL, split)] == ids


def test_events_devset_unknown_split_is_an_error():
    with pytest.raises(InputError):
        load_dev_set(SMALL, "test")


@pytest.mark.parametrize("gold, pred, ok", [
    (None, None, True),
    (None, Side("Iran", frozenset({"IRN"})), False),
    (Side("Iran", frozenset({"IRN"})), None, False),
    (Side("Defense Secretary Ash Carter", frozenset({"USA"})), Side("Carter", frozenset()), True),
    (Side("the U.S.", frozenset({"USA"})), Side("Washington", frozenset({"USA"})), True),
    (Side("Britain and France", frozenset({"GBR", "FRA"})), Side("Britain", frozenset({"GBR"})), True),
    (Side("Iran", frozenset({"IRN"})), Side("Iraq", frozenset({"IRQ"})), False),
    (Side("the protesters", frozenset()), Side("police", frozenset()), False),
])
def test_events_devset_side_matches_head_token_or_countries(gold, pred, ok):
    assert side_matches(gold, pred) is ok


def test_events_devset_dyads_are_member_pairs():
    a = Side("Armenia and Azerbaijan", frozenset({"ARM", "AZE"}))
    assert dyads(a, Side("Turkey", frozenset({"TUR"}))) == {("ARM", "TUR"), ("AZE", "TUR")}
    assert dyads(a, None) == set()


@pytest.mark.model
def test_events_devset_scores_tiny_file():
    result = score_dev(run_dev(load_dev_set(SMALL)))
    ours, base = result["communique"], result["baseline"]
    assert ours["sentences"] == base["sentences"] == 6 and ours["event_sentences"] == 5
    assert ours["type_accuracy"] >= 0.8
    assert ours["argument_accuracy"] >= 0.6
    assert ours["dyad_f1"] > base["dyad_f1"]
    assert ours["accuser_as_asserted_attacker"] == 0
