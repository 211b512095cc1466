"""Precomputed dyad incidents (store/incidents.py, migration 0007), on SQLite and on a real
PostgreSQL server: after every write (re-add, story merge, review corrections and
rejections, re-analysis, bulk load) the maintained rows equal a rebuild from the facts, the
dyad totals equal the incidents, and series and busiest dyads read from them equal the
Python path and the DISTINCT query over the facts."""

from __future__ import annotations

import dataclasses
import datetime as dt

from communique.analysis import dyad_series
from communique.analysis.stored import stored_dyad_series
from communique.analysis.synthetic import make_analysis, synthetic_analyses
from communique.review import make_correction, make_reject, record_keys
from communique.store import Store
from communique.store.bulk import bulk_add
from communique.store.incidents import backfill_statements, incidents_select
from communique.store.migrations import load_migrations

D = dt.date(2022, 2, 21)  # a Monday
COLS = ("source, target, modality, day, story, type, variant, article_id, seq, quad_class, "
        "goldstein, intensity, qmask, art_d, art_w, art_m, sto_d, sto_w, sto_m")


def _corpus():
    data = list(synthetic_analyses(40, events_per_article=4, seed=5, days=60, start=dt.date(2022, 1, 3)))
    story = [make_analysis(D + dt.timedelta(days=i % 2), [("RUS", "ASSAULT", "UKR"), ("RUS", "THREATEN", "UKR")],
                           salt=f"s{i}", story="story-a" if i < 3 else "story-b", quote="We will respond",
                           speaker_iso="RUS") for i in range(5)]
    story[1] = dataclasses.replace(story[1], events=(
        dataclasses.replace(story[1].events[0], confidence=0.97, goldstein=-9.5),) + story[1].events[1:])
    return data + story


def _rows(s, sql, params=()):
    return sorted(map(repr, s.repo._all(sql, params)))


def _check(s):
    """The maintained incidents equal a rebuild from the facts; totals equal the incidents."""
    kept = _rows(s, f"SELECT {COLS} FROM dyad_incidents")
    rebuilt = _rows(s, f"SELECT {COLS} FROM ({incidents_select(s.repo.dialect, '1 = 1')}) x")
    assert kept == rebuilt
    totals = _rows(s, "SELECT source, target, modality, variant, qmask, n FROM dyad_totals WHERE n <> 0")
    counted = _rows(s, "SELECT source, target, modality, variant, qmask, COUNT(*) FROM dyad_incidents "
                       "GROUP BY source, target, modality, variant, qmask")
    assert totals == counted
    for raw in (False, True):
        for period in ("day", "week", "month"):
            for a, b in (("RUS", "UKR"), ("UKR", "RUS"), ("USA", "RUS")):
                want = dyad_series(s.dyad_facts(a, b, raw=raw), a, b, period=period)
                got = stored_dyad_series(s, a, b, period=period, raw=raw)
                assert got.to_dict() == want.to_dict(), (a, b, period, raw)
        old = s.repo._all(  # busiest dyads as counted before the incidents were kept
            "SELECT source, target, COUNT(*) AS n FROM (SELECT DISTINCT source, target, story, type, day "
            "FROM event_dyads WHERE modality = 'asserted' AND variant <> ? AND quad_class IN (3, 4) "
            "AND LENGTH(source) = 3) x GROUP BY source, target ORDER BY n DESC, source, target LIMIT 20",
            ("reviewed" if raw else "raw",))
        assert s.repo.top_dyads(raw=raw) == [(r[0], r[1], int(r[2])) for r in old]


def test_store_incidents_migration_backfill_equals_write_path(store):
    store.add_many(_corpus())
    kept = _rows(store, f"SELECT {COLS} FROM dyad_incidents")
    store.repo._exec("DELETE FROM dyad_incidents")
    store.repo._exec("DELETE FROM dyad_totals")
    mig = next(m for m in load_migrations(store.repo.dialect.name) if m.name == "dyad_incidents")
    backfill = backfill_statements(store.repo.dialect)
    assert backfill and all(st in mig.statements for st in backfill)
    for st in backfill:
        store.repo._exec(st)
    assert _rows(store, f"SELECT {COLS} FROM dyad_incidents") == kept
    _check(store)


def test_store_incidents_readd_is_idempotent(store):
    data = _corpus()
    store.add_many(data)
    before = _rows(store, f"SELECT {COLS} FROM dyad_incidents")
    assert store.add_many(data) == 0
    assert _rows(store, f"SELECT {COLS} FROM dyad_incidents") == before
    _check(store)


def test_store_incidents_follow_story_merges(store):
    store.add_many(_corpus())
    n = len(store.repo._all("SELECT 1 FROM dyad_incidents WHERE story = 'story-b'"))
    assert n > 0
    assert store.merge_stories({"story-b": "story-a"}) == 2
    assert store.repo._all("SELECT 1 FROM dyad_incidents WHERE story = 'story-b'") == []
    _check(store)


def test_store_incidents_follow_review_corrections_and_reanalysis(store):
    data = _corpus()
    store.add_many(data)
    target = data[-4]  # in story-a, with a more confident sibling
    ek = record_keys(target, "event")
    store.add_review(make_correction(target, ek[0], "alice", {"type": "THREATEN"},
                                     created_at="2024-01-01T00:00:01+00:00"))
    store.add_review(make_reject(target, ek[1], "bob", created_at="2024-01-01T00:00:02+00:00"))
    assert store.repo._all("SELECT 1 FROM dyad_incidents WHERE variant <> 'both'")
    _check(store)
    other = data[-5]
    store.add_review(make_reject(other, record_keys(other, "event")[0], "bob",
                                 created_at="2024-01-01T00:00:03+00:00"))
    _check(store)
    store.reanalyse(dataclasses.replace(target, events=target.events[:1]))
    _check(store)


def test_store_incidents_bulk_load_equals_add_many(tmp_path):
    data = _corpus()
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "bulk.db") as bulk:
        one.add_many(data)
        assert bulk_add(bulk, data + data[:3], batch=7) == len(data)
        for table, cols in (("dyad_incidents", COLS), ("dyad_totals", "*")):
            assert _rows(one, f"SELECT {cols} FROM {table}") == _rows(bulk, f"SELECT {cols} FROM {table}")
        _check(bulk)
