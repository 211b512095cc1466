"""Load benchmark: concurrent readers and writers against ``communique serve`` on 127.0.0.1.

1. fills a fresh SQLite store with synthetic analyses and creates an API key in it
   (``communique.store.keys``: stored hashed, as ``communique keys create`` does);
2. starts ``communique serve`` as a subprocess on 127.0.0.1 (rate limits switched off with
   ``COMMUNIQUE_RATE_LIMIT=0`` / ``COMMUNIQUE_WRITE_RATE_LIMIT=0``, unless ``--rate-limited``);
3. baseline: ``--readers`` threads read alone for ``--baseline-seconds``;
4. load: the same readers plus ``--writers`` threads that POST new articles (analysed by
   the server's spaCy pipeline and stored) for ``--seconds``;
5. stops the server (SIGTERM) and checks that every write the server acknowledged (201)
   is in the store, exactly once.

Prints requests/s, p50/p99 latency per kind, the error count (target 0), acknowledged
writes missing from the store (target 0) and the read throughput under load as a ratio of
the read-only baseline measured in the same run. Only localhost traffic; every loop is
bounded by a request count and a deadline.

Usage::

    .venv/bin/python bench/bench_load.py [--seconds 20] [--baseline-seconds 5]
        [--readers 6] [--writers 2] [--articles 300] [--rate-limited]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
MAX_REQUESTS_PER_WORKER = 100_000
READ_PATHS = ("/api/stats", "/api/events?limit=50", "/api/quotes?q=respond&limit=20", "/api/articles?limit=20",
              "/api/events?actor=Russia&type=ACCUSE", "/api/dyads/RUS/UKR?period=week", "/api/actors?limit=20",
              "/events", "/quotes")
SUBJECTS = ("Russia", "Ukraine", "France", "Germany", "China", "Turkey", "Poland", "Japan")
VERBS = ("accused", "criticized", "praised", "threatened", "met with", "warned")


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(db: str, n_articles: int) -> str:
    from communique.analysis.synthetic import synthetic_analyses
    from communique.store import open_store
    from communique.store.keys import ApiKeys

    with open_store(db) as store:
        store.add_many(synthetic_analyses(n_articles, events_per_article=5, seed=3))
        return ApiKeys(store).create("bench")


def start_server(db: str, port: int, rate_limited: bool, log: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if not rate_limited:
        env.update(COMMUNIQUE_RATE_LIMIT="0", COMMUNIQUE_WRITE_RATE_LIMIT="0")
    proc = subprocess.Popen([sys.executable, "-m", "communique.cli", "serve", "--db", db, "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                            stderr=log.open("wb"), start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"communique serve exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("communique serve did not start within 60 s")


def warm_up(base: str, key: str) -> None:
    """One write first, so the server loads its spaCy pipeline before anything is timed."""
    r = httpx.post(base + "/api/articles", headers={"X-API-Key": key}, timeout=120,
                   json={"text": "Russia and Ukraine agreed to hold talks in Geneva next week, officials "
                                 "said on Friday, as both sides prepared for a long negotiation.",
                         "published": "2022-01-10"})
    r.raise_for_status()


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = {"read": [], "write": []}
        self.errors: dict[str, int] = {}
        self.acknowledged: list[str] = []

    def ok(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.latency[kind].append(seconds)

    def error(self, what: str) -> None:
        with self.lock:
            self.errors[what] = self.errors.get(what, 0) + 1


def reader(base: str, rec: Recorder, deadline: float, seed: int) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=30, headers={"accept": "application/json"}) as client:
        for _ in range(MAX_REQUESTS_PER_WORKER):
            if time.monotonic() >= deadline:
                return
            path = rng.choice(READ_PATHS)
            t0 = time.perf_counter()
            try:
                r = client.get(path)
            except httpx.HTTPError as exc:
                rec.error(f"read {type(exc).__name__}")
                continue
            if r.status_code == 200:
                rec.ok("read", time.perf_counter() - t0)
            else:
                rec.error(f"read HTTP {r.status_code} {path}")


def writer(base: str, key: str, rec: Recorder, deadline: float, worker: int) -> None:
    rng = random.Random(1000 + worker)
    with httpx.Client(base_url=base, timeout=120, headers={"X-API-Key": key}) as client:
        for i in range(MAX_REQUESTS_PER_WORKER):
            if time.monotonic() >= deadline:
                return
            a, b = rng.sample(SUBJECTS, 2)
            text = (f"{a} {rng.choice(VERBS)} {b} on Tuesday over the border dispute, officials said. "
                    f"\"We will not accept this,\" the foreign minister of {b} told reporters in the "
                    f"capital. The two governments said they would meet again next week (load test "
                    f"writer {worker}, article {i}).")
            t0 = time.perf_counter()
            try:
                r = client.post("/api/articles", json={"text": text, "published": "2022-02-01"})
            except httpx.HTTPError as exc:
                rec.error(f"write {type(exc).__name__}")
                continue
            if r.status_code == 201:
                rec.ok("write", time.perf_counter() - t0)
                with rec.lock:
                    rec.acknowledged.append(r.json()["id"])
            else:
                is_json = r.headers.get("content-type", "").startswith("application/json")
                err = r.json().get("error", {}) if is_json else {}
                rec.error(f"write HTTP {r.status_code}: {err.get('type', '?')}: {err.get('message', '')[:160]}"
                          if is_json else f"write HTTP {r.status_code}")


def run_phase(base: str, key: str, seconds: float, readers: int, writers: int) -> tuple[Recorder, float]:
    rec = Recorder()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=reader, args=(base, rec, deadline, i)) for i in range(readers)]
    threads += [threading.Thread(target=writer, args=(base, key, rec, deadline, i)) for i in range(writers)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 180)
    return rec, time.perf_counter() - t0


def report(name: str, rec: Recorder, elapsed: float) -> dict[str, float]:
    out = {}
    total = sum(len(v) for v in rec.latency.values())
    print(f"\n{name}: {elapsed:.1f} s, {total} successful requests, {total / elapsed:.1f} requests/s, "
          f"errors {sum(rec.errors.values())} {rec.errors or ''}")
    for kind, values in rec.latency.items():
        if not values:
            continue
        rps = len(values) / elapsed
        out[kind] = rps
        print(f"  {kind:5s} {len(values):6d} requests  {rps:7.1f}/s  p50 {pct(values, 50) * 1000:7.1f} ms  "
              f"p99 {pct(values, 99) * 1000:7.1f} ms  max {max(values) * 1000:7.1f} ms")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=20.0, help="length of the mixed read/write phase")
    ap.add_argument("--baseline-seconds", type=float, default=5.0, help="length of the read-only baseline")
    ap.add_argument("--readers", type=int, default=6)
    ap.add_argument("--writers", type=int, default=2)
    ap.add_argument("--articles", type=int, default=300, help="synthetic articles in the store at the start")
    ap.add_argument("--rate-limited", action="store_true", help="keep the default rate limits (expect 429s)")
    args = ap.parse_args()

    import fastapi
    import spacy
    import uvicorn

    import communique

    print(f"bench_load {dt.datetime.now().isoformat(timespec='seconds')} · communique {communique.__version__} · "
          f"Python {platform.python_version()} · spaCy {spacy.__version__} · FastAPI {fastapi.__version__} · "
          f"uvicorn {uvicorn.__version__} · {os.cpu_count()} CPUs · load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"readers {args.readers}, writers {args.writers}, baseline {args.baseline_seconds:.0f} s, "
          f"load {args.seconds:.0f} s, rate limits {'on (defaults)' if args.rate_limited else 'off'}")
    with tempfile.TemporaryDirectory(prefix="communique-load-") as tmp:
        db = str(Path(tmp) / "load.db")
        key = prepare(db, args.articles)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = Path(tmp) / "serve.log"
        server = start_server(db, port, args.rate_limited, log)
        try:
            warm_up(base, key)
            base_rec, base_s = run_phase(base, key, args.baseline_seconds, args.readers, 0)
            load_rec, load_s = run_phase(base, key, args.seconds, args.readers, args.writers)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        baseline = report("baseline (reads only)", base_rec, base_s)
        loaded = report("load (reads + writes)", load_rec, load_s)

        from communique.store import open_store

        acked = load_rec.acknowledged
        with open_store(db) as store:
            present = store.existing(acked)
            integrity = store.conn.execute("PRAGMA integrity_check").fetchone()[0]
            dupes = store.conn.execute("SELECT COUNT(*) - COUNT(DISTINCT id) FROM articles").fetchone()[0]
        missing = len(set(acked) - present)
        errors = sum(base_rec.errors.values()) + sum(load_rec.errors.values())
        print(f"\nacknowledged writes {len(acked)} ({len(set(acked))} distinct): missing from the store "
              f"{missing}, duplicate articles {dupes}, integrity_check {integrity}")
        if baseline.get("read") and loaded.get("read"):
            print(f"read throughput under write load / read-only baseline: "
                  f"{loaded['read'] / baseline['read']:.2f}")
        print(f"errors: {errors} (target 0)")
        if errors:
            print("server log (tail):\n" + log.read_text(errors="replace")[-3000:])
        return 0 if (missing == 0 and dupes == 0 and integrity == "ok"
                     and (errors == 0 or args.rate_limited)) else 1


if __name__ == "__main__":
    raise SystemExit(main())
