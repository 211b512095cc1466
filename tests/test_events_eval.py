"""`communique eval events` scoring on a small example file of our own (real model)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from communique.evaluation.events import evaluate, expected_type, load_examples


def test_events_eval_expected_type_through_crosswalk():
    assert expected_type("042") == "CONSULT" and expected_type("010") is None


@pytest.mark.model
def test_events_eval_scores_small_file():
    examples = load_examples(FIXTURES / "cameo_examples_small.csv")
    assert len(examples) == 6
    result = evaluate(examples)
    ours = result["communique"]
    assert set(result) == {"communique", "baseline"}
    assert ours["examples"] == 6 and ours["type_examples"] == 6
    assert ours["type_accuracy"] >= 0.66
    assert ours["country_accuracy"] >= 0.66
