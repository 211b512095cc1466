"""Generate docs/cli.md from the ``--help`` of every communique command.

Run ``python scripts/gen_cli_docs.py`` after changing a command; a test
(tests/test_docs_cli.py) regenerates the text in memory and fails when docs/cli.md is stale.
Help is rendered at a fixed width without colour so the output is deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "cli.md"
HELP_ENV = {"COLUMNS": "100", "LINES": "50", "NO_COLOR": "1", "TERM": "dumb", "FORCE_COLOR": None,
            "PY_COLORS": None, "GITHUB_ACTIONS": None}

HEADER = """# CLI reference

Generated from `--help` by `python scripts/gen_cli_docs.py`; do not edit by hand
(a test checks that this file matches the commands).

User errors print one red line, `error [CODE]: message`, on stderr and exit with status 2.
"""


def _commands(group, path=()):
    """(path, command) for the group and every subcommand, depth first, in help order."""
    import click as _click  # noqa: F401  (typer's click or click itself, only for isinstance below)

    yield path, group
    commands = getattr(group, "commands", None)
    if not commands:
        return
    ctx_names = group.list_commands(None) if hasattr(group, "list_commands") else sorted(commands)
    for name in ctx_names:
        cmd = commands[name]
        if getattr(cmd, "hidden", False):
            continue
        yield from _commands(cmd, (*path, name))


def help_text(args: list[str]) -> str:
    from typer.testing import CliRunner

    from communique.cli import app

    result = CliRunner().invoke(app, [*args, "--help"], env=HELP_ENV, prog_name="communique")
    if result.exit_code != 0:
        raise RuntimeError(f"communique {' '.join(args)} --help failed: {result.output}")
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def render() -> str:
    import typer

    from communique.cli import app

    root = typer.main.get_command(app)
    parts = [HEADER]
    for path, _cmd in _commands(root):
        title = " ".join(("communique", *path))
        parts.append(f"## `{title}`\n\n```text\n{help_text(list(path))}\n```\n")
    return "\n".join(parts)


def main() -> int:
    text = render()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
