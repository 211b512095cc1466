"""Dyad series aggregated in SQL (analysis/stored.py) equal the Python path, on SQLite
and PostgreSQL; the bulk loader writes the rows Store.add writes."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pg_cluster import temporary_database

from communique.analysis import detect_alerts, dyad_series
from communique.analysis.stored import stored_alerts, stored_dyad_series, with_evidence
from communique.analysis.synthetic import country_actor_id, make_analysis, synthetic_analyses
from communique.config import Settings
from communique.store import Store
from communique.store.bulk import bulk_add

D = dt.date(2022, 2, 21)  # a Monday
RUS = country_actor_id("RUS")


def _events(a, **changes):
    """``a`` with ``changes[i]`` (a dict of Event fields) applied to its event ``i``."""
    events = tuple(dataclasses.replace(e, **changes.get(f"e{i}", {})) for i, e in enumerate(a.events))
    return dataclasses.replace(a, events=events)


def _corpus():
    data = list(synthetic_analyses(70, events_per_article=4, seed=3, days=120, start=dt.date(2022, 1, 3)))
    story = [make_analysis(D + dt.timedelta(days=2), [("RUS", "ASSAULT", "UKR"), ("RUS", "ASSAULT", "UKR")],
                           salt=str(i), story="story-1", quote="We will respond", speaker_iso="RUS")
             for i in range(3)]
    story[1] = _events(story[1], e0={"confidence": 0.95, "goldstein": -9.0}, e1={"confidence": 0.95})
    odd = make_analysis(D + dt.timedelta(days=9), [("RUS", "THREATEN", "UKR"), ("UKR", "REJECT", "RUS"),
                                                   ("RUS", "AID", "UKR")], salt="odd")
    odd = _events(odd, e0={"modality": "negated"}, e1={"goldstein": None, "intensity": None},
                  e2={"goldstein": None, "intensity": 2.5})
    return data + story + [odd]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request, tmp_path_factory):
    """One filled store per backend for the module (the tests only read)."""
    if request.param == "sqlite":
        s = Store(tmp_path_factory.mktemp("stored") / "t.db")
        s.add_many(_corpus())
        yield s
        s.close()
        return
    with temporary_database(request.getfixturevalue("pg_server")) as url:
        s = Store(url)
        s.add_many(_corpus())
        yield s
        s.close()


def _python(store, a, b, *, directed=True, period="week", start=None, end=None,
            modalities=("asserted",), types=None):
    facts = store.dyad_facts(a, b, directed=directed, since=start, until=end)
    return dyad_series(facts, a, b, period=period, directed=directed, start=start, end=end,
                       modalities=modalities, types=types)


CASES = [
    dict(a="RUS", b="UKR"),
    dict(a="RUS", b="UKR", directed=False, period="day"),
    dict(a="UKR", b="RUS", period="month"),
    dict(a="RUS", b=None),
    dict(a="RUS", b=None, directed=False, period="month"),
    dict(a=RUS, b=None, directed=False),
    dict(a="RUS", b="UKR", modalities=None, types=("ASSAULT", "THREATEN", "AID")),
    dict(a="RUS", b="UKR", directed=False, start=dt.date(2022, 2, 1), end=dt.date(2022, 3, 20)),
    dict(a="USA", b="CHN", start=dt.date(2021, 12, 1), end=dt.date(2022, 1, 31), period="month"),
    dict(a="RUS", b="ZZZ"),
]


@pytest.mark.parametrize("case", CASES, ids=[str(i) for i in range(len(CASES))])
def test_analysis_stored_series_equals_python_path(store, case):
    case = dict(case)
    a, b = case.pop("a"), case.pop("b")
    want = _python(store, a, b, **case).to_dict()
    got = stored_dyad_series(store, a, b, **case).to_dict()
    assert got == want
    if a == "RUS" and b == "UKR" and not case:
        assert got["total_events"] > 0 and any(p["quote_ids"] for p in got["points"])


@pytest.mark.parametrize("limit", [0, 1, 3])
def test_analysis_stored_series_evidence_is_capped_per_point(store, limit):
    full = stored_dyad_series(store, "RUS", None, directed=False)
    capped = stored_dyad_series(store, "RUS", None, directed=False, evidence=limit)
    assert [p.events for p in capped.points] == [p.events for p in full.points]
    for p, q in zip(capped.points, full.points):
        assert len(p.event_ids) <= limit and p.event_ids == q.event_ids[:len(p.event_ids)]
        assert len(p.quote_ids) <= limit and p.quote_ids == q.quote_ids[:len(p.quote_ids)]
        assert bool(p.event_ids) == bool(limit and q.event_ids)


@pytest.mark.parametrize("method", ["zscore", "cusum"])
def test_analysis_stored_alerts_carry_full_evidence(tmp_path, method):
    counts = [1, 1, 2, 1, 1, 2, 1, 1, 8, 1]
    arts = [make_analysis(D + dt.timedelta(weeks=i), [("RUS", "THREATEN", "UKR")], salt=f"{i}-{j}",
                          quote="We warn", speaker_iso="RUS")
            for i, n in enumerate(counts) for j in range(n)]
    settings = Settings(alert_method=method)
    with Store(tmp_path / "a.db") as s:
        s.add_many(arts)
        series, alerts = stored_alerts(s, "RUS", "UKR", settings, period="week")
        want = detect_alerts(_python(s, "RUS", "UKR"), settings)
    assert [al.to_dict() for al in alerts] == [al.to_dict() for al in want]
    assert len(alerts) == 1 and len(alerts[0].event_ids) == 8 and len(alerts[0].quote_ids) == 8
    quiet = [p for p in series.points if p.start != alerts[0].start]
    assert quiet and all(p.event_ids == () for p in quiet)


def test_analysis_stored_bulk_add_writes_what_add_many_writes(tmp_path):
    data = _corpus()
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "bulk.db") as bulk:
        one.add_many(data)
        assert bulk_add(bulk, data + data[:3], batch=25) == len(data)
        assert bulk_add(bulk, data[:5]) == 0
        for table in ("articles", "actors", "article_actors", "mentions", "quotes", "events",
                      "event_parties", "places", "event_dyads", "quotes_fts", "articles_fts"):
            cols = "id, title, data" if table == "articles" else "*"  # added_at differs
            rows = [sorted(map(repr, s.conn.execute(f"SELECT {cols} FROM {table}").fetchall()))
                    for s in (one, bulk)]
            assert rows[0] == rows[1], table
        assert bulk.stats() == one.stats()


@pytest.mark.parametrize("start,end", [(None, None), (dt.date(2022, 2, 23), dt.date(2022, 3, 2))])
def test_analysis_stored_with_evidence_fills_points_later(store, start, end):
    full = stored_dyad_series(store, "RUS", "UKR", start=start, end=end)
    bare = stored_dyad_series(store, "RUS", "UKR", start=start, end=end, evidence=0)
    assert with_evidence(store, bare, None, since=start, until=end) == full
