"""`communique eval time` on the project's labelled date set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from communique.evaluation import time as time_eval

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.model


def test_time_eval_set_is_large_and_labelled():
    items = time_eval.load_items(FIXTURES / "dates_eval.jsonl")
    exprs = [it for it in items if "expr" in it]
    assert len(exprs) >= 150
    assert all(it["precision"] in ("day", "week", "month", "year") for it in exprs)
    assert all(it["expr"] in it["text"] for it in exprs)


@pytest.mark.parametrize("name", ["dates_eval.jsonl", "dates_heldout.jsonl"])
def test_time_eval_meets_target(nlp, name):
    res = time_eval.evaluate(time_eval.load_items(FIXTURES / name), nlp=nlp)
    assert res.accuracy >= 0.95, res.errors
    assert res.event_accuracy >= 0.9, res.errors


def test_time_eval_cli_prints_json(tmp_path):
    lines = (FIXTURES / "dates_eval.jsonl").read_text(encoding="utf-8").splitlines()[:5]
    small = tmp_path / "small.jsonl"
    small.write_text("\n".join(lines) + "\n", encoding="utf-8")
    app = typer.Typer()
    app.callback()(lambda: None)
    time_eval.register(app)
    result = CliRunner().invoke(app, ["time", "--path", str(small), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["expressions"] == 5 and 0.0 <= data["accuracy"] <= 1.0
