"""How far can merging the rules and the tagger go? An upper bound on PolNeAR dev.

    .venv/bin/python bench/attribution_headroom.py --polnear ../shared/data/polnear [--limit N]

For every gold attribution of dev, whether the rules alone, the tagger alone and the
shipped combination each get it right (content token-Jaccard >= 0.5, greedy one to one,
and the right speaker: ``evaluation.attribution_metrics``). An oracle merge keeps every
quote the combination keeps and adds, from the rules' or the tagger's output, exactly the
quotes that are right where the combination is not (no wrong quote added). Its recall is
the most any choice among the two systems' quotes can reach; the script also prints the
precision that the attribution F1 of issue 20 (0.72) would then need.

It reads ``../shared`` only through ``--polnear``; it is not part of the test suite.
"""

from __future__ import annotations

import argparse

from communique.evaluation.attribution_metrics import Attribution, cleaned, match_contents, prf, speaker_ok, tokens_of
from communique.evaluation.polnear import load_split
from communique.evaluation.quotes import SYSTEMS as EVAL_SYSTEMS
from communique.nlp import build_pipeline

TARGET = 0.72
SYSTEMS = ("rules", "model", "combined")  # the systems of `communique eval quotes`


def right(text: str, gold: list[Attribution], pred: list[Attribution]) -> set[int]:
    """Indices of the gold attributions the prediction gets right."""
    toks = tokens_of(text)
    starts = [s for s, _ in toks]
    return {j for i, j in match_contents(gold, pred, toks, starts)
            if speaker_ok(pred[i].source, gold[j].source, toks, starts)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", required=True)
    ap.add_argument("--limit", type=int)
    a = ap.parse_args()
    items = load_split(a.polnear, "dev", a.limit)
    nlp = build_pipeline()
    n_gold = 0
    n_pred = dict.fromkeys(SYSTEMS, 0)
    n_right = dict.fromkeys(SYSTEMS, 0)
    added = 0
    for item, doc in zip(items, nlp.pipe((it.text for it in items), batch_size=16)):
        text = item.text
        gold = [cleaned(Attribution(g.source, g.cue, g.content), text) for g in item.attributions]
        n_gold += len(gold)
        ok = {}
        for name in SYSTEMS:
            pred = [p for p in (cleaned(p, text) for p in EVAL_SYSTEMS[name](doc, item)) if p.content]
            n_pred[name] += len(pred)
            ok[name] = right(text, gold, pred)
            n_right[name] += len(ok[name])
        added += len((ok["rules"] | ok["model"]) - ok["combined"])
    print(f"PolNeAR dev: {len(items)} articles, {n_gold} gold attributions")
    for name in SYSTEMS:
        f = prf(n_right[name], n_pred[name], n_gold)
        print(f"{name:9} right {n_right[name]:5}  predicted {n_pred[name]:5}  "
              f"P {f['p']:.3f} R {f['r']:.3f} F1 {f['f1']:.3f}")
    f = prf(n_right["combined"] + added, n_pred["combined"] + added, n_gold)
    print(f"oracle merge: right {n_right['combined'] + added:5}  predicted {n_pred['combined'] + added:5}  "
          f"P {f['p']:.3f} R {f['r']:.3f} F1 {f['f1']:.3f}  (+{added} right quotes, none wrong)")
    r = f["r"]
    need = TARGET * r / (2 * r - TARGET) if 2 * r > TARGET else float("inf")
    print(f"recall ceiling {r:.3f}: F1 {TARGET} needs precision >= {need:.3f} at that recall")


if __name__ == "__main__":
    main()
