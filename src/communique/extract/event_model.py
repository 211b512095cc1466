"""The trained PLOVER event-type classifier (numpy only at run time) and how it is combined
with the rules.

One prediction per sentence: a multinomial logistic regression over hashed word unigrams
and bigrams of the sentence (``features``), trained by ``communique train events``
(``learn/events_train.py``; model card in ``data/models/events/MODEL_CARD.md``). Its classes
are the PLOVER event types and ``none``.

Combining (``combine``): the rules give the arguments. In a sentence where the rules found
events, the model removes them when it is sure there is no event (P(none) >= ``drop``), and
retypes an event when it is sure of another type (P(type) >= ``retype``) and gives the
rules' type little weight (< ``keep``). In a sentence where the rules found nothing, the
model adds an event (rule ``model.<TYPE>``) at the sentence's main verb when it is sure of a
type (>= ``add``); its arguments are found as for any rule trigger. The thresholds are in
the model's ``meta.json`` (tuned on the dev set's tune half).
"""

from __future__ import annotations

import json
import logging
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from ..errors import ConfigError
from ..models import Event
from ..ontology import plover_for_cameo, plover_type
from .event_lexicon import Pattern

log = logging.getLogger(__name__)

MODEL_PACKAGE = "communique.data.models.events"
NONE = "none"
_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
# the base CAMEO code given to an event the model adds or retypes (the type's root code)
BASE_CAMEO = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "051", "COOPERATE": "060", "AID": "070",
              "CONCEDE": "080", "RETREAT": "087", "REQUEST": "020", "ACCUSE": "112", "REJECT": "120",
              "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "163",
              "COERCE": "170", "ASSAULT": "190"}


def features(text: str, dim: int) -> tuple[np.ndarray, np.ndarray]:
    """(hashed feature indices, values) of a sentence: lower-case word unigrams, their
    five-letter prefixes and bigrams, each feature once, values 1/sqrt(n)."""
    words = _WORD.findall(text.lower())
    feats = {f"w:{w}" for w in words}
    feats.update(f"p:{w[:5]}" for w in words if len(w) > 5)  # a crude stem: "attacked" ~ "attacks"
    feats.update(f"b:{a}_{b}" for a, b in zip(["<s>", *words], [*words, "</s>"]))
    idx = np.fromiter((zlib.crc32(f.encode()) % dim for f in feats), dtype=np.int64, count=len(feats))
    idx = np.unique(idx)
    val = np.full(len(idx), 1.0 / np.sqrt(max(len(idx), 1)), dtype=np.float32)
    return idx, val


@dataclass(frozen=True)
class Thresholds:
    drop: float = 0.8
    retype: float = 0.6
    keep: float = 0.1
    add: float = 0.7


@dataclass(frozen=True)
class EventTypeModel:
    classes: tuple[str, ...]
    weights: np.ndarray  # (dim, classes)
    bias: np.ndarray  # (classes,)
    thresholds: Thresholds
    version: str

    @property
    def dim(self) -> int:
        return int(self.weights.shape[0])

    def proba(self, text: str) -> dict[str, float]:
        idx, val = features(text, self.dim)
        z = self.bias + val @ self.weights[idx].astype(np.float32)
        z = np.exp(z - z.max())
        p = z / z.sum()
        return {c: float(x) for c, x in zip(self.classes, p)}

    def predict(self, text: str) -> tuple[str, float]:
        p = self.proba(text)
        best = max(p, key=lambda c: p[c])
        return best, p[best]

    def save(self, folder: Path, meta: dict) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(folder / "weights.npz", weights=self.weights.astype(np.float16),
                            bias=self.bias.astype(np.float32))
        meta = {**meta, "classes": list(self.classes), "dim": self.dim, "version": self.version,
                "thresholds": self.thresholds.__dict__}
        (folder / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def load_from(folder: Path) -> EventTypeModel:
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        with np.load(folder / "weights.npz") as z:
            w, b = z["weights"], z["bias"]
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"event model at {folder} cannot be read ({exc})", path=str(folder)) from exc
    return EventTypeModel(tuple(meta["classes"]), w, b.astype(np.float32),
                          Thresholds(**meta.get("thresholds", {})), str(meta["version"]))


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> EventTypeModel | None:
    """The model at ``path``, else the one shipped in the package (None when none is)."""
    if path is not None:
        return load_from(Path(path))
    try:
        ref = resources.files(MODEL_PACKAGE)
    except ModuleNotFoundError:
        return None
    meta_file = ref.joinpath("meta.json")
    if not meta_file.is_file():
        return None
    with resources.as_file(meta_file) as found:
        return load_from(Path(found).parent)


def combined_type(rule_type: str, p: dict[str, float], th: Thresholds) -> str:
    """The main-event type ``combine`` gives a sentence whose rules' main event has
    ``rule_type`` (``none``: the rules found no event), the model's probabilities ``p``."""
    best = max((c for c in p if c != NONE), key=lambda c: p[c])
    if rule_type != NONE:
        if p[NONE] >= th.drop:
            return NONE
        if best != rule_type and p[best] >= th.retype and p.get(rule_type, 0.0) < th.keep:
            return best
        return rule_type
    return best if p[best] >= th.add else NONE


def main_verb(sent) -> Token | None:
    """The verb a sentence reports: its root when a verb, else the first verb below it."""
    root = sent.root
    if root.pos_ == "VERB":
        return root
    return next((t for t in root.subtree if t.pos_ == "VERB"), None)


def retyped(ev: Event, type_: str) -> Event:
    """``ev`` coded as ``type_`` by the model (its base CAMEO code; rule id + ``.model``)."""
    cameo = BASE_CAMEO[type_]
    cw = plover_for_cameo(cameo)
    pt = plover_type(type_)
    return replace(ev, type=type_, cameo=cameo, mode=cw[1] if cw else None, contexts=cw[2] if cw else (),
                   quad_class=pt.quad_class if pt else ev.quad_class,
                   intensity=pt.intensity_for(cw[1] if cw else None) if pt else None,
                   goldstein=None, rule=f"{ev.rule}.model:{type_}")


def model_pattern(type_: str, tok: Token) -> Pattern:
    return Pattern(id=f"model.{type_}", lemmas=frozenset({tok.lemma_.lower()}), pos="VERB",
                   cameo=BASE_CAMEO[type_], type=type_, symmetric=type_ == "CONSULT",
                   recipient=("dobj", "prep:against", "prep:with", "prep:to", "prep:on", "dative"))


def combine(doc: Doc, events: Iterable[Event], model: EventTypeModel | None,
            make: Callable[[Token, Pattern], Event | None]) -> tuple[Event, ...]:
    """The rules' events with the model's say (see the module docstring). ``make`` builds an
    event at a trigger from a pattern (the rules' argument finding)."""
    events = tuple(events)
    if model is None:
        return events
    th = model.thresholds
    by_sent: dict[int, list[Event]] = {}
    for ev in events:
        by_sent.setdefault(ev.sentence.start, []).append(ev)
    out: list[Event] = []
    for sent in doc.sents:
        mine = by_sent.pop(sent.start_char, [])
        text = sent.text.strip()
        if not text:
            out.extend(mine)
            continue
        p = model.proba(text)
        best = max((c for c in p if c != NONE), key=lambda c: p[c])
        if mine:
            if p[NONE] >= th.drop:
                continue
            agree = any(ev.type == best for ev in mine)
            for ev in mine:
                if (not agree and best in BASE_CAMEO and p[best] >= th.retype
                        and p.get(ev.type, 0.0) < th.keep and ev.modality == "asserted"):
                    ev = retyped(ev, best)
                out.append(ev)
        elif p[best] >= th.add and best in BASE_CAMEO:
            verb = main_verb(sent)
            added = make(verb, model_pattern(best, verb)) if verb is not None else None
            if added is not None:
                out.append(replace(added, rule=f"model.{best}",
                                   confidence=round(min(added.confidence, p[best]), 2)))
    for rest in by_sent.values():  # events whose sentence extent is not one of doc.sents
        out.extend(rest)
    return tuple(sorted(out, key=lambda e: e.trigger.start))
