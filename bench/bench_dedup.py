"""Near-duplicate story clustering: pairwise precision and recall on syndicated copies with
edits, time per 10k articles; the exact-hash baseline (GDELT-style dedup) in the same run.

    .venv/bin/python bench/bench_dedup.py [N=10000] [--seed 0]

Targets (issue 6): precision >= 0.95 and recall >= 0.95.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import time
from collections import Counter
from importlib.metadata import version
from math import comb
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import dedup_corpus  # noqa: E402

from communique.ingest.article import make_article  # noqa: E402
from communique.ingest.dedup import StoryClusterer, content_hash  # noqa: E402


def pair_scores(pred: list[str], truth: list[str]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against the truth."""
    tp = sum(comb(n, 2) for n in Counter(zip(pred, truth)).values())
    pp = sum(comb(n, 2) for n in Counter(pred).values())
    tt = sum(comb(n, 2) for n in Counter(truth).values())
    return (tp / pp if pp else 1.0), (tp / tt if tt else 1.0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threshold", type=float, default=0.3)
    args = ap.parse_args()

    records, truth = dedup_corpus(args.n, args.seed)
    articles = [make_article(r["text"], url=r["url"], source=r["source"], title=r["title"],
                             published=r["published"]) for r in records]
    n_stories = len(set(truth))
    print(f"# bench_dedup {dt.date.today()} python {platform.python_version()} "
          f"datasketch {version('datasketch')}")
    print(f"corpus: {len(articles)} articles, {n_stories} true stories, "
          f"{len(articles) - n_stories} syndicated copies (seed {args.seed})")

    t0 = time.perf_counter()
    base = [content_hash(a.text) for a in articles]
    t_base = time.perf_counter() - t0
    p0, r0 = pair_scores(base, truth)

    clusterer = StoryClusterer(args.threshold)
    c0 = time.process_time()
    t0 = time.perf_counter()
    assigned = [clusterer.assign(a).story_id for a in articles]
    pred = [clusterer.resolve(s) for s in assigned]  # stories merged later in the stream
    t_lsh = time.perf_counter() - t0
    c_lsh = time.process_time() - c0
    p1, r1 = pair_scores(pred, truth)
    p2, r2 = pair_scores(assigned, truth)

    per10k = lambda t: t * 10_000 / len(articles)  # noqa: E731
    print(f"{'method':28} {'precision':>9} {'recall':>7} {'clusters':>8} {'s/10k':>7}")
    print(f"{'exact content hash (base)':28} {p0:9.4f} {r0:7.4f} {len(set(base)):8d} {per10k(t_base):7.2f}")
    print(f"{'MinHash LSH (communique)':28} {p1:9.4f} {r1:7.4f} {len(set(pred)):8d} {per10k(t_lsh):7.2f}"
          f"  (CPU {per10k(c_lsh):.2f} s/10k)")
    print(f"{'  (ids as first assigned)':28} {p2:9.4f} {r2:7.4f} {len(set(assigned)):8d}")
    print(f"baseline recall {r0:.4f} (every syndicated copy has edits); "
          f"targets precision >= 0.95: {'PASS' if p1 >= 0.95 else 'FAIL'}, "
          f"recall >= 0.95: {'PASS' if r1 >= 0.95 else 'FAIL'}")


if __name__ == "__main__":
    main()
