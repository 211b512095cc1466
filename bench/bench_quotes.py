"""Quote extraction quality on PolNeAR, side by side: communique's rules, textacy 0.13
``direct_quotations`` and a naive quotation-mark baseline, all on the same spaCy parses,
with the published PolNeAR figures (CofeNet, COLING 2022) for reference.

    .venv/bin/python bench/bench_quotes.py --polnear ../shared/data/polnear [--split dev] [--limit N] [--json]

(textacy comes with the ``bench`` extra: ``pip install -e '.[bench]'``.)
"""

from __future__ import annotations

import argparse
import json

from rich.console import Console

from communique.evaluation.polnear import load_split
from communique.evaluation.quotes import default_systems, evaluate, render, result_to_dict


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", required=True, help="PolNeAR corpus root (with dev/ and train/)")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    items = load_split(args.polnear, args.split, args.limit)
    res = evaluate(items, default_systems(), split=args.split)
    if args.json:
        print(json.dumps(result_to_dict(res), indent=2))
    else:
        render(res, Console(width=160))


if __name__ == "__main__":
    main()
