"""Peak RSS of streaming ``communique ingest`` at two corpus sizes (target: within 10%).

    .venv/bin/python bench/bench_memory.py [--sizes 1000 10000]

Each size runs in a fresh Python process (``communique ingest corpus.jsonl --db tmp.db``
in-process, then ``ru_maxrss`` of that process), so nothing is shared between runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate  # noqa: E402

CHILD = """
import resource, sys
from communique.cli import main
try:
    main(["ingest", sys.argv[1], "--db", sys.argv[2]])
except SystemExit:
    pass
print("MAXRSS_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def measure(n: int, folder: Path) -> tuple[float, float, str]:
    corpus = folder / f"corpus-{n}.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for rec in generate(n, seed=3):
            fh.write(json.dumps(rec) + "\n")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, str(corpus), str(folder / f"db-{n}.sqlite")],
                          capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t0
    rss = [line for line in proc.stderr.splitlines() if line.startswith("MAXRSS_KB")]
    if not rss:
        raise SystemExit(f"ingest of {n} failed:\n{proc.stderr[-2000:]}")
    summary = proc.stdout.strip().splitlines()[0] if proc.stdout.strip() else ""
    return int(rss[-1].split()[1]) / 1024, elapsed, summary


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs=2, default=[1000, 10000])
    args = ap.parse_args()
    print(f"# bench_memory {dt.date.today()} python {platform.python_version()}")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            rss, elapsed, summary = measure(n, Path(tmp))
            results[n] = rss
            print(f"{n:6d} articles: peak RSS {rss:7.1f} MiB, {elapsed:7.1f} s  | {summary}")
    small, big = args.sizes
    growth = results[big] / results[small] - 1
    print(f"peak RSS growth {small} -> {big}: {growth * 100:+.1f}% "
          f"(target within 10%: {'PASS' if abs(growth) <= 0.10 else 'FAIL'})")


if __name__ == "__main__":
    main()
