"""API keys kept in the store, hashed (``communique keys create/revoke/list``).

A key is ``cq_`` + 32 random bytes (URL-safe base64) from :mod:`secrets`; it is shown once,
when created, and only its SHA-256 hash is stored (a fast hash is enough for random keys
of 256 bits: there is nothing to brute-force). Lookups hash the key given and compare in
the database; a revoked key never matches again. One active key per name: creating a key
for a name that has one refuses unless the old one is revoked (``rotate=True`` does both in
one transaction).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

from ..errors import ConfigError, StoreError

PREFIX = "cq_"
_NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def new_key() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class ApiKeyRow:
    id: str
    name: str
    created_at: str
    revoked_at: str | None
    last_used_at: str | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "created_at": self.created_at,
                "revoked_at": self.revoked_at, "last_used_at": self.last_used_at,
                "active": self.active}


class ApiKeys:
    """The API keys of a store (SQLite or PostgreSQL); its repository turns driver errors
    into :class:`~communique.errors.StoreError`."""

    def __init__(self, store) -> None:
        self.store = store
        self.repo = store.repo

    def _run(self, fn):
        with self.store._lock:
            return fn()

    def create(self, name: str, *, rotate: bool = False) -> str:
        """A new key for ``name``; returns the key (shown once, stored hashed)."""
        if not _NAME.match(name or ""):
            raise ConfigError(f"key name {name!r}: use 1-64 letters, digits, _ . @ -")
        key = new_key()

        def write() -> str:
            with self.repo.transaction():
                active = self.repo._one("SELECT id FROM api_keys WHERE name = ? AND revoked_at IS NULL",
                                        (name,))
                if active and not rotate:
                    raise ConfigError(f"{name!r} has an active key already; revoke it first "
                                      f"(`communique keys revoke {name}`) or create with --rotate")
                if active:
                    self.repo._exec("UPDATE api_keys SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                                    (_now(), name))
                self.repo._exec("INSERT INTO api_keys (id, name, key_hash, created_at) VALUES (?, ?, ?, ?)",
                                (secrets.token_hex(4), name, hash_key(key), _now()))
            return key

        return self._run(write)

    def revoke(self, name: str) -> int:
        """Revoke the active key of ``name``; returns how many keys were revoked (0 or 1)."""
        def write() -> int:
            with self.repo.transaction():
                cur = self.repo._exec("UPDATE api_keys SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                                      (_now(), name))
                return cur.rowcount or 0
        return self._run(write)

    def list(self, *, include_revoked: bool = True) -> list[ApiKeyRow]:
        where = "" if include_revoked else " WHERE revoked_at IS NULL"
        rows = self._run(lambda: self.repo._all(
            "SELECT id, name, created_at, revoked_at, last_used_at FROM api_keys" + where
            + " ORDER BY name, created_at"))
        return [ApiKeyRow(*r) for r in rows]

    def any_active(self) -> bool:
        return bool(self._run(lambda: self.repo._one(
            "SELECT 1 FROM api_keys WHERE revoked_at IS NULL LIMIT 1")))

    def lookup(self, key: str | None) -> str | None:
        """The name of an active key (None: missing, wrong or revoked)."""
        if not key or not key.startswith(PREFIX) or len(key) > 200:
            return None
        row = self._run(lambda: self.repo._one(
            "SELECT name FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL", (hash_key(key),)))
        return row[0] if row else None

    def touch(self, key: str) -> None:
        """Record that ``key`` was used (best effort: a failure is ignored)."""
        try:
            def write() -> None:
                with self.repo.transaction():
                    self.repo._exec("UPDATE api_keys SET last_used_at = ? WHERE key_hash = ?",
                                    (_now(), hash_key(key)))
            self._run(write)
        except StoreError:
            pass


__all__ = ["ApiKeys", "ApiKeyRow", "hash_key", "new_key", "PREFIX"]
