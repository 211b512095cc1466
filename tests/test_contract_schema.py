"""`communique analyze <seed> --format json` matches the output contract and its JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.models import Analysis
from communique.schema import analysis_schema

SEED = Path(__file__).parent / "fixtures" / "seed_article.txt"


@pytest.fixture(scope="module")
def seed_json(pipeline) -> dict:  # `pipeline` loads the model once for the session
    result = CliRunner().invoke(app, ["analyze", str(SEED), "--format", "json", "--published", "2022-01-21"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _spans(node, path="$"):
    """Every object with integer start/end and a text (Span, Party, Place, TimeRef)."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int) and isinstance(
                node.get("text"), str) and path != "$":
            yield path, node
        for k, v in node.items():
            yield from _spans(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _spans(v, f"{path}[{i}]")


def test_contract_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(analysis_schema())


def test_contract_schema_validates_seed_output(seed_json):
    errors = sorted(jsonschema.Draft202012Validator(analysis_schema()).iter_errors(seed_json),
                    key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_contract_schema_text_is_the_file_content_exactly(seed_json):
    assert seed_json["text"] == SEED.read_bytes().decode("utf-8")
    assert seed_json["published"] == "2022-01-21"


def test_contract_schema_every_span_points_into_text(seed_json):
    text = seed_json["text"]
    spans = list(_spans(seed_json))
    assert len(spans) > 20
    bad = [(p, s) for p, s in spans
           if not (0 <= s["start"] <= s["end"] <= len(text) and text[s["start"]:s["end"]] == s["text"])]
    assert not bad, bad[:5]


def test_contract_schema_references_are_consistent(seed_json):
    text = seed_json["text"]
    ids = {a["id"] for a in seed_json["actors"]}
    assert len(ids) == len(seed_json["actors"])
    for q in seed_json["quotes"]:
        assert q["speaker_actor"] is None or q["speaker_actor"] in ids
        assert q["content"]
    for e in seed_json["events"]:
        s = e["sentence"]
        assert 0 <= s["start"] <= e["trigger"]["start"] <= e["trigger"]["end"] <= s["end"] <= len(text)
        for party in (e["actor"], e["recipient"]):
            if party:
                assert set(party["actors"]) <= ids
        assert e["quote"] is None or 0 <= e["quote"] < len(seed_json["quotes"])


def test_contract_schema_seed_has_quotes_and_events(seed_json):
    assert seed_json["quotes"] and seed_json["events"]
    speakers = " ".join((q["speaker"] or {}).get("text", "") for q in seed_json["quotes"])
    assert "Lavrov" in speakers or "Blinken" in speakers


def test_contract_schema_output_round_trips_to_the_same_json(seed_json):
    assert Analysis.from_dict(seed_json).to_dict() == seed_json


def test_contract_schema_rejects_a_broken_record(seed_json):
    broken = json.loads(json.dumps(seed_json))
    broken["quotes"].append({"kind": "shouted"})
    assert list(jsonschema.Draft202012Validator(analysis_schema()).iter_errors(broken))
