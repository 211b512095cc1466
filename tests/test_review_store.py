"""Reviews in the store, on SQLite and on a real PostgreSQL server: the machine output is
kept, queries and dyad series read the reviewed version (or the raw one), re-analysis
re-attaches or flags, exported gold scores 1.0 against the reviewed records."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from communique.analysis import dyad_series
from communique.analysis.frames import event_records
from communique.analysis.synthetic import make_analysis
from communique.review import make_addition, make_confirm, make_correction, make_reject, record_keys
from communique.review.gold import export_gold, score_events, score_quotes
from communique.store import Store

DAY = dt.date(2022, 1, 21)


@pytest.fixture()
def analysis():
    return make_analysis(DAY, [("RUS", "ACCUSE", "UKR"), ("USA", "SANCTION", "RUS")],
                         quote="We will respond firmly", speaker_iso="UKR")


def _t(n):
    return f"2024-01-01T00:00:{n:02d}+00:00"


def test_review_store_migration_adds_reviews(store):
    assert store.schema_version() >= 3
    assert (3, "reviews") in store.repo.migrations_applied()


def test_review_store_reviewed_and_raw_versions(store, analysis):
    store.add(analysis)
    ek = record_keys(analysis, "event")
    usa = next(a for a in analysis.actors if a.country == "USA")
    assert store.add_review(make_correction(analysis, ek[0], "alice", {"type": "ASSAULT"}, created_at=_t(1)))
    assert store.add_review(make_reject(analysis, ek[1], "bob", created_at=_t(2)))
    qk = record_keys(analysis, "quote")[0]
    store.add_review(make_correction(analysis, qk, "alice", {"speaker_actor": usa.id}, created_at=_t(3)))
    # the machine output is kept
    assert store.get(analysis.id, raw=True) == analysis
    reviewed = store.get(analysis.id)
    assert [e.type for e in reviewed.events] == ["ASSAULT"]
    assert reviewed.quotes[0].speaker_actor == usa.id
    # queries: reviewed by default, raw on request, each row says whether it was reviewed
    assert [(r.event.type, r.review) for r in store.events()] == [("ASSAULT", "corrected")]
    assert sorted((r.event.type, r.review) for r in store.events(raw=True)) == [
        ("ACCUSE", "corrected"), ("SANCTION", "rejected")]
    assert store.quotes()[0].speaker_name == "United States" and store.quotes()[0].review == "corrected"
    assert store.quotes(raw=True)[0].speaker_name == "Ukraine"
    assert store.quotes(actor="United States")[0].review == "corrected"
    rows, _ = store.repo.quotes_page(q="respond")
    assert len(rows) == 1 and rows[0][2]["review"] == "corrected"
    # dyad series and network follow the review
    s = dyad_series(store.dyad_facts("RUS", "UKR"), "RUS", "UKR", period="week")
    assert sum(p.q4 for p in s.points) == 1 and sum(p.q3 for p in s.points) == 0
    raw = dyad_series(store.dyad_facts("RUS", "UKR", raw=True), "RUS", "UKR", period="week")
    assert sum(p.q3 for p in raw.points) == 1 and sum(p.q4 for p in raw.points) == 0
    assert store.dyad_facts("USA", "RUS") == [] and len(store.dyad_facts("USA", "RUS", raw=True)) == 1
    assert {r[2] for r in store.repo.network_rows()} == {"ASSAULT"}
    # exports read the reviewed version too
    assert [r.event.type for r in event_records(store)] == ["ASSAULT"]
    assert store.stats()["events"] == 1


def test_review_store_reviews_listed_and_idempotent(store, analysis):
    store.add(analysis)
    r = make_confirm(analysis, record_keys(analysis, "event")[0], "alice", created_at=_t(1))
    assert store.add_review(r) is True and store.add_review(r) is False
    assert store.reviews() == [r]
    assert store.reviews(author="bob") == []
    assert [(r.event.type, r.review) for r in store.events()][0][1] == "confirmed"


def test_review_store_added_records_appear(store, analysis):
    store.add(analysis)
    s = analysis.text.index("Russia")
    store.add_review(make_addition(analysis, "event", "alice", (s, s + 6),
                                   {"type": "THREATEN", "recipient": analysis.actors[0].id}, created_at=_t(1)))
    store.add_review(make_addition(analysis, "quote", "alice", (0, 10), created_at=_t(2)))
    assert len(store.get(analysis.id).events) == 3 and len(store.get(analysis.id, raw=True).events) == 2
    assert {r.review for r in store.events()} == {None, "added"}
    assert len(store.quotes()) == 2 and len(store.quotes(raw=True)) == 1


def test_review_store_reanalysis_reattaches_or_flags(store, analysis):
    store.add(analysis)
    ek = record_keys(analysis, "event")
    store.add_reviews([make_correction(analysis, ek[0], "alice", {"type": "ASSAULT"}, created_at=_t(1)),
                       make_confirm(analysis, ek[1], "alice", created_at=_t(2)),
                       make_reject(analysis, record_keys(analysis, "quote")[0], "bob", created_at=_t(3))])
    # the same output again: all attached, the reviewed version unchanged
    before = store.get(analysis.id)
    out = store.reanalyse(analysis)
    assert {r.status for r in out} == {"attached"} and store.get(analysis.id) == before
    # a "newer model" that drops the second event and codes the first differently
    newer = dataclasses.replace(analysis, events=(dataclasses.replace(analysis.events[0], type="COERCE"),))
    out = store.reanalyse(newer)
    assert len(out) == 3 and all(r.status in ("attached", "flagged") for r in out)
    status = {r.action: r.status for r in out}
    assert status == {"correct": "flagged", "confirm": "flagged", "reject": "attached"}
    assert store.reviews(status="flagged")[0].note
    assert store.get(analysis.id, raw=True) == newer
    assert [e.type for e in store.get(analysis.id).events] == ["COERCE"]  # flagged: not applied
    assert store.get(analysis.id).quotes == ()
    assert store.stats()["articles"] == 1 and store.actors()[0].articles == 1


def test_review_store_gold_export_scores_one_on_itself(store, analysis, tmp_path):
    other = make_analysis(DAY, [("CHN", "CONSULT", "RUS")], quote="Talks went well", speaker_iso="CHN",
                          salt="2")
    store.add_many([analysis, other])
    usa = next(a for a in analysis.actors if a.country == "USA")
    store.add_reviews([
        make_correction(analysis, record_keys(analysis, "quote")[0], "a", {"speaker_actor": usa.id},
                        created_at=_t(1)),
        make_correction(analysis, record_keys(analysis, "event")[0], "a", {"type": "ASSAULT"}, created_at=_t(2)),
        make_addition(analysis, "quote", "a", (0, 10), created_at=_t(3))])
    reviewed = [store.reviewed(aid) for aid in store.repo.reviewed_article_ids()]
    assert [r.analysis.id for r in reviewed] == [analysis.id]
    summary = export_gold(reviewed, tmp_path / "gold")
    assert summary["articles"] == 1 and summary["quotes"] == 2 and summary["events"] == 2
    from communique.evaluation.polnear import load_split

    docs = load_split(tmp_path / "gold", "gold")
    assert [d.name for d in docs] == [analysis.id] and len(docs[0].attributions) == 2
    mine = {analysis.id: store.get(analysis.id)}
    q = score_quotes(tmp_path / "gold", mine)
    assert q["e2e"]["all"]["attribution"]["f1"] == 1.0
    assert all(q["exact"][role]["f1"] == 1.0 for role in ("source", "cue", "content"))
    e = score_events(tmp_path / "gold" / "gold.events.jsonl", mine)
    assert e["exact"]["f1"] == 1.0
    # the machine output does not score 1.0 against the team's corrections
    raw = {analysis.id: store.get(analysis.id, raw=True)}
    assert score_quotes(tmp_path / "gold", raw)["e2e"]["all"]["attribution"]["f1"] < 1.0
    assert score_events(tmp_path / "gold" / "gold.events.jsonl", raw)["exact"]["f1"] < 1.0


def test_review_store_cli_commands(tmp_path, analysis):
    from communique.cli import app

    db = str(tmp_path / "c.db")
    with Store(db) as s:
        s.add(analysis)
    run = CliRunner()
    ek = record_keys(analysis, "event")
    res = run.invoke(app, ["review", "correct", f"{analysis.id}:e0", "--type", "ASSAULT", "--db", db,
                           "--author", "alice", "--comment", "shelling"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["after"]["type"] == "ASSAULT"
    assert run.invoke(app, ["review", "reject", ek[1], "--db", db, "--author", "bob"]).exit_code == 0
    bulk = tmp_path / "bulk.jsonl"
    bulk.write_text(json.dumps({"action": "add", "article_id": analysis.id, "kind": "quote", "span": [0, 10],
                                "author": "carol"}) + "\n", encoding="utf-8")
    res = run.invoke(app, ["review", "apply", str(bulk), "--db", db])
    assert res.exit_code == 0 and "1 reviews" in res.output
    res = run.invoke(app, ["review", "list", "--db", db, "--json"])
    assert [json.loads(x)["author"] for x in res.output.splitlines()] == ["alice", "bob", "carol"]
    res = run.invoke(app, ["events", "--db", db, "--format", "json"])
    assert [r["type"] for r in json.loads(res.output)] == ["ASSAULT"]
    res = run.invoke(app, ["events", "--db", db, "--format", "json", "--raw"])
    assert sorted(r["type"] for r in json.loads(res.output)) == ["ACCUSE", "SANCTION"]
    res = run.invoke(app, ["review", "agreement", "--db", db, "--json"])
    assert json.loads(res.output)["by_kind"]["event"]["reviewed"] == 2
    res = run.invoke(app, ["review", "export", str(tmp_path / "g"), "--db", db])
    assert res.exit_code == 0 and json.loads(res.output)["articles"] == 1
    res = run.invoke(app, ["review", "score", str(tmp_path / "g"), "--db", db])
    scores = json.loads(res.output)
    assert scores["quotes"]["e2e"]["all"]["attribution"]["f1"] == 1.0 and scores["events"]["exact"]["f1"] == 1.0
    res = run.invoke(app, ["review", "correct", "nope:e0", "--type", "AID", "--db", db])
    assert res.exit_code == 2
