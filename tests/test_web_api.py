"""The REST API and pages over a real SQLite store (and PostgreSQL for the twins)."""

from __future__ import annotations

import pytest

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from web_server import fill  # noqa: E402

from communique.config import Settings  # noqa: E402
from communique.web import create_app  # noqa: E402

PAGES = ["/", "/articles", "/quotes", "/events", "/actors", "/alerts", "/network", "/map",
         "/dyads/RUS/UKR"]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("web") / "w.db")
    fill(db)
    with TestClient(create_app(db, Settings(api_key="secret", page_size=20, rate_limit=0))) as c:
        yield c


@pytest.mark.parametrize("path", PAGES)
def test_web_api_every_page_has_a_json_twin(client, path):
    page = client.get(path, headers={"accept": "text/html"})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    twin = "/api/stats" if path == "/" else "/api" + path
    assert f'href="{twin}"' in page.text
    data = client.get(twin)
    assert data.status_code == 200 and isinstance(data.json(), dict)


@pytest.mark.parametrize("path,status,code", [
    ("/api/nowhere", 404, "W404"),
    ("/api/articles/nope", 404, "W404"),
    ("/api/actors/nope", 404, "W404"),
    ("/api/events?quad_class=7", 422, "W422"),
    ("/api/events?since=yesterday", 422, "W422"),
    ("/api/events?cursor=!!!", 422, "W422"),
    ("/api/quotes?limit=0", 422, "W422"),
    ("/api/dyads/RUS/UKR?period=year", 422, "W422"),
    ("/api/records/zzz", 422, "W422"),
])
def test_web_api_one_error_shape(client, path, status, code):
    r = client.get(path)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"error", "status"} and body["status"] == status
    assert set(body["error"]) == {"code", "type", "message", "details"} and body["error"]["code"] == code


def test_web_api_error_shape_on_wrong_method_and_auth(client):
    r = client.put("/api/events")
    assert r.status_code == 405 and r.json()["error"]["code"] == "W405"
    r = client.post("/api/articles", json={"text": "Russia shelled Kyiv."})
    assert r.status_code == 401 and r.json()["error"]["code"] == "W401"
    r = client.post("/api/articles", json={"text": "a", "html": "<p>b</p>"}, headers={"X-API-Key": "secret"})
    assert r.status_code == 422 and r.json()["error"]["type"] == "BadRequest"


@pytest.mark.parametrize("resource,params", [("events", "country=RUS"), ("quotes", "q=respond"),
                                             ("articles", "")])
def test_web_api_cursor_pagination_is_stable_and_complete(client, resource, params):
    seen, cursor = [], None
    for _ in range(100):
        url = f"/api/{resource}?limit=7&{params}" + (f"&cursor={cursor}" if cursor else "")
        body = client.get(url).json()
        seen += [i["id"] for i in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    everything = client.get(f"/api/{resource}?limit=500&{params}").json()["items"]
    assert seen == [i["id"] for i in everything] and len(seen) == len(set(seen)) > 7


@pytest.mark.parametrize("params,check", [
    ("type=ASSAULT", lambda e: e["type"] == "ASSAULT"),
    ("quad_class=1", lambda e: e["quad_class"] == 1),
    ("country=JPN", lambda e: "JPN" in ((e["actor"] or {}).get("country"), (e["recipient"] or {}).get("country"),
                                        (e["location"] or {}).get("country"))),
    ("since=2022-03-01&until=2022-03-31", lambda e: "2022-03-01" <= e["date"] <= "2022-03-31"),
    ("actor=Ukraine", lambda e: "Ukraine" in e["actor_names"] + e["recipient_names"]),
    ("modality=asserted", lambda e: e["modality"] == "asserted"),
])
def test_web_api_event_filters(client, params, check):
    items = client.get(f"/api/events?limit=100&{params}").json()["items"]
    assert items and all(check(e) for e in items)


def test_web_api_quotes_search_speaker_and_record_links(client):
    items = client.get("/api/quotes?q=respond&speaker=Russia&limit=50").json()["items"]
    assert items and all(q["speaker_name"] == "Russia" for q in items)
    q = items[0]
    rec = client.get(f"/api/records/{q['id']}").json()
    assert rec["content"] == q["content"] and rec["evidence"].endswith(f"#ev-q{q['index']}")


def test_web_api_dyad_series_alerts_network_map_export(client):
    d = client.get("/api/dyads/RUS/UKR?period=week").json()
    assert d["series"]["total_events"] > 0 and d["series"]["points"]
    for a in d["alerts"]:
        assert a["event_ids"]
    net = client.get("/api/network?keys=country").json()
    assert net["nodes"] and net["edges"][0]["weight"] >= net["edges"][-1]["weight"]
    assert client.get("/api/map").json()["places"]  # places with their event counts (issue 21)
    r = client.get("/api/export?table=plover&format=tsv&type=ASSAULT")
    assert r.status_code == 200 and r.text.splitlines()[0].startswith("event_id\tstory_id")
    assert client.get("/openapi.json").json()["paths"]["/api/events"]
    assert "operations" in client.get("/docs").text


@pytest.mark.model
def test_web_api_post_article_analyses_and_stores(client, seed_text):
    r = client.post("/api/articles", json={"text": seed_text, "published": "2022-01-21",
                                           "title": "Seed"}, headers={"X-API-Key": "secret"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["created"] and body["quotes"] > 0
    page = client.get(body["url"], headers={"accept": "text/html"})
    assert page.status_code == 200 and 'class="m ' in page.text
    again = client.post("/api/articles", json={"text": seed_text, "published": "2022-01-21",
                                               "title": "Seed"}, headers={"X-API-Key": "secret"})
    assert again.json()["created"] is False
