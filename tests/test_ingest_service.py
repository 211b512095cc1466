"""One ingest service behind `communique ingest`, `POST /api/articles` and `communique load`:
the same guards (refused with the reason, nothing stored, a recorded skip), the same story
clustering (twelve copies of a wire story are one story), the same results on the same inputs."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from typer.testing import CliRunner

from communique.cli import app as cli_app
from communique.config import Settings
from communique.ingest.article import make_article
from communique.ingest.service import IngestService
from communique.store import Store

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from communique.web import create_app  # noqa: E402

ENV = {"COLUMNS": "160", "NO_COLOR": "1", "TERM": "dumb"}
KEY = {"X-API-Key": "secret"}
MAX_CHARS = 2000

WIRE = ("GENEVA (Wire) - Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Antony "
        "Blinken in Geneva on Friday to discuss the security crisis in Europe. \"We will continue "
        "the dialogue,\" Lavrov said after the meeting, adding that Moscow expected written answers "
        "to its proposals next week. Blinken said Washington had made clear that any Russian "
        "incursion into Ukraine would be met with a swift and severe response. The two men spoke "
        "for about ninety minutes at a hotel on the shore of Lake Geneva. Diplomats said no "
        "breakthrough had been expected, but both sides agreed to keep talking.")
OTHER = ("Police arrested twelve protesters in Paris on Tuesday after clashes near the parliament, "
         "the interior ministry said. Officers used tear gas to disperse the crowd.")
GERMAN = ("Der russische Außenminister traf sich am Freitag in Genf mit seinem amerikanischen "
          "Amtskollegen, um über die Sicherheitslage in Europa zu sprechen. Nach dem Treffen sagte "
          "er, man werde den Dialog fortsetzen und erwarte schriftliche Antworten auf die "
          "Vorschläge seiner Regierung in der kommenden Woche.")
OVERSIZED = ("The minister said the talks would go on. " * 60)[:MAX_CHARS + 100]


def wire_copies(n: int = 12) -> list[dict]:
    """``n`` copies of one wire story at ``n`` outlets, each with an outlet's small edit."""
    edits = [lambda t: t, lambda t: "By Staff Reporters. " + t, lambda t: t + " Reporting by the wire service.",
             lambda t: t.replace("on Friday", "on Friday, January 21"), lambda t: t.rsplit(" Diplomats", 1)[0],
             lambda t: t.replace("GENEVA (Wire) - ", ""), lambda t: t.replace("ninety", "90"),
             lambda t: "UPDATED. " + t, lambda t: t.replace("swift and severe", "severe"),
             lambda t: t + " Additional reporting by staff.", lambda t: t.replace("two men", "two diplomats"),
             lambda t: t.replace("Lake Geneva", "the lake")]
    return [{"text": edits[i % len(edits)](WIRE), "source": f"Outlet {i}", "title": f"Geneva talks ({i})",
             "url": f"https://outlet{i}.example/world/geneva-{i}", "published": "2022-01-21"}
            for i in range(n)]


REFUSED = [  # (record, the code the guards give it)
    ({"text": "", "url": "https://bad.example/empty"}, "E202"),
    ({"text": "  \n\t  \n", "url": "https://bad.example/blank"}, "E202"),
    ({"text": GERMAN, "url": "https://bad.example/german"}, "E206"),
    ({"text": OVERSIZED, "url": "https://bad.example/big"}, "E204"),
]


def settings() -> Settings:
    return Settings(api_key="secret", rate_limit=0, max_chars=MAX_CHARS)


@pytest.fixture()
def api(tmp_path):
    db = str(tmp_path / "api.db")
    with TestClient(create_app(db, settings())) as client:
        yield client, db


def post(client, record: dict):
    return client.post("/api/articles", json=record, headers=KEY)


@pytest.mark.parametrize("record,code", REFUSED, ids=["empty", "whitespace", "german", "oversized"])
def test_ingest_service_api_refuses_what_the_cli_refuses(api, tmp_path, record, code):
    client, db = api
    r = post(client, record)
    assert r.status_code == 422, r.text
    body = r.json()
    assert set(body) == {"error", "status"} and body["status"] == 422
    assert body["error"]["code"] == code and body["error"]["message"]
    with Store(db) as store:
        assert store.stats()["articles"] == 0
        api_skips = [(s["code"], s["source"]) for s in store.skips()]
    assert api_skips == [(code, record["url"])]
    # the CLI refuses the same record with the same code and stores nothing either
    (tmp_path / "in.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    cli_db = tmp_path / "cli.db"
    result = CliRunner().invoke(cli_app, ["ingest", str(tmp_path / "in.jsonl"), "--db", str(cli_db)],
                                env={**ENV, "COMMUNIQUE_MAX_CHARS": str(MAX_CHARS)})
    assert result.exit_code == 0, result.output
    with Store(cli_db) as store:
        assert store.stats()["articles"] == 0
        assert [s["code"] for s in store.skips()] == [code]


@pytest.mark.model
def test_ingest_service_cli_and_api_agree_and_wire_copies_are_one_story(api, tmp_path, pipeline):
    client, api_db = api
    copies = wire_copies(12)
    other = {"text": OTHER, "source": "Daily", "url": "https://daily.example/paris", "published": "2022-01-18"}
    records = copies + [other] + [rec for rec, _ in REFUSED]
    responses = [post(client, r) for r in records]
    assert [r.status_code for r in responses] == [201] * 13 + [422] * len(REFUSED)
    story_ids = {r.json()["story_id"] for r in responses[:12]}
    assert len(story_ids) == 1 and responses[12].json()["story_id"] not in story_ids
    assert post(client, copies[3]).json()["created"] is False  # posted again: nothing changes

    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    cli_db = tmp_path / "cli.db"
    result = CliRunner().invoke(cli_app, ["ingest", str(tmp_path / "in.jsonl"), "--db", str(cli_db)],
                                env={**ENV, "COMMUNIQUE_MAX_CHARS": str(MAX_CHARS)})
    assert result.exit_code == 0, result.output
    assert "13 new articles stored" in result.stdout and "11 copies of other stories" in result.stdout

    def stored(db) -> tuple:
        with Store(db) as store:
            stories = {a.url: a.story_id or a.id for a in store.articles()}
            return stories, store.stats(), store.story_count(), Counter(s["code"] for s in store.skips())

    api_side, cli_side = stored(api_db), stored(cli_db)
    assert api_side[0] == cli_side[0] and len({api_side[0][c["url"]] for c in copies}) == 1
    assert {k: v for k, v in api_side[1].items() if k != "skips"} == {
        k: v for k, v in cli_side[1].items() if k != "skips"}
    assert api_side[2] == cli_side[2] == 2
    assert api_side[3] == cli_side[3] == Counter(code for _, code in REFUSED)


@pytest.mark.model
def test_ingest_service_load_uses_the_service(tmp_path, pipeline):
    from communique.batch import load_batch, run_batch

    copies = wire_copies(4)
    arts = [make_article(c["text"], url=c["url"], source=c["source"], published=c["published"])
            for c in copies]
    german = make_article(GERMAN, url="https://bad.example/german")
    out = tmp_path / "batch"
    run_batch(arts[1:] + [german], out, settings=settings(), workers=0, partition_size=2)
    db = tmp_path / "c.db"
    with Store(db) as store:
        first = IngestService(store, settings(), pipeline=pipeline).add(arts[0])  # stored before the load
        counts = load_batch(out, store, settings=settings())
        again = load_batch(out, store, settings=settings())
        stories = {a.url: a.story_id or a.id for a in store.articles()}
        codes = [s["code"] for s in store.skips()]
    assert first.status == "new" and counts["new"] == 3 and again["new"] == 0 and again["already"] == 3
    # the loaded copies join the story stored before the load, as `ingest` would have them
    assert {stories[c["url"]] for c in copies} == {first.story_id}
    assert codes == ["E206"] and counts["errors"] == 1


@pytest.mark.model
def test_ingest_service_outcomes_per_article(store, pipeline):  # SQLite and PostgreSQL
    good = make_article(WIRE, url="https://wire.example/a", published="2022-01-21")
    copy = make_article("By Staff Reporters. " + WIRE, url="https://daily.example/a", published="2022-01-21")
    blank = make_article("   ", url="https://bad.example/blank")
    service = IngestService(store, settings(), pipeline=pipeline)
    outcomes = service.add_batch([good, blank, good])
    rerun = IngestService(store, settings(), pipeline=pipeline)
    again = rerun.add_batch([good, copy])
    assert [(o.status, o.story_id) for o in again] == [("stored", good.id), ("new", good.id)]
    assert rerun.counts.copies == 1 and store.story_count() == 1
    assert [(s["code"], s["source"]) for s in store.skips()] == [("E202", blank.url)]
    assert sorted(o.status for o in outcomes) == ["new", "skipped", "stored"]
    assert service.counts.to_dict() == {"new": 1, "stored": 1, "skipped": 1, "new_stories": 1, "copies": 0}
    (skipped,) = [o for o in outcomes if o.status == "skipped"]
    assert skipped.article_id == blank.id and skipped.error is not None and skipped.error.code == "E202"


@pytest.mark.model
def test_ingest_service_api_sees_stories_other_writers_stored(api, tmp_path, pipeline):
    """A server's clusterer lives as long as the app: a story `communique ingest` stored into
    the same database after the server's first post is still joined by a posted copy."""
    client, db = api
    copies = wire_copies(2)
    assert post(client, {"text": OTHER, "url": "https://daily.example/paris"}).status_code == 201
    (tmp_path / "in.jsonl").write_text(json.dumps(copies[0]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli_app, ["ingest", str(tmp_path / "in.jsonl"), "--db", db], env=ENV)
    assert result.exit_code == 0, result.output
    r = post(client, copies[1])
    assert r.status_code == 201 and r.json()["story_id"] == make_article(copies[0]["text"], url=copies[0]["url"]).id
