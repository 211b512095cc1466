"""`communique eval places` on the project's labelled toponym set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from communique.evaluation import places as places_eval
from communique.models import Place

FIXTURES = Path(__file__).parent / "fixtures"


def test_places_eval_set_is_large_and_labelled():
    items = places_eval.load_items(FIXTURES / "places_eval.jsonl")
    assert len(items) >= 150
    assert all(it["toponym"] in it["text"] for it in items)
    assert all(it["geonameid"] or it["country"] or it["name"] or not it["place"] for it in items)


@pytest.mark.parametrize("item,place,ok", [
    ({"place": True, "geonameid": 1, "country": "CHE"}, Place(0, 1, "G", "G", "CHE", geonameid=1), True),
    ({"place": True, "geonameid": 1, "country": "CHE"}, Place(0, 1, "G", "G", "CHE", geonameid=2), False),
    ({"place": True, "geonameid": None, "country": "UKR"}, Place(0, 1, "D", "D", "UKR"), True),
    ({"place": True, "geonameid": None, "country": None, "name": "Black Sea"}, Place(0, 1, "B", "Black Sea"), True),
    ({"place": False}, None, True),
    ({"place": False}, Place(0, 1, "M", "Moscow", "RUS"), False),
    ({"place": True, "geonameid": 1}, None, False),
])
def test_places_eval_scoring(item, place, ok):
    assert places_eval.is_correct(item, place) is ok


@pytest.mark.model
@pytest.mark.parametrize("name", ["places_eval.jsonl", "places_heldout.jsonl"])
def test_places_eval_meets_target(nlp, name):
    res = places_eval.evaluate(places_eval.load_items(FIXTURES / name), nlp=nlp)
    assert res.accuracy >= 0.90, res.errors
    assert res.metonym_accuracy >= 0.90, res.errors


@pytest.mark.model
def test_places_eval_cli_prints_json(tmp_path):
    lines = (FIXTURES / "places_eval.jsonl").read_text(encoding="utf-8").splitlines()[:4]
    small = tmp_path / "small.jsonl"
    small.write_text("\n".join(lines) + "\n", encoding="utf-8")
    app = typer.Typer()
    app.callback()(lambda: None)
    places_eval.register(app)
    result = CliRunner().invoke(app, ["places", "--path", str(small), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["places"] + data["metonyms"] == 4
