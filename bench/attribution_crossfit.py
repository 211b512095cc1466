"""Out-of-fold check of the quote combination on PolNeAR train (issue 9).

    .venv/bin/python bench/attribution_crossfit.py --polnear ../shared/data/polnear \\
        --work /tmp/crossfit [--folds 4] [--seed 13] [--config configs/attribution.toml]

The shipped networks saw every train article, so their quotes on train say nothing about
new text, and dev is where the targets are measured. This script splits train into
``--folds`` folds (sorted file names, fold = index mod folds), trains a model per fold on
the other folds (as ``communique train attribution`` on a folder of links: the networks of
the config's ``[neural] seeds``, as shipped, or one network with ``--seed S``; about 15
minutes a network on one core; a fold whose model is already in ``--work/model<k>`` is
reused), runs the rules and that fold's model on the fold it did not see, and prints, over
all of train:

- attribution F1 of rules only, model only and the combination (``attribution.combine.combine``);
- the combination over a grid of ``CombineOptions`` thresholds (``min_rule_confidence``,
  ``min_model_confidence``), from which the shipped thresholds were chosen (see the model
  card).

It reads ``../shared`` only through ``--polnear``; it is not part of the test suite.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from pathlib import Path


def make_folds(polnear: Path, work: Path, folds: int) -> list[Path]:
    """``work/f<k>/{train,held}/{text,attributions}`` as links into PolNeAR train; dev and
    the metadata are linked as they are."""
    names = sorted(p.stem for p in (polnear / "train" / "text").glob("*.txt"))
    anns = {}
    for p in (polnear / "train" / "attributions").iterdir():
        anns.setdefault(p.name.rsplit("_", 1)[0], []).append(p)
    roots = []
    for k in range(folds):
        root = work / f"f{k}"
        for split in ("train", "held"):
            for sub in ("text", "attributions"):
                (root / split / sub).mkdir(parents=True, exist_ok=True)
        for i, name in enumerate(names):
            split = "held" if i % folds == k else "train"
            links = [(polnear / "train" / "text" / f"{name}.txt", root / split / "text" / f"{name}.txt")]
            links += [(a, root / split / "attributions" / a.name) for a in anns.get(name, ())]
            for src, dst in links:
                if not dst.exists():
                    os.symlink(src.resolve(), dst)
        for extra in ("dev", "metadata.tsv"):
            if (polnear / extra).exists() and not (root / extra).exists():
                os.symlink((polnear / extra).resolve(), root / extra)
        roots.append(root)
    return roots


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", required=True, type=Path)
    ap.add_argument("--work", required=True, type=Path, help="folder for folds, fold models, parses")
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--seed", type=int, default=None, help="one network with this seed (default: the config's seeds)")
    ap.add_argument("--config", type=Path, default=Path(__file__).parents[1] / "configs" / "attribution.toml")
    args = ap.parse_args()

    from communique.config import Settings
    from communique.evaluation.attribution_metrics import Attribution, Counts
    from communique.evaluation.polnear import load_split
    from communique.evaluation.quotes import quote_sides, to_attributions
    from communique.extract.attribution.combine import CombineOptions, combine
    from communique.learn.corpus import parse_split
    from communique.learn.train import load_config, train_attribution
    from communique.nlp import build_pipeline

    cfg = load_config(args.config)
    cache = args.work / "parses"
    roots = make_folds(args.polnear, args.work, args.folds)
    nlp = build_pipeline()
    docs, golds, sides = [], [], []
    for k, root in enumerate(roots):
        model_dir = args.work / f"model{k}"
        if not (model_dir / "meta.json").is_file():
            t0 = time.perf_counter()
            print(f"fold {k}: training on {root / 'train'}", file=sys.stderr, flush=True)
            train_attribution(root, model_dir, cfg, seed=args.seed, cache_dir=cache,
                              progress=lambda m: print("  " + m, file=sys.stderr, flush=True))
            print(f"fold {k}: trained in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
        settings = Settings(quote_model=True, quote_model_path=str(model_dir))
        examples = parse_split(root, "held", nlp, cache)
        items = load_split(root, "held")
        for ex, item in zip(examples, items):
            docs.append(ex.doc)
            golds.append([Attribution(g.source, g.cue, g.content) for g in ex.gold])
            sides.append(quote_sides(ex.doc, item, settings))
        print(f"fold {k}: {len(examples)} held-out articles", file=sys.stderr, flush=True)

    def f1(pick) -> str:
        c = Counts()
        for doc, gold, (rules, model) in zip(docs, golds, sides):
            c.add(doc.text, gold, to_attributions(pick(doc, rules, model)))
        a = c.summary()["e2e"]["all"]["attribution"]
        return f"{a['f1']:.4f} (tp {a['tp']}, pred {a['pred']}, gold {a['gold']})"

    seeds = [args.seed] if args.seed is not None else cfg.get("neural", {}).get("seeds", "config")
    print(f"train out of fold, {len(docs)} articles, {args.folds} folds, seeds {seeds}")
    print("rules only   ", f1(lambda _d, r, _m: r))
    print("model only   ", f1(lambda _d, _r, m: m))
    print("combined     ", f1(lambda d, r, m: combine(d, r, m)), "(shipped CombineOptions)")
    for rule_t, model_t in itertools.product((0.7, 0.75, 0.8, 0.85, 0.9), (0.6, 0.65, 0.7, 0.75, 0.8, 0.85)):
        opts = CombineOptions(min_rule_confidence=rule_t, min_model_confidence=model_t)
        print(f"combined rules >= {rule_t:.2f} model >= {model_t:.2f}",
              f1(lambda d, r, m, o=opts: combine(d, r, m, o)), flush=True)


if __name__ == "__main__":
    main()
