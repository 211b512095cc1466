"""Driver errors leave a store only as StoreError (E400), on SQLite and on a real
PostgreSQL server: opening, reading, writing (rolled back), API keys, bulk loads; a URL's
password never appears in a message."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import psycopg
import pytest
from pg_cluster import free_port, running_server, with_password

from communique.analysis.synthetic import make_analysis
from communique.errors import StoreError
from communique.store import open_store, redacted
from communique.store.bulk import bulk_add
from communique.store.keys import ApiKeys
from communique.store.location import is_postgres_url, without_secret

SECRET = "pw-s3cret"
PASSWORD = "pg-pa55w0rd"  # the one the password server (scram-sha-256) accepts


def _analysis(salt: str = ""):
    return make_analysis(dt.date(2022, 2, 24), [("RUS", "ASSAULT", "UKR")], quote="We will respond firmly",
                         speaker_iso="UKR", salt=salt)


def _drop(store, table: str) -> None:
    """Drop ``table`` behind the store's back (another connection on PostgreSQL)."""
    if store.repo.dialect.name == "sqlite":
        store.conn.execute("PRAGMA foreign_keys=OFF")  # else SQLite empties the table first
        store.conn.execute(f"DROP TABLE {table}")
        store.conn.execute("PRAGMA foreign_keys=ON")
    else:
        with psycopg.connect(store.repo.errors.db, autocommit=True) as other:
            other.execute(f"DROP TABLE {table} CASCADE")


def _assert_store_error(info: pytest.ExceptionInfo, store, driver_codes: set[str]) -> None:
    err = info.value
    assert type(err) is StoreError and err.code == "E400"
    assert store.where in err.message
    assert err.details["driver_code"] in driver_codes
    assert isinstance(err.__cause__, (psycopg.Error, sqlite3.Error))


@pytest.mark.parametrize("table,call", [
    ("quotes", lambda s: s.quotes(actor="UKR")),
    ("events", lambda s: s.events(type="ASSAULT")),
    ("actors", lambda s: s.actors()),
    ("articles", lambda s: s.stats()),
])
def test_store_errors_dropped_table_on_read(store, table, call):
    store.add(_analysis())
    _drop(store, table)
    with pytest.raises(StoreError) as info:
        call(store)
    _assert_store_error(info, store, {"SQLITE_ERROR", "42P01"})  # no such table / undefined_table


@pytest.mark.parametrize("table,call", [
    ("skips", lambda s: s.record_skip("feed.xml", "unreadable", "E200")),
    ("event_parties", lambda s: s.add(_analysis("new"))),
    ("api_keys", lambda s: ApiKeys(s).create("alice")),
    ("event_parties", lambda s: bulk_add(s, [_analysis("bulk")])),
])
def test_store_errors_failed_write_is_rolled_back_and_store_stays_usable(store, table, call):
    first = _analysis()
    store.add(first)
    _drop(store, table)
    with pytest.raises(StoreError) as info:
        call(store)
    _assert_store_error(info, store, {"SQLITE_ERROR", "42P01"})
    assert store.existing([first.id, _analysis("new").id, _analysis("bulk").id]) == {first.id}
    assert store.has(first.id)  # the connection is not left inside a failed transaction


def test_store_errors_closed_connection(store):
    store.conn.close()
    with pytest.raises(StoreError) as info:
        store.stats()
    assert info.value.code == "E400" and store.where in info.value.message
    assert info.value.details["driver_error"] in {"ProgrammingError", "OperationalError"}


def test_store_errors_postgres_connection_killed_by_the_server(pg_url):
    store = open_store(pg_url)
    try:
        pid = store.conn.info.backend_pid
        with psycopg.connect(pg_url, autocommit=True) as admin:
            assert admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0] is True
        with pytest.raises(StoreError) as info:
            store.quotes()
        assert info.value.code == "E400" and isinstance(info.value.__cause__, psycopg.OperationalError)
        assert info.value.details["driver_code"] == "57P01"  # admin_shutdown
    finally:
        store.close()


@pytest.mark.parametrize("content", [b"not a database " * 200, b"SQLite format 3\x00" + b"\xff" * 4000])
def test_store_errors_corrupted_sqlite_file(tmp_path, content):
    path = tmp_path / "broken.db"
    path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        open_store(path)
    assert info.value.code == "E400" and str(path) in info.value.message
    assert "not a database" in info.value.message


def test_store_errors_sqlite_path_that_is_a_folder(tmp_path):
    with pytest.raises(StoreError) as info:
        open_store(tmp_path)
    assert info.value.code == "E400" and str(tmp_path) in info.value.message


@pytest.mark.parametrize("target", ["missing database", "nothing listening"])
def test_store_errors_postgres_open_failures_hide_the_password(pg_server, target):
    url = with_password(pg_server + "/no_such_db" if target == "missing database"
                        else f"postgresql://postgres@127.0.0.1:{free_port()}/x", SECRET)
    with pytest.raises(StoreError) as info:
        open_store(url)
    err = info.value
    assert err.code == "E400" and err.message.startswith("cannot open database postgresql://postgres:***@")
    assert SECRET not in str(err) and SECRET not in str(err.details) and SECRET not in repr(err.to_dict())
    assert ("no_such_db" in err.message) == (target == "missing database")


def test_store_errors_postgres_repr_and_where_hide_the_password(pg_url):
    url = with_password(pg_url, SECRET)  # trust authentication: ignored
    with open_store(url) as store:
        assert SECRET not in repr(store) and SECRET not in store.where
        assert store.where == redacted(url) and ":***@" in store.where


@pytest.fixture(scope="module")
def password_server():
    """A second server that asks for PASSWORD (the session's pg_server trusts everyone)."""
    with running_server(password=PASSWORD) as url:
        yield url + "/postgres"


@pytest.mark.parametrize("given", [SECRET, PASSWORD.upper(), None])
def test_store_errors_postgres_bad_password(password_server, given):
    url = with_password(password_server, given) if given else password_server
    with pytest.raises(StoreError) as info:
        open_store(url)
    err = info.value
    assert err.code == "E400" and err.message.startswith("cannot open database postgresql://postgres")
    assert "password" in err.message
    if given:
        assert "password authentication failed" in err.message
        assert err.details["driver_error"] == "OperationalError"
        assert ":***@" in err.message and given not in str(err) and given not in str(err.to_dict())


def test_store_errors_postgres_right_password_opens_and_is_never_shown(password_server):
    from typer.testing import CliRunner

    from communique.cli import app

    url = with_password(password_server, PASSWORD)
    with open_store(url) as store:
        assert store.stats()["articles"] == 0 and PASSWORD not in repr(store) + store.where
    result = CliRunner().invoke(app, ["stats", "--db", url])
    assert result.exit_code == 0 and result.stdout.startswith("0 articles, ") and PASSWORD not in result.output
    bad = CliRunner().invoke(app, ["keys", "list", "--db", with_password(password_server, SECRET)],
                             env={"COLUMNS": "300"})
    assert bad.exit_code == 2 and "error [E400]: cannot open database postgresql://postgres:***@" in bad.output
    assert SECRET not in bad.output and "Traceback" not in bad.output


@pytest.mark.parametrize("db,shown", [
    ("postgresql://bob:hunter2@db.example:5432/news", "postgresql://bob:***@db.example:5432/news"),
    ("postgres://bob@db.example/news", "postgres://bob@db.example/news"),
    ("postgresql://bob:p@ss@db.example/news", "postgresql://bob:***@db.example/news"),
    ("postgresql://db.example/news?user=bob&password=hunter2&sslmode=require",
     "postgresql://db.example/news?user=bob&password=***&sslmode=require"),
    ("postgresql://bob:one@db.example/news?password=two", "postgresql://bob:***@db.example/news?password=***"),
    ("postgresql://bob:b@b.example/bob?password=o", "postgresql://bob:***@b.example/bob?password=***"),
    ("news.db", "news.db"),
    ("folder/with:colon@x.db", "folder/with:colon@x.db"),
])
def test_store_errors_redacted_url(db, shown):
    assert redacted(db) == shown


@pytest.mark.parametrize("db,message,expected", [
    ("postgresql://bob:hunter2@h/news", "login hunter2 refused for bob", "login *** refused for bob"),
    ("postgresql://bob@h/news", "no password here", "no password here"),
    ("postgresql://h/news?password=hunter2", "bad hunter2", "bad ***"),
    ("news.db", "hunter2", "hunter2"),
])
def test_store_errors_without_secret(db, message, expected):
    assert without_secret(message, db) == expected


@pytest.mark.parametrize("db,is_url", [
    ("postgresql://h/db", True), ("POSTGRES://h/db", True), ("news.db", False),
    (Path("postgresql:/h/db"), False), ("sqlite:///x.db", False),
])
def test_store_errors_is_postgres_url(db, is_url):
    assert is_postgres_url(db) is is_url
