"""Name normalisation and stable actor ids.

An actor id is a hash of its kind and its canonical key: the same person in two
articles (or spelled Zelenskiy / Zelensky / Zelenskyy, once the alias table knows the
variants) gets the same id; a country's key is its ISO 3166-1 alpha-3 code.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalize_name(name: str) -> str:
    """Case-, accent-, punctuation- and space-insensitive key of a name."""
    text = strip_accents(name).replace("’", "'")
    text = _POSSESSIVE.sub("", text.strip())
    text = re.sub(r"[.\u2010-\u2015-]", " ", text)
    return _SPACE.sub(" ", text).strip().lower()


def phrase_key(text: str) -> str:
    """Key used to match a KB phrase against tokens: no spaces, no dots, case kept."""
    return re.sub(r"[\s.]", "", text.replace("’", "'"))


def actor_id(kind: str, name: str) -> str:
    """Stable id of an actor from its kind and canonical name (or ISO3 for countries)."""
    key = name.upper() if kind == "country" and len(name) == 3 else normalize_name(name)
    return hashlib.sha1(f"{kind}:{key}".encode()).hexdigest()[:12]


def country_actor_id(iso3: str) -> str:
    return actor_id("country", iso3)
