"""Generic agents in an article: sector nouns ("gunmen", "a suicide bomber", "four men",
"protesters", "police") become actors with a sector, owned by the country, organisation or
group that modifies them ("Russian troops", "security forces in Chile") or, for a state's
own bodies, by the dateline's state ("NAIROBI - Police fired"). People of a country who are
not its state ("four men in northern Nigeria", "Russian protesters") are a group with that
country, never the state itself. Internal to
``extract/actors.py``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..kb.words import actor_words

if TYPE_CHECKING:
    from .actors import _Builder

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})

OWNER_PREPS = frozenset({"in", "of", "from"})


def backer_word(tok: Token) -> bool:
    """``tok`` names who backs a side, not the side's own country: "*Russia*-backed
    separatists", "*pro*-Russian hackers" (a hyphen joins it to a backing word)."""
    doc, words = tok.doc, actor_words().backing_words
    after = tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in words
    before = tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in words
    return after or before


def _modifier_owners(b: "_Builder", tok: Token) -> list[str]:
    """Countries, organisations or groups that own a sector noun: its modifiers
    ("Russian troops"), modifiers inside a compound name ("Kenya Farmers Association
    officials"), else a country after "in/of/from" ("security forces in Chile")."""
    ids: list[str] = []

    def add(c: Token) -> None:
        for a in [b.by_token[c.i]] + [b.by_token[x.i] for x in c.conjuncts if x.i in b.by_token]:
            if a not in ids and b.records[a].kind in ("country", "organization", "group"):
                ids.append(a)

    frontier, depth = [tok], 0
    while frontier and not ids and depth < 3:
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ not in MODIFIER_DEPS:
                    continue
                if c.i in b.by_token and not backer_word(c):
                    add(c)
                elif c.dep_ == "compound":
                    nxt.append(c)
        frontier, depth = nxt, depth + 1
    if ids or any(c.dep_ == "poss" for c in tok.children):
        return ids  # "its diplomats from Israel": the possessor owns them, not the place
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in OWNER_PREPS:
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if pobj is None or pobj.i not in b.by_token:
                continue
            kind = b.records[b.by_token[pobj.i]].kind
            if kind == "country" or kind == "organization" and c.lower_ == "of":
                add(pobj)  # "security forces in Chile", "rebels *of the ELN*"
    return ids


def _agent_sector(b: "_Builder", tok: Token) -> tuple[str | None, str]:
    """The sector of a common noun and the phrase that names it: the curated sector
    nouns, then people nouns ("four men", "a suicide bomber") and the agents dictionaries
    (a compound first: "suicide bomber", "police officer")."""
    kb, words = b.kb, actor_words()
    low = tok.lower_
    sector = kb.sector_nouns.get(low)
    if sector is not None:
        return sector, low
    if low in words.not_agents or kb.title((low,)) is not None:
        return None, low  # titles name people (people.py, coref.py)
    # the dictionaries' nouns only as common nouns ("Monday" is no agent)
    agents = kb.agents if tok.pos_ == "NOUN" or tok.is_sent_start and tok.dep_ != "compound" else {}
    prev = b.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.dep_ in ("compound", "amod", "") and prev.is_lower:
        pair = f"{prev.lower_} {low}"
        sector = words.people_nouns.get(pair) or agents.get(pair)
        if sector is not None:
            return sector, pair
    return words.people_nouns.get(low) or agents.get(low), low


def _counted(tok: Token, state: bool) -> bool:
    """A noun that names people on its own: plural, or counted ("a gunman", "one man");
    a state's body also with "the" ("the government", "the army") when the dateline
    gives the state."""
    if tok.lower_ != tok.lemma_ or tok.tag_ in ("NNS", "NNPS"):
        return True
    dets = ("a", "an", "one", "another", "the") if state else ("a", "an", "one", "another")
    return any(c.dep_ in ("det", "nummod") and c.lower_ in dets for c in tok.children)


def apply_sector_nouns(b: "_Builder") -> None:
    doc = b.doc
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in b.locked or tok.i in b.by_token:
            continue  # an institution or organisation already resolved
        sector, phrase = _agent_sector(b, tok)
        if sector is None:
            continue
        ids: list[str] = []
        if b.has_dep:
            ids = _modifier_owners(b, tok)
        else:
            j = tok.i - 1
            if j >= 0 and j in b.by_token:
                ids.append(b.by_token[j])
        if ids and sector not in STATE_SECTORS and all(b.records[a].kind == "country" for a in ids):
            # "four men in northern Nigeria", "Russian protesters": people of a country, not its
            # state; one group per country, with that country
            groups = []
            for a in ids:
                country = b.records[a].country
                g = b.add("group", phrase, sector=sector, key=f"{sector}:{phrase}:{country}")
                b.records[g].sector = sector
                b.records[g].country = b.records[g].country or country
                groups.append(g)
            b.by_token[tok.i] = groups[0]
            if len(groups) > 1:
                b.plural[tok.i] = tuple(groups)
            b.sector_by_token[tok.i] = sector
        elif ids:
            b.by_token[tok.i] = ids[0]
            if len(ids) > 1:
                b.plural[tok.i] = tuple(ids)
            b.sector_by_token[tok.i] = sector
        elif _counted(tok, sector in STATE_SECTORS and b.dateline_country() is not None):
            if any(c.dep_ == "poss" for c in tok.children):
                continue  # "its troops": coref resolves the owner
            if not (b.in_arg_position(tok.i, tok.i + 1) or tok.dep_ == "pobj"):
                continue  # people are no place: any prepositional object ("fired at protesters")
            country = b.dateline_country()
            if country is not None and sector in STATE_SECTORS:  # "NAIROBI - Police fired"
                aid = b.add("country", b.kb.countries.get(country, country), country=country)
            else:
                aid = b.add("group", phrase, sector=sector, key=f"{sector}:{phrase}")
                b.records[aid].sector = sector
                b.records[aid].country = b.records[aid].country or country
            start = tok.i - 1 if " " in phrase else tok.i
            for k in range(start, tok.i + 1):
                b.by_token[k] = aid
            b.sector_by_token[tok.i] = sector
