"""Draw the sentences of the events development set (src/communique/data/eval/events_dev.jsonl).

Run once, before labelling; the labels were added by hand afterwards (LABELLING.md there).
    python bench/events_dev_sample.py --polnear ../shared/data/polnear \
        --ngec ../shared/data/events/ngec/gpt_synthetic_events_2023-10-19_19.csv.zip > sample.jsonl
Deterministic (seed 18): the same files give the same sentences.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import sys
import zipfile
from pathlib import Path

SEED = 18
SPLIT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“])")
FOREIGN = re.compile(
    r"\b(Russia|Russian|Moscow|Putin|China|Chinese|Beijing|Iran|Iranian|Tehran|Syria|Syrian|Iraq|Iraqi|"
    r"Israel|Israeli|Mexico|Mexican|ISIS|Islamic State|North Korea|Korea|Ukraine|Cuba|Saudi|Libya|"
    r"Benghazi|Afghanistan|Taliban|Germany|Britain|France|NATO|Japan|Turkey|Pakistan|Egypt|Assad|"
    r"attack|sanction|troops|treaty|deal|talks|summit|bomb|strike)\b")


def sentences(text: str) -> list[str]:
    out = []
    for para in text.split("\n"):
        for s in SPLIT.split(para.strip()):
            s = " ".join(s.split())
            n = len(s.split())
            if 8 <= n <= 50 and not s.startswith(("http", "(")):
                out.append(s)
    return out


def polnear(root: Path, rng: random.Random, n_topic: int, n_random: int, topic_words: re.Pattern[str] = FOREIGN,
            exclude: frozenset[str] = frozenset()) -> list[dict]:
    """At most one sentence per PolNeAR train article (articles in ``exclude`` skipped): ``n_topic``
    from sentences matching ``topic_words``, ``n_random`` at random, in a seeded article order."""
    files = [f for f in sorted((root / "train" / "text").glob("*.txt")) if f.stem not in exclude]
    rng.shuffle(files)
    topic, other = [], []
    for f in files:
        sents = sentences(f.read_text(encoding="utf-8"))
        if not sents:
            continue
        hits = [s for s in sents if topic_words.search(s)]
        if hits and len(topic) < n_topic:
            topic.append({"source": f"polnear:train/{f.stem}", "text": rng.choice(hits)})
        elif len(other) < n_random:
            other.append({"source": f"polnear:train/{f.stem}", "text": rng.choice(sents)})
        if len(topic) >= n_topic and len(other) >= n_random:
            break
    return topic + other


def ngec(path: Path, rng: random.Random, per_label: int, extra: int) -> list[dict]:
    csv.field_size_limit(10**8)
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        rows = list(csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8")))
    by_label: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_label.setdefault(r["label"], []).append(i)
    out = []
    picked = []
    for label in sorted(by_label):
        ids = by_label[label][:]
        rng.shuffle(ids)
        picked.extend(ids[:per_label])
    for k, i in enumerate(picked):
        sents = sentences(rows[i]["text"])
        if not sents:
            continue
        out.append({"source": f"ngec:row{i}", "text": sents[0]})
        if k % 2 == 0 and len(sents) > 1 and extra > 0:
            out.append({"source": f"ngec:row{i}", "text": rng.choice(sents[1:])})
            extra -= 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", type=Path, required=True)
    ap.add_argument("--ngec", type=Path, required=True)
    a = ap.parse_args()
    rng = random.Random(SEED)
    recs = polnear(a.polnear, rng, 120, 90) + ngec(a.ngec, rng, 9, 70)
    for k, r in enumerate(recs):
        r = {"id": f"ev{k:04d}", **r}
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
