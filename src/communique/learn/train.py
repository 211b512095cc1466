"""Training the attribution tagger on PolNeAR (train split), tuned on dev.

``train_attribution(polnear_dir, out_dir, config)`` parses both splits once (cached),
learns the cue lexicon from train, trains one CRF per (c1, c2) of the config grid, scores
each on dev (exact-span F1 per role, end-to-end attribution F1) and writes the best to
``out_dir`` with ``meta.json``. Progress goes through ``logging``; the CLI shows it.
"""

from __future__ import annotations

import json
import logging
import random
import shutil
import tempfile
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from ..config import Settings
from ..extract.attribution.features import FEATURES_VERSION, doc_features, kmeans
from ..extract.attribution.linking import LinkOptions, link_spans
from ..extract.attribution.model import (
    CLUSTERS_FILE,
    META_FILE,
    MODEL_FILE,
    _load,
    decode_spans,
)
from .corpus import Example, parse_split

log = logging.getLogger(__name__)

DEFAULT_CONFIG: dict[str, Any] = {
    "model": {"version": "1.0"},
    "training": {"seed": 13, "algorithm": "lbfgs", "max_iterations": 150, "feature_minfreq": 2,
                 "log_every": 10, "grid": [[0.1, 0.01]]},
    "lexicon": {"min_count": 3, "min_ratio": 0.1},
    "features": {"clusters": [], "cluster_sample": 150000},
    "link": {"max_sentence_gap": 1, "keep_orphans": False, "min_confidence": 0.0},
}


def load_config(path: str | Path | None) -> dict[str, Any]:
    """The defaults updated, section by section, from a TOML file."""
    cfg = {k: dict(v) for k, v in DEFAULT_CONFIG.items()}
    if path is not None:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        for section, values in data.items():
            cfg.setdefault(section, {}).update(values)
    return cfg


def learn_cue_lexicon(examples: Sequence[Example], min_count: int, min_ratio: float) -> list[str]:
    """Lemmas that head gold cues often enough (syntactic head of each cue span)."""
    total: Counter[str] = Counter()
    as_cue: Counter[str] = Counter()
    for ex in examples:
        for tok in ex.doc:
            total[tok.lemma_.lower()] += 1
        for span in decode_spans(ex.doc, list(ex.labels)):
            if span.role == "CUE":
                for tok in ex.doc[span.start:span.end]:
                    if not tok.is_punct or tok.text == ":":
                        as_cue[tok.lemma_.lower()] += 1
    return sorted(lem for lem, c in as_cue.items()
                  if c >= min_count and c / total[lem] >= min_ratio)


def learn_clusters(examples: Sequence[Example], sizes: Sequence[int], sample: int, seed: int) -> list[Any]:
    """k-means centroids (one set per size) of the context vectors of a seeded sample of
    training tokens: the v5 cluster features."""
    import numpy as np

    if not sizes:
        return []
    vecs = [np.asarray(ex.doc.tensor, dtype=np.float32) for ex in examples
            if len(ex.doc) and getattr(ex.doc.tensor, "shape", (0,))[0] == len(ex.doc)]
    if not vecs:
        raise ValueError("the training Docs carry no context vectors (doc.tensor): "
                         "parse them with a pipeline that has a tok2vec, or set [features] clusters = []")
    allv = np.concatenate(vecs)
    rng = np.random.default_rng(seed)
    pick = allv[rng.choice(len(allv), min(int(sample), len(allv)), replace=False)]
    return [kmeans(pick, int(k), seed) for k in sizes]


def score(examples: Sequence[Example], predictions: Sequence[Any]) -> dict[str, Any]:
    """The quote evaluation's metrics of predicted attributions, one list per example."""
    from ..evaluation.attribution_metrics import Counts

    counts = Counts()
    for ex, pred in zip(examples, predictions):
        counts.add(ex.doc.text, ex.gold, pred)
    return counts.summary()


def evaluate(model_dir: Path, examples: Sequence[Example], link: LinkOptions) -> dict[str, Any]:
    """Dev scores of the model in ``model_dir`` (the quote evaluation's metrics)."""
    model = _load(str(model_dir))
    return score(examples, [link_spans(ex.doc, model.spans(ex.doc), link) for ex in examples])


def headline(m: dict[str, Any]) -> dict[str, float]:
    """Exact-span F1 per role and end-to-end attribution F1 of a summary."""
    out = {r: round(m["exact"][r]["f1"], 4) for r in ("source", "cue", "content")}
    out["attribution"] = round(m["e2e"]["all"]["attribution"]["f1"], 4)
    out["quote"] = round(m["e2e"]["all"]["quote"]["f1"], 4)
    return out


def _objective(m: dict[str, Any]) -> float:
    h = headline(m)
    return (h["source"] + h["cue"] + h["content"]) / 3 + h["attribution"]


def train_attribution(polnear_dir: str | Path, out_dir: str | Path, config: dict[str, Any] | None = None,
                      *, seed: int | None = None, settings: Settings | None = None,
                      cache_dir: str | Path | None = None, limit: int | None = None,
                      progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Train, tune on dev, write the best model to ``out_dir``; returns its meta."""
    import pycrfsuite

    from ..nlp import build_pipeline

    cfg = config or load_config(None)
    tr = cfg["training"]
    explicit_seed = seed
    seed = tr.get("seed", 13) if seed is None else seed
    random.seed(seed)
    say = progress or log.info
    t0 = time.perf_counter()
    nlp = build_pipeline(settings)
    train = parse_split(polnear_dir, "train", nlp, cache_dir, limit=limit)
    dev = parse_split(polnear_dir, "dev", nlp, cache_dir, limit=limit)
    t_parse = time.perf_counter() - t0
    say(f"parsed {len(train)} train / {len(dev)} dev articles in {t_parse:.0f} s")
    lex = cfg["lexicon"]
    cues = learn_cue_lexicon(train, int(lex["min_count"]), float(lex["min_ratio"]))
    say(f"cue lexicon: {len(cues)} lemmas")
    cueset = frozenset(cues)
    link = LinkOptions(**cfg.get("link", {}))
    out = Path(out_dir)
    if cfg["model"].get("architecture", "crf") == "bilstm-crf":
        return _train_neural(cfg, train, dev, cueset, link, out, nlp, seed, say, t0, explicit_seed)
    feat_cfg = cfg.get("features", {})
    t_k = time.perf_counter()
    centroids = learn_clusters(train, feat_cfg.get("clusters", []), feat_cfg.get("cluster_sample", 150000), seed)
    if centroids:
        say(f"context-vector clusters {[len(c) for c in centroids]} in {time.perf_counter() - t_k:.0f} s")
    version = FEATURES_VERSION if centroids else 4
    order = list(range(len(train)))
    random.Random(seed).shuffle(order)
    every = int(tr.get("log_every", 10))

    class _Trainer(pycrfsuite.Trainer):
        """Reports every ``log_every`` iterations through ``say``; crfsuite's own log is dropped."""

        def on_start(self, log_text: str) -> None: ...
        def on_featgen_progress(self, log_text: str, percent: float) -> None: ...
        def on_featgen_end(self, log_text: str) -> None: ...
        def on_prepared(self, log_text: str) -> None: ...
        def on_prepare_error(self, log_text: str) -> None: ...
        def on_optimization_end(self, log_text: str) -> None: ...
        def on_end(self, log_text: str) -> None: ...

        def on_iteration(self, log_text: str, info: dict[str, Any]) -> None:  # noqa: ARG002 (crfsuite's callback)
            num = info.get("num", 0)
            if num % every:
                return
            sc = info.get("scores", {})
            roles = " ".join(f"{r.lower()} {sc[f'B-{r}'].f1 or 0:.3f}" for r in ("SOURCE", "CUE", "CONTENT")
                             if f"B-{r}" in sc)
            say(f"  iteration {num}: loss {info.get('loss', 0):.0f}; dev token F1 (B- labels) {roles}; "
                f"item accuracy {info.get('item_accuracy_float', 0):.4f}")

    trainer = _Trainer(algorithm=tr.get("algorithm", "lbfgs"), verbose=True)
    t1 = time.perf_counter()
    for k in order:
        ex = train[k]
        if len(ex.doc):
            trainer.append(pycrfsuite.ItemSequence(
                doc_features(ex.doc, cueset, version=version, centroids=centroids)), list(ex.labels), 0)
    for ex in dev:  # holdout group 1: scored by crfsuite after every iteration, never trained on
        if len(ex.doc):
            trainer.append(pycrfsuite.ItemSequence(
                doc_features(ex.doc, cueset, version=version, centroids=centroids)), list(ex.labels), 1)
    say(f"features for {sum(len(e.doc) for e in train)} train tokens in {time.perf_counter() - t1:.0f} s")
    out.mkdir(parents=True, exist_ok=True)
    meta_base = _meta_base(cfg, version, train, dev, cues, link, nlp, seed)
    best: tuple[float, dict[str, Any], Path] | None = None
    tmp_root = Path(tempfile.mkdtemp(prefix="attribution-"))
    try:
        for c1, c2 in tr.get("grid", [[0.05, 0.01]]):
            cand = tmp_root / f"c1={c1}-c2={c2}"
            cand.mkdir()
            if centroids:
                _save_clusters(cand / CLUSTERS_FILE, centroids)
            trainer.set_params({"c1": float(c1), "c2": float(c2),
                                "max_iterations": int(tr.get("max_iterations", 150)),
                                "feature.minfreq": float(tr.get("feature_minfreq", 1)),
                                "feature.possible_transitions": True})
            t2 = time.perf_counter()
            trainer.train(str(cand / MODEL_FILE), holdout=1)
            secs = time.perf_counter() - t2
            meta = dict(meta_base, c1=c1, c2=c2, train_seconds=round(secs, 1))
            (cand / META_FILE).write_text(json.dumps(meta, indent=1), encoding="utf-8")
            m = evaluate(cand, dev, link)
            h = headline(m)
            say(f"c1={c1} c2={c2}: {secs:.0f} s, {_dev_line(h)}")
            meta["dev"] = h
            meta["dev_full"] = m
            (cand / META_FILE).write_text(json.dumps(meta, indent=1), encoding="utf-8")
            if best is None or _objective(m) > best[0]:
                best = (_objective(m), meta, cand)
        assert best is not None
        _, meta, cand = best
        meta["total_seconds"] = round(time.perf_counter() - t0, 1)
        shutil.copyfile(cand / MODEL_FILE, out / MODEL_FILE)
        if centroids:
            shutil.copyfile(cand / CLUSTERS_FILE, out / CLUSTERS_FILE)
        elif (out / CLUSTERS_FILE).exists():
            (out / CLUSTERS_FILE).unlink()
        (out / META_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        _load.cache_clear()
        return meta
    finally:
        shutil.rmtree(tmp_root, ignore_errors=True)


def _meta_base(cfg: dict[str, Any], version: int, train: Sequence[Example], dev: Sequence[Example],
               cues: Sequence[str], link: LinkOptions, nlp: Any, seed: int) -> dict[str, Any]:
    return {
        "architecture": cfg["model"].get("architecture", "crf"),
        "version": str(cfg["model"]["version"]),
        "features_version": version,
        "labels": sorted({lab for e in train for lab in e.labels}),
        "cue_lexicon": list(cues),
        "link": asdict(link),
        "spacy_pipeline": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "seed": seed,
        "config": cfg,
        "data": {"corpus": "PolNeAR v1.0.0", "train_articles": len(train), "dev_articles": len(dev),
                 "annotator": "lexicographically smallest per article"},
        "trained": date.today().isoformat(),
    }


def _train_neural(cfg: dict[str, Any], train: Sequence[Example], dev: Sequence[Example], cues: frozenset[str],
                  link: LinkOptions, out: Path, nlp: Any, seed: int, say: Callable[[str], None],
                  t0: float, explicit_seed: int | None) -> dict[str, Any]:
    """The ``bilstm-crf`` architecture (torch at training time only): one network per seed of
    ``[neural] seeds`` (one with ``seed`` when the caller chose a seed, or the config lists
    none), each keeping its best dev epoch; their CRF scores are averaged at tagging time."""
    from ..extract.attribution.neural import WEIGHTS_FILE
    from .train_neural import NEURAL_FEATURES_VERSION, train_bilstm

    seeds = [int(x) for x in cfg.get("neural", {}).get("seeds", [])] if explicit_seed is None else []
    seeds = seeds or [seed]
    meta = _meta_base(cfg, NEURAL_FEATURES_VERSION, train, dev, sorted(cues), link, nlp, seeds[0])
    names = [WEIGHTS_FILE] + [f"bilstm-{k + 1}.npz" for k in range(1, len(seeds))]
    runs = []
    tmp = Path(tempfile.mkdtemp(prefix="attribution-"))
    try:
        for k, (member_seed, name) in enumerate(zip(seeds, names)):
            say(f"network {k + 1} of {len(seeds)} (seed {member_seed})")
            res = train_bilstm(train, dev, cues, cfg, tmp, link, member_seed, say, score, _objective)
            shutil.copyfile(tmp / WEIGHTS_FILE, tmp / f"member-{k}.npz")
            h = headline(res["summary"])
            kept = f"mean of epochs {res['hyperparameters']['average_from']}-{res['epoch']}" if res["averaged"] \
                else f"epoch {res['epoch']}"
            say(f"network {k + 1}: {kept}: {_dev_line(h)}")
            runs.append({"file": name, "seed": member_seed, "epoch": res["epoch"], "averaged": res["averaged"],
                         "train_seconds": res["train_seconds"], "dev": h})
        out.mkdir(parents=True, exist_ok=True)
        for stale in (MODEL_FILE, CLUSTERS_FILE, *(p.name for p in out.glob("bilstm*.npz"))):
            if (out / stale).exists():
                (out / stale).unlink()
        for k, name in enumerate(names):
            shutil.copyfile(tmp / f"member-{k}.npz", out / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    meta.update(members=names, member_runs=runs, hyperparameters=res["hyperparameters"],
                train_seconds=round(sum(r["train_seconds"] for r in runs), 1))
    m = res["summary"]
    if len(names) > 1:  # the networks together: scored through the model as it loads
        (out / META_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        _load.cache_clear()
        m = evaluate(out, dev, link)
        say(f"{len(names)} networks together: {_dev_line(headline(m))}")
    meta.update(dev=headline(m), dev_full=m, total_seconds=round(time.perf_counter() - t0, 1))
    (out / META_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    _load.cache_clear()
    return meta


def _dev_line(h: dict[str, float]) -> str:
    return (f"dev exact F1 source {h['source']:.3f} cue {h['cue']:.3f} content {h['content']:.3f}; "
            f"attribution F1 {h['attribution']:.3f}")


def _save_clusters(path: Path, centroids: Sequence[Any]) -> None:
    import numpy as np

    np.savez(path, *[np.asarray(c, dtype=np.float32) for c in centroids])

