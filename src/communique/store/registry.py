"""The persistent actor registry (migration 0008): a mixin of ``Repository`` (the SQL) and
one of ``Store`` (locking, the public methods).

Entries are :class:`~communique.kb.registry.PersonRecord`\\ s keyed by the actor id
extraction gives the same actor, so the registry joins the ``actors`` rows of analysed
articles on id. Aliases are unique by their normalised form (an alias names one actor:
a later user import takes it over). Roles are unique by (role, start, end): importing a
file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..kb.names import normalize_name
from ..kb.registry import PersonRecord, RoleRecord
from .sql_base import SQLMixin, StoreMixin

if TYPE_CHECKING:
    from .rows import ActorRow

BUILTIN = "builtin"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


@dataclass
class ImportCounts:
    """What one :meth:`RegistryQueries.upsert_registry` call wrote."""

    actors: int = 0  # entries written (new or updated)
    new_actors: int = 0
    aliases: int = 0  # aliases (spelling variants) of those entries, the canonical names not counted
    new_aliases: int = 0
    dated_roles: int = 0  # roles with a start or an end date
    roles: int = 0
    taken_over: list[tuple[str, str, str]] = field(default_factory=list)  # (alias, from id, to id)

    def add(self, other: ImportCounts) -> None:
        for name in ("actors", "new_actors", "aliases", "new_aliases", "dated_roles", "roles"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.taken_over += other.taken_over


class RegistryQueries(SQLMixin):
    """Registry SQL (a mixin of :class:`~communique.store.repository.Repository`)."""

    def upsert_registry(self, records: Iterable[PersonRecord], *, keep_existing: bool = False) -> ImportCounts:
        """Insert or update registry entries with their aliases and roles (idempotent).

        A user import (the default) updates an entry that exists and takes over aliases
        that named another actor; ``keep_existing`` (the built-in records) only adds
        what is missing, so it never undoes a user's entry."""
        counts = ImportCounts()
        now = _now()
        for rec in records:
            aid = rec.id
            existed = self._one("SELECT source FROM actor_registry WHERE id = ?", (aid,))
            if existed and keep_existing:
                continue
            if existed is None:
                self._exec("INSERT INTO actor_registry (id, name, kind, country, sector, gender, source, "
                           "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           (aid, rec.name, rec.kind, rec.country, rec.sector, rec.gender, rec.source, now))
                counts.new_actors += 1
            else:
                self._exec("UPDATE actor_registry SET name = ?, kind = ?, country = COALESCE(?, country), "
                           "sector = COALESCE(?, sector), gender = COALESCE(?, gender), source = ?, "
                           "updated_at = ? WHERE id = ?",
                           (rec.name, rec.kind, rec.country, rec.sector, rec.gender, rec.source, now, aid))
            counts.actors += 1
            name_key = normalize_name(rec.name)
            keys: dict[str, str] = {}
            for alias in (rec.name, *rec.aliases):
                key = normalize_name(alias)
                if key:
                    keys.setdefault(key, alias)
            for key, alias in keys.items():
                row = self._one("SELECT actor_id FROM actor_aliases WHERE alias_key = ?", (key,))
                if row is None:
                    self._exec("INSERT INTO actor_aliases (alias_key, alias, actor_id) VALUES (?, ?, ?)",
                               (key, alias, aid))
                    counts.new_aliases += key != name_key
                elif row[0] != aid and not keep_existing:
                    self._exec("UPDATE actor_aliases SET alias = ?, actor_id = ? WHERE alias_key = ?",
                               (alias, aid, key))
                    counts.taken_over.append((alias, row[0], aid))
                counts.aliases += key != name_key
            for role in rec.roles:
                self._exec("INSERT INTO actor_roles (actor_id, role, start_date, end_date, code, country, "
                           "organization, sector) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (actor_id, role, start_date, end_date) DO UPDATE SET "
                           "code = excluded.code, country = excluded.country, "
                           "organization = excluded.organization, sector = excluded.sector",
                           (aid, role.role, _day(role.start), _day(role.end), role.code, role.country,
                            role.organization, role.sector))
                counts.roles += 1
                counts.dated_roles += bool(role.start or role.end)
        return counts

    def _registry_records(self, ids: Sequence[str]) -> dict[str, PersonRecord]:
        """``id -> PersonRecord`` of the registry entries among ``ids`` (aliases, roles)."""
        rows = self._all_in("SELECT id, name, kind, country, sector, gender, source FROM actor_registry "
                            "WHERE id IN ({marks})", ids)
        aliases: dict[str, list[str]] = {}
        for actor_id, alias, key in self._all_in(
                "SELECT actor_id, alias, alias_key FROM actor_aliases WHERE actor_id IN ({marks}) "
                "ORDER BY actor_id, alias_key", ids):
            aliases.setdefault(actor_id, []).append(alias)
        roles: dict[str, list[RoleRecord]] = {}
        for r in self._all_in(
                "SELECT actor_id, role, start_date, end_date, code, country, organization, sector "
                "FROM actor_roles WHERE actor_id IN ({marks}) ORDER BY actor_id, start_date, end_date, role",
                ids):
            roles.setdefault(r[0], []).append(RoleRecord(
                role=r[1], start=dt.date.fromisoformat(r[2]) if r[2] else None,
                end=dt.date.fromisoformat(r[3]) if r[3] else None, code=r[4], country=r[5],
                organization=r[6], sector=r[7]))
        out = {}
        for aid, name, kind, country, sector, gender, source in rows:
            own = normalize_name(name)
            out[aid] = PersonRecord(
                name=name, kind=kind, country=country, sector=sector, gender=gender, source=source,
                aliases=tuple(a for a in aliases.get(aid, ()) if normalize_name(a) != own),
                roles=tuple(roles.get(aid, ())))
        return out

    def registry_records(self, *, sources: str = "user") -> list[PersonRecord]:
        """Every registry entry (``sources``: ``user``, ``builtin`` or ``all``), by name."""
        where = {"user": " WHERE source <> ?", "builtin": " WHERE source = ?", "all": ""}[sources]
        params = [BUILTIN] if where else []
        ids = [r[0] for r in self._all(f"SELECT id FROM actor_registry{where} ORDER BY name, id", params)]
        found = self._registry_records(ids)
        return [found[i] for i in ids if i in found]

    def find_registry(self, name: str, limit: int = 20) -> list[str]:
        """Ids of the registry entries named ``name``: its id, an alias or canonical name
        (normalised), else entries whose name or an alias contains it."""
        key = normalize_name(name)
        exact = self._all("SELECT actor_id FROM actor_aliases WHERE alias_key = ? "
                          "UNION SELECT id FROM actor_registry WHERE id = ?", (key, name))
        if exact:
            return sorted({r[0] for r in exact})
        pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._all("SELECT DISTINCT actor_id FROM actor_aliases WHERE alias_key LIKE ? ESCAPE '\\' "
                         "ORDER BY actor_id LIMIT ?", (pattern, int(limit)))
        return [r[0] for r in rows]

    def registry_counts(self) -> dict[str, int]:
        out = {}
        for table in ("actor_registry", "actor_aliases", "actor_roles"):
            row = self._one(f"SELECT COUNT(*) FROM {table}")
            out[table] = int(row[0]) if row else 0
        return out

    def actor_counts(self, ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        """``id -> (articles, mentions)`` of the analysed actors among ``ids``."""
        return {r[0]: (int(r[1]), int(r[2])) for r in
                self._all_in("SELECT id, n_articles, n_mentions FROM actors WHERE id IN ({marks})", ids)}


def registry_dict(rec: PersonRecord, counts: tuple[int, int] | None = None) -> dict[str, Any]:
    """A registry entry as JSON: id, canonical name, aliases, dated roles, articles count."""
    d = rec.to_dict()
    d["id"] = rec.id
    d["articles"], d["mentions"] = counts or (0, 0)
    return d


class RegistryStore(StoreMixin):
    """Registry methods of :class:`~communique.store.Store` (mixin; needs ``_lock`` and ``repo``)."""

    if TYPE_CHECKING:  # the store's own list of actors
        def actors(self, *, name: str | None = None, kind: str | None = None,
                   country: str | None = None, article_id: str | None = None,
                   limit: int | None = None) -> list[ActorRow]: ...

    def import_actors(self, records: Iterable[PersonRecord]) -> ImportCounts:
        """Load user actor records (a dictionary's) into the registry, in one transaction;
        the built-in records are added first where missing."""
        from ..kb import load_kb

        with self._lock, self.repo.transaction():
            self.repo.upsert_registry(load_kb().registry_records(), keep_existing=True)
            return self.repo.upsert_registry(records)

    def registry_records(self, sources: str = "user") -> list[PersonRecord]:
        """The registry's entries (``user`` ones by default: what extraction adds to its KB)."""
        with self._lock:
            return self.repo.registry_records(sources=sources)

    def actor_registry(self):
        """The user entries as a :class:`~communique.kb.UserActors` for
        ``Settings.actor_registry`` (``None`` when there are none): read once per run."""
        from ..kb import UserActors

        records = self.registry_records("user")
        return UserActors(records) if records else None

    def find_actor(self, name: str, limit: int = 20) -> list[dict[str, Any]]:
        """Registry entries named ``name`` (id, canonical name, alias or part of one) with
        their aliases, dated roles and article counts; else the analysed actors whose name
        contains it (no aliases or roles then)."""
        with self._lock:
            ids = self.repo.find_registry(name, limit)
            records = self.repo._registry_records(ids)
            counts = self.repo.actor_counts(list(records))
            out = [registry_dict(records[i], counts.get(i)) for i in ids if i in records]
        if out:
            return out
        return [{**r.to_dict(), "roles": [], "source": None} for r in self.actors(name=name, limit=limit)]

    def registry_entry(self, actor_id: str) -> dict[str, Any] | None:
        """The registry entry of one actor id (aliases, dated roles, source), or ``None``."""
        with self._lock:
            rec = self.repo._registry_records([actor_id]).get(actor_id)
            counts = self.repo.actor_counts([actor_id]).get(actor_id)
        return registry_dict(rec, counts) if rec else None

    def registry_counts(self) -> dict[str, int]:
        with self._lock:
            return self.repo.registry_counts()
