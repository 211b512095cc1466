"""CPU cost of the sentence-embedding event-type model (events_minilm) against the bare spaCy parse.

Usage: python bench/bench_event_model_minilm_speed.py [--polnear ROOT] [--limit N]
       (default: the first 20 PolNeAR train articles when /work/shared/data/polnear exists, else
       20 synthetic articles of bench/corpus.py)

Prints, in one process, best of 3 rounds, process (CPU) time:
- the bare spaCy parse of the articles (the baseline);
- the full analysis (``analyze_doc``) with the event model off, with the n-gram model and
  with the minilm model (``event_model_path="minilm"``), and each one's throughput of
  parse + analysis relative to the bare parse;
- how many sentences ``combine`` embeds (only those it may change) out of all sentences,
  and the encoder's CPU time per embedded sentence and per article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from communique.config import Settings
from communique.extract import ExtractionContext, analyze_doc
from communique.extract.event_model import load_model, sentences_to_score
from communique.extract.sentence_encoder import load_encoder
from communique.ingest.article import make_article
from communique.nlp import build_pipeline

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
POLNEAR = Path("/work/shared/data/polnear")


def best_of(rounds: int, fn) -> tuple[float, object]:
    took, out = [], None
    for _ in range(rounds):
        t = time.process_time()
        out = fn()
        took.append(time.process_time() - t)
    return min(took), out


def main(argv: list[str]) -> None:
    from corpus import texts as corpus_texts

    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", default=str(POLNEAR) if POLNEAR.is_dir() else None)
    ap.add_argument("--limit", type=int, default=20)
    args = ap.parse_args(argv)
    texts = corpus_texts(args.polnear, "train", args.limit)
    nlp = build_pipeline(Settings())
    load_model(None)
    minilm = load_model("minilm")
    load_encoder()
    nlp("warm up")
    parse, docs = best_of(3, lambda: list(nlp.pipe(texts)))
    assert isinstance(docs, list)
    n_sents = sum(len(list(d.sents)) for d in docs)
    print(f"date {dt.date.today()}  articles {len(texts)}  sentences {n_sents}  chars {sum(map(len, texts))}")
    print(f"spaCy parse (bare) {parse:.3f} s CPU")

    def analyse(s: Settings) -> list:
        return [analyze_doc(doc, ExtractionContext(make_article(text, published=dt.date(2016, 10, 1)), s))
                for text, doc in zip(texts, docs)]

    for name, s in (("model off (default)", Settings()),
                    ("n-gram model", Settings(event_model=True)),
                    ("minilm model", Settings(event_model=True, event_model_path="minilm"))):
        analyse(s)  # warm
        took, res = best_of(3, lambda s=s: analyse(s))
        assert isinstance(res, list)
        n_ev = sum(len(r.events) for r in res)
        print(f"{name:22s} analysis {took:.3f} s  events {n_ev:4d}  throughput vs bare parse "
              f"{parse / (parse + took):.3f}")
    # the encoder's own share: the sentences combine would embed (rules' events, minilm thresholds)
    base = analyse(Settings())
    assert minilm is not None
    chosen = [sent.text.strip() for doc, r in zip(docs, base)
              for sent, _, need in sentences_to_score(doc, tuple(r.events), minilm.thresholds) if need]
    enc = load_encoder()
    took, _ = best_of(3, lambda: enc.encode(chosen))
    print(f"minilm: embeds {len(chosen)} of {n_sents} sentences; encoder {1000 * took / max(len(chosen), 1):.1f} ms "
          f"CPU per embedded sentence, {1000 * took / len(texts):.0f} ms per article "
          f"(bare parse {1000 * parse / len(texts):.0f} ms per article)")
    took_all, _ = best_of(1, lambda: enc.encode([s.text.strip() for d in docs for s in d.sents]))
    print(f"minilm: embedding every sentence instead: {1000 * took_all / len(texts):.0f} ms per article")


if __name__ == "__main__":
    main(sys.argv[1:])
