"""The compiled open event-data dictionaries (``data/kb/phoenix.json.gz``, built by
``scripts/build_kb.py``): people with dated roles, organisations with their sector and
country, government bodies that stand for their state, places of a country (datelines)
and common nouns to sectors (agents).

Loaded once per process; keys are precomputed by the builder, and a
:class:`~communique.kb.registry.PersonRecord` is made only for a name that is looked up.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gzip
import json
import re
from functools import cache
from importlib import resources
from typing import Any

from ..errors import ConfigError
from .names import normalize_name
from .registry import KBEntry, PersonRecord, RoleRecord

DATA = "communique.data.kb"
FILE = "phoenix.json.gz"
FORMAT = 2  # 2: people and organisations as tab-separated strings, parsed on lookup
_FIRST = re.compile(r"[-'’/]")


def first_token(name: str) -> str:
    """The lower-cased first token of a name as the actor scan sees it (no dots)."""
    word = name.split()[0].replace(".", "") if name.split() else ""
    return _FIRST.split(word)[0].lower() or word.lower()


class PhoenixKB:
    """Read-only lookups over the compiled dictionaries."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT:
            raise ConfigError(f"{FILE}: format {data.get('format')!r}, expected {FORMAT} "
                              "(rebuild it with scripts/build_kb.py)")
        self.version: str = data["version"]
        self.counts: dict[str, Any] = data["counts"]
        self._people: list[str] = data["people"]  # "name\taliases|...\tcode,country,sector,start,end;..."
        self._people_index: dict[str, int] = data["people_index"]
        self._orgs: list[str] = data["organizations"]  # "name\taliases|...\tcountry\tsector"
        self._bodies: list[list[Any]] = data["bodies"]
        self.org_index: dict[str, int] = data["org_index"]
        self.body_index: dict[str, int] = data["body_index"]
        self.places: dict[str, str] = data["places"]
        self.agents: dict[str, str] = data["agents"]
        self._records: dict[int, PersonRecord] = {}
        self._entries: dict[tuple[str, int], KBEntry] = {}
        self.keys: list[str] = sorted(set(self.org_index) | set(self.body_index))
        self.first_tokens: frozenset[str] = frozenset(data["first_tokens"])

    # -- people -------------------------------------------------------------------
    def person(self, name: str) -> PersonRecord | None:
        i = self._people_index.get(normalize_name(name))
        if i is None:
            return None
        rec = self._records.get(i)
        if rec is None:
            name_, aliases, codes = self._people[i].split("\t")
            roles = tuple(RoleRecord(role=c[0], country=c[1] or None, sector=c[2] or None,
                                     start=dt.date.fromisoformat(c[3]) if c[3] else None,
                                     end=dt.date.fromisoformat(c[4]) if c[4] else None, code=c[0])
                          for c in (code.split(",") for code in codes.split(";") if code))
            country = next((r.country for r in roles if r.country), None)
            rec = PersonRecord(name=name_, aliases=tuple(a for a in aliases.split("|") if a),
                               country=country, roles=roles,
                               kind="person", source="phoenix")
            self._records[i] = rec
        return rec

    # -- organisations and bodies ---------------------------------------------------
    def is_prefix(self, key: str) -> bool:
        """Whether a lower-cased phrase key starts some organisation or body key."""
        i = bisect.bisect_left(self.keys, key)
        return i < len(self.keys) and self.keys[i].startswith(key)

    def entry(self, key: str, country_names: dict[str, str]) -> KBEntry | None:
        """The organisation (its own actor) or government body (its state) of a lower-cased
        phrase key."""
        i = self.org_index.get(key)
        if i is not None:
            hit = self._entries.get(("o", i))
            if hit is None:
                name, _, country, sector = self._orgs[i].split("\t")
                hit = KBEntry("organization", name, country or None, sector or None, source="phoenix")
                self._entries[("o", i)] = hit
            return hit
        i = self.body_index.get(key)
        if i is not None:
            hit = self._entries.get(("b", i))
            if hit is None:
                _, _, country, sector = self._bodies[i]
                hit = KBEntry("country", country_names.get(country, country), country, sector, source="body")
                self._entries[("b", i)] = hit
            return hit
        return None

    def place_country(self, name: str) -> str | None:
        """The country of a place the dictionaries list under it (Nairobi -> KEN)."""
        return self.places.get(normalize_name(name))


def read_data() -> dict[str, Any]:
    raw = resources.files(DATA).joinpath(FILE).read_bytes()
    return json.loads(gzip.decompress(raw))


@cache
def load_phoenix() -> PhoenixKB:
    return PhoenixKB(read_data())
