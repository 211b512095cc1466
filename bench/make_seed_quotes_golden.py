"""Regenerate tests/fixtures/seed_quotes.golden.json from the seed article.

    .venv/bin/python bench/make_seed_quotes_golden.py

Review the diff by hand against the issue's acceptance list before committing it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from communique.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed_article.txt"
OUT = ROOT / "tests" / "fixtures" / "seed_quotes.golden.json"


def main() -> None:
    text = SEED.read_text(encoding="utf-8")
    analysis = Pipeline().analyze(text, published=dt.date(2022, 1, 21))
    rows = []
    for q in analysis.quotes:
        actor = analysis.actor(q.speaker_actor)
        rows.append({
            "kind": q.kind,
            "rule": q.rule,
            "speaker": q.speaker.to_dict() if q.speaker else None,
            "speaker_actor_name": actor.name if actor else None,
            "cue": q.cue.to_dict() if q.cue else None,
            "content": [c.to_dict() for c in q.content],
            "medium": q.medium,
            "date": q.date.isoformat() if q.date else None,
        })
    OUT.write_text(json.dumps({"article": SEED.name, "published": "2022-01-21", "quotes": rows},
                              indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
