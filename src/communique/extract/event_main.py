"""The main event of a sentence among its matched triggers.

CAMEO codes one event per report: the action reported, not the act of reporting it.
Statements (CAMEO 01) count only when no coded action is in their complement; a
trigger that is only the condition of something else ("if Russia invades") or the
content of a claim ("reports that troops attacked") ranks below asserted actions; a
means serves its purpose ("sent experts to investigate" is an investigation, "will
visit to mediate" a mediation); an event noun is as high as the light verb that
carries it ("renewed an appeal", "staged rallies"); a participial aside ("..., saying
he must resign") elaborates the main clause and ranks below it.
"""

from __future__ import annotations

from spacy.tokens import Token

from .event_args import LIGHT_VERBS
from .event_words import load_event_words
from .modality import CONDITION_MARKS

_WORDS = load_event_words()  # data/events/event_words.yaml
MEANS_VERBS = _WORDS.means_verbs  # verbs whose to-infinitive adjunct states the purpose that CAMEO codes
CARRIERS = LIGHT_VERBS | _WORDS.carrier_verbs
CLAIM_HEADS = _WORDS.claim_heads
TOPIC_PREPS = _WORDS.topic_preps


def depth(tok: Token) -> int:
    d, t = 0, tok
    while t.head.i != t.i and d < 40:
        t = t.head
        d += 1
    return d


def _purpose_of(tok: Token) -> Token | None:
    """The means verb whose to-infinitive purpose clause ``tok`` heads, if any."""
    if tok.pos_ != "VERB" or tok.dep_ not in ("advcl", "xcomp") or tok.head.i == tok.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    head = tok.head
    if head.lemma_.lower() == "go" and any(c.dep_ == "prep" and c.lower_ == "on" for c in head.children):
        return None  # "went *on strike* to demand better pay": the strike is the act, the demand its aim
    return head if head.lemma_.lower() in MEANS_VERBS else None


def _carrier(tok: Token) -> Token | None:
    """The light verb carrying an event noun ("renewed an appeal", "undertook a
    mediation mission"), if any."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    t = tok
    if t.dep_ == "compound" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ == "on" and t.head.head.lemma_.lower() == "go":
        return t.head.head  # "went *on strike*"
    if t.dep_ in ("dobj", "attr") and t.head.pos_ in ("VERB", "AUX"):
        v = t.head
        if v.lemma_.lower() in CARRIERS or any(v.lower_.startswith(w) for w in CARRIERS if len(w) > 3):
            return v
    return None


def under_claim_or_condition(tok: Token) -> bool:
    """``tok`` is the condition of another clause, the content of a claim noun or the
    topic of a comment."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ in TOPIC_PREPS:
        return True  # "optimistic about the talks": the topic of a comment
    t = tok
    for _ in range(10):
        if t.dep_ in ("advcl", "ccomp", "pcomp") and any(
                c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in t.children):
            return True
        if t.i != tok.i and t.pos_ == "NOUN" and t.lemma_.lower() in CLAIM_HEADS:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def rank(tok: Token, statement: bool) -> tuple:
    """Sort key of a matched trigger: the smallest is the sentence's main event."""
    d: float = depth(tok)
    means = _purpose_of(tok)
    if means is not None:
        d = depth(means) - 0.5
    else:
        carrier = _carrier(tok)
        if carrier is not None:
            d = depth(carrier) + 0.25
    if tok.dep_ == "advcl" and tok.tag_ == "VBG":
        d += 1.5  # "..., saying he must resign"; "went on strike demanding ..."
    embedded = under_claim_or_condition(tok)
    return (1 if embedded else 0, 1 if statement else 0, d, tok.i)
