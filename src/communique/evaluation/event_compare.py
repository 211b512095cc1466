"""Rules, model, combined and the naive baseline in one run (``communique eval events --compare``).

On the dev set (``--dev-set``, a split): each sentence's main event type (``none``
included) from

- ``baseline``: the first trigger lemma's type (``evaluation/events.baseline``);
- ``curated``: the curated patterns alone (``patterns.yaml``; dictionary and model off);
- ``rules``: curated patterns + PETRARCH2's verb dictionary (model off);
- ``model``: the trained classifier alone (its best class, ``none`` included);
- ``combined``: the default analysis (rules + dictionary + model).

Scores: type accuracy over all sentences, ``none_accuracy`` (sentences without an event
that get none), ``event_type_accuracy`` (sentences with an event), argument accuracy (from
``event_devset.score_dev``) and type accuracy per gold type (which source wins where).

On the CAMEO codebook examples (``--cameo-examples``, held-out half of the seeded split):
PLOVER type accuracy of the main event of each example for the same systems, where the
rules' main trigger is ranked as in ``evaluation/events.predict`` and the dictionary answers
where the curated patterns find nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..config import Settings
from ..extract.event_model import NONE, combined_type, load_model


def _tally(rows: Iterable[tuple[str, str]]) -> dict[str, Any]:
    rows = list(rows)
    n = len(rows)
    none = [(g, p) for g, p in rows if g == NONE]
    ev = [(g, p) for g, p in rows if g != NONE]
    by: dict[str, list[int]] = {}
    for g, p in ev:
        r = by.setdefault(g, [0, 0])
        r[0] += 1
        r[1] += int(g == p)

    def acc(xs: list[tuple[str, str]]) -> float:
        return round(sum(g == p for g, p in xs) / len(xs), 3) if xs else 0.0

    return {"sentences": n, "type_accuracy": acc(rows), "none_sentences": len(none),
            "none_accuracy": acc(none), "event_type_accuracy": acc(ev),
            "by_type": {k: f"{v[1]}/{v[0]}" for k, v in sorted(by.items())}}


def compare_dev(dev_set: Path, split: str, settings: Settings | None = None) -> dict[str, dict[str, Any]]:
    from .event_devset import load_dev_set, run_dev, score_dev

    settings = settings or Settings()
    golds = load_dev_set(dev_set, split)
    curated = run_dev(golds, settings.replace(event_dictionary=False, event_model=False))
    rules = run_dev(golds, settings.replace(event_model=False))
    combined = run_dev(golds, settings.replace(event_model=True))
    model = load_model(settings.event_model_path)
    out: dict[str, dict[str, Any]] = {}
    out["baseline"] = _tally((s.gold.type, s.baseline.type) for s in curated)
    out["curated"] = _tally((s.gold.type, s.ours.type) for s in curated)
    out["rules"] = _tally((s.gold.type, s.ours.type) for s in rules)
    if model is not None:
        out["model"] = _tally((g.type, model.predict(g.text)[0]) for g in golds)
    out["combined"] = _tally((s.gold.type, s.ours.type) for s in combined)
    for name, scored in (("baseline", None), ("curated", curated), ("rules", rules), ("combined", combined)):
        if scored is None:
            out[name]["argument_accuracy"] = score_dev(curated)["baseline"]["argument_accuracy"]
        else:
            out[name]["argument_accuracy"] = score_dev(scored)["communique"]["argument_accuracy"]
    return out


def _rules_type(doc, table, dictionary: bool) -> str | None:
    """The main event's type as ``evaluation/events.predict`` finds it, with the dictionary
    answering only where the curated patterns match nothing (as ``extract/events.py``)."""
    from ..extract.event_dictionary import dictionary_pattern
    from ..extract.event_lexicon import load_lexicon
    from ..extract.event_main import rank
    from ..extract.events import match_trigger, recode
    from .events import _type_of

    lex = load_lexicon()
    curated = {tok.i: m for tok in doc if (m := match_trigger(tok, lex, table, statements=True)) is not None}
    dictionary = dictionary and not any(not m.pattern.statement for m in curated.values())
    best = None
    for tok in doc:
        m = curated.get(tok.i)
        pattern = m.pattern if m is not None else (dictionary_pattern(tok) if dictionary else None)
        if pattern is None:
            continue
        code = m.cameo if m is not None else pattern.cameo
        key = rank(tok, pattern.statement)
        if best is None or key < best[0]:
            best = (key, tok, pattern, code)
    if best is None:
        return None
    _, tok, pattern, code = best
    cameo, _ = recode(tok, code, lex, table)
    return _type_of(cameo, pattern.type if cameo == code else None)


def compare_cameo(path: Path, settings: Settings | None = None, part: str = "held-out") -> dict[str, dict[str, Any]]:
    from .events import baseline, expected_type, load_examples, split_halves
    from .report import parsed_with_actors

    settings = settings or Settings()
    examples = load_examples(path)
    tune, held = split_halves(len(examples))
    chosen = [examples[i] for i in (held if part == "held-out" else tune)]
    chosen = [e for e in chosen if expected_type(e.code) is not None]
    model = load_model(settings.event_model_path)
    rows: dict[str, list[tuple[str, str]]] = {k: [] for k in ("baseline", "curated", "rules", "model", "combined")}
    parsed = parsed_with_actors([e.text for e in chosen], settings, dt.date(2000, 1, 1))
    for ex, (doc, _ctx, table) in zip(chosen, parsed):
        gold = expected_type(ex.code) or NONE
        curated = _rules_type(doc, table, False) or NONE
        rules = _rules_type(doc, table, True) or NONE
        rows["baseline"].append((gold, baseline(doc)[0] or NONE))
        rows["curated"].append((gold, curated))
        rows["rules"].append((gold, rules))
        if model is not None:
            p = model.proba(ex.text)
            rows["model"].append((gold, max(p, key=lambda c: p[c])))
            rows["combined"].append((gold, combined_type(rules, p, model.thresholds)))
    return {k: _tally(v) for k, v in rows.items() if v}


def print_comparison(res: dict[str, dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title="Main event type: baseline, curated, rules, model, combined")
    cols = ("sentences", "type_accuracy", "none_accuracy", "event_type_accuracy", "argument_accuracy")
    for col in ("system", *cols, "by_type"):
        t.add_column(col)
    for name, r in res.items():
        t.add_row(name, *(str(r.get(c, "")) for c in cols),
                  " ".join(f"{k}:{v}" for k, v in r["by_type"].items()))
    Console().print(t)
