"""The SQLite store: migrations, idempotent adds, lossless reads, filtered queries."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from communique import Store
from communique.errors import MigrationError, StoreError
from communique.ingest.article import make_article
from communique.models import Actor, Analysis, Event, Extent, Party, Place, Quote, Span, TimeRef
from communique.store.migrations import load_migrations, split_statements

TEXT_A = ("Lavrov said the talks were useful. Blinken met Lavrov in Geneva on Friday. "
          "Russia denied it would attack Ukraine.")
TEXT_B = "Lavrov warned NATO on Monday. \"We will respond,\" Lavrov said."


def _span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def _actor(text: str, id_: str, name: str, kind: str, needle: str, country: str | None = None) -> Actor:
    count = text.count(needle)
    return Actor(id=id_, name=name, kind=kind, country=country,
                 mentions=tuple(_span(text, needle, i) for i in range(count)))


def analysis_a() -> Analysis:
    t = TEXT_A
    art = make_article(t, title="Talks in Geneva", published="2022-01-21", source="Example")
    lavrov = _actor(t, "lavrov", "Sergey Lavrov", "person", "Lavrov", "RUS")
    blinken = _actor(t, "blinken", "Antony Blinken", "person", "Blinken", "USA")
    russia = _actor(t, "rus", "Russia", "country", "Russia", "RUS")
    ukraine = _actor(t, "ukr", "Ukraine", "country", "Ukraine", "UKR")
    quote = Quote(content=(_span(t, "the talks were useful"),), kind="indirect",
                  speaker=_span(t, "Lavrov"), speaker_actor="lavrov", cue=_span(t, "said"),
                  date=dt.date(2022, 1, 21), confidence=0.8, rule="test.ccomp")
    geneva = Place(*(lambda s: (s.start, s.end, s.text))(_span(t, "Geneva")), name="Geneva",
                   country="CHE", lat=46.2, lon=6.14, geonameid=2660646)
    meet = Event(type="CONSULT", trigger=_span(t, "met"), sentence=Extent(35, 74), quad_class=1,
                 cameo="040", actor=Party(("blinken",), "Blinken", *(_span(t, "Blinken").start,
                                                                      _span(t, "Blinken").end)),
                 recipient=Party(("lavrov",), "Lavrov", _span(t, "Lavrov", 1).start, _span(t, "Lavrov", 1).end),
                 date=dt.date(2022, 1, 21), date_precision="day", location=geneva.location,
                 rule="test.meet")
    deny = Event(type="REJECT", trigger=_span(t, "denied"), sentence=Extent(75, len(t)), quad_class=2,
                 actor=Party(("rus",), "Russia", _span(t, "Russia").start, _span(t, "Russia").end),
                 recipient=Party(("ukr",), "Ukraine", _span(t, "Ukraine").start, _span(t, "Ukraine").end),
                 modality="denied", rule="test.deny")
    friday = _span(t, "Friday")
    return Analysis(article=art, actors=(lavrov, blinken, russia, ukraine), quotes=(quote,),
                    events=(meet, deny), places=(geneva,),
                    dates=(TimeRef(friday.start, friday.end, friday.text, dt.date(2022, 1, 21), "day"),),
                    meta={"model": "hand-built"})


def analysis_b() -> Analysis:
    t = TEXT_B
    art = make_article(t, published="2022-01-24")
    lavrov = _actor(t, "lavrov", "Sergey Lavrov", "person", "Lavrov", "RUS")
    nato = _actor(t, "nato", "NATO", "organization", "NATO")
    quote = Quote(content=(_span(t, "We will respond"),), kind="direct", speaker=_span(t, "Lavrov", 1),
                  speaker_actor="lavrov", cue=_span(t, "said"), rule="test.direct")
    warn = Event(type="THREATEN", trigger=_span(t, "warned"), sentence=Extent(0, 29), quad_class=2,
                 actor=Party(("lavrov",), "Lavrov", 0, 6), recipient=Party(("nato",), "NATO", 14, 18),
                 date=dt.date(2022, 1, 24), date_precision="day", rule="test.warn")
    return Analysis(article=art, actors=(lavrov, nato), quotes=(quote,), events=(warn,))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "test.db") as s:
        yield s


def test_store_sqlite_creates_schema_with_wal_and_foreign_keys(store, tmp_path):
    assert store.schema_version() == len(load_migrations())
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "actors", "article_actors", "mentions", "quotes", "events", "event_parties",
            "places", "dates", "skips", "schema_migrations"} <= tables


def test_store_sqlite_reopen_does_not_rerun_migrations(tmp_path):
    path = tmp_path / "again.db"
    with Store(path) as s:
        s.add(analysis_a())
    with Store(path) as s:
        assert s.repo.migrations_applied() == [(m.version, m.name) for m in load_migrations()]
        assert s.stats()["articles"] == 1


def test_store_sqlite_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "newer.db"
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')")
    con.commit()
    con.close()
    with pytest.raises(MigrationError, match="newer"):
        Store(path)


def test_store_sqlite_missing_folder_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "no" / "such" / "x.db")


def test_store_sqlite_add_is_idempotent(store):
    a = analysis_a()
    assert store.add(a) is True
    before = store.stats()
    dump = list(store.conn.iterdump())
    assert store.add(a) is False
    assert store.add_many([a, a]) == 0
    assert store.stats() == before
    assert list(store.conn.iterdump()) == dump


@pytest.mark.parametrize("make", [analysis_a, analysis_b], ids=["a", "b"])
def test_store_sqlite_get_returns_the_same_analysis(store, make):
    a = make()
    store.add(a)
    got = store.get(a.id)
    assert got == a
    assert got.meta == a.meta
    assert store.has(a.id) and a.id in store


def test_store_sqlite_get_unknown_raises_keyerror(store):
    assert not store.has("nope")
    with pytest.raises(KeyError):
        store.get("nope")


def test_store_sqlite_unknown_fields_round_trip_without_migration(store):
    a = analysis_a()
    d = a.to_dict()
    d["quotes"][0]["future_field"] = {"x": 1}
    store.add(Analysis.from_dict(d))
    raw = store.conn.execute("SELECT data FROM articles").fetchone()[0]
    assert '"title":"Talks in Geneva"' in raw


def test_store_sqlite_actors_merge_across_articles_by_id(store):
    store.add_many([analysis_a(), analysis_b()])
    (lavrov,) = store.actors(name="lavrov")
    assert lavrov.id == "lavrov" and lavrov.articles == 2
    assert lavrov.mentions == TEXT_A.count("Lavrov") + TEXT_B.count("Lavrov")
    assert set(lavrov.article_ids) == {analysis_a().id, analysis_b().id}
    assert [r.name for r in store.actors(kind="country")] == ["Russia", "Ukraine"]
    assert [r.id for r in store.actors(country="ukr")] == ["ukr"]
    assert store.stats()["actors"] == 5


@pytest.mark.parametrize("filters, expected", [
    ({}, ["the talks were useful", "We will respond"]),
    ({"actor": "Lavrov"}, ["the talks were useful", "We will respond"]),
    ({"actor": "lavrov"}, ["the talks were useful", "We will respond"]),
    ({"actor": "Blinken"}, []),
    ({"since": "2022-01-22"}, ["We will respond"]),
    ({"until": dt.date(2022, 1, 21)}, ["the talks were useful"]),
    ({"kind": "direct"}, ["We will respond"]),
    ({"text": "USEFUL"}, ["the talks were useful"]),
    ({"text": "100%"}, []),
    ({"limit": 1}, ["the talks were useful"]),
])
def test_store_sqlite_quote_filters(store, filters, expected):
    store.add_many([analysis_a(), analysis_b()])
    rows = store.quotes(**filters)
    assert [r.text for r in rows] == expected
    for r in rows:
        assert r.article_id in (analysis_a().id, analysis_b().id)
        assert r.speaker_name == "Sergey Lavrov"


@pytest.mark.parametrize("filters, expected", [
    ({}, ["denied", "met", "warned"]),
    ({"actor": "Lavrov"}, ["met", "warned"]),
    ({"actor": "ukr"}, ["denied"]),
    ({"type": "consult"}, ["met"]),
    ({"modality": "denied"}, ["denied"]),
    ({"since": "2022-01-22"}, ["warned"]),
    ({"until": "2022-01-21"}, ["denied", "met"]),
    ({"text": "geneva"}, ["met"]),
])
def test_store_sqlite_event_filters(store, filters, expected):
    store.add_many([analysis_a(), analysis_b()])
    rows = store.events(**filters)
    assert sorted(r.event.trigger.text for r in rows) == expected


def test_store_sqlite_event_rows_name_actors_and_keep_context(store):
    store.add(analysis_a())
    (row,) = store.events(type="CONSULT")
    assert row.actor_names == ("Antony Blinken",) and row.recipient_names == ("Sergey Lavrov",)
    assert row.sentence == TEXT_A[35:74]
    assert row.event.location.name == "Geneva"
    assert row.published == dt.date(2022, 1, 21) and row.title == "Talks in Geneva"
    assert row.to_dict()["article_id"] == analysis_a().id


def test_store_sqlite_skips_are_recorded_once(store):
    assert store.record_skip("bad.jsonl", "bad.jsonl:3: invalid JSON", "E203", line=3) is True
    assert store.record_skip("bad.jsonl", "bad.jsonl:3: invalid JSON", "E203", line=3) is False
    store.record_skip("x.bin", "unsupported", "E201")
    assert [(s["source"], s["line"], s["code"]) for s in store.skips()] == [
        ("bad.jsonl", 3, "E203"), ("x.bin", None, "E201")]
    assert store.stats()["skips"] == 2


def test_store_sqlite_failed_batch_is_rolled_back(store):
    a = analysis_a()
    broken = Analysis(article=make_article("Another text."),
                      actors=(Actor(id="x", name="X", kind="person"),) * 2)  # duplicate link row
    with pytest.raises(StoreError):
        store.add_many([a, broken])
    assert store.stats()["articles"] == 0 and not store.has(a.id)


def test_store_sqlite_existing_reports_stored_ids(store):
    store.add(analysis_a())
    assert store.existing([analysis_a().id, "other"]) == {analysis_a().id}


def test_store_sqlite_articles_by_date(store):
    store.add_many([analysis_a(), analysis_b()])
    assert [a.published for a in store.articles()] == [dt.date(2022, 1, 21), dt.date(2022, 1, 24)]
    assert [a.id for a in store.articles(since="2022-01-22")] == [analysis_b().id]


def test_store_sqlite_migration_files_split_into_statements():
    assert split_statements("-- c;\nCREATE TABLE a (x TEXT); -- tail\n\nCREATE INDEX i ON a (x);") == (
        "CREATE TABLE a (x TEXT)", "CREATE INDEX i ON a (x)")
    assert [m.version for m in load_migrations()] == list(range(1, len(load_migrations()) + 1))


def test_store_sqlite_round_trips_the_seed_analysis(tmp_path, seed_analysis):
    with Store(tmp_path / "seed.db") as s:
        assert s.add(seed_analysis)
        assert s.get(seed_analysis.id) == seed_analysis
        assert s.stats()["quotes"] == len(seed_analysis.quotes) > 0
        assert s.stats()["events"] == len(seed_analysis.events) > 0
        assert len(s.quotes()) == len(seed_analysis.quotes)


def test_store_sqlite_is_usable_from_several_threads(store):
    from concurrent.futures import ThreadPoolExecutor

    analyses = [Analysis(article=make_article(f"Article number {i}.")) for i in range(20)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        added = list(pool.map(store.add, analyses))
        counts = list(pool.map(lambda _: store.stats()["articles"], range(10)))
    assert all(added) and store.stats()["articles"] == 20 and max(counts) <= 20


@pytest.mark.parametrize("db", ["relative.db", "with:colon.db", ":memory:", "postgresql.db"])
@pytest.mark.parametrize("as_path", [False, True])
def test_store_sqlite_open_store_takes_paths(tmp_path, monkeypatch, db, as_path):
    from communique.store import BaseStore, open_store
    from communique.store.sqlite import SQLiteStore

    monkeypatch.chdir(tmp_path)
    with open_store(Path(db) if as_path else db) as s:
        assert type(s) is SQLiteStore and isinstance(s, BaseStore)
        assert s.where == db and repr(s) == f"SQLiteStore({db!r})"
        assert s.add(analysis_a()) is True
    assert (tmp_path / db).exists() == (db != ":memory:")
