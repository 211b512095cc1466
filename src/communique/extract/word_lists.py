"""Word lists kept as data: a YAML file of named lists of lower-case words (plus an optional
``version``), read once and checked. An unknown or missing key, or a value that is not a list
of words, is an error, not silence (a typo in a key would otherwise empty a list)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import yaml


def parse_word_lists(text: str, keys: Sequence[str], name: str) -> dict[str, frozenset[str]]:
    """The lists ``keys`` of a word-list YAML text (every one required); ``name`` is the file's
    name, for the error message."""
    d = yaml.safe_load(text)
    if not isinstance(d, dict):
        raise ValueError(f"{name}: expected a mapping of word lists")
    unknown = sorted(set(d) - set(keys) - {"version"})
    missing = sorted(set(keys) - set(d))
    if unknown or missing:
        raise ValueError(f"{name}: unknown key(s) {unknown}, missing key(s) {missing}")
    for k in keys:
        if not isinstance(d[k], list) or not all(isinstance(w, str) for w in d[k]):
            raise ValueError(f"{name}: {k} must be a list of words (quote on/off/yes/no)")
    return {k: frozenset(d[k]) for k in keys}


@lru_cache(maxsize=16)
def load_word_lists(package: str, name: str, keys: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """The word lists ``keys`` of the package data file ``name`` in ``package``."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return parse_word_lists(text, keys, name)
