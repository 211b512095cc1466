"""The versioned verb/noun pattern lexicon of events (``data/events/patterns.yaml``)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

DATA = "communique.data.events"


@dataclass(frozen=True)
class Pattern:
    id: str
    lemmas: frozenset[str]
    pos: str
    cameo: str
    type: str | None = None
    statement: bool = False
    symmetric: bool = False
    threat_only: bool = False
    recipient: tuple[str, ...] = ("dobj",)
    refine: tuple[tuple[frozenset[str], str], ...] = ()
    cond: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


def index_by_lemma(patterns: Iterable[Pattern]) -> dict[str, tuple[Pattern, ...]]:
    """The patterns written for each lemma, in file order."""
    by: dict[str, list[Pattern]] = {}
    for p in patterns:
        for lemma in p.lemmas:
            by.setdefault(lemma, []).append(p)
    return {k: tuple(v) for k, v in by.items()}


@dataclass(frozen=True)
class Lexicon:
    version: int
    patterns: tuple[Pattern, ...]
    by_lemma: dict[str, tuple[Pattern, ...]]
    fingerprint: str
    intent_of: dict[str, str] = field(default_factory=dict)
    threat_of: dict[str, str] = field(default_factory=dict)
    refusal_of: dict[str, str] = field(default_factory=dict)
    # nouns that name a side the actor table may not know ("the main armed faction")
    party_nouns: frozenset[str] = frozenset()
    # participles that describe their subject ('the U.S. is committed to ...'): no passive
    stative_participles: frozenset[str] = frozenset()

    @staticmethod
    def _prefix(table: dict[str, str], code: str) -> str | None:
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                return table[code[:n]]
        return None

    def intent(self, code: str) -> str | None:
        """The CAMEO 03 code of the intent to do ``code`` (cooperative actions), or None."""
        return self._prefix(self.intent_of, code)

    def threat(self, code: str) -> str | None:
        """The CAMEO 13 code of the threat to do ``code`` (conflictual actions), or None."""
        return self._prefix(self.threat_of, code)

    def refusal(self, code: str) -> str | None:
        """The CAMEO 12 code of refusing to do ``code`` (yields), or None."""
        return self._prefix(self.refusal_of, code)


_KNOWN = {"id", "lemmas", "pos", "cameo", "type", "statement", "symmetric", "threat_only",
          "recipient", "refine"}
# The conditions ``extract/events.py`` reads from ``Pattern.cond``; any other key in a pattern
# is an error (a misspelt condition would otherwise be silently ignored).
CONDITION_KEYS = frozenset({
    "needs_object", "requires", "requires_head", "requires_prep", "requires_prep_or_head",
    "requires_person_object", "requires_not", "needs_object_head", "requires_particle",
    "needs_object_or_particle", "needs_deps", "requires_context", "requires_context_not",
    "needs_xcomp_or_obj", "needs_complement", "requires_ccomp_aux", "needs_complement_or_object",
    "consequence_heads", "rejects_deps", "requires_party_object", "needs_counterpart",
    "requires_mandative_ccomp", "rejects_question", "rejects_object", "needs_recipient",
    "rejects_xcomp_types", "rejects_xcomp", "requires_named_with", "requires_unwillingness",
    "rejects_person_object", "requires_object_complement", "requires_subject", "requires_infinitive_subject",
    "needs_foreign_recipient", "requires_warning_target", "rejects_particle", "rejects_head",
    "rejects_opinion_clause", "rejects_modifier", "rejects_subject", "requires_pejorative_clause",
    "requires_plural_or_prep", "requires_pejorative_as", "rejects_stance_clause", "requires_pejorative_complement",
    "requires_person_prep", "requires_praise", "requires_imperative_quote", "refused_when_negated_future",
    "requires_bare_object", "requires_predicative", "requires_negation",
})


def _check_keys(d: dict[str, Any]) -> None:
    unknown = sorted(set(d) - _KNOWN - CONDITION_KEYS)
    if unknown:
        raise ValueError(f"pattern {d.get('id')}: unknown key(s) {', '.join(unknown)}")


def _check_words(d: dict[str, Any]) -> None:
    """YAML 1.1 reads bare on/off/yes/no as booleans: a word list must hold words only."""
    for k, v in d.items():
        vals = v if isinstance(v, list) else []
        for r in d.get("refine") or () if k == "refine" else ():
            vals = vals + list(r.get("words") or ())
        if any(isinstance(x, bool) for x in vals):
            raise ValueError(f"pattern {d.get('id')}: {k} holds a boolean (quote on/off/yes/no)")


def parse_patterns(dicts: Iterable[dict[str, Any]]) -> list[Pattern]:
    """The patterns of parsed YAML mappings, checked: an unknown key, a boolean among words
    or an id used twice is an error (a rule's id names it on every event it codes)."""
    pats = []
    ids: set[str] = set()
    for d in dicts:
        if d.get("id") in ids:
            raise ValueError(f"pattern {d.get('id')}: the id is used twice")
        ids.add(str(d.get("id")))
        _check_keys(d)
        _check_words(d)
        pats.append(Pattern(
            id=d["id"], lemmas=frozenset(d["lemmas"]), pos=d.get("pos", "ANY"), cameo=str(d["cameo"]),
            type=d.get("type"), statement=bool(d.get("statement")), symmetric=bool(d.get("symmetric")),
            threat_only=bool(d.get("threat_only")),
            recipient=tuple(d.get("recipient") or ("dobj",)),
            refine=tuple((frozenset(r["words"]), str(r["cameo"])) for r in d.get("refine") or ()),
            cond={k: v for k, v in d.items() if k not in _KNOWN},
        ))
    return pats


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    text = resources.files(DATA).joinpath("patterns.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    # nominal events added for issue 19, same schema (data/events/nominal_patterns.yaml)
    nominal = resources.files(DATA).joinpath("nominal_patterns.yaml").read_text(encoding="utf-8")
    data["patterns"] = [*data["patterns"], *yaml.safe_load(nominal)["patterns"]]
    text += nominal
    pats = parse_patterns(data["patterns"])
    tables = {k: {str(a): str(b) for a, b in (data.get(k) or {}).items()}
              for k in ("intent_of", "threat_of", "refusal_of")}
    words = {}
    for key in ("party_nouns", "stative_participles"):
        words[key] = data.get(key) or []
        if any(not isinstance(w, str) for w in words[key]):
            raise ValueError(f"{key} must hold words only (quote on/off/yes/no)")
    return Lexicon(int(data["version"]), tuple(pats), index_by_lemma(pats),
                   hashlib.sha256(text.encode()).hexdigest()[:16], **tables,
                   party_nouns=frozenset(words["party_nouns"]),
                   stative_participles=frozenset(words["stative_participles"]))
