"""`communique batch` and `communique load` on the command line (in-process: --workers 0)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from communique.cli import app
from communique.store import Store

RECORDS = [
    {"id": "a1", "text": "The foreign minister said on Monday that talks would continue in Geneva.",
     "published": "2022-01-17", "source": "Wire", "url": "https://wire.example/a1"},
    {"id": "a2", "text": "Police arrested ten protesters in Paris on Tuesday, officials said.",
     "published": "2022-01-18", "source": "Daily", "url": "https://daily.example/a2"},
    {"id": "a3", "text": "Far too long. " * 30, "published": "2022-01-18"},
]


def test_batch_cli_batch_then_load_twice(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_MAX_CHARS", "200")  # the third record is too long: recorded
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n{broken\n", encoding="utf-8")
    out, db = tmp_path / "out", tmp_path / "c.db"
    runner = CliRunner()
    res = runner.invoke(app, ["batch", str(src), "--out", str(out), "--workers", "0",
                              "--partition-size", "2"])
    assert res.exit_code == 0, res.output
    assert "2 articles in 2 partitions" in res.output and "1 failed documents" in res.output
    assert "1 skipped inputs" in res.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["totals"]["articles"] == 2 and manifest["cluster"]["mode"] == "in-process"
    monkeypatch.delenv("COMMUNIQUE_MAX_CHARS")
    res = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "2 new articles loaded" in res.output
    res = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert "0 new articles loaded" in res.output and "2 already stored" in res.output
    with Store(db) as store:
        assert store.stats()["articles"] == 2
        assert {"a1", "a2"} <= store.existing(["a1", "a2", "a3"])


def test_batch_cli_load_refuses_non_batch_folder(tmp_path):
    res = CliRunner().invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "c.db")])
    assert res.exit_code == 2 and "not a communique batch output" in res.output
