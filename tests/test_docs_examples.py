"""Every example in README.md and docs/*.md is what this version prints.

scripts/gen_doc_examples.py regenerates the marked example blocks; here it runs in check mode
(a separate process, so that no setting or cached pipeline of another test leaks in) and the
test fails listing the stale blocks. The pure parts of the generator are tested on their own.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "gen_doc_examples.py"


def _generator():
    spec = importlib.util.spec_from_file_location("gen_doc_examples", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


gen = _generator()

TABLE = """Events
┏━━━┳━━━━━━┓
┃ # ┃ Type ┃
┡━━━╇━━━━━━┩
│ 1 │ A    │
│   │ a    │
│ 2 │ B    │
│ 3 │ C    │
└───┴──────┘
Quotes
┏━━━┳━━━━━━┓
┃ # ┃ Who  ┃
┡━━━╇━━━━━━┩
│ 1 │ X    │
│ 2 │ Y    │
└───┴──────┘"""


@pytest.mark.parametrize(("command", "parts"), [
    ("communique quotes --db news.db", ["communique quotes --db news.db"]),
    ("communique analyze a.txt | jq '.quotes[] | select(.kind == \"direct\")'",
     ["communique analyze a.txt", "jq '.quotes[] | select(.kind == \"direct\")'"]),
    ('communique events --search "a | b" | head -3', ['communique events --search "a | b"', "head -3"]),
])
def test_docs_examples_split_pipeline_outside_quotes(command, parts):
    assert gen.split_pipeline(command) == parts


@pytest.mark.parametrize(("counts", "kept", "cut"), [
    (["1", "*"], ["│ 1 │ A    │", "│   │ a    │", "│ 1 │ X    │", "│ 2 │ Y    │"], ["│ 2 │ B    │", "│ 3 │ C    │"]),
    (["*", "1"], ["│ 3 │ C    │", "│ 1 │ X    │"], ["│ 2 │ Y    │"]),
    (["2"], ["│ 2 │ B    │", "│ 2 │ Y    │"], ["│ 3 │ C    │"]),
])
def test_docs_examples_keep_rows_cuts_each_table(counts, kept, cut):
    lines = gen.keep_rows(TABLE, counts).split("\n")
    for line in kept:
        assert line in lines
    for line in cut:
        assert line not in lines
    assert ("│ … │ …    │" in lines) == any(c != "*" for c in counts)
    assert sum(line.startswith("└") for line in lines) == 2


@pytest.mark.parametrize(("n", "expected"), [(2, "a\nb\n…\n"), (3, "a\nb\nc\n"), (5, "a\nb\nc\n")])
def test_docs_examples_keep_lines(n, expected):
    assert gen.keep_lines("a\nb\nc\n", n) == expected


@pytest.mark.parametrize(("out", "nothing"), [
    ("", True), ("[]\n", True), ("Quotes\n┏━┓\n0 quotes from 0 stories\n", True),
    ("Quotes\n┏━┓\n2 quotes from 1 stories\n", False), ('[{"id": 1}]', False),
    ("5 articles, 47 actors, 0 skips\n", False),
])
def test_docs_examples_returns_nothing(out, nothing):
    assert gen.returns_nothing(out) is nothing


@pytest.mark.parametrize(("block", "stale"), [
    ("```console\n$ communique stats --db empty.db\nold output\n```", True),
    ("```console\n$ communique stats --db empty.db\n0 articles, 0 actors, 0 quotes, 0 events, 0 places, "
     "0 dates, 0 skips\n```", False),
])
def test_docs_examples_render_marks_stale_blocks(tmp_path, monkeypatch, block, stale):
    import communique

    with communique.Store(str(tmp_path / "empty.db")):
        pass  # a new, migrated, empty SQLite store
    monkeypatch.chdir(tmp_path)
    for key, value in gen.ENV.items():
        monkeypatch.setenv(key, value)
    doc = f"# Title\n\n<!-- example: communique stats --db empty.db -->\n{block}\n\nprose\n"
    new, blocks = gen.render_doc(gen.Workspace(tmp_path), "doc.md", doc)
    assert [b.line for b in blocks] == [3]
    assert blocks[0].stale is stale
    assert new.startswith("# Title\n\n<!-- example: communique stats --db empty.db -->\n```console\n")
    assert new.endswith("```\n\nprose\n")
    assert gen.render_doc(gen.Workspace(tmp_path), "doc.md", new)[1][0].stale is False


@pytest.mark.parametrize("doc", [
    "<!-- example: communique stats --db empty.db -->\nno block here\n",
    "<!-- example: communique stats --db empty.db -->\n```console\nnever closed\n",
    "<!-- example: ls -la -->\n```console\n```\n",
])
def test_docs_examples_render_refuses_bad_markers(tmp_path, monkeypatch, doc):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(gen.ExampleError, match=r"doc\.md:1"):
        gen.render_doc(gen.Workspace(tmp_path), "doc.md", doc)


def test_docs_examples_run_block_skips_network_and_server_lines(tmp_path):
    ws = gen.Workspace(tmp_path)
    doc = ("<!-- example-run -->\n```sh\ncommunique serve --db news.db   # server\n"
           "curl -s https://example.org/a | communique analyze -\nmake demo\n```\n")
    new, blocks = gen.render_doc(ws, "doc.md", doc)
    assert new == doc and not blocks[0].stale
    assert [why.rsplit("(", 1)[1] for _, why in ws.skipped] == ["needs a server)", "needs a network)", "installs)"]


@pytest.mark.model
def test_docs_examples_every_doc_example_is_current():
    done = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, check=False)
    assert done.returncode == 0, (
        "doc examples are not what this version prints; run python scripts/gen_doc_examples.py "
        f"(make docs) and review the diff:\n{done.stdout}{done.stderr}")
    assert " example blocks, " in done.stdout and not done.stdout.startswith("0 example blocks")
