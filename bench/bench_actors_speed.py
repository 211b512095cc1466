"""Actor and event stage CPU time relative to the spaCy parse (target together: <= 0.20).

Usage: python bench/bench_actors_speed.py [--docs N] [--repeat R] [FILES...]
  (default: the seed article, 5 copies, best of 5 rounds)

CPU time (``time.process_time``) of this process, best of R rounds, so that other work on
a shared machine inflates the figures less than wall time does. Prints the date,
versions, the parse time per round, the actor and event stage times and their ratios.
To compare two trees, run it in each (``PYTHONPATH=OTHER/src python bench/...``) in the
same minutes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import spacy
from bench_events_speed import time_stages  # the same stage loop (bench/ is on sys.path)

from communique.config import Settings
from communique.kb import load_kb
from communique.nlp import build_pipeline, resolve_model_name

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--docs", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    paths = args.files or [ROOT / "tests" / "fixtures" / "seed_article.txt"] * args.docs
    texts = [p.read_text(encoding="utf-8") for p in paths]
    settings = Settings()
    nlp = build_pipeline(settings)
    kb = load_kb()
    nlp("warm up")
    parse, actors, events = [], [], []
    for _ in range(args.repeat):
        t0 = time.process_time()
        docs = list(nlp.pipe(texts))
        parse.append(time.process_time() - t0)
        a, e, _n = time_stages(texts, docs, settings, clock=time.process_time)
        actors.append(a)
        events.append(e)
    p, a, e = min(parse), min(actors), min(events)
    print(f"date {dt.date.today()}  spaCy {spacy.__version__}  model {resolve_model_name(settings)}  "
          f"kb {kb.version}")
    print(f"documents {len(texts)}  chars {sum(map(len, texts))}  best of {args.repeat} (CPU seconds)")
    print(f"spaCy parse   {p:7.3f} s")
    print(f"actor stage   {a:7.3f} s  ratio {a / p:.3f}")
    print(f"event stage   {e:7.3f} s  ratio {e / p:.3f}")
    print(f"together                ratio {(a + e) / p:.3f}  (target <= 0.20)")


if __name__ == "__main__":
    main()
