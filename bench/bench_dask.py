"""Dask batch: 2 workers against 1 worker on the same corpus (speed-up target >= 1.6 on a
2-core machine).

    .venv/bin/python bench/bench_dask.py [N=1000] [--partition-size 25]

Each cluster is started and its workers load the pipeline *before* the clock starts (the
start-up time is printed separately); the timed part is ``run_batch`` against the running
cluster's scheduler: reading, story clustering, analysis, Parquet writing, manifest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate  # noqa: E402

from communique.batch.run import _preload_plugin, run_batch  # noqa: E402
from communique.config import Settings  # noqa: E402
from communique.ingest.article import make_article  # noqa: E402


def run(n_workers: int, articles, settings: Settings, partition_size: int) -> tuple[float, float, dict]:
    from distributed import Client, LocalCluster

    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    client = Client(cluster)
    client.register_plugin(_preload_plugin(settings))  # workers load the pipeline now
    startup = time.perf_counter() - t0
    try:
        with tempfile.TemporaryDirectory() as out:
            t0 = time.perf_counter()
            manifest = run_batch(articles, out, settings=settings, scheduler=cluster.scheduler_address,
                                 partition_size=partition_size)
            elapsed = time.perf_counter() - t0
    finally:
        client.close()
        cluster.close()
    return startup, elapsed, manifest


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--partition-size", type=int, default=25)
    args = ap.parse_args()
    settings = Settings.load()
    articles = [make_article(r["text"], title=r["title"], url=r["url"], source=r["source"],
                             published=r["published"]) for r in generate(args.n, seed=2)]
    print(f"# bench_dask {dt.date.today()} python {platform.python_version()} dask "
          f"{version('dask')} distributed {version('distributed')} cpus {os.cpu_count()} "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"corpus: {len(articles)} synthetic articles, partitions of {args.partition_size}")
    times = {}
    for n in (1, 2):
        startup, elapsed, manifest = run(n, articles, settings, args.partition_size)
        times[n] = elapsed
        t = manifest["totals"]
        print(f"{n} worker(s): start-up {startup:6.1f} s, batch {elapsed:7.1f} s "
              f"({t['articles'] / elapsed:6.1f} articles/s; {t['events']} events, {t['errors']} failed)")
    speedup = times[1] / times[2]
    print(f"speed-up 2 workers vs 1: {speedup:.2f} (target >= 1.6: {'PASS' if speedup >= 1.6 else 'FAIL'})")


if __name__ == "__main__":
    main()
