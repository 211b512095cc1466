"""Is a toponym a place, or a metonym acting as an actor ("Moscow said")?

Rules on the dependency parse of the entity's root token:

- subject of a verb ("Moscow warned", "Russia has denied"): an actor, unless the verb
  is one that takes a place as its subject ("Geneva hosted the talks", "Kyiv lies").
- agent ("was criticised by Beijing"), companion ("talks with Moscow"), object of a
  verb of saying or pressing ("warned Washington", "urged Tehran"): an actor.
- a modifier of an institution ("the Kyiv government", "Washington officials") or a
  possessor of a stance ("Ukraine's membership bid"): an actor; a possessor of a
  geographic noun ("Ukraine's eastern flank") stays a place.
- conjuncts share the role of the first conjunct ("Western countries and Moscow").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .doc_tokens import doc_ents
from .word_lists import load_word_lists

_KEYS = ("place_subject_verbs", "actor_object_verbs", "institution_nouns", "geo_nouns")
_WORDS = load_word_lists("communique.data.geo", "place_roles.yaml", _KEYS)
PLACE_SUBJECT_VERBS = _WORDS["place_subject_verbs"]
ACTOR_OBJECT_VERBS = _WORDS["actor_object_verbs"]
INSTITUTION_NOUNS = _WORDS["institution_nouns"]
GEO_NOUNS = _WORDS["geo_nouns"]


def _role_token(ent: Span) -> Token:
    root = ent.root
    # "Western countries and Moscow": the second conjunct shares the first one's role
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root


def is_actor_use(ent: Span) -> bool:
    """True when the toponym ``ent`` names a government or people acting, not a place."""
    root = _role_token(ent)
    dep, head = root.dep_, root.head
    if dep in ("nsubj", "csubj"):
        return head.lemma_.lower() not in PLACE_SUBJECT_VERBS
    if dep == "nsubjpass":
        return False
    if dep == "pobj":
        prep = head.lower_
        if prep == "by" and head.dep_ == "agent":
            return True
        if prep in ("with", "between", "against") and head.head.pos_ in ("VERB", "NOUN"):
            return head.head.lemma_.lower() not in ("border", "fighting", "war")
        if prep in ("on", "to") and head.head.lemma_.lower() in ("call", "urge", "appeal", "pressure", "say", "tell",
                                                                  "send", "write"):
            return prep == "on" or head.head.lemma_.lower() in ("say", "tell", "write")
        return False
    if dep == "agent":
        return True
    if dep == "dobj":
        return head.lemma_.lower() in ACTOR_OBJECT_VERBS
    if dep in ("compound", "nmod", "amod"):
        return head.lower_ in INSTITUTION_NOUNS or head.lemma_.lower() in INSTITUTION_NOUNS
    if dep == "poss":
        return head.lower_ not in GEO_NOUNS and head.lemma_.lower() not in GEO_NOUNS
    return False


def person_name_tokens(doc: Doc) -> set[str]:
    """Words of full-name PERSON entities: a "GPE" that is someone's surname is not a place."""
    words: set[str] = set()
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON" and len(ent) > 1:
            for tok in ent:
                if tok.is_title and len(tok) > 2:
                    words.add(tok.text)
    return words
