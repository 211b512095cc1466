"""The three SQLite plans of a list search give the same rows: few matches looked up and
sorted, many read in list order against every match's key, most matches checked row by
row through the key index of the FTS content table (migration 0012); on PostgreSQL the
one plan gives them too."""

from __future__ import annotations

import pytest
from test_store_query import TEXTS

import communique.store.analytics as analytics


@pytest.fixture(scope="module")
def analyses(pipeline):
    return [pipeline.analyze(t, published="2022-01-21", url=f"https://news.example/{i}")
            for i, t in enumerate(TEXTS)]


def _lists(store, search):
    """Each list's rows in order, whole and as pages of two."""
    out = []
    for page in (store.repo.quotes_page, store.repo.events_page):
        whole = [(r[0], r[1]) for r in page(q=search)[0]]
        paged, cursor = [], None
        while True:
            rows, cursor = page(q=search, limit=2, cursor=cursor)
            paged += [(r[0], r[1]) for r in rows]
            if not cursor:
                break
        assert paged == whole
        out.append(whole)
    return out


@pytest.mark.parametrize("search", ["talks", "said", "shelled Kharkiv", "Belarus", "Russia"])
def test_store_search_plans_common_equals_lookup(store, analyses, monkeypatch, search):
    store.add_many(analyses)
    lookup = _lists(store, search)
    monkeypatch.setattr(analytics, "SELECTIVE_MATCHES", 0)
    in_order = _lists(store, search)
    monkeypatch.setattr(analytics, "COMMON_MATCHES", 0)
    assert store.repo._search_plan("quotes", search)[1] == (store.repo.dialect.name == "sqlite")
    row_by_row = _lists(store, search)
    assert lookup == in_order == row_by_row
    assert lookup[0] or lookup[1]
