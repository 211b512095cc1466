"""Test helper: one story carried by three outlets, added to a store of synthetic analyses."""

from __future__ import annotations

import datetime as dt

from communique.analysis.synthetic import make_analysis
from communique.store import Store

STORY = "story-kyiv"
OUTLETS = ("Reuters", "AP", "BBC")


def add_story(db: str) -> list[str]:
    """The story in ``db``: each outlet reports Russia attacking Ukraine and Ukraine's quote;
    two of them also report a counter-accusation. Returns the article ids."""
    s = Store(db)
    try:
        ids = []
        for i, src in enumerate(OUTLETS):
            triples = [("RUS", "ASSAULT", "UKR")] + ([("UKR", "ACCUSE", "RUS")] if i else [])
            a = make_analysis(dt.date(2022, 6, 3), triples, quote="We will not yield", speaker_iso="UKR",
                              story=STORY, source=src, salt=src)
            s.add(a)
            ids.append(a.article.id)
        return ids
    finally:
        s.close()
