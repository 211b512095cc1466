"""Knowledge base load time and memory: the compiled open dictionaries
(``data/kb/phoenix.json.gz``) and the whole KB (curated YAML + compiled data).

Usage: python bench/bench_kb.py [--repeat N]
Prints the date, versions, the package data size, the cold load (a fresh interpreter:
imports, file read, decompress, parse, indexes), the warm load (same process, caches
cleared, file in the OS cache), lookups per second and the RSS each costs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

COLD = r"""
import json, resource, time
def rss():
    with open('/proc/self/statm') as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20
t0 = time.perf_counter()
from communique.kb import phoenix, registry
t1 = time.perf_counter(); r1 = rss()
ph = phoenix.load_phoenix()
t2 = time.perf_counter(); r2 = rss()
kb = registry.load_kb()
t3 = time.perf_counter(); r3 = rss()
print(json.dumps({"import_s": t1 - t0, "phoenix_s": t2 - t1, "kb_s": t3 - t2,
                  "phoenix_rss_mb": r2 - r1, "kb_rss_mb": r3 - r2, "rss_mb": r3}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from communique.kb import phoenix, registry

    size = resources.files(phoenix.DATA).joinpath(phoenix.FILE).read_bytes()
    print(f"date {dt.date.today()}  python {sys.version.split()[0]}  data {phoenix.FILE} "
          f"{len(size) / 1e6:.2f} MB")
    colds = []
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, check=True)
        colds.append(json.loads(out.stdout.strip().splitlines()[-1]))
    best = min(colds, key=lambda c: c["phoenix_s"] + c["kb_s"])
    print(f"cold  import {best['import_s']:.3f} s  compiled dictionaries {best['phoenix_s']:.3f} s  "
          f"whole KB {best['kb_s']:.3f} s  (best of {args.repeat})")
    print(f"rss   compiled dictionaries +{best['phoenix_rss_mb']:.1f} MB  whole KB +{best['kb_rss_mb']:.1f} MB  "
          f"process {best['rss_mb']:.0f} MB")
    warms = []
    for _ in range(args.repeat):
        phoenix.load_phoenix.cache_clear()
        registry._builtin_cached.cache_clear()
        registry.load_kb.cache_clear()
        t0 = time.perf_counter()
        ph = phoenix.load_phoenix()
        t1 = time.perf_counter()
        kb = registry.load_kb()
        t2 = time.perf_counter()
        warms.append((t1 - t0, t2 - t1))
    w = min(warms, key=sum)
    print(f"warm  compiled dictionaries {w[0]:.3f} s  whole KB {w[1]:.3f} s  (best of {args.repeat})")
    names = ["Vladimir Putin", "Mwai Kibaki", "Ban Ki-moon", "Nobody Atall", "Barack Obama"] * 2000
    t0 = time.perf_counter()
    found = sum(kb.person(n) is not None for n in names)
    t1 = time.perf_counter()
    print(f"lookup {len(names) / (t1 - t0):,.0f} person lookups/s ({found} found)  "
          f"counts {json.dumps({k: v for k, v in ph.counts.items() if k != 'files'})}  version {kb.version}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    main()
