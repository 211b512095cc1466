"""Cost of the event dictionary and the event-type model in the default analysis.

Usage: python bench/bench_event_model_speed.py [FILES...]  (default: the seed article x 20)

Prints the bare spaCy parse CPU time (process time: less inflated than wall time on a
shared machine), the full analysis CPU time (``analyze_doc`` on the parsed docs: actors,
quotes with the tagger, dates, places, events) with the dictionary and the model off and
on, and the throughput of parse + analysis relative to the bare parse (target of issue 19:
>= 0.70 with everything on).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from communique.config import Settings
from communique.extract import ExtractionContext, analyze_doc
from communique.extract.event_dictionary import load_dictionary
from communique.extract.event_model import load_model
from communique.ingest.article import make_article
from communique.nlp import build_pipeline

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> None:
    paths = [Path(p) for p in argv] or [ROOT / "tests" / "fixtures" / "seed_article.txt"] * 20
    texts = [p.read_text(encoding="utf-8") for p in paths]
    nlp = build_pipeline(Settings())
    load_dictionary()
    load_model(None)
    nlp("warm up")
    t0 = time.process_time()
    docs = list(nlp.pipe(texts))
    parse = time.process_time() - t0
    print(f"date {dt.date.today()}  documents {len(texts)}  chars {sum(map(len, texts))}")
    print(f"spaCy parse {parse:.3f} s")
    for name, s in (("events: curated only", Settings(event_dictionary=False, event_model=False)),
                    ("events: + dictionary (default)", Settings()),
                    ("events: + dictionary + model", Settings(event_model=True))):
        analyze_doc(docs[0], ExtractionContext(make_article(texts[0], published=dt.date(2022, 1, 21)), s))
        rounds = []
        for _ in range(3):  # best of 3 rounds
            t = time.process_time()
            n = 0
            for text, doc in zip(texts, docs):
                ctx = ExtractionContext(make_article(text, published=dt.date(2022, 1, 21)), s)
                n += len(analyze_doc(doc, ctx).events)
            rounds.append(time.process_time() - t)
        took = min(rounds)
        print(f"{name:40s} analysis {took:.3f} s  events {n}  throughput vs bare parse "
              f"{parse / (parse + took):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
