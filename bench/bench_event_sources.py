"""Which pattern source wins for each PLOVER type on the events dev set's tune half.

    python bench/bench_event_sources.py [--dev-set FILE] [--split tune] [--bare-verbs]

Runs the main-event coding twice (event model off): curated patterns alone, and curated +
PETRARCH2's verb dictionary for every type. For each sentence where the two differ, the
change is credited to the dictionary's type: +1 when the dictionary made it right, -1 when
it made it wrong. Prints the net per type (the basis of data/events/event_sources.yaml).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from communique.config import Settings
from communique.evaluation.event_devset import load_dev_set, run_dev
from communique.extract import event_dictionary as ed


@dataclass(frozen=True)
class _Pred:
    type: str


@dataclass(frozen=True)
class _Row:
    gold: _Pred
    ours: _Pred


def cameo_runs(path: Path) -> tuple[list[_Row], list[_Row]]:
    """(curated, curated + dictionary) main-event types on the CAMEO examples' tuning half."""
    import datetime as dt

    from communique.evaluation.event_compare import _rules_type
    from communique.evaluation.events import expected_type, load_examples, split_halves
    from communique.extract.actors import extract_actors
    from communique.extract.context import ExtractionContext
    from communique.ingest.article import make_article
    from communique.nlp import build_pipeline

    exs = load_examples(path)
    tune, _ = split_halves(len(exs))
    chosen = [exs[i] for i in tune if expected_type(exs[i].code)]
    nlp = build_pipeline(Settings())
    cur, both = [], []
    for ex, doc in zip(chosen, nlp.pipe([e.text for e in chosen])):
        table = extract_actors(doc, ExtractionContext(make_article(ex.text, published=dt.date(2000, 1, 1)), Settings()))
        gold = _Pred(expected_type(ex.code) or "none")
        cur.append(_Row(gold, _Pred(_rules_type(doc, table, False) or "none")))
        both.append(_Row(gold, _Pred(_rules_type(doc, table, True) or "none")))
    return cur, both


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev-set", type=Path,
                    default=Path(str(resources.files("communique.data.eval").joinpath("events_dev.jsonl"))))
    ap.add_argument("--split", default="tune")
    ap.add_argument("--bare-verbs", action="store_true")
    ap.add_argument("--cameo-examples", type=Path, help="cameo-codes.csv: measure on its tuning half instead")
    a = ap.parse_args()
    full = replace(ed.load_dictionary(), types=None, bare_verbs=a.bare_verbs)
    ed.load_dictionary = lambda: full  # every type, for the measurement
    if a.cameo_examples is not None:
        cur, both = cameo_runs(a.cameo_examples)
    else:
        golds = load_dev_set(a.dev_set, a.split)
        cur = run_dev(golds, Settings(event_model=False, event_dictionary=False))
        both = run_dev(golds, Settings(event_model=False, event_dictionary=True))
    net: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c, b in zip(cur, both):
        if c.ours.type == b.ours.type:
            continue
        t = b.ours.type if b.ours.type != "none" else c.ours.type
        won = b.ours.type == b.gold.type
        lost = c.ours.type == c.gold.type
        net[t][0] += int(won)
        net[t][1] += int(lost)
    acc = lambda xs: round(sum(x.ours.type == x.gold.type for x in xs) / len(xs), 3)  # noqa: E731
    print(json.dumps({"split": a.split, "bare_verbs": a.bare_verbs, "curated_type_accuracy": acc(cur),
                      "both_type_accuracy": acc(both),
                      "per_type": {k: {"dictionary_right": v[0], "dictionary_wrong": v[1], "net": v[0] - v[1],
                                       "winner": "both" if v[0] > v[1] else "curated"}
                                   for k, v in sorted(net.items())}}, indent=1))


if __name__ == "__main__":
    main()
