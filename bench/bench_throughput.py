"""Throughput of ``Pipeline.analyze_many`` against bare ``nlp.pipe`` on the same texts.

    .venv/bin/python bench/bench_throughput.py [N=1000] [--repeat 2]

The ratio (analyze_many articles/s over nlp.pipe articles/s) says how much our extraction
stages cost on top of the spaCy parse; target (issue 6) >= 0.80. Both runs use the same
pipeline object, batch size and texts; each is repeated and the best time is kept (wall
and CPU time are both printed: CPU time is less disturbed by other load on the machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import time
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate  # noqa: E402

from communique.config import Settings  # noqa: E402
from communique.ingest.article import make_article  # noqa: E402
from communique.nlp.pipeline import resolve_model_name  # noqa: E402
from communique.pipeline import Pipeline  # noqa: E402


def timed(fn) -> tuple[float, float]:
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    settings = Settings.load()
    records = generate(args.n, seed=1)
    articles = [make_article(r["text"], title=r["title"], url=r["url"], source=r["source"],
                             published=r["published"]) for r in records]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    pipeline = Pipeline(settings)
    nlp = pipeline.nlp
    print(f"# bench_throughput {dt.date.today()} python {platform.python_version()} "
          f"spacy {version('spacy')} model {resolve_model_name(settings)} "
          f"batch_size {settings.batch_size}")
    print(f"corpus: {len(texts)} synthetic articles, {words} words")

    def bare() -> None:
        for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
            pass

    def ours() -> None:
        for _a in pipeline.analyze_many(articles):
            pass

    # warm-up (lazy lexicon and gazetteer loading happens once per process)
    list(nlp.pipe(texts[:16]))
    list(pipeline.analyze_many(articles[:16]))
    best = {"nlp.pipe": [float("inf")] * 2, "analyze_many": [float("inf")] * 2}
    for _ in range(args.repeat):
        for name, fn in (("nlp.pipe", bare), ("analyze_many", ours)):
            w, c = timed(fn)
            best[name] = [min(best[name][0], w), min(best[name][1], c)]
    for name, (w, c) in best.items():
        print(f"{name:14} wall {w:8.2f} s  ({len(texts) / w:7.1f} articles/s)   "
              f"CPU {c:8.2f} s  ({len(texts) / c:7.1f} articles/s)")
    (bw, bc), (ow, oc) = best["nlp.pipe"], best["analyze_many"]
    print(f"ratio analyze_many / nlp.pipe throughput: wall {bw / ow:.3f}, CPU {bc / oc:.3f} "
          f"(target >= 0.80: {'PASS' if bc / oc >= 0.80 else 'FAIL'} on CPU time)")


if __name__ == "__main__":
    main()
