"""``communique actors import`` and ``communique actors show``: user actor dictionaries
loaded into the store's persistent registry, and one registry entry with its aliases,
dated roles and article count. Thin commands over :mod:`communique.kb.dictionaries` and
:mod:`communique.store.registry`; ``register(actors_app)`` is called by ``communique.cli``."""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..cli_options import DbOpt, open_db


class DictionaryFormat(str, enum.Enum):
    auto = "auto"
    csv = "csv"
    yaml = "yaml"
    petrarch = "petrarch"


def _role_text(role: dict[str, Any]) -> str:
    when = ""
    if role.get("start") or role.get("end"):
        when = f" ({role.get('start') or '…'} – {role.get('end') or '…'})"
    return f"{role['role']}{when}"


def register(actors_app: typer.Typer) -> None:
    @actors_app.command("import")
    def import_(
        files: Annotated[list[Path], typer.Argument(
            metavar="FILE...", help="Actor dictionaries: CSV, YAML or PETRARCH/CAMEO .actors.txt.",
            exists=False, dir_okay=False, show_default=False)],
        db: DbOpt = None,
        format: Annotated[DictionaryFormat, typer.Option(
            "--format", help="Dictionary format; auto: .csv, .yaml/.yml, anything else PETRARCH.")
        ] = DictionaryFormat.auto,
    ) -> None:
        """Load actor dictionaries into the database's actor registry (names, aliases, dated roles).

        Later `communique ingest` and `communique serve` runs on this database resolve the
        actors with these entries: spelling variants join one actor, date-restricted codes
        such as [RUSGOV >080508] give the role held on the article's publication date.
        Importing a file again changes nothing; entries that cannot be read are reported
        with their line numbers and left out.
        """
        from ..cli import _stderr, _stdout
        from ..store.registry import ImportCounts
        from .dictionaries import load_dictionary

        loaded: list[tuple[Path, list, list]] = []
        for path in files:  # read every file before writing anything
            problems: list[tuple[int, str]] = []
            records = load_dictionary(path, format.value, problems)
            loaded.append((path, records, problems))
        err, out = _stderr(), _stdout()
        total = ImportCounts()
        with open_db(db) as store:
            for path, records, problems in loaded:
                counts = store.import_actors(records)
                total.add(counts)
                out.print(Text(
                    f"{path.name}: {counts.actors} actors ({counts.new_actors} new), {counts.aliases} "
                    f"aliases ({counts.new_aliases} new), {counts.dated_roles} dated roles"
                    + (f"; {len(problems)} bad lines" if problems else "")))
                for line, message in problems:
                    err.print(Text(f"{path}:{line}: {message} (left out)", style="yellow"))
                for alias, old, new in counts.taken_over:
                    err.print(Text(f"{path}: alias {alias!r} moved from actor {old} to {new}", style="yellow"))
            totals = store.registry_counts()
        out.print(Text(f"{total.actors} actors, {total.aliases} aliases, {total.dated_roles} dated roles "
                       f"imported; the registry holds {totals['actor_registry']} actors, "
                       f"{totals['actor_aliases']} names and aliases, {totals['actor_roles']} roles",
                       style="bold"))

    @actors_app.command("show")
    def show(
        name: Annotated[str, typer.Argument(help="Actor id, canonical name, alias or part of one.",
                                            show_default=False)],
        db: DbOpt = None,
        json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Show an actor of the registry: canonical name, aliases, roles with dates, articles."""
        from ..cli import _stdout
        from ..errors import InputError

        with open_db(db, existing=True) as store:
            found = store.find_actor(name)
        if not found:
            raise InputError(f"no actor named {name!r} in the registry or the stored articles")
        if json_out:
            typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
            return
        out = _stdout()
        for d in found:
            table = Table(title=escape(d["name"]), title_justify="left", show_header=False)
            table.add_column("field", style="bold")
            table.add_column("value")
            table.add_row("Id", d["id"])
            table.add_row("Kind", d.get("kind") or "")
            table.add_row("Country / sector", f"{d.get('country') or '—'} / {d.get('sector') or '—'}")
            table.add_row("Aliases", escape(", ".join(d.get("aliases") or ()) or "—"))
            table.add_row("Roles", escape("; ".join(_role_text(r) for r in d.get("roles") or ()) or "—"))
            table.add_row("Articles", f"{d.get('articles', 0)} ({d.get('mentions', 0)} mentions)")
            table.add_row("Source", escape(d.get("source") or "analysed articles"))
            out.print(table)
