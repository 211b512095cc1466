"""Places: toponyms in the text, geocoded offline, and the place of each event.

``extract_places(doc, ctx, actors) -> PlaceTable``.

1. Toponyms are GPE/LOC/FAC entities. A toponym acting as an actor ("Moscow said",
   "warned Washington", "talks with Moscow", "the Kyiv government", "Ukraine's
   membership bid") is a metonym, not a place, and is left out (:mod:`.place_roles`).
2. Each toponym is looked up in the gazetteer (:mod:`communique.kb.gazetteer`) and its
   candidates scored: kind (a country before a town of the same name), population, an
   explicit qualifier ("Paris, Texas"), and the countries the article names
   (two passes: the unambiguous toponyms first, then the rest in their light).
3. The dateline ("SPRINGFIELD, Ill. (AP) -", "KYIV, Ukraine, Jan. 21 -") gives places with
   role ``dateline`` (:func:`.dateline.document_lead`): its city, and the country or state
   that qualifies it ("Ill." through ``data/geo/datelines.json``), resolved
   with the other toponyms (the qualifier picks Springfield, Illinois); a toponym the
   entity recogniser found inside the dateline is replaced by them.
4. ``PlaceTable.location_for(token)`` returns the place an event happened at: a
   locative modifier of the event word ("talks in Geneva", "met in Berlin", "After
   meeting with Baerbock in Berlin", "the Geneva talks"), else of the verbs above it.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..kb.gazetteer import ADMIN1, CITY, CONTINENT, COUNTRY, REGION, Candidate, Gazetteer, curated, load_gazetteer
from ..kb.words import actor_words
from ..models import Location, Place
from .actors import ActorTable
from .context import ExtractionContext
from .dateline import dateline_tables, document_lead
from .doc_tokens import doc_ents, doc_text, token_table
from .toponyms import find_toponyms

ADMIN_CUES = frozenset({"governor", "state", "legislature", "province", "premier", "voters"})
# Prepositions that locate an event ("in Geneva", "near Kharkiv").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout",
                            "around", "off", "within", "into", "along", "over"})
# Clause boundaries that a search for a locative modifier does not cross downward.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "xcomp", "csubj", "parataxis", "conj",
                          "acl", "pcomp"})
QUALIFIER_BONUS = 200.0
CONTEXT_BONUS = 6.0
SENTENCE_BONUS = 8.0


@dataclass(frozen=True)
class PlaceTable:
    places: tuple[Place, ...]
    by_token: dict[int, int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def empty(cls) -> PlaceTable:
        return cls(())

    def place_for_token(self, i: int) -> Place | None:
        k = self.by_token.get(i)
        return self.places[k] if k is not None else None

    def location_for(self, token: Token) -> Location | None:
        """Where the event named by ``token`` happened ("talks in Geneva"), or None."""
        place = self.place_of_event(token)
        return place.location if place is not None else None

    def place_of_event(self, token: Token) -> Place | None:
        seen: set[int] = set()
        t: Token | None = token
        while t is not None and t.i not in seen:
            seen.add(t.i)
            place = self._located(t)
            if place is not None:
                return place
            # an event noun takes the place of its verb; a verb does not borrow another's
            if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
                break
            t = t.head
        return None

    def _located(self, t: Token) -> Place | None:
        """A locative modifier of ``t`` or of its arguments, nearest first."""
        frontier = [t]
        direct: Place | None = None
        for _depth in range(3):
            nxt: list[Token] = []
            for node in frontier:
                for child in node.children:
                    if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                p = self._place_in(obj)
                                if p is not None:
                                    return p
                    elif child.dep_ in ("compound", "nmod", "poss") and node.pos_ in ("NOUN", "PROPN"):
                        p = self.place_for_token(child.i)
                        if p is not None and node.i == t.i:
                            return p
                    elif child.dep_ in ("dobj",) and direct is None and node.i == t.i:
                        direct = self.place_for_token(child.i)
                    if child.dep_ not in _CLAUSE_DEPS or (child.dep_ == "pcomp" and node.i == t.i):
                        nxt.append(child)
            frontier = nxt
        return direct

    def _place_in(self, obj: Token) -> Place | None:
        """The place a preposition's object names: "Berlin", "the city of Kharkiv"."""
        p = self.place_for_token(obj.i)
        if p is not None:
            return p
        for child in obj.children:
            if child.dep_ in ("compound", "appos", "nmod"):
                p = self.place_for_token(child.i)
                if p is not None:
                    return p
            if child.dep_ == "prep" and child.lower_ == "of":
                for g in child.children:
                    p = self.place_for_token(g.i)
                    if p is not None:
                        return p
        return None


# -- disambiguation ---------------------------------------------------------------------------

@dataclass
class _Toponym:
    span: Span  # the words looked up
    start: int  # start of the whole mention ("eastern Ukraine")
    region: str | None
    candidates: list[Candidate]
    chosen: Candidate | None = None
    qualifier: _Toponym | None = None  # "Texas" in "Paris, Texas"
    qualifies: _Toponym | None = None  # "Paris" for "Texas"
    admin_cue: bool = False  # "the governor of New York"
    role: str | None = None  # "dateline"


def _base_score(c: Candidate) -> float:
    r = c.record
    if r.kind == COUNTRY:
        s = 110.0
    elif r.kind == REGION:
        s = 95.0
    elif r.kind == CONTINENT:
        s = 90.0
    elif r.kind == ADMIN1:
        s = 85.0
    else:
        s = 30.0 + 10.0 * math.log10(r.population + 1)
    return s + (5.0 if c.primary else -10.0)


def _contains(outer: Candidate, inner: Candidate) -> bool:
    """Is ``inner`` inside ``outer`` (a city in its state or country)?"""
    o, i = outer.record, inner.record
    if o.country is None or i.country != o.country or o is i:
        return False
    if o.kind == COUNTRY:
        return i.kind != COUNTRY
    if o.kind == ADMIN1 and i.kind == CITY and o.admin1 and i.admin1:
        if o.admin1.startswith("US-"):
            return i.admin1 == o.admin1
        return True  # GeoNames admin1 keys of other countries do not map to ISO 3166-2
    return False


def _score(t: _Toponym, c: Candidate, countries: Counter, near: frozenset = frozenset()) -> float:
    s = _base_score(c)
    if c.record.kind == ADMIN1:
        if t.admin_cue:
            s += 30.0
        elif any(o.record.kind == CITY and o.record.country == c.record.country
                 and o.record.population >= 100_000 for o in t.candidates):
            s -= 20.0  # "Idlib", "New York": the city unless the province is meant
    if t.qualifier is not None and any(_contains(q, c) for q in t.qualifier.candidates):
        s += QUALIFIER_BONUS
    if t.qualifies is not None and any(_contains(c, q) for q in t.qualifies.candidates):
        s += QUALIFIER_BONUS
    if c.record.country and countries.get(c.record.country):
        s += CONTEXT_BONUS
    if c.record.country in near:
        s += SENTENCE_BONUS
    return s


def _admin_cue(span: Span) -> bool:
    """"the governor of New York": the state, not the city."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in ADMIN_CUES


def _qualified_pairs(tops: list[_Toponym], text: str) -> None:
    """"Paris, Texas": the second toponym qualifies the first when it can contain it."""
    for a, b in zip(tops, tops[1:]):
        between = text[a.span.end_char:b.start]
        if between.strip() == "," and any(_contains(q, c) for q in b.candidates for c in a.candidates):
            a.qualifier = b
            b.qualifies = a


def _resolve(tops: list[_Toponym], extra_countries: Counter, text: str) -> None:
    _qualified_pairs(tops, text)
    # the start of each toponym's sentence (Token.sent walks the parse on every call)
    starts = [a for a, _ in token_table(tops[0].span.doc).sentences] if tops else []
    sent_of = {id(t): starts[bisect_right(starts, t.span.root.i) - 1] for t in tops}
    countries = Counter(extra_countries)
    firm: dict[int, str] = {}  # toponym position -> country, for the unambiguous ones
    # pass 1: toponyms that need no context (a country, or one clear winner)
    for t in tops:
        if not t.candidates:
            continue
        ranked = sorted(t.candidates, key=lambda c: _score(t, c, Counter()), reverse=True)
        best = ranked[0]
        margin = _score(t, best, Counter()) - (_score(t, ranked[1], Counter()) if len(ranked) > 1 else 0)
        if best.record.kind in (COUNTRY, REGION) or margin >= 15 or t.qualifier is not None:
            if best.record.country:
                countries[best.record.country] += 1
                if best.record.kind != COUNTRY or _locative(t.span.root):
                    firm[id(t)] = best.record.country
    # pass 2: every toponym in the light of the article's and the sentence's countries
    for t in tops:
        if t.candidates:
            near = frozenset(firm[id(o)] for o in tops if o is not t and id(o) in firm
                             and sent_of[id(o)] == sent_of[id(t)])
            t.chosen = max(t.candidates, key=lambda c: (_score(t, c, countries, near), c.record.population))


def _dateline_toponyms(doc: Doc, g: Gazetteer) -> list[_Toponym]:
    """The parts of the dateline as toponyms: "SPRINGFIELD", "Ill." (looked up as Illinois);
    "BRUSSELS/BERLIN" is two cities."""
    dl = document_lead(doc).dateline
    if dl is None:
        return []
    abbreviations = dateline_tables().abbreviations
    tops: list[_Toponym] = []
    for k, (offset, part) in enumerate(dl.parts):
        names = part.split("/") if k == 0 else [part]
        pos = offset
        for name in names:
            start = doc_text(doc).index(name, pos)
            pos = start + len(name)
            span = doc.char_span(start, start + len(name), alignment_mode="expand")
            if span is None or not name.strip():
                continue
            cands = g.lookup(abbreviations.get(name, name))
            if cands:  # "BREAKING -" opens like a dateline but names no place
                tops.append(_Toponym(span, start, None, list(cands), role="dateline"))
    return tops


def _locative(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS


def _states_named(tops: list[_Toponym], actors: ActorTable | None) -> dict[int, str]:
    """Token index -> country, for the tokens of a country's name that is also another
    country's state ("Georgia") and that the actor table took for that state in this article
    (``actor_words.yaml``, ``state_names``)."""
    shared = actor_words().state_names
    out: dict[int, str] = {}
    for t in tops:
        spec = shared.get(t.span.text)
        if spec is None or actors is None:
            continue
        toks = range(t.span.start, t.span.end)
        if any((a := actors.get(actors.actor_for_token(i))) is not None and a.country == spec[0] for i in toks):
            out.update((i, spec[0]) for i in toks)
    return out


def extract_places(doc: Doc, ctx: ExtractionContext, actors: ActorTable | None = None) -> PlaceTable:
    """Toponyms of ``doc`` geocoded, with the index ``location_for`` needs (metonyms are
    recognised from the parse). A country's name that is also another country's state keeps
    the country the actor table gave it ("Trump won *Georgia*": the US state)."""
    cache_dir = getattr(ctx.settings, "cache_dir", None)
    g = load_gazetteer(cache_dir)
    directions = curated()["directions"]
    tops = [_Toponym(t.span, t.start, t.region, list(t.candidates), admin_cue=_admin_cue(t.span))
            for t in find_toponyms(doc, g, directions)]
    dateline = _dateline_toponyms(doc, g)
    if dateline:
        lead = document_lead(doc).dateline
        assert lead is not None
        tops = sorted([t for t in tops if t.span.end_char <= lead.start or t.start >= lead.end] + dateline,
                      key=lambda t: t.start)
    # a name the actor table gave to a person the knowledge base knows (with a role or a country) is no place
    # ("decided to back *Obama* days before"); a name only the recogniser took for a person is
    # ("retook *Kherson*")
    if actors is not None:
        tops = [t for t in tops if not all(
            (a := actors.get(actors.actor_for_token(i))) is not None and a.kind == "person" and (a.roles or a.country)
            for i in range(t.span.start, t.span.end))]
    # a country's name that is also another country's state ("Georgia") is what the actor
    # table decided it is in this article
    states = _states_named(tops, actors)
    for t in tops:
        state = states.get(t.span.start)
        if state is not None and any(c.record.country == state for c in t.candidates):
            t.candidates = [c for c in t.candidates if c.record.country == state]
    # countries named as actors or demonyms still tell us what the article is about
    extra: Counter[str | None] = Counter()
    for ent in doc_ents(doc):
        if ent.label_ == "GPE":
            if ent.start in states:
                extra[states[ent.start]] += 1
                continue
            for c in g.lookup(ent.text):
                if c.record.kind == COUNTRY:
                    extra[c.record.country] += 1
    text = doc_text(doc)
    _resolve(tops, extra, text)
    places: list[Place] = []
    by_token: dict[int, int] = {}
    for t in tops:
        end = t.span.end_char
        if t.chosen is None and t.span.root.pos_ == "ADJ":
            continue  # a demonym tagged GPE ("Ukrainian claims")
        if t.chosen is None:
            place = Place(t.start, end, text[t.start:end], name=t.span.text, region=t.region,
                          role=t.role)
        else:
            r = t.chosen.record
            place = Place(t.start, end, text[t.start:end], name=r.name, country=r.country,
                          admin1=r.admin1, lat=r.lat, lon=r.lon, geonameid=r.geonameid,
                          region=t.region, role=t.role)
        for tok in t.span.doc[t.span.start:t.span.end]:
            by_token[tok.i] = len(places)
        places.append(place)
    return PlaceTable(tuple(places), by_token)
