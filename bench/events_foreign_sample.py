"""Draw the sentences of the fourth events set (src/communique/data/eval/events_foreign.jsonl).

Real news, weighted to foreign affairs: PolNeAR articles (train and dev; 2016 US election
reporting) that no sentence of the three earlier sets came from, at most two sentences per
article: up to 150 holding a foreign-affairs word (``events_dev_sample.FOREIGN``), 100 holding
an act word (``events_news_sample.EVENT_WORDS``) and 50 at random; the 214 articles left gave
272 (the foreign-affairs quota was not filled). Run once, before labelling; the labels are
added by hand afterwards (LABELLING.md there).

    python bench/events_foreign_sample.py --polnear ../shared/data/polnear > sample.jsonl

Deterministic (seed 2030): the same files give the same sentences.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from events_dev_sample import FOREIGN, sentences
from events_news_sample import EVENT_WORDS, sample_args, used_articles

SEED = 2030
PER_ARTICLE = 2


def draw(root: Path, used: set[str], rng: random.Random, quotas: dict[str, int]) -> list[dict]:
    files = [(split, f) for split in ("train", "dev") for f in sorted((root / split / "text").glob("*.txt"))
             if f.stem not in used]
    rng.shuffle(files)
    picked: dict[str, list[dict]] = {k: [] for k in quotas}
    for split, f in files:
        sents = sentences(f.read_text(encoding="utf-8"))
        rng.shuffle(sents)
        taken = 0
        for s in sents:
            kind = "foreign" if FOREIGN.search(s) else "event" if EVENT_WORDS.search(s) else "random"
            if taken < PER_ARTICLE and len(picked[kind]) < quotas[kind]:
                picked[kind].append({"source": f"polnear:{split}/{f.stem}", "text": s})
                taken += 1
        if all(len(picked[k]) >= n for k, n in quotas.items()):
            break
    return [r for k in quotas for r in picked[k]]


def main() -> None:
    a = sample_args()
    used = used_articles(*(a.eval_dir / f"events_{n}.jsonl" for n in ("dev", "fresh", "news")))
    rng = random.Random(SEED)
    recs = draw(a.polnear, used, rng, {"foreign": 150, "event": 100, "random": 50})
    rng.shuffle(recs)
    for k, r in enumerate(recs):
        sys.stdout.write(json.dumps({"id": f"ef{k:04d}", **r}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
