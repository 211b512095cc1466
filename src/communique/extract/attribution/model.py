"""The trained attribution tagger: loading, tagging and span decoding.

A model directory holds ``meta.json`` (architecture, version, feature version, the cue
lexicon learned from the training data, labels and the dev metrics) and the weights of its
architecture (``meta["architecture"]``):

- ``crf`` (the default of older models): ``model.crfsuite`` (python-crfsuite) and, from
  feature version 5, ``clusters.npz`` (k-means centroids of the pipeline's context vectors);
- ``bilstm-crf``: ``bilstm.npz`` (and ``bilstm-2.npz``... when ``meta["members"]`` lists
  several networks, whose scores are averaged), run with numpy (:mod:`communique.extract.attribution.neural`).

:func:`load_model` loads one directory once per process.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ...errors import ModelNotInstalledError
from .features import FEATURES_VERSION, SUPPORTED_VERSIONS, doc_features, quote_state, rule_tags
from .sentences import tagged_chunks

log = logging.getLogger(__name__)

MODEL_FILE = "model.crfsuite"
META_FILE = "meta.json"
CLUSTERS_FILE = "clusters.npz"


def default_model_path() -> Path:
    """The model shipped as package data."""
    return Path(str(resources.files("communique") / "data" / "models" / "attribution"))


@dataclass(frozen=True)
class TaggedSpan:
    """A decoded span: role (SOURCE, CUE, CONTENT), token range [start, end), confidence."""

    role: str
    start: int
    end: int
    confidence: float


@dataclass(frozen=True)
class AttributionModel:
    path: Path
    meta: dict[str, Any]
    cues: frozenset[str]
    tagger: Any = field(repr=False, compare=False)
    centroids: tuple[Any, ...] = field(default=(), repr=False, compare=False)
    neural: Any = field(default=None, repr=False, compare=False)

    @property
    def architecture(self) -> str:
        return str(self.meta.get("architecture", "crf"))

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "0"))

    @property
    def rule_id(self) -> str:
        return f"model.{self.architecture}-attribution@{self.version}"

    def tag(self, doc: Doc, whole: bool = False) -> tuple[list[str], list[float]]:
        """Best label per token and its marginal probability. Only the sentences that may
        report speech are tagged (:func:`.sentences.tagged_chunks`), each run of them as a
        sequence of its own; the other tokens are ``O`` (probability 1). ``whole``: the
        whole document as one sequence, as in training."""
        n = len(doc)
        if n == 0:
            return [], []
        version = int(self.meta.get("features_version", FEATURES_VERSION))
        rtags, inq = rule_tags(doc), quote_state(doc)
        chunks = [(0, n)] if whole else tagged_chunks(doc, rtags, inq)
        labels, probs = ["O"] * n, [1.0] * n
        if not chunks:
            return labels, probs
        tokens = [i for a, b in chunks for i in range(a, b)]
        if self.neural is not None:
            # the hashed feature ids straight from the Doc's arrays (the ids of the dicts)
            from .hashing import hashed_doc_features
            from .neural import tag_chunks

            hashed = hashed_doc_features(doc, self.cues, None if whole else tokens, rtags, inq,
                                         self.neural[0].buckets, version)
            got, marg = tag_chunks(self.neural, doc, (), chunks, hashed=hashed)
        else:
            import pycrfsuite

            feats = doc_features(doc, self.cues, version=version, centroids=self.centroids,
                                 tokens=None if whole else tokens, rtags=rtags, inq=inq)
            got, marg, k = [], [], 0
            for a, b in chunks:
                self.tagger.set(pycrfsuite.ItemSequence(feats[k:k + b - a]))
                part = self.tagger.tag()
                got += part
                marg += [self.tagger.marginal(y, i) for i, y in enumerate(part)]
                k += b - a
        for i, lab, p in zip(tokens, got, marg):
            labels[i], probs[i] = lab, p
        return labels, probs

    def spans(self, doc: Doc) -> list[TaggedSpan]:
        labels, probs = self.tag(doc)
        return decode_spans(doc, labels, probs)


def decode_spans(doc: Doc, labels: list[str], probs: list[float] | None = None) -> list[TaggedSpan]:
    """BIO labels -> spans; an ``I-`` after another role starts a span; edge spaces trimmed."""
    out: list[TaggedSpan] = []
    probs = probs or [1.0] * len(labels)
    cur: list[Any] | None = None  # [role, start, end]

    def close() -> None:
        if cur is None:
            return
        role, a, b = cur
        while a < b and doc[a].is_space:
            a += 1
        while b > a and doc[b - 1].is_space:
            b -= 1
        if b > a:
            out.append(TaggedSpan(role, a, b, sum(probs[a:b]) / (b - a)))

    for i, lab in enumerate(labels):
        if lab == "O":
            close()
            cur = None
            continue
        bio, role = lab.split("-", 1)
        if bio == "B" or cur is None or cur[0] != role:
            close()
            cur = [role, i, i + 1]
        else:
            cur[2] = i + 1
    close()
    return out


def load_model(path: str | Path | None = None) -> AttributionModel:
    """Load the model in ``path`` (default: the shipped one); cached per process."""
    return _load(str(Path(path) if path else default_model_path()))


@lru_cache(maxsize=4)
def _load(path: str) -> AttributionModel:
    p = Path(path)
    meta_file = p / META_FILE
    meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.is_file() else {}
    if meta.get("architecture") == "bilstm-crf":
        return _load_neural(p, meta)
    weights = p / MODEL_FILE
    if not weights.is_file() or not meta_file.is_file():
        raise ModelNotInstalledError(f"no attribution model in {p} (needs {MODEL_FILE} and {META_FILE}); "
                                     "train one with `communique train attribution`", model=str(p))
    try:
        import pycrfsuite
    except ImportError as exc:  # pragma: no cover - dependency of the default install
        raise ModelNotInstalledError("the attribution model needs python-crfsuite: "
                                     "`pip install python-crfsuite`", model=str(p)) from exc
    _check_features(p, meta)
    centroids: tuple[Any, ...] = ()
    if int(meta["features_version"]) >= 5:
        if not (p / CLUSTERS_FILE).is_file():
            raise ModelNotInstalledError(f"attribution model in {p} uses features v5 but has no {CLUSTERS_FILE}",
                                         model=str(p))
        import numpy as np

        with np.load(p / CLUSTERS_FILE) as z:
            centroids = tuple(z[f"arr_{i}"].astype(np.float32) for i in range(len(z.files)))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(weights))
    log.debug("attribution model %s loaded from %s", meta.get("version"), p)
    return AttributionModel(p, meta, frozenset(meta.get("cue_lexicon", ())), tagger, centroids)


def _check_features(p: Path, meta: dict[str, Any]) -> None:
    if meta.get("features_version") not in SUPPORTED_VERSIONS:
        raise ModelNotInstalledError(
            f"attribution model in {p} uses features v{meta.get('features_version')}, "
            f"this code computes v{', v'.join(map(str, SUPPORTED_VERSIONS))}: retrain it", model=str(p))


def _load_neural(p: Path, meta: dict[str, Any]) -> AttributionModel:
    from .neural import WEIGHTS_FILE, Networks, load_weights

    members = [str(m) for m in meta.get("members", [WEIGHTS_FILE])]
    for name in members:
        if not (p / name).is_file():
            raise ModelNotInstalledError(f"attribution model in {p} is a BiLSTM-CRF but has no {name}; "
                                         "train one with `communique train attribution`", model=str(p))
    _check_features(p, meta)
    weights = []
    for name in members:
        try:
            weights.append(load_weights(p / name))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelNotInstalledError(f"unreadable {name} in {p}: {exc}", model=str(p)) from exc
    log.debug("attribution model %s (BiLSTM-CRF, %d networks) loaded from %s", meta.get("version"), len(weights), p)
    return AttributionModel(p, meta, frozenset(meta.get("cue_lexicon", ())), None, (), Networks(weights))
