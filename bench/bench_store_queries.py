"""Store and API latency on a large synthetic store.

Fills a SQLite store with N synthetic events (default 1,000,000: 100,000 articles x 10)
through the bulk loader (``communique.store.bulk.bulk_add``: the rows ``Store.add``
writes, inserted with executemany in transactions of 5,000 articles), then measures

1. the dyad time-series query for the busiest dyads (weekly, directed): p50/p95/max of
   the SQL aggregation (``communique.analysis.stored``), alone and with 20 evidence ids
   per point (what the API sends), against the Python path in the same run (dyad facts
   read from the index and aggregated in Python), after checking both give the same series;
2. the REST API under concurrent reads (uvicorn on 127.0.0.1, N client threads):
   p50/p99 per request for /api/dyads, /api/events, /api/quotes?q= and /api/articles.

Usage::

    .venv/bin/python bench/bench_store_queries.py [--events 1000000] [--seed 1]
        [--db PATH] [--repeat 50] [--clients 8] [--requests 400] [--fill-only]

The store is built once per size and seed (``/tmp/communique-bench-<events>-s<seed>.db``)
and reused when it already holds the requested number of events. Timings depend on the
machine's load: the load average is printed before measuring.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import sqlite3
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def fill(db: str, n_events: int, per_article: int = 10, seed: int = 1) -> float:
    """Fill ``db`` with ``n_events`` synthetic events through the bulk loader
    (``communique.store.bulk.bulk_add``: the rows ``Store.add`` writes, with executemany)."""
    from communique.analysis.synthetic import synthetic_analyses
    from communique.store import open_store
    from communique.store.bulk import bulk_add

    s = open_store(db)
    have = s.stats()["events"]
    if have >= n_events:
        s.close()
        return 0.0
    t0 = time.perf_counter()
    n_articles = n_events // per_article

    def stream():
        for i, a in enumerate(synthetic_analyses(n_articles, events_per_article=per_article, seed=seed)):
            if i % 10_000 == 0:
                print(f"  filling {i}/{n_articles} articles, {time.perf_counter() - t0:.0f} s",
                      file=sys.stderr)
            yield a

    bulk_add(s, stream(), batch=5000)
    s.close()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default=None,
                    help="default /tmp/communique-bench-<events>-s<seed>.db (built once, reused)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fill-only", action="store_true")
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=400)
    args = ap.parse_args()
    args.db = args.db or f"/tmp/communique-bench-{args.events}-s{args.seed}.db"

    import communique
    from communique.analysis import dyad_series
    from communique.analysis.stored import stored_dyad_series
    from communique.store import open_store

    print(f"# bench_store_queries {dt.date.today()} communique {communique.__version__} "
          f"python {platform.python_version()} sqlite {sqlite3.sqlite_version} {platform.machine()}")
    secs = fill(args.db, args.events, seed=args.seed)
    s = open_store(args.db)
    stats = s.stats()
    size = Path(args.db).stat().st_size / 2**20
    print(f"store: {stats['events']} events, {stats['articles']} articles, {size:.0f} MiB"
          + (f", filled in {secs:.0f} s ({stats['events'] / secs:.0f} events/s)" if secs else " (reused)"))
    print(f"load average before the measurements: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} CPUs")
    if args.fill_only:
        return

    t0 = time.perf_counter()
    dyads = [(a, b) for a, b, _ in s.repo.top_dyads(limit=5)]
    print(f"top_dyads (home page, /alerts): {(time.perf_counter() - t0) * 1000:.0f} ms")

    def timed(fn, repeat: int) -> tuple[list[float], list[int]]:
        times, sizes = [], []
        for _ in range(repeat):
            for a, b in dyads:
                t0 = time.perf_counter()
                series = fn(a, b)
                times.append((time.perf_counter() - t0) * 1000)
                sizes.append(series.total_events)
        return times, sizes

    def line(name: str, times: list[float], _sizes: list[int]) -> str:
        return (f"  {name:<44} p50 {pct(times, 50):7.1f} ms  p95 {pct(times, 95):7.1f} ms  "
                f"max {max(times):7.1f} ms")

    # the dyad series in SQL (what the API and pages use) and the Python path (facts from the
    # dyad index, aggregated in Python) as the baseline of the same run
    sql0, sizes = timed(lambda a, b: stored_dyad_series(s, a, b, period="week", evidence=0), args.repeat)
    sql20, _ = timed(lambda a, b: stored_dyad_series(s, a, b, period="week", evidence=20), args.repeat)
    py, _ = timed(lambda a, b: dyad_series(s.dyad_facts(a, b), a, b, period="week"),
                  max(1, args.repeat // 10))
    a, b = dyads[0]
    assert stored_dyad_series(s, a, b).to_dict() == dyad_series(s.dyad_facts(a, b), a, b).to_dict()
    print(f"dyad series (week, directed, top {len(dyads)} dyads, ~{statistics.mean(sizes):.0f} incidents "
          f"each, max {max(sizes)}; target p95 < 200 ms):")
    print(line("SQL aggregation (counts, sums)", sql0, sizes))
    print(line("SQL aggregation + 20 evidence ids per point", sql20, sizes))
    print(line("baseline: dyad facts + Python aggregation", py, sizes)
          + f"  -> SQL {pct(py, 50) / pct(sql0, 50):.1f}x faster at p50")
    s.close()

    # API under concurrent reads
    import httpx
    from web_server import LiveServer

    from communique.config import Settings
    from communique.web.app import create_app

    rng = random.Random(3)
    paths = ([f"/api/dyads/{a}/{b}?period=week" for a, b in dyads] +
             ["/api/events?country=RUS&limit=50", "/api/events?type=ASSAULT&limit=50",
              "/api/quotes?q=respond&limit=50", "/api/articles?limit=50"])
    import dataclasses

    no_limits = {k: 0 for k in ("rate_limit",) if k in {f.name for f in dataclasses.fields(Settings)}}
    with LiveServer(create_app(args.db, Settings(**no_limits))) as live:  # no rate limit: measure
        with httpx.Client(base_url=live.url, timeout=60) as warm:
            for p in paths:
                warm.get(p).raise_for_status()
        lat: dict[str, list[float]] = {}
        lock = threading.Lock()

        def one(_i: int) -> None:
            p = rng.choice(paths)
            with httpx.Client(base_url=live.url, timeout=60) as c:
                t0 = time.perf_counter()
                c.get(p).raise_for_status()
                ms = (time.perf_counter() - t0) * 1000
            with lock:
                lat.setdefault("/api/dyads/*" if "/dyads/" in p else p.replace("&limit=50", "").replace(
                    "?limit=50", ""), []).append(ms)

        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as ex:
            list(ex.map(one, range(args.requests)))
        wall = time.perf_counter() - t0
    every = [v for vs in lat.values() for v in vs]
    print(f"API, {args.clients} concurrent clients, {args.requests} requests in {wall:.1f} s "
          f"({args.requests / wall:.0f} req/s): p50 {pct(every, 50):.0f} ms  p99 {pct(every, 99):.0f} ms")
    for k, vs in sorted(lat.items()):
        print(f"  {k:<22} n={len(vs):<4} p50 {pct(vs, 50):6.0f} ms  p99 {pct(vs, 99):6.0f} ms")


if __name__ == "__main__":
    main()
