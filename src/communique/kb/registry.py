"""The knowledge base behind actor resolution, built from package data and user
dictionaries, once per process (``load_kb`` is cached on the dictionary paths)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

import yaml

from .names import actor_id, country_actor_id, normalize_name, phrase_key

log = logging.getLogger(__name__)

DATA = "communique.data.kb"
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class KBEntry:
    """A phrase that names a country, an organisation or a group actor."""

    kind: str  # country | organization | group
    name: str  # canonical name (ISO3 for countries lives in ``country``)
    country: str | None = None
    sector: str | None = None
    # name | alias | demonym | metonym | igo | armed_group | collective | media | user | phoenix | body
    source: str = "name"
    description: bool = False  # a description ("the military alliance"): needs its name in the doc
    place_like: bool = False  # a city or region: an actor only in argument positions


@dataclass(frozen=True)
class RoleRecord:
    role: str
    country: str | None = None
    organization: str | None = None
    sector: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    code: str | None = None  # the source code (e.g. PETRARCH "RUSGOV")

    def active(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "country": self.country, "organization": self.organization,
                "sector": self.sector, "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None, "code": self.code}


@dataclass(frozen=True)
class PersonRecord:
    """A named actor of the registry (usually a person) with its aliases and dated roles."""

    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    gender: str | None = None
    roles: tuple[RoleRecord, ...] = ()
    kind: str = "person"
    source: str = "builtin"

    def role_on(self, day: dt.date | None) -> RoleRecord | None:
        active = [r for r in self.roles if r.active(day)]
        if active:
            return active[0]
        return None

    @property
    def id(self) -> str:
        """The actor id extraction gives this actor (a country by its ISO3 code)."""
        if self.kind == "country" and self.country:
            return country_actor_id(self.country)
        return actor_id(self.kind, self.name)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "aliases": list(self.aliases),
                "country": self.country, "sector": self.sector, "gender": self.gender,
                "roles": [r.to_dict() for r in self.roles], "source": self.source}


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def role_from_dict(d: dict[str, Any]) -> RoleRecord:
    return RoleRecord(role=str(d.get("role") or ""), country=d.get("country"),
                      organization=d.get("organization"), sector=d.get("sector"),
                      start=_date(d.get("start")), end=_date(d.get("end")), code=d.get("code"))


def person_from_dict(d: dict[str, Any], source: str = "builtin") -> PersonRecord:
    roles = tuple(role_from_dict(r) for r in d.get("roles") or ())
    sector = d.get("sector") or next((r.sector for r in roles if r.sector), None)
    country = d.get("country") or next((r.country for r in roles if r.country), None)
    return PersonRecord(name=str(d["name"]), aliases=tuple(str(a) for a in d.get("aliases") or ()),
                        country=country, sector=sector, gender=d.get("gender"), roles=roles,
                        kind=d.get("kind") or "person", source=source)


class UserActors:
    """User actor records given to extraction as a whole (``Settings.actor_registry``),
    e.g. the store's persistent registry, read once per run by the CLI or the server.

    Equal and hashed by a content fingerprint computed once, so the knowledge base built
    from them is cached once per process (:func:`load_kb`), also after pickling.
    """

    __slots__ = ("records", "fingerprint")

    def __init__(self, records: Iterable[PersonRecord]) -> None:
        self.records: tuple[PersonRecord, ...] = tuple(records)
        digest = hashlib.sha1(json.dumps([r.to_dict() for r in self.records], sort_keys=True,
                                         default=str).encode("utf-8"))
        self.fingerprint = digest.hexdigest()[:16]

    def __len__(self) -> int:
        return len(self.records)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UserActors) and other.fingerprint == self.fingerprint

    def __hash__(self) -> int:
        return hash(self.fingerprint)

    def __deepcopy__(self, memo: dict) -> UserActors:  # immutable: Settings.to_dict stays cheap
        return self

    def __getstate__(self) -> tuple:
        return self.records, self.fingerprint

    def __setstate__(self, state: tuple) -> None:
        self.records, self.fingerprint = state

    def __repr__(self) -> str:
        return f"UserActors({len(self.records)} records, {self.fingerprint})"


@dataclass
class KnowledgeBase:
    version: str = ""
    phrases: dict[str, KBEntry] = field(default_factory=dict)
    institutions: dict[str, str] = field(default_factory=dict)  # lower phrase key -> sector
    titles: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    sector_nouns: dict[str, str] = field(default_factory=dict)
    people: dict[str, PersonRecord] = field(default_factory=dict)  # normalised name/alias -> record
    surnames: dict[str, list[PersonRecord]] = field(default_factory=dict)
    given_names: dict[str, str] = field(default_factory=dict)
    common_surnames: frozenset[str] = frozenset()  # never resolved alone from the KB
    private_roles: frozenset[str] = frozenset()  # a lone surname described so is not the KB's person
    title_exceptions: dict[str, frozenset[str]] = field(default_factory=dict)  # ISO3 -> titles of another office
    countries: dict[str, str] = field(default_factory=dict)  # ISO3 -> display name
    max_tokens: int = 1
    phoenix: Any = None  # the compiled open dictionaries (kb/phoenix.py PhoenixKB), read-only

    # -- building ---------------------------------------------------------------
    def add_phrase(self, phrase: str, entry: KBEntry, *, override: bool = False) -> None:
        variants = [phrase]
        if phrase.startswith("the "):
            variants.append("The " + phrase[4:])
        for v in variants:
            key = phrase_key(v)
            if not key:
                continue
            if override or key not in self.phrases:
                self.phrases[key] = entry
            self.max_tokens = max(self.max_tokens, len(v.replace(".", ". ").split()) + 2)

    def add_person(self, rec: PersonRecord) -> None:
        old = self.people.get(normalize_name(rec.name))
        if old is not None and old is not rec and normalize_name(old.name) == normalize_name(rec.name):
            # a user entry redefines a known actor: it replaces the record everywhere
            for recs in self.surnames.values():
                if old in recs:
                    recs[recs.index(old)] = rec
            for key in [k for k, v in self.people.items() if v is old]:
                self.people[key] = rec
        for n in (rec.name, *rec.aliases):
            self.people[normalize_name(n)] = rec
            parts = normalize_name(n).split()
            while len(parts) > 1 and parts[-1].rstrip(".") in NAME_SUFFIXES:
                parts = parts[:-1]  # "Joe Biden Jr.": the surname is Biden, not Jr.
            if len(parts) >= 2 or n in rec.aliases:
                self.surnames.setdefault(parts[-1], [])
                if rec not in self.surnames[parts[-1]]:
                    self.surnames[parts[-1]].append(rec)
        if rec.kind != "person" or rec.source != "builtin":
            # a person with dated roles gets the sector of the role held on the article's date
            dated = rec.kind == "person" and any(r.start or r.end for r in rec.roles)
            entry = KBEntry(kind=rec.kind, name=rec.name, country=rec.country,
                            sector=None if dated else rec.sector, source="user")
            for n in (rec.name, *rec.aliases):
                self.add_phrase(n, entry, override=True)

    # -- lookups ----------------------------------------------------------------
    def prefixes(self) -> frozenset[str]:
        """Every prefix of a phrase key (case kept) and of a lower-cased institution key:
        a scan stops extending a candidate as soon as it is no prefix (computed once)."""
        cached = self.__dict__.get("_prefixes")
        if cached is None or cached[0] != (len(self.phrases), len(self.institutions)):
            keys = list(self.phrases) + list(self.institutions)
            pre = frozenset(k[:n] for k in keys for n in range(1, len(k) + 1))
            cached = ((len(self.phrases), len(self.institutions)), pre)
            self.__dict__["_prefixes"] = cached
        return cached[1]

    def lookup(self, text: str) -> KBEntry | None:
        return self.phrases.get(phrase_key(text))

    def person(self, name: str) -> PersonRecord | None:
        """A person by name or alias: the curated and user records first, then the open
        dictionaries (Phoenix) with their dated roles."""
        rec = self.people.get(normalize_name(name))
        if rec is None and self.phoenix is not None and self.lookup(name) is None:
            # not a curated country, metonym or organisation ("White House");
            # "Obama": a curated record of that name wins
            rec = self.phoenix.person(name)
            if rec is not None:
                rec = self.people.get(normalize_name(rec.name)) or rec
        return rec

    @property
    def agents(self) -> dict[str, str]:
        """Common nouns (lower case, singular and plural) to sectors (the agents dictionaries)."""
        return self.phoenix.agents if self.phoenix is not None else {}

    def place_country(self, name: str) -> str | None:
        """The country a place name stands for (a country name, or a city the open
        dictionaries list under a country: "NAIROBI" -> KEN)."""
        for text in (name, name.title()):
            entry = self.lookup(text)
            if entry is not None and entry.kind == "country":
                return entry.country
        return self.phoenix.place_country(name) if self.phoenix is not None else None

    def person_by_surname(self, surname: str) -> PersonRecord | None:
        key = normalize_name(surname)
        if key in self.common_surnames:
            return None  # "Ahmed" alone is no one in particular
        recs = self.surnames.get(key)
        return recs[0] if recs and len(recs) == 1 else None

    def gender_of(self, name: str) -> str | None:
        rec = self.person(name)
        if rec and rec.gender:
            return rec.gender
        first = name.split()[0] if name.split() else ""
        return self.given_names.get(first.lower())

    def title(self, words: tuple[str, ...]) -> tuple[str, str] | None:
        return self.titles.get(tuple(w.lower().rstrip(".") for w in words))

    def registry_records(self) -> list[PersonRecord]:
        """Every named actor with aliases and dated roles (for the store's actor registry)."""
        seen: dict[str, PersonRecord] = {}
        for rec in self.people.values():
            seen.setdefault(rec.name, rec)
        return sorted(seen.values(), key=lambda r: r.name)


# libyaml's parser where PyYAML was built with it (the wheels are): 8x faster on people.yaml
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(name: str) -> dict[str, Any]:
    return yaml.load(resources.files(DATA).joinpath(name).read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506


def _place_like(phrase: str) -> bool:
    return " " not in phrase.strip() or not phrase.startswith("the ")


def build_builtin() -> KnowledgeBase:
    from .phoenix import load_phoenix

    kb = KnowledgeBase()
    generated = json.loads(resources.files(DATA).joinpath("countries.json").read_text(encoding="utf-8"))
    curated = _read_yaml("countries_curated.yaml")
    orgs = _read_yaml("organizations.yaml")
    roles = _read_yaml("roles.yaml")
    people = _read_yaml("people.yaml")
    kb.version = "kb-" + ".".join(str(x.get("version")) for x in (generated, curated, orgs, roles, people))
    kb.phoenix = load_phoenix()
    kb.version += "+" + kb.phoenix.version
    names: dict[str, str] = {iso: c["name"] for iso, c in generated["countries"].items()}
    for iso, c in (curated.get("countries") or {}).items():
        names[iso] = c.get("name") or names.get(iso, iso)
    kb.countries = names
    # curated first: they win over generated aliases
    for iso, c in (curated.get("countries") or {}).items():
        name = names[iso]
        kb.add_phrase(name, KBEntry("country", name, iso))
        kb.add_phrase("the " + name, KBEntry("country", name, iso))
        for a in c.get("aliases") or ():
            kb.add_phrase(a, KBEntry("country", name, iso, source="alias"))
            if not a.startswith("the "):
                kb.add_phrase("the " + a, KBEntry("country", name, iso, source="alias"))
        for d in c.get("demonyms") or ():
            kb.add_phrase(d, KBEntry("country", name, iso, source="demonym"))
        for m, sector in (c.get("metonyms") or {}).items():
            kb.add_phrase(m, KBEntry("country", name, iso, sector=sector, source="metonym",
                                     place_like=_place_like(m)))
    for iso, c in generated["countries"].items():
        name = names[iso]
        for a in (c["name"], *c.get("aliases", ())):
            kb.add_phrase(a, KBEntry("country", name, iso, source="alias"))
    for name, aliases in (orgs.get("igos") or {}).items():
        for a in (name, *aliases):
            desc = any(w[:1].islower() for w in a.split() if w not in ("the", "of", "and", "for", "in"))
            kb.add_phrase(a, KBEntry("organization", name, None, "IGO", "igo", description=desc))
    for name, (country, aliases) in (orgs.get("armed_groups") or {}).items():
        for a in (name, *aliases):
            kb.add_phrase(a, KBEntry("organization", name, country, "REB", "armed_group"))
    for name, aliases in (orgs.get("collectives") or {}).items():
        for a in (name, *aliases):
            kb.add_phrase(a, KBEntry("group", name, None, None, "collective"))
    for name, aliases in (orgs.get("media") or {}).items():
        for a in (name, *aliases):
            kb.add_phrase(a, KBEntry("organization", name, None, "JRN", "media", place_like=True))
    for phrase, sector in (orgs.get("institutions") or {}).items():
        kb.institutions[phrase_key(phrase).lower()] = sector
    for title, (sector, family) in (roles.get("titles") or {}).items():
        kb.titles[tuple(title.split())] = (sector, family)
    kb.sector_nouns = {k.lower(): v for k, v in (roles.get("sector_nouns") or {}).items()}
    kb.title_exceptions = {str(c): frozenset(str(t).lower() for t in ts)
                           for c, ts in (roles.get("title_exceptions") or {}).items()}
    for p in people.get("people") or ():
        kb.add_person(person_from_dict(p))
    for gender, firsts in (people.get("given_names") or {}).items():
        for f in firsts:
            kb.given_names.setdefault(f.lower(), gender)
    kb.common_surnames = frozenset(w.lower() for w in people.get("common_surnames") or ())
    kb.private_roles = frozenset(w.lower() for w in people.get("private_roles") or ())
    return kb


@lru_cache(maxsize=1)
def _builtin_cached() -> KnowledgeBase:
    return build_builtin()


@lru_cache(maxsize=8)
def load_kb(dictionaries: tuple[str, ...] = (), registry: UserActors | None = None) -> KnowledgeBase:
    """The built-in knowledge base plus the user actor records of ``registry`` (the
    store's registry) and the user dictionaries (CSV, YAML, PETRARCH ``.actors.txt``;
    they win over the registry), built once per process, tuple of paths and registry."""
    if not dictionaries and not registry:
        return _builtin_cached()
    from .dictionaries import load_dictionary

    kb = build_builtin()
    if registry:
        for rec in registry.records:
            kb.add_person(rec)
        kb.version += f"+registry.{registry.fingerprint}"
    for path in dictionaries:
        records = load_dictionary(path)
        for rec in records:
            kb.add_person(rec)
        log.info("actor dictionary %s: %d records", path, len(records))
    if dictionaries:
        kb.version += "+" + str(len(dictionaries))
    return kb


def iter_people(kb: KnowledgeBase) -> Iterable[PersonRecord]:
    return kb.registry_records()
