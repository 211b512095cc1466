"""The situation pages on a real SQLite store (TestClient): home page, story page, map,
alerts, actors, chart data; and their pure parts (analysis.situation, web.geo)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re

import pytest

pytest.importorskip("fastapi")

from _stories import OUTLETS, STORY, add_story  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from web_server import fill  # noqa: E402

from communique.analysis.series import DyadSeries, SeriesPoint  # noqa: E402
from communique.analysis.situation import compare_outlets, quad_day_series, rising_dyads, story_summary, window  # noqa: E402
from communique.analysis.synthetic import make_analysis  # noqa: E402
from communique.config import Settings  # noqa: E402
from communique.store import Store  # noqa: E402
from communique.web.app import create_app  # noqa: E402
from communique.web.geo import countries, country_paths, region_bbox  # noqa: E402
from communique.web.highlight import quoted  # noqa: E402
from communique.web.situation_views import display_aliases  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("situation") / "s.db")
    fill(db)
    add_story(db)
    with TestClient(create_app(db, Settings(rate_limit=0))) as c:
        yield c


@pytest.fixture()
def short_client(tmp_path):
    """A store with two weeks of events: too little history for an alert baseline."""
    db = str(tmp_path / "short.db")
    s = Store(db)
    for i in range(10):
        s.add(make_analysis(dt.date(2024, 3, 4) + dt.timedelta(days=i), [("RUS", "ACCUSE", "UKR")], salt=str(i)))
    s.close()
    with TestClient(create_app(db, Settings(rate_limit=0))) as c:
        yield c


# --- pure parts ----------------------------------------------------------------------

@pytest.mark.parametrize("latest,days,since,until", [
    (dt.date(2024, 3, 13), 30, dt.date(2024, 2, 12), dt.date(2024, 3, 17)),  # Wed: to Sunday
    (dt.date(2024, 3, 17), 90, dt.date(2023, 12, 18), dt.date(2024, 3, 17)),
    (dt.date(2024, 3, 18), 30, dt.date(2024, 2, 12), dt.date(2024, 3, 24)),
])
def test_web_pages_window_covers_whole_weeks(latest, days, since, until):
    got = window(latest, days)
    assert got == (since, until)
    assert got[0].weekday() == 0 and got[1].weekday() == 6
    assert (latest - got[0]).days >= days - 1


def test_web_pages_quad_day_series_has_every_day():
    rows = [("2024-01-02", 4, 3), ("2024-01-02", 1, 2), ("2024-01-05", 3, 1), ("2023-12-31", 4, 9)]
    got = quad_day_series(rows, dt.date(2024, 1, 1), dt.date(2024, 1, 7))
    assert [d["day"] for d in got] == [f"2024-01-0{i}" for i in range(1, 8)]
    assert got[1] == {"day": "2024-01-02", "q1": 2, "q2": 0, "q3": 0, "q4": 3, "events": 5}
    assert sum(d["events"] for d in got) == 6  # the day before the window is left out


def _series(src: str, counts: list[int]) -> DyadSeries:
    start = dt.date(2024, 1, 1)
    pts = tuple(SeriesPoint(start=start + dt.timedelta(weeks=i), label=str(i), q4=c, events=c)
                for i, c in enumerate(counts))
    return DyadSeries(src, "UKR", True, "week", pts)


def test_web_pages_rising_dyads_ranked_by_rise():
    got = rising_dyads([_series("RUS", [1, 1, 5, 9]), _series("USA", [4, 4, 4, 4]),
                        _series("CHN", [0, 0, 0, 0]), _series("DEU", [8, 6, 1, 0])], dt.date(2024, 1, 1))
    assert [d["source"] for d in got] == ["RUS", "USA", "DEU"]  # CHN: no conflict, left out
    assert got[0]["rise"] == 6.0 and got[0]["spark"] == [1, 1, 5, 9]
    assert got[-1]["rise"] < 0


@pytest.mark.parametrize("text,length,expected", [
    ("“We will respond”", None, "“We will respond”"),
    ('"We will respond,"', None, "“We will respond,”"),
    ("We will respond", None, "“We will respond”"),
    ("‘Never’", None, "“Never”"),
    ("one two three four", 9, "“one two…”"),
])
def test_web_pages_quoted_has_one_pair_of_marks(text, length, expected):
    assert quoted(text, length) == expected


@pytest.mark.parametrize("aliases,name,expected", [
    (["it", "they", "officials", "Putin", "the Kremlin", "Vladimir Putin"], "Vladimir Putin", ["Putin", "the Kremlin"]),
    (["The Ministry", "He", "Kyiv", "kyiv", "the authorities"], "Ukraine", ["Kyiv"]),
    ([], "X", []),
])
def test_web_pages_aliases_drop_pronouns_and_generic_nouns(aliases, name, expected):
    assert display_aliases(aliases, name) == expected


def test_web_pages_story_summary_and_outlets():
    names = {"r": "Russia", "u": "Ukraine"}
    ev = {"type": "ASSAULT", "actor": {"actors": ["r"]}, "recipient": {"actors": ["u"]}, "modality": "asserted"}
    acc = {"type": "ACCUSE", "actor": {"actors": ["u"]}, "recipient": {"actors": ["r"]}, "modality": "asserted"}
    assert story_summary([ev, ev, acc], names) == "Russia attacked Ukraine (2 reports); Ukraine accused Russia"
    arts = [{"id": "a", "outlet": "x"}, {"id": "b", "outlet": "y"}]
    got = compare_outlets(arts, {"a": [{**ev, "seq": 0}], "b": [{**ev, "seq": 0}, {**acc, "seq": 1}]}, {}, names)
    assert [(e["text"], e["shared"], sorted(e["outlets"])) for e in got["events"]] == [
        ("Russia attacked Ukraine", True, ["x", "y"]), ("Ukraine accused Russia", False, ["y"])]


def test_web_pages_geo_decodes_natural_earth():
    cs = {c.iso3: c for c in countries() if c.iso3}
    assert len(cs) >= 170
    rus = [p for r in cs["RUS"].rings for p in r]
    assert min(p[1] for p in rus) > 40 and max(p[1] for p in rus) < 82
    assert max(p[0] for p in rus) > 170  # Chukotka, past the antimeridian, unwrapped
    fra = [p for r in cs["FRA"].rings for p in r]
    assert any(-5 < lon < 8 and 42 < lat < 51 for lon, lat in fra)
    proj, paths = country_paths(region_bbox("europe")[1], 800)
    isos = {p[0] for p in paths}
    assert {"DEU", "FRA", "POL"} <= isos and "AUS" not in isos
    x, y = proj.xy(13.4, 52.5)  # Berlin falls inside the box
    assert 0 < x < 800 and 0 < y < proj.height


@pytest.mark.parametrize("region,bbox", [("atlantis", None), (None, "10,20,5,30"), (None, "a,b,c,d")])
def test_web_pages_map_bad_region_is_422(client, region, bbox):
    params = {k: v for k, v in (("region", region), ("bbox", bbox)) if v}
    r = client.get("/api/map", params=params)
    assert r.status_code == 422 and r.json()["error"]["code"] == "W422"


# --- pages on a real store -------------------------------------------------------------

def test_web_pages_home_twin_shows_the_situation(client):
    d = client.get("/api/stats", params={"days": 90}).json()
    assert d["window"]["days"] == 90 and d["window"]["latest"] == "2022-06-03"
    assert len(d["quads"]) >= 90 and d["totals"]["events"] == sum(q["events"] for q in d["quads"]) > 0
    assert d["rising"] and all(len(r["spark"]) == len(r["starts"]) > 0 for r in d["rising"])
    assert d["names"]["RUS"] == "Russia" and d["names"]["UKR"] == "Ukraine"
    assert d["speakers"] and d["speakers"][0]["quotes"] >= d["speakers"][-1]["quotes"]
    story = next(s for s in d["stories"] if s["story"] == STORY)
    assert story["outlets"] == 3 and story["summary"].startswith("Russia attacked Ukraine (3 reports)")
    html = client.get("/?days=90", headers={"accept": "text/html"}).text
    first = d["rising"][0]
    assert f'{d["names"][first["source"]]} → {d["names"][first["target"]]}' in html
    assert 'href="/stories/story-kyiv"' in html and "RUS →" not in html
    assert client.get("/api/stats", params={"days": 7}).status_code == 422


def test_web_pages_story_compares_outlets(client):
    d = client.get(f"/api/stories/{STORY}").json()
    assert d["first_seen"] == "2022-06-03" and sorted(d["outlets"]) == sorted(OUTLETS)
    by_text = {e["text"]: e for e in d["events"]}
    assert by_text["Russia attacked Ukraine"]["shared"] is True
    assert not by_text["Ukraine accused Russia"]["shared"] and len(by_text["Ukraine accused Russia"]["outlets"]) == 2
    assert d["quotes"][0]["shared"] and d["quotes"][0]["speaker"] == "Ukraine"
    html = client.get(f"/stories/{STORY}", headers={"accept": "text/html"}).text
    table = re.search(r'<table class="list" id="story-events">(.*?)</table>', html, re.S).group(1)
    assert table.count('class="only"') == 1 and table.count('class="allcarry"') == 1 and "““" not in html
    assert client.get("/api/stories/nothing-here").status_code == 404


def test_web_pages_alerts_explain_short_history(short_client):
    d = short_client.get("/api/alerts").json()
    assert d["items"] == [] and d["history"]["enough"] is False and d["history"]["periods"] == 2
    assert d["settings"]["alert_window"] == 8
    html = short_client.get("/alerts", headers={"accept": "text/html"}).text
    assert "too little history for a baseline" in html and "previous 8 weeks" in html


def test_web_pages_alerts_say_why(client):
    d = client.get("/api/alerts").json()
    assert d["history"]["enough"] is True and d["items"]
    assert all(re.search(r"z = [\d.]+ ≥ 3", a["reason"]) for a in d["items"])


def test_web_pages_actors_paginated_with_count(client):
    first = client.get("/api/actors", params={"limit": 5}).json()
    second = client.get("/api/actors", params={"limit": 5, "page": 2}).json()
    assert first["total"] == second["total"] >= 12 and first["pages"] == -(-first["total"] // 5)
    assert len(first["items"]) == 5 and not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    html = client.get("/actors?page=2", headers={"accept": "text/html"}).text
    assert f"{first['total']} actors" in html and 'id="prev-page"' in html


def test_web_pages_actor_timeline_counts_every_event(tmp_path):
    db = str(tmp_path / "t.db")
    s = Store(db)
    a = make_analysis(dt.date(2024, 5, 6), [("UKR", "ACCUSE", "RUS"), ("UKR", "AID", "USA"), ("RUS", "ASSAULT", "UKR")])
    lone = dataclasses.replace(a.events[1], recipient=None)  # no recipient: not in the dyad index
    s.add(dataclasses.replace(a, events=(a.events[0], lone, a.events[2])))
    s.add(make_analysis(dt.date(2024, 7, 1), [("UKR", "CONSULT", "FRA")], salt="later"))
    actor = s.actors(name="Ukraine", limit=1)[0].id
    s.close()
    with TestClient(create_app(db, Settings(rate_limit=0))) as c:
        t = c.get(f"/api/actors/{actor}").json()["timeline"]
        rows = c.get("/api/charts/actor-timeline", params={"actor": actor}).json()["rows"]
    assert t["total_events"] == 4 and sum(p["events"] for p in t["points"]) == 4
    assert t["period"] == "day" and len(t["points"]) == 57  # 6 May to 1 July, every day
    assert [r["events"] for r in rows] == [p["events"] for p in t["points"]]
    s = Store(db)  # a new event of the actor: the kept timeline is read again
    s.add(make_analysis(dt.date(2024, 7, 2), [("FRA", "AID", "UKR")], salt="newer"))
    s.close()
    with TestClient(create_app(db, Settings(rate_limit=0))) as c:
        assert c.get(f"/api/actors/{actor}").json()["timeline"]["total_events"] == 5


@pytest.mark.parametrize("chart,params", [("quads", {"days": 30}), ("rising", {}), ("map-countries", {}),
                                          ("map-places", {}), ("dyad", {"source": "RUS", "target": "UKR"}),
                                          ("network", {"keys": "country"})])
def test_web_pages_chart_json_and_csv_agree(client, chart, params):
    js = client.get(f"/api/charts/{chart}", params=params).json()
    text = client.get(f"/api/charts/{chart}", params={**params, "format": "csv"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert js["rows"] and len(rows) == len(js["rows"]) and list(rows[0]) == js["columns"]
    assert [str(r[js["columns"][0]]) for r in js["rows"]] == [r[js["columns"][0]] for r in rows]


def test_web_pages_map_shades_countries_and_lists_place(client):
    d = client.get("/api/map", params={"region": "europe", "place": "Kyiv"}).json()
    assert d["filters"]["region"] == "europe" and d["filters"]["bbox"] == [-25, 34, 45, 72]
    ukr = next(c for c in d["countries"] if c["iso3"] == "UKR")
    assert ukr["name"] == "Ukraine" and ukr["events"] == next(p["events"] for p in d["places"] if p["name"] == "Kyiv")
    assert d["place_events"]["total"] == ukr["events"] and d["place_events"]["items"]
    html = client.get("/map?metric=goldstein&region=middle-east", headers={"accept": "text/html"}).text
    assert re.search(r'class="country g-?\d" data-iso="ISR"', html) and 'class="place-label"' in html


def test_web_pages_article_names_each_place_once(client):
    d = client.get(f"/api/stories/{STORY}").json()
    html = client.get(f"/articles/{d['articles'][1]['id']}", headers={"accept": "text/html"}).text
    places = re.search(r'<ul class="places">(.*?)</ul>', html).group(1)
    assert places.count(">Kyiv</a>") == 1 and "Russia" in places  # Kyiv, then Moscow: by name, country once
    assert "““" not in html and "””" not in html


@pytest.mark.parametrize("path,query,capped", [("/api/events", {}, True), ("/api/events", {"type": "ASSAULT"}, False),
                                               ("/api/quotes", {"q": "yield"}, False), ("/api/articles", {}, False)])
def test_web_pages_lists_count_their_matches(client, path, query, capped):
    d = client.get(path, params={**query, "limit": 10}).json()
    assert d["total_capped"] is capped and d["total"] >= len(d["items"]) > 0
    if not capped:  # walk the pages: the count is exact
        n, nxt = len(d["items"]), d["next_cursor"]
        while nxt:
            page = client.get(path, params={**query, "limit": 10, "cursor": nxt}).json()
            assert page["total"] is None
            n, nxt = n + len(page["items"]), page["next_cursor"]
        assert n == d["total"]
    html = client.get(path.removeprefix("/api"), params=query, headers={"accept": "text/html"}).text
    assert re.search(r'id="list-count">[\d,]+\+? match', html)


def test_web_pages_situation_views_on_both_backends(store):
    """The situation queries are portable: the same answers on SQLite and PostgreSQL."""
    from communique.analysis.synthetic import synthetic_analyses
    from communique.web import situation_views as sv

    store.add_many(synthetic_analyses(40, events_per_article=4, seed=3, days=70, start=dt.date(2022, 1, 3)))
    for i, src in enumerate(OUTLETS):
        triples = [("RUS", "ASSAULT", "UKR")] + ([("UKR", "ACCUSE", "RUS")] if i else [])
        store.add(make_analysis(dt.date(2022, 3, 10), triples, quote="We will not yield", speaker_iso="UKR",
                                story=STORY, source=src, salt=src))
    settings = Settings()
    home = sv.home_view(store, settings, days=30)
    assert home["window"]["latest"] == "2022-03-13" and home["totals"]["events"] > 0
    assert home["speakers"] and any(s["story"] == STORY and s["outlets"] == 3 for s in home["stories"])
    story = sv.story_view(store, settings, STORY)
    assert [len(e["outlets"]) for e in story["events"]] == [3, 2]
    m = sv.map_view(store, settings, region="europe", place="Kyiv")
    assert m["places"] and m["place_events"]["total"] == next(p["events"] for p in m["places"] if p["name"] == "Kyiv")
    ukraine = store.actors(name="Ukraine", limit=1)[0].id
    t = sv.actor_timeline(store, ukraine)
    assert t["total_events"] == sum(p["events"] for p in t["points"]) > 0 and t["period"] == "week"
    page = sv.actors_view(store, settings, limit=5, page=2)
    assert page["total"] == 12 and len(page["items"]) == 5
    assert sv.alerts_view(store, settings)["history"]["periods"] == 10  # 3 January to 13 March 2022


def test_web_pages_map_and_alerts_default_to_recent_data(client):
    recent = client.get("/api/map").json()
    every = client.get("/api/map", params={"days": "all"}).json()
    assert recent["filters"]["days"] == 30 and recent["filters"]["until"] == "2022-06-05"
    assert every["filters"]["since"] is None
    assert sum(p["events"] for p in every["places"]) > sum(p["events"] for p in recent["places"]) > 0
    year = client.get("/api/alerts", params={"weeks": 52}).json()
    quarter = client.get("/api/alerts").json()
    assert year["shown_from"] < quarter["shown_from"] and quarter["items"]
    assert all(a["start"] >= quarter["shown_from"] for a in quarter["items"])
    assert client.get("/api/alerts", params={"weeks": 5}).status_code == 422
