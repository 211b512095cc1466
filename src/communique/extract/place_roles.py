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

PLACE_SUBJECT_VERBS = frozenset({"host", "border", "lie", "sit", "neighbor", "neighbour",
                                 "see", "stretch", "straddle", "overlook", "remain", "be",
                                 "experience", "suffer", "record", "become", "shake", "rock"})
ACTOR_OBJECT_VERBS = frozenset({
    "warn", "urge", "accuse", "criticize", "criticise", "condemn", "blame", "thank", "ask",
    "tell", "press", "pressure", "pressed", "sanction", "call", "invite", "praise", "support",
    "back", "reassure", "caution", "threaten", "punish", "persuade", "convince", "lobby",
    "rebuke", "denounce", "help", "assure", "pressure", "join", "accompany", "inform", "notify",
    "congratulate", "allow", "force", "deter", "provoke", "trust", "contact", "meet", "engage",
    "fight", "defeat", "beat", "recognize", "recognise",
})
INSTITUTION_NOUNS = frozenset({
    "government", "officials", "official", "authorities", "administration", "leadership",
    "regime", "military", "army", "forces", "troops", "navy", "president", "minister",
    "ministry", "leaders", "leader", "diplomats", "diplomat", "spokesman", "spokesperson",
    "spokeswoman", "negotiators", "delegation", "parliament", "lawmakers", "embassy",
    "envoy", "ambassador", "prosecutors", "police", "court", "cabinet", "mayor", "governor",
    "team", "side", "policy", "position", "stance", "decision", "demands", "response",
    "secretary", "senator", "general", "commander", "chief", "counterpart", "counterparts",
    "negotiator", "representative", "foreign", "prime", "premier", "state", "intelligence",
})
GEO_NOUNS = frozenset({
    "border", "borders", "flank", "territory", "territories", "soil", "airspace", "capital",
    "coast", "coastline", "east", "west", "north", "south", "region", "regions", "cities",
    "city", "outskirts", "countryside", "streets", "frontier", "waters", "ports", "port",
    "province", "provinces", "interior", "heartland", "mountains", "villages", "towns",
    "countryside", "side", "centre", "center", "suburbs", "shores", "land", "lands",
    "population", "people", "residents", "citizens",
})


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
