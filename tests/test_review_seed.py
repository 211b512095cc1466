"""The review loop on the seed article with the real model: reviews of real records,
re-analysis (same model, then a different configuration) leaves every review attached or
flagged, and the exported gold scores 1.0 against the reviewed records."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.config import Settings
from communique.evaluation.polnear import load_split
from communique.pipeline import Pipeline
from communique.review import make_addition, make_confirm, make_correction, make_reject, record_keys
from communique.review.gold import export_gold, score_events, score_quotes
from communique.store import Store

SEED = Path(__file__).parent / "fixtures" / "seed_article.txt"


@pytest.fixture(scope="module")
def seed():
    return Pipeline(Settings()).analyze(SEED.read_text(encoding="utf-8"), published="2022-01-21")


def _reviews(a):
    qk, ek = record_keys(a, "quote"), record_keys(a, "event")
    assert qk and ek, "the seed article should give quotes and events"
    other = next(x for x in a.actors if x.id != a.quotes[0].speaker_actor)
    out = [make_correction(a, qk[0], "alice", {"speaker_actor": other.id}, created_at="2024-01-01T00:00:01"),
           make_confirm(a, ek[0], "alice", created_at="2024-01-01T00:00:02"),
           make_correction(a, ek[-1], "bob", {"type": "ASSAULT"}, created_at="2024-01-01T00:00:03")]
    if len(qk) > 1:
        out.append(make_reject(a, qk[-1], "bob", created_at="2024-01-01T00:00:04"))
    s = a.text.index("Lavrov said")
    out.append(make_addition(a, "quote", "carol", (s + 12, a.text.index(".", s)),
                             {"speaker_span": (s, s + 6)}, created_at="2024-01-01T00:00:05"))
    return out


def test_review_seed_reanalysis_keeps_every_review_attached_or_flagged(seed, tmp_path):
    with Store(tmp_path / "seed.db") as store:
        store.add(seed)
        reviews = _reviews(seed)
        store.add_reviews(reviews)
        reviewed = store.get(seed.id)
        # re-analysis with the same model: every review still attached, same reviewed version
        again = Pipeline(Settings()).analyze(SEED.read_text(encoding="utf-8"), published="2022-01-21")
        out = store.reanalyse(again)
        assert len(out) == len(reviews) and {r.status for r in out} == {"attached"}
        assert store.get(seed.id) == reviewed
        # a different model configuration (no events, no trained attribution model)
        newer = Pipeline(Settings(events=False, quote_model=False)).analyze(
            SEED.read_text(encoding="utf-8"), published="2022-01-21")
        out = store.reanalyse(newer)
        assert len(out) == len(reviews)
        assert out and all(r.status in ("attached", "flagged") for r in out)
        for r in out:
            if r.kind == "event" and r.action != "add":
                assert r.status == "flagged" and "no event" in r.note
            if r.status == "attached" and r.action != "add":
                assert r.key in record_keys(newer, r.kind)
        assert store.get(seed.id, raw=True) == newer


def test_review_seed_gold_round_trip_scores_one(seed, tmp_path):
    with Store(tmp_path / "gold.db") as store:
        store.add(seed)
        store.add_reviews(_reviews(seed))
        rv = store.reviewed(seed.id)
        export_gold([rv], tmp_path / "gold")
        docs = load_split(tmp_path / "gold", "gold")
        assert docs[0].text == seed.text and len(docs[0].attributions) == len(rv.analysis.quotes)
        mine = {seed.id: store.get(seed.id)}
        q = score_quotes(tmp_path / "gold", mine)
        assert q["e2e"]["all"]["quote"]["f1"] == 1.0 and q["e2e"]["all"]["attribution"]["f1"] == 1.0
        assert q["exact"]["content"]["f1"] == 1.0 and q["exact"]["source"]["f1"] == 1.0
        assert score_events(tmp_path / "gold" / "gold.events.jsonl", mine)["exact"]["f1"] == 1.0
