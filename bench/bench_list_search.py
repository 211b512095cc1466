"""List search latency: the full-text search every list now uses (store/query.py: FTS5 on
SQLite) against the substring LIKE the CLI's ``--search`` used before, in the same run.

Fills a SQLite store with N synthetic articles (10 events and one quote each, through the
bulk loader), then times, per search word, the event list (``Store.events(text=...)``,
date order, 100 rows), the API's event page (``events_page(q=...)``, newest first, 50 rows)
and the naive baseline (``sentence_text LIKE '%word%'``, the old ``--search``), each
``--repeat`` times; prints p50 / max in ms and the number of matching events.

Usage::

    .venv/bin/python bench/bench_list_search.py [--articles 5000] [--repeat 15] [--db PATH]

``--db``: build the store there once and reuse it on later runs (else a temporary file).

Timings depend on the machine's load (printed first); they are a benchmark, never a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path


def fill(db: Path, n_articles: int) -> float:
    from communique.analysis.synthetic import synthetic_analyses
    from communique.store import open_store
    from communique.store.bulk import bulk_add

    t0 = time.perf_counter()
    s = open_store(str(db))
    bulk_add(s, synthetic_analyses(n_articles, events_per_article=10, seed=3), batch=5000)
    s.close()
    return time.perf_counter() - t0


def timed(fn, repeat: int) -> tuple[float, float, int]:
    times, n = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times), n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=5_000)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--db", default=None, help="store to build once and reuse")
    args = ap.parse_args()
    from communique.store import open_store
    from communique.store.conditions import like_pattern

    print(f"load average {os.getloadavg()[0]:.2f}; {args.articles} articles x 10 events")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "bench.db"
        if not db.exists():
            print(f"fill: {fill(db, args.articles):.1f} s")
        s = open_store(str(db))
        print(f"{s.stats()['events']} events, {s.stats()['quotes']} quotes")
        print("search        | events(text) p50/max ms | events_page(q) p50/max ms | LIKE baseline p50/max ms | "
              "matches FTS / LIKE")
        for word in ("shelled", "Washington", "threatened London", "item", "nomatchword"):
            fts = timed(lambda: len(s.events(text=word, limit=100)), args.repeat)
            page = timed(lambda: len(s.repo.events_page(q=word, limit=50)[0]), args.repeat)
            n_fts = len(s.events(text=word))
            sql = ("SELECT e.article_id, e.seq FROM events e WHERE e.variant <> 'raw' AND "
                   + " AND ".join("e.sentence_text LIKE ? ESCAPE '\\'" for _ in word.split())
                   + " ORDER BY e.event_date, e.article_id, e.seq LIMIT 100")
            params = [like_pattern(w) for w in word.split()]
            like = timed(lambda: len(s.repo._all(sql, params)), args.repeat)
            n_like = len(s.repo._all(sql.replace(" LIMIT 100", ""), params))
            print(f"{word:<13} | {fts[0]:8.2f} / {fts[1]:8.2f}     | {page[0]:8.2f} / {page[1]:8.2f}       | "
                  f"{like[0]:8.2f} / {like[1]:8.2f}      | {n_fts} / {n_like}")
        s.close()


if __name__ == "__main__":
    main()
