"""Event coding measured on the hand-labelled development set (``data/eval/events_dev.jsonl``,
guide in ``data/eval/LABELLING.md``): each sentence's main event with its arguments.

``communique eval events --dev-set FILE [--split tune|heldout|all]`` parses each sentence
alone, runs the whole extraction (actors, quotes, events) and takes the main event among
the events found (``extract/event_main.py`` ranks their triggers). It scores, beside a naive
baseline (type from the first trigger lemma, actor and recipient the first and second
country named in the sentence):

- type accuracy over all sentences, "none" included (a sentence with no codable event is
  right when nothing is coded);
- argument accuracy over the sentences with a gold event: type, actor and recipient all
  right. A side is right when gold and prediction are both empty, or when they share a head
  token (the last alphabetic token of either text is among the other's alphabetic tokens,
  case-insensitive), or when both name the same non-empty set of countries;
- country-dyad F1, micro-averaged: the (actor country, recipient country) pairs of every
  member pair of the main event against the gold pairs.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError, RecordError

SPLITS = ("tune", "heldout", "all")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


@dataclass(frozen=True)
class Side:
    """One side of an event as scored: its text and its members' countries."""

    text: str | None
    countries: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Gold:
    id: str
    source: str
    split: str
    text: str
    type: str
    actor: Side | None
    recipient: Side | None
    modality: str | None


@dataclass(frozen=True)
class Prediction:
    type: str
    actor: Side | None
    recipient: Side | None
    modality: str | None = None
    trigger: str | None = None


@dataclass(frozen=True)
class Scored:
    gold: Gold
    ours: Prediction
    baseline: Prediction


def _side(d: dict[str, Any] | None) -> Side | None:
    if not d:
        return None
    return Side(d.get("text") or None, frozenset(d.get("countries") or ()))


def load_dev_set(path: str | Path, split: str = "all") -> list[Gold]:
    """The labelled sentences of ``split`` (tune, heldout or all)."""
    if split not in SPLITS:
        raise InputError(f"unknown split {split!r} (choose {', '.join(SPLITS)})", split=split)
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                g = Gold(d["id"], d["source"], d["split"], d["text"], d["type"], _side(d.get("actor")),
                         _side(d.get("recipient")), d.get("modality"))
            except (ValueError, KeyError) as exc:
                raise RecordError(f"{path}:{n}: not a dev-set record ({exc})", line=n) from exc
            if split == "all" or g.split == split:
                out.append(g)
    return out


def _words(text: str | None) -> list[str]:
    return [w.lower() for w in _WORD.findall(text or "")]


def side_matches(gold: Side | None, pred: Side | None) -> bool:
    """Gold and predicted side agree (see the module docstring)."""
    if gold is None or (not gold.text and not gold.countries):
        return pred is None
    if pred is None:
        return False
    gw, pw = _words(gold.text), _words(pred.text)
    if gw and pw and (gw[-1] in pw or pw[-1] in gw):
        return True
    return bool(gold.countries) and gold.countries == pred.countries


def dyads(actor: Side | None, recipient: Side | None) -> set[tuple[str, str]]:
    """Every (actor member country, recipient member country) pair."""
    if actor is None or recipient is None:
        return set()
    return {(a, r) for a in actor.countries for r in recipient.countries}


@dataclass
class Tally:
    n: int = 0
    type_ok: int = 0
    events: int = 0
    args_ok: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    accuser_asserted: int = 0
    per_type: dict[str, list[int]] = field(default_factory=dict)

    def add(self, g: Gold, p: Prediction) -> None:
        self.n += 1
        type_ok = p.type == g.type
        self.type_ok += type_ok
        if g.type != "none":
            self.events += 1
            ok = type_ok and side_matches(g.actor, p.actor) and side_matches(g.recipient, p.recipient)
            self.args_ok += ok
            row = self.per_type.setdefault(g.type, [0, 0])
            row[0] += 1
            row[1] += ok
            if g.type == "ACCUSE" and p.type == "ASSAULT" and p.modality == "asserted" and \
                    side_matches(g.actor, p.actor):
                self.accuser_asserted += 1
        gd, pd = dyads(g.actor, g.recipient), dyads(p.actor, p.recipient)
        self.tp += len(gd & pd)
        self.fp += len(pd - gd)
        self.fn += len(gd - pd)

    def as_dict(self) -> dict[str, Any]:
        prec = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        rec = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {"sentences": self.n, "type_accuracy": round(self.type_ok / self.n, 3) if self.n else 0.0,
                "event_sentences": self.events,
                "argument_accuracy": round(self.args_ok / self.events, 3) if self.events else 0.0,
                "dyad_precision": round(prec, 3), "dyad_recall": round(rec, 3), "dyad_f1": round(f1, 3),
                "accuser_as_asserted_attacker": self.accuser_asserted,
                "argument_accuracy_by_type": {k: round(v[1] / v[0], 2) for k, v in sorted(self.per_type.items())}}


def score_dev(scored: Iterable[Scored]) -> dict[str, dict[str, Any]]:
    ours, base = Tally(), Tally()
    for s in scored:
        ours.add(s.gold, s.ours)
        base.add(s.gold, s.baseline)
    return {"communique": ours.as_dict(), "baseline": base.as_dict()}


def _party_side(party, countries_of) -> Side | None:
    """The side as scored: its text and every country the dyadic outputs index it under
    (its actors', its own and its members', as ``facts.party_keys``)."""
    if party is None:
        return None
    found = [countries_of(a) for a in party.actors] + [party.country] + [m.country for m in party.members]
    return Side(party.text, frozenset(c for c in found if c))


def predict_main(doc, analysis) -> Prediction:
    """The main event of a one-sentence analysis (the best-ranked trigger), or "none"."""
    from ..extract.event_main import rank

    best = None
    for ev in analysis.events:
        span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
        if span is None:
            continue
        key = rank(span.root, False)
        if best is None or key < best[0]:
            best = (key, ev)
    if best is None:
        return Prediction("none", None, None)
    ev = best[1]
    by_id = {a.id: a.country for a in analysis.actors}
    return Prediction(ev.type, _party_side(ev.actor, by_id.get), _party_side(ev.recipient, by_id.get),
                      ev.modality, ev.trigger.text)


def predict_baseline(doc, table) -> Prediction:
    """First trigger lemma's type; the first and second distinct countries named."""
    from .events import baseline

    ptype, _ = baseline(doc)
    found: list[tuple[str, str]] = []
    for tok in doc:
        aid = table.actor_for_token(tok.i)
        a = table.get(aid) if aid else None
        if a is not None and a.country and all(a.country != c for _, c in found):
            found.append((tok.text, a.country))
        if len(found) == 2:
            break
    sides = [Side(t, frozenset({c})) for t, c in found] + [None, None]
    return Prediction(ptype or "none", sides[0], sides[1], "asserted" if ptype else None)


def run_dev(golds: list[Gold], settings: Settings | None = None) -> list[Scored]:
    from ..extract import analyze_doc
    from .report import parsed_with_actors

    settings = settings or Settings()
    out = []
    for g, (doc, ctx, table) in zip(golds, parsed_with_actors([g.text for g in golds], settings,
                                                              dt.date(2016, 1, 1))):
        analysis = analyze_doc(doc, ctx)
        out.append(Scored(g, predict_main(doc, analysis), predict_baseline(doc, table)))
    return out


def details(scored: Iterable[Scored]) -> Iterable[dict[str, Any]]:
    """One JSON-able row per sentence (for error analysis on the tuning half)."""
    def side(s: Side | None):
        return None if s is None else {"text": s.text, "countries": sorted(s.countries)}

    for s in scored:
        g, p = s.gold, s.ours
        yield {"id": g.id, "split": g.split, "text": g.text,
               "gold": {"type": g.type, "actor": side(g.actor), "recipient": side(g.recipient)},
               "ours": {"type": p.type, "trigger": p.trigger, "actor": side(p.actor),
                        "recipient": side(p.recipient), "modality": p.modality},
               "type_ok": p.type == g.type,
               "actor_ok": side_matches(g.actor, p.actor), "recipient_ok": side_matches(g.recipient, p.recipient)}
