"""Store and API latency on a large synthetic store.

Fills a SQLite store with N synthetic events (default 1,000,000: 100,000 articles x 10),
then measures

1. the dyad time-series query (facts from the dyad index + aggregation per week) for the
   busiest dyads: p50/p95/max, against a naive baseline in the same run (the same series
   built from ``Store.events(actor=...)`` rows, i.e. without the dyad index);
2. the REST API under concurrent reads (uvicorn on 127.0.0.1, N client threads):
   p50/p99 per request for /api/dyads, /api/events and /api/quotes?q=.

Usage::

    .venv/bin/python bench/bench_store_queries.py [--events 1000000] [--db /tmp/bench.db]
        [--repeat 50] [--clients 8] [--requests 400]

The store is reused when it already holds the requested number of events.
"""

from __future__ import annotations

import argparse
import datetime as dt
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


def fill(db: str, n_events: int, per_article: int = 10) -> float:
    from communique.analysis.synthetic import synthetic_analyses
    from communique.store import Store

    s = Store(db)
    have = s.stats()["events"]
    if have >= n_events:
        s.close()
        return 0.0
    t0 = time.perf_counter()
    batch = []
    n_articles = n_events // per_article
    for i, a in enumerate(synthetic_analyses(n_articles, events_per_article=per_article, seed=1)):
        batch.append(a)
        if len(batch) == 2000:
            s.add_many(batch)
            batch.clear()
            print(f"  filled {i + 1}/{n_articles} articles", end="\r", file=sys.stderr)
    s.add_many(batch)
    s.close()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default="/tmp/communique-bench.db")
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=400)
    args = ap.parse_args()

    import communique
    from communique.analysis import dyad_series
    from communique.analysis.facts import DyadFact, story_of
    from communique.store import Store

    print(f"# bench_store_queries {dt.date.today()} communique {communique.__version__} "
          f"python {platform.python_version()} sqlite {sqlite3.sqlite_version} {platform.machine()}")
    secs = fill(args.db, args.events)
    s = Store(args.db)
    stats = s.stats()
    size = Path(args.db).stat().st_size / 2**20
    print(f"store: {stats['events']} events, {stats['articles']} articles, {size:.0f} MiB"
          + (f", filled in {secs:.0f} s ({stats['events'] / secs:.0f} events/s)" if secs else " (reused)"))

    dyads = [(a, b) for a, b, _ in s.repo.top_dyads(limit=5)]
    times, sizes = [], []
    for _ in range(args.repeat):
        for a, b in dyads:
            t0 = time.perf_counter()
            series = dyad_series(s.dyad_facts(a, b), a, b, period="week")
            times.append((time.perf_counter() - t0) * 1000)
            sizes.append(series.total_events)
    print(f"dyad series (week, directed, top {len(dyads)} dyads, ~{statistics.mean(sizes):.0f} incidents "
          f"each): p50 {pct(times, 50):.1f} ms  p95 {pct(times, 95):.1f} ms  max {max(times):.1f} ms "
          f"(target p95 < 200 ms)")

    # naive baseline: the same series from Store.events(actor=...) rows (no dyad index)
    from communique.analysis.synthetic import COUNTRIES

    names = {c[1]: c[0] for c in COUNTRIES}
    base = []
    for a, b in dyads[:2]:
        t0 = time.perf_counter()
        facts = []
        for r in s.events(actor=names[a]):
            e = r.event
            if e.actor and e.recipient and e.actor.country == a and e.recipient.country == b:
                facts.append(DyadFact(r.article_id, r.index, r.article_id, e.date or r.published, a, b,
                                      e.type, e.quad_class, e.goldstein, e.intensity, e.modality,
                                      e.confidence, e.quote))
        naive = dyad_series(facts, a, b, period="week")
        base.append((time.perf_counter() - t0) * 1000)
        assert naive.total_events == dyad_series(s.dyad_facts(a, b), a, b).total_events
    print(f"naive baseline (Store.events + filter, same series): mean {statistics.mean(base):.0f} ms "
          f"-> dyad index is {statistics.mean(base) / pct(times, 50):.0f}x faster at p50")
    _ = story_of
    s.close()

    # API under concurrent reads
    import httpx

    from communique.config import Settings
    from communique.web.app import create_app
    from web_server import LiveServer

    rng = random.Random(3)
    paths = ([f"/api/dyads/{a}/{b}?period=week" for a, b in dyads] +
             ["/api/events?country=RUS&limit=50", "/api/events?type=ASSAULT&limit=50",
              "/api/quotes?q=respond&limit=50", "/api/articles?limit=50"])
    with LiveServer(create_app(args.db, Settings())) as live:
        with httpx.Client(base_url=live.url, timeout=60) as warm:
            for p in paths:
                warm.get(p).raise_for_status()
        lat: dict[str, list[float]] = {}
        lock = threading.Lock()

        def one(i: int) -> None:
            p = rng.choice(paths)
            with httpx.Client(base_url=live.url, timeout=60) as c:
                t0 = time.perf_counter()
                c.get(p).raise_for_status()
                ms = (time.perf_counter() - t0) * 1000
            with lock:
                lat.setdefault(p.split("?")[0].rsplit("/", 2)[0] if "/dyads/" in p else p.split("?")[0],
                               []).append(ms)

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
