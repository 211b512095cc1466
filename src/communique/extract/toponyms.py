"""Find toponyms: the entity recogniser's GPE/LOC/FAC, checked against the gazetteer.

The small English model often tags a city as ORG, PERSON or PRODUCT ("Mariupol",
"Kherson", "Calcutta") or misses it ("Residents of Kyiv"). So besides GPE/LOC/FAC:

- an ORG/PERSON/PRODUCT/NORP entity whose whole text is the main name of a prominent
  place (a country, region, first-level subdivision, or a city of 50,000 people or
  more; any city after a locative preposition) is taken as a toponym;
- proper-noun runs outside every entity are looked up the same way.

Toponyms acting as actors ("Moscow said") are dropped (:mod:`.place_roles`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..kb.gazetteer import CITY, CONTINENT, REGION, Candidate, Gazetteer
from .doc_tokens import doc_ents, token_table
from .place_roles import is_actor_use, person_name_tokens

TOPONYM_LABELS = frozenset({"GPE", "LOC", "FAC"})
RECHECKED_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT"})
PROMINENT_POPULATION = 50_000
_SUFFIXES = frozenset({"region", "province", "oblast", "strip", "peninsula", "heights"})
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "from", "to", "into", "across",
                       "around", "of", "toward", "towards", "through"})
MAX_WORDS = 4


@dataclass(frozen=True)
class Toponym:
    span: Span  # the words looked up ("Ukraine")
    start: int  # start offset of the whole mention ("eastern Ukraine")
    region: str | None  # "east"
    candidates: tuple[Candidate, ...]


def _clean(span: Span) -> Span:
    while len(span) > 1 and span[0].lower_ == "the":
        span = span[1:]
    while len(span) > 1 and (span[-1].tag_ == "POS" or span[-1].lower_ in ("'s", "\u2019s")):
        span = span[:-1]
    return span


def _locative(span: Span) -> bool:
    root = span.root
    return (root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE) or root.dep_ == "dobj"


def _prominent(cands: list[Candidate], span: Span) -> bool:
    for c in cands:
        if not c.primary:
            continue
        if c.record.kind != CITY or c.record.population >= PROMINENT_POPULATION or _locative(span):
            return True
    return False


def _lookup(g: Gazetteer, span: Span, directions: dict[str, str]) -> tuple[Span, str | None, list[Candidate]]:
    """Candidates for ``span``: the full name first ("North Korea"), then without a
    direction word ("eastern Ukraine") or a trailing "region"."""
    cands = [c for c in g.lookup(span.text) if not c.record.actor_only]
    if cands:
        return span, None, cands
    if len(span) > 1 and span[0].lower_ in directions:
        inner = _clean(span[1:])
        cands = [c for c in g.lookup(inner.text) if not c.record.actor_only]
        if cands:
            return inner, directions[span[0].lower_], cands
    if len(span) > 1 and span[-1].lower_ in _SUFFIXES | {"state", "city", "area", "county", "district"}:
        cands = [c for c in g.lookup(span[:-1].text) if not c.record.actor_only]
    return span, None, cands


def find_toponyms(doc: Doc, g: Gazetteer, directions: dict[str, str]) -> list[Toponym]:
    persons = person_name_tokens(doc)
    found: list[Toponym] = []
    covered: set[int] = set()

    def take(span: Span, strict: bool) -> bool:
        span = _clean(span)
        looked, region, cands = _lookup(g, span, directions)
        if strict and (not _prominent(cands, looked) or looked.root.pos_ == "ADJ"):
            return False
        geographic_only = bool(cands) and all(c.record.kind in (REGION, CONTINENT) for c in cands)
        if not geographic_only and is_actor_use(looked):  # a sea or a continent does not act
            covered.update(range(span.start, span.end))
            return False
        start = span.start_char
        if region is None and span.start > 0:
            prev = doc[span.start - 1]
            if prev.lower_ in directions and prev.pos_ in ("ADJ", "PROPN", "NOUN") and prev.head.i >= span.start:
                region, start = directions[prev.lower_], prev.idx
        elif region is not None:
            start = span.start_char
        found.append(Toponym(looked, start, region, tuple(cands)))
        covered.update(range(span.start, span.end))
        return True

    for ent in doc_ents(doc):
        if ent.label_ in TOPONYM_LABELS:
            if ent.text in persons:
                covered.update(range(ent.start, ent.end))
                continue
            take(ent, strict=False)
        elif ent.label_ in RECHECKED_LABELS:
            if ent.label_ == "NORP" and not any(c.record.kind == CITY for c in g.lookup(ent.text)):
                pass  # "Western", "Russian": demonyms, not places
            elif ent.text not in persons:  # a lone surname of someone named in full
                take(ent, strict=True)
            covered.update(range(ent.start, ent.end))
    in_entity = {i for e in doc_ents(doc) for i in range(e.start, e.end)}
    tab = token_table(doc)  # no Token object per word
    i = 0
    while i < len(doc):
        if i in covered or i in in_entity or tab.pos[i] != "PROPN" or not tab.text[i][:1].isupper() \
                or tab.text[i] in persons:
            i += 1
            continue
        for n in range(min(MAX_WORDS, len(doc) - i), 0, -1):
            span = doc[i:i + n]
            last = span[-1]
            if any(t.i in covered or t.i in in_entity for t in span):
                continue
            if last.pos_ != "PROPN" and last.lower_ not in _SUFFIXES:
                continue
            if take(span, strict=True):
                i += n - 1
                break
        i += 1
    found.sort(key=lambda t: t.span.start)
    return found
