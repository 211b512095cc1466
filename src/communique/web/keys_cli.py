"""``communique keys create|revoke|list``: API keys for the REST API, stored hashed in the
database (:mod:`communique.store.keys`). Registered by :mod:`communique.web.cli`."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from ..cli_options import DbOpt, open_db

keys_app = typer.Typer(no_args_is_help=True, help="API keys for writing over HTTP (stored hashed).")

@keys_app.command("create")
def create(name: Annotated[str, typer.Argument(help="Who uses the key (the author of their writes).")],
           db: DbOpt = None,
           rotate: Annotated[bool, typer.Option("--rotate", help="Revoke NAME's active key first.")] = False,
           ) -> None:
    """Create a key for NAME and print it once (only its hash is stored)."""
    from ..store.keys import ApiKeys

    with open_db(db) as store:
        key = ApiKeys(store).create(name, rotate=rotate)
    typer.echo(key)
    typer.echo(f"key for {name!r} created; it is shown only now: keep it secret "
               f"(send it as the X-API-Key header)", err=True)


@keys_app.command("revoke")
def revoke(name: Annotated[str, typer.Argument(help="Whose active key to revoke.")], db: DbOpt = None) -> None:
    """Revoke NAME's active key (it stops working within a few seconds on a running server)."""
    from ..errors import ConfigError
    from ..store.keys import ApiKeys

    with open_db(db) as store:
        n = ApiKeys(store).revoke(name)
    if not n:
        raise ConfigError(f"{name!r} has no active key")
    typer.echo(f"revoked the key of {name!r}")


@keys_app.command("list")
def list_keys(db: DbOpt = None,
              json_out: Annotated[bool, typer.Option("--json", help="JSON lines instead of text.")] = False,
              ) -> None:
    """List keys (names, ids, dates; never the keys themselves)."""
    from ..store.keys import ApiKeys

    with open_db(db) as store:
        rows = ApiKeys(store).list()
    for r in rows:
        if json_out:
            typer.echo(json.dumps(r.to_dict()))
        else:
            state = "active" if r.active else f"revoked {r.revoked_at}"
            typer.echo(f"{r.name}\t{r.id}\tcreated {r.created_at}\t{state}")


def register(app: typer.Typer) -> None:
    app.add_typer(keys_app, name="keys")


__all__ = ["register", "keys_app"]
