"""docs/cli.md is generated from --help and must match the commands (it cannot drift)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_cli_reference_is_up_to_date():
    expected = _generator().render()
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == expected, (
        "docs/cli.md is out of date with the CLI: run python scripts/gen_cli_docs.py")


def test_docs_cli_reference_covers_every_command():
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in ("analyze", "ingest", "quotes", "events", "actors", "eval"):
        assert f"## `communique {command}`" in text


def test_docs_output_contract_names_every_field():
    import json

    from communique.schema import analysis_schema

    doc = (ROOT / "docs" / "output-contract.md").read_text(encoding="utf-8")
    schema = analysis_schema()
    names = set(schema["properties"])
    for d in schema["$defs"].values():
        names |= set(d.get("properties", {}))
    missing = sorted(n for n in names if f"`{n}`" not in doc)
    assert not missing, f"docs/output-contract.md does not describe {missing}"
    assert "analysis.schema.json" in doc
    json.dumps(schema)
