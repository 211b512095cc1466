"""Word lists kept as data: a YAML file of named lists of lower-case words (plus an optional
``version``), read once and checked. An unknown or missing key, or a value that is not a list
of words, is an error, not silence (a typo in a key would otherwise empty a list)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import yaml


def check_word_lists(d: object, keys: Sequence[str], name: str, *, optional: Sequence[str] = (),
                     other: Sequence[str] = ()) -> dict[str, frozenset[str]]:
    """The word lists of a parsed YAML mapping ``d``: ``keys`` required, ``optional`` ones
    empty when absent; ``other`` keys (and ``version``) are allowed and left to the caller.
    ``name`` is the file's name, for the error message."""
    if not isinstance(d, dict):
        raise ValueError(f"{name}: expected a mapping of word lists")
    unknown = sorted(set(d) - set(keys) - set(optional) - set(other) - {"version"})
    missing = sorted(set(keys) - set(d))
    if unknown or missing:
        raise ValueError(f"{name}: unknown key(s) {unknown}, missing key(s) {missing}")
    out = {}
    for k in (*keys, *optional):
        words = d.get(k) if k in keys else d.get(k) or []
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"{name}: {k} must be a list of words (quote on/off/yes/no)")
        out[k] = frozenset(words)
    return out


def parse_word_lists(text: str, keys: Sequence[str], name: str) -> dict[str, frozenset[str]]:
    """The lists ``keys`` of a word-list YAML text (every one required); ``name`` is the file's
    name, for the error message."""
    return check_word_lists(yaml.safe_load(text), keys, name)


@lru_cache(maxsize=16)
def load_word_lists(package: str, name: str, keys: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """The word lists ``keys`` of the package data file ``name`` in ``package``."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return parse_word_lists(text, keys, name)
