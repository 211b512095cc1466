"""Draw the sentences of the fifth events set (src/communique/data/eval/events_more.jsonl).

Every PolNeAR article already gave the four earlier sets a sentence, so this set takes other
sentences of the same articles (train and dev; never a sentence already in a set), at most
one per article: 420 holding an act or foreign-affairs word (``events_news_sample.EVENT_WORDS``,
``events_dev_sample.FOREIGN``) and 180 at random. Its purpose is more real-news material to
tune on (its tune half) and a larger held-out half; it is less independent of the other sets
than they are of each other (same articles). Run once, before labelling.

    python bench/events_more_sample.py --polnear ../shared/data/polnear > sample.jsonl

Deterministic (seed 2031).
"""

from __future__ import annotations

import json
import random
import sys

from events_dev_sample import FOREIGN, sentences
from events_news_sample import EVENT_WORDS, sample_args

SEED = 2031
SETS = ("dev", "fresh", "news", "foreign")


def main() -> None:
    a = sample_args()
    seen = {json.loads(line)["text"] for n in SETS
            for line in (a.eval_dir / f"events_{n}.jsonl").read_text(encoding="utf-8").splitlines()}
    rng = random.Random(SEED)
    files = [(split, f) for split in ("train", "dev") for f in sorted((a.polnear / split / "text").glob("*.txt"))]
    rng.shuffle(files)
    quotas = {"act": 420, "random": 180}
    picked: dict[str, list[dict]] = {k: [] for k in quotas}
    for split, f in files:
        sents = [s for s in sentences(f.read_text(encoding="utf-8")) if s not in seen]
        if not sents:
            continue
        acts = [s for s in sents if EVENT_WORDS.search(s) or FOREIGN.search(s)]
        kind = "act" if acts and len(picked["act"]) < quotas["act"] else "random"
        if len(picked[kind]) < quotas[kind]:
            text = rng.choice(acts if kind == "act" else sents)
            picked[kind].append({"source": f"polnear:{split}/{f.stem}", "text": text})
        if all(len(picked[k]) >= n for k, n in quotas.items()):
            break
    recs = picked["act"] + picked["random"]
    rng.shuffle(recs)
    for k, r in enumerate(recs):
        sys.stdout.write(json.dumps({"id": f"em{k:04d}", **r}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
