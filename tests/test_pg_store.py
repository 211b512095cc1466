"""The store on a real PostgreSQL server: same repository code, same migrations."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.analysis import dyad_series
from communique.analysis.synthetic import make_analysis, synthetic_analyses
from communique.store import BaseStore, Store, open_store


@pytest.mark.parametrize("opener", [Store, open_store])
def test_pg_store_opens_postgres_backend_from_url(pg_url, opener):
    s = opener(pg_url)
    try:
        assert type(s).__name__ == "PostgresStore" and isinstance(s, BaseStore)
        assert s.schema_version() >= 2
        assert repr(s).startswith("PostgresStore(") and "postgres" in repr(s)
    finally:
        s.close()


def test_pg_store_add_is_idempotent_and_round_trips(store):
    a = make_analysis(dt.date(2022, 2, 24), [("RUS", "ASSAULT", "UKR"), ("USA", "SANCTION", "RUS")],
                      quote="We will respond firmly", speaker_iso="UKR")
    assert store.add(a) is True
    assert store.add(a) is False
    assert store.get(a.id) == a
    assert store.stats()["events"] == 2


@pytest.mark.parametrize("query,found", [("respond", 1), ("responding firmly", 1), ("ceasefire", 0)])
def test_pg_store_full_text_search_on_quotes(store, query, found):
    store.add(make_analysis(dt.date(2022, 2, 24), [("RUS", "ASSAULT", "UKR")],
                            quote="We will respond firmly", speaker_iso="UKR"))
    rows, _ = store.repo.quotes_page(q=query)
    assert len(rows) == found


def test_pg_store_dyad_series_and_pagination_agree_across_backends(store):
    store.add_many(synthetic_analyses(60, events_per_article=4, seed=3))
    facts = store.dyad_facts("RUS", "UKR", directed=False)
    series = dyad_series(facts, "RUS", "UKR", directed=False, period="month")
    assert series.total_events == len({f.incident_key for f in facts if f.modality == "asserted"})
    seen, cursor = [], None
    while True:
        rows, cursor = store.repo.events_page(country="RUS", cursor=cursor, limit=7)
        seen += [(r[0], r[1]) for r in rows]
        if cursor is None:
            break
    assert len(seen) == len(set(seen))
    assert len(seen) == len(store.repo.events_page(country="RUS", limit=10_000)[0])
    assert store.repo.top_dyads(limit=1)
    assert store.repo.articles_page(q="shelled", limit=5)[0]


def test_pg_store_same_results_as_sqlite(pg_url, tmp_path):
    data = list(synthetic_analyses(40, events_per_article=3, seed=11))
    lite, pg = Store(tmp_path / "x.db"), Store(pg_url)
    try:
        lite.add_many(data)
        pg.add_many(data)
        for s in (lite, pg):
            assert s.stats() == lite.stats()
        a = dyad_series(lite.dyad_facts("RUS", None), "RUS", period="week").to_dict()
        b = dyad_series(pg.dyad_facts("RUS", None), "RUS", period="week").to_dict()
        assert a == b
        assert [r[:2] for r in lite.repo.quotes_page(q="respond", limit=100)[0]] == \
               [r[:2] for r in pg.repo.quotes_page(q="respond", limit=100)[0]]
    finally:
        lite.close()
        pg.close()


def test_pg_store_story_counts_and_merges_agree_across_backends(store):
    """Events and quotes carry articles and distinct sources of their story cluster;
    merging a story moves its articles and dyad facts (migration 0004)."""
    day = dt.date(2022, 2, 24)
    copies = [make_analysis(day, [("RUS", "ASSAULT", "UKR")], quote="We will respond firmly",
                            speaker_iso="UKR", story="wire-1", source=src, salt=str(i))
              for i, src in enumerate(["Wire", "Daily", "Daily"])]
    late = make_analysis(day, [("RUS", "ASSAULT", "UKR")], story="late-1", source="Herald", salt="x")
    store.add_many(copies + [late])
    assert {(r.story_id, r.story_articles, r.story_sources) for r in store.events()} == {
        ("wire-1", 3, 2), ("late-1", 1, 1)}
    assert {(r.story_articles, r.story_sources) for r in store.quotes()} == {(3, 2)}
    assert store.story_count() == 2
    assert store.merge_stories({"late-1": "wire-1"}) == 1
    assert {(r.story_id, r.story_articles, r.story_sources) for r in store.events()} == {("wire-1", 4, 3)}
    assert store.get(late.id).article.story_id == "wire-1"
    assert {f.story for f in store.dyad_facts("RUS", "UKR")} == {"wire-1"}
