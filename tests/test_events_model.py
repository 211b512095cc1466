"""The PLOVER event-type classifier: features, training, persistence, and how it is combined
with the rules (real spaCy parses, real pipeline)."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from communique.extract.event_model import (
    NONE,
    EventTypeModel,
    Thresholds,
    combined_type,
    features,
    load_from,
    load_model,
)
from communique.learn.events_train import Example, accuracy, fit, has_trigger, sentences, tune_thresholds

TOY = [
    ("Troops attacked the village and killed ten civilians.", "ASSAULT"),
    ("Rebels shelled the town overnight, killing five.", "ASSAULT"),
    ("Gunmen opened fire on a convoy near the border.", "ASSAULT"),
    ("The two ministers met in Geneva for talks on trade.", "CONSULT"),
    ("The leaders held talks in Paris on Monday.", "CONSULT"),
    ("The envoy met the president for two hours of talks.", "CONSULT"),
    ("The weather was mild and the harvest was good.", NONE),
    ("The museum reopened its doors to visitors this spring.", NONE),
    ("The film is a quiet story about a family in the country.", NONE),
]


@pytest.fixture(scope="module")
def toy_model() -> EventTypeModel:
    data = [Example(t, label) for t, label in TOY]
    m = fit(data, ("ASSAULT", "CONSULT", NONE), dim=1 << 12, epochs=30)
    return EventTypeModel(m.classes, m.weights, m.bias, Thresholds(drop=0.5, retype=0.5, keep=0.2, add=0.5), "t")


@pytest.mark.parametrize("dim", [1 << 10, 1 << 18])
def test_event_model_features_are_deterministic_and_in_range(dim):
    a, va = features("Troops attacked the village.", dim)
    b, vb = features("Troops attacked the village.", dim)
    assert np.array_equal(a, b) and np.array_equal(va, vb)
    assert len(a) > 0 and a.min() >= 0 and a.max() < dim
    assert np.isclose(float((va ** 2).sum()), 1.0)


def test_event_model_fit_learns_training_set(toy_model):
    assert accuracy(toy_model, [Example(t, label) for t, label in TOY]) == 1.0


@pytest.mark.parametrize("text, expected", [
    ("Soldiers attacked a convoy and killed ten.", "ASSAULT"),
    ("The foreign ministers held talks in Geneva.", "CONSULT"),
])
def test_event_model_generalises_on_toy(toy_model, text, expected):
    assert toy_model.predict(text)[0] == expected


def test_event_model_save_load_roundtrip(toy_model, tmp_path):
    toy_model.save(tmp_path, {"note": "toy"})
    again = load_from(tmp_path)
    assert again.classes == toy_model.classes and again.thresholds == toy_model.thresholds
    p, q = toy_model.proba(TOY[0][0]), again.proba(TOY[0][0])
    assert set(p) == set(q) and all(abs(p[c] - q[c]) < 1e-2 for c in p)


def test_event_model_missing_folder_is_config_error(tmp_path):
    from communique.errors import ConfigError

    with pytest.raises(ConfigError):
        load_from(tmp_path / "nothing")


TH = Thresholds(drop=0.6, retype=0.5, keep=0.1, add=0.7)


@pytest.mark.parametrize("rule, probs, expected", [
    ("ASSAULT", {"ASSAULT": 0.1, "CONSULT": 0.1, NONE: 0.8}, NONE),  # sure there is no event: dropped
    ("ASSAULT", {"ASSAULT": 0.05, "CONSULT": 0.9, NONE: 0.05}, "CONSULT"),  # sure of another type: retyped
    ("ASSAULT", {"ASSAULT": 0.3, "CONSULT": 0.6, NONE: 0.1}, "ASSAULT"),  # the rules' type has weight: kept
    (NONE, {"ASSAULT": 0.8, "CONSULT": 0.1, NONE: 0.1}, "ASSAULT"),  # rules found nothing, model sure: added
    (NONE, {"ASSAULT": 0.5, "CONSULT": 0.1, NONE: 0.4}, NONE),  # not sure enough
])
def test_event_model_combined_type(rule, probs, expected):
    assert combined_type(rule, probs, TH) == expected


@pytest.mark.parametrize("text, expected", [
    ("Troops attacked the village.", True),
    ("The minister arrived in Paris.", False),
    ("Protesters rallied outside parliament.", True),
])
def test_events_train_has_trigger(text, expected):
    assert has_trigger(text, frozenset({"attack", "rally", "talks"})) is expected


def test_events_train_sentences_split_lead():
    assert sentences('Troops attacked the town. "We will fight," he said. Officials agreed.') == [
        "Troops attacked the town.", '"We will fight," he said.', "Officials agreed."]


def test_events_train_thresholds_pick_the_best_grid_point():
    rows = [("a", NONE, "ASSAULT"), ("b", "CONSULT", NONE)]
    probs = [{"ASSAULT": 0.05, "CONSULT": 0.05, NONE: 0.9}, {"ASSAULT": 0.05, "CONSULT": 0.9, NONE: 0.05}]
    th, acc = tune_thresholds(probs, rows)
    assert acc == 1.0 and th.drop <= 0.9 and th.add <= 0.9


def test_event_model_shipped_model_and_card():
    model = load_model(None)
    assert model is not None and model.classes[-1] == NONE and "ASSAULT" in model.classes
    folder = resources.files("communique.data.models.events")
    size = sum(Path(str(folder.joinpath(n))).stat().st_size for n in ("weights.npz", "meta.json"))
    assert size <= 30 * 1024 * 1024
    assert folder.joinpath("MODEL_CARD.md").is_file()


@pytest.mark.model
def test_event_model_combine_in_pipeline(toy_model, tmp_path):
    """The model drops the rules' event where it is sure there is none, and only with
    ``event_model`` on; with it off the rules' events stand."""
    from communique.config import Settings
    from communique.pipeline import Pipeline

    toy_model.save(tmp_path, {})
    text = "The film is a quiet story in which rebels attacked a family in the country."
    pub = dt.date(2020, 1, 1)
    off = Pipeline(Settings(event_model=False)).analyze(text, published=pub)
    assert any(e.type == "ASSAULT" for e in off.events)
    model = load_from(tmp_path)
    assert model.proba(text)[NONE] >= model.thresholds.drop
    on = Pipeline(Settings(event_model=True, event_model_path=str(tmp_path))).analyze(text, published=pub)
    assert not on.events


@pytest.mark.model
def test_event_model_adds_event_with_rules_arguments(toy_model, tmp_path):
    from communique.config import Settings
    from communique.pipeline import Pipeline

    toy_model.save(tmp_path, {})
    text = "Russian troops rained fire on Ukrainian soldiers near the border."  # no rule knows "rained"
    pub = dt.date(2020, 1, 1)
    off = Pipeline(Settings(event_model=False, event_dictionary=False)).analyze(text, published=pub)
    if off.events:
        pytest.skip("the rules code this sentence already")
    on = Pipeline(Settings(event_model=True, event_dictionary=False, event_model_path=str(tmp_path))).analyze(
        text, published=pub)
    assert [e.type for e in on.events] == ["ASSAULT"]
    ev = on.events[0]
    assert ev.rule == "model.ASSAULT" and ev.trigger.text == "rained" and ev.actor is not None


def _dev_rows():
    rows = [
        ("Russian troops attacked a Ukrainian village on Monday.", "ASSAULT", "tune"),
        ("The weather was mild and the harvest was good.", NONE, "tune"),
        ("The foreign ministers of France and Germany met in Paris.", "CONSULT", "tune"),
        ("The museum reopened its doors to visitors this spring.", NONE, "tune"),
        ("Police arrested forty protesters in Cairo.", "COERCE", "heldout"),
    ]
    import json

    return "".join(json.dumps({"id": f"t{i}", "source": "test", "split": s, "text": t, "type": ty,
                               "actor": None, "recipient": None, "modality": None}) + "\n"
                   for i, (t, ty, s) in enumerate(rows))


@pytest.mark.model
def test_events_train_cli_writes_a_loadable_model(tmp_path):
    """``communique train events`` on small real files: a model that loads, with its
    thresholds and training sources; the held-out sentence is never trained on."""
    import csv
    import json

    from typer.testing import CliRunner

    from communique.cli import app

    ngec = tmp_path / "ngec.csv"
    with open(ngec, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["text", "label"])
        w.writeheader()
        for t, label in TOY:
            if label != NONE:
                w.writerow({"text": t + " Officials said more would follow.", "label": label})
    cameo = tmp_path / "cameo.csv"
    with open(cameo, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["code", "example"])
        w.writeheader()
        w.writerow({"code": "190", "example": "Rebels attacked an army post."})
        w.writerow({"code": "040", "example": "The two presidents held talks."})
    codebook = tmp_path / "codebook.csv"
    with open(codebook, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["event", "mode", "event_def", "mode_def"])
        w.writeheader()
        w.writerow({"event": "ASSAULT", "mode": "", "event_def": "Use unconventional forms of violence.",
                    "mode_def": ""})
    dev = tmp_path / "dev.jsonl"
    dev.write_text(_dev_rows(), encoding="utf-8")
    out = tmp_path / "model"
    res = CliRunner().invoke(app, ["train", "events", "--ngec", str(ngec), "--cameo-examples", str(cameo),
                                   "--codebook", str(codebook), "--dev-set", str(dev), "--out", str(out)])
    assert res.exit_code == 0, res.output
    model = load_from(out)
    assert set(model.classes) >= {"ASSAULT", "CONSULT", NONE}
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["sources"]["ngec"] == 6 and meta["sources"]["dev-tune"] == 4
    assert "COERCE" not in model.classes  # the held-out sentence's type came from nowhere else


@pytest.mark.model
def test_event_compare_dev_reports_every_system(tmp_path):
    from communique.evaluation.event_compare import compare_dev

    dev = tmp_path / "dev.jsonl"
    dev.write_text(_dev_rows(), encoding="utf-8")
    res = compare_dev(dev, "all")
    assert list(res) == ["baseline", "curated", "rules", "model", "combined"]
    for r in res.values():
        assert r["sentences"] == 5 and r["none_sentences"] == 2
        assert 0.0 <= r["type_accuracy"] <= 1.0
    assert res["curated"]["by_type"]["COERCE"] == "1/1"  # "arrested" by the curated patterns
