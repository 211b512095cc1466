"""`communique ingest` clusters syndicated copies into stories: the story id reaches the
store, events and quotes carry articles and distinct sources per story, reruns keep the
story ids, merges reach the store, and --allow-private lifts the private-address guard."""

from __future__ import annotations

import json

import pytest
from _local_http import LocalServer, html_page
from typer.testing import CliRunner

from communique.analysis.facts import story_of
from communique.cli import app
from communique.ingest.article import make_article
from communique.ingest.stories import StoreStories
from communique.models import Analysis
from communique.store import Store

ENV = {"COLUMNS": "160", "NO_COLOR": "1", "TERM": "dumb"}

WIRE = ("Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Antony Blinken in "
        "Geneva on Friday to discuss the security crisis in Europe. \"We will continue the "
        "dialogue,\" Lavrov said after the meeting, adding that Moscow expected written answers "
        "to its proposals next week.")
OTHER = ("Police arrested twelve protesters in Paris on Tuesday after clashes near the parliament, "
         "the interior ministry said.")
# a wire story at three outlets (with the outlets' edits), once more under a tracking URL,
# and an unrelated story
RECORDS = [
    {"text": WIRE, "source": "Wire", "url": "https://wire.example/geneva", "published": "2022-01-21"},
    {"text": "By Staff Reporters. " + WIRE, "source": "Daily", "url": "https://daily.example/a/1",
     "published": "2022-01-21"},
    {"text": WIRE + " Reporting by the wire service.", "source": "Herald",
     "url": "https://herald.example/world/geneva-talks", "published": "2022-01-21"},
    {"text": WIRE + " Reporting by the wire service.", "source": "Herald",
     "url": "https://www.herald.example/world/geneva-talks?utm_source=rss", "published": "2022-01-21"},
    {"text": OTHER, "source": "Daily", "url": "https://daily.example/b/2", "published": "2022-01-18"},
]


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env={**ENV, **(env or {})})


def write_corpus(folder, records) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")


def stored_stories(db) -> dict[str, str]:
    with Store(db) as store:
        return {a.url: (a.story_id or a.id) for a in store.articles()}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, pipeline):
    base = tmp_path_factory.mktemp("stories")
    write_corpus(base / "in", RECORDS)
    db = base / "c.db"
    result = run("ingest", str(base / "in"), "--db", str(db))
    assert result.exit_code == 0, result.output
    return base, db, result


def test_ingest_stories_syndicated_copies_share_story_in_store(ingested):
    _, db, result = ingested
    stories = stored_stories(db)
    wire = {stories[r["url"]] for r in RECORDS[:4]}
    assert len(wire) == 1 and stories[RECORDS[4]["url"]] not in wire
    assert "5 new articles stored" in result.stdout and "3 copies of other stories" in result.stdout
    assert "5 articles in 2 stories" in result.stdout
    with Store(db) as store:
        assert store.story_count() == 2
        analyses = [store.get(a.id) for a in store.articles()]
    # the analysis read back carries the stored story id (what analysis/facts.py reads)
    wire_urls = {r["url"] for r in RECORDS[:4]}
    assert {story_of(a.article) for a in analyses if a.article.url in wire_urls} == wire


@pytest.mark.parametrize("command, kind", [("events", "events"), ("quotes", "quotes")])
def test_ingest_stories_records_counted_per_story(ingested, command, kind):
    _, db, _ = ingested
    result = run(command, "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    wire_urls = {r["url"] for r in RECORDS[:4]}
    with Store(db) as store:
        url_of = {a.id: a.url for a in store.articles()}
    wire_rows = [r for r in rows if url_of[r["article_id"]] in wire_urls]
    assert wire_rows, f"no {kind} extracted from the wire story"
    # four articles (one a re-fetch under a tracking URL) from three outlets: one story
    assert {(r["story_articles"], r["story_sources"]) for r in wire_rows} == {(4, 3)}
    assert len({r["story_id"] for r in wire_rows}) == 1
    others = [r for r in rows if r not in wire_rows]
    assert others and all((r["story_articles"], r["story_sources"]) == (1, 1) for r in others)
    table = run(command, "--db", str(db))
    assert "Story" in table.stdout and "4 art, 3 src" in table.stdout
    assert " from " in table.stdout and "stories" in table.stdout


def test_ingest_stories_rerun_adds_nothing_and_keeps_story_ids(ingested):
    base, db, _ = ingested
    before = stored_stories(db)
    with Store(db) as store:
        counts = store.stats()
    result = run("ingest", str(base / "in"), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "0 new articles stored" in result.stdout and "5 already stored" in result.stdout
    assert stored_stories(db) == before
    with Store(db) as store:
        assert store.stats() == counts and store.story_count() == 2


def test_ingest_stories_later_copy_joins_stored_story(tmp_path, ingested):
    """A copy arriving in a later run (other inputs) joins the story stored before: the
    clusterer is seeded with the articles stored last."""
    _, db, _ = ingested
    copy = tmp_path / "c.db"
    copy.write_bytes(db.read_bytes())
    late = {"text": "From our correspondent. " + WIRE, "source": "Gazette",
            "url": "https://gazette.example/geneva", "published": "2022-01-22"}
    write_corpus(tmp_path / "late", [late])
    result = run("ingest", str(tmp_path / "late"), "--db", str(copy), "--story-window", "50")
    assert result.exit_code == 0, result.output
    stories = stored_stories(copy)
    assert stories[late["url"]] == stories[RECORDS[0]["url"]]
    rows = json.loads(run("events", "--db", str(copy), "--format", "json").stdout)
    wire = [r for r in rows if r["story_id"] == stories[RECORDS[0]["url"]]]
    assert {(r["story_articles"], r["story_sources"]) for r in wire} == {(5, 4)}


def _analysis(text: str, url: str, source: str) -> Analysis:
    return Analysis(article=make_article(text, url=url, source=source, published="2022-01-21"))


def test_ingest_stories_merge_reaches_the_store(tmp_path):
    """An article containing two stored stories joins them: the younger one is moved to the
    older one in the store."""
    a_text = ("The central bank raised interest rates by half a point on Wednesday, citing "
              "persistent inflation in food and energy prices across the country.")
    b_text = ("Heavy rain flooded the northern valleys on Thursday, forcing thousands of families "
              "to leave their homes as rivers burst their banks near the border.")
    with Store(tmp_path / "m.db") as store:
        stories = StoreStories(store, 0.3)
        a, b, both = (_analysis(a_text, "https://one.example/a", "One"),
                      _analysis(b_text, "https://two.example/b", "Two"),
                      _analysis(a_text + " " + b_text, "https://three.example/c", "Three"))
        for item in (a, b, both):
            [art] = stories.assign([item.article], set())
            store.add(Analysis(article=art))
            stories.flush()
        got = {art.url: art.story_id or art.id for art in store.articles()}
        assert set(got.values()) == {a.article.id}
        assert store.story_count() == 1


def test_ingest_stories_allow_private_flag(tmp_path, pipeline):
    paras = [WIRE, "Officials from both governments met for three hours and agreed to publish a "
             "joint statement about the humanitarian corridor."]
    env = {"COMMUNIQUE_FETCH_DELAY": "0", "COMMUNIQUE_FETCH_RETRIES": "0"}
    with LocalServer() as server:
        server.routes["/news/geneva"] = (200, {"Content-Type": "text/html; charset=utf-8"},
                                         html_page("Lavrov meets Blinken", paras))
        url = server.url("/news/geneva")
        refused = run("ingest", url, "--db", str(tmp_path / "a.db"), env=env)
        allowed = run("ingest", url, "--db", str(tmp_path / "b.db"), "--allow-private", env=env)
    assert refused.exit_code == 0, refused.output
    assert "0 new articles stored" in refused.stdout and "1 skipped" in refused.stdout
    with Store(tmp_path / "a.db") as store:
        [skip] = store.skips()
    assert "private" in skip["reason"] or "loopback" in skip["reason"]
    assert allowed.exit_code == 0, allowed.output
    assert "1 new articles stored" in allowed.stdout
    with Store(tmp_path / "b.db") as store:
        [art] = store.articles()
    assert art.url == url and "Geneva" in art.text


def test_ingest_stories_batch_load_carries_stories_and_merges(tmp_path, pipeline):
    """`communique batch` + `communique load`: story ids reach the store, a story merged
    during the batch is stored under the story it joined."""
    a_text = ("The central bank raised interest rates by half a point on Wednesday, citing "
              "persistent inflation in food and energy prices across the country.")
    b_text = ("Heavy rain flooded the northern valleys on Thursday, forcing thousands of families "
              "to leave their homes as rivers burst their banks near the border.")
    records = RECORDS + [
        {"text": a_text, "source": "One", "url": "https://one.example/a", "published": "2022-01-19"},
        {"text": b_text, "source": "Two", "url": "https://two.example/b", "published": "2022-01-20"},
        {"text": a_text + " " + b_text, "source": "Three", "url": "https://three.example/c",
         "published": "2022-01-20"}]
    write_corpus(tmp_path / "in", records)
    out, db = tmp_path / "out", tmp_path / "c.db"
    res = run("batch", str(tmp_path / "in"), "--out", str(out), "--workers", "0", "--partition-size", "3")
    assert res.exit_code == 0, res.output
    res = run("load", str(out), "--db", str(db))
    assert res.exit_code == 0, res.output
    stories = stored_stories(db)
    assert len({stories[r["url"]] for r in RECORDS[:4]}) == 1
    merged = {stories[r["url"]] for r in records[5:]}
    assert len(merged) == 1 and merged != {stories[RECORDS[0]["url"]]}
    with Store(db) as store:
        assert store.story_count() == 3
        rows = store.events()
    with Store(db) as store:
        url_of = {a.id: a.url for a in store.articles()}
    wire = [r for r in rows if url_of[r.article_id] in {x["url"] for x in RECORDS[:4]}]
    assert wire and {(r.story_articles, r.story_sources) for r in wire} == {(4, 3)}


def test_ingest_stories_migration_backfills_story_ids(tmp_path):
    """A database from before story ids: its articles get the story id their JSON carries
    (batch loads), else their own id, when it is opened."""
    import sqlite3

    from communique.store.dialect import SQLITE
    from communique.store.migrations import load_migrations
    from communique.store.repository import Repository

    path = tmp_path / "old.db"
    conn = sqlite3.connect(str(path), isolation_level=None)
    repo = Repository(conn, SQLITE)
    repo.migrate([m for m in load_migrations() if m.version < 4])
    for art_id, story, source in (("a1", "s1", "Wire"), ("a2", None, None)):
        data = {"id": art_id, "text": "Text.", "story_id": story} if story else {"id": art_id, "text": "Text."}
        conn.execute("INSERT INTO articles (id, source, url, added_at, data) VALUES (?, ?, ?, ?, ?)",
                     (art_id, source, f"https://x.example/{art_id}", "2022-01-01", json.dumps(data)))
    conn.close()
    with Store(path) as store:
        assert store.schema_version() >= 4
        assert store.story_ids(["a1", "a2"]) == {"a1": "s1", "a2": "a2"}
        keys = dict(store.conn.execute("SELECT id, source_key FROM articles").fetchall())
    assert keys == {"a1": "wire", "a2": "https://x.example/a2"}
