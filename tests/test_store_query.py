"""One list-query builder (store/query.py): a filter means the same in the CLI's lists and in
the API's pages, on SQLite and on PostgreSQL; a search is full text (every word, stemmed),
and a search without words is refused, never "everything"."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from communique.cli import app as cli_app
from communique.errors import InputError
from communique.store import Store
from communique.store.migrations import load_migrations

ENV = {"COLUMNS": "160", "NO_COLOR": "1", "TERM": "dumb"}
TEXTS = [
    "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Antony Blinken in Geneva on Friday "
    "for talks on Ukraine. \"We will continue the talks,\" Lavrov said after the meeting.",
    "The European Union imposed new sanctions on Belarus on Monday, accusing Minsk of orchestrating a "
    "migrant crisis on its border with Poland. \"This is a hybrid attack,\" the EU foreign policy chief said.",
    "French police arrested twelve protesters in Paris on Tuesday after clashes near the parliament, "
    "the interior ministry said.",
    "Russia shelled the Ukrainian city of Kharkiv on Thursday, Ukrainian officials said. \"The shelling did "
    "not stop all night,\" the mayor of Kharkiv told reporters.",
]
NO_WORDS = ["!!!", "🔥🔥", "— … ?", "___", "  "]


@pytest.fixture(scope="module")
def analyses(pipeline):
    return [pipeline.analyze(t, published="2022-01-21", url=f"https://news.example/{i}")
            for i, t in enumerate(TEXTS)]


@pytest.fixture()
def filled(store, analyses):
    store.add_many(analyses)
    return store


def quote_ids(rows) -> set:
    return {(r.article_id, r.index) for r in rows}


def page_ids(page) -> set:
    rows, _cursor = page
    return {(r[0], r[1]) for r in rows}


def test_store_query_search_is_full_text_in_cli_lists_and_pages(filled, analyses):
    s, repo = filled, filled.repo
    lavrov, eu, _police, kharkiv = (a.id for a in analyses)
    # quotes: every word, stemmed ("talk" finds "talks"); the same in the CLI list and the page
    assert quote_ids(s.quotes(text="talk")) == page_ids(repo.quotes_page(q="talk")) == {(lavrov, 0)}
    # events: the sentence ("shell" finds "shelled"), all words required
    assert {r.article_id for r in s.events(text="shell Kharkiv")} == {kharkiv}
    assert quote_ids(s.events(text="shell Kharkiv")) == page_ids(repo.events_page(q="shell Kharkiv"))
    assert s.events(text="shell Paris") == [] and page_ids(repo.events_page(q="shell Paris")) == set()
    # articles: title and text
    assert [r["id"] for r in repo.articles_page(q="Sanctions")[0]] == [eu]
    # full text, not substring: part of a word finds nothing anywhere (LIKE found it before)
    assert s.quotes(text="Kharki") == [] and s.events(text="Kharki") == []
    assert repo.quotes_page(q="Kharki")[0] == [] and repo.articles_page(q="Kharki")[0] == []


@pytest.mark.parametrize("search", NO_WORDS)
def test_store_query_search_without_words_is_refused(filled, search):
    s, repo = filled, filled.repo
    calls = [lambda: s.quotes(text=search), lambda: s.events(text=search),
             lambda: repo.quotes_page(q=search), lambda: repo.events_page(q=search),
             lambda: repo.articles_page(q=search)]
    for call in calls:
        with pytest.raises(InputError, match="no words"):
            call()


@pytest.mark.parametrize("type_,expected", [
    ("COERCE", {"163", "173"}), ("coerce", {"163", "173"}), ("163", {"163"}), ("16", {"163"}),
    ("17", {"173"}), ("SANCTION", set()),
])
def test_store_query_event_type_is_plover_any_case_or_cameo(filled, type_, expected):
    rows = filled.events(type=type_)
    assert {r.event.cameo for r in rows} == expected
    assert page_ids(filled.repo.events_page(type=type_)) == quote_ids(rows)


def test_store_query_unknown_event_type_is_refused_with_the_types(filled):
    with pytest.raises(InputError, match="PLOVER type .*COERCE.*CAMEO code"):
        filled.events(type="SANCTIONS")


@pytest.mark.parametrize("cli_kw,page_kw", [
    ({"actor": "Russia"}, {"actor": "Russia"}),
    ({"actor": "european"}, {"actor": "european"}),
    ({"country": "fra"}, {"country": "FRA"}),
    ({"quad_class": 4}, {"quad_class": 4}),
    ({"since": "2022-01-21", "until": "2022-01-21"}, {"since": "2022-01-21", "until": "2022-01-21"}),
])
def test_store_query_event_filters_agree(filled, cli_kw, page_kw):
    rows = filled.events(**cli_kw)
    assert rows and quote_ids(rows) == page_ids(filled.repo.events_page(**page_kw))


@pytest.mark.parametrize("speaker", ["Lavrov", "mayor", "european union"])
def test_store_query_quote_speaker_filter_agrees(filled, speaker):
    rows = filled.quotes(actor=speaker)
    assert rows and quote_ids(rows) == page_ids(filled.repo.quotes_page(speaker=speaker))


def test_store_query_sqlite_migration_fills_event_search(tmp_path, analyses):
    """Migration 0009 on a store whose events were stored before it: they become searchable.
    (Later migrations stop 0009 from being re-run on open, so its statements are run here, on
    a store whose event index is gone, as the migration runner runs them.)"""
    db = tmp_path / "old.db"
    with Store(db) as s:
        s.add_many(analyses)
        s.repo._exec("DROP TABLE events_fts")
        assert s.repo._all("SELECT name FROM sqlite_master WHERE name = 'events_fts'") == []
        migrations = {m.version: m for m in load_migrations("sqlite")}
        statements = [*migrations[9].statements,
                      *(st for st in migrations[12].statements if "events_fts" in st)]
        assert statements
        for st in statements:
            s.repo._exec(st)
    with Store(db) as s:
        assert {r.article_id for r in s.events(text="shelled")} == {analyses[3].id}


@pytest.fixture()
def cli_db(tmp_path, analyses):
    db = tmp_path / "cli.db"
    with Store(db) as s:
        s.add_many(analyses)
    return db


@pytest.mark.parametrize("args,expected", [
    (["articles", "--search", "sanctions"], [1]),
    (["articles", "--since", "2022-01-21"], [0, 1, 2, 3]),
    (["events", "--search", "shelled"], [3]),
    (["events", "--country", "fra"], [2]),  # the arrest ("after clashes near the parliament" is background)
    (["events", "--type", "163"], [1]),
    (["quotes", "--search", "talks"], [0]),
])
def test_store_query_cli_lists_use_the_builder(cli_db, analyses, args, expected):
    result = CliRunner().invoke(cli_app, args + ["--db", str(cli_db), "--format", "json"], env=ENV)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    ids = [r.get("article_id") or r["id"] for r in rows]
    assert sorted(ids) == sorted(analyses[i].id for i in expected)


@pytest.mark.parametrize("command", ["quotes", "events", "articles"])
def test_store_query_cli_search_without_words_exits_2(cli_db, command):
    result = CliRunner().invoke(cli_app, [command, "--db", str(cli_db), "--search", "?!"], env=ENV)
    assert result.exit_code == 2 and "no words" in result.output


@pytest.mark.parametrize("path", ["/api/quotes?q=%F0%9F%94%A5", "/api/events?q=!!!", "/api/articles?q=...",
                                  "/api/events?type=SANCTIONS"])
def test_store_query_api_refuses_bad_filters_with_422(cli_db, path):
    from fastapi.testclient import TestClient

    from communique.config import Settings
    from communique.web import create_app

    with TestClient(create_app(str(cli_db), Settings(rate_limit=0))) as client:
        r = client.get(path)
    assert r.status_code == 422 and r.json()["error"]["code"] == "E200", r.text
    assert r.json()["error"]["details"]["parameter"] in ("search", "type")


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory, pipeline):
    from importlib import resources

    examples = resources.files("communique") / "data" / "examples" / "examples.jsonl"
    db = tmp_path_factory.mktemp("examples") / "ex.db"
    result = CliRunner().invoke(cli_app, ["ingest", str(examples), "--db", str(db)], env=ENV)
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.model
@pytest.mark.parametrize("args", [  # the filters docs/getting-started.md shows, on the bundled examples
    ["quotes", "--actor", "Lavrov", "--since", "2022-01-01"],
    ["events", "--type", "CONSULT"],
    ["events", "--type", "163"],
    ["events", "--actor", "Russia", "--modality", "alleged"],
    ["events", "--search", "sanctions officials"],
    ["articles", "--search", "sanctions", "--since", "2023-01-01"],
    ["actors", "--kind", "country"],
])
def test_store_query_getting_started_examples_find_records(examples_db, args):
    result = CliRunner().invoke(cli_app, args + ["--db", str(examples_db), "--format", "json"], env=ENV)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)


@pytest.mark.model
def test_store_query_getting_started_sanctions_example(examples_db):
    with Store(examples_db) as store:
        events = store.events(type="163", actor="European Union")
        assert events and {r.event.type for r in events} == {"COERCE"}
        assert store.events(type="SANCTION", actor="European Union") == []  # why the guide says 163
        assert store.quotes(text="sanctions")


@pytest.mark.parametrize("search", ["talks", "said", "shelled Kharkiv", "Belarus"])
def test_store_query_search_plans_agree(filled, monkeypatch, search):
    """Both SQLite plans of a search (few matches looked up, many read in list order) give
    the same rows; PostgreSQL has one plan."""
    import communique.store.analytics as analytics

    lookup = (quote_ids(filled.quotes(text=search)), quote_ids(filled.events(text=search)),
              page_ids(filled.repo.events_page(q=search)), filled.repo.articles_page(q=search)[0])
    monkeypatch.setattr(analytics, "SELECTIVE_MATCHES", 0)  # every search "common": list order
    in_order = (quote_ids(filled.quotes(text=search)), quote_ids(filled.events(text=search)),
                page_ids(filled.repo.events_page(q=search)), filled.repo.articles_page(q=search)[0])
    assert lookup == in_order and any(lookup)
