"""``SQLiteStore``: the store of analyses in an SQLite file (WAL mode, foreign keys, migrations)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import StoreError
from .base import BaseStore
from .dialect import SQLITE
from .driver_errors import DriverErrors


class SQLiteStore(BaseStore):
    """A store in an SQLite database file (``":memory:"``: in memory)."""

    def __init__(self, path: str | Path = "communique.db") -> None:
        self.path = Path(path)
        if str(path) != ":memory:" and not self.path.parent.exists():
            raise StoreError(f"cannot create database {path}: folder {self.path.parent} does not exist",
                             db=str(path))
        errors = DriverErrors(types=(sqlite3.Error,), db=str(path),
                              hint=lambda: _why_not_writable(self.path))
        # autocommit mode: the repository opens every write transaction explicitly
        self._open(lambda: sqlite3.connect(str(path), isolation_level=None, check_same_thread=False),
                   SQLITE, errors)


def _why_not_writable(path: Path) -> str:
    """A hint when the database file or its folder cannot be written (read-only file system,
    permissions, full disk): SQLite's own messages do not say which."""
    if str(path) == ":memory:":
        return ""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return " (the file system is read-only)"
        if path.exists() and not os.access(path, os.W_OK):
            return " (the database file is read-only)"
        if not os.access(folder, os.W_OK):
            return " (its folder is not writable: SQLite needs it for the -wal and -shm files)"
        stat = os.statvfs(folder)
        if stat.f_bavail * stat.f_frsize < 1 << 20:
            return " (the disk is full)"
    except OSError:
        return ""
    return ""


__all__ = ["SQLiteStore"]
