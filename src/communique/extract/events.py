"""Events: who did what to whom, coded in PLOVER and CAMEO, with modality and evidence.

A trigger (verb or event noun) matches a pattern of the versioned lexicon
(``data/events/patterns.yaml``; the pattern id is the event's ``rule``); its arguments
come from the dependency parse (``event_args.py``); its modality from ``modality.py``.
Triggers that only state a condition, the content of a denial or a demand, or a claim
are not events of their own. Conflictual actions promised under a condition ("would
inflict costs if it invades", "an invasion would draw sanctions") are coded as THREATEN.
The same event mentioned twice is one event with two mentions.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from itertools import chain

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from ..models import Event, Extent, Party, Quote, Span
from ..ontology import cameo as cameo_code
from ..ontology import plover_for_cameo, plover_type
from .actors import ActorTable
from .context import ExtractionContext
from .doc_tokens import token_table
from .event_actors import DocCountries, aid_place, doc_countries, place_side, same_side
from .event_args import (
    HUMAN,
    accuser_token,
    actor_token,
    alleged_actor_token,
    arrival_place,
    clause_subject,
    fallback_actor_token,
    inside_phrase,
    is_passive,
    judged_doer,
    named_party,
    party_in_phrase,
    party_of,
    recipient_tokens,
    wider_recipient_tokens,
    with_members,
)
from .event_background import not_an_event
from .event_dictionary import dictionary_pattern, discarded, load_dictionary
from .event_lexicon import Lexicon, Pattern, load_lexicon
from .event_model import combine, load_model
from .event_words import load_event_words
from .modality import REFUSE_GOVERNORS, allegation_of, condition_of, modality_of, stance
from .places import PlaceTable
from .time import DateTable

log = logging.getLogger(__name__)

CONFLICT_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT"})
# whose that-clause subject is the one demanded of, accused or threatened
CLAUSAL_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN"})
_POS = {"VERB": ("VERB",), "NOUN": ("NOUN", "PROPN"), "ANY": ("VERB", "NOUN", "PROPN", "ADJ")}


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    cameo: str
    score: int


def _object_lemmas(tok: Token) -> set[str]:
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "punct", "cc", "mark", "advcl", "relcl"):
            continue
        if c.dep_ == "conj" and c.pos_ == "VERB":
            continue
        for t in c.subtree:
            out.add(t.lemma_.lower())
            out.add(t.lower_)
    return out


def _has_prep(tok: Token, words) -> bool:
    for c in tok.children:
        if c.lower_ in words and c.dep_ in ("prep", "mark", "dative", "agent"):
            return True
        if "that" in words and c.dep_ in ("ccomp", "acl") and any(m.lower_ == "that" for m in c.children):
            return True
    return False


def _conditions(tok: Token, p: Pattern, actors: ActorTable | None, sent_lemmas: set[str]) -> int | None:
    """Number of satisfied conditions (>= 1), or None when one fails."""
    score = 1
    c = p.cond
    objs: set[str] | None = None

    def obj() -> set[str]:
        nonlocal objs
        if objs is None:
            objs = _object_lemmas(tok)
        return objs

    for key in ("requires", "needs_object", "needs_object_or_particle"):
        if key in c:
            if not (obj() & set(c[key])):
                return None
            score += 1
    for key in ("requires_not", "requires_context_not"):
        if key in c and sent_lemmas & set(c[key]):
            return None
    if "requires_context" in c:
        if not sent_lemmas & set(c["requires_context"]):
            return None
        score += 1
    if "requires_prep" in c:
        if not _has_prep(tok, set(c["requires_prep"])):
            return None
        score += 1
    if "requires_head" in c:
        # "launched mediation efforts": the noun in a compound is carried by its head's verb
        # "launched mediation efforts": the noun in a compound is carried by its head's verb;
        # "came to an agreement", "entered into a deal": the verb governs through to/into
        through = tok.dep_ == "compound" or tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into")
        if not (_head_in(tok.head, c["requires_head"])
                or through and tok.head.i != tok.i and _head_in(tok.head.head, c["requires_head"])):
            return None
        score += 1
    if "needs_object_head" in c:
        if not _object_heads(tok) & set(c["needs_object_head"]):
            return None
        score += 1
    if "requires_particle" in c:
        if not any(ch.dep_ in ("prt", "prep", "advmod") and ch.lower_ in c["requires_particle"] for ch in tok.children):
            return None
        score += 1
    if "requires_prep_or_head" in c:
        words = set(c["requires_prep_or_head"])
        if not (_has_prep(tok, words) or tok.head.lemma_ in words or tok.head.lower_ in words):
            return None
        score += 1
    deps = {ch.dep_ for ch in tok.children}
    if "needs_deps" in c and not deps & set(c["needs_deps"]):
        return None
    preps = {ch.lower_ for ch in tok.children if ch.dep_ == "prep"}
    if c.get("needs_complement"):
        for_clause = any(ch.dep_ == "advcl" and any(m.lower_ == "for" for m in ch.children) for ch in tok.children)
        if not (deps & {"ccomp", "xcomp", "dobj"} or preps & {"for", "on"} or for_clause):
            return None
        score += 1
    if c.get("needs_complement_or_object"):
        if not (deps & {"ccomp", "xcomp", "dobj", "prep"}):
            return None
    if c.get("needs_xcomp_or_obj"):
        if not (deps & {"xcomp", "dobj"}):
            return None
    if "requires_ccomp_aux" in c:
        words = set(c["requires_ccomp_aux"])
        # "we must not overreact": a speaker's own resolve, no demand on another side
        if not any(ch.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in words for a in ch.children)
                   and not any(s.dep_ == "nsubj" and s.lower_ in ("i", "we") for s in ch.children)
                   for ch in tok.children):
            return None
        score += 1
    if "rejects_object" in c and _object_heads(tok) & set(c["rejects_object"]):
        return None  # "warned its citizens against travelling": an advisory, not a threat
    if "rejects_xcomp_types" in c and _xcomp_types(tok, actors, sent_lemmas) & set(c["rejects_xcomp_types"]):
        return None  # "refuses to attack Clinton": no rejection of anyone, the attack not made
    if c.get("rejects_question") and _question_only(tok):
        return None  # "was asked whether ...", "asked, 'would you ...?'": a question, not an appeal
    if "rejects_deps" in c and deps & set(c["rejects_deps"]):
        return None  # "demonstrate that he is willing": a showing, not a demonstration
    if "requires_party_object" in c:
        status = c["requires_party_object"]
        status = frozenset(status) if isinstance(status, list) else frozenset()
        if not any(_names_party(o, actors, status) for o in _direct_objects(tok)):
            return None
        score += 1
    if c.get("needs_counterpart"):
        if not _has_counterpart(tok, actors):
            return None
        score += 1
    if c.get("requires_mandative_ccomp"):
        if not any(ch.dep_ == "ccomp" and _mandative(ch) for ch in tok.children):
            return None
        score += 1
    if c.get("requires_person_object"):
        o = next((ch for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass")), None)
        if o is None:
            return None
        who = actors.get(aid) if actors is not None and (aid := actors.actor_for_token(o.i)) is not None else None
        person = who is not None and who.kind in ("person", "group")
        if not (person or o.lemma_.lower() in HUMAN or o.ent_type_ in ("PERSON", "NORP")):
            return None
        score += 1
    return score


def _xcomp_types(tok: Token, actors: ActorTable | None, sent_lemmas: set[str]) -> set[str]:
    """The PLOVER types the curated patterns give the verbs of ``tok``'s infinitive complements."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB":
            m = match_trigger(c, load_lexicon(), actors, sent_lemmas=sent_lemmas)
            if m is not None:
                out.add(_code(m.cameo, m.pattern.type)[0])
    return out


def _question_only(tok: Token) -> bool:
    """The verb's only complement is a question: a clause under if/whether or a wh-word,
    or one that ends in a question mark; an infinitive or "for" object makes it a request."""
    if any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ in ("for", "on") for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ != "ccomp":
            continue
        first = c.left_edge
        if first.lower_ in load_event_words().question_words or any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children):
            return True
        end = c.right_edge.i + 1
        if any(t.text == "?" for t in tok.doc[c.right_edge.i:min(end + 2, len(tok.doc))]):
            return True
    return False


def _mandative(verb: Token) -> bool:
    """A clause that says what must be done: "must"/"should", or the bare subjunctive
    ("insisting that the alliance reject the bid")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in load_event_words().mandative_aux for a in aux):
        return True
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if aux or subj is None:
        return False
    # a third-person singular subject with a bare verb ("the alliance reject"; tagged VB or VBP)
    singular = subj.tag_ in ("NN", "NNP") or subj.lower_ in ("he", "she", "it")
    return verb.tag_ == "VB" or verb.tag_ == "VBP" and singular


def _direct_objects(tok: Token) -> list[Token]:
    """The objects of ``tok`` (a passive's subject included) with their conjuncts."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return [t for o in objs for t in (o, *o.conjuncts)]


def _is_party(t: Token, actors: ActorTable | None) -> bool:
    """``t`` names a side: a known actor, a named country, group or person, or a noun for
    a body or people ("the government", "the workers")."""
    if t.lower_.endswith(("self", "selves")):
        return False  # "did not recognize themselves in ...": no other side
    if actors is not None and actors.actor_for_token(t.i) is not None:
        return True
    lemma = t.lemma_.lower()
    return t.ent_type_ in load_event_words().party_entities or lemma in load_lexicon().party_nouns or lemma in HUMAN


def _names_party(o: Token, actors: ActorTable | None, status: frozenset[str] = frozenset()) -> bool:
    """The object ``o`` is a side, or one of the ``status`` nouns of a side ("Kosovo's
    independence", "the independence of Abkhazia")."""
    if _is_party(o, actors):
        return True
    if o.lemma_.lower() not in status:
        return False
    inner = [c for c in o.children if c.dep_ == "poss"]
    inner += [g for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(_is_party(t, actors) for t in inner)


def _has_counterpart(tok: Token, actors: ActorTable | None) -> bool:
    """A consultation names or implies its other side: "with" someone, a side as object,
    a joint or plural subject ("X and Y discussed", "the ministers discussed"), or a purpose
    of coming together ("gathered to discuss"); "Trump discussed his proposals" has none."""
    # "with" on the verb or on its object ("discussed the crisis with Germany")
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
           for c in chain(tok.children, *(o.children for o in _direct_objects(tok)))):
        return True
    if any(_is_party(o, actors) for o in _direct_objects(tok)):
        return True
    t = tok
    while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
        t = t.head
    if tok.dep_ in ("advcl", "xcomp") and t.head.lemma_.lower() in load_event_words().gathering_verbs:
        return True
    for s in (c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")):
        if s.conjuncts or s.tag_ in ("NNS", "NNPS") or s.lower_ in ("they", "we", "both"):
            return True
    return False


def _head_in(head: Token, words) -> bool:
    """``head`` is one of ``words`` (by lemma, form, or form for a mis-lemmatised
    inflection: "staged" -> "stag")."""
    if head.lemma_ in words or head.lower_ in words:
        return True
    return head.pos_ in ("VERB", "AUX") and any(
        len(w) > 3 and head.lower_.startswith(w) and len(head.lower_) - len(w) <= 3 for w in words)


def _object_heads(tok: Token) -> set[str]:
    """Lemmas of the heads of ``tok``'s objects (with their conjuncts), not of words deeper
    in them ("renewed negotiations on ... relations" has no object "relations")."""
    out: set[str] = set()
    for c in tok.children:
        objs = [c] if c.dep_ in ("dobj", "nsubjpass", "attr") else (
            [x for x in c.children if x.dep_ == "pobj"] if c.dep_ == "prep" else [])
        for o in objs:
            for t in (o, *o.conjuncts):
                out.add(t.lemma_.lower())
                out.update(x.lemma_.lower() for x in t.children if x.dep_ in ("compound", "amod"))
    return out


def _near_lemmas(tok: Token) -> set[str]:
    """Lemmas within two dependency steps below ``tok`` (what it directly acts on or
    asks for), without subjects, relative clauses and asides."""
    skip = ("nsubj", "nsubjpass", "punct", "cc", "mark", "relcl", "advcl", "appos", "parataxis")
    out = {tok.lemma_.lower(), tok.lower_}
    for c in tok.children:
        if c.dep_ in skip:
            continue
        out.add(c.lemma_.lower())
        for g in c.children:
            if g.dep_ not in skip:
                out.add(g.lemma_.lower())
                out.update(x.lemma_.lower() for x in g.children if x.dep_ in ("pobj", "dobj", "compound", "amod"))
    return out


def _refine(tok: Token, p: Pattern) -> str:
    """The first refinement whose words are near the trigger, else the first whose words
    are anywhere in its objects and complements."""
    if not p.refine:
        return p.cameo
    near = _near_lemmas(tok)
    for w, code in p.refine:
        if near & w:
            return code
    words = _object_lemmas(tok) | {tok.lemma_.lower(), tok.lower_}
    words |= {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")}
    if tok.head.i != tok.i:
        words.add(tok.head.lemma_.lower())
    for w, code in p.refine:
        if words & w:
            return code
    return p.cameo


def match_trigger(tok: Token, lex: Lexicon, actors: ActorTable | None = None, *,
                  statements: bool = False, sent_lemmas: set[str] | None = None) -> Match | None:
    """The best pattern of ``lex`` for ``tok`` (or None)."""
    cands = lex.by_lemma.get(tok.lemma_.lower()) or lex.by_lemma.get(tok.lower_)
    if not cands:
        return None
    if sent_lemmas is None:
        sent_lemmas = {t.lemma_.lower() for t in tok.sent} if tok.doc.has_annotation("SENT_START") else set()
    best = None
    for p in cands:
        if p.statement and not statements:
            continue
        if tok.pos_ not in _POS.get(p.pos, _POS["ANY"]):
            continue
        score = _conditions(tok, p, actors, sent_lemmas)
        if score is None:
            continue
        if best is None or score > best.score:
            best = Match(p, _refine(tok, p), score)
    return best


COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})


def recode(tok: Token, cameo: str, lex: Lexicon, actors: ActorTable | None = None) -> tuple[str, str | None]:
    """CAMEO's coding of an action by its stance: a promised or conditional cooperative
    action is the intent to do it (03), a promised or conditional conflictual one the
    threat (13), a refused yield a rejection (124). Returns (code, "intent" | "threat" |
    "refusal" | None)."""
    root = cameo[:2]
    if root not in COOPERATIVE_ROOTS and root not in CONFLICT_ROOTS:
        return cameo, None

    def same(a: Token, b: Token) -> bool:
        if actors is None:
            return a.lower_ == b.lower_
        x, y = actors.actor_for_token(a.i), actors.actor_for_token(b.i)
        if x is not None and x == y:
            return True
        # a country's official speaking of that country ("Portugal will ..., Portugal's
        # president said") announces its own intent
        ax, ay = actors.get(x), actors.get(y)
        return (ax is not None and ay is not None and ay.kind == "country"
                and ax.country is not None and ax.country == ay.country)

    intended, refused, mark = stance(tok, same)
    if not (intended or refused or mark) and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        # "threatened to attack the base and to seize its tankers": the conjunct shares the stance
        intended, refused, mark = stance(tok.head, same)
    if root == "08" and refused:
        code = lex.refusal(cameo)
        if code:
            return code, "refusal"
    if mark == "unless" and root in ("08", "16"):
        code = lex.threat(cameo)
        if code:
            return code, "threat"
    if refused:
        return cameo, None
    if root in CONFLICT_ROOTS and (intended or mark):
        code = lex.threat(cameo)
        if code:
            return code, "threat"
    if root in COOPERATIVE_ROOTS and (intended or mark):
        code = lex.intent(cameo)
        if code:
            return code, "intent"
    return cameo, None


def _quote_index(quotes: tuple[Quote, ...], char: int) -> int | None:
    for i, q in enumerate(quotes):
        if any(c.start <= char < c.end for c in q.content):
            return i
    return None


def _threat_code(tok: Token, default: str) -> str:
    words = _object_lemmas(tok) | {tok.lemma_.lower()}
    words |= {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")}
    if words & load_event_words().threat_sanction:
        return "1312"
    if words & load_event_words().threat_force:
        return "138"
    return default if default.startswith("13") else "130"


def _condition_party(doc: Doc, cond: Token | None, actors: ActorTable,
                     quotes, qi) -> Party | None:
    if cond is not None:
        subj = clause_subject(cond)
        if subj is not None:
            return party_of(doc, subj, actors, quotes, qi)
    return None


def _code(cameo: str, pattern_type: str | None) -> tuple[str, str | None, tuple[str, ...]]:
    cw = plover_for_cameo(cameo)
    if cw is None:
        return pattern_type or "REQUEST", None, ()
    t, mode, ctxs = cw
    if pattern_type:
        t = pattern_type
    return t, mode, ctxs


def code_event(tok: Token, m: Match, *, threat: bool) -> tuple[str, str, str | None, tuple[str, ...]]:
    cameo = _threat_code(tok, m.cameo) if threat else m.cameo
    type_, mode, ctxs = _code(cameo, None if threat else m.pattern.type)
    return type_, cameo, mode, ctxs


def extract_events(doc: Doc, ctx: ExtractionContext, actors: ActorTable,
                   quotes: tuple[Quote, ...], dates: DateTable,
                   places: PlaceTable) -> tuple[Event, ...]:
    if not doc.has_annotation("DEP"):
        return ()
    lex = load_lexicon()
    quotes = tuple(quotes)
    found: dict[tuple, Event] = {}
    order: list[tuple] = []
    home = doc_countries(doc, actors)
    lemmas, lowers = _words(doc)
    pos = token_table(doc).pos
    by_lemma = lex.by_lemma
    for sent in doc.sents:
        a, b = sent.start, sent.end
        sent_lemmas = set(lemmas[a:b])
        # a Token only for the words some pattern is written for (match_trigger's own first test)
        curated = [(tok, m) for i in range(a, b) if lemmas[i] in by_lemma or lowers[i] in by_lemma
                   if (m := match_trigger(tok := doc[i], lex, actors, sent_lemmas=sent_lemmas)) is not None]
        coded = _add_events(curated, doc, actors, quotes, dates, places, home, found, order)
        # PETRARCH2's verbs where ours code nothing, unless Phoenix discards the sentence (sports ...)
        if not coded and ctx.settings.event_dictionary:
            matches = [(tok, Match(dp, dp.cameo, 1)) for i in range(a, b)
                       if pos[i] == "VERB" and (dp := dictionary_pattern(tok := doc[i])) is not None]
            # the discard list's search is the costly part: only where the dictionary found something
            if matches and not discarded(sent, load_dictionary()):
                _add_events(matches, doc, actors, quotes, dates, places, home, found, order)
    events = tuple(found[k] for k in order)
    if not ctx.settings.event_model:
        return events
    # the trained type model: drops, retypes or adds (event_model.py); rules give the arguments
    return combine(doc, events, load_model(ctx.settings.event_model_path),
                   lambda t, p: _event(doc, t, Match(p, p.cameo, 1), actors, quotes, dates, places, home))


def _words(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's lower-case lemma and lower-case form, from the Doc's arrays."""
    if not len(doc):
        return [], []
    arr = doc.to_array([LEMMA, LOWER])
    strings = doc.vocab.strings
    lem = {h: strings[h].lower() for h in set(arr[:, 0].tolist())}
    low = {h: strings[h] for h in set(arr[:, 1].tolist())}
    return [lem[h] for h in arr[:, 0].tolist()], [low[h] for h in arr[:, 1].tolist()]


def _add_events(matches: list[tuple[Token, Match]], doc: Doc, actors: ActorTable, quotes: tuple[Quote, ...],
                dates: DateTable, places: PlaceTable, home: DocCountries | None,
                found: dict[tuple, Event], order: list[tuple]) -> int:
    """Code the matched triggers into ``found`` (same event merged); how many were events."""
    coded: list[tuple[Token, Event, bool]] = []
    for tok, m in matches:
        ev = _event(doc, tok, m, actors, quotes, dates, places, home)
        if ev is None or not_an_event(tok, ev.type):  # background, disease, failed (event_background.py)
            continue
        coded.append((tok, ev, m.pattern.symmetric))
    n = 0
    for ev, symmetric in one_per_clause(coded):
        n += 1
        key = _key(ev, symmetric)
        if key in found:
            found[key] = _merge(found[key], ev)
        else:
            found[key] = ev
            order.append(key)
    return n


COMPLEMENT_DEPS = ("xcomp", "ccomp", "conj")


def _governs(gov: Token, tok: Token) -> bool:
    """``tok`` is in the complement of ``gov`` ("promised to *send* aid", "agreed to hold and
    *deepen* ..."), at most three steps down; only a verb has complements."""
    if gov.pos_ != "VERB":
        return False
    t = tok
    for _ in range(3):
        if t.dep_ not in COMPLEMENT_DEPS or t.head.i == t.i:
            return False
        t = t.head
        if t.i == gov.i:
            return True
    return False


def _same_sides(a: Event, b: Event) -> bool:
    """No side of one contradicts the other's (a side missing on one is no contradiction)."""
    for x, y in ((a.actor, b.actor), (a.recipient, b.recipient)):
        if x is not None and y is not None and set(x.actors) != set(y.actors) or (
                x is not None and y is not None and not x.actors and not y.actors and x.text != y.text):
            return False
    return True


def one_per_clause(coded: list[tuple[Token, Event, bool]]) -> list[tuple[Event, bool]]:
    """The events of one sentence, each clause's competing patterns as one event: a trigger
    in the complement of another of the same type with the same sides ("pledged to send aid":
    AGREE at "pledged", the intent to aid at "send") is a mention of the governing one, with
    the more specific CAMEO code and both rules; events of other types or other sides stay
    apart ("urged Russia to hold talks": a REQUEST and a CONSULT)."""
    out: list[list] = [[tok, ev, sym] for tok, ev, sym in coded]
    for item in out:
        tok, ev = item[0], item[1]
        gov = next((g for g in out if g is not item and g[1] is not None and g[1].type == ev.type
                    and _governs(g[0], tok) and _same_sides(g[1], ev)), None)
        if gov is not None and ev is not None:
            merged = _merge(gov[1], ev)
            gov[1] = replace(merged, rule=merged.rule if ev.rule in merged.rule else f"{merged.rule}+{ev.rule}")
            item[1] = None
    return [(ev, sym) for _, ev, sym in out if ev is not None]


def _event(doc: Doc, tok: Token, m: Match, actors: ActorTable, quotes: tuple[Quote, ...],
           dates: DateTable, places: PlaceTable, home: DocCountries | None = None) -> Event | None:
    p = m.pattern
    modality, embedded = modality_of(tok)
    cond = condition_of(tok)
    type0, _, _ = _code(m.cameo, p.type)
    threat = False
    if p.threat_only:
        heads = set(p.cond.get("consequence_heads", ()))
        gov = tok.head.head if tok.head.pos_ == "ADP" else tok.head
        if cond is None and not (modality in ("hypothetical", "future") and gov.lemma_ in heads):
            return None
        threat = True
    if tok.pos_ in ("NOUN", "PROPN") and type0 in CONFLICT_TYPES | {"MOBILIZE"} and _subject_of_irrealis(tok):
        return None  # "a Russian invasion would draw sanctions": the condition, not an event
    if tok.pos_ == "VERB" and p.symmetric and any(c.dep_ == "nsubjpass" for c in tok.children):
        return None  # "will be met with a response"
    elif type0 in CONFLICT_TYPES and (cond is not None or modality == "hypothetical") and not embedded:
        threat = True
    cameo_override = None
    if not threat and not p.threat_only and modality not in ("denied", "demanded", "alleged"):
        code, how = recode(tok, m.cameo, load_lexicon(), actors)
        if how == "threat" and not embedded:
            threat = True
            cameo_override = code
        elif how in ("intent", "refusal"):
            cameo_override = code
            embedded = False
            if how == "refusal":
                modality = "asserted"
    if modality == "asserted" and cameo_override is None and tok.dep_ == "xcomp" and \
            tok.head.lemma_.lower() in REFUSE_GOVERNORS:
        modality = "negated"  # "refuses to attack Clinton": the attack is not made
    if embedded and not threat:
        return None
    qi = _quote_index(quotes, tok.idx)
    a_tok = judged_doer(tok) or actor_token(tok)
    passive_target = None
    if threat and p.pos == "NOUN" and a_tok is not None and a_tok.head.i != tok.i and a_tok.dep_ == "nsubjpass":
        passive_target, a_tok = a_tok, None
    if threat and a_tok is None or threat and p.pos == "NOUN" and a_tok is not None and a_tok.head.i != tok.i \
            and a_tok.dep_ != "pobj":
        # the one who promises the consequence: subject of the governing clause
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        a_tok = clause_subject(head) or a_tok
        if a_tok is not None and a_tok.dep_ == "nsubjpass" and head.lemma_ in ("meet", "greet", "answer"):
            passive_target = a_tok
            up = head
            while up.dep_ in ("ccomp", "conj", "xcomp") and up.head.i != up.i:
                up = up.head
            a_tok = clause_subject(up) if up.i != head.i else None
        if (a_tok is not None and a_tok.dep_ == "nsubj" and a_tok.pos_ == "NOUN"
                and actors.actor_for_token(a_tok.i) is None):
            # "an invasion would draw sanctions": the reporter is the actor
            up = head
            while up.dep_ == "ccomp" or up.dep_ == "pcomp" or up.dep_ == "pobj":
                up = up.head
            a_tok = clause_subject(up) if up.i != head.i else a_tok
    alleging = allegation_of(tok) if modality == "alleged" else None
    if alleging is not None:
        # the accused is the actor of what is alleged; the accuser never is
        accused, accuser = alleged_actor_token(alleging), accuser_token(alleging)
        if accused is not None:
            a_tok = accused
        elif a_tok is not None and accuser is not None and a_tok.i == accuser.i:
            a_tok = None
    actor = party_of(doc, a_tok, actors, quotes, qi) if a_tok is not None else None
    if actor is None and a_tok is not None:  # "the militants", "The union": who, if not which actor
        actor = named_party(doc, a_tok, load_lexicon().party_nouns, entities=False)
    fallback = False
    # a passive's subject is acted on, and an allegation names its own actor: no guessing
    guess = tok.pos_ == "VERB" and alleging is None and not is_passive(tok)
    if actor is None and guess:
        actor = _left_actor(doc, tok, actors)
    if actor is None and guess and not threat:
        f = fallback_actor_token(tok, actors)
        if f is not None:
            actor = party_of(doc, f, actors, quotes, qi)
            fallback = actor is not None
    recipient = _recipient(doc, tok, p, actor, type0, actors, quotes, qi)
    if recipient is None and type0 == "CONSULT":
        recipient = _host(tok, actor, places)
    if recipient is None and type0 == "AID":
        recipient = aid_place(tok, actor, places)
    if threat:
        alt = _condition_party(doc, cond, actors, quotes, qi)
        if alt is None and tok.head.dep_ in ("ROOT", "ccomp", "conj") or alt is None:
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj" and (a_tok is None or c.i != a_tok.i)), None)
            if subj is not None and subj.i != tok.i:
                alt = party_of(doc, subj, actors, quotes, qi)
        if alt is None and passive_target is not None:
            alt = party_of(doc, passive_target, actors, quotes, qi)
        recipient = recipient or alt
        modality = "hypothetical" if cond is not None or modality == "hypothetical" else modality
    if actor is not None and recipient is not None and same_side(actor, recipient, actors):
        recipient = None
    if recipient is None and p.cond.get("needs_recipient"):
        return None  # "defended the march route", "didn't support their right to sue": a stance, no side backed
    if actor is None and recipient is None or tok.dep_ == "amod" and recipient is None:
        return None  # "striking workers", "supporting parties": a description, not an event
    home = home or doc_countries(doc, actors)
    actor = place_side(doc, actor, a_tok, actors, places, home)
    recipient = place_side(doc, recipient, None, actors, places, home,
                           not_home=actor.country if actor is not None and type0 in CONFLICT_TYPES else None)
    if cameo_override is not None:
        type_, mode, ctxs = _code(cameo_override, None)
        cameo = cameo_override
        rule = p.id + (".threat" if threat else ".intent" if type_ == "AGREE" else ".refusal")
    else:
        type_, cameo, mode, ctxs = code_event(tok, m, threat=threat)
        rule = p.id + (".threat" if threat and not p.threat_only else "")
    pt = plover_type(type_)
    cc = cameo_code(cameo) or cameo_code(cameo[:3]) or cameo_code(cameo[:2])
    date, precision = dates.date_for(tok)
    conf = 0.45 + (0.2 if actor else 0) + (0.15 if recipient else 0) + (0.05 if m.score > 1 else 0)
    conf -= 0.1 if modality not in ("asserted", "negated") else 0
    conf -= 0.15 if fallback else 0
    trig = Span(tok.idx, tok.idx + len(tok.text), tok.text)
    return Event(
        type=type_, mode=mode, contexts=ctxs, cameo=cameo,
        quad_class=pt.quad_class if pt else (cc.quad_class if cc else 0),
        goldstein=cc.goldstein if cc else None,
        intensity=pt.intensity_for(mode) if pt else None,
        actor=actor, recipient=recipient,
        trigger=trig, sentence=Extent(tok.sent.start_char, tok.sent.end_char),
        date=date, date_precision=precision, location=places.location_for(tok),
        modality=modality, quote=qi, confidence=round(min(conf, 0.95), 2), rule=rule,
        mentions=(trig,),
    )


def _recipient(doc: Doc, tok: Token, p: Pattern, actor: Party | None, type_: str, actors: ActorTable,
               quotes: tuple[Quote, ...], qi: int | None) -> Party | None:
    """The pattern's recipient slots first, then wherever else English puts the one acted
    on (``wider_recipient_tokens``); never the actor itself."""
    own = set(actor.actors) if actor is not None else set()
    seen: list[Token] = []
    wider = wider_recipient_tokens(tok, meeting=type_ == "CONSULT", clausal=type_ in CLAUSAL_TYPES)
    for r_tok in chain(recipient_tokens(doc, tok, p.recipient), wider):
        if r_tok.i == tok.i or any(r_tok.i == t.i for t in seen):
            continue
        seen.append(r_tok)
        party = party_in_phrase(doc, r_tok, actors, quotes, qi)
        if party is not None and (not set(party.actors) <= own
                                  or actor is not None and not same_side(actor, party, actors)):
            return party
    # no known actor: a noun phrase that names people or a body still says who
    nouns = load_lexicon().party_nouns
    for r_tok in seen:
        for t in (r_tok, *inside_phrase(r_tok)):  # "support for *Ghani's* efforts"
            if actor is not None and actor.start <= t.idx < actor.end or actors.actor_for_token(t.i) is not None:
                continue
            party = named_party(doc, t, nouns)
            if party is not None:
                return party
    return None


def _host(tok: Token, actor: Party | None, places: PlaceTable) -> Party | None:
    """The host of a visit: the country of the place arrived in ("arrived in Amman for
    talks" is a consultation with Jordan), when it is not the visitor's own."""
    place_tok = arrival_place(tok)
    place = places.place_for_token(place_tok.i) if place_tok is not None else None
    if place is None or not place.country or (actor is not None and actor.country == place.country):
        return None
    return Party((), place.text, place.start, place.end, place.country, None)


def _left_actor(doc: Doc, tok: Token, actors: ActorTable) -> Party | None:
    """The actor phrase right before a verb group ("... Antony Blinken is meeting"), for
    clauses the parser attached elsewhere (headlines run into the first sentence)."""
    j = tok.i - 1
    while j >= 0 and doc[j].pos_ in ("AUX", "ADV", "PART") and "\n" not in doc[j].text:
        j -= 1
    if j < 0 or actors.actor_for_token(j) is None:
        return None
    aid = actors.actor_for_token(j)
    k = j
    while k - 1 >= 0 and actors.actor_for_token(k - 1) == aid:
        k -= 1
    return with_members(actors.party(doc, doc[k].idx, doc[j].idx + len(doc[j].text)), actors)


def _subject_of_irrealis(tok: Token) -> bool:
    t = tok
    while t.dep_ in ("pobj", "prep", "compound", "amod", "nmod", "poss") and t.head.i != t.i:
        t = t.head
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    aux = {c.lower_ for c in t.head.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & {"would", "could", "might", "may", "will", "'ll", "should"})


def _key(ev: Event, symmetric: bool) -> tuple:
    a = tuple(sorted(ev.actor.actors)) if ev.actor else ()
    r = tuple(sorted(ev.recipient.actors)) if ev.recipient else ()
    if symmetric or ev.type == "CONSULT":
        both = tuple(sorted(set(a) | set(r)))
        return (ev.type, both, ev.modality == "negated")
    return (ev.type, a, r, ev.modality == "negated")


def _merge(prev: Event, new: Event) -> Event:
    mentions = tuple(sorted(set(prev.mentions) | set(new.mentions), key=lambda s: s.start))
    base = prev
    # keep the most specific code and any location found
    if new.cameo and prev.cameo and len(new.cameo) > len(prev.cameo):
        base = replace(base, cameo=new.cameo, mode=new.mode or prev.mode, goldstein=new.goldstein)
    if base.location is None and new.location is not None:
        base = replace(base, location=new.location)
    if base.recipient is None and new.recipient is not None:
        base = replace(base, recipient=new.recipient)
    return replace(base, mentions=mentions, confidence=max(prev.confidence, new.confidence))
