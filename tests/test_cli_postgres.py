"""The real command line on a real PostgreSQL server: every command that opens a store
takes ``--db postgresql://...`` (one option, tests/pg_cluster.py's server), gives the same
records as on an SQLite file, resolves COMMUNIQUE_DB, and never prints a URL's password."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pg_cluster import free_port, temporary_database, with_password
from typer.testing import CliRunner

from communique.cli import app

SEED = Path(__file__).parent / "fixtures" / "seed_article.txt"
ENV = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
SECRET = "pw-s3cret"  # the test server trusts local connections: the password is ignored
BATCH = [
    {"id": "b1", "text": "Police arrested ten protesters in Paris on Tuesday, officials said.",
     "published": "2022-01-18", "source": "Daily", "url": "https://daily.example/b1"},
    {"id": "b2", "text": "The foreign minister said on Monday that talks would continue in Geneva.",
     "published": "2022-01-17", "source": "Wire", "url": "https://wire.example/b2"},
]


def run(*args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(app, list(args), env={**ENV, **(env or {})})
    assert SECRET not in result.output, result.output
    return result


def ok(*args: str, env: dict[str, str] | None = None) -> str:
    result = run(*args, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def pg_db(pg_server, pipeline):
    """A PostgreSQL database (URL with a password) holding the seed article, ingested by the CLI."""
    with temporary_database(pg_server) as base:
        url = with_password(base, SECRET)
        out = ok("ingest", str(SEED), "--db", url, "--published", "2022-01-21")
        yield url, out


@pytest.fixture(scope="module")
def lite_db(tmp_path_factory, pipeline):
    """The same article ingested into an SQLite file."""
    db = str(tmp_path_factory.mktemp("cli-pg") / "seed.db")
    ok("ingest", str(SEED), "--db", db, "--published", "2022-01-21")
    return db


def test_cli_postgres_ingest_reports_the_redacted_database(pg_db):
    url, out = pg_db
    assert "1 new articles stored" in out
    assert f"{url.replace(SECRET, '***')}: 1 articles in 1 stories" in out
    again = ok("ingest", str(SEED), "--db", url, "--published", "2022-01-21")
    assert "0 new articles stored" in again and "1 already stored" in again


@pytest.mark.parametrize("command,names", [
    ("quotes", lambda r: [r["speaker_name"]]),
    ("events", lambda r: r["actor_names"] + r["recipient_names"]),
    ("actors", lambda r: [r["name"]]),
])
def test_cli_postgres_lists_records(pg_db, command, names):
    url, _ = pg_db
    rows = json.loads(ok(command, "--db", url, "--format", "json"))
    assert len(rows) > 1
    assert {"Sergey Lavrov", "Antony Blinken"} <= {n for r in rows for n in names(r)}
    if command != "actors":
        assert {(r["published"], r["story_articles"]) for r in rows} == {("2022-01-21", 1)}


@pytest.mark.parametrize("command", ["quotes", "events", "actors"])
def test_cli_postgres_same_records_as_sqlite(pg_db, lite_db, command):
    url, _ = pg_db
    assert json.loads(ok(command, "--db", url, "--format", "json")) == \
        json.loads(ok(command, "--db", lite_db, "--format", "json"))


def test_cli_postgres_quotes_filter_by_actor(pg_db):
    url, _ = pg_db
    rows = json.loads(ok("quotes", "--db", url, "--actor", "Lavrov", "--format", "json"))
    everyone = json.loads(ok("quotes", "--db", url, "--format", "json"))
    assert rows and all("Lavrov" in r["speaker_name"] for r in rows)
    assert len(rows) == sum("Lavrov" in (r["speaker_name"] or "") for r in everyone) < len(everyone)


def test_cli_postgres_stats_from_option_and_from_the_environment(pg_db, lite_db):
    url, _ = pg_db
    by_option = ok("stats", "--db", url)
    assert by_option.startswith("1 articles, ") and " quotes, " in by_option
    assert ok("stats", env={"COMMUNIQUE_DB": url}) == by_option  # setting db from the environment
    assert ok("stats", "--db", url, env={"COMMUNIQUE_DB": lite_db}) == by_option  # the option wins


def test_cli_postgres_review_confirm_then_list(pg_db):
    url, _ = pg_db
    quote = json.loads(ok("quotes", "--db", url, "--format", "json"))[0]
    record = f"{quote['article_id']}:q{quote['index']}"
    made = json.loads(ok("review", "confirm", record, "--db", url, "--author", "tester"))
    assert made["action"] == "confirm" and made["author"] == "tester"
    listed = [json.loads(line) for line in ok("review", "list", "--db", url, "--json").splitlines()]
    assert [(r["id"], r["status"]) for r in listed] == [(made["id"], "attached")]
    reviewed = json.loads(ok("quotes", "--db", url, "--format", "json"))
    assert {r["review"] for r in reviewed if r["index"] == quote["index"]} == {"confirmed"}


def test_cli_postgres_keys_create_list_revoke(pg_db):
    url, _ = pg_db
    key = ok("keys", "create", "alice", "--db", url).strip().splitlines()[0]
    assert key.startswith("cq_")
    listed = [json.loads(line) for line in ok("keys", "list", "--db", url, "--json").splitlines()]
    assert [(r["name"], r["active"]) for r in listed] == [("alice", True)]
    assert "revoked the key of 'alice'" in ok("keys", "revoke", "alice", "--db", url)
    again = run("keys", "revoke", "alice", "--db", url)
    assert again.exit_code == 2 and "has no active key" in again.output


def test_cli_postgres_actors_show(pg_db):
    url, _ = pg_db
    found = json.loads(ok("actors", "show", "Lavrov", "--db", url, "--json"))
    assert found and "Lavrov" in found[0]["name"]


def test_cli_postgres_batch_then_load(pg_url, tmp_path, pipeline):
    url = with_password(pg_url, SECRET)
    src, out = tmp_path / "in.jsonl", tmp_path / "out"
    src.write_text("\n".join(json.dumps(r) for r in BATCH) + "\n", encoding="utf-8")
    ok("batch", str(src), "--out", str(out), "--workers", "0")
    loaded = ok("load", str(out), "--db", url)
    assert "2 new articles loaded" in loaded
    assert f"{url.replace(SECRET, '***')}: 2 articles" in loaded
    assert "0 new articles loaded" in ok("load", str(out), "--db", url)
    assert ok("stats", "--db", url).startswith("2 articles, ")


@pytest.mark.parametrize("command", [("stats",), ("quotes",), ("keys", "list"), ("review", "list"),
                                     ("actors", "show", "x"), ("load", "."), ("ingest", str(SEED))])
def test_cli_postgres_unreachable_server_is_one_line_without_password(command):
    url = f"postgresql://postgres:{SECRET}@127.0.0.1:{free_port()}/news"
    result = run(*command, "--db", url)
    assert result.exit_code == 2, result.output
    assert "error [E400]: cannot open database postgresql://postgres:***@127.0.0.1:" in result.output
    assert "Traceback" not in result.output


def test_cli_postgres_every_db_option_takes_a_url():
    """No command keeps a --db of its own that would turn the URL into a path."""
    import click
    import typer.main

    group = typer.main.get_command(app)
    found = []

    def walk(cmd: click.Command, path: tuple[str, ...]) -> None:
        for p in cmd.params:
            if "--db" in p.opts:
                found.append((path, p.metavar))
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, path + (name,))

    walk(group, ())
    names = {" ".join(path) for path, _ in found}
    assert {"ingest", "quotes", "events", "actors", "stats", "serve", "load", "keys create",
            "review confirm", "actors import", "actors show"} <= names, names
    assert {metavar for _, metavar in found} == {"FILE|URL"}
