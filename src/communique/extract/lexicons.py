"""Registry of the quote lexicons (package data under ``communique/data/lexicons``).

Each lexicon is a versioned JSON file (``name``, ``version``, ``source``, ``licence``);
it is read once per process (``functools.cache``) and exposed as frozen sets and maps.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping

LEXICON_PACKAGE = "communique.data.lexicons"


@cache
def load_lexicon(name: str) -> Mapping[str, Any]:
    """The raw content of ``data/lexicons/<name>.json`` (read once per process)."""
    path = resources.files(LEXICON_PACKAGE).joinpath(f"{name}.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("name", "version", "source", "licence"):
        if key not in data:
            raise ValueError(f"lexicon {name!r} lacks its {key!r} field")
    return MappingProxyType(data)


@dataclass(frozen=True)
class CueLexicon:
    version: str
    speech: frozenset[str]
    cognition: frozenset[str]
    report: frozenset[str]
    stance: frozenset[str]
    weak: frozenset[str]
    phrasal: Mapping[str, frozenset[str]]
    noun_cues: frozenset[str]
    source_nouns: frozenset[str]
    evidential: frozenset[str] = frozenset()      # "she appeared to …": no source
    unnamed_agent: frozenset[str] = frozenset()   # "Asked about X, …": the asker is unnamed

    @cached_property
    def verbs(self) -> frozenset[str]:  # the union once per lexicon, not on every look-up
        return self.speech | self.cognition | self.report

    def verb_class(self, lemma: str) -> str | None:
        for cls, words in (("speech", self.speech), ("cognition", self.cognition),
                           ("report", self.report)):
            if lemma in words:
                return cls
        return None


@dataclass(frozen=True)
class MediaLexicon:
    version: str
    prep_objects: Mapping[str, str]
    verbs: Mapping[str, str]
    listeners: Mapping[str, str]


@cache
def cue_lexicon() -> CueLexicon:
    d = load_lexicon("quote_cues")
    v = d["verbs"]
    return CueLexicon(
        version=d["version"],
        speech=frozenset(v["speech"]),
        cognition=frozenset(v["cognition"]),
        report=frozenset(v["report"]),
        stance=frozenset(v.get("stance", ())),
        weak=frozenset(d["weak_verbs"]),
        phrasal=MappingProxyType({k: frozenset(p) for k, p in d["phrasal"].items()}),
        noun_cues=frozenset(d["noun_cues"]),
        source_nouns=frozenset(d["source_nouns"]),
        evidential=frozenset(d.get("sourceless", {}).get("evidential", ())),
        unnamed_agent=frozenset(d.get("sourceless", {}).get("unnamed_agent", ())),
    )


@cache
def media_lexicon() -> MediaLexicon:
    d = load_lexicon("quote_media")
    return MediaLexicon(
        version=d["version"],
        prep_objects=MappingProxyType(dict(d["prep_objects"])),
        verbs=MappingProxyType(dict(d["verbs"])),
        listeners=MappingProxyType(dict(d["listeners"])),
    )
