"""Main-event choice and pattern conditions on hand-built Docs (no model)."""

from __future__ import annotations

import pytest
from _event_docs import make_doc

from communique.extract.event_lexicon import load_lexicon
from communique.extract.event_main import rank, under_claim_or_condition
from communique.extract.events import match_trigger


def _main(doc):
    lex = load_lexicon()
    found = [(rank(t, m.pattern.statement), t.i, m) for t in doc
             if (m := match_trigger(t, lex, statements=True)) is not None]
    return min(found, key=lambda x: x[0])


# (word, lemma, pos, dep, head[, tag])
SENT_TO = [("Kenya", "Kenya", "PROPN", "nsubj", 1), ("sent", "send", "VERB", "ROOT", 1),
           ("troops", "troop", "NOUN", "dobj", 1), ("to", "to", "PART", "aux", 4),
           ("investigate", "investigate", "VERB", "advcl", 1, "VB"),
           ("killings", "killing", "NOUN", "dobj", 4)]
RENEWED = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("renewed", "renew", "VERB", "ccomp", 5),
           ("an", "an", "DET", "det", 3), ("appeal", "appeal", "NOUN", "dobj", 1),
           ("officials", "official", "NOUN", "nsubj", 5), ("said", "say", "VERB", "ROOT", 5),
           ("slamming", "slam", "VERB", "advcl", 5, "VBG"), ("it", "it", "PRON", "dobj", 6)]
STAGED = [("Activists", "activist", "NOUN", "nsubj", 1), ("staged", "stag", "VERB", "ROOT", 1),
          ("rallies", "rally", "NOUN", "dobj", 1), ("saying", "say", "VERB", "advcl", 1, "VBG"),
          ("he", "he", "PRON", "nsubj", 6), ("must", "must", "AUX", "aux", 6),
          ("resign", "resign", "VERB", "ccomp", 3)]

WENT_ON = [("Doctors", "doctor", "NOUN", "nsubj", 1), ("went", "go", "VERB", "ROOT", 1),
           ("on", "on", "ADP", "prep", 1), ("strike", "strike", "NOUN", "pobj", 2),
           ("to", "to", "PART", "aux", 5), ("demand", "demand", "VERB", "advcl", 1, "VB"),
           ("pay", "pay", "NOUN", "dobj", 5)]


@pytest.mark.parametrize("spec,trigger", [
    (SENT_TO, 4),   # a means serves its purpose: the investigation is the event
    (WENT_ON, 3),   # "went on strike to demand better pay": the strike, not its aim
    (RENEWED, 3),   # an event noun is as high as its light verb; the aside ranks below
    (STAGED, 2),    # "staged rallies, saying he must resign": the rallies (lemma "stag" tolerated)
])
def test_events_main_event_choice(spec, trigger):
    assert _main(make_doc(spec))[1] == trigger


ESTIMATE = [("NATO", "NATO", "PROPN", "nsubj", 1), ("declined", "decline", "VERB", "ROOT", 1),
            ("comment", "comment", "NOUN", "dobj", 1), ("on", "on", "ADP", "prep", 2),
            ("estimate", "estimate", "NOUN", "pobj", 3), ("troops", "troop", "NOUN", "nsubj", 6),
            ("lost", "lose", "VERB", "acl", 4), ("in", "in", "ADP", "prep", 6),
            ("strikes", "strike", "NOUN", "pobj", 7)]


def test_events_main_claim_content_ranks_below_statement():
    doc = make_doc(ESTIMATE)
    assert under_claim_or_condition(doc[8])
    assert _main(doc)[2].pattern.id == "say.decline-comment"


RENEWED_TALKS = [("They", "they", "PRON", "nsubj", 1), ("renewed", "renew", "VERB", "ROOT", 1),
                 ("negotiations", "negotiation", "NOUN", "dobj", 1), ("on", "on", "ADP", "prep", 2),
                 ("relations", "relation", "NOUN", "pobj", 3)]
TOLD_THAT = [("court", "court", "NOUN", "nsubjpass", 2), ("was", "be", "AUX", "auxpass", 2),
             ("told", "tell", "VERB", "ROOT", 2), ("soldiers", "soldier", "NOUN", "nsubj", 4),
             ("beat", "beat", "VERB", "ccomp", 2), ("detainees", "detainee", "NOUN", "dobj", 4)]
CLAIMS_TO = [("group", "group", "NOUN", "nsubj", 1), ("claims", "claim", "VERB", "ROOT", 1),
             ("to", "to", "PART", "aux", 3), ("be", "be", "AUX", "xcomp", 1)]


@pytest.mark.parametrize("spec,trigger,absent", [
    (RENEWED_TALKS, 1, "support.relations"),  # the object is negotiations, not relations
    (TOLD_THAT, 2, "request.tell"),           # "was told that ...": reported speech, no order
    (CLAIMS_TO, 1, "accuse.claim"),           # "claims to be ...": a self-claim, no accusation
])
def test_events_pattern_conditions_reject(spec, trigger, absent):
    m = match_trigger(make_doc(spec)[trigger], load_lexicon())
    assert m is None or m.pattern.id != absent


ALERT = [("Troops", "troop", "NOUN", "nsubj", 1), ("remained", "remain", "VERB", "ROOT", 1),
         ("on", "on", "ADP", "prep", 1), ("alert", "alert", "NOUN", "pobj", 2)]


def test_events_lexicon_on_is_a_word_not_a_boolean():
    m = match_trigger(make_doc(ALERT)[3], load_lexicon())
    assert m is not None and m.cameo == "152"


@pytest.mark.model
@pytest.mark.parametrize("text, type_, mentions, rule_part", [
    ("Britain pledged to send humanitarian aid to Sudan.", "AGREE", ["pledged", "send", "aid"], "+aid.provide.intent"),
    ("Iran threatened to attack the American base and to seize its tankers.", "THREATEN",
     ["threatened", "attack", "seize"], "+fight.attack.threat+coerce.seize.threat"),
])
def test_events_main_one_event_per_clause(pipeline, text, type_, mentions, rule_part):
    evs = pipeline.analyze(text).events
    assert [e.type for e in evs] == [type_], evs
    assert [m.text for m in evs[0].mentions] == mentions and rule_part in evs[0].rule


@pytest.mark.model
@pytest.mark.parametrize("text, types", [
    ("Police arrested protesters who attacked the embassy.", {"COERCE", "ASSAULT"}),  # two clauses, two events
    ("Russia urged Ukraine to free the prisoners and Kyiv refused.", {"REQUEST", "REJECT"}),
])
def test_events_main_distinct_events_kept_apart(pipeline, text, types):
    assert {e.type for e in pipeline.analyze(text).events} == types
