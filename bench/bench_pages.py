"""Web page latency on a large synthetic store: every page of the UI (HTML, server-rendered
with its SVG charts) requested one at a time over HTTP from a live uvicorn server, p50, p95
and max per page after a warm-up.

The store is the one bench/bench_store_queries.py builds (1,000,000 synthetic events:
``/tmp/communique-bench-1000000-s1.db``; build it first with
``bench/bench_store_queries.py --fill-only``). Three articles of one story across outlets
are added once (tests/_stories.py) so the story page has something to compare.

Usage::

    .venv/bin/python bench/bench_pages.py [--db PATH] [--repeat 20] [PATH ...]

Timings depend on the machine's load: the load average is printed before measuring.
``first ms`` is each page's first request on the fresh server: before anything of it is
kept (the home page, alerts and map places are kept per store version, the network and
series read precomputed totals).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import platform
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

TARGET_MS = 300


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="/tmp/communique-bench-1000000-s1.db")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("pages", nargs="*", help="only these paths (default: every page)")
    args = ap.parse_args()
    if not Path(args.db).exists():
        sys.exit(f"no store at {args.db}: run bench/bench_store_queries.py --fill-only first")

    import httpx
    from _stories import STORY, add_story
    from web_server import LiveServer

    from communique import __version__
    from communique.config import Settings
    from communique.store import Store
    from communique.web.app import create_app

    s = Store(args.db)
    if not s.repo._one("SELECT 1 FROM articles WHERE story_id = ?", (STORY,)):
        add_story(args.db)
    n_events = s.repo._one("SELECT COUNT(*) FROM events", ())[0]
    article = s.repo._one("SELECT id FROM articles WHERE story_id = ? ORDER BY id", (STORY,))[0]
    actor = s.actors(name="Ukraine", limit=1)[0].id
    s.close()
    pages = ["/", "/?days=30", f"/stories/{STORY}", "/articles", f"/articles/{article}", "/quotes",
             "/quotes?q=respond", "/events", "/events?country=RUS&quad_class=4", "/actors", f"/actors/{actor}",
             "/alerts", "/network", "/map", "/map?region=europe&place=Kyiv", "/map?days=90",
             "/dyads/RUS/UKR", "/api/charts/quads?format=csv"]
    pages = args.pages or pages
    print(f"# bench_pages {dt.date.today()} communique {__version__} python {platform.python_version()} "
          f"sqlite {sqlite3.sqlite_version} {platform.machine()}")
    print(f"store {args.db}: {n_events:,} events; load average {os.getloadavg()[0]:.2f}; "
          f"{args.repeat} sequential requests per page after 2 warm-up requests (the first timed as 'first'); "
          f"target p95 < {TARGET_MS} ms")
    no_limits = {k: 0 for k in ("rate_limit",) if k in {f.name for f in dataclasses.fields(Settings)}}
    with LiveServer(create_app(args.db, Settings(**no_limits))) as live, \
            httpx.Client(base_url=live.url, timeout=120, headers={"accept": "text/html"}) as c:
        rows = []
        for p in pages:
            t0 = time.perf_counter()
            c.get(p).raise_for_status()  # the first request: nothing of this page kept yet
            cold = (time.perf_counter() - t0) * 1000
            c.get(p).raise_for_status()
            lat = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                r = c.get(p)
                lat.append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()
            rows.append((p, pct(lat, 50), pct(lat, 95), max(lat), cold, len(r.content)))
    print(f"{'page':<40} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'first ms':>9} {'KiB':>7}")
    for p, p50, p95, mx, cold, size in rows:
        flag = "" if p95 < TARGET_MS else "  over target"
        print(f"{p[:40]:<40} {p50:8.0f} {p95:8.0f} {mx:8.0f} {cold:9.0f} {size / 1024:7.0f}{flag}")


if __name__ == "__main__":
    main()
