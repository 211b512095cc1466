"""The BiLSTM-CRF attribution tagger: numpy inference, its agreement with the torch network
it was trained as, and training on the mini PolNeAR corpus (torch: the ``train`` extra)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from communique.extract.attribution.neural import (
    LABELS,
    bio_constraints,
    feature_strings,
    hashed_features,
    marginals,
    viterbi,
)

MINI = Path(__file__).parent / "fixtures" / "polnear_mini"
SENTENCE = 'Hillary Clinton said on Monday that she was ready for the debate. "We will win," she added.'


@pytest.mark.parametrize(("feats", "expected"), [
    ({"bias": 1.0, "w": "said", "title": True, "punct": False}, ["w=said", "title"]),
    ({"inq": 0, "-1:inq": 1, "r": "B-CUE"}, ["inq=0", "-1:inq=1", "r=B-CUE"]),
    ({"d0": 0.25}, ["d0"]),
])
def test_neural_feature_strings(feats, expected):
    assert feature_strings(feats) == expected


def test_neural_hashed_features_offsets_and_range():
    feats = [{"w": "a", "t": True}, {"w": "b"}, {"bias": 1.0}]
    ids, offs = hashed_features(feats, 10)
    assert offs.tolist() == [0, 2, 3, 3]
    assert ids.min() >= 0 and ids.max() < 1 << 10
    again, _ = hashed_features(feats, 10)
    assert ids.tolist() == again.tolist()  # CRC-32: the same in every process


@pytest.mark.parametrize(("labels", "fixed"), [
    (["I-CUE", "I-CUE", "O"], ["B-CUE", "I-CUE", "O"]),
    (["B-SOURCE", "I-CONTENT", "I-CONTENT"], ["B-SOURCE", "B-CONTENT", "I-CONTENT"]),
    (["O", "B-CONTENT", "I-CONTENT"], ["O", "B-CONTENT", "I-CONTENT"]),
])
def test_neural_fix_bio(labels, fixed):
    pytest.importorskip("torch")
    from communique.learn.train_neural import fix_bio

    y = np.array([LABELS.index(lab) for lab in labels])
    assert [LABELS[k] for k in fix_bio(y)] == fixed


def test_neural_viterbi_and_marginals_respect_bio():
    rng = np.random.default_rng(0)
    trans, start = bio_constraints()
    em = rng.normal(size=(12, len(LABELS))).astype(np.float32)
    em[:, LABELS.index("I-CONTENT")] += 3.0  # tempts the decoder into an I- without a B-
    best = [LABELS[k] for k in viterbi(em, trans, start, np.zeros(len(LABELS), np.float32))]
    for prev, cur in zip(["O", *best], best):
        if cur.startswith("I-"):
            assert prev[2:] == cur[2:]
    marg = marginals(em, trans, start, np.zeros(len(LABELS), np.float32))
    assert np.allclose(marg.sum(1), 1.0)
    assert marg[0, LABELS.index("I-CONTENT")] < 1e-6


def test_neural_model_without_weights_is_a_clear_error(tmp_path):
    from communique.errors import ModelNotInstalledError
    from communique.extract.attribution.model import load_model

    (tmp_path / "meta.json").write_text(json.dumps({"architecture": "bilstm-crf", "features_version": 4}))
    with pytest.raises(ModelNotInstalledError, match="bilstm.npz"):
        load_model(tmp_path)


def test_neural_training_without_torch_is_a_clear_error(monkeypatch):
    from communique.errors import ModelNotInstalledError
    from communique.learn.train_neural import _torch

    monkeypatch.setitem(sys.modules, "torch", None)
    with pytest.raises(ModelNotInstalledError, match="communique\\[train\\]"):
        _torch()


def _tiny_config() -> dict:
    from communique.learn.train import load_config

    cfg = load_config(None)
    cfg["model"].update(architecture="bilstm-crf", version="0.t")
    cfg["lexicon"].update(min_count=1, min_ratio=0.0)
    cfg["neural"] = {"buckets": 12, "embed": 8, "tensor_proj": 8, "hidden": 16, "epochs": 3, "window": 40,
                     "batch": 4, "average_from": 2}
    return cfg


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    pytest.importorskip("torch")
    from communique.learn.train import train_attribution

    out = tmp_path_factory.mktemp("bilstm")
    meta = train_attribution(MINI, out, _tiny_config(), seed=3)
    return out, meta


@pytest.mark.model
def test_neural_train_writes_loadable_model(tiny_model, nlp):
    from communique.extract.attribution.linking import predict_attributions
    from communique.extract.attribution.model import load_model

    out, meta = tiny_model
    assert sorted(p.name for p in out.iterdir()) == ["bilstm.npz", "meta.json"]
    saved = json.loads((out / "meta.json").read_text())
    assert saved["architecture"] == "bilstm-crf" and saved["features_version"] == 4
    (run,) = saved["member_runs"]
    assert run["seed"] == 3 and 1 <= run["epoch"] <= 3 and isinstance(run["averaged"], bool)
    assert saved["members"] == ["bilstm.npz"] and set(saved["dev"]) >= {"source", "cue", "content", "attribution"}
    model = load_model(out)
    assert model.rule_id == "model.bilstm-crf-attribution@0.t"
    doc = nlp(SENTENCE)
    labels, probs = model.tag(doc)
    assert len(labels) == len(doc) and all(0.0 <= p <= 1.0 + 1e-9 for p in probs)
    assert all(a.content for a in predict_attributions(doc, model))


@pytest.mark.model
@pytest.mark.parametrize("with_tensor", [True, False])
def test_neural_numpy_inference_matches_torch(tiny_model, nlp, with_tensor):
    torch = pytest.importorskip("torch")
    from communique.extract.attribution.features import doc_features
    from communique.extract.attribution.model import load_model
    from communique.extract.attribution.neural import emissions
    from communique.learn.corpus import Example
    from communique.learn.train_neural import build_network, encode

    out, meta = tiny_model
    model = load_model(out)
    doc = nlp(SENTENCE)
    if not with_tensor:
        doc.tensor = np.zeros((len(doc), 96), dtype=np.float32)
    mine = emissions(model.neural[0], doc_features(doc, model.cues, version=4), doc.tensor)
    net = build_network(meta["hyperparameters"], 96)
    state = net.state_dict()
    with np.load(out / "bilstm.npz") as z:
        for k in state:
            if k in z.files:
                state[k] = torch.from_numpy(z[k].astype(np.float32))
    net.load_state_dict(state)
    net.eval()
    (enc,) = encode([Example("s", doc, (), ("O",) * len(doc))], model.cues, meta["hyperparameters"]["buckets"])
    with torch.no_grad():
        theirs = net.emissions([enc])[0][0].numpy()
    assert mine.shape == (len(doc), len(LABELS))
    assert np.abs(mine - theirs).max() < 1e-4


@pytest.mark.model
def test_neural_training_is_reproducible(tmp_path, tiny_model):
    from communique.learn.train import train_attribution

    out, _ = tiny_model
    train_attribution(MINI, tmp_path / "again", _tiny_config(), seed=3)
    with np.load(out / "bilstm.npz") as a, np.load(tmp_path / "again" / "bilstm.npz") as b:
        assert sorted(a.files) == sorted(b.files)
        for k in a.files:
            assert np.array_equal(a[k], b[k]), k


@pytest.mark.model
@pytest.mark.parametrize("architecture", ["bilstm-crf", "rnn"])
def test_neural_cli_train_architecture(tmp_path, architecture):
    from typer.testing import CliRunner

    from communique.cli import app

    if architecture == "bilstm-crf":
        pytest.importorskip("torch")
    cfg = tmp_path / "cfg.toml"
    cfg.write_text("[lexicon]\nmin_count = 1\nmin_ratio = 0.0\n"
                   "[neural]\nbuckets = 10\nembed = 4\ntensor_proj = 4\nhidden = 8\nepochs = 1\nwindow = 30\n")
    res = CliRunner().invoke(app, ["train", "attribution", "--polnear", str(MINI), "--out", str(tmp_path / "m"),
                                   "--config", str(cfg), "--architecture", architecture])
    if architecture == "rnn":
        assert res.exit_code == 2 and "bilstm-crf" in res.output
        return
    assert res.exit_code == 0, res.output
    assert "bilstm-crf model" in res.output and "epoch 1" in res.output
    assert json.loads((tmp_path / "m" / "meta.json").read_text())["architecture"] == "bilstm-crf"


@pytest.mark.model
def test_neural_members_average_their_scores(tiny_model, nlp, tmp_path):
    import shutil

    from communique.extract.attribution.features import doc_features
    from communique.extract.attribution.model import load_model
    from communique.extract.attribution.neural import tag

    out, _ = tiny_model
    single = load_model(out)
    doc = nlp(SENTENCE)
    feats = doc_features(doc, single.cues, version=4)
    one = tag(single.neural, doc, feats)
    # two copies of one network: the mean of identical scores is the network itself
    shutil.copy(out / "bilstm.npz", tmp_path / "bilstm.npz")
    shutil.copy(out / "bilstm.npz", tmp_path / "bilstm-2.npz")
    meta = json.loads((out / "meta.json").read_text())
    (tmp_path / "meta.json").write_text(json.dumps(dict(meta, members=["bilstm.npz", "bilstm-2.npz"])))
    pair = load_model(tmp_path)
    assert len(pair.neural) == 2
    two = tag(pair.neural, doc, feats)
    assert one[0] == two[0] and np.allclose(one[2], two[2], atol=1e-5)
    (tmp_path / "bilstm-2.npz").unlink()
    from communique.errors import ModelNotInstalledError
    from communique.extract.attribution.model import _load

    _load.cache_clear()
    with pytest.raises(ModelNotInstalledError, match="bilstm-2.npz"):
        load_model(tmp_path)


@pytest.mark.model
def test_neural_train_one_network_per_seed(tmp_path, tiny_model):
    from communique.extract.attribution.model import load_model
    from communique.learn.train import train_attribution

    single, _ = tiny_model  # seed 3 alone
    cfg = _tiny_config()
    cfg["neural"]["seeds"] = [3, 4]
    meta = train_attribution(MINI, tmp_path / "pair", cfg)
    assert meta["members"] == ["bilstm.npz", "bilstm-2.npz"]
    assert [r["seed"] for r in meta["member_runs"]] == [3, 4]
    assert len(load_model(tmp_path / "pair").neural) == 2
    # each network is the one a single run with its seed trains
    with np.load(single / "bilstm.npz") as a, np.load(tmp_path / "pair" / "bilstm.npz") as b:
        assert all(np.array_equal(a[k], b[k]) for k in a.files)


@pytest.mark.parametrize("feats", [
    [{"a": True}, {"a": 1}, {"a": 1.0}, {"a": False}, {"a": 0}],  # equal in Python, not as features
    [{"w": "x", "bias": 1.0}, {"w": "x"}, {"w": "y", "t": True}],
])
def test_neural_hashed_features_memo_keeps_types_apart(feats):
    import zlib

    from communique.extract.attribution.neural import hashed_features

    ids, offs = hashed_features(feats, 20)
    expected = [zlib.crc32(s.encode()) & ((1 << 20) - 1) for f in feats for s in feature_strings(f)]
    assert ids.tolist() == expected
    assert offs.tolist() == [0, *np.cumsum([len(feature_strings(f)) for f in feats]).tolist()]
