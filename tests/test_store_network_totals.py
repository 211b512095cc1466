"""Precomputed network totals (store/incidents.py, migration 0011), on SQLite and on a real
PostgreSQL server: after every write the network read from ``network_totals`` (whole months,
plus the facts of a month a date bound cuts) equals the network grouped from every fact,
the totals equal a rebuild from the incidents, and the migration's statements are the
generated ones."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from test_store_incidents import _corpus

from communique.review import make_correction, make_reject, record_keys
from communique.store.incidents import (
    NETWORK_QUAD,
    cut_months,
    cut_parts,
    month_span,
    network_days_statements,
    network_statements,
)
from communique.store.migrations import load_migrations

BOUNDS = [(None, None), ("2022-01-01", None), (None, "2022-02-28"), ("2022-01-10", "2022-02-21"),
          ("2022-02-21", "2022-02-22"), ("2022-01-15", "2022-03-31"), ("2022-03-01", "2022-01-01"),
          ("2022-01-02", "2022-01-30"), ("2022-02-25", None), (None, "2022-02-03")]


def _rounded(rows):
    return sorted((s, t, ty, int(q), int(n), round(float(g or 0), 6)) for s, t, ty, q, n, g in rows)


def _reprs(rows):
    return sorted(repr(tuple(round(v, 6) if isinstance(v, float) else v for v in row)) for row in rows)


def _check(store):
    r = store.repo
    for table, period, col in (("network_totals", "SUBSTR(day, 1, 7)", "month"), ("network_days", "day", "day")):
        kept = _reprs(r._all(f"SELECT source, target, modality, variant, type, quad_class, {col}, n, gsum "
                             f"FROM {table} WHERE n <> 0"))
        rebuilt = _reprs(r._all(
            f"SELECT source, target, modality, variant, type, {NETWORK_QUAD}, {period}, COUNT(*), "
            "SUM(COALESCE(gmax, 0.0)) FROM dyad_incidents GROUP BY source, target, modality, variant, "
            f"type, {NETWORK_QUAD}, {period}"))
        assert kept and kept == rebuilt, table
    checked = quad_checked = 0
    for raw in (False, True):
        for keys in ("country", "actor"):
            for since, until in BOUNDS:
                for types, quads in ((None, None), (["ASSAULT"], None), (None, [4]), (None, [1, 3])):
                    args = {"keys": keys, "since": since, "until": until, "types": types,
                            "quad_classes": quads, "modalities": ("asserted",), "raw": raw}
                    want = _rounded(r._network_facts(keys, since, until, types, quads, ("asserted",), raw))
                    assert _rounded(r.network_rows(**args)) == want, args
                    checked += bool(want)
                    quad_checked += bool(want) and quads is not None
    assert checked > 20 and quad_checked > 10


def test_store_network_totals_equal_the_facts_query(store):
    store.add_many(_corpus())
    _check(store)


def test_store_network_totals_follow_reviews_merges_and_reanalysis(store):
    data = _corpus()
    store.add_many(data)
    target = data[-4]
    ek = record_keys(target, "event")
    store.add_review(make_correction(target, ek[0], "alice", {"type": "THREATEN"},
                                     created_at="2024-01-01T00:00:01+00:00"))
    store.add_review(make_reject(target, ek[1], "bob", created_at="2024-01-01T00:00:02+00:00"))
    _check(store)
    assert store.merge_stories({"story-b": "story-a"}) == 2
    _check(store)
    store.reanalyse(dataclasses.replace(target, events=target.events[:1]))
    _check(store)


def test_store_network_totals_migration_equals_write_path(store):
    store.add_many(_corpus())
    target = _corpus()[-4]
    store.add_review(make_reject(target, record_keys(target, "event")[1], "bob",
                                 created_at="2024-01-01T00:00:02+00:00"))
    r = store.repo
    cols = "source, target, modality, day, story, type, variant, qmask, gmax"
    incidents = _reprs((r._all(f"SELECT {cols} FROM dyad_incidents")))
    totals = _reprs((r._all("SELECT * FROM dyad_totals WHERE n <> 0")))
    network = _reprs((r._all("SELECT source, target, modality, variant, type, quad_class, month, n, "
                                      "gsum FROM network_totals WHERE n <> 0")))
    statements = network_statements(r.dialect)
    mig = next(m for m in load_migrations(r.dialect.name) if m.version == 11)
    assert mig.name == "network_totals" and mig.statements == statements
    days = next(m for m in load_migrations(r.dialect.name) if m.version == 13)
    assert days.name == "network_days" and days.statements == network_days_statements()
    r._exec("DROP TABLE network_days")
    r._exec("DROP TABLE network_totals")
    r._exec("ALTER TABLE dyad_incidents DROP COLUMN gmax")
    for st in statements + network_days_statements():
        r._exec(st)
    assert _reprs((r._all(f"SELECT {cols} FROM dyad_incidents"))) == incidents
    assert _reprs((r._all("SELECT * FROM dyad_totals WHERE n <> 0"))) == totals
    assert _reprs((r._all("SELECT source, target, modality, variant, type, quad_class, month, n, "
                                   "gsum FROM network_totals WHERE n <> 0"))) == network
    _check(store)


@pytest.mark.parametrize("since, until, span, cuts", [
    (None, None, (None, None), []),
    ("2022-01-01", "2022-03-31", ("2022-01", "2022-03"), []),
    ("2022-01-10", None, ("2022-02", None), [("2022-01-10", "2022-01-31")]),
    (None, "2022-02-21", (None, "2022-01"), [("2022-02-01", "2022-02-21")]),
    ("2022-01-10", "2022-02-21", ("2022-02", "2022-01"), [("2022-01-10", "2022-01-31"), ("2022-02-01", "2022-02-21")]),
    ("2022-02-03", "2022-02-05", ("2022-03", "2022-01"), [("2022-02-03", "2022-02-05")]),
    ("2024-02-10", "2024-02-29", ("2024-03", "2024-02"), [("2024-02-10", "2024-02-29")]),
])
def test_store_network_totals_month_span_and_cuts(since, until, span, cuts):
    assert month_span(since, until) == span
    assert cut_months(since, until) == cuts


def test_store_network_totals_same_day_bounds(store):
    store.add_many(_corpus())
    d = dt.date(2022, 2, 21)
    got = store.repo.network_rows(since=d, until=d)
    want = store.repo._network_facts("country", d, d, None, None, ("asserted",), False)
    assert got and _rounded(got) == _rounded(want)


@pytest.mark.parametrize("since, until, months, ranges", [
    (None, None, [], []),
    ("2022-01-10", "2022-02-21", ["2022-01", "2022-02"],
     [(-1, "2022-01-01", "2022-01-09"), (-1, "2022-02-22", "2022-02-28")]),
    ("2022-01-20", None, [], [(1, "2022-01-20", "2022-01-31")]),
    ("2022-01-02", "2022-01-30", ["2022-01"], [(-1, "2022-01-01", "2022-01-01"), (-1, "2022-01-31", "2022-01-31")]),
    ("2022-02-03", "2022-02-05", [], [(1, "2022-02-03", "2022-02-05")]),
    ("2022-03-05", "2022-01-10", [], [(1, "2022-03-05", "2022-01-10")]),
])
def test_store_network_totals_cut_parts_take_the_fewer_days(since, until, months, ranges):
    assert cut_parts(since, until) == (months, ranges)
