"""The command line end to end: analyze, ingest, quotes, events, actors, stats, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique import Store, __version__
from communique.cli import app

SEED = Path(__file__).parent / "fixtures" / "seed_article.txt"
EXAMPLES = Path(str(resources.files("communique") / "data" / "examples" / "examples.jsonl"))
ENV = {"COLUMNS": "160", "NO_COLOR": "1", "TERM": "dumb"}


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(app, list(args), input=input, env=ENV)


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory, pipeline):
    db = tmp_path_factory.mktemp("cli") / "examples.db"
    result = run("ingest", str(EXAMPLES), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db, result


def test_cli_commands_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"communique {__version__}"


def test_cli_commands_analyze_table_shows_speakers_and_events(pipeline):
    result = run("analyze", str(SEED), "--format", "table", "--published", "2022-01-21")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Quotes" in out and "Events" in out and "Speaker" in out
    assert "Lavrov" in out and "Blinken" in out
    assert "published 2022-01-21" in out


def test_cli_commands_analyze_many_is_jsonl(tmp_path, pipeline):
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Lavrov met Blinken in Geneva on Friday.")
    two.write_text("\"We will respond,\" Lavrov said.")
    result = run("analyze", str(one), str(two), "--format", "json")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["text"] for line in lines] == [one.read_text(), two.read_text()]


def test_cli_commands_analyze_reads_stdin(pipeline):
    result = run("analyze", "-", "--format", "jsonl", "--published", "2022-01-21",
                 input="Lavrov said the talks were useful.")
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert d["text"] == "Lavrov said the talks were useful." and d["published"] == "2022-01-21"


def test_cli_commands_analyze_warns_about_skips_but_goes_on(tmp_path, pipeline):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"junk \xc3\x28 junk")  # invalid UTF-8 (\xff\xfe would be a UTF-16 BOM)
    result = run("analyze", str(SEED), str(bad), "--format", "jsonl")
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 1
    assert "not valid UTF-8" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["analyze", "does-not-exist.txt"], "[E200]"),
    (["analyze", "pyproject.toml"], "[E201]"),
    (["analyze", "tests/fixtures/seed_article.txt", "--published", "21/01/2022"], "--published: not a date"),
    (["quotes", "--db", "no-such.db"], "database not found"),
    (["events", "--db", "no-such.db", "--since", "soon"], "--since: not a date"),
])
def test_cli_commands_user_errors_are_one_red_line_and_exit_2(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("error [E")


def test_cli_commands_ingest_stores_examples(examples_db):
    db, result = examples_db
    assert "5 new articles stored" in result.stdout
    assert "articles/s" in result.stdout
    with Store(db) as store:
        stats = store.stats()
    assert stats["articles"] == 5 and stats["quotes"] > 5 and stats["events"] > 5


def test_cli_commands_ingest_rerun_changes_nothing(examples_db):
    db, _ = examples_db
    with Store(db) as store:
        before = store.stats()
    result = run("ingest", str(EXAMPLES), "--db", str(db))
    assert result.exit_code == 0
    assert "0 new articles stored" in result.stdout and "5 already stored" in result.stdout
    with Store(db) as store:
        assert store.stats() == before


def test_cli_commands_ingest_records_skips_and_goes_on(tmp_path, pipeline):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Lavrov met Blinken in Geneva on Friday.")
    (src / "bad.txt").write_bytes(b"\xc3\x28")  # invalid UTF-8
    (src / "batch.jsonl").write_text('{"text": "Russia denied it would attack Ukraine."}\n{oops\n')
    db = tmp_path / "x.db"
    result = run("ingest", str(src), "--db", str(db), "--published", "2022-01-21", "--batch-size", "1")
    assert result.exit_code == 0, result.output
    assert "2 new articles stored" in result.stdout and "2 skipped" in result.stdout
    with Store(db) as store:
        skips = store.skips()
        assert sorted(s["code"] for s in skips) == ["E200", "E203"]
        assert any(s["line"] == 2 and "invalid JSON" in s["reason"] for s in skips)
        assert {a.published.isoformat() for a in store.articles()} == {"2022-01-21"}
    listed = run("stats", "--db", str(db), "--skips")
    assert "2 articles" in listed.stdout and "invalid JSON" in listed.stdout


def test_cli_commands_quotes_table_and_filters(examples_db):
    db, _ = examples_db
    table = run("quotes", "--db", str(db))
    assert table.exit_code == 0 and "Speaker" in table.stdout and "Lavrov" in table.stdout
    rows = json.loads(run("quotes", "--db", str(db), "--format", "json", "--actor", "Lavrov").stdout)
    assert rows and all("Lavrov" in (r["speaker_name"] or "") or "Lavrov" in (r["speaker"] or {}).get("text", "")
                        for r in rows)
    assert all(r["article_id"] for r in rows)
    none = json.loads(run("quotes", "--db", str(db), "--format", "json", "--until", "2000-01-01").stdout)
    assert none == []
    limited = run("quotes", "--db", str(db), "--format", "jsonl", "--limit", "2").stdout.strip().splitlines()
    assert len(limited) == 2


def test_cli_commands_events_table_and_filters(examples_db):
    db, _ = examples_db
    table = run("events", "--db", str(db))
    assert table.exit_code == 0 and "Type" in table.stdout and "Actor" in table.stdout
    rows = json.loads(run("events", "--db", str(db), "--format", "json").stdout)
    types = {r["type"] for r in rows}
    assert types
    some = sorted(types)[0]
    only = json.loads(run("events", "--db", str(db), "--format", "json", "--type", some.lower()).stdout)
    assert only and {r["type"] for r in only} == {some}
    since = json.loads(run("events", "--db", str(db), "--format", "json", "--since", "2023-01-01").stdout)
    assert since and all(r["date"] >= "2023-01-01" for r in since)


def test_cli_commands_actors_lists_across_articles(examples_db):
    db, _ = examples_db
    rows = json.loads(run("actors", "--db", str(db), "--format", "json").stdout)
    assert rows and all(r["mentions"] >= 1 and r["article_ids"] for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)
    assert "Actors" in run("actors", "--db", str(db)).stdout


def test_cli_commands_console_script_runs():
    exe = Path(sys.executable).with_name("communique")
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    proc = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == f"communique {__version__}"


def test_cli_commands_db_defaults_to_the_db_setting(examples_db):
    db, _ = examples_db
    result = CliRunner().invoke(app, ["stats"], env={**ENV, "COMMUNIQUE_DB": str(db)})
    assert result.exit_code == 0 and "5 articles" in result.stdout


def test_cli_commands_broken_plugin_is_left_out_and_core_keeps_working(caplog):
    import typer

    from communique import cli

    commands, groups = list(cli.app.registered_commands), list(cli.app.registered_groups)
    broken = typer.Typer()

    @broken.command("oops")
    def oops(x: "NoSuchType" = None) -> None:  # noqa: F821 - the annotation cannot be resolved
        """Broken."""

    cli.app.add_typer(broken, name="broken")
    cli._drop_broken("tests.broken_plugin", commands, groups)
    assert cli.app.registered_commands == commands and cli.app.registered_groups == groups
    assert "tests.broken_plugin left out" in caplog.text
    assert run("--version").exit_code == 0
