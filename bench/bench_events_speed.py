"""Event stage time relative to the spaCy parse (target: <= 15%).

Usage: python bench/bench_events_speed.py [FILES...]  (default: the seed article, repeated)
Prints the date, versions, the parse time, the actor and event stage times and ratios.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import spacy

from communique.config import Settings
from communique.extract.actors import extract_actors
from communique.extract.context import ExtractionContext
from communique.extract.event_lexicon import load_lexicon
from communique.extract.events import extract_events
from communique.extract.places import PlaceTable
from communique.extract.quotes import extract_quotes
from communique.extract.time import DateTable
from communique.ingest.article import make_article
from communique.nlp import build_pipeline, resolve_model_name

ROOT = Path(__file__).resolve().parents[1]


def time_stages(texts, docs, settings, clock=time.perf_counter) -> tuple[float, float, int]:
    """Seconds of the actor and event stages over ``docs`` (by ``clock``) and the events found."""
    actors_t = events_t = 0.0
    n_events = 0
    for text, doc in zip(texts, docs):
        ctx = ExtractionContext(make_article(text, published=dt.date(2022, 1, 21)), settings)
        t = clock()
        table = extract_actors(doc, ctx)
        actors_t += clock() - t
        dates = DateTable.empty(ctx)
        quotes = extract_quotes(doc, ctx, table, dates)
        t = clock()
        n_events += len(extract_events(doc, ctx, table, quotes, dates, PlaceTable.empty()))
        events_t += clock() - t
    return actors_t, events_t, n_events


def main(argv: list[str]) -> None:
    paths = [Path(p) for p in argv] or [ROOT / "tests" / "fixtures" / "seed_article.txt"] * 20
    texts = [p.read_text(encoding="utf-8") for p in paths]
    settings = Settings()
    nlp = build_pipeline(settings)
    load_lexicon()
    nlp("warm up")
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse = time.perf_counter() - t0
    actors_t, events_t, n_events = time_stages(texts, docs, settings)
    print(f"date {dt.date.today()}  spaCy {spacy.__version__}  model {resolve_model_name(settings)}  "
          f"lexicon v{load_lexicon().version} ({load_lexicon().fingerprint})")
    print(f"documents {len(texts)}  chars {sum(map(len, texts))}  events {n_events}")
    print(f"spaCy parse   {parse:8.3f} s  (baseline 1.00)")
    print(f"actor stage   {actors_t:8.3f} s  ratio {actors_t / parse:.3f}")
    print(f"event stage   {events_t:8.3f} s  ratio {events_t / parse:.3f}  (target <= 0.15)")


if __name__ == "__main__":
    main(sys.argv[1:])
