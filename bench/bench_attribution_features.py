"""The attribution tagger's hashed features: the feature dicts hashed string by string
(``neural.hashed_features(features.doc_features(...))``) against the array path
(``hashing.hashed_doc_features``), on the tokens the tagger reads (``sentences.tagged_chunks``)
of parsed articles, with the ids of both checked equal token by token.

    .venv/bin/python bench/bench_attribution_features.py [--polnear ../shared/data/polnear] [--limit 30]

Without --polnear it reads synthetic articles from bench/corpus.py. The parse, the rule tags
and the quote state are computed once, outside the timings (the tagger computes them anyway).
CPU seconds, the best of --repeat runs. Target (issue 20): the feature and hashing step of
30 PolNeAR dev articles in about 0.2-0.3 s.

``--analysis``: also the whole default analysis (rules + model) with either path, against the
bare spaCy parse, the runs interleaved in this process (``hashing.hashed_doc_features`` is
swapped for the dict path for the old runs); the target is >= 0.70 of the bare parse.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import time
from importlib.metadata import version
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from corpus import texts as corpus_texts  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", help="PolNeAR root; its dev texts are the input")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--whole", action="store_true", help="all tokens, not only the tagged sentences")
    ap.add_argument("--analysis", action="store_true", help="also the whole analysis with either path")
    args = ap.parse_args()

    from communique.config import Settings
    from communique.extract.attribution.features import doc_features, quote_state, rule_tags
    from communique.extract.attribution.hashing import hashed_doc_features
    from communique.extract.attribution.model import load_model
    from communique.extract.attribution.neural import hashed_features
    from communique.extract.attribution.sentences import tagged_chunks
    from communique.nlp import build_pipeline

    model = load_model()
    fv = int(model.meta.get("features_version", 4))
    buckets = model.neural[0].buckets if model.neural is not None else 20
    texts = corpus_texts(args.polnear, args.split, args.limit)
    print(f"# bench_attribution_features {dt.date.today()} python {platform.python_version()} "
          f"spacy {version('spacy')} numpy {np.__version__}")
    docs = list(build_pipeline(Settings()).pipe(texts))
    inputs = []
    for doc in docs:
        rtags, inq = rule_tags(doc), quote_state(doc)
        tokens = None if args.whole else [i for a, b in tagged_chunks(doc, rtags, inq) for i in range(a, b)]
        inputs.append((doc, tokens, rtags, inq))
    n_tok = sum(len(d) if t is None else len(t) for d, t, _, _ in inputs)
    print(f"input: {len(docs)} articles, {sum(len(d) for d in docs)} tokens, {n_tok} tagged"
          + (f" (PolNeAR {args.split})" if args.polnear else " (synthetic)")
          + f"; model {model.rule_id}, features v{fv}, {buckets} bucket bits")

    def old() -> list:
        return [hashed_features(doc_features(doc, model.cues, version=fv, tokens=tokens, rtags=rtags, inq=inq),
                                buckets) for doc, tokens, rtags, inq in inputs]

    def new() -> list:
        return [hashed_doc_features(doc, model.cues, tokens, rtags, inq, buckets, fv)
                for doc, tokens, rtags, inq in inputs]

    def best_of(run) -> tuple[float, list]:
        cpu, out = float("inf"), []
        for _ in range(args.repeat):
            c = time.process_time()
            out = run()
            cpu = min(cpu, time.process_time() - c)
        return cpu, out

    new()  # warm up: the CRC tables
    t_old, r_old = best_of(old)
    t_new, r_new = best_of(new)
    same = all(np.array_equal(oa, ob) and all(
        np.array_equal(np.sort(ia[oa[k]:oa[k + 1]]), np.sort(ib[ob[k]:ob[k + 1]])) for k in range(len(oa) - 1))
        for (ia, oa), (ib, ob) in zip(r_old, r_new))
    n_ids = sum(len(ids) for ids, _ in r_new)
    print(f"dicts + hashed_features  {t_old:6.3f} s CPU")
    print(f"hashed_doc_features      {t_new:6.3f} s CPU  ({n_ids} ids)")
    print(f"speed-up {t_old / t_new:.1f}x; ids equal token by token: {same}")
    if not same:
        sys.exit(1)
    if args.analysis:
        _analysis(texts, args.repeat)


def _analysis(texts: list[str], repeat: int) -> None:
    from communique.config import Settings
    from communique.extract.attribution import hashing
    from communique.extract.attribution.features import doc_features
    from communique.extract.attribution.neural import hashed_features
    from communique.pipeline import Pipeline

    fast = hashing.hashed_doc_features

    def dicts(doc, cues, tokens, rtags, inq, buckets, version):
        return hashed_features(doc_features(doc, cues, version=version, tokens=tokens, rtags=rtags, inq=inq), buckets)

    pipe = Pipeline(Settings(quote_model=True))
    nlp = pipe.nlp
    pipe.analyze(texts[0])  # warm up: lexicons, model
    best: dict[str, float] = {}
    quotes: dict[str, int] = {}

    def timed(name: str, run) -> None:
        c = time.process_time()
        out = run()
        best[name] = min(best.get(name, float("inf")), time.process_time() - c)
        if out is not None:
            quotes[name] = sum(len(a.quotes) for a in out)

    try:
        for _ in range(repeat):
            timed("bare spaCy parse", lambda: [len(d) for d in nlp.pipe(texts)] and None)
            hashing.hashed_doc_features = dicts
            timed("rules + model, dicts", lambda: list(pipe.analyze_many(texts)))
            hashing.hashed_doc_features = fast
            timed("rules + model, arrays", lambda: list(pipe.analyze_many(texts)))
    finally:
        hashing.hashed_doc_features = fast
    for name, cpu in best.items():
        q = f"  {quotes[name]} quotes" if name in quotes else ""
        print(f"{name:22s} {cpu:6.2f} s CPU  ratio to the bare parse {best['bare spaCy parse'] / cpu:.2f}{q}")


if __name__ == "__main__":
    main()
