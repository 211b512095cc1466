"""Actors: who takes part, resolved against the knowledge base.

Named mentions come from the KB lexicon (countries, demonyms, metonyms, IGOs,
collectives, institutions), from PERSON entities and from surnames of people named in
the article; titles and appositives give people a role, a country and a sector; common
nouns give sectors ("Russian officials" -> Russia, GOV). ``coref.py`` then links
definite descriptions ("the U.S. leader"), pronouns and plural references ("each
side") to those actors. The result is an :class:`ActorTable`: every resolved token
points to an actor id, and any character span can be resolved to one actor, to a tuple
of actors (compound references) or to a :class:`~communique.models.Party`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import Any, cast

from spacy.tokens import Doc, Token

from ..kb import KBEntry, KnowledgeBase, actor_id, country_actor_id, load_kb
from ..kb.names import normalize_name
from ..kb.words import actor_words
from ..models import Actor, Party, Span
from .context import ExtractionContext
from .dateline import document_lead
from .doc_tokens import doc_ents, doc_text
from .org_names import find_org_names

log = logging.getLogger(__name__)

__all__ = ["ActorTable", "extract_actors", "actor_id"]

# dependency labels under which a place-like name (a capital, a platform) acts as an actor
ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "agent", "poss", "dative", "attr"})
ARG_PREPS = frozenset({"with", "to", "against", "from", "by", "between", "toward", "towards",
                       "among"})
# prepositions whose object is where something happens ("an attack *in central Mali*", "strikes *across Ukraine*")
WHERE_PREPS = frozenset({"in", "across", "throughout", "inside"})
# "called on Beijing", "fired at Kyiv", "pressure upon Tehran": a capital there is the state
# ("on Twitter" is no side)
STATE_PREPS = frozenset({"on", "upon", "at"})
NOT_NAME_WORDS = frozenset({"the", "a", "an", "and", "or", "said", "says"})
HEAD_PRIORITY = ("appos", "compound", "poss", "nmod", "amod", "pobj", "conj")


@dataclass
class _Record:
    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    families: set[str] = field(default_factory=set)
    gender: str | None = None
    known: Any = None  # the KB record (PersonRecord) when the KB knows this actor


@dataclass(frozen=True)
class ActorTable:
    """The actors of one document and maps from token index to actor ids."""

    actors: tuple[Actor, ...] = ()
    by_token: dict[int, str] = field(default_factory=dict)
    plural_by_token: dict[int, tuple[str, ...]] = field(default_factory=dict)
    sector_by_token: dict[int, str] = field(default_factory=dict)

    # -- single tokens ----------------------------------------------------------
    def actor_for_token(self, i: int) -> str | None:
        return self.by_token.get(i)

    def actors_for_token(self, i: int) -> tuple[str, ...]:
        if i in self.plural_by_token:
            return self.plural_by_token[i]
        aid = self.by_token.get(i)
        return (aid,) if aid else ()

    def get(self, actor_id_: str | None) -> Actor | None:
        index = self.__dict__.get("_index")
        if index is None:  # built on first use (the table is frozen)
            index = {a.id: a for a in reversed(self.actors)}
            object.__setattr__(self, "_index", index)
        return index.get(actor_id_) if actor_id_ is not None else None

    def _kind(self, actor_id_: str) -> str | None:
        a = self.get(actor_id_)
        return a.kind if a is not None else None

    # -- spans --------------------------------------------------------------------
    def _span(self, doc: Doc, start: int, end: int):
        if end <= start:
            return None
        return doc.char_span(start, end, alignment_mode="expand")

    def _head(self, span) -> Token | None:
        if not span.doc.has_annotation("DEP"):
            return None
        return span.root

    def _from_token(self, tok: Token, span, seen: set[int]) -> tuple[str, ...]:
        """Actors named by ``tok`` or, if it names none, by its nearest modifiers."""
        if tok.i in seen or not (span.start <= tok.i < span.end):
            return ()
        seen.add(tok.i)
        ids = self.actors_for_token(tok.i)
        if not ids:
            kids = sorted((c for c in tok.children if span.start <= c.i < span.end),
                          key=lambda c: (HEAD_PRIORITY.index(c.dep_) if c.dep_ in HEAD_PRIORITY
                                         else len(HEAD_PRIORITY), c.i))
            for c in kids:
                if c.dep_ in ("conj", "cc", "punct", "relcl", "acl", "det"):
                    continue
                if c.dep_ == "prep" and c.lower_ != "of":
                    continue
                ids = self._from_token(c, span, seen)
                if ids:
                    break
        out = list(ids)
        if ids:  # "the Russian-Ukrainian talks": both sides of a hyphenated pair
            doc = tok.doc
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "nmod") and c.i == tok.i - 2 and doc[c.i + 1].text == "-" \
                        and span.start <= c.i:
                    for a in self.actors_for_token(c.i):
                        if a not in out and self._kind(a) == "country" and all(self._kind(x) == "country" for x in ids):
                            out.append(a)
        for c in tok.children:
            if c.dep_ == "conj" and span.start <= c.i < span.end:
                for a in self._from_token(c, span, seen):
                    if a not in out:
                        out.append(a)
        return tuple(out)

    def actors_at(self, doc: Doc, start: int, end: int) -> tuple[str, ...]:
        """All actors a character span names: ``("U.S. and Russian officials")`` ->
        (USA, RUS); ``"each side"`` -> both sides; one actor -> a 1-tuple."""
        span = self._span(doc, start, end)
        if span is None:
            return ()
        return self._actors_of_span(span)

    def _actors_of_span(self, span) -> tuple[str, ...]:
        head = self._head(span)
        if head is not None:
            ids = self._from_token(head, span, set())
            if ids:
                return ids
        out: list[str] = []
        for tok in span:
            for a in self.actors_for_token(tok.i):
                if a not in out:
                    out.append(a)
        if head is None and out:
            # without a parse the last named actor is the head of an English noun phrase
            last = next(self.actors_for_token(t.i) for t in reversed(span) if self.actors_for_token(t.i))
            if len(last) > 1:
                return last
            if len(out) > 1 and not any(t.lower_ in ("and", "&") for t in span):
                return (last[0],)
        return tuple(out)

    def actor_at(self, doc: Doc, start: int, end: int) -> str | None:
        """The actor a character span refers to (names, pronouns, descriptions, metonyms)."""
        ids = self.actors_at(doc, start, end)
        return ids[0] if ids else None

    def party(self, doc: Doc, start: int, end: int) -> Party | None:
        """One side of an event: every actor of the span as one Party."""
        ids = self.actors_at(doc, start, end)
        if not ids:
            return None
        return self._party(doc, self._span(doc, start, end), start, end, ids)

    def _party(self, doc: Doc, span, start: int, end: int, ids: tuple[str, ...]) -> Party:
        sector = None
        if span is not None:
            head = self._head(span)
            if head is not None and head.i in self.sector_by_token:
                sector = self.sector_by_token[head.i]
            if sector is None:
                sector = next((self.sector_by_token[t.i] for t in span if t.i in self.sector_by_token), None)
        actors = [self.get(a) for a in ids]
        countries = {a.country for a in actors if a is not None}
        country = countries.pop() if len(countries) == 1 else None
        if sector is None and len(ids) == 1 and actors[0] is not None:
            sector = actors[0].sector
        if span is not None and span.start_char <= start and end <= span.end_char:
            text = span.text[start - span.start_char:end - span.start_char]
        else:
            text = doc_text(doc)[start:end]
        return Party(tuple(ids), text, start, end, country, sector)

    def party_for_token(self, doc: Doc, tok: Token) -> Party | None:
        """The Party named by the phrase headed by ``tok`` (its subtree, without relative
        clauses or trailing appositive commas)."""
        left, right = tok.left_edge.i, tok.right_edge.i
        # the comma of a list ("France, Germany and Italy") does not end the phrase
        last_conj = max((c.i for c in tok.conjuncts if c.i > tok.i), default=-1)
        for c in (x for t in (tok, *tok.conjuncts) for x in t.children):
            if (c.dep_ in ("relcl", "acl", "punct", "appos") or c.dep_ == "prep" and c.lower_ == "of" and any(
                    x.dep_ == "pcomp" for x in c.children) or c.dep_ == "prep" and c.lower_ != "of" and any(
                    x.dep_ == "pobj" and x.ent_type_ in ("DATE", "TIME") for x in c.children)) and c.i > tok.i and not (
                    c.dep_ == "punct" and c.i < last_conj):
                right = min(right, c.left_edge.i - 1)  # (nor "vessels *of blocking* a mission", nor a
                # conjunct's: "Priebus and his allies *of trying* to quash")
        while right > tok.i and doc[right].is_punct:
            right -= 1
        span = doc[left: right + 1]
        ids = self._from_token(tok, span, set())
        if not ids:
            return None
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None and poss.pos_ == "PROPN" and tok.pos_ == "NOUN" and not self.actors_for_token(tok.i) \
                and tok.lemma_.lower() not in _person_nouns() and self._from_token(poss, span, set()) == ids:
            # "support for *Ghani*'s efforts", "restrictions on *Iran*'s oil trade": the named
            # possessor is the side, not the thing it owns (a person it has is its own side)
            tok, left = poss, poss.left_edge.i
            span = doc[left: poss.i + 1]
        if tok.i in self.actors_for_token(tok.i) or self.actors_for_token(tok.i):
            own = doc[tok.i: tok.i + 1]
            while own.start > left and self.by_token.get(own.start - 1) == self.by_token.get(tok.i):
                own = doc[own.start - 1: own.end]
            while own.end <= right and self.by_token.get(own.end) == self.by_token.get(tok.i):
                own = doc[own.start: own.end + 1]  # "Kenya National Commission *on Human Rights*"
            if own.start >= left + 2 and doc[own.start - 1].text == "-" and len(ids) > 1:
                own = doc[own.start - 2: own.end]  # "Russian-Ukrainian"
            # (a phrase of coordinated modifiers keeps them all: "the Colombian government and FARC rebels")
            if not any(c.dep_ == "conj" or c.dep_ in ("nmod", "compound", "amod") and any(
                    x.dep_ == "conj" for x in c.children) for c in tok.children):
                span = own
        found = self._actors_of_span(span)  # what party() finds for the span's characters
        party = self._party(doc, span, span.start_char, span.end_char, found) if found else None
        if party is not None and set(party.actors) != set(ids):
            party = Party(ids, party.text, party.start, party.end, party.country if len(ids) == 1 else None,
                          party.sector)
        return party


def _person_nouns() -> frozenset[str]:
    from .person_nouns import person_nouns

    return person_nouns()


# --------------------------------------------------------------------------- building
class _CachedDoc:
    """A Doc whose Token objects are made once: the passes below read every token several
    times, and spaCy builds a new Token on each ``doc[i]`` and each iteration. Slices,
    ``len`` and every other attribute are the Doc's own."""

    __slots__ = ("_doc", "_tokens")

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._tokens = list(doc)

    def __getitem__(self, i):
        return self._tokens[i] if isinstance(i, int) else self._doc[i]

    def __iter__(self):
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)

    def __getattr__(self, name: str):
        return getattr(self._doc, name)


class _Builder:
    """Mutable state while one document's actors are resolved (internal)."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, published: Any) -> None:
        self.doc: Doc = cast(Doc, _CachedDoc(doc))
        self.kb = kb
        self.published = published
        self.has_dep = doc.has_annotation("DEP")
        self.records: dict[str, _Record] = {}
        self.by_token: dict[int, str] = {}
        self.plural: dict[int, tuple[str, ...]] = {}
        self.sector_by_token: dict[int, str] = {}
        self.locked: set[int] = set()  # tokens of people (names, titles): not overwritten
        self.cache: dict[str, Any] = {}  # values computed once per document (the dateline country)

    def add(self, kind: str, name: str, *, country: str | None = None,
            sector: str | None = None, key: str | None = None) -> str:
        aid = country_actor_id(country) if kind == "country" and country else actor_id(kind, key or name)
        rec = self.records.get(aid)
        if rec is None:
            self.records[aid] = _Record(kind, name, country, sector)
        return aid

    def assign(self, start: int, end: int, aid: str, *, lock: bool = False) -> None:
        for i in range(start, end):
            if i in self.locked and not lock:
                continue
            if self.doc[i].is_space:
                continue
            self.by_token[i] = aid
            self.plural.pop(i, None)
            if lock:
                self.locked.add(i)

    def dateline_country(self) -> str | None:
        """The country of the article's dateline ("NAIROBI, July 7 (Reuters) -" -> KEN) when
        it is also the country the article names most (a GENEVA dateline over talks between
        two other states is no home), and not a regional bureau's over events placed in another
        country the article alone names ("DAKAR, Senegal (AP) — ... attacked a military base *in
        central Mali*"), computed once after the names are resolved."""
        if "dateline" not in self.cache:
            found = document_lead(self.doc).dateline
            country = None
            if found is not None:
                for part in reversed([p.strip() for p in re.split(r"[,/]", found.place) if p.strip()]):
                    country = self.kb.place_country(part)
                    if country:
                        break
            if country is not None and found is not None:
                counts: dict[str | None, int] = {}  # mentions (runs of tokens) per country
                last = (-2, "")
                own_named, elsewhere = False, False  # outside the dateline
                for i in sorted(self.by_token):
                    aid = self.by_token[i]
                    rec = self.records[aid]
                    if (rec.kind == "country" or rec.country) and last != (i - 1, aid):
                        counts[rec.country] = counts.get(rec.country, 0) + 1
                        if not found.start <= self.doc[i].idx < found.end:
                            own_named = own_named or rec.country == country
                            tok = self.doc[i]
                            elsewhere = elsewhere or rec.kind == "country" and rec.country != country and \
                                tok.dep_ == "pobj" and tok.head.lower_ in WHERE_PREPS
                    last = (i, aid)
                if counts and max(counts.values()) > counts.get(country, 0) or elsewhere and not own_named:
                    country = None
            self.cache["dateline"] = country
        return self.cache["dateline"]

    def in_arg_position(self, start: int, end: int, state: bool = False) -> bool:
        """The phrase is a side's slot (subject, object, the object of with/to/...; of
        on/upon/at too for a ``state``'s capital), not a place mentioned."""
        if not self.has_dep:
            return True
        root = self.doc[start:end].root
        dep = root.dep_
        while dep in ("conj", "appos") and root.head.i != root.i:
            root = root.head
            dep = root.dep_
        if dep in ARG_DEPS:
            return True
        if dep == "pobj" and (root.head.lower_ in ARG_PREPS or state and root.head.lower_ in STATE_PREPS):
            return True
        if dep in ("compound", "nmod") and (root.head.lower_ in self.kb.sector_nouns
                                            or self.kb.title((root.head.lower_,)) is not None):
            return True
        return False


_CONTINENT_PARTS = frozenset({"Central", "Latin", "North", "South", "Meso", "Pan"})


def _describes_person(tok, kb: KnowledgeBase) -> bool:
    """``tok`` modifies a noun phrase that names a person ("Mexican-American *reporter*
    Jorge Ramos", "an Iranian-American businessman")."""
    from .person_nouns import person_nouns

    t = tok
    for _ in range(3):
        if t.dep_ not in ("amod", "compound", "nmod") or t.head.i == t.i:
            return False
        t = t.head
        if t.ent_type_ == "PERSON" or t.lemma_.lower() in person_nouns() or kb.title((t.lower_,)) is not None:
            return True
    return False


def _state_of(doc: Doc, spec: tuple[str, frozenset[str], frozenset[str]]) -> str | None:
    """The country a name shared with one of its states stands for in ``doc``: that
    state's country where the article has words of the state's context and none of the
    country's (``actor_words.yaml``, ``state_names``; any case), else None."""
    state_of, cues, country_cues = spec
    texts = {t.lower_ for t in doc}
    return state_of if texts & cues and not texts & country_cues else None


def _water_name(doc: Doc, start: int, end: int) -> bool:
    """The words ``[start, end)`` are inside the capitalised name of a sea, a gulf or a
    peninsula: followed by its noun ("China *Sea*") or after "<noun> of" ("*Gulf of* Mexico")."""
    water = actor_words().water_words
    after = end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_ in water
    before = start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text[:1].isupper() \
        and doc[start - 2].lower_ in water
    return after or before


def _bare_name(tok) -> bool:
    """A singular demonym standing alone as a noun phrase with no determiner ("*Cuban*
    seemed to rely on ..."): English writes "a Cuban", "the British", "Cubans"; alone it is
    a surname."""
    return (tok.tag_ == "NNP" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
            and not tok.text.endswith("s") and not any(c.dep_ in ("det", "poss", "amod", "compound")
                                                         for c in tok.children))


def _proper(doc: Doc, start: int, end: int, joiners: frozenset[str]) -> bool:
    """Whether tokens ``start:end`` are written as a proper name: every word capitalised
    except joining words ("Law Society of Kenya"); a short single word only in capitals
    ("WHO", not "Who")."""
    if end - start == 1:  # "WHO", not "Who"; "Hamas" as a proper noun, not "Youth" opening a sentence
        t = doc[start]
        return t.is_upper if len(t.text) <= 4 else (t.is_title or t.is_upper) and t.pos_ in ("PROPN", "")
    for t in doc[start:end]:
        if t.is_alpha and not (t.text[:1].isupper() or t.lower_ in joiners):
            return False
    return doc[start].text[:1].isupper()


def _scan(doc: Doc, kb: KnowledgeBase) -> list[tuple[int, int, Any]]:
    """Longest KB phrase matches, left to right: (start, end, KBEntry | ("inst", sector)).
    Curated phrases match with their case; the open dictionaries' organisations and
    government bodies (``kb.phoenix``) match without case where written as a name."""
    out = []
    n = len(doc)
    texts = [t.text.replace(".", "").replace("’", "'") for t in doc]
    stops = [t.is_space or (t.is_punct and t.text not in ("-", "'", "’", "&")) for t in doc]
    prefixes = kb.prefixes()
    phrases, institutions = kb.phrases, kb.institutions
    ph = kb.phoenix
    firsts = ph.first_tokens if ph is not None else frozenset()
    joiners = actor_words().name_joiners
    i = 0
    while i < n:
        best: tuple[int, int, Any] | None = None
        key = ""
        open_ph = texts[i].lower() in firsts and not doc[i].is_lower
        for j in range(i, min(n, i + max(kb.max_tokens, 12))):
            if stops[j] and (j > i or doc[j].is_space):
                break
            key += texts[j]
            low = key.lower()
            own = key in prefixes or low in prefixes
            open_ph = open_ph and ph.is_prefix(low)
            if not own and not open_ph:
                break
            entry = phrases.get(key) if own else None
            if entry is not None:
                best = (i, j + 1, entry)
            inst = institutions.get(low) if own else None
            if inst is not None and (best is None or best[1] < j + 1):
                best = (i, j + 1, ("inst", inst))
            if open_ph and (best is None or best[1] < j + 1):
                hit = ph.entry(low, kb.countries)
                if hit is not None and _proper(doc, i, j + 1, joiners):
                    best = (i, j + 1, hit)
        if best is not None:
            out.append(best)
            i = best[1]
        else:
            i += 1
    return out


def _apply_lexicon(b: _Builder) -> list[tuple[int, int, str]]:
    """Countries, organisations and groups named in the text. Returns institution
    matches (start, end, sector) that still need a country."""
    doc, kb = b.doc, b.kb
    words = actor_words()
    matches = _scan(doc, kb)
    # (a possessive the recogniser took into the name is not part of it: "*Sri Lanka*'s president")
    person_ents = [(e.start, e.end - (e[-1].lower_ in ("'s", "’s"))) for e in doc_ents(doc)
                   if e.label_ == "PERSON" and len(e) > 1]
    named = {m[2].name for m in matches if isinstance(m[2], KBEntry) and not m[2].description}
    institutions = []
    demonym_at = {m[0] for m in matches if isinstance(m[2], KBEntry) and m[2].source == "demonym"}
    for start, end, entry in matches:
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e in person_ents):
            continue
        if isinstance(entry, KBEntry) and entry.source == "demonym" and end + 1 in demonym_at and \
                end < len(doc) and doc[end].text == "-" and _describes_person(doc[end + 1], kb):
            continue  # "Mexican-American reporter Jorge Ramos": an American (not "Russian-Ukrainian talks")
        if isinstance(entry, tuple):
            institutions.append((start, end, entry[1]))
            continue
        if entry.description and entry.name not in named:
            continue
        if entry.place_like and not b.in_arg_position(start, end, state=entry.kind == "country"):
            continue
        if entry.source == "demonym" and end - start == 1 and _bare_name(doc[start]):
            continue  # "*Cuban* seemed to rely on ...": a surname, not the people of Cuba
        if entry.kind == "country" and _water_name(doc, start, end):
            continue  # "the South China Sea", "the Sea of Japan": a body of water, no side
        if entry.kind == "group" and any(e.label_ in ("GPE", "LOC", "NORP") and e.start <= start and end < e.end
                                         for e in doc_ents(doc)):
            continue  # "the West Bank", "West African": a place or people named by a longer name, not "the West"
        continent = start > 0 and doc[start - 1].text in _CONTINENT_PARTS and (
            entry.source == "demonym" or doc[start].text == "America")  # ("Latin America")
        if entry.kind == "country" and start > 0 and (doc[start - 1].text == "New" and entry.source != "metonym"
                                                      or continent):
            # "New Mexico", "New Jersey", "Latin American", "the Central American country of
            # Honduras": another place (the KB's "New Zealand", "South African" matched whole)
            continue
        if entry.source == "metonym" and entry.sector and (near := _country_near(b, start, end)) is not None \
                and b.records[near].country != entry.country:
            institutions.append((start, end, entry.sector))  # "Peru's Congress": Peru's legislature, not the US's
            continue
        if entry.kind == "country" and doc[start:end].text in words.state_names:
            state = _state_of(doc, words.state_names[doc[start:end].text])
            if state is not None:  # "Trump won *Georgia*": the US state, its country's side
                entry = replace(entry, name=kb.countries.get(state, state), country=state)
        if entry.kind == "country":
            aid = b.add("country", entry.name, country=entry.country)
        else:
            aid = b.add(entry.kind, entry.name, country=entry.country, sector=entry.sector)
        b.assign(start, end, aid)
        if entry.source == "metonym" and entry.sector:
            b.sector_by_token[end - 1] = entry.sector
    return institutions


def _country_near(b: _Builder, start: int, end: int) -> str | None:
    """A country actor right before a phrase ("Russian", "Russia's") or after it ("of Russia")."""
    doc = b.doc
    j = start - 1
    while j >= 0 and doc[j].lower_ in ("'s", "’s", "the"):
        j -= 1
    if j >= 0 and j in b.by_token and b.records[b.by_token[j]].kind == "country":
        return b.by_token[j]
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        k = end + 1
        if doc[k].lower_ == "the":
            k += 1
        if k < len(doc) and k in b.by_token and b.records[b.by_token[k]].kind == "country":
            return b.by_token[k]
    return None


def _apply_institutions(b: _Builder, institutions: list[tuple[int, int, str]]) -> None:
    for start, end, sector in institutions:
        aid = _country_near(b, start, end)
        if aid is None:
            continue
        b.assign(start, end, aid)
        b.sector_by_token[end - 1] = sector


from . import coref as _coref  # noqa: E402  (coref uses the builder defined above)
from .agents import STATE_SECTORS, apply_sector_nouns  # noqa: E402
from .people import apply_people  # noqa: E402


def _single_titles(kb: KnowledgeBase) -> frozenset[str]:
    """One-word titles ("president", "minister"): they end or precede an organisation name."""
    cached = kb.__dict__.get("_single_titles")
    if cached is None:
        cached = frozenset(k[0] for k in kb.titles if len(k) == 1)
        kb.__dict__["_single_titles"] = cached
    return cached


def _apply_org_names(b: _Builder, institutions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Organisation names found by their form (``org_names.py``) become actors of their own
    with a sector and the country named inside them; a state's own body ("Kenya Defence
    Forces") stands for the state with its sector. Returns the institution matches that
    no such name covers."""
    words = actor_words()
    covered: set[int] = set()
    places = [(e.start, e.end) for e in doc_ents(b.doc) if e.label_ in ("GPE", "LOC")]
    for org in find_org_names(b.doc, words, _single_titles(b.kb), b.locked):
        if any(s <= org.start and org.end <= e for s, e in places):
            continue  # "the West Bank": a place the recogniser knows, not a bank
        toks = range(org.start, org.end)
        ids = [b.by_token.get(i) for i in toks if not b.doc[i].is_punct]
        if ids and ids[0] is not None and all(a == ids[0] for a in ids):
            continue  # the knowledge base knows this name
        if any(a is not None and b.records[a].kind in ("organization", "person") for a in ids):
            continue  # a known organisation or a person inside: not one new name
        country = next((b.records[a].country for a in ids if a is not None and b.records[a].kind == "country"),
                       None)
        texts = [t.text for t in b.doc[org.start:org.end]]
        head = b.doc[org.head].lower_
        cue = words.cue_sector(texts)
        state = words.state_heads.get(head)
        if state is not None and (cue is None or cue in STATE_SECTORS):
            if country is None:
                continue  # "the Interior Ministry": its country comes from the context
            aid = b.add("country", b.kb.countries.get(country, country), country=country)
            b.assign(org.start, org.end, aid)
            b.sector_by_token[org.end - 1] = cue or state
        else:
            if country is None:  # "Brazil's Supreme Court": the possessor names its country
                owner = next((b.by_token.get(c.i) for c in b.doc[org.head].children if c.dep_ == "poss"), None)
                country = b.records[owner].country if owner is not None and b.records[owner].kind == "country" \
                    else None
            sector = cue or words.org_heads.get(head) or b.kb.agents.get(head)
            name = b.doc[org.start:org.end].text
            aid = b.add("organization", name, country=country, sector=sector)
            b.assign(org.start, org.end, aid)
            before = org.start - 1  # "The" of "The Kenya" matched as the country
            if before >= 0 and b.doc[before].lower_ == "the" and b.by_token.get(before, aid) in ids:
                del b.by_token[before]
            if sector:
                b.sector_by_token[org.end - 1] = sector
        covered.update(toks)
    return [m for m in institutions if not covered.intersection(range(m[0], m[1]))]


def _runs(b: _Builder) -> dict[str, list[tuple[int, int]]]:
    """Maximal runs of consecutive tokens resolved to the same actor -> char spans."""
    doc = b.doc
    out: dict[str, list[tuple[int, int]]] = {}
    prev_aid, run_start, run_end = None, 0, 0
    for i in sorted(b.by_token):
        aid = b.by_token[i]
        if aid == prev_aid and i == run_end:
            run_end = i + 1
            continue
        if prev_aid is not None:
            out.setdefault(prev_aid, []).append((run_start, run_end))
        prev_aid, run_start, run_end = aid, i, i + 1
    if prev_aid is not None:
        out.setdefault(prev_aid, []).append((run_start, run_end))
    prev: tuple[int, int, tuple[str, ...]] | None = None
    plural_runs: list[tuple[int, int, tuple[str, ...]]] = []
    for i in sorted(b.plural):
        ids = b.plural[i]
        if prev is not None and prev[1] == i and prev[2] == ids:
            prev = (prev[0], i + 1, ids)
            plural_runs[-1] = prev
        else:
            prev = (i, i + 1, ids)
            plural_runs.append(prev)
    for s, e, ids in plural_runs:
        for aid in ids:
            out.setdefault(aid, []).append((s, e))
    chars: dict[str, list[tuple[int, int]]] = {}
    for aid, runs in out.items():
        spans = set()
        for s, e in runs:
            sp = doc[s:e]
            spans.add((sp.start_char, sp.end_char))
        chars[aid] = sorted(spans)
    return chars


def extract_actors(doc: Doc, ctx: ExtractionContext) -> ActorTable:
    """Resolve every actor mention of ``doc`` (names, titles, descriptions, pronouns)."""
    kb = load_kb(tuple(getattr(ctx.settings, "actor_dictionaries", ()) or ()),
                 getattr(ctx.settings, "actor_registry", None))
    b = _Builder(doc, kb, ctx.article.published)
    institutions = _apply_lexicon(b)
    apply_people(b)
    institutions = _apply_org_names(b, institutions)
    _apply_institutions(b, institutions)
    apply_sector_nouns(b)
    _coref.resolve(b)
    spans = _runs(b)
    actors = []
    text = doc_text(doc)  # built from the tokens on every access: once per document
    for aid, rec in b.records.items():
        if aid not in spans:
            continue
        mentions = tuple(Span.of(text, s, e) for s, e in spans[aid])
        actors.append(Actor(id=aid, name=rec.name, kind=rec.kind, country=rec.country,
                            sector=rec.sector, roles=tuple(dict.fromkeys(rec.roles)),
                            mentions=mentions))
    actors.sort(key=lambda a: a.mentions[0].start)
    return ActorTable(tuple(actors), dict(b.by_token), dict(b.plural), dict(b.sector_by_token))


def normalized(name: str) -> str:
    return normalize_name(name)
