"""Word lists of the event rules (``data/events/event_words.yaml``), read once and checked:
an unknown key or a value that is not a list of words is an error, not silence."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .event_lexicon import DATA

FILE = "event_words.yaml"


@dataclass(frozen=True)
class EventWords:
    threat_sanction: frozenset[str]
    threat_force: frozenset[str]
    gathering_verbs: frozenset[str]
    mandative_aux: frozenset[str]
    question_words: frozenset[str]
    party_entities: frozenset[str]
    cause_preps: frozenset[str]


LISTS = tuple(EventWords.__dataclass_fields__)


def parse_event_words(text: str) -> EventWords:
    """The word lists of an ``event_words.yaml`` text (every list required)."""
    d = yaml.safe_load(text)
    unknown = sorted(set(d) - set(LISTS) - {"version"})
    missing = sorted(set(LISTS) - set(d))
    if unknown or missing:
        raise ValueError(f"{FILE}: unknown key(s) {unknown}, missing key(s) {missing}")
    for k in LISTS:
        if not isinstance(d[k], list) or not all(isinstance(w, str) for w in d[k]):
            raise ValueError(f"{FILE}: {k} must be a list of words (quote on/off/yes/no)")
    return EventWords(**{k: frozenset(d[k]) for k in LISTS})


@lru_cache(maxsize=1)
def load_event_words() -> EventWords:
    return parse_event_words(resources.files(DATA).joinpath(FILE).read_text(encoding="utf-8"))
