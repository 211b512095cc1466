"""The home page, the alerts and the map's places are kept per store, arguments and store
version (web/situation_views.py: _kept): a
second request is answered from the cache, equal to a fresh computation; any add, review or
merge that changes the version is seen at once; an entry expires by age. On SQLite and on a
real PostgreSQL server."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.analysis.synthetic import make_analysis, synthetic_analyses
from communique.config import Settings
from communique.review import make_reject, record_keys
from communique.store import situation as sq
from communique.web import situation_views as sv


@pytest.fixture()
def filled(store):
    store.add_many(synthetic_analyses(30, events_per_article=4, seed=3, days=40, start=dt.date(2022, 1, 3)))
    sv._KEPT.clear()
    return store


def _fresh(store, days=30):
    return sv._home(store, Settings(), days, False)


@pytest.mark.parametrize("days", [30, 90])
def test_web_home_cache_hit_equals_fresh(filled, days):
    first = sv.home_view(filled, Settings(), days=days)
    assert first["totals"]["events"] > 0 and len(sv._KEPT) == 1
    first["totals"]["events"] = -1  # a caller changing its copy changes nothing kept
    assert sv.home_view(filled, Settings(), days=days) == _fresh(filled, days)
    assert len(sv._KEPT) == 1


def test_web_home_cache_sees_adds_and_reviews(filled):
    before = sv.home_view(filled, Settings(), days=30)
    version = sq.store_version(filled.repo)
    extra = make_analysis(dt.date(2022, 2, 10), [("RUS", "ASSAULT", "UKR")], salt="late", story="late")
    filled.add(extra)
    assert sq.store_version(filled.repo) != version
    after = sv.home_view(filled, Settings(), days=30)
    assert after == _fresh(filled) and after["totals"]["events"] == before["totals"]["events"] + 1
    version = sq.store_version(filled.repo)
    filled.add_review(make_reject(extra, record_keys(extra, "event")[0], "bob",
                                  created_at="2024-01-01T00:00:02+00:00"))
    assert sq.store_version(filled.repo) != version
    assert sv.home_view(filled, Settings(), days=30)["totals"]["events"] == before["totals"]["events"]


def test_web_home_cache_expires_by_age(filled, monkeypatch):
    sv.home_view(filled, Settings(), days=30)
    key = next(iter(sv._KEPT))
    stale = {**sv._KEPT[key][1], "totals": {"events": -1}}
    sv._KEPT[key] = (sv._KEPT[key][0], stale)
    assert sv.home_view(filled, Settings(), days=30)["totals"]["events"] == -1  # kept
    monkeypatch.setattr(sv, "KEPT_SECONDS", 0.0)
    assert sv.home_view(filled, Settings(), days=30) == _fresh(filled)


@pytest.mark.parametrize("view, kwargs", [
    ("alerts_view", {}), ("alerts_view", {"weeks": "all"}), ("map_view", {"days": 90}), ("map_view", {"days": "all"}),
])
def test_web_home_cache_alerts_and_map_kept_equal_fresh(filled, view, kwargs):
    fn = getattr(sv, view)
    first = fn(filled, Settings(), **kwargs)
    assert len(sv._KEPT) == 1
    kept = fn(filled, Settings(), **kwargs)
    sv._KEPT.clear()
    assert kept == first == fn(filled, Settings(), **kwargs)
    assert (first.get("places") or first.get("items") or first.get("history"))
