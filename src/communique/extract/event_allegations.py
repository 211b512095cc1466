"""Who did an act that someone else reports as an allegation or judges: the accused of
"A accused B of shelling C" (never the accuser), whom "blame X on Y" blames, the claimer of
"claimed responsibility", and the one praised or thanked *for* doing something. Read by
``extract/events.py`` for the actor of an alleged or judged act."""

from __future__ import annotations

from spacy.tokens import Token

from .event_background import CLAIMING
from .modality import CENSURE, PUNISH, blamed_on, responsibility_predicate

ACCUSING = frozenset({"accuse", "blame", "charge", "suspect", "implicate", "hold"}) | CENSURE | PUNISH
# who is praised or thanked *for* doing something did it ("thanked Japan for sending aid")
PRAISING = frozenset({"praise", "thank", "commend", "congratulate", "applaud", "hail", "laud", "credit",
                      "reward", "honor", "honour"})


def judged_doer(tok: Token) -> Token | None:
    """The object of a verb of praise whose *for* clause names ``tok``'s action: the one
    praised did it, not the one praising ("Turkey thanked Japan for sending aid" -> Japan)."""
    t = tok
    for _ in range(3):
        if t.head.i == t.i or t.dep_ not in ("pcomp", "pobj", "prep"):
            return None
        t = t.head
        if t.dep_ == "prep" and t.lower_ == "for" and t.head.lemma_.lower() in PRAISING:
            return next((c for c in t.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return None


def responsible_doer(tok: Token) -> Token | None:
    """Who is said to be responsible for the act ``tok`` names: the subject of "is
    responsible for" ("Lithuania says *it* is responsible for the torture of ..."), or of
    "was behind" ("said *Iran* was behind the attack"), or the one held responsible ("holds
    *Clinton* responsible for the crisis")."""
    adj = responsibility_predicate(tok)
    if adj is None:
        return None
    if adj.lemma_ == "be":
        return next((c for c in adj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if adj.dep_ == "acomp":
        return next((c for c in adj.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if adj.dep_ in ("ccomp", "oprd", "xcomp"):  # "holds Clinton responsible": the one held
        return next((c for c in adj.children if c.dep_ == "nsubj"), None) or next(
            (c for c in adj.head.children if c.dep_ == "dobj"), None)
    return None


def alleged_actor_token(alleging: Token) -> Token | None:
    """Who an allegation names as the doer: the accused ("accused *Armenian forces* of
    shelling", "*Kyiv* was blamed for", "blamed the attack on *Israel*"). None when the
    allegation names nobody."""
    if alleging.lemma_.lower() in CLAIMING and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in alleging.children):
        return next((c for c in alleging.children if c.dep_ == "nsubj"), None)  # "Rebels claimed responsibility"
    if alleging.lemma_.lower() == "blame":
        on = blamed_on(alleging)
        obj = next((c for c in alleging.children if c.dep_ == "dobj"), None)
        if on is not None and obj is not None and not (obj.ent_type_ or obj.pos_ in ("PROPN", "PRON")):
            return on
    for c in alleging.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            return c
    for c in alleging.children:  # "lashed out *at Turkey* for having shot down", "ripped *into* Sanders for"
        if c.dep_ == "prep" and c.lower_ in ("at", "into"):
            return next((x for x in c.children if x.dep_ == "pobj"), None)
    return None


def accuser_token(alleging: Token) -> Token | None:
    """The one who accuses or blames (never the actor of what is alleged)."""
    if alleging.lemma_.lower() not in ACCUSING:
        return None
    return next((c for c in alleging.children if c.dep_ == "nsubj"), None)
