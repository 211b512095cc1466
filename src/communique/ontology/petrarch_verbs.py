"""Convert PETRARCH2's CAMEO verb dictionary (``CAMEO.2.0.txt``) and its discard list into
communique's compiled pattern file (``data/events/petrarch_verbs.json``).

Pure functions over the dictionary text; ``scripts/build_cameo_patterns.py`` is the thin
command that reads the files and writes the JSON. The format is PETRARCH's
(``dictionaries.rst``):

- ``&NAME`` opens a synonym set whose ``+WORD`` lines follow (kept as ``synsets``);
- ``--- NAME [code] ---`` opens a verb block; ``[---]`` is a block without a default code;
- a verb line ``WORD {FORMS} [code]`` (``+WORD_PARTICLE`` for phrasal verbs) adds a head verb;
  its code, else the block's, is the code of the bare verb;
- ``- <before> * <after> [code] # verb`` is a phrase pattern of the block: ``*`` is the verb,
  words before it belong to its subject, words after it to its objects, ``(PREP ...)`` is a
  prepositional phrase, ``{A B}`` a compound, ``&NAME`` a synonym set, ``$`` the SOURCE slot and
  ``+`` the TARGET slot. ``[code:code]`` keeps the first code (the second is recorded as
  ``alt``); ``[---]`` marks a phrase that is not an event (kept, as a blocker).

Each slot is mapped onto a dependency relation of the verb: ``$``/``+`` before the verb
-> ``nsubj``; bare after it -> ``dobj``; inside ``(PREP ...)`` -> ``prep:<prep>``.
"""

from __future__ import annotations

import re
from typing import Any

SCHEMA = "communique.petrarch-verbs"
SCHEMA_VERSION = 1
PATTERN_KEYS = frozenset({"id", "verb_block", "cameo", "alt", "subject", "object", "preps",
                          "source", "target", "text"})
VERB_KEYS = frozenset({"block", "cameo", "particle"})
PREP_KEYS = frozenset({"prep", "words"})
TOP_KEYS = frozenset({"schema", "schema_version", "version", "source", "licence", "notice",
                      "synsets", "verbs", "patterns", "discards"})

_CODE = re.compile(r"\[([^\]]*)\]")
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")


def _word(w: str) -> str:
    """A dictionary word as matched: lower case, trailing ``_`` (no stemming) dropped,
    inner ``_`` a space."""
    return w.strip("_").replace("_", " ").lower()


def _code(raw: str) -> tuple[str | None, str | None]:
    parts = [p.strip() for p in raw.split(":")]
    first = next((p for p in parts if p and p != "---"), None)
    alt = parts[1] if len(parts) > 1 and parts[1] and parts[1] != "---" else None
    if parts[0] == "---":
        return None, None
    return first, alt if alt != first else None


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def parse_phrase(body: str) -> dict[str, Any] | None:
    """The slots of one phrase pattern (the part between ``-`` and the code), or None
    when it has no ``*``."""
    toks = re.findall(r"\(|\)|\{|\}|[^\s(){}]+", body)
    if "*" not in toks:
        return None
    out: dict[str, Any] = {"subject": [], "object": [], "preps": [], "source": None, "target": None}
    side = "subject"
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == "*":
            side = "object"
        elif t == "(":
            j = toks.index(")", i) if ")" in toks[i:] else len(toks)
            inner = [x for x in toks[i + 1:j] if x not in ("{", "}")]
            if inner:
                prep = _word(inner[0])
                words = []
                for x in inner[1:]:
                    if x == "$":
                        out["source"] = f"prep:{prep}"
                    elif x == "+":
                        out["target"] = f"prep:{prep}"
                    else:
                        words.append(x.lower() if x.startswith("&") else _word(x))
                out["preps"].append({"prep": prep, "words": words})
            i = j
        elif t in ("{", "}"):
            pass
        elif t == "$":
            out["source"] = "nsubj" if side == "subject" else "dobj"
        elif t == "+":
            out["target"] = "nsubj" if side == "subject" else "dobj"
        else:
            out[side].append(t.lower() if t.startswith("&") else _word(t))
        i += 1
    return out


def parse_verbs(text: str) -> dict[str, Any]:
    """Synonym sets, head verbs and phrase patterns of ``CAMEO.2.0.txt``."""
    synsets: dict[str, list[str]] = {}
    verbs: dict[str, dict[str, Any]] = {}
    patterns: list[dict[str, Any]] = []
    current_set: str | None = None
    block: str | None = None
    block_code: str | None = None
    count: dict[str, int] = {}
    in_verbs = False
    for raw in text.splitlines():
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs, current_set = True, None
            continue
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_set = line.strip().lower()
                synsets[current_set] = []
            elif line.startswith("+") and current_set is not None:
                w = _word(line[1:].split()[0])
                if w and w not in synsets[current_set]:
                    synsets[current_set].append(w)
            continue
        m = _BLOCK.match(line)
        if m:
            block = m.group(1).lower()
            block_code, _ = _code(m.group(2))
            continue
        if block is None:
            continue
        if line.startswith("-"):
            cm = _CODE.search(line)
            if cm is None:
                continue
            slots = parse_phrase(line[1:cm.start()])
            if slots is None:
                continue
            code, alt = _code(cm.group(1))
            n = count.get(block, 0) + 1
            count[block] = n
            patterns.append({"id": f"petrarch.{block}.{n}", "verb_block": block, "cameo": code, "alt": alt,
                             **slots, "text": " ".join(line[1:cm.start()].split())})
            continue
        head = line.split("{", 1)[0]
        cm = _CODE.search(line)
        head = _CODE.sub("", head).strip()
        if not head or " " in head:
            continue
        verb_code = _code(cm.group(1))[0] if cm else block_code
        name = head.lstrip("+")
        lemma, _, particle = name.partition("_")
        entry: dict[str, Any] = {"block": block, "cameo": verb_code}
        if particle:
            entry["particle"] = _word(particle)
        key = lemma.lower() + (f" {entry['particle']}" if particle else "")
        verbs.setdefault(key, entry)
    return {"synsets": synsets, "verbs": verbs, "patterns": patterns}


def parse_discards(text: str) -> dict[str, list[str]]:
    """Sentence-level and story-level (``+``) discard phrases, lower case."""
    sentence: list[str] = []
    story: list[str] = []
    for raw in text.splitlines():
        line = _strip_comment(raw).strip()
        if not line or line.isdigit():
            continue
        target = story if line.startswith("+") else sentence
        phrase = " ".join(line.lstrip("+").split()).lower()
        if phrase and phrase not in target:
            target.append(phrase)
    return {"sentence": sentence, "story": story}


def compile_dictionary(verbs_text: str, discards_text: str, *, version: str, source: str) -> dict[str, Any]:
    """The compiled pattern file (see ``validate``)."""
    parsed = parse_verbs(verbs_text)
    known = parsed["synsets"]

    def resolve(w: str) -> str:  # a few patterns name a set the file never defines: its word
        return w if not w.startswith("&") or w in known else _word(w[1:])

    for p in parsed["patterns"]:
        p["subject"] = [resolve(w) for w in p["subject"]]
        p["object"] = [resolve(w) for w in p["object"]]
        for pr in p["preps"]:
            pr["words"] = [resolve(w) for w in pr["words"]]
    return {"schema": SCHEMA, "schema_version": SCHEMA_VERSION, "version": version, "source": source,
            "licence": "MIT", "notice": "NOTICE.petrarch2", **parsed,
            "discards": parse_discards(discards_text)}


def validate(data: dict[str, Any]) -> None:
    """Raise ValueError on an unknown key or a malformed entry (a misspelt slot would
    otherwise be silently ignored)."""
    unknown = set(data) - TOP_KEYS
    if unknown or data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} file (unknown keys {sorted(unknown)})")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise ValueError(f"schema_version {data.get('schema_version')} (expected {SCHEMA_VERSION})")
    synsets = data["synsets"]
    for name, entry in data["verbs"].items():
        bad = set(entry) - VERB_KEYS
        if bad:
            raise ValueError(f"verb {name}: unknown key(s) {', '.join(sorted(bad))}")
    for p in data["patterns"]:
        bad = set(p) - PATTERN_KEYS
        if bad:
            raise ValueError(f"pattern {p.get('id')}: unknown key(s) {', '.join(sorted(bad))}")
        for pr in p["preps"]:
            if set(pr) - PREP_KEYS:
                raise ValueError(f"pattern {p['id']}: unknown prep key(s) {sorted(set(pr) - PREP_KEYS)}")
        words = [*p["subject"], *p["object"], *(w for pr in p["preps"] for w in pr["words"])]
        for w in words:
            if not isinstance(w, str):
                raise ValueError(f"pattern {p['id']}: {w!r} is not a word")
            if w.startswith("&") and w not in synsets:
                raise ValueError(f"pattern {p['id']}: unknown synonym set {w}")
        for slot in ("source", "target"):
            v = p[slot]
            if v is not None and not (v in ("nsubj", "dobj") or v.startswith("prep:")):
                raise ValueError(f"pattern {p['id']}: {slot} {v!r} is not a dependency slot")
    for k in ("sentence", "story"):
        if not all(isinstance(x, str) for x in data["discards"][k]):
            raise ValueError(f"discards.{k} must hold phrases only")
