"""Modality of an event trigger from the dependency parse: asserted, negated,
hypothetical (conditional, modal), future, denied, demanded or alleged.

``modality_of(tok)`` returns (modality, embedded): ``embedded`` says the trigger is not
an event the text states happened or will happen — it is the condition of something
else ("if Russia invades"), the content of a denial ("denied it has intentions of
invading") or of a demand ("demanding that Russia pull its troops"), or a claim
("claims of an imminent attack"). Such triggers are not coded as events of their own.

An action someone is accused of, blamed for or claimed to have done ("accused Armenian
forces *of shelling* villages", "blamed Ukraine *for the attack*", "claimed that Kyiv
*shelled* ...") is ``alleged``: coded, but as the accuser's allegation, never as an asserted
act, and never with the accuser as its actor (``allegation_of`` gives the verb that makes
the allegation).
"""

from __future__ import annotations

from spacy.tokens import Token

from .event_args import HUMAN, carried, loose_for_subject
from .event_words import load_event_words, obligation

DENY = frozenset({"deny", "refute", "dismiss", "rule", "disavow"})
DEMAND = frozenset({"demand", "urge", "call", "insist", "ask", "push", "press", "want", "request",
                    "order", "tell", "pressure", "appeal", "require", "invite"})
# verbs that demand only through their infinitive ("pleaded with Congress *to fund*", "challenged
# Trump *to release*"); as nouns or with other complements they demand nothing ("a challenge to")
EXHORT = frozenset({"plead", "implore", "beg", "beseech", "petition", "encourage", "instruct", "challenge", "dare"})
WARN_AGAINST = frozenset({"warn", "caution", "advise", "counsel"})  # "warned X against doing Y"
CLAIM_NOUNS = frozenset({"claim", "allegation", "fear", "risk", "possibility", "prospect", "intention",
                         "intent", "plan", "threat", "warning", "rumor", "rumour", "speculation",
                         "event", "case", "concern", "accusation", "cover", "pretext",
                         "proposal", "suggestion", "proposition", "scheme", "offer", "option", "invitation"})
# ("Trump's proposal to ban", "Trump's offer to send troops")
CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# censure verbs allege what they censure someone *for* ("criticized Russia for bombing ...")
CENSURE = load_event_words().censure_verbs  # "criticized Trump *for* refusing ...": alleged
PUNISH = load_event_words().punishing_verbs  # "sentenced ... *for* insulting a prosecutor": alleged
ALLEGE = frozenset({"accuse", "blame", "allege", "claim", "charge", "suspect", "implicate", "hold",
                    "convict"}) | CENSURE | PUNISH
ALLEGE_DEPS = ("prep", "pcomp", "pobj", "ccomp", "xcomp", "advcl", "acl")
PERMIT = load_event_words().permitting_verbs  # "would allow families *to sue*": not done
ABLE = load_event_words().ability_words  # "free agents, able *to support* Cruz": not done
INTEND = frozenset({"plan", "intend", "prepare", "aim", "seek", "hope", "threaten", "expect", "vow",
                    "pledge", "promise", "want", "wish", "decide", "agree", "offer", "opt", "choose",
                    "ready", "willing", "prepared", "need", "schedule", "consider", "contemplate", "mull", "weigh"})


RESPONSIBLE = frozenset({"responsible", "accountable", "culpable", "liable"})
JUDGING = frozenset({"hold", "consider", "deem", "find", "believe"})  # "held Tehran *responsible* for"


def responsibility_predicate(tok: Token) -> Token | None:
    """The predicate that names someone as the doer of the act ``tok`` names: the adjective of
    "(is) responsible for the attack", the copula of "(was) behind the attack"; else None."""
    if tok.dep_ != "pobj":
        return None
    prep = tok.head
    if prep.lower_ == "for" and prep.head.lemma_.lower() in RESPONSIBLE:
        return prep.head
    if prep.lower_ == "behind" and prep.head.lemma_ == "be":
        return prep.head
    return None


def attributed(tok: Token) -> bool:
    """Someone else says or judges who did the act ``tok`` names ("the Pentagon said *Iran*
    was behind the attack", "held Tehran responsible for the attack"): the doer is alleged,
    not reported as fact. A side owning up to it ("says it is responsible") is no allegation."""
    pred = responsibility_predicate(tok)
    if pred is None:
        return False
    if pred.dep_ in ("oprd", "xcomp", "ccomp") and pred.head.lemma_ in JUDGING:
        return True
    clause = pred.head if pred.dep_ == "acomp" else pred
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return clause.dep_ == "ccomp" and clause.head.pos_ == "VERB" and subj is not None and subj.pos_ != "PRON"


def announced_refusal(tok: Token) -> bool:
    """The negated act ``tok`` names is refused, not merely not done: "Moscow *will not accept*
    any proposal", "would not negotiate with terrorists", "is not *ready* to endorse Trump" (a
    readiness denied), "Ryan *does not support* Trump" (a stance denied in the present)."""
    words = load_event_words()
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "'ll") for c in tok.children) \
        or tok.dep_ == "xcomp" and tok.head.lemma_.lower() in words.readiness_words \
        or tok.lemma_.lower() in words.stance_verbs and any(
            c.dep_ == "aux" and c.lower_ in ("do", "does") for c in tok.children) and not _generic_object(tok)


def _generic_object(verb: Token) -> bool:
    """``verb``'s object is a bare plural, a kind and no side ("The group does not endorse
    *candidates*": a policy, no refusal)."""
    return any(c.dep_ == "dobj" and c.tag_ == "NNS" and not any(x.dep_ in ("det", "poss", "nummod") for x in c.children)
               for c in verb.children)


def denied_intent(gov: Token) -> bool:
    """The intent word ``gov`` is negated: "does *not want*", "was *not ready*"."""
    return any(c.dep_ == "neg" for c in gov.children) or gov.dep_ == "acomp" and any(
        c.dep_ == "neg" for c in gov.head.children)


def under_denial(tok: Token) -> bool:
    """A verb of denial governs ``tok``'s clause ("the Kremlin *denied* that Russia planned to
    invade"): whatever is planned or threatened there is denied, not announced."""
    t = tok
    for _ in range(5):
        if t.head.i == t.i or t.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "dobj"):
            return False
        t = t.head
        if t.lemma_.lower() in DENY:
            return True
    return False


def _forgone(tok: Token) -> bool:
    """``tok`` (or the verb whose object it is) is what was done instead of, or rather than,
    something: "*rather than scolding* our allies", "instead of *making* a visit", "chose to
    attack Trump *rather than praise* him"."""
    v = tok.head if tok.dep_ == "dobj" else tok
    if v.dep_ == "pcomp" and v.head.lower_ in ("than", "of"):
        prep = v.head
        return any(c.dep_ == "advmod" and c.lower_ in ("rather", "instead")
                   for c in (*prep.children, *prep.head.children) if c.i == prep.i - 1)
    if v.dep_ != "conj":
        return False
    than = next((c for c in v.head.children if c.lower_ == "than" and c.dep_ == "cc"), None)
    return than is not None and any(c.lower_ == "rather" and c.dep_ == "advmod"
                                    for c in (*than.children, *v.head.children))


def _own_wish(gov: Token, comp: Token) -> bool:
    """"China wants *to strengthen* ties": what the subject wants to do itself is its intent;
    "wants Russia to withdraw" demands it of another."""
    return gov.lemma_ == "want" and comp.dep_ == "xcomp" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in comp.children)


def _indicative(verb: Token) -> bool:
    """A that-clause stating a fact ("told Reuters that talks were continuing"), not what
    must be done ("insisted that the alliance reject", "told them they must leave")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" and a.lower_ in ("will", "would", "'ll", "'d", "wo", "could", "might", "may") for a in aux):
        # "told parliament that Britain *would send* troops": a plan reported, no order ("*could suspend*
        # relations": a possibility reported)
        return True
    if any(a.tag_ == "MD" for a in aux):
        return False
    return verb.tag_ in ("VBD", "VBZ") or any(a.tag_ in ("VBD", "VBZ") for a in aux)


def aux_words(verb: Token) -> set[str]:
    """The auxiliaries of ``verb`` (lower case): "may", "will", "was" ..."""
    return {c.lower_.replace("’", "'") for c in verb.children if c.dep_ in ("aux", "auxpass")}  # ("he’d")


def _clause_verb(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (``tok`` itself for verbs)."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.dep_ in ("ROOT", "ccomp", "xcomp", "advcl", "relcl", "pcomp", "acl"):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def is_negated(tok: Token) -> bool:
    v = _clause_verb(tok)
    copula_subject = tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "nsubj" and v.i == tok.head.i and v.lemma_ == "be"
    for t in {tok} if copula_subject else {tok, v}:  # ("X's endorsement *is not* good news": the news negated)
        if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in t.children):
            return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    # "*No* individuals were arrested", "nobody was killed": the passive's subject says none
    subj = max((c for c in v.children if c.dep_ == "nsubjpass" and c.i < v.i), key=lambda c: c.i, default=None)
    return subj is not None and (subj.lower_ in ("nobody", "none") or any(
        d.dep_ == "det" and d.lower_ == "no" for d in subj.children))


def conditional_clause(tok: Token) -> Token | None:
    """The verb of the if-clause holding ``tok``, if any."""
    t = tok
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in t.children):
            return t
        if t.dep_ in ("ROOT",) or t.head.i == t.i:
            return None
        if t.dep_ == "ccomp" and t.head.lemma_ not in ("be",):
            return None
        t = t.head
    return None


def condition_of(tok: Token) -> Token | None:
    """An if-clause attached to the clause of ``tok`` ("would inflict costs *if it invades*")."""
    v = _clause_verb(tok)
    seen = [tok, v]
    t = v
    for _ in range(3):
        if t.head.i == t.i:
            break
        t = t.head
        seen.append(t)
        if t.dep_ in ("ROOT", "ccomp"):
            break
    for node in seen:
        for c in node.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                return c
        if node.lower_ == "event" or any(c.lower_ == "event" for c in node.children):
            continue
    return None


def blamed_on(blame: Token) -> Token | None:
    """Whom "blame X on Y" blames: the object of its "on", hung on the verb or (as the parser
    often does) on the blamed act ("blamed the attack *on Israel*")."""
    obj = next((c for c in blame.children if c.dep_ == "dobj"), None)
    for node in (blame, obj):
        if node is None:
            continue
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def _alleged_consequence(tok: Token) -> Token | None:
    """The accusing verb that the parse hangs ``tok``, a participle saying what the alleged act
    did, on: "accused Russia of shelling the city, *killing* five people" (the accuser kills
    no one). The verb must allege an act *of* or *for* doing something."""
    verb = tok.head
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or verb.lemma_.lower() not in ALLEGE \
            or tok.lemma_.lower() not in load_event_words().allegation_consequences:
        return None
    holders = (verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")))
    # (an act, not people: "attacked a camp *of Nigerian police*, killing ten" alleges nothing)
    acts = (x for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
            for x in c.children if x.dep_ == "pcomp" or x.dep_ == "pobj" and x.pos_ == "NOUN"
            and not x.ent_type_ and x.lemma_.lower() not in HUMAN)
    return verb if next(acts, None) is not None else None


def allegation_of(tok: Token) -> Token | None:
    """The verb that alleges the action ``tok`` names ("accused", "blamed", "claimed"), or
    None. "held responsible for" and "charged with" count; "suspected of" too, and what a
    censure verb censures someone *for* ("criticized Russia for bombing"), and what the
    alleged act did ("..., *killing* five people")."""
    consequence = _alleged_consequence(tok)
    if consequence is not None:
        return consequence
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ == tok.pos_:
        tok = tok.head  # "for shooting and *killing*": alleged as the first conjunct is
    prev, t = tok, tok
    via = before = tok
    for _ in range(6):
        if t.head.i == t.i:
            return None
        before, via, prev, t = via, prev, t, t.head
        lemma = t.lemma_.lower()
        if lemma == "blame" and prev.dep_ == "dobj" and prev.i == tok.i and blamed_on(t) is not None:
            return t  # "blamed *the attack* on Israel": the act is alleged, of the one blamed
        # "accused Armenian forces *of shelling*" parsed with the of-phrase on the accused
        on_object = prev.dep_ in ("dobj", "nsubjpass") and via.dep_ == "prep" and via.lower_ in ("of", "for", "over")
        # "were accused by rights groups of beating": the of-phrase parsed on the accuser
        on_agent = (prev.dep_ == "agent" and via.dep_ == "pobj" and before.dep_ == "prep"
                    and before.lower_ in ("of", "for"))
        on_object = on_object or on_agent
        link = via if on_object and not on_agent else prev
        if lemma in ALLEGE and (prev.dep_ in ALLEGE_DEPS or on_object) and (lemma != "hold" or any(
                c.lower_ == "responsible" for c in t.children)) and (
                lemma not in CENSURE | PUNISH or link.dep_ == "prep" and link.lower_ in ("for", "over")):
            return t
        if prev.dep_ == "conj" and prev.pos_ == t.pos_ and t.pos_ in ("VERB", "ADP"):
            continue  # "accused X of ramming and *firing* water cannon", "of sending ... and *of* making"
        if prev.dep_ not in ALLEGE_DEPS and prev.dep_ != "dobj":
            return None  # (the object of the alleged act is inside it: "of launching *strikes*",
            # "of supplying drones used to *attack*")
    return None


def _none_of(noun: Token) -> bool:
    """``noun`` is "nothing", or an act noun denied by "no" ("no action", "no steps", "no plan"):
    ``event_words.omission_nouns``."""
    return noun.lower_ == "nothing" or noun.lemma_.lower() in load_event_words().omission_nouns and any(
        c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _omitted(tok: Token) -> bool:
    """``tok`` is the infinitive of what a side did nothing, or took no action, to do."""
    if tok.dep_ not in ("acl", "advcl", "relcl", "xcomp") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    return _none_of(tok.head) or did_nothing(tok.head)


def did_nothing(verb: Token) -> bool:
    """The verb's object is "nothing" or an act denied ("have taken *no action*", "did *nothing*")."""
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" and _none_of(c) for c in verb.children)


def _imperative(tok: Token) -> bool:
    """``tok`` is a bare verb that opens its sentence or a quotation, with no subject and no
    auxiliary: an order ("*Release* the prisoners", "'*Stop* the war,' they chanted")."""
    if tok.tag_ != "VB" or tok.dep_ not in ("ROOT", "ccomp", "parataxis") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl") for c in tok.children):
        return False
    i = tok.i - 1
    return i < tok.sent.start or tok.doc[i].is_quote


def modality_of(tok: Token) -> tuple[str, bool]:
    if tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ == tok.pos_:
        first = modality_of(tok.head)  # "criticized Shelby for shooting and *killing* Crutcher"
        if first[0] == "alleged" or first[0] == "demanded" and tok.lemma_ not in DEMAND | STATEMENT_VERBS:
            return first  # "called on Pyongyang to abandon its weapons and *comply*" (a demand verb
            # there is the speaker's own: "pushing for NATO to curtail ... and *insisting*")
    if tok.dep_ == "advcl" and tok.head.pos_ == "VERB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        purpose = modality_of(tok.head)  # "an offer to send troops *to fight* the cartels": as the sending is
        if purpose[0] in ("hypothetical", "future", "demanded", "negated"):
            return purpose
    if _omitted(tok):
        return "negated", False  # "have taken no action *to free* him", "did nothing to stop": not done
    if _imperative(tok):
        return "demanded", True  # "'*Release* the prisoners,' the crowd shouted": asked for, not done
    if attributed(tok):
        return "alleged", False  # "said Iran was behind the *attack*": whose act it was is a claim
    # embedded contexts, walking up the tree
    carrier = tok.head if tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.pos_ == "VERB" else tok
    if any(c.dep_ == "advmod" and c.lower_ in ("allegedly", "reportedly") for c in (*tok.children, *carrier.children)):
        return "alleged", False  # ("Russia *reportedly* used chemical weapons")
    if tok.dep_ in ("advcl", "acl"):
        # the walk below stops at an adverbial clause; one inside an alleged act is alleged too
        # ("accused Ukraine of attacking a post, *killing* two guards", "of sending mercenaries
        # to *attack*"), one hanging on the alleging verb itself is the accuser's own act, unless
        # it says what the alleged act did ("of shelling the city, *killing* five people")
        if _alleged_consequence(tok) is not None:
            return "alleged", False
        alleging = allegation_of(tok)
        if alleging is not None and tok.head.i != alleging.i:
            return "alleged", False
    if (tok.dep_ == "advcl" and tok.head.lemma_ in DEMAND
            and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children)):
        return "demanded", True  # "called for Obama to resign": a for-to clause of the demand
    loose = loose_for_subject(tok)
    if loose is not None and loose.head.head.lemma_ in DEMAND:
        return "demanded", True  # "defended his call for his counterpart to resign" (the parse broke the clause)
    prev = tok
    t = tok
    for _ in range(10):
        if t.i != tok.i:
            if t.lemma_ in ALLEGE and (prev.dep_ in ALLEGE_DEPS or prev.dep_ in ("dobj", "nsubjpass", "agent")):
                alleging = allegation_of(tok)
                if alleging is not None and alleging.i == t.i:
                    return "alleged", False
            if t.lemma_ in DENY and prev.dep_ in ("ccomp", "xcomp", "dobj", "pobj", "prep", "acl"):
                return "denied", True
            if t.lemma_ in DEMAND and prev.dep_ in ("ccomp", "xcomp", "prep", "pobj", "pcomp", "acl") and not (
                    prev.dep_ == "acl" and t.head.lower_ == "in") and not (
                    prev.dep_ == "ccomp" and _indicative(prev)) and not _own_wish(t, prev) or (
                    t.lemma_ in EXHORT and t.pos_ == "VERB" and prev.dep_ == "xcomp"):
                return "demanded", True
            if t.lemma_ in WARN_AGAINST and prev.dep_ == "prep" and prev.lower_ in ("against", "of", "about"):
                return "hypothetical", True  # "warned NATO against *sending* troops", "warned of an *attack*"
            if t.lemma_ in CEASE_GOVERNORS and t.pos_ == "VERB" and prev.dep_ == "xcomp" and prev.tag_ == "VBG":
                return "negated", False  # "agreed to stop *shooting*": the act ends, the cessation is coded
            if t.lemma_ in REFUSE_GOVERNORS and t.pos_ == "VERB" and (
                    prev.dep_ == "xcomp" or prev.dep_ == "prep" and prev.lower_ == "from"):
                return "negated", False  # "refused to hold *talks*", "refrained from *endorsing*": not done
            said_words = t.lemma_ == "offer" and prev.dep_ == "dobj" and prev.lemma_.lower() in \
                load_event_words().offered_words  # ("offered *praise*": the words are the act)
            if t.lemma_ in INTEND and t.pos_ == "VERB" and not said_words and (
                    prev.dep_ in ("dobj", "xcomp", "ccomp") or (
                    t.lemma_ == "threaten" and prev.dep_ == "prep" and prev.lower_ == "with")):
                # ("threatened Stockholm *with* blocking its bid": the threatened act, not done)
                return "hypothetical", True
            if t.pos_ == "NOUN" and t.lemma_ in CLAIM_NOUNS and prev.dep_ in (
                    "prep", "pobj", "pcomp", "acl", "compound", "amod"):
                return "hypothetical", True
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in t.children) and t.dep_ in (
                "advcl", "ccomp", "pcomp", "pobj"):
            return "hypothetical", True
        if t.dep_ == "advcl" and t.tag_ in ("VBZ", "VBP") and any(
                c.dep_ == "mark" and c.lower_ in ("until", "once") for c in t.children):
            return "hypothetical", True  # "will not allow Sweden to join *until it extradites*": not yet done
        if t.dep_ == "advcl" and (t.head.lemma_ in DEMAND or t.head.lemma_ in EXHORT and t.head.pos_ == "VERB") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return "demanded", True  # "called on Egypt *to free* the activists" (parsed as an adjunct)
        if t.dep_ == "conj" and t.i != tok.i and t.head.pos_ == t.pos_ and t.pos_ in ("VERB", "ADP"):
            first = modality_of(t)  # "accused Chinese vessels of ramming and firing *water cannon*"
            if first[0] == "alleged":
                return first
        if t.dep_ in ("ROOT", "advcl", "relcl", "conj", "parataxis") or t.head.i == t.i:
            break
        prev, t = t, t.head
        if prev.dep_ == "ccomp" and t.lemma_ == "expect" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                  for c in prev.children):
            return "demanded", True  # "we expect Russia *to withdraw*" (not "expect that talks are held")
        if prev.dep_ == "ccomp" and t.lemma_ not in DENY | DEMAND | ALLEGE:
            # reported speech: the content keeps its own modality
            break
    if is_negated(tok) or tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "without" or _forgone(tok):
        return "negated", False  # "without directly supporting Trump", "without consultation"
    v = _clause_verb(tok)
    if v.dep_ == "xcomp" and v.head.lemma_ in INTEND and denied_intent(v.head):
        return "negated", False  # "was not ready to support Trump": not done, nor intended
    gov_clause = v
    while gov_clause.dep_ == "conj" and gov_clause.head.i != gov_clause.i:
        gov_clause = gov_clause.head  # ("to invoke an objection *and support* another")
    gov_lemma = gov_clause.head.lemma_.lower()
    if gov_clause.dep_ in ("xcomp", "ccomp") and (gov_lemma in ABLE or gov_lemma in PERMIT and (
            any(c.dep_ == "dobj" for c in gov_clause.head.children)
            or any(c.dep_ == "nsubj" for c in gov_clause.children))):
        return "hypothetical", True  # "legislation that would allow 9/11 families *to sue*": permitted, not done
    if v.dep_ == "advcl" and v.tag_ in ("VBP", "VBZ") and not aux_words(v) and any(
            c.dep_ == "advmod" and c.lower_ in ("when", "whenever") for c in v.children):
        return "hypothetical", True  # "when I visit other countries, ...": whenever it happens, not an event
    aux = aux_words(v) | (aux_words(v.head) if tok.dep_ in ("nsubj", "dobj") else set())
    if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") or tok.dep_ in ("csubj", "csubjpass"):
        aux |= aux_words(tok.head)  # ("*seizing* its assets would be theft")
    if tok.dep_ == "csubj" and tok.tag_ == "VBG" and tok.head.lemma_ == "be":
        return "hypothetical", False  # "*Attacking* civilians is a war crime": what any such act is
    if aux_words(v) & {"must", "ought"}:
        return "demanded", True  # "the Foundation must be shut down": what is demanded, not done
    if v.dep_ == "xcomp" and obligation(v.head) and not any(c.dep_ == "neg" for c in v.head.children):
        return "demanded", True  # "Russia has to withdraw its troops" (not "had to"): demanded, not done
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical", False
    if aux & FUTURE_AUX or (v.dep_ == "xcomp" and v.head.lemma_ in INTEND) or (
            "going" in aux or any(c.lower_ == "going" for c in v.children)):
        return "future", False
    return "asserted", False


# --------------------------------------------------------------------------- stance
INTENT_GOVERNORS = frozenset({"plan", "intend", "prepare", "aim", "vow", "pledge", "promise", "swear",
                              "commit", "decide", "resolve", "agree", "offer", "threaten", "ready",
                              "willing", "prepared", "determined", "committed", "poised", "set", "seek",
                              "want", "hope", "undertake", "move", "schedule", "expect", "consider",
                              "contemplate", "mull", "weigh"})
# governors that plan or schedule an act rather than commit to it: "decided to endorse",
# "plans to send aid", "is set to meet", "is expected to endorse" (with a future tense, "will
# meet next week") report
# the act itself with the modality future, as POLECAT codes it; a promise, a pledge, an
# offer or a declared willingness ("pledged to meet", "is ready to send troops") is
# CAMEO's and PLOVER's intent (AGREE)
PLAN_GOVERNORS = frozenset({"plan", "intend", "prepare", "aim", "decide", "set", "move", "schedule", "expect"})
CEASE_GOVERNORS = frozenset({"stop", "cease", "quit"})
REFUSE_GOVERNORS = frozenset({"refuse", "decline", "reject", "rule", "resist", "balk", "refrain", "abstain"})
STATEMENT_VERBS = frozenset({"say", "announce", "declare", "state", "confirm", "tell", "add", "insist",
                             "affirm", "report", "indicate", "signal", "write", "note", "assure", "promise",
                             "tweet", "vow", "pledge", "reiterate", "repeat", "maintain"})


def stance(tok: Token, same_actor=None) -> tuple[bool, bool, str | None, bool]:
    """(intended, refused, condition mark, committed) of the action ``tok`` names.

    intended: the action is promised, planned or announced for the future ("will
    provide", "pledged to meet", "is prepared to impose"); a future stated in someone
    else's report counts only when the reporter speaks of itself (``same_actor(a, b)``
    tells whether two subject tokens name one actor). refused: negated or governed by
    refuse/decline. condition mark: "if"/"unless" of a condition on the action. committed:
    the intent is a promise or a declared willingness, not a plan (``PLAN_GOVERNORS``) or
    a future tense."""
    v = _clause_verb(tok)
    intended = refused = committed = False
    t = v
    noun_object = tok.pos_ in ("NOUN", "PROPN") and carried(tok)[0].dep_ == "dobj"
    if noun_object and v.lemma_ == "offer" and tok.lemma_.lower() in load_event_words().offered_words:
        noun_object = False  # "offered a blistering critique", "offered praise": words delivered, no intent
    if noun_object and v.i != tok.i and v.lemma_ in INTENT_GOVERNORS:
        # "are planning a demonstration", "prepared an offensive", "prepared a new package of
        # sanctions": the act the noun names is intended
        refused = denied_intent(v)
        intended = not refused
        committed = intended and _commits(v)
    for _ in range(0 if intended or refused else 4):  # else up through complements to a governor
        infinitive_adjunct = t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        if t.dep_ not in ("xcomp", "acomp", "pcomp", "pobj", "prep") and not infinitive_adjunct or t.head.i == t.i:
            break
        t = t.head
        lemma = t.lemma_.lower()
        if lemma in REFUSE_GOVERNORS or t.lower_ in REFUSE_GOVERNORS:
            refused = True
            break
        if lemma in INTENT_GOVERNORS or t.lower_ in INTENT_GOVERNORS:
            # "does not want to hold talks", "was not ready to support": an intent denied is a refusal
            refused = denied_intent(t)
            intended = not refused
            committed = intended and _commits(t)
            break
    if is_negated(tok) and not intended:
        refused = True
    aux = aux_words(v) | (aux_words(t) if t.i != v.i else set())
    if not intended and (aux & (FUTURE_AUX | {"would", "'d"}) or "going" in aux):
        intended = True
        if v.dep_ == "ccomp" and v.head.i != v.i:
            speaker = v.head
            if speaker.lemma_ not in STATEMENT_VERBS:
                intended = False
            elif same_actor is not None:
                a = next((c for c in speaker.children if c.dep_ == "nsubj"), None)
                b = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if a is not None and b is not None and b.pos_ != "PRON" and not same_actor(a, b):
                    intended = False
    mark = None
    cond = condition_of(tok)
    if cond is not None:
        mark = next((m.lower_ for m in cond.children if m.dep_ == "mark" and m.lower_ in CONDITION_MARKS), None)
    return intended, refused, mark, committed


def _commits(governor: Token) -> bool:
    return governor.lower_ == "prepared" or governor.lemma_.lower() not in PLAN_GOVERNORS
