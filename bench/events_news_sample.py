"""Draw the sentences of the third events set (src/communique/data/eval/events_news.jsonl).

Real news only: PolNeAR **train** articles (2016 US election reporting) that no sentence of
``events_dev.jsonl`` or ``events_fresh.jsonl`` came from, at most one sentence per article.
Two thirds are drawn from sentences holding an event word (the words below: acts, not
speech), one third at random, so that about a third report no event. Run once, before
labelling; the labels are added by hand afterwards (LABELLING.md there).

    python bench/events_news_sample.py --polnear ../shared/data/polnear > sample.jsonl

Deterministic (seed 2029): the same files give the same sentences.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from events_dev_sample import polnear

SEED = 2029
EVENT_WORDS = re.compile(
    r"\b(attack\w*|accus\w*|criticiz\w*|condemn\w*|su(ed|es|ing)|investigat\w*|arrest\w*|charged|"
    r"indicted|jailed|detain\w*|protest\w*|rall(y|ied|ies)|march\w*|strike|boycott\w*|"
    r"met|meet(s|ing)?|visit\w*|talks|summit|call(ed|s)? (on|for)|urg\w*|ask(ed|s)|demand\w*|"
    r"warn\w*|threat\w*|reject\w*|refus\w*|den(y|ied|ies)|veto\w*|block\w*|"
    r"agree\w*|deal|sign\w*|pledg\w*|promis\w*|endors\w*|back(ed|s)|prais\w*|support\w*|"
    r"aid|donat\w*|fund\w*|releas\w*|withdr\w*|resign\w*|pardon\w*|drop(ped|s)|"
    r"sanction\w*|fine[ds]?|ban(ned|s)?|suspend\w*|expel\w*|deport\w*|"
    r"troops|deploy\w*|bomb\w*|kill\w*|shot|shoot\w*|fired|invad\w*|"
    r"cooperat\w*|partner\w*|train(ed|ing)|investigation|subpoena\w*|impeach\w*)\b", re.I)


def used_articles(*paths: Path) -> set[str]:
    out = set()
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            src = json.loads(line)["source"]
            if src.startswith("polnear:"):
                out.add(src.split("/", 1)[1])
    return out


def sample_args(*extra: tuple[str, int]) -> argparse.Namespace:
    """``--polnear`` (required), ``--eval-dir`` (the packaged sets) and integer ``extra`` options
    (name, default), for the set samplers of this folder."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", type=Path, required=True)
    ap.add_argument("--eval-dir", type=Path, default=Path(__file__).resolve().parents[1]
                    / "src" / "communique" / "data" / "eval")
    for name, default in extra:
        ap.add_argument(name, type=int, default=default)
    return ap.parse_args()


def main() -> None:
    a = sample_args(("--events", 260), ("--random", 140))
    used = used_articles(a.eval_dir / "events_dev.jsonl", a.eval_dir / "events_fresh.jsonl")
    rng = random.Random(SEED)
    recs = polnear(a.polnear, rng, a.events, a.random, EVENT_WORDS, frozenset(used))
    rng.shuffle(recs)
    for k, r in enumerate(recs):
        sys.stdout.write(json.dumps({"id": f"en{k:04d}", **r}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
