"""Speed of the quote stage relative to the spaCy parse, on PolNeAR texts.

    .venv/bin/python bench/bench_quotes_speed.py --polnear ../shared/data/polnear [--split dev] [--repeat 3]

Prints the date, versions, the parse time, the quote-stage time (extract_quotes only; the
actor and date stages it reads are run beforehand and not counted) and their ratio
(target: <= 10%).
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from communique.evaluation.polnear import load_split
from communique.evaluation.quotes import versions
from communique.extract.actors import extract_actors
from communique.extract.context import ExtractionContext
from communique.extract.quotes import extract_quotes
from communique.extract.time import extract_dates
from communique.ingest.article import make_article
from communique.nlp import build_pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", required=True)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3, help="quote-stage repetitions (best is kept)")
    args = ap.parse_args()
    items = load_split(args.polnear, args.split, args.limit)
    nlp = build_pipeline()
    texts = [it.text for it in items]
    nlp("warm up")
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - t0
    prepared = []
    for it, doc in zip(items, docs):
        ctx = ExtractionContext(make_article(it.text, published=it.published))
        prepared.append((doc, ctx, extract_actors(doc, ctx), extract_dates(doc, ctx)))
    best = float("inf")
    n_quotes = 0
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        n_quotes = sum(len(extract_quotes(doc, ctx, a, d)) for doc, ctx, a, d in prepared)
        best = min(best, time.perf_counter() - t0)
    chars = sum(len(t) for t in texts)
    print(f"{dt.date.today()}  " + ", ".join(f"{k} {v}" for k, v in versions().items()))
    print(f"PolNeAR {args.split}: {len(items)} articles, {chars} characters, {n_quotes} quotes")
    print(f"spaCy parse (baseline) : {parse:8.2f} s")
    print(f"quote stage            : {best:8.2f} s  (best of {args.repeat})")
    print(f"ratio quote/parse      : {best / parse:8.1%}  (target <= 10%)")


if __name__ == "__main__":
    main()
