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
from dataclasses import replace
from itertools import chain

from spacy.tokens import Doc, Token

from ..models import Event, Extent, Party, Quote, Span
from ..ontology import cameo as cameo_code
from ..ontology import plover_type
from .actors import WHERE_PREPS, ActorTable
from .agents import STATE_SECTORS
from .context import ExtractionContext
from .doc_tokens import token_table
from .event_actors import (
    DocCountries,
    aid_place,
    doc_countries,
    foreign_place_side,
    names_state,
    place_side,
    same_side,
    side_countries_of,
)
from .event_allegations import accuser_token, alleged_actor_token, judged_doer, responsible_doer
from .event_args import (
    HUMAN,
    actor_token,
    antecedent,
    arrival_place,
    bare_participle,
    carried,
    clause_subject,
    fallback_actor_token,
    inside_phrase,
    is_passive,
    named_party,
    noun_lemma,
    of_objects,
    party_in_phrase,
    party_of,
    phrase_party,
    pobjs,
    recipient_tokens,
    wider_recipient_tokens,
    with_members,
)
from .event_background import not_an_event
from .event_dictionary import dictionary_pattern, discarded, load_dictionary
from .event_lexicon import Lexicon, Pattern, load_lexicon
from .event_main import under_claim_or_condition
from .event_match import (
    CLAUSAL_TYPES,
    CONFLICT_TYPES,
    Match,
    match_trigger,
    object_lemmas,
    plover_of,
    unnamed_demand,
)
from .event_model import combine, load_model
from .event_words import load_event_words, verb_forms
from .modality import (
    HYPOTHETICAL_AUX,
    REFUSE_GOVERNORS,
    STATEMENT_VERBS,
    allegation_of,
    announced_refusal,
    aux_words,
    condition_of,
    conditional_clause,
    is_negated,
    modality_of,
    stance,
    under_denial,
)
from .person_nouns import person_nouns
from .places import PlaceTable
from .quote_propositions import in_headline
from .time import DateTable

log = logging.getLogger(__name__)

COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})


def recode(tok: Token, cameo: str, lex: Lexicon, actors: ActorTable | None = None) -> tuple[str, str | None]:
    """CAMEO's coding of an action by its stance: a promised or conditional cooperative
    action is the intent to do it (03) (one merely planned or foretold, "decided to
    endorse", "will meet next week", is CAMEO's intent too, but stays the action in
    PLOVER: "plan"), a promised or conditional conflictual one the threat (13), a refused
    yield a rejection (124). Returns (code, "intent" | "plan" | "threat" | "refusal" | None)."""
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

    if conditional_clause(tok) is not None:
        return cameo, None  # "if NATO deploys missiles": the condition, neither intent nor threat
    intended, refused, mark, committed = stance(tok, same)
    if not (intended or refused or mark) and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        # "threatened to attack the base and to seize its tankers": the conjunct shares the stance
        intended, refused, mark, committed = stance(tok.head, same)
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
    if root in ("14", "15") and intended and not mark:
        # "will send troops to Lithuania": a planned deployment, no threat to the host; "workers
        # announced they will strike": a strike called, no threat
        return cameo, "intent"
    if root in CONFLICT_ROOTS and intended and is_negated(tok):
        return "0356", "intent"  # "vowed not to attack": the intent to hold back, no threat
    if root in ("16", "17") and intended and not mark \
            and _governor(tok).lemma_ not in load_event_words().threat_governors:
        # "pledged to ban all Muslims", "would deport 11 million immigrants", "will impose
        # sanctions": a coercive policy announced is that act planned (modality future), as the
        # labelling guide codes it; only force promised, or coercion threatened or made a
        # condition, is a threat
        return cameo, "plan"
    if root in CONFLICT_ROOTS and (intended or mark):
        code = lex.threat(cameo)
        if code:
            return code, "threat"
    if root in COOPERATIVE_ROOTS and (committed or mark):
        code = lex.intent(cameo)
        if code:
            return code, "intent"
    if root in COOPERATIVE_ROOTS and intended:
        return lex.intent(cameo) or cameo, "plan"
    return cameo, None


def _would_only(tok: Token) -> bool:
    """The verb ``tok`` is irrealis by "would" alone ("he'd force Mexico to pay"), not by
    "could", "might", "may" or "should" (nor is a noun: "an invasion would draw sanctions" is a
    consequence threatened)."""
    aux = aux_words(tok) & HYPOTHETICAL_AUX
    return bool(aux) and aux <= {"would", "'d"}


def _governor(tok: Token) -> Token:
    """The verb whose complement ``tok`` is, up through infinitives and conjuncts ("threatened
    to seize the tankers and *expel* the crews": "threatened"), or ``tok``."""
    t = tok
    for _ in range(4):
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            break
        t = t.head
    return t


def promised_concession(cameo: str) -> bool:
    """CAMEO 035 (intent to yield: ease, release, de-escalate, withdraw): PLOVER's codebook
    codes the promise of a concession as CONCEDE ("verbal concessions which have no
    immediate material consequences": promised withdrawals, lifted curfews, declared
    ceasefires), where the 2021 crosswalk says AGREE."""
    return cameo.startswith("035")


def _quote_index(quotes: tuple[Quote, ...], char: int) -> int | None:
    for i, q in enumerate(quotes):
        if any(c.start <= char < c.end for c in q.content):
            return i
    return None


def _threat_code(tok: Token, default: str) -> str:
    words = object_lemmas(tok) | {tok.lemma_.lower()}
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


def code_event(tok: Token, m: Match, *, threat: bool) -> tuple[str, str, str | None, tuple[str, ...]]:
    cameo = _threat_code(tok, m.cameo) if threat else m.cameo
    type_, mode, ctxs = plover_of(cameo, None if threat else m.pattern.type)
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
    table = token_table(doc)
    lemmas, lowers, pos = table.lemma, table.lower, table.pos
    by_lemma = lex.by_lemma
    for sent in doc.sents:
        a, b = sent.start, sent.end
        sent_lemmas = set(lemmas[a:b])
        # a Token only for the words some pattern is written for (match_trigger's own first test)
        curated = [(tok, m) for i in range(a, b) if lemmas[i] in by_lemma or lowers[i] in by_lemma
                   if (m := match_trigger(tok := doc[i], lex, actors, sent_lemmas=sent_lemmas)) is not None]
        coded = _add_events(curated, doc, actors, quotes, dates, places, home, found, order)
        # PETRARCH2's verbs where ours code nothing, unless Phoenix discards the sentence (sports ...),
        # nor on a verb our patterns code as a bare statement ("claimed victory": no 060)
        if not coded and ctx.settings.event_dictionary:
            matches = [(tok, Match(dp, dp.cameo, 1)) for i in range(a, b)
                       if pos[i] == "VERB" and (dp := dictionary_pattern(tok := doc[i])) is not None
                       and not _our_statement(tok, lex, actors, sent_lemmas)]
            # the discard list's search is the costly part: only where the dictionary found something
            if matches and not discarded(sent, load_dictionary()):
                _add_events(matches, doc, actors, quotes, dates, places, home, found, order,
                            keep=lambda ev: _international(ev, actors))
    events = tuple(found[k] for k in order)
    if not ctx.settings.event_model:
        return events
    # the trained type model: drops, retypes or adds (event_model.py); rules give the arguments
    return combine(doc, events, load_model(ctx.settings.event_model_path),
                   lambda t, p: _event(doc, t, Match(p, p.cameo, 1), actors, quotes, dates, places, home))


def _international(ev: Event, actors: ActorTable) -> bool:
    """A side of ``ev`` is a state or an organisation: PETRARCH2's dictionary was written for
    international news, and on domestic politics its verbs code mostly noise ("dealing Cruz a
    blow", "reserves the right", "set a goal of raising")."""
    for side in (ev.actor, ev.recipient):
        if side is None:
            continue
        if any((a := actors.get(x)) is not None and (a.kind == "country" or a.kind == "organization" and a.sector)
               for x in side.actors):
            return True  # a state, or a body the dictionaries know (the UN, Hamas; not a party committee)
    return False


def _add_events(matches: list[tuple[Token, Match]], doc: Doc, actors: ActorTable, quotes: tuple[Quote, ...],
                dates: DateTable, places: PlaceTable, home: DocCountries | None,
                found: dict[tuple, Event], order: list[tuple], keep=None) -> int:
    """Code the matched triggers into ``found`` (same event merged); how many were events.
    ``keep``: a test an event must pass (the dictionary's international sides)."""
    coded: list[tuple[Token, Event, bool]] = []
    for tok, m in matches:
        ev = _event(doc, tok, m, actors, quotes, dates, places, home)
        if ev is None or not_an_event(tok, ev.type):  # background, disease, failed (event_background.py)
            continue
        if keep is not None and not keep(ev):
            continue
        coded.append((tok, ev, m.pattern.symmetric))
    n = 0
    for ev, symmetric in one_per_clause(coded):
        n += 1
        key = _key(ev, symmetric)
        prev = found.get(key)
        if prev is not None and _other_object(prev, ev):
            key = (*key, ev.recipient.text.lower() if ev.recipient else "")
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
        purpose = t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        if t.dep_ not in COMPLEMENT_DEPS and not purpose or t.head.i == t.i:
            return False  # (a purpose: "will provide $1.5 billion *to help* Pakistan")
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


def _other_object(a: Event, b: Event) -> bool:
    """Both events act on a side no actor names, and not the same words: two events ("took
    control of the broadcaster and detained *the president*"), not two mentions of one."""
    x, y = a.recipient, b.recipient
    return x is not None and y is not None and not (x.actors or y.actors) and x.text.lower() != y.text.lower()


def _our_statement(tok: Token, lex, actors: ActorTable, sent_lemmas: set[str]) -> bool:
    """A curated statement pattern written for this phrase (with conditions, not the bare "say"
    verbs) codes the verb ``tok`` as a statement (CAMEO 01) and nothing more."""
    m = match_trigger(tok, lex, actors, statements=True, sent_lemmas=sent_lemmas)
    return m is not None and m.pattern.statement and bool(m.pattern.cond)


def _someone_does(clause: Token, actors: ActorTable) -> bool:
    """The subject of the relative ``clause`` names people, a group or a body ("who", an actor
    the table knows, a personal pronoun, a person or party noun), not a thing or a state of
    affairs ("an agreement *which* expands cooperation")."""
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.lower_ in ("who", "whom"):
        return True
    noun = clause.head if subj.lower_ in ("that", "which") else subj
    return noun.pos_ == "PRON" and noun.lower_ not in ("it", "this", "that", "which") \
        or actors.actor_for_token(noun.i) is not None or noun.lemma_.lower() in person_nouns() \
        or noun.lemma_.lower() in load_lexicon().party_nouns


def _promise_of(promise: Event, ev: Event) -> bool:
    """``promise`` is a promise or agreement to act (CAMEO 03) and ``ev``, in its
    complement, the concession promised (035: "agreed to *stop fighting*"), which names it."""
    # (sides that agree together to act make an agreement: "Sudan and South Sudan agreed to reopen their border")
    mutual = promise.actor is not None and (len(promise.actor.members) > 1 or bool(
        {"two", "both"} & set(promise.actor.text.lower().split()[:2])))  # ("the two governments agreed to reopen")
    return promise.type == "AGREE" and promise.rule.split("+")[0] in ("intent.promise", "intent.agree") \
        and ev.rule.endswith(".intent") and ev.cameo is not None and promised_concession(ev.cameo) and not mutual


def one_per_clause(coded: list[tuple[Token, Event, bool]]) -> list[tuple[Event, bool]]:
    """The events of one sentence, each clause's competing patterns as one event: a trigger
    in the complement of another of the same type with the same sides ("pledged to send aid":
    AGREE at "pledged", the intent to aid at "send") is a mention of the governing one, with
    the more specific CAMEO code and both rules; events of other types or other sides stay
    apart ("urged Russia to hold talks": a REQUEST and a CONSULT)."""
    out: list[list] = [[tok, ev, sym] for tok, ev, sym in coded]
    for item in out:
        tok, ev = item[0], item[1]
        gov = next((g for g in out if g is not item and g[1] is not None and ev is not None and (
            g[1].type == ev.type or _promise_of(g[1], ev)) and _governs(g[0], tok) and _same_sides(g[1], ev)), None)
        if gov is not None and ev is not None:
            promise = gov[1].type != ev.type  # (so _promise_of: "agreed to stop fighting", a concession promised)
            merged = _merge(gov[1], ev)
            if promise:
                merged = replace(merged, type=ev.type, cameo=ev.cameo, mode=ev.mode, contexts=ev.contexts,
                                 quad_class=ev.quad_class, goldstein=ev.goldstein, intensity=ev.intensity)
            gov[1] = replace(merged, rule=merged.rule if ev.rule in merged.rule else f"{merged.rule}+{ev.rule}")
            item[1] = None
    return [(ev, sym) for _, ev, sym in out if ev is not None]


def _event(doc: Doc, tok: Token, m: Match, actors: ActorTable, quotes: tuple[Quote, ...],
           dates: DateTable, places: PlaceTable, home: DocCountries | None = None) -> Event | None:
    p = m.pattern
    modality, embedded = modality_of(tok)
    cond = condition_of(tok)
    if cond is not None and _quote_index(quotes, cond.idx) is not None and _quote_index(quotes, tok.idx) is None:
        cond = None  # '"... but if you say it," Sanders responded': the quote's condition, not the tag's
    type0, _, _ = plover_of(m.cameo, p.type)
    threat = False
    if p.threat_only:
        heads = set(p.cond.get("consequence_heads", ()))
        gov = tok.head.head if tok.head.pos_ == "ADP" else tok.head
        promised = modality in ("hypothetical", "future") and (
            gov.lemma_ in heads or any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children)
            or any(c.dep_ == "prep" and c.lower_ == "to" and any(  # "will respond firmly *to any* provocation"
                d.lower_ in ("any", "every") for x in pobjs(c) for d in x.children) for c in tok.children))
        if cond is None and not promised:  # "would retaliate against any new tariffs": a threat
            return None
        if heads and gov.lemma_ not in heads:
            return None  # "will need a more nimble response if ...": no consequence promised
        threat = True
    if tok.pos_ in ("NOUN", "PROPN") and type0 in CONFLICT_TYPES | {"MOBILIZE"} and _subject_of_irrealis(tok):
        return None  # "a Russian invasion would draw sanctions": the condition, not an event
    if tok.pos_ == "VERB" and tok.dep_ == "relcl" and tok.tag_ in ("VBZ", "VBP") and not aux_words(tok) \
            and modality == "asserted" and type0 != "ACCUSE" and _someone_does(tok, actors):
        # "a militia that controls the town", "people who ask for one": what they are or do habitually
        # (words in the present are still said: "Kelly, who he claims has been unfair to him"; and what a
        # text or a state of affairs does is its content: "an agreement which expands cooperation")
        return None
    if type0 == "THREATEN" and tok.lemma_ != "threaten" and any(
            x.dep_ == "xcomp" and is_negated(x) for x in tok.children) and not (
            tok.lemma_ in ("warn", "caution") and any(c.dep_ == "dobj" for c in tok.children)):
        # ("warned Washington not to interfere" warns a side: a threat)
        return None  # "vowed not to attack": a promise to hold back (its complement's AGREE)
    if tok.pos_ == "VERB" and p.symmetric and any(c.dep_ == "nsubjpass" for c in tok.children):
        return None  # "will be met with a response"
    elif type0 in CONFLICT_TYPES and (cond is not None or modality == "hypothetical") and not embedded \
            and not (cond is None and m.cameo[:2] in ("16", "17") and tok.pos_ == "VERB" and _would_only(tok)):
        # (a coercive policy someone says they would carry out is that act planned, as "will" is: "Trump said
        # he would deport 11 million immigrants"; recode below)
        threat = True
    cameo_override = None
    how = None
    if not threat and not p.threat_only and modality not in ("denied", "demanded", "alleged"):
        code, how = recode(tok, m.cameo, load_lexicon(), actors)
        announced = (not embedded or carried(tok)[0].dep_ == "dobj"  # (or "a new package of" it)
                     or tok.dep_ == "xcomp" and not under_denial(tok))  # "is preparing an offensive"
        if how == "plan" and code[:2] in CONFLICT_ROOTS and not announced:
            how = None  # "a president who will end one-sided trade deals": a hope someone voices, no plan
        if how == "threat" and announced:
            threat = True
            embedded = False
            cameo_override = code
        elif how in ("intent", "refusal"):
            cameo_override = code
            embedded = False
            if how == "refusal":
                modality = "asserted"
        elif how == "plan":
            cameo_override = code
            embedded = False
            modality = "future"
    refusal = p.cond.get("refused_when_negated_future")
    if modality == "negated" and cameo_override is None and refusal and cond is None and not under_claim_or_condition(
            tok) and announced_refusal(tok):
        # a refusal announced (CAMEO 12, the pattern's code or 120), not an acceptance or a meeting denied
        cameo_override, how, modality = refusal if isinstance(refusal, str) else "120", "refusal", "asserted"
    if modality == "negated" and (p.cond.get("requires_unwillingness") or p.cond.get("requires_pejorative_clause")
                                  or p.cond.get("requires_negation")):
        # "does not want to hold talks": the refusal is the act; "doesn't believe that she is qualified":
        # the denial of a trait is the criticism
        modality = "asserted"
    if modality == "asserted" and cameo_override is None and tok.dep_ == "xcomp" and \
            tok.head.lemma_.lower() in REFUSE_GOVERNORS:
        modality = "negated"  # "refuses to attack Clinton": the attack is not made
    if embedded and not threat:
        return None
    qi = _quote_index(quotes, tok.idx)
    a_tok = judged_doer(tok) or responsible_doer(tok) or actor_token(tok, p.recipient)
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
    if actor is None and a_tok is not None and a_tok.pos_ == "NOUN":
        # "Trailing contenders *Ted Cruz and John Kasich* have agreed" (a common noun's appositive)
        # (a name, not a description: "The senator, *a longtime critic of the deal*, accused" is the senator)
        named = next((c for c in a_tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        actor = party_of(doc, named, actors, quotes, qi) if named is not None else None
    # the verb's own subject, in the sentence itself (not a dateline's place, "ORLANDO, Fla.", nor
    # a headline run into the sentence, "... Expect No Breakthroughs on Ukraine GENEVA (AP) -")
    # (only read while no actor is found: the headline scan is not done for every event)
    own_subject = actor is None and a_tok is not None and a_tok.dep_ == "nsubj" and not _dateline_word(
        a_tok) and not in_headline(doc, a_tok)
    if actor is None and a_tok is not None:  # "the militants", "The union": who, if not which actor
        # (and an organisation's or a person's name as that subject, outside a title-cased
        # headline: "The Club for Growth PAC endorsed", "Ware insists that *Podliska* asked")
        actor = named_party(doc, a_tok, load_lexicon().party_nouns, entities=own_subject and (
            a_tok.ent_type_ == "ORG" or not _title_cased(a_tok.sent)))
    if actor is None and a_tok is not None and a_tok.head.i == tok.i and a_tok.dep_ in ("compound", "nmod") \
            and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        # a modifier that names no side ("filed a *Freedom of Information* lawsuit"): the subject
        # of the verb carrying the noun
        subj = clause_subject(tok.head)
        if subj is not None:
            actor = party_of(doc, subj, actors, quotes, qi) or named_party(doc, subj, load_lexicon().party_nouns)
    fallback = False
    # a passive's subject is acted on, and an allegation names its own actor: no guessing
    # nor a verb whose subject is a weapon or a blast ("a missile strike ... killed five people")
    # nor a verb whose own subject names someone the table does not know ("the pope was not
    # attacking Mr. Trump": not Trump)
    guess = tok.pos_ == "VERB" and alleging is None and not is_passive(tok) and not bare_participle(tok) and not (
        own_subject and a_tok is not None and a_tok.head.i == tok.i and (
            a_tok.pos_ in ("NOUN", "PROPN") or a_tok.lower_ in OWN_PRONOUNS)) and not _weapon_subject(tok)
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
    if recipient is None and type0 in ("ASSAULT", "THREATEN", "REQUEST"):
        # and where an appeal is to be heeded ("called for a ceasefire *in Sudan*")
        recipient = _target_place(doc, tok, p, actor, actors, places)
    if threat:
        alt = _condition_party(doc, cond, actors, quotes, qi)
        if alt is None and tok.head.dep_ in ("ROOT", "ccomp", "conj") or alt is None:
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj" and (a_tok is None or c.i != a_tok.i)), None)
            if subj is not None and subj.i != tok.i and not (
                    tok.dep_ == "ccomp" and tok.head.lemma_ in STATEMENT_VERBS):  # (who says it is not threatened)
                alt = party_of(doc, subj, actors, quotes, qi)
        if alt is None and passive_target is not None:
            alt = party_of(doc, passive_target, actors, quotes, qi)
        recipient = recipient or alt
        modality = "hypothetical" if cond is not None or modality == "hypothetical" else modality
    if actor is not None and recipient is not None and (same_side(actor, recipient, actors) or _own_state(
            doc, actor, recipient, actors)):
        recipient = None
    if recipient is None and p.cond.get("needs_recipient") and not (
            "requires_ccomp_aux" in p.cond and unnamed_demand(tok, p.cond["requires_ccomp_aux"])):
        return None  # "defended the march route", "didn't support their right to sue": a stance, no side backed
    if actor is None and recipient is None and not (modality == "asserted" and _took_place(tok)) \
            or tok.dep_ == "amod" and recipient is None:
        return None  # "striking workers", "supporting parties": a description, not an event
    if threat and actor is None and modality == "hypothetical" and tok.pos_ == "VERB":
        return None  # "things that might actually kill them": a danger, nobody's threat
    if actor is None and tok.tag_ == "VBG" and tok.dep_ in ("csubj", "pcomp", "pobj", "dobj", "attr") \
            and modality == "asserted" and tok.head.lower_ != "by" \
            and not any(c.dep_ in ("det", "poss") or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        # (a means is done: "by threatening to ..."; so is a named act: "announced *the signing of* an accord")
        return None  # "more important than defending the nation": the activity named, no one doing it
    if type0 == "THREATEN" and actor is None and tok.pos_ == "VERB" and any(
            c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in tok.children):
        return None  # "the rise of terrorism threatens our way of life": a danger named, no side threatening
    home = home or doc_countries(doc, actors)
    # nor is an attacker placed by guess in its target's country
    actor = place_side(doc, actor, a_tok, actors, places, home,
                       other=recipient if names_state(recipient, actors) else None,
                       not_home=recipient.country if recipient is not None and type0 in CONFLICT_TYPES else None)
    # the target of an attack is not placed by guess in the attacker's country, but whom a
    # state's police, courts or government act on are mostly its own people
    domestic = actor is not None and actor.sector in ("COP", "JUD", "GOV")
    recipient = place_side(doc, recipient, None, actors, places, home,
                           not_home=actor.country if actor is not None and type0 in CONFLICT_TYPES and not domestic
                           else None)
    foreign = p.cond.get("needs_foreign_recipient")
    if foreign and (
            recipient is None or foreign == "state" and not side_countries_of(recipient, actors)
            or (side_countries_of(actor, actors) or (
                {home.home} - {None} if actor is not None and not actor.actors else set()))
            & side_countries_of(recipient, actors)):
        # "traveled to Pittsburgh": a trip at home visits no one (nor do a campaign's volunteers, a
        # side of no country, help a candidate of the article's home; "state": the recipient
        # names a country, "grateful to my wife" praises no side abroad)
        return None
    if cameo_override is not None:
        # a planned act keeps its PLOVER type (mode future) under CAMEO's intent code
        type_, mode, ctxs = plover_of(m.cameo, p.type) if how == "plan" else plover_of(cameo_override, None)
        cameo = cameo_override
        rule = p.id + (".threat" if threat else f".{how}")
    else:
        type_, cameo, mode, ctxs = code_event(tok, m, threat=threat)
        rule = p.id + (".threat" if threat and not p.threat_only else "")
    if type_ == "AGREE" and promised_concession(cameo):
        type_ = "CONCEDE"  # PLOVER: a promise of future concessions
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


# types whose "at" phrase names the target, never the venue
AIMED_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "ACCUSE", "SANCTION"})
# a subject that names someone, if no one the table knows: no actor is guessed past it ("anyone
# *who* attacks our community", "someone attacked him")
OWN_PRONOUNS = frozenset({"who", "whoever", "anyone", "anybody", "someone", "somebody", "everyone", "everybody",
                          "nobody", "no one"})
# an unresolved third person the side of an event with no actor ("*she* was gravely wounded")
THIRD_PERSONS = frozenset({"he", "she", "him", "her", "they", "them"})
# types whose object is what is given, not to whom ("offering an international mediator")
GIVING_TYPES = frozenset({"AGREE", "AID", "COOPERATE", "CONCEDE"})
# types whose recipient may be a measure or a text rather than a side ("backing the measure")
POLICY_TYPES = frozenset({"SUPPORT", "REJECT", "ACCUSE", "THREATEN"})
MOBILIZE_PREPS = frozenset({"to", "into", "along", "near", "on", "in", "toward", "towards", "from"})


def _without_forces(tok: Token, candidates, moved: frozenset[str]):
    """The recipient candidates, the forces a deployment moves replaced by where they go
    when that hangs from them ("massed troops *near Ukraine*"): the object of a deploy verb
    ("mass", "send", ...) that names forces, or the object ``tok``'s mobilization pattern
    requires (``moved``: "stepped up its patrols *in Andorra*"), is the instrument, not
    whom the event is aimed at."""
    words = load_event_words()
    dropped: set[int] = set()  # the forces' own phrase ("thousands *of troops*")
    for r_tok in candidates:
        noun = noun_lemma(r_tok) if r_tok.dep_ in ("dobj", "nsubjpass") else ""  # ("a system *was deployed*")
        if noun and (r_tok.head.lemma_.lower() in words.deploy_verbs and noun in words.forces
                     or r_tok.head.i == tok.i and noun in moved):
            places = [x for c in r_tok.subtree if c.dep_ == "prep" and c.lower_ in MOBILIZE_PREPS for x in pobjs(c)]
            dropped.update(t.i for t in r_tok.subtree)
            dropped.difference_update(t.i for x in places for t in x.subtree)
            yield from places
        elif r_tok.i not in dropped:
            yield r_tok


def _recipient(doc: Doc, tok: Token, p: Pattern, actor: Party | None, type_: str, actors: ActorTable,
               quotes: tuple[Quote, ...], qi: int | None) -> Party | None:
    """The pattern's recipient slots first, then wherever else English puts the one acted
    on (``wider_recipient_tokens``); never the actor itself."""
    own = set(actor.actors) if actor is not None else set()
    seen: list[Token] = []
    wider = wider_recipient_tokens(tok, meeting=type_ == "CONSULT", clausal=type_ in CLAUSAL_TYPES)
    # what a mobilization moves (its pattern's object: "stepped up its patrols") is no recipient either
    moved = frozenset(p.cond.get("needs_object") or ()) if type_ == "MOBILIZE" else frozenset()
    slot_toks = list(recipient_tokens(doc, tok, p.recipient))
    slots = {t.i for t in slot_toks}
    in_slots = True
    for r_tok in _without_forces(tok, chain(slot_toks, wider), moved):
        if r_tok.i == tok.i or any(r_tok.i == t.i for t in seen):
            continue
        if type_ == "REQUEST" and r_tok.lemma_.lower() in load_event_words().self_act_nouns:
            # "demanded the resignation *of the government*": who is to resign is asked to
            r_tok = next(iter(of_objects(r_tok)), r_tok)
        if type_ == "ACCUSE" and r_tok.dep_ == "dobj" and r_tok.head.i == tok.i and _event_noun(r_tok):
            # "condemned the *police* killings", "the *military* crackdown in Myanmar": who did it
            party = _modifying_doer(doc, r_tok, actors, quotes, qi)
            if party is not None and not (actor is not None and same_side(actor, party, actors)):
                return party
        if in_slots and r_tok.i not in slots:
            # the pattern's own object or prepositional slot names a side the table does not know
            # ("called on *the government* to block Trump's visit", "asked *the reporter* to join
            # him"): it beats a known actor further out
            in_slots = False
            named = [t for t in seen if t.dep_ == "pobj" or t.dep_ == "dobj" and type_ not in GIVING_TYPES
                     and (noun_lemma(t) in HUMAN or t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN")]
            party = _named_side(doc, named, actor, actors, inner=False)
            if party is not None:
                return party
        if r_tok.dep_ == "pobj" and r_tok.head.lower_ == "at" and actors.actor_for_token(r_tok.i) is None \
                and noun_lemma(r_tok) not in HUMAN and type_ not in AIMED_TYPES:
            continue  # "talks at Geneva": a venue; "a meeting at the Foreign Ministry" names its host
            # (people are no venue, "fired tear gas at hundreds of demonstrators", nor is what an
            # attack or a rebuke is aimed at: "fired missiles at Israeli positions", "lashed out at")
        seen.append(r_tok)
        party = party_in_phrase(doc, r_tok, actors, quotes, qi)
        if party is not None and (not set(party.actors) <= own
                                  or actor is not None and not same_side(actor, party, actors)
                                  # "she was wounded in a shooting": a person nobody resolved
                                  or actor is None and type_ in AIMED_TYPES and party.text.lower() in THIRD_PERSONS):
            return party
    # no known actor: a noun phrase that names people or a body still says who
    party = _named_side(doc, seen, actor, actors)
    if party is None and actor is not None and type_ in POLICY_TYPES:
        # nor a side: the measure or the text acted on ("threatened to veto the bill")
        words = load_event_words().policy_objects
        obj = next((t for t in seen if t.dep_ in ("dobj", "nsubjpass", "pobj") and noun_lemma(t) in words
                    and not actor.start <= t.idx < actor.end), None)
        return None if obj is None else phrase_party(doc, obj)
    return party


def _own_state(doc: Doc, actor: Party, recipient: Party, actors: ActorTable) -> bool:
    """``recipient`` is the state that ``actor`` serves, named by its name or capital: no
    other side ("Iran's foreign minister warned that *Tehran* would respond"; its people are
    one: "demanded wealthy *Americans* pay"); a body of that state with another role is another
    side ("Obama urged *Congress* to act"), and so is the state to its lawmakers and judges
    ("Sanders called upon *the U.S.* to press China")."""
    if actor.sector not in STATE_SECTORS or actor.sector in ("LEG", "JUD") or not names_state(recipient, actors) \
            or recipient.sector is not None and recipient.sector != actor.sector:
        return False
    span = doc.char_span(recipient.start, recipient.end, alignment_mode="expand")
    return span is not None and span.root.ent_type_ in ("GPE", "ORG", "FAC") and side_countries_of(
        recipient, actors) == side_countries_of(actor, actors)


def _modifying_doer(doc: Doc, noun: Token, actors: ActorTable, quotes: tuple[Quote, ...],
                    qi: int | None) -> Party | None:
    """The side a modifier of the event noun ``noun`` names: "the *police* killings", "the
    *Houthi* attacks", "the *military* crackdown"."""
    nouns = load_lexicon().party_nouns
    doer = next((c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i and (
        actors.actor_for_token(c.i) is not None or c.lemma_.lower() in nouns or c.lemma_.lower() in HUMAN)), None)
    if doer is None:
        return None
    return party_in_phrase(doc, doer, actors, quotes, qi) or named_party(doc, doer, nouns) or phrase_party(doc, doer)


def _event_noun(tok: Token) -> bool:
    """``tok`` is a noun that some pattern codes as an event ("killings", "crackdown", "raid")."""
    lemma, by_lemma = tok.lemma_.lower(), load_lexicon().by_lemma
    return tok.pos_ == "NOUN" and (any(p.pos in ("NOUN", "ANY") for p in by_lemma.get(lemma, ()))
                                   or lemma.endswith("ing") and lemma[:-3] in by_lemma)  # "killings"


def _named_side(doc: Doc, candidates: list[Token], actor: Party | None, actors: ActorTable, *,
                inner: bool = True) -> Party | None:
    """The first candidate (or, with ``inner``, a name inside its phrase) that names people or
    a body the actor table does not know, other than the actor."""
    nouns = load_lexicon().party_nouns
    for r_tok in candidates:
        r_tok = antecedent(r_tok)  # "Madoff, *who* was arrested": Madoff
        for t in (r_tok, *(inside_phrase(r_tok) if inner else ())):  # "support for *Ghani's* efforts"
            if actor is not None and actor.start <= t.idx < actor.end or actors.actor_for_token(t.i) is not None:
                continue
            party = named_party(doc, t, nouns)
            if party is not None:
                return party
    return None


def _target_place(doc: Doc, tok: Token, p: Pattern, actor: Party | None, actors: ActorTable,
                  places: PlaceTable) -> Party | None:
    """The place an attack or a threat is aimed at when no one there is named ("launched
    missiles *at Kyiv*", "threatened military intervention *in Niger*"): a place with a
    country other than the attacker's in one of the trigger's recipient slots or in the
    in/into/against/on phrase of one; the place's country is the side attacked."""
    own = actor.country if actor is not None else None
    slots = list(recipient_tokens(doc, tok, p.recipient))
    # and where the act in the object is aimed ("threatened military intervention *in Niger*")
    slots += [x for o in slots for c in o.children if c.dep_ == "prep" and c.lower_ in ("in", "into", "against", "on")
              for x in pobjs(c)]
    if tok.pos_ == "VERB" and own and not is_passive(tok) and any(c.dep_ == "dobj" for c in tok.children):
        # or the strike's own place, where what it hit has none ("struck energy facilities *across Ukraine*")
        slots += [x for c in tok.children if c.dep_ == "prep" and c.lower_ in WHERE_PREPS for x in pobjs(c)]
    elif tok.pos_ == "NOUN" and own:  # "Israeli airstrikes *across Gaza*"
        slots += [x for c in tok.children if c.dep_ == "prep" and c.lower_ in ("across", "throughout")
                  for x in pobjs(c)]
    # "in the city *of Dnipro*", "in *Russia's* Samara region", "in the *Sumy* region"
    slots += [x for o in slots for x in (*of_objects(o), *(c for c in o.children if c.dep_ in ("poss", "compound")))]
    # and where the act an object ends or aims at happens ("demanded a halt *to the fighting in Sudan*")
    acts = [x for o in slots for c in o.children if c.dep_ == "prep" and c.lower_ == "to"
            for x in pobjs(c) if _event_noun(x)]
    slots += [x for o in acts for c in o.children if c.dep_ == "prep" and c.lower_ == "in" for x in pobjs(c)]
    for r_tok in slots:
        side = foreign_place_side(places.place_for_token(r_tok.i), actor)
        if side is not None:
            return side
        state = actors.get(actors.actor_for_token(r_tok.i))
        if state is not None and state.kind == "country" and state.country != own:  # a state named as the place
            return with_members(actors.party_for_token(doc, r_tok), actors)
    return None


def _host(tok: Token, actor: Party | None, places: PlaceTable) -> Party | None:
    """The host of a visit: the country of the place arrived in ("arrived in Amman for
    talks" is a consultation with Jordan), when it is not the visitor's own."""
    place_tok = arrival_place(tok)
    return foreign_place_side(places.place_for_token(place_tok.i), actor) if place_tok is not None else None


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


def _dateline_word(tok: Token) -> bool:
    """``tok`` is a dateline's place at the head of the sentence ("ORLANDO, Fla. (Reuters) -")."""
    return tok.is_upper and tok.i - tok.sent.start < 3 and tok.i + 1 < len(tok.doc) and tok.nbor(1).text == ","


def _title_cased(sent) -> bool:
    """Most words of the sentence are capitalised (a headline: "Paul Votes To Condemn ...")."""
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.6 * len(words)


def _weapon_subject(verb: Token) -> bool:
    """``verb``'s subject is a weapon or a blast, not who used it ("a missile strike ... *killed*",
    "fighter jets *carried out* airstrikes")."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in load_event_words().weapon_subjects for c in verb.children)


def _took_place(tok: Token) -> bool:
    """The event noun ``tok`` is said to begin or take place, or to have been staged: "a strike
    began Monday", "clashes broke out", "demonstrations were held in ..." (an event with no
    side named), or carried out by weapons whose side is unsaid."""
    v = tok.head
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and v.pos_ == "VERB" and _weapon_subject(v):
        return True  # "Fighter *jets* carried out airstrikes on rebel positions": whose jets, unsaid
    if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass") or v.pos_ != "VERB":
        return False
    if v.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("since", "until", "before") for m in v.children):
        return False  # "have detained thousands *since the war began*": when, not what happened
    words = load_event_words()
    lemma = v.lemma_.lower()
    if tok.dep_ == "nsubjpass":
        return lemma in words.staging_verbs and not any(c.dep_ == "agent" for c in v.children)
    return bool(verb_forms(v, ("prt", "dobj", "advmod")) & words.onset_verbs)  # ("the deal came *together*")


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
