"""``open_store``: the one way to open a store, from an SQLite file path or a PostgreSQL URL."""

from __future__ import annotations

from pathlib import Path

from .base import BaseStore
from .location import is_postgres_url


def open_store(db: str | Path = "communique.db") -> BaseStore:
    """The store at ``db``: a :class:`~communique.store.postgres.PostgresStore` for a
    ``postgresql://`` (or ``postgres://``) URL, else a
    :class:`~communique.store.sqlite.SQLiteStore` on the file (created and migrated if new).
    Raises :class:`~communique.errors.StoreError` when it cannot be opened."""
    if is_postgres_url(db):
        from .postgres import PostgresStore

        return PostgresStore(str(db))
    from .sqlite import SQLiteStore

    return SQLiteStore(db)


def Store(db: str | Path = "communique.db") -> BaseStore:  # noqa: N802 - the documented entry point
    """``communique.Store(db)``: the same as :func:`open_store` (kept for the Python API)."""
    return open_store(db)


__all__ = ["open_store", "Store"]
