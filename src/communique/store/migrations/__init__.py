"""Numbered schema migrations: ``NNNN_name.sql`` files applied in order, recorded in
the ``schema_migrations`` table. Never edit a released file; add the next number.

Where SQL must differ between backends, one number has a file per dialect instead:
``NNNN_name.sqlite.sql`` and ``NNNN_name.postgresql.sql`` (same version and name)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)(?:\.(sqlite|postgresql))?\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


def split_statements(sql: str) -> tuple[str, ...]:
    """Statements of a migration file (``--`` comments dropped, split on ``;``)."""
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return tuple(s.strip() for s in "\n".join(lines).split(";") if s.strip())


@lru_cache(maxsize=4)
def load_migrations(dialect: str = "sqlite") -> tuple[Migration, ...]:
    found = []
    for entry in resources.files(__name__).iterdir():
        m = _NAME.match(entry.name)
        if m and m.group(3) in (None, dialect):
            found.append(Migration(int(m.group(1)), m.group(2),
                                   split_statements(entry.read_text(encoding="utf-8"))))
    found.sort(key=lambda mig: mig.version)
    versions = [mig.version for mig in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration numbers must be 1..n without gaps, got {versions}")
    return tuple(found)
