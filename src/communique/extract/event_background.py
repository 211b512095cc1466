"""Triggers that report no event: background mentions, deaths from disease or accident,
failed actions (word lists in ``data/events/not_events.yaml``).

``not_an_event(tok, type_)`` gives the reason a matched trigger is not coded, or None:

- ``background``: a passive relative clause dated to a year ("who was killed in a 2011
  drone strike"); an event noun inside a during/since/throughout/until/before/amid/
  following/after phrase (not a consultation: "said during a phone call with" names the
  occasion; not after/following when the noun names its sides: "after clashes with
  protesters", "following fighting between the army and rebels"), or anywhere when it
  carries a year ("during the 2014 war", "investigating the 2012 attack") — what the
  sentence reports happened against it; what a side is known or notorious for ("known
  for his attacks on the media"): a habit; an act placed "in the past" ("had praised her
  in the past"); and an act no one claims ("No group has claimed
  responsibility for the attack");
- ``non-violent death``: a killing, death or injury whose cause is a disease, an accident
  or a disaster ("Cholera killed 200", "killed in a car accident");
- ``failed``: an action under "fail to" ("Police failed to arrest the suspect");
- ``description``: a participle describing a noun ("those killed on Thursday", "Republicans
  investigating the attack"): it says who they are, not what the sentence reports; not
  when the noun is a message, which does what it says ("a tweet attacking Machado"); a
  standing stance in a relative clause ("a member who supports Trump", "who once backed Cruz");
- ``prevented``: an action that is the object of avoid/prevent/avert ("launched mediation
  to avoid armed attack", "thwarted an attack");
- ``content``: the infinitive of a noun such as right, need or ability ("their right to
  sue", "the need to recognize"): what the noun holds, not an act.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Token

from .event_lexicon import DATA, load_lexicon
from .event_words import load_event_words, verb_forms
from .person_nouns import person_nouns
from .word_lists import check_word_lists

STANCE_TYPES = frozenset({"SUPPORT", "REJECT"})
REQUIRED = ("background_preps", "occasion_types", "death_triggers", "non_violent_causes", "failure_verbs")
OPTIONAL = ("prevention_verbs", "content_nouns", "message_nouns", "sequence_preps", "participant_preps",
            "ending_verbs", "topic_verbs", "topic_nouns", "ending_nouns", "of_verbs", "reputation_words")


@dataclass(frozen=True)
class NotEvents:
    background_preps: frozenset[str]
    occasion_types: frozenset[str]
    year: re.Pattern[str]
    death_triggers: frozenset[str]
    causes: frozenset[str]
    failure_verbs: frozenset[str]
    prevention_verbs: frozenset[str] = frozenset()
    content_nouns: frozenset[str] = frozenset()
    message_nouns: frozenset[str] = frozenset()
    sequence_preps: frozenset[str] = frozenset()
    participant_preps: frozenset[str] = frozenset()
    ending_verbs: frozenset[str] = frozenset()
    ending_nouns: frozenset[str] = frozenset()
    topic_verbs: frozenset[str] = frozenset()
    topic_nouns: frozenset[str] = frozenset()
    of_verbs: frozenset[str] = frozenset()
    reputation_words: frozenset[str] = frozenset()


def parse_not_events(text: str) -> NotEvents:
    d = yaml.safe_load(text)
    w = check_word_lists(d, REQUIRED, "not_events.yaml", optional=OPTIONAL, other=("year_pattern",))
    return NotEvents(w["background_preps"], w["occasion_types"], re.compile(d["year_pattern"]),
                     w["death_triggers"], w["non_violent_causes"], w["failure_verbs"], w["prevention_verbs"],
                     w["content_nouns"], w["message_nouns"], w["sequence_preps"], w["participant_preps"],
                     ending_verbs=w["ending_verbs"], topic_verbs=w["topic_verbs"], topic_nouns=w["topic_nouns"],
                     ending_nouns=w["ending_nouns"], of_verbs=w["of_verbs"],
                     reputation_words=w["reputation_words"])


@lru_cache(maxsize=1)
def load_not_events() -> NotEvents:
    return parse_not_events(resources.files(DATA).joinpath("not_events.yaml").read_text(encoding="utf-8"))


def _spoken_of(tok: Token, verbs: frozenset[str]) -> bool:
    """``tok`` is what a verb of speaking or recalling is about: its object ("addressing the
    attacks", "brought up the bombing") or its to/about/on/of phrase ("referred to the massacre")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" \
            and head.head.lemma_.lower() in load_not_events().of_verbs:
        return True  # "the ministry said *of the strike*"
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("to", "about", "on", "of"):
        head = head.head
    elif tok.dep_ != "dobj":
        return False
    return bool(verb_forms(head) & verbs)


def _dated_in_year(verb: Token, ne: NotEvents) -> bool:
    """``verb`` is placed in a year: "in 2008", "in a 2011 drone strike", "in October 2011"."""
    for c in verb.children:
        objs = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c] if c.dep_ == "npadvmod" else []
        for o in objs:
            if ne.year.match(o.text) or any(ne.year.match(g.text) for g in o.children
                                             if g.dep_ in ("compound", "nummod", "amod")):
                return True
    return False


def _in_the_past(verb: Token) -> bool:
    """``verb`` is placed "in the past" ("the businessman had praised her *in the past*"): a
    habit or a history, no act the sentence reports."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        o.dep_ == "pobj" and o.lower_ == "past" and o.n_lefts == 1 for o in c.children) for c in verb.children)


def _background(tok: Token, type_: str, ne: NotEvents) -> bool:
    if tok.pos_ == "VERB":
        # "al-Awlaki, who was killed in a 2011 drone strike, ...": a passive relative clause dated
        # to a year tells who someone is (what befell them), not what the sentence reports
        # (nor does an act placed "in the past")
        return _in_the_past(tok) or tok.dep_ == "relcl" and any(
            c.dep_ == "auxpass" for c in tok.children) and _dated_in_year(tok, ne)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(ne.year.match(x.text) for c in tok.children if c.dep_ in ("compound", "nummod", "amod", "npadvmod", "nmod")
           for x in c.subtree):
        return True  # "the 2012 attack", "the Sept. 11, 2001, attacks", wherever it stands: a past event
    t = tok
    while t.dep_ in ("compound", "conj", "appos") and t.head.i != t.i:
        t = t.head
    if t.dep_ != "pobj" or t.head.dep_ not in ("prep", "agent"):
        return False
    prep = t.head.lower_
    if prep in ne.sequence_preps and any(c.dep_ == "prep" and c.lower_ in ne.participant_preps for c in tok.children):
        return False  # "after clashes *with protesters*": an event of its own, with its sides, not background
    if prep not in ne.background_preps:
        return False
    if type_ not in ne.occasion_types:
        return True
    # an occasion before or after which something happened, naming none of its parties, is a time
    # reference ("Hours *after the meeting*, a drone struck ..."; not "after *his* visit *to Mexico*")
    reference = prep in ne.sequence_preps or prep in ("before", "since", "until")
    return reference and not any(c.dep_ == "poss" or c.dep_ == "prep" and (
        c.lower_ in ne.participant_preps or c.lower_ == "to") for c in tok.children)


def _cause_words(tok: Token) -> set[str]:
    out: set[str] = set()
    heads = [tok]
    if (tok.dep_ in ("acomp", "attr", "dobj", "nsubjpass", "oprd") or tok.dep_ == "advcl" and tok.tag_ == "VBG") \
            and tok.head.i != tok.i:  # "a typhoon struck China, *killing* 400": the typhoon's deaths
        heads.append(tok.head)
    for h in heads:
        if h.i != tok.i:  # "a station canopy *collapsed*, killing 16 people": the event that killed
            out.add(h.lemma_.lower())
        for c in h.children:
            phrase = None
            if c.dep_ in ("nsubj", "csubj"):
                # (a relative pronoun stands for its noun: "the drinking *that* ultimately killed him")
                phrase = h.head if c.lower_ in ("that", "which") and h.dep_ == "relcl" else c
            elif c.dep_ in ("prep", "agent") and c.lower_ in load_event_words().cause_preps:
                phrase = next((g for g in c.children if g.dep_ == "pobj"), None)
            if phrase is not None:
                out.update(x.lemma_.lower() for x in phrase.subtree)
                out.update(x.lower_ for x in phrase.subtree)
    return out


def _verbless_root(tok: Token) -> bool:
    """``tok`` is the only predicate of a sentence parsed around a noun ("Thousands
    protested in Belgrade", "Teen girl pepper-sprayed in scuffle"): the report itself."""
    head = tok.head
    inside = {t.i for t in tok.subtree}  # its own clauses ("... in the nation *that has prided* itself")
    return head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN", "PRON") and not any(
        t.pos_ in ("VERB", "AUX") and t.i not in inside and t.dep_ in ("ROOT", "conj", "relcl") for t in tok.sent)


def _acted_on(noun: Token) -> bool:
    """``noun`` names people, a body or a weapon: what a strike or an arrest is done to or with
    ("the journalist detained by police", "a missile fired by the Houthis"), not a picture
    "captured by" a website."""
    lemma, words = noun.lemma_.lower(), load_event_words()
    return (lemma in person_nouns() or lemma in load_lexicon().party_nouns or lemma in words.weapon_subjects
            or noun.ent_type_ in words.party_entities)


def _record(tok: Token, ne: NotEvents) -> bool:
    """``tok`` (or the verb carrying it) sums up a record in the present perfect: acts counted
    since a past year ("*has conducted* six nuclear tests *since 2006*"), not one act reported
    ("has shelled the city since Monday", "has faced sanctions since 2014"; nor a stance held
    long: "have long criticized")."""
    v = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok
    if v.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "'s") for c in v.children):
        return False
    counted = any(c.dep_ == "dobj" and any(n.dep_ == "nummod" for n in c.children) for c in v.children)
    return counted and any(c.dep_ == "prep" and c.lower_ == "since" and any(ne.year.match(x.text) for x in c.subtree)
                           for c in v.children)


def _set_off(acl: Token) -> bool:
    """The participle ``acl`` is set off from a name or a particular side it describes ("Gillibrand,
    *backed by* the party, ...", "Kasich, *endorsed by* the Times"), not a kind of thing
    ("candidates *backed by* super PACs")."""
    head = acl.head
    return head.pos_ == "PROPN" or acl.i > 0 and acl.doc[acl.i - 1].text in (",", "—", "–", "(") \
        and head.tag_ == "NN"


# verbs by which a side owns up to an act ("*claimed* responsibility for the attack", "*took* responsibility")
CLAIMING = frozenset({"claim", "accept", "admit", "acknowledge", "take"})


def _unclaimed(tok: Token) -> bool:
    """``tok`` is the act no one claims ("*No group* has claimed responsibility for the attack",
    "the Taliban *did not* claim responsibility for the bombing"): a known act, mentioned, not reported."""
    if not (tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() == "responsibility"):
        return False
    claim = tok.head.head.head
    if claim.lemma_.lower() not in CLAIMING:
        return False
    subj = next((c for c in claim.children if c.dep_ == "nsubj"), None)
    return any(c.dep_ == "neg" for c in claim.children) or subj is not None and (
        subj.lower_ in ("nobody", "none") or subj.lower_ == "one" and any(c.lower_ == "no" for c in subj.children)
        or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children))


def not_an_event(tok: Token, type_: str) -> str | None:
    """Why the trigger ``tok`` (coded ``type_``) reports no event, or None."""
    ne = load_not_events()
    if _background(tok, type_, ne) or _unclaimed(tok):
        return "background"
    if type_ == "ASSAULT" and tok.lemma_.lower() in ne.death_triggers and _cause_words(tok) & ne.causes:
        return "non-violent death"
    if type_ == "ASSAULT" and any(c.dep_ == "nsubj" and c.lemma_.lower() in ne.causes for c in tok.children):
        return "non-violent death"  # "a devastating typhoon struck northern China": no attacker
    if type_ == "ASSAULT" and tok.pos_ == "VERB" and any(
            x.lemma_.lower() in ne.causes for x in (*(c for c in tok.children if c.dep_ == "dobj"), *(
                g for c in tok.children if c.dep_ == "prep" and c.lower_ == "against" for g in c.children
                if g.dep_ == "pobj"))):
        return "non-violent foe"  # "a measure to fight Zika", "to battle the epidemic": no side attacked
    act = tok.head if tok.dep_ == "dobj" and tok.pos_ == "NOUN" else tok  # "failed to reach *an agreement*"
    if act.dep_ == "xcomp" and act.head.lemma_.lower() in ne.failure_verbs:
        return "failed"
    if tok.dep_ in ("dobj", "xcomp") and tok.head.lemma_.lower() in ne.prevention_verbs:
        return "prevented"
    if tok.dep_ in ("pcomp", "pobj") and tok.head.dep_ == "prep" and tok.head.lower_ in ("on", "from") \
            and verb_forms(tok.head.head) & ne.prevention_verbs:
        return "prevented"  # "decision to hold off on backing Clinton", "refrained from attacking"
    if tok.dep_ in ("dobj", "nsubjpass") and (tok.pos_ == "NOUN" or tok.tag_ == "VBG") \
            and verb_forms(tok.head) & ne.ending_verbs:
        # "lifted sanctions on Venezuela", "suspended talks", "the strike was called off": the ending is the event
        return "ended"
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "of", "to", "on") \
            and tok.head.head.lemma_.lower() in ne.ending_nouns:
        return "ended"  # "a four-day pause in fighting", "a halt to the shelling"
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "for" \
            and tok.head.head.lower_ in ne.reputation_words:
        return "background"  # "Trump is known for his attacks on the media": a habit, no event
    if tok.pos_ == "NOUN" and _spoken_of(tok, ne.topic_verbs):
        return "topic"  # "a speech addressing the attacks in Orlando": what is spoken of
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in ne.topic_nouns and (
            tok.head.lower_ == "on" or tok.head.lower_ in load_event_words().topic_preps):
        return "topic"  # "their previous statements about the Benghazi attacks": what a message is about
    by_agent = type_ in ("ASSAULT", "COERCE", "RETREAT", "SUPPORT") and tok.tag_ == "VBN" and any(
        c.dep_ == "agent" for c in tok.children) and (type_ != "SUPPORT" or _set_off(tok))
    if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG") and tok.head.lemma_.lower() not in ne.message_nouns and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children) and not _verbless_root(tok) \
            and not (by_agent and _acted_on(tok.head)):
        # "those killed on Thursday", "Republicans investigating the attack"; but a message does
        # what it says ("a tweet attacking Machado", "a letter opposing the program"), and a
        # strike or an arrest by someone is one ("a missile *fired by the Houthis* at Riyadh"), and so
        # is backing ("Gillibrand, *backed by* the senator and the party, ...")
        return "description"
    if tok.dep_ == "relcl" and type_ in STANCE_TYPES and (
            tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
            or any(c.dep_ == "advmod" and c.lower_ in ("once", "formerly", "previously") for c in tok.children)):
        # "a member who supports Trump", "a group that strongly opposes Trump", "the donor who once
        # backed Cruz": a stance that tells who someone is, not an act the sentence reports
        return "description"
    if _record(tok, ne):
        return "background"  # "North Korea has conducted six nuclear tests since 2006": a record
    if tok.dep_ in ("csubj", "csubjpass") and tok.tag_ == "VBG" and not any(
            c.dep_ in ("nsubj", "poss") for c in tok.children):
        return "generic"  # "*Supporting* a candidate is a big decision": an act in general, no one's
    if tok.dep_ == "relcl" and any(c.dep_ == "neg" for c in tok.children) and not any(
            c.lower_ in ("will", "would", "wo") for c in tok.children):
        return "description"  # "an activist who did not attend Thursday's summit": who someone is
    if tok.dep_ == "acl" and tok.pos_ == "VERB" and tok.head.lemma_.lower() in ne.content_nouns and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return "content"  # "their right to sue", "the need to recognize": what a noun holds, not an act
    return None
