"""Which pattern of the event lexicon a trigger matches: the conditions a pattern sets on
the trigger's parse (objects, complements, prepositions, sides, context words) and the
CAMEO refinement of the match (:func:`match_trigger`). :mod:`.events` codes the matches
into events."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from spacy.tokens import Token

from ..ontology import plover_for_cameo
from .actors import ActorTable
from .event_actors import side_countries
from .event_args import HUMAN, described_noun, named_on_complement, noun_lemma, of_objects, pobjs
from .event_lexicon import Lexicon, Pattern, load_lexicon
from .event_words import disparaging_words, load_event_words, obligation, verb_forms
from .modality import aux_words, did_nothing, responsibility_predicate

CONFLICT_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT"})
# whose that-clause subject is the one demanded of, accused or threatened
CLAUSAL_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN"})
_POS = {"VERB": ("VERB",), "NOUN": ("NOUN", "PROPN"), "ANY": ("VERB", "NOUN", "PROPN", "ADJ")}


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    cameo: str
    score: int


def object_lemmas(tok: Token) -> set[str]:
    out: set[str] = set()
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        # a passive participle's noun is what it acts on ("the *prisoners* released by Iran")
        out.update((tok.head.lemma_.lower(), tok.head.lower_, noun_lemma(tok.head)))
    for c in tok.children:
        if c.dep_ == "nsubjpass":  # a passive's subject is what is acted on ("troops were deployed",
            # "an agreement ... was signed"): its noun and modifiers, not its whole phrase
            for t in (c, *(x for x in c.children if x.dep_ in ("compound", "amod"))):
                out.update((t.lemma_.lower(), t.lower_))
            out.add(noun_lemma(c))
            continue
        if c.dep_ in ("nsubj", "punct", "cc", "mark", "advcl", "relcl"):
            continue
        if c.dep_ == "conj" and c.pos_ == "VERB":
            continue
        for t in c.subtree:
            out.add(t.lemma_.lower())
            out.add(t.lower_)
    return out


def _dated(prep: Token) -> bool:
    """A preposition whose object is a date or a time ("called *on Sunday* that ...")."""
    objs = [x for x in prep.children if x.dep_ == "pobj"]
    return bool(objs) and all(x.ent_type_ in ("DATE", "TIME") for x in objs)


def _has_prep(tok: Token, words) -> bool:
    for c in tok.children:
        if c.lower_ in words and c.dep_ in ("prep", "mark", "dative", "agent") and not _dated(c):
            return True
        if c.lower_ in words and c.dep_ == "prt" and any(x.dep_ == "pobj" for x in c.children):
            return True  # "called on congressional leaders to ...": a preposition parsed as a particle
        if c.dep_ in ("advcl", "xcomp") and any(m.dep_ == "mark" and m.lower_ in words and m.i < c.i
                                                for m in c.children):
            return True  # "called for Obama to resign": the "for" of a for-to clause
        if "that" in words and c.dep_ in ("ccomp", "acl") and any(m.lower_ == "that" for m in c.children):
            return True
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        # a phrase the parse hung on the verb that carries the noun ("picked up an endorsement
        # *from* Rick Perry")
        return any(c.i > tok.i and c.lower_ in words and c.dep_ == "prep" and not _dated(c)
                   for c in tok.head.children)
    return False


def _conditions(tok: Token, p: Pattern, actors: ActorTable | None, sent_lemmas: set[str]) -> int | None:
    """Number of satisfied conditions (>= 1), or None when one fails."""
    score = 1
    c = p.cond
    objs: set[str] | None = None

    def obj() -> set[str]:
        nonlocal objs
        if objs is None:
            objs = object_lemmas(tok)
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
        # "launched mediation efforts": the noun in a compound is carried by its head's verb;
        # "came to an agreement", "entered into a deal", "took part in protests", "went on
        # strike": the word governs through its preposition
        through = tok.dep_ == "compound" or tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into", "in", "on")
        heads = _with_receiving(c["requires_head"])
        if not (_head_in(tok.head, heads) or through and tok.head.i != tok.i and _head_in(tok.head.head, heads)):
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
    if "requires_plural_or_prep" in c:
        # a singular "talk" is speech ("the talk about her future", "anti-immigrant talk"), not
        # talks, unless it is held with someone ("a talk with the president")
        preps = c["requires_plural_or_prep"].get(tok.lemma_.lower())
        if preps is not None and tok.tag_ not in ("NNS", "NNPS") and not _has_prep(tok, set(preps)):
            return None
    if "requires_prep_or_head" in c:
        words = _with_receiving(c["requires_prep_or_head"])
        if not (_has_prep(tok, words) or tok.head.lemma_ in words or tok.head.lower_ in words):
            return None
        score += 1
    deps = {ch.dep_ for ch in tok.children}
    if "needs_deps" in c and not deps & set(c["needs_deps"]):
        return None
    preps = {ch.lower_ for ch in tok.children if ch.dep_ == "prep"}
    if c.get("needs_complement"):
        # ("appealed for calm"; "pleaded with Congress *to fund*": the parse hangs the infinitive loose)
        addressed = bool(preps & {"with", "upon", "to"})
        for_clause = any(ch.dep_ == "advcl" and any(
            m.lower_ == "for" or addressed and m.dep_ == "aux" and m.lower_ == "to" for m in ch.children)
            for ch in tok.children)
        if not (deps & {"ccomp", "xcomp", "dobj"} or preps & {"for", "on"} or for_clause):
            return None
        score += 1
    if c.get("needs_complement_or_object"):
        if not (deps & {"ccomp", "xcomp", "dobj", "prep", "agent"}):  # "was accused by a reporter"
            return None
    if c.get("needs_xcomp_or_obj"):
        if not (deps & {"xcomp", "dobj"}):
            return None
    if "requires_ccomp_aux" in c:
        words = set(c["requires_ccomp_aux"])
        if not any(ch.dep_ == "ccomp" and (_mandative_aux(ch, words) or _impersonal_need(ch)) for ch in tok.children):
            return None
        score += 1
    if "rejects_object" in c and _object_heads(tok, skip_preps=ADJUNCT_PREPS) & set(c["rejects_object"]):
        return None  # "warned its citizens against travelling": an advisory, not a threat
    if "rejects_xcomp_types" in c and _xcomp_types(tok, actors, sent_lemmas) & set(c["rejects_xcomp_types"]):
        return None  # "refuses to attack Clinton": no rejection of anyone, the attack not made
    if "rejects_xcomp" in c and any(ch.dep_ == "xcomp" and ch.lemma_.lower() in c["rejects_xcomp"]
                                    for ch in tok.children):
        return None  # "declined to comment": no one rejected, nothing said
    if c.get("rejects_question") and _question_only(tok):
        return None  # "was asked whether ...", "asked, 'would you ...?'": a question, not an appeal
    if "rejects_deps" in c and deps & set(c["rejects_deps"]):
        return None  # "demonstrate that he is willing": a showing, not a demonstration
    if "rejects_deps" in c and "dobj" in c["rejects_deps"] and tok.dep_ == "relcl" and "nsubj" in deps \
            and tok.head.pos_ in ("NOUN", "PROPN"):
        return None  # "the silence Democrats have demonstrated": the noun is the relative clause's object
    if "requires_party_object" in c:
        status = c["requires_party_object"]
        status = frozenset(status) if isinstance(status, list) else frozenset()
        if not any(_names_party(o, actors, status) for o in _direct_objects(tok)):
            return None
        score += 1
    if c.get("requires_named_with"):
        withs = (x for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "with" for x in pobjs(ch))
        if not any(_named_side(o, actors) for o in withs):
            return None  # "spoke with reporters" is no consultation
        score += 1
    if "requires_person_prep" in c:
        preps = set(c["requires_person_prep"])
        if not any(_named_person(x, actors) for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in preps
                   for x in pobjs(ch)):
            return None  # "campaigned for Trump" backs him; "for New Hampshire" or "for the presidency" no one
        score += 1
    if c.get("requires_negation"):
        if not any(ch.dep_ == "neg" for ch in tok.children) or any(
                ch.dep_ == "aux" and ch.lower_ in ("could", "might", "may", "did") for ch in tok.children):
            # "China does not (will not) accept the ruling" rejects it; "accepted the ruling" does not, nor
            # does a past non-acceptance ("did not accept the proposal")
            return None
        score += 1
    if c.get("requires_unwillingness"):
        if not _unwilling(tok, actors, sent_lemmas):
            return None  # "wants to hold talks" is an intent (AGREE), not a refusal
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
        if not _person_object(tok, actors, c["requires_person_object"]):
            return None
        score += 1
    if c.get("requires_infinitive_subject"):
        if any(ch.dep_ == "neg" for ch in tok.children) or not any(_infinitive_of_another(ch) for ch in tok.children):
            return None  # "wants Azerbaijan to end the sanctions": what another side is to do (not "did not want")
        score += 1
    if c.get("requires_warning_target"):
        if not _warns_someone(tok, actors, obj()):
            return None  # "warned of a looming humanitarian crisis": a forecast, no threat
        score += 1
    if c.get("requires_predicative"):
        if not _predicative(tok):
            return None  # "Warren is one of Trump's fiercest critics"; not "Trump supporters gathered"
        score += 1
    if c.get("requires_bare_object"):
        if not _bare_object(tok):
            return None  # "called the families" phones them; "calling him 'a failed candidate'" names him
        score += 1
    if c.get("requires_pejorative_clause"):
        if not _disparages(tok, actors):
            return None  # "Clinton said Trump is dangerous" criticises Trump; "said the economy is weak" no one
        score += 1
    if c.get("requires_pejorative_complement"):
        if not _pejorative_complement(tok):
            return None  # "called the long lines 'unacceptable'" criticises; "called it a debrief" does not
        score += 3  # outranks the name-calling that needs a side named
    if c.get("requires_imperative_quote"):
        if not _imperative_quote(tok):
            return None  # "'Stop lying,' Trump told Clinton" demands; "'Look,' he said" does not
        score += 2
    if "requires_praise" in c:
        if not _praises(tok, actors, c["requires_praise"]):
            return None  # "Christie said Trump is a great leader" backs Trump; "said the economy is strong" no one
        score += 3  # outranks the bare reporting of a statement
    if c.get("requires_pejorative_as"):
        if not _cast_as_pejorative(tok):
            return None  # "cast Trump as divisive" criticises him; "described him as a friend" does not
        score += 1
    if "rejects_subject" in c and (_subject_lemmas(tok) & set(c["rejects_subject"]) or "@person" in c["rejects_subject"]
                                   and _holder_is_person(tok, actors)):
        # "44 percent would back Trump": a poll's share; "the deal calls for": a text's terms; "Trump will hold a
        # rally in Ohio": a candidate's rally, no protest
        return None
    if "requires_subject" in c:
        words = set(c["requires_subject"])
        if not (_subject_lemmas(tok) & words or "@person" in words and _person_subject(tok, actors)
                or "@state" in words and _state_subject(tok, actors)):
            return None  # "demonstrators clashed with police": who clashed decides
        score += 1
    if c.get("requires_object_complement"):
        o = next((ch for ch in tok.children if ch.dep_ == "dobj"), None)
        complements = [ch for ch in tok.children if ch.dep_ == "oprd" and o is not None and ch.i > o.i]
        if o is None or o.lower_ in load_event_words().question_words or not complements:
            return None  # "called Palin a clown"; "what he called a minor incursion" names no one
        if all(ch.tag_ == "NNP" and ch.ent_type_ == "PERSON" for ch in complements):
            return None  # "refused to call him Ted": a name given, no insult
        score += 2  # outranks "call on" ("called Palin a clown *on* his show")
    if "rejects_particle" in c and any((ch.dep_ in ("prt", "advmod", "mark") or ch.dep_ == "prep" and ch.i == tok.i + 1)
                                       and ch.lower_ in c["rejects_particle"] for ch in tok.children):
        return None  # "Hillary shot back": a retort, no shooting; "seized on those words": no seizure
    if "rejects_modifier" in c and any(ch.dep_ in ("compound", "amod") and ch.lemma_.lower() in c["rejects_modifier"]
                                       for ch in tok.children):
        return None  # "died of a heart attack": no one attacked
    if "rejects_head" in c and tok.head.i != tok.i and _head_in(_head_past_count(tok), c["rejects_head"]):
        return None  # "a special agent *in* charge of ...": an idiom, no accusation
    if c.get("rejects_stance_clause") and _stance_clause(tok):
        return None  # "a committee member who supports Trump", "the super PAC supporting Fiorina": who they are
    if c.get("rejects_opinion_clause") and _opinion_clause_only(tok):
        return None  # "agreed that Trump may struggle": sharing a view, no agreement
    if c.get("rejects_person_object") and _person_object(tok, actors, "human") and not any(
            ch.dep_ == "prep" and f"prep:{ch.lower_}" in p.recipient for ch in tok.children):
        return None  # "the officer was dismissed", "was fired from the network" (not "fired upon")
    return score


def _predicative(tok: Token) -> bool:
    """The noun ``tok`` says what someone is: a predicate or an apposition ("Warren has been
    *one of Trump's fiercest critics*", "King, *a backer of Cruz*, ..."), not a label in passing
    ("Trump supporters gathered")."""
    t = described_noun(tok)
    if t.dep_ == "attr":  # (a poll's share is no one: "10 percent were supporters of Clinton")
        return not any(c.dep_ == "nsubj" and _poll_share(c) for c in t.head.children)
    return t.dep_ == "appos"


def _poll_share(t: Token) -> bool:
    """``t`` is a poll's share of people, no one in particular ("10 *percent*", "*most*", "*46*")."""
    return t.like_num or t.lemma_.lower() in load_event_words().poll_shares



def _bare_object(tok: Token) -> bool:
    """``tok``'s object is all it takes: after it come only a time, a place, a manner or the end
    ("Obama called Merkel *on Tuesday*", "called the families *of the victims*"), no quotation
    and no second noun phrase ("calling him, among other things, 'a failed candidate'", "call
    Pfizer unpatriotic")."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or any(c.i > obj.i and c.dep_ != "prep" or c.dep_ == "nmod" for c in obj.children):
        return False  # (nor a name the parse hung on a complement: "called *Trump* a talented person")
    allowed = {t.i for c in tok.children if c.i > obj.i and c.dep_ in ("prep", "npadvmod", "advmod", "punct")
               and c.pos_ != "ADJ" for t in c.subtree} | {t.i for t in obj.subtree}
    if not all(t.i in allowed for t in tok.subtree if t.i > obj.i):
        return False
    # (nor a quotation later in the sentence, which the parse may hang elsewhere)
    return not any(t.is_quote or t.text in ("''", "``") for t in tok.doc[obj.i + 1:tok.sent.end])


def _person_object(tok: Token, actors: ActorTable | None, mode: object) -> bool:
    """``tok``'s object (or passive subject) is a person: ``mode`` "named", a named person
    ("attacked Clinton"), no crowd; "human", people but not a group's property ("seized a
    tanker"); otherwise people or a group ("hundreds *of migrants*")."""
    o = next((ch for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass")), None)
    if o is None and tok.pos_ == "NOUN":  # "his attacks *on Donald Trump*"
        o = next((x for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in ("on", "against")
                  for x in pobjs(ch)), None)
    if o is None:
        return False
    if mode == "named":
        return _named_person(o, actors)
    who = actors.get(aid) if actors is not None and (aid := actors.actor_for_token(o.i)) is not None else None
    kinds = ("person",) if mode == "human" else ("person", "group")
    if mode == "human" and o.lower_ in ("who", "whom", "him", "her", "them", "me", "us"):
        return True  # "a staffer who Gowdy fired", "fired him": a person dismissed, no shots
    if o.lower_ in ("he", "she", "him", "her", "i", "me", "we", "us"):
        return True  # "she was gravely wounded in a shooting": a person
    return (who is not None and who.kind in kinds or noun_lemma(o) in HUMAN
            or o.ent_type_ in ("PERSON", "NORP")
            or o.tag_ == "NNS" and o.ent_type_ == "GPE")  # a people the recogniser took for a place ("40 Uyghurs")


def _xcomp_types(tok: Token, actors: ActorTable | None, sent_lemmas: set[str]) -> set[str]:
    """The PLOVER types the curated patterns give the verbs of ``tok``'s infinitive complements,
    and their CAMEO roots as ``root:NN``."""
    out: set[str] = set()
    for c in (x for ch in tok.children if ch.dep_ == "xcomp" for x in (ch, *ch.conjuncts)):
        if c.pos_ == "VERB":  # ("refused to build a wall or *deport* anyone": each complement)
            m = match_trigger(c, load_lexicon(), actors, sent_lemmas=sent_lemmas)
            if m is not None:
                out.update((plover_of(m.cameo, m.pattern.type)[0], f"root:{m.cameo[:2]}"))
    return out


def _subject_lemmas(tok: Token) -> set[str]:
    """Lemmas of the heads of ``tok``'s subject phrase (a passive's by-agent too: "backed by
    34% of GOP voters"; an infinitive's, its governor's) and its conjuncts, with what a
    counted head counts ("Hundreds *of demonstrators*"); a relative pronoun stands for the
    noun its clause describes ("the blizzard *that* hit his state")."""
    out: set[str] = set()
    agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and (tok.dep_ == "xcomp" or tok.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
        # "the new law appears to have hit ...", "troops are on standby *to deploy*": the governor's subject
        subjects = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and tok.dep_ == "pcomp" and tok.head.dep_ == "prep":  # "voters are united in supporting"
        subjects = [c for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for s in (*subjects, *agents):
        if s.lower_ in ("that", "which", "who") and s.head.dep_ == "relcl":
            s = s.head.head  # (also the governor's: "the resolution *that* was aimed at ending violence")
        if s.lower_ == "they" and s.dep_ == "nsubj" and tok.dep_ == "ccomp":
            # a poll's share that says "they" would act is who acts ("40 percent of Republicans said *they* would
            # support Trump"; or is sure they would: "46 percent were certain *they* would support")
            holder = tok.head.head if tok.head.dep_ == "acomp" else tok.head
            speaker = next((c for c in holder.children if c.dep_ == "nsubj"), None)
            if speaker is not None and _poll_share(speaker):
                s = speaker
        for t in (s, *s.conjuncts):
            out.add(noun_lemma(t))
            out.update(noun_lemma(x) for x in of_objects(t))
    return out


def _warns_someone(tok: Token, actors: ActorTable | None, objects: set[str]) -> bool:
    """A warning that threatens: a side warned ("warned Russia"), a side whose act the
    warning is about ("warned that Russia would pay"), or force or sanctions in its words
    ("warned of a military response")."""
    if any(_is_party(o, actors) for o in _direct_objects(tok)):
        return True
    if any(c.dep_ == "ccomp" and any(s.dep_ in ("nsubj", "nsubjpass") and _is_party(s, actors) for s in c.children)
           for c in tok.children):
        return True
    words = load_event_words()
    return bool(objects & (words.threat_force | words.threat_sanction | words.warning_words))


def _mandative_aux(verb: Token, words: set[str]) -> bool:
    """``verb`` says what another side must do ("Russia must withdraw"): a modal of ``words``,
    not the speaker's own resolve ("we must not overreact"), not a state ("should *be* low")."""
    subj = next((s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.dep_ == "nsubj" and subj.pos_ == "NOUN" and not subj.ent_type_ \
            and not _is_party(subj, None) and not any(x.dep_ == "xcomp" and any(
                a.dep_ == "auxpass" for a in x.children) for x in verb.children):  # ("need to be protected")
        return False  # "Clinton's ties to Wall Street *should concern* voters": a view of a thing, no one asked
    if subj is not None and subj.lower_ not in ("i", "we") and (
            "must" in words and obligation(verb) or "ought" in words and verb.lower_ == "ought") \
            and not any(x.dep_ == "xcomp" and x.lemma_ == "be" for x in verb.children):
        # "Russia *needs to* withdraw", "*has to* withdraw", "*ought to* withdraw": as "must" (not "has to *be* in it")
        return True
    return (any(a.dep_ == "aux" and a.lower_ in words and (subj is None or a.i > subj.i) for a in verb.children)
            # ("*should* he win the nomination": an inverted condition, no demand)
            and not any(a.dep_ == "aux" and a.lemma_ == "have" for a in verb.children)  # "should have been": hindsight
            and not any(s.dep_ == "nsubj" and s.lower_ in ("i", "we") for s in verb.children)
            and verb.lemma_ not in ("be", "have"))


def _impersonal_need(verb: Token) -> bool:
    """"*There needs to be* immediate action", "*there has to be* some form of punishment",
    "*there must be* consequences": a demand on no one named."""
    if not any(c.dep_ == "expl" for c in verb.children):
        return False
    if verb.lemma_ == "need":
        return True
    be = None  # the "be" that says what must exist
    if verb.lemma_ == "have" and verb.tag_ in ("VBZ", "VBP"):  # "there has *to be*"
        be = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "be"), None)
    elif verb.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children):
        be = verb  # "there must *be*"
    what = next((c for c in be.children if c.dep_ == "attr"), None) if be is not None else None
    if be is None or what is None or any(c.dep_ == "neg" for c in (*be.children, *verb.children)):
        return False
    # what must be is an act or a sanction, not a belief ("there should be *no doubt*", "there has to be *a reason*")
    return what.lemma_.lower() not in load_event_words().epistemic_nouns and not any(
        c.dep_ == "det" and c.lower_ == "no" for c in what.children)


def unnamed_demand(tok: Token, words) -> bool:
    """A complement of ``tok`` says an act must be done, by no one named ("said sanctions
    must be lifted", "there needs to be action"): a demand with no recipient, unlike a view of
    how things should be ("taxes should be low")."""
    return any(c.dep_ == "ccomp" and (any(a.dep_ == "auxpass" for a in c.children)
                                      and any(a.dep_ == "aux" and a.lower_ in words for a in c.children)
                                      or _impersonal_need(c))
               for c in tok.children)


def _infinitive_of_another(c: Token) -> bool:
    """``c`` is an infinitive complement with a subject of its own, not the speaker."""
    return (c.dep_ in ("ccomp", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and any(x.dep_ == "nsubj" and x.lower_ not in ("i", "we", "me", "us") for x in c.children)
            and c.lemma_ not in ("be", "have"))  # "we need her *to be* president": a wish, no act asked


def _named_person(t: Token, actors: ActorTable | None) -> bool:
    """``t`` names a person: the actor table's, or a name the recogniser tagged PERSON."""
    who = actors.get(actors.actor_for_token(t.i)) if actors is not None else None
    return who is not None and who.kind == "person" or who is None and t.ent_type_ == "PERSON"


def _person_subject(tok: Token, actors: ActorTable | None) -> bool:
    """``tok``'s subject names a person ("Ibrahim Babangida has arrived in Rome"); an event
    noun's possessor is its subject ("Rubio's attack")."""
    deps = ("nsubj", "poss") if tok.pos_ in ("NOUN", "PROPN") else ("nsubj",)
    # (or one of several: "Sanders and *Clinton* clashed", the first name taken for an organisation)
    return any(c.dep_ in deps and any(_named_person(x, actors) for x in (c, *c.conjuncts)) for c in tok.children)


def _holder_is_person(tok: Token, actors: ActorTable | None) -> bool:
    """``tok`` is held by a named person: its subject, its possessor or the subject of the verb
    carrying it ("*Trump* will hold a rally", "*Trump's* rally", "a *Trump* rally")."""
    if _person_subject(tok, actors) or any(c.dep_ == "compound" and _named_person(c, actors) for c in tok.children):
        return True
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and _person_subject(tok.head, actors)


def _state_subject(tok: Token, actors: ActorTable | None) -> bool:
    """``tok``'s subject is a state or its government ("The Philippines protested", "Beijing")."""
    if actors is None:
        return False
    subjects = (actors.get(actors.actor_for_token(c.i)) for c in tok.children if c.dep_ == "nsubj")
    return any(a is not None and (a.kind == "country" or a.sector == "GOV") for a in subjects)


def _names_culprit(clause: Token) -> bool:
    """The reported ``clause`` makes its subject the doer of a harmful act: "(Iran) was behind
    the attack", "(Iran) is responsible for the attack" (not "for the recovery")."""
    preds = [clause, *(c for c in clause.children if c.dep_ == "acomp")]
    acts = load_event_words().culpable_acts
    return any(responsibility_predicate(x) is not None and x.lemma_.lower() in acts for p in preds
               for c in p.children if c.dep_ == "prep" for x in pobjs(c))


def _disparages(tok: Token, actors: ActorTable | None) -> bool:
    """A clause reported by ``tok`` says something pejorative of its subject, a named side or
    "he"/"she": "Clinton said Trump is dangerous", "'She's a liar,' he said"; not a negated
    clause ("Clinton is not a liar")."""
    words = load_event_words().pejorative_words
    # (a clause joined to the reported one is reported too: "said the economy is rigged and *Clinton is part
    # of the problem*")
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    clauses += [j for c in clauses for j in c.children if j.dep_ == "conj" and j.pos_ in ("VERB", "AUX")
                and any(x.dep_ in ("nsubj", "nsubjpass") for x in j.children)]
    for c in clauses:
        said = [x for x in c.children if x.dep_ in ("acomp", "attr")]  # ("were *not serious*")
        if any(x.dep_ == "neg" for x in (*c.children, *tok.children, *(y for a in said for y in a.children))):
            # a trait denied disparages ("I don't believe that *she* is qualified", "Trump's proposals were
            # 'not serious'"), and so does a quality denied ("doesn't have the stamina"); anything else negated not
            subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            owner = _owner_of(subj, actors) if subj is not None and not _named_side(subj, actors) else None
            subj = owner if owner is not None and owner.pos_ != "PRON" else subj
            if subj is not None and (_named_side(subj, actors) or subj.lower_ in ("he", "she")) \
                    and not (subj.pos_ == "PRON" and _the_speaker(tok, subj, actors)) \
                    and (_predicate_words(c) & load_event_words().positive_traits or _has_quality(c)):
                return True
            continue
        subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ == "PRON" and _the_speaker(tok, subj, actors):
            continue  # "the government said *it* had arrested ...": the speaker's own act, no one disparaged
        owner = _owner_of(subj, actors) if subj is not None else None
        if subj is not None and owner is not None and not _named_side(subj, actors):
            subj = owner  # "Trump's comments are dangerous", "the *U.S.* arms sale was a provocation": of the side
        about = _said_of(tok, actors)
        if subj is not None and about is not None and not _named_side(subj, actors) \
                and subj.lower_ not in ("he", "she"):
            subj = about  # "'This ad is horrific,' Henry said *of Trump's ad*": said of the side
        if subj is not None and subj.pos_ != "PRON" and (
                _named_side(subj, actors) or subj.lemma_.lower() in load_lexicon().party_nouns) and (
                did_nothing(c) and not any(x.dep_ == "dobj" and x.lower_ == "plans" for x in c.children)
                or c.lemma_ in ("fail", "neglect") and any(
                    x.dep_ == "xcomp" or x.dep_ == "dobj" and x.lemma_.lower() in load_event_words().failed_ones
                    for x in c.children)):
            return True  # "said the authorities have taken no action to free him", "had failed to protect",
            # "had failed *the people*", "had no plan to defeat ISIS" (not "has no plans to meet": no intent)
        if subj is not None and _the_office(subj) and _said_predicates(c) & disparaging_words():
            return True  # "said *the minister* lied to parliament", "*the government* is corrupt": what it did or is
        if subj is None or not (_named_side(subj, actors) or subj.lower_ in ("he", "she") or subj.dep_ == "poss"):
            continue  # "People are sick of incompetent leaders": no side named
        if _names_culprit(c):
            return True  # "the Pentagon said Iran was behind the attack": it blames Iran
        own = {t.i for t in subj.subtree}  # "the war criminal has arrived": what the subject is called
        # (nor what an adverbial clause says of someone else: "... *because* Cameron cast him as divisive")
        own |= {t.i for x in c.children if x.dep_ == "advcl" for t in x.subtree}
        # (not a wrong only supposed: "would respond with force to *any provocation*")
        if any((t.lemma_.lower() in words or t.lower_ in words) and t.i not in own and not any(
                d.dep_ == "det" and d.lower_ in ("any", "no") for d in t.children) for t in c.subtree):
            return True
        if _said_predicates(c) & load_event_words().pejorative_predicates or c.lemma_ == "lack" and _has_quality(c):
            return True  # (... "Clinton *lacked the judgment* to be president")
        if _harms_others(c):
            return True  # "said Trump's tax plan would *hurt* workers"
    return False



def _harms_others(clause: Token) -> bool:
    """The reported ``clause`` says its subject harms others ("Trump's tax plan would *hurt*
    workers"): not a measure meant to harm ("U.S. sanctions had *damaged* Iran's economy"), nor
    a harm to the side itself ("Trump's comments could *hurt him* with women")."""
    words = load_event_words()
    if clause.lemma_.lower() not in words.harm_verbs:
        return False
    subj = next((x for x in clause.children if x.dep_ == "nsubj"), None)
    if subj is None or noun_lemma(subj) in words.intended_harms:
        return False
    return not any(o.dep_ == "dobj" and o.lower_ in ("him", "her", "them", "itself", "himself", "herself", "themselves")
                   for o in clause.children)


def _has_quality(clause: Token) -> bool:
    """``clause`` has or lacks a leader's quality as its object ("lacked *the judgment*", "doesn't
    have *the stamina*")."""
    return clause.lemma_ in ("have", "lack", "possess", "show") and any(
        o.dep_ == "dobj" and o.lemma_.lower() in load_event_words().leader_qualities for o in clause.children)


def _the_office(t: Token) -> bool:
    """``t`` is "the" (or someone's) singular body or office, one particular side though unnamed
    ("*the government*", "*the country's* government", "*the minister*"), not a generic plural
    ("leaders", "some officials")."""
    return (t.tag_ == "NN" and t.lemma_.lower() in load_lexicon().party_nouns or t.lower_ == "police") \
        and any(c.dep_ == "det" and c.lower_ in ("the", "this") or c.dep_ == "poss" for c in t.children)



def _owner_of(subj: Token, actors: ActorTable | None) -> Token | None:
    """The side whose ``subj`` is: its modifier ("*Trump's* comments", "the *U.S.* arms sale"),
    that of the noun it counts ("a lot of *her* attempts"), or the side whose relative clause
    describes it ("this ad that *Trump* released")."""
    heads = [subj, *(x for p in subj.children if p.dep_ == "prep" and p.lower_ == "of" for x in pobjs(p))]
    for h in heads:
        for x in h.children:
            if x.dep_ in ("poss", "compound", "amod") and x.i < h.i and (
                    _named_side(x, actors) or x.dep_ == "poss" and x.lower_ in ("his", "her")
                    and actors is not None and actors.actor_for_token(x.i) is not None):
                return x
    return next((x for r in subj.children if r.dep_ == "relcl"
                 for x in r.children if x.dep_ == "nsubj" and _named_side(x, actors)), None)


def _said_of(tok: Token, actors: ActorTable | None) -> Token | None:
    """The side ``tok`` says its words *of*: the object of its "of" phrase, or that object's
    owner ("said of *Trump*", "said of *Trump's* ad", "of the *Senate* vote"), where it names a side."""
    for o in (o for x in tok.children if x.dep_ == "prep" and x.lower_ == "of" for o in x.children if o.dep_ == "pobj"):
        if _named_side(o, actors):
            return o
        owner = _owner_of(o, actors)  # ("said of *Trump's* ad", "said of the *Senate* vote")
        if owner is not None and owner.pos_ != "PRON":
            return owner
    return None


def _the_speaker(tok: Token, subj: Token, actors: ActorTable | None) -> bool:
    """``subj`` (the subject of a clause ``tok`` reports) is the actor of ``tok``'s own subject."""
    me = actors.actor_for_token(subj.i) if actors is not None else None
    return me is not None and actors is not None and any(
        x.dep_ == "nsubj" and actors.actor_for_token(x.i) == me for x in tok.children)


def _words_of(tokens) -> set[str]:
    """The lemmas and lower-case forms of ``tokens``."""
    return {w for t in tokens for w in (t.lemma_.lower(), t.lower_)}


def _as_phrase(tok: Token) -> list[Token]:
    """Every token of ``tok``'s "as" phrases ("cast her *as a liar*")."""
    return [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree]


def _imperative_quote(tok: Token) -> bool:
    """``tok`` reports a quoted imperative that asks something of someone ("'*Stop* lying,'
    Trump told Clinton", "'Mr. Gorbachev, *tear* down this wall,' Reagan said"): a bare verb at
    the head of a quoted clause with no subject (or a vocative one, before a comma), no
    auxiliary and something it asks for; not a discourse word ("'Look,' he said", "'Let me
    be clear'", ``event_words.discourse_imperatives``)."""
    doc = tok.doc
    for c in tok.children:
        if c.dep_ not in ("ccomp", "advcl", "parataxis") or c.tag_ != "VB" or c.i > tok.i:
            continue
        left = c.left_edge.i
        if not (doc[left].is_quote or left > 0 and doc[left - 1].is_quote):
            continue
        if c.lemma_.lower() in load_event_words().discourse_imperatives or any(
                x.dep_ in ("aux", "auxpass", "neg", "mark") for x in c.children):
            continue
        subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and not any(p.text == "," and subj.i < p.i < c.i for p in c.children):
            continue  # a subject of its own: a statement, not an order
        vocative = {t.i for t in subj.subtree} if subj is not None else set()
        opening = left if doc[left].is_quote else left - 1
        if any(not doc[i].is_punct and i not in vocative for i in range(opening + 1, c.i)):
            continue  # the verb opens the quote, after a vocative at most ("we'll meet -- *try* to meld")
        if any(x.dep_ in ("dobj", "xcomp", "prt", "ccomp", "prep", "acomp") and x.lower_ not in ("me", "us")
               for x in c.children):
            return True
    return False


def _praises(tok: Token, actors: ActorTable | None, where: str) -> bool:
    """``tok`` says a named side other than its own subject is something praiseworthy
    (``event_words.praise_predicates`` or a positive trait), not negated and with no
    pejorative word beside it: ``where`` "clause", its reported clause says so of its subject
    ("'Trump is a great leader,' Christie said", "she's exactly right"); "complement", of its
    object ("called Clinton a great secretary of state"); "as", of its object ("described the
    son as a hero")."""
    good = load_event_words().praise_predicates
    if any(x.dep_ == "neg" for x in tok.children):
        return False
    if where == "clause":
        for c in tok.children:
            if c.dep_ != "ccomp" or any(x.dep_ == "neg" or x.dep_ == "aux" and x.tag_ == "MD" and x.lower_ not in (
                    "will", "'ll", "would", "'d") for x in c.children):
                continue  # (nor advice: "Clinton should be ready for questions")
            subj = next((x for x in c.children if x.dep_ == "nsubj"), None)
            if subj is None or not (_named_side(subj, actors) or subj.lower_ in ("he", "she")):
                continue
            if _the_speaker(tok, subj, actors):
                continue  # "Clinton said she is qualified": of herself
            words = _predicate_words(c)
            if words & good and not words & disparaging_words() and not any(
                    x.dep_ == "xcomp" for p in c.children if p.dep_ in ("acomp", "attr") for x in p.children):
                return True  # (not what a side is ready or right to do: "is ready to expand his involvement")
        return False
    obj = next((x for x in tok.children if x.dep_ == "dobj"), None)
    if obj is None or obj.pos_ == "PRON" and obj.lower_ not in ("him", "her", "them") \
            or not (_named_side(obj, actors) or noun_lemma(obj) in HUMAN):  # (people too: "the son")
        return False  # (not oneself: "casting himself as a champion"; nor "it")
    named = next((c for c in obj.children if c.dep_ == "nmod" and _named_side(c, actors)), None)
    if where == "as":
        phrase = _as_phrase(tok)
    elif named is not None:  # "called *Trump* a talented person": the parse hung the name on the complement
        phrase = [t for t in obj.subtree if t.i not in {x.i for x in named.subtree}]
    else:
        phrase = [t for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > obj.i for t in c.subtree]
    words = _words_of(phrase)
    return bool(words & good) and not words & disparaging_words()


def _said_predicates(clause: Token) -> set[str]:
    """``_predicate_words`` of a reported clause, less a punishing verb itself ("the junta *has
    jailed* Suu Kyi, a source said": the jailing is the act reported, no slur; "should be in
    *jail*" stays one)."""
    words = _predicate_words(clause)
    if clause.pos_ == "VERB" and clause.lemma_.lower() in load_event_words().punishing_verbs:
        words.discard(clause.lemma_.lower())
    return words


def _predicate_words(clause: Token) -> set[str]:
    """What a clause says its subject is or did: its verb (with a particle or its object: "sell
    out", "play politics"), its
    predicate noun or adjective and their modifiers and conjuncts ("is a *fraud*", "was
    *misleading*", "is *weak and erratic*")."""
    preds = [x for x in clause.children if x.dep_ in ("acomp", "attr")
             or x.dep_ == "dobj" and clause.lemma_ in ("make", "become")]  # ("would make *a great president*")
    preds += [o for x in preds if x.lower_ == "part" for p in x.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]  # ("is *part of the problem*")
    if clause.lemma_ == "be":  # "is *like* a lawyer's dumbest client": a likeness is predicate too (and a
        # place one belongs: "should be *in jail*")
        preds += [o for x in clause.children if x.dep_ == "prep" and x.lower_ in ("like", "in", "behind")
                  for o in x.children if o.dep_ == "pobj"]
    preds += [y for x in preds for y in x.children if y.dep_ in ("amod", "conj", "compound")]
    # (and what it tries or wants to do: "was trying to *con* the American people")
    preds += [x for x in clause.children if x.dep_ == "xcomp" and x.pos_ == "VERB"
              and clause.lemma_ in ("try", "want", "seek", "attempt", "plan", "intend", "scheme")]
    # (and a verb or an adjective joined to its own: "is underfunded and *overrun* by leftists")
    preds += [x for x in clause.children if x.dep_ == "conj" and x.pos_ in ("VERB", "ADJ", "NOUN")]
    # (and how its object is qualified: "used *excessive* force", "ran a *terrible* campaign")
    preds += [y for x in clause.children if x.dep_ == "dobj" for y in x.children if y.dep_ == "amod"]
    # (the object by its lemma too: "*committed war crimes*", "was *plotting a coup*")
    objects = {f"{clause.lemma_.lower()} {c.lemma_.lower()}" for c in clause.children if c.dep_ == "dobj"}
    objects |= {f"{clause.lemma_.lower()} {c.lower_} {o.lemma_.lower()}" for c in clause.children
                if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"}  # ("had *put* security *at risk*")
    # (and what it is going, seems or proves to be: "He's *going to be a great president*")
    inner = {w for x in clause.children if x.dep_ == "xcomp" and clause.lemma_ in ("go", "seem", "appear", "prove")
             for w in _predicate_words(x)}
    return verb_forms(clause, ("prt", "dobj")) | objects | _words_of(preds) | inner  # ("*playing politics*")


def _cast_as_pejorative(tok: Token) -> bool:
    """``tok`` has an object and an "as" phrase that disparages it ("cast the candidate *as
    'divisive, stupid and wrong'*", "painted her as a liar"), not negated."""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if not objs or any(c.dep_ == "neg" for c in tok.children):
        return False
    # (all of an "as" phrase is predicate; the parse may hang it on the object: "described the lack of
    # containment *as deplorable*")
    return bool(_words_of(_as_phrase(tok) + [t for o in objs for t in _as_phrase(o)]) & disparaging_words())


def _pejorative_complement(tok: Token) -> bool:
    """``tok`` has an object complement that disparages ("called the statement *offensive and
    outlandish*", "calling it *'absurd'*")."""
    words = disparaging_words()
    comps = [c for c in tok.children if c.dep_ in ("oprd", "ccomp", "xcomp")]
    # (the parser hangs a complement adjective on the object: "called the long lines *unacceptable*")
    comps += [a for o in tok.children if o.dep_ == "dobj" for a in o.children if a.dep_ == "amod" and a.i > o.i]
    # (or on a phrase inside the object, where it ends the clause: "called Clinton's speeches to Goldman
    # Sachs *troubling*.")
    for o in (c for c in tok.children if c.dep_ == "dobj"):
        last = o.doc[o.right_edge.i]
        if last.i > o.i and last.dep_ in ("pobj", "amod", "conj") and (
                last.i + 1 == len(o.doc) or o.doc[last.i + 1].is_punct):
            comps.append(last)
    # (or the named object on the complement: "branded *Trump* a loser", "called *protesters* 'thugs'")
    comps += [o for o in tok.children if o.dep_ == "dobj" and named_on_complement(o) is not None]
    return bool(_words_of(t for c in comps for t in c.subtree) & words)


def _stance_clause(tok: Token) -> bool:
    """``tok`` heads a clause that describes a noun by a standing stance: a present-tense relative
    clause ("a member *who supports* Trump"), a participle ("progressives *backing* his bid") or
    a former one ("Mercer, who *once backed* Cruz"), not an act reported."""
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and not aux_words(tok):
        # (a sum is spent on an act: "spent $30 million *backing* Trump's campaign")
        head = tok.head
        return not (head.like_num or head.ent_type_ == "MONEY" or head.lemma_.lower() in load_event_words().sum_nouns)
    if tok.dep_ == "advcl" and any(ch.dep_ == "nsubj" for ch in tok.children):
        return tok.tag_ == "VBG" and not aux_words(tok)  # (the parser hangs some on the next verb)
    if tok.dep_ != "relcl":
        return False
    return tok.tag_ in ("VBZ", "VBP") and not aux_words(tok) or any(
        ch.dep_ == "advmod" and ch.lower_ in ("once", "formerly", "previously") for ch in tok.children)


def _opinion_clause_only(tok: Token) -> bool:
    """``tok``'s only complement is a that-clause stating a view: a possibility ("Trump may
    struggle"), a fact ("Pence won the debate"), a state ("the deal was good"), not an act to
    be done ("talks would resume", "that they withdraw")."""
    if any(ch.dep_ in ("xcomp", "dobj") or ch.dep_ == "prep" and ch.lower_ in ("on", "upon", "to")
           for ch in tok.children):
        return False
    clauses = [ch for ch in tok.children if ch.dep_ == "ccomp"]
    def views(v: Token) -> bool:
        aux = aux_words(v)
        to_be_done = bool(aux & {"will", "would", "shall", "should", "must", "'ll"}) or v.tag_ == "VB" and not aux
        return not to_be_done or v.lemma_ == "be" or any(x.dep_ in ("acomp", "attr") for x in v.children)

    return bool(clauses) and all(views(v) for v in clauses)


YIELDING_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})


def _unwilling(tok: Token, actors: ActorTable | None, sent_lemmas: set[str]) -> bool:
    """``tok`` (want, vow, ...) is negated, or its infinitive complement is, and the
    complement meets, cooperates or yields: "does not want to hold talks", "vowed not to
    give in". Vowing not to attack is no refusal; wanting nothing in particular neither."""
    x = next((ch for ch in tok.children if ch.dep_ == "xcomp" and ch.pos_ == "VERB"), None)
    if x is None or not any(ch.dep_ == "neg" for ch in (*tok.children, *x.children)):
        return False
    if verb_forms(x, ("prt", "advmod", "dobj", "prep")) & load_event_words().yield_verbs:
        return True
    if _xcomp_types(tok, actors, sent_lemmas) & YIELDING_TYPES:
        return True
    # the event noun the complement carries ("to hold talks")
    lex = load_lexicon()
    for o in (ch for ch in x.children if ch.dep_ == "dobj"):
        m = match_trigger(o, lex, actors, sent_lemmas=sent_lemmas)
        if m is not None and plover_of(m.cameo, m.pattern.type)[0] in YIELDING_TYPES:
            return True
    return False


def _question_only(tok: Token) -> bool:
    """The verb's only complement is a question: a clause under if/whether or a wh-word,
    or one that ends in a question mark; an infinitive or "for" object makes it a request."""
    if any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return False  # ("asked *on Fox News* who leads the party": where, not what, is asked)
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


def _named_side(t: Token, actors: ActorTable | None) -> bool:
    """``t`` names a particular side: a person, a state or an organisation the actor table
    knows, or a name the recogniser tagged (not a generic group such as "reporters")."""
    if actors is not None:
        a = actors.get(actors.actor_for_token(t.i))
        if a is not None:
            return a.kind in ("person", "country", "organization")
    return t.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")


def _names_party(o: Token, actors: ActorTable | None, status: frozenset[str] = frozenset()) -> bool:
    """The object ``o`` is a side, or one of the ``status`` nouns of a side ("Kosovo's
    independence", "the independence of Abkhazia", "a Palestinian state")."""
    if _is_party(o, actors):
        return True
    if o.lemma_.lower() not in status:
        return False
    inner = [c for c in o.children if c.dep_ == "poss" or c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE")]
    inner += of_objects(o)
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


def _with_receiving(words):
    """A word list, with "@receiving" standing for the verbs by which a side receives
    something (``event_words.receiving_verbs``: "faced criticism", "won the endorsement");
    the list itself when it names none (no set built per token)."""
    if "@receiving" not in words:
        return words
    return {*words, *load_event_words().receiving_verbs}


def _head_past_count(tok: Token) -> Token:
    """The word that carries ``tok``: its head, or the head of the counting noun it is
    counted by ("placed *a couple of* calls")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in side_countries().quantifiers:
        return head.head.head
    return head


def _head_in(head: Token, words) -> bool:
    """``head`` is one of ``words`` (by lemma, form, or form for a mis-lemmatised
    inflection: "staged" -> "stag")."""
    if head.lemma_ in words or head.lower_ in words:
        return True
    return head.pos_ in ("VERB", "AUX") and any(
        len(w) > 3 and head.lower_.startswith(w) and len(head.lower_) - len(w) <= 3 for w in words)


# prepositions of time and circumstance: their objects are no object of the act ("rallied ...
# *in* some of the most intense opposition to ...")
ADJUNCT_PREPS = frozenset({"in", "at", "during", "amid", "since", "after", "before"})


def _object_heads(tok: Token, skip_preps: frozenset[str] = frozenset()) -> set[str]:
    """Lemmas of the heads of ``tok``'s objects (with their conjuncts), not of words deeper
    in them ("renewed negotiations on ... relations" has no object "relations"), nor of the
    objects of ``skip_preps``."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ == "prep" and not any(x.dep_ == "pobj" for x in c.children):
            c = next((x for x in c.children if x.dep_ == "prep"), c)  # "pulled out *of* the deal"
        objs = [c] if c.dep_ in ("dobj", "nsubjpass", "attr") else (
            [x for x in c.children if x.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ not in skip_preps else [])
        for o in objs:
            for t in (o, *o.conjuncts):
                out.add(t.lemma_.lower())
                out.add(noun_lemma(t))  # "asked *a series of* questions": what is counted
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
    words = object_lemmas(tok) | {tok.lemma_.lower(), tok.lower_}
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
    if not cands or tok.pos_ == "VERB" and tok.dep_ in ("prep", "mark") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children):
        return None  # (a participle used as a preposition: "*given* he isn't taking money")
    if tok.ent_type_ in ("DATE", "TIME"):
        return None  # a month or a time ("began *March* with $8 million in cash")
    if tok.tag_ in ("VBN", "VBD") and tok.dep_ == "amod" or tok.pos_ == "VERB" and tok.dep_ == "compound":
        # a participle describing a noun ("271 *pledged* delegates", "the *banned* party"), a
        # verb the tagger put inside a noun ("*gun* violence")
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


def plover_of(cameo: str, pattern_type: str | None) -> tuple[str, str | None, tuple[str, ...]]:
    """(PLOVER type, mode, contexts) of a CAMEO code, the pattern's own type first."""
    cw = plover_for_cameo(cameo)
    if cw is None:
        return pattern_type or "REQUEST", None, ()
    t, mode, ctxs = cw
    if pattern_type:
        t = pattern_type
    return t, mode, ctxs
