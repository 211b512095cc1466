"""The country of an event side the actor table leaves without one.

The actor table knows the countries of states, of people its knowledge base lists and of
bodies named with their state. An event side can still be placed in a country when the
table gives none ("Ben Carson", "the main armed faction", "striking workers from Al-Wafa
Hospital in Damascus", "Congress"):

1. a country named inside the side's own phrase: a place ("... in Damascus", "Texas
   Sen. Ted Cruz"), an actor with a country, or a political affiliation word of the data
   file ``data/events/side_countries.json`` ("Republican", "GOP", "Congress" -> USA);
2. else the article's home: the country that more than half of the country-bearing actor
   mentions name ("Austria has reached a deal with hundreds of striking postal workers"); a
   mention that only places something ("a factory in Mexico") or a pronoun does not count;
   a personal pronoun coreference leaves open ("He commanded the Democratic Party to ...")
   is somebody of the article, placed there as an unknown name is;
3. else, when the article names no country at all, the one its affiliation words name.

Organisations the table knows without a country (the UN, Amnesty, a company) stay
without one, and so do their people ("Islamic State fighters") and sides whose head noun
is non-state by nature ("hackers", "a group of ..."). The actor records themselves are
not changed: the country belongs to the side of this event (``Party.country``, which
dyadic outputs index).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from ..errors import ConfigError
from ..kb import load_kb
from ..models import Party, Place
from .actors import ActorTable
from .agents import backer_word
from .event_lexicon import load_lexicon
from .person_nouns import person_nouns
from .places import PlaceTable

DATA_PACKAGE = "communique.data.events"
DATA_FILE = "side_countries.json"
_REQUIRED = ("name", "version", "source", "licence", "affiliation", "non_state", "locative_preps",
             "relational_nouns", "side_nouns", "pronoun_sides", "quantifiers", "local_nouns",
             "event_place_preps", "documents", "props", "counted_people", "foreign_modifiers", "regional_modifiers",
             "home_pronouns", "bare_quantifier_sides", "envoy_nouns")


@dataclass(frozen=True)
class SideCountries:
    """The data file, read: affiliation phrases (lower-cased token tuples) -> country."""

    version: str
    affiliation: dict[tuple[str, ...], str]
    non_state: frozenset[str]
    first: frozenset[str]  # first words of the affiliation phrases
    locative: frozenset[str]  # prepositions whose object is a place, not a participant
    relational: frozenset[str]  # nouns naming someone other than their owner ("its neighbor")
    side_nouns: frozenset[str]  # nouns that name a side by themselves ("the two countries")
    pronouns: frozenset[str] = frozenset()  # personal pronouns that name a side left unresolved ("He")
    quantifiers: frozenset[str] = frozenset()  # "*some* of the families": part of the group named
    local: frozenset[str] = frozenset()  # people of the place where their event happens ("police")
    place_preps: frozenset[str] = frozenset()  # prepositions of that place ("in Nairobi")
    documents: frozenset[str] = frozenset()  # texts that are no side ("the Covenant")
    props: frozenset[str] = frozenset()  # things shown that are no side ("the Ukrainian flag")
    counted: frozenset[str] = frozenset()  # quantities of people that are a side ("Dozens")
    foreign: frozenset[str] = frozenset()  # modifiers that say a side is not from here ("*foreign* NGOs")
    regional: frozenset[str] = frozenset()  # modifiers naming several states ("the *European* peace proposal")
    home_pronouns: frozenset[str] = frozenset()  # pronouns of a person, placed at the home when left open
    bare_quantifiers: frozenset[str] = frozenset()  # quantifiers that alone are people acting ("*Some* have urged")
    envoys: frozenset[str] = frozenset()  # who serve abroad, never placed at home by guess ("the ambassador")


@cache
def side_countries() -> SideCountries:
    """``data/events/side_countries.json`` (read once per process)."""
    path = resources.files(DATA_PACKAGE).joinpath(DATA_FILE)
    data = json.loads(path.read_text(encoding="utf-8"))
    missing = [k for k in _REQUIRED if k not in data]
    if missing:
        raise ConfigError(f"{DATA_FILE} lacks {', '.join(missing)}", file=DATA_FILE)
    aff: dict[tuple[str, ...], str] = {}
    for country, words in data["affiliation"].items():
        if not (isinstance(country, str) and len(country) == 3 and country.isupper()):
            raise ConfigError(f"{DATA_FILE}: {country!r} is not an ISO 3166 alpha-3 code", file=DATA_FILE)
        for w in words:
            aff[tuple(w.lower().split())] = country
    return SideCountries(str(data["version"]), aff, frozenset(w.lower() for w in data["non_state"]),
                         frozenset(k[0] for k in aff), frozenset(w.lower() for w in data["locative_preps"]),
                         frozenset(w.lower() for w in data["relational_nouns"]),
                         frozenset(w.lower() for w in data["side_nouns"]),
                         frozenset(w.lower() for w in data["pronoun_sides"]),
                         frozenset(w.lower() for w in data["quantifiers"]),
                         frozenset(w.lower() for w in data["local_nouns"]),
                         frozenset(w.lower() for w in data["event_place_preps"]),
                         frozenset(w.lower() for w in data["documents"]),
                         frozenset(w.lower() for w in data["props"]),
                         frozenset(w.lower() for w in data["counted_people"]),
                         frozenset(w.lower() for w in data["foreign_modifiers"]),
                         frozenset(w.lower() for w in data["regional_modifiers"]),
                         frozenset(w.lower() for w in data["home_pronouns"]),
                         frozenset(w.lower() for w in data["bare_quantifier_sides"]),
                         frozenset(w.lower() for w in data["envoy_nouns"]))


class DocCountries:
    """What the whole article says about countries: its ``home`` (see the module
    docstring) and, when it names no country, the country its ``affiliation`` words name.
    Computed on first use, once per document (most events need neither)."""

    def __init__(self, doc: Doc, actors: ActorTable) -> None:
        self._doc = doc
        self._actors = actors
        self._done = False
        self._home: str | None = None
        self._affiliation: str | None = None
        self._mentions: list[tuple[str, int, int]] = []  # (country, start, end) of each evidence mention

    @property
    def home(self) -> str | None:
        self._compute()
        return self._home

    @property
    def affiliation(self) -> str | None:
        self._compute()
        return self._affiliation

    def home_without(self, start: int, end: int) -> str | None:
        """The home counted without the mentions inside ``[start, end)`` (the other side of
        the event: "Senator Rubio urged China" is no evidence that the senator is Chinese)."""
        self._compute()
        if self._home is None:
            return None
        return _majority(Counter(c for c, s, e in self._mentions if not (start <= s and e <= end)))

    def _compute(self) -> None:
        if self._done:
            return
        self._done = True
        doc = self._doc
        locative = side_countries().locative
        # a group's country comes from a mention counted already ("*Mexican* immigrants")
        self._mentions = [(a.country, m.start, m.end) for a in self._actors.actors
                          if a.country and a.kind != "group"
                          for m in a.mentions if _evidence(doc, m.start, m.end, locative)]
        counts = Counter(c for c, _s, _e in self._mentions)  # countries named only as places drop out
        if counts:
            self._home = _majority(counts)
        else:
            # (not a word of a place's name: "the *Democratic* Republic of the Congo")
            found = {c for c in (_affiliation_at(doc, t.i) for t in doc if t.ent_type_ != "GPE")
                     if c}
            self._affiliation = found.pop() if len(found) == 1 else None


def _majority(counts: Counter[str]) -> str | None:
    """The country more than half of the counted mentions name."""
    if not counts:
        return None
    top, n = counts.most_common(1)[0]
    return top if 2 * n > sum(counts.values()) else None


def doc_countries(doc: Doc, actors: ActorTable) -> DocCountries:
    """The article's countries (:class:`DocCountries`), computed when first asked for."""
    return DocCountries(doc, actors)


def _evidence(doc: Doc, start: int, end: int, locative: frozenset[str]) -> bool:
    """The mention names a participant: no pronoun (whose resolution is a guess) and no
    object of a locative preposition ("a factory *in Mexico*")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.pos_ != "PRON" and not (root.dep_ == "pobj" and root.head.lower_ in locative)


def _affiliation_at(doc: Doc, i: int) -> str | None:
    data = side_countries()
    low = doc[i].lower_
    if low not in data.first:
        return None
    for key, country in data.affiliation.items():
        if key[0] == low and tuple(t.lower_ for t in doc[i:i + len(key)]) == key:
            return country
    return None


def _collective(name: str) -> bool:
    """``name`` is a collective of the KB (several states: "the West", "European countries")."""
    entry = load_kb().lookup(name)
    return entry is not None and entry.source == "collective"


_ASIDES = frozenset({"relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis"})


def _phrase(tok: Token) -> list[Token]:
    """The tokens of ``tok``'s noun phrase, without relative clauses and asides at any depth
    ("Patricia Smith, the mother of Sean Smith, *who died in Benghazi*": not Libyan)."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ not in _ASIDES]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "parataxis"))
    return sorted(out, key=lambda t: t.i)


_NON_STATE = "-"  # the phrase names a non-state organisation: "Islamic State fighters"


_PLACE_PREPS = frozenset({"of", "from", "in", "into", "to", "toward", "towards", "near", "across", "around"})


def _country_in_phrase(tok: Token, actors: ActorTable, places: PlaceTable) -> str | None:
    for t in _phrase(tok):
        if backer_word(t):
            continue  # "*Russia*-backed separatists": their backer's country, not their own
        c = _affiliation_at(tok.doc, t.i)
        if c:
            return c
        aid = actors.actor_for_token(t.i)
        if aid is not None:  # a name the table resolved is no place ("Clinton")
            a = actors.get(aid)
            if t.i != tok.i and a is not None and a.country:
                return a.country
            if t.i != tok.i and a is not None and a.kind == "organization":
                return _NON_STATE
            if not (a is not None and a.kind == "person" and not a.country and places.place_for_token(t.i)
                    and t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS):
                continue
            # (a "person" of no country that the gazetteer places, in a phrase of place, is a
            # place: "pulled out of *Kherson*"; "hosted *Bush*" is a man)
        if t.i < tok.i and t.pos_ == "PROPN" and t.ent_type_ == "ORG":
            return _NON_STATE  # an organisation the table does not know, as a modifier
        place = places.place_for_token(t.i)
        if place is not None and place.country:
            return place.country
        if place is None and t.i < tok.i and t.ent_type_ == "GPE" and t.dep_ in ("compound", "nmod"):
            # a place naming the side ("*Orlando* community leaders") that no place table holds
            ent = next((e for e in tok.doc.ents if e.start <= t.i < e.end), None)
            country = load_kb().place_country(ent.text) if ent is not None else None
            if country:
                return country
    return None


def place_side(doc: Doc, party: Party | None, tok: Token | None, actors: ActorTable,
               places: PlaceTable, ctx: DocCountries, *, not_home: str | None = None,
               other: Party | None = None) -> Party | None:
    """``party`` with the country it can be placed in when the actor table gives it none
    (see the module docstring); ``tok`` heads its phrase when known. The home is no guess
    when it is ``not_home`` (the attacker's country, for the victims of an attack), and is
    counted without the mentions inside ``other`` (the recipient, for the actor's home)."""
    if party is None or party.country or party.members:
        return party
    known = [actors.get(a) for a in party.actors]
    if any(a is not None and a.country for a in known):
        return party
    if any(a is not None and (a.kind not in ("person", "group") or _collective(a.name)) for a in known):
        return party  # an organisation or a collective ("the West") the table knows without a country
    if tok is None or not (party.start <= tok.idx < party.end):
        span = doc.char_span(party.start, party.end, alignment_mode="expand")
        tok = span.root if span is not None else None
    if tok is None:
        return party
    if tok.lemma_.lower() in side_countries().non_state or tok.lower_ in side_countries().non_state:
        return party
    country = _country_in_phrase(tok, actors, places)
    if country == _NON_STATE:
        return party
    if country is None and (tok.lemma_.lower() in person_nouns() or tok.lemma_.lower() in load_lexicon().party_nouns) \
            and any(c.dep_ == "amod" and c.lower_ in side_countries().foreign for c in tok.children):
        return party  # "all *foreign* NGOs": from elsewhere, no home to guess
    if country is None and any(c.dep_ in ("amod", "compound") and c.i < tok.i and c.lower_ in side_countries().regional
                               for c in tok.children):
        return party  # "the *European* peace proposal": several states', no home to guess
    lemma = tok.lemma_.lower()
    if country is None and (lemma in side_countries().relational or lemma in side_countries().envoys):
        return party  # "its neighbor": not the home, whoever it is; "the ambassador": from abroad
    if country is None and tok.pos_ == "PRON" and not party.actors and tok.lower_ not in side_countries().quantifiers \
            and tok.lower_ not in side_countries().home_pronouns:
        return party  # an unresolved "it" or "this": nothing to place ("some of the families" is somebody)
    if country is None:
        country = _event_place(tok, places)
    if country is None:
        home = (ctx.home if other is None else ctx.home_without(other.start, other.end)) or ctx.affiliation
        country = home if home != not_home else None
    return replace(party, country=country) if country else party


def names_state(party: Party | None, actors: ActorTable) -> bool:
    """The side is a state named as such ("China", "Russia's"), not a person or body of one."""
    if party is None or not party.actors:
        return False
    known = [actors.get(a) for a in party.actors]
    return all(a is not None and a.kind == "country" for a in known)


_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "conj", "csubj"})


def _event_place(tok: Token, places: PlaceTable) -> str | None:
    """The country of the place where the event of a local side happens ("police arrested
    dozens of protesters *in Nairobi*", "workers went on strike in South Africa"): the first
    place with a country in a locative phrase of the side's clause (not in a clause inside
    it). None for sides that are not local by nature ("officials met in Geneva")."""
    data = side_countries()
    noun = tok
    if noun.lower_ in data.quantifiers:  # "dozens of protesters"
        noun = next((x for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for x in c.children if x.dep_ == "pobj"), tok)
    if not any(t.lemma_.lower() in data.local or t.lower_ in data.local  # "an *opposition* leader"
               for t in (noun, *(c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i))):
        return None
    v = tok
    for _ in range(4):
        if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
            break
        v = v.head
    todo = [c for c in v.children if c.dep_ not in _CLAUSES]
    while todo:
        t = todo.pop(0)
        if t.dep_ == "pobj" and t.head.lower_ in data.place_preps:
            for x in t.subtree:
                place = places.place_for_token(x.i)
                if place is not None and place.country:
                    return place.country
        todo.extend(c for c in t.children if c.dep_ not in _CLAUSES)
    return None


def same_side(a: Party, b: Party, actors: ActorTable) -> bool:
    """``a`` and ``b`` are the same side: the same actors, unless those are only generic
    descriptions the table merged by their noun ("Democratic leaders ... a deal with
    Republican leaders" are two sides), which are the same only at the same place."""
    if not a.actors or not b.actors:  # (the same personal pronoun twice is one person: "she ... claim she had")
        return a.start == b.start or a.text.lower() == b.text.lower() in ("he", "she", "i", "we")
    if set(a.actors) != set(b.actors):
        return False
    generic = all((x := actors.get(aid)) is not None and x.kind == "group" and not x.country for aid in a.actors)
    # (a phrase owned by a pronoun for the same group is that group's own: "the rebels agreed to lay
    # down *their arms*")
    own = any(p.text.split(" ", 1)[0].lower() in ("their", "its", "his", "her") for p in (a, b))
    return not generic or a.start == b.start or own


def side_countries_of(party: Party | None, actors: ActorTable) -> set[str]:
    """Every country a side stands for: its own, its actors' and its members'."""
    if party is None:
        return set()
    found = {party.country, *(m.country for m in party.members)}
    found |= {a.country for a in (actors.get(x) for x in party.actors) if a is not None}
    return {c for c in found if c}


def relational_side(doc: Doc, tok: Token, actors: ActorTable) -> Party | None:
    """The side a relational noun names ("its neighbor *Palau*", "its counterparts in the
    Central American country of *Honduras*"): the first actor with a country in its
    appositive or its phrase, never its owner; a side with neither actor nor country when
    the phrase names none. None when ``tok`` is no relational noun."""
    if tok.lemma_.lower() not in side_countries().relational or not (
            tok.pos_ == "NOUN" or tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos")):
        return None  # ("his *rival* Donald Trump", tagged an adjective: a noun by its place)
    owner = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
    appos = [t for c in tok.children if c.dep_ == "appos" for t in c.subtree]
    for t in appos + [t for t in _phrase(tok) if t.i not in owner and t.i != tok.i]:
        a = actors.get(actors.actor_for_token(t.i))
        if a is not None and a.country:
            start, end = _bounds(doc, tok, t, appos)
            return Party((a.id,), doc.text[start:end] if t in appos else _text(doc, tok), start, end,
                         a.country, a.sector)
    start, end = _bounds(doc, tok, tok, [])
    return Party((), doc.text[start:end], start, end, None, None)


def _bounds(doc: Doc, tok: Token, named: Token, appos: list[Token]) -> tuple[int, int]:
    if named in appos:  # the whole name the appositive gives ("his rival *Donald Trump*")
        head = next(c for c in tok.children if c.dep_ == "appos" and c.left_edge.i <= named.i <= c.right_edge.i)
        first = head.left_edge.i
        while doc[first].is_punct and first < head.i:
            first += 1
        return doc[first].idx, head.idx + len(head.text)
    span = _span(doc, tok)
    return span.start_char, span.end_char


def _span(doc: Doc, tok: Token):
    left, right = tok.left_edge.i, tok.right_edge.i
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("relcl", "acl", "punct", "appos", "cc", "conj"):
            right = min(right, c.left_edge.i - 1)
    while right > tok.i and doc[right].is_punct:
        right -= 1
    return doc[left: right + 1]


def _text(doc: Doc, tok: Token) -> str:
    return _span(doc, tok).text


def aid_place(tok: Token, actor: Party | None, places: PlaceTable) -> Party | None:
    """Who aid goes to when no one is named but the place it serves ("sending a team of
    experts *to assist with the relief efforts in Haiti*"): the first place with a country
    other than the giver's in the trigger's complements and prepositional phrases (not in
    reported or parenthetical clauses)."""
    for c in tok.children:
        if c.dep_ not in ("xcomp", "advcl", "prep", "dobj"):
            continue
        for t in c.subtree:
            side = foreign_place_side(places.place_for_token(t.i), actor)
            if side is not None:
                return side
    return None


def foreign_place_side(place: Place | None, actor: Party | None) -> Party | None:
    """The side a place stands for (its country, no actor) when it has a country other than
    ``actor``'s: aid's destination, a visit's host, an attack's target."""
    if place is None or not place.country or (actor is not None and actor.country == place.country):
        return None
    return Party((), place.text, place.start, place.end, place.country, None)
