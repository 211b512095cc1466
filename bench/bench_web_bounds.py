"""The attacker's requests of issue 17 against the app on a real SQLite store: status,
response bytes, seconds and how much the process's peak memory (max RSS) grew per request.

    python bench/bench_web_bounds.py [--articles 120] [--db PATH]

Run it on an older checkout (PYTHONPATH=old/src) for the figures before the bounds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

REQUESTS = [
    "/api/dyads/RUS/UKR?period=day&since=0001-01-01&until=2100-12-30",
    "/api/dyads/RUS/UKR?period=week&since=0001-01-01&until=2100-12-30",
    "/api/dyads/RUS/UKR?until=9999-12-31",
    "/api/records/protest:q99999999999999999999999",
    "/api/alerts?since=0001-01-01&until=9999-12-31",
    "/api/events?cursor=WyIyMDIwIiwiYSIsOTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5XQ",
    "/api/articles?cursor=W1tdLFtdXQ",
    "/api/export?format=csv",
]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--db")
    args = ap.parse_args(argv)
    from fastapi.testclient import TestClient

    from communique import __version__
    from communique.analysis.synthetic import synthetic_analyses
    from communique.config import Settings
    from communique.store import Store
    from communique.web import create_app

    db = args.db or str(Path(tempfile.mkdtemp()) / "bounds.db")
    if not args.db:
        s = Store(db)
        s.add_many(synthetic_analyses(args.articles, events_per_article=5, seed=5, days=180,
                                      start=dt.date(2021, 12, 6)))
        s.close()
    print(f"communique {__version__}, python {sys.version.split()[0]}, {args.articles} articles, "
          f"{dt.date.today()}")
    print(f"{'status':>6} {'bytes':>11} {'s':>6} {'+maxRSS MiB':>11}  request")
    with TestClient(create_app(db, Settings(rate_limit=0)), raise_server_exceptions=False) as c:
        for path in REQUESTS:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            t0 = time.perf_counter()
            r = c.get(path)
            took = time.perf_counter() - t0
            grew = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024
            print(f"{r.status_code:>6} {len(r.content):>11,} {took:>6.2f} {grew:>11.1f}  {path}", flush=True)


if __name__ == "__main__":
    main()
