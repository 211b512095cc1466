"""The actor word lists (``data/kb/actor_words.yaml``): organisation heads and cues,
state bodies, opposition modifiers, people nouns, nouns that are no agents, plural side
phrases ("each side") and owned groups ("its allies"). Read once
per process and checked against its schema (an unknown key is an error). ``is_alias``
tells a name worth listing as an alias from a pronoun or generic noun
(``data/lexicons/generic_mentions.json``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from ..errors import ConfigError

DATA = "communique.data.kb"
# key -> type (every key is required)
SCHEMA: dict[str, type] = {
    "version": int, "source": str, "licence": str, "org_heads": dict, "state_heads": dict,
    "org_cues": dict, "name_joiners": list, "opposition_modifiers": list, "people_nouns": dict,
    "not_agents": list, "side_phrases": list, "owned_groups": list, "not_org_names": list, "water_words": list,
    "state_names": dict, "backing_words": list, "org_references": list, "word_names": list, "name_stand_ins": list,
    "headline_lower": list,
}


@dataclass(frozen=True)
class ActorWords:
    version: int
    org_heads: Mapping[str, str | None]
    state_heads: Mapping[str, str]
    org_cues: tuple[tuple[tuple[str, ...], str], ...]  # (words, sector), longest first
    name_joiners: frozenset[str]
    opposition_modifiers: frozenset[str]
    people_nouns: Mapping[str, str]
    not_agents: frozenset[str] = frozenset()
    side_phrases: tuple[tuple[str, ...], ...] = ()  # ("each", "side"), ...
    owned_groups: frozenset[str] = frozenset()
    not_org_names: frozenset[str] = frozenset()
    water_words: frozenset[str] = frozenset()  # "South China *Sea*", "*Gulf* of Mexico": no side named
    # "*Russia*-backed separatists", "*pro*-Russian hackers": the country named backs the side, is not its own
    backing_words: frozenset[str] = frozenset()
    # nouns by which "the ..." refers back to an organisation named before ("the militant group")
    org_references: frozenset[str] = frozenset()
    # country name -> (the other country it is a state of, that state's context words, the country's)
    state_names: Mapping[str, tuple[str, frozenset[str], frozenset[str]]] = field(
        default_factory=lambda: MappingProxyType({}))
    # surnames that are English words ("Trump", "Bush"), as written; stand-in names by length
    word_names: frozenset[str] = frozenset()
    name_stand_ins: Mapping[int, str] = field(default_factory=lambda: MappingProxyType({}))
    # words a title-case headline capitalises that are never names ("Masses *Troops* *Near* Ukraine Border")
    headline_lower: frozenset[str] = frozenset()

    def cue_sector(self, words: list[str]) -> str | None:
        """The sector a cue inside an organisation's name gives ("human rights" -> NGO)."""
        low = [w.lower() for w in words]
        for cue, sector in self.org_cues:
            n = len(cue)
            if any(tuple(low[i:i + n]) == cue for i in range(len(low) - n + 1)):
                return sector
        return None


def validate(data: Any, name: str = "actor_words.yaml") -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ConfigError(f"{name}: expected a mapping")
    for key, value in data.items():
        if key not in SCHEMA:
            raise ConfigError(f"{name}: unknown key {key!r}")
        if not isinstance(value, SCHEMA[key]):
            raise ConfigError(f"{name}: {key!r} should be a {SCHEMA[key].__name__}")
    for key in ("name_joiners", "opposition_modifiers", "not_agents", "side_phrases", "owned_groups",
                "not_org_names", "water_words", "backing_words", "org_references", "word_names", "name_stand_ins"):
        bad = [w for w in data.get(key) or () if not isinstance(w, str)]
        if bad:  # YAML reads a bare on/off/yes/no as a boolean
            raise ConfigError(f"{name}: {key!r} holds non-strings {bad!r} (quote them)")
    for word, spec in (data.get("state_names") or {}).items():
        if not (isinstance(spec, dict) and set(spec) == {"state_of", "cues", "country_cues"}
                and all(isinstance(w, str) for w in (*spec["cues"], *spec["country_cues"]))):
            raise ConfigError(f"{name}: state_names {word!r} needs state_of, cues and country_cues (lists of words)")
    missing = [k for k in SCHEMA if k not in data]
    if missing:
        raise ConfigError(f"{name}: missing keys {', '.join(missing)}")
    return data


def parse_words(data: dict[str, Any]) -> ActorWords:
    d = validate(data)
    cues = sorted(((tuple(k.lower().split()), str(v)) for k, v in d["org_cues"].items()),
                  key=lambda c: -len(c[0]))
    return ActorWords(
        version=d["version"],
        org_heads=MappingProxyType({k.lower(): v for k, v in d["org_heads"].items()}),
        state_heads=MappingProxyType({k.lower(): str(v) for k, v in d["state_heads"].items()}),
        org_cues=tuple(cues),
        name_joiners=frozenset(str(w).lower() for w in d["name_joiners"]),
        opposition_modifiers=frozenset(str(w).lower() for w in d["opposition_modifiers"]),
        people_nouns=MappingProxyType({k.lower(): str(v) for k, v in d["people_nouns"].items()}),
        not_agents=frozenset(str(w).lower() for w in d["not_agents"]),
        side_phrases=tuple(tuple(p.lower().split()) for p in d["side_phrases"]),
        owned_groups=frozenset(str(w).lower() for w in d["owned_groups"]),
        not_org_names=frozenset(str(w).lower() for w in d["not_org_names"]),
        water_words=frozenset(str(w).lower() for w in d["water_words"]),
        backing_words=frozenset(str(w).lower() for w in d["backing_words"]),
        org_references=frozenset(str(w).lower() for w in d["org_references"]),
        state_names=MappingProxyType({str(k): (str(v["state_of"]), frozenset(w.lower() for w in v["cues"]),
                                               frozenset(w.lower() for w in v["country_cues"]))
                                      for k, v in d["state_names"].items()}),
        word_names=frozenset(str(w) for w in d["word_names"]),
        name_stand_ins=MappingProxyType({len(w): str(w) for w in d["name_stand_ins"]}),
        headline_lower=frozenset(str(w).lower() for w in d["headline_lower"]),
    )


@cache
def actor_words() -> ActorWords:
    text = resources.files(DATA).joinpath("actor_words.yaml").read_text(encoding="utf-8")
    return parse_words(yaml.safe_load(text))


@cache
def generic_mentions() -> frozenset[str]:
    """Pronouns and generic nouns that refer to an actor without naming it."""
    import json

    d = json.loads(resources.files("communique.data.lexicons").joinpath("generic_mentions.json")
                   .read_text(encoding="utf-8"))
    return frozenset(d["pronouns"]) | frozenset(d["generic"])


def is_alias(text: str) -> bool:
    """Whether a mention's text can stand as an alias of its actor: not a pronoun or a
    generic noun ("it", "they", "officials", "the ministry"), with or without an article."""
    low = " ".join(text.split()).lower()
    bare = low.removeprefix("the ").removeprefix("a ").removeprefix("an ")
    generic = generic_mentions()
    return bool(bare) and low not in generic and bare not in generic
