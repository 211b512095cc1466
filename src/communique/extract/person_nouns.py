"""Nouns that name people, for event arguments (``data/events/person_nouns.yaml`` joined
with the one-word people nouns of ``data/kb/actor_words.yaml``, which are not repeated)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from ..kb.words import actor_words
from .event_lexicon import DATA


def parse_person_nouns(text: str) -> frozenset[str]:
    d = yaml.safe_load(text)
    unknown = set(d) - {"version", "nouns"}
    if unknown or not all(isinstance(w, str) for w in d.get("nouns") or ()):
        raise ValueError(f"person_nouns.yaml: unknown key(s) {sorted(unknown)} or a non-word in nouns")
    return frozenset(d["nouns"])


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    own = parse_person_nouns(resources.files(DATA).joinpath("person_nouns.yaml").read_text(encoding="utf-8"))
    return own | frozenset(w for w in actor_words().people_nouns if " " not in w)
