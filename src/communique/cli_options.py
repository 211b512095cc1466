"""The ``--db`` option, defined once for every command that opens a store.

It takes an SQLite file path or a PostgreSQL URL (``postgresql://user@host:5432/dbname``).
Resolution: the option, else the ``db`` setting (config file, ``COMMUNIQUE_DB``), else
``communique.db``. Messages show the database with a URL's password redacted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from .store import BaseStore

DbOpt = Annotated[Optional[str], typer.Option(
    "--db", metavar="FILE|URL", show_default=False,
    help="SQLite database file or postgresql://user@host:port/dbname URL "
         "(default: setting db, env COMMUNIQUE_DB, else communique.db).")]


def resolve_db(db: str | None) -> str:
    """The database to use: ``db`` if given, else the ``db`` setting."""
    from .config import Settings

    return db if db else Settings.load().db


def shown_db(db: str) -> str:
    """``db`` as messages show it (a URL's password redacted)."""
    from .store.location import redacted

    return redacted(db)


def open_db(db: str | None, *, existing: bool = False) -> BaseStore:
    """The store of ``--db`` (resolved). With ``existing``, a missing SQLite file is a
    :class:`~communique.errors.StoreError` instead of a new empty database."""
    from pathlib import Path

    from .errors import StoreError
    from .store import is_postgres_url, open_store

    where = resolve_db(db)
    if existing and not is_postgres_url(where) and where != ":memory:" and not Path(where).exists():
        raise StoreError(f"database not found: {where} (create it with `communique ingest PATH --db {where}`)",
                         db=where)
    return open_store(where)


__all__ = ["DbOpt", "resolve_db", "shown_db", "open_db"]
