"""Pattern matching and CAMEO stance recoding on hand-built Docs (no model)."""

from __future__ import annotations

import pytest
from _event_docs import make_doc

from communique.extract.event_lexicon import load_lexicon
from communique.extract.events import match_trigger, recode

# (word, lemma, pos, dep, head)
ASKED = [("Angola", "Angola", "PROPN", "nsubj", 1), ("asked", "ask", "VERB", "ROOT", 1),
         ("Portugal", "Portugal", "PROPN", "dobj", 1), ("for", "for", "ADP", "prep", 1),
         ("aid", "aid", "NOUN", "pobj", 3)]
HUNGER = [("He", "he", "PRON", "nsubj", 1), ("started", "start", "VERB", "ROOT", 1),
          ("a", "a", "DET", "det", 4), ("hunger", "hunger", "NOUN", "compound", 4),
          ("strike", "strike", "NOUN", "dobj", 1)]
CALLOFF = [("Teachers", "teacher", "NOUN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
           ("off", "off", "ADP", "prt", 1), ("a", "a", "DET", "det", 4), ("strike", "strike", "NOUN", "dobj", 1)]
AGREED = [("They", "they", "PRON", "nsubj", 1), ("agreed", "agree", "VERB", "ROOT", 1),
          ("upon", "upon", "ADP", "prep", 1), ("a", "a", "DET", "det", 5),
          ("trade", "trade", "NOUN", "compound", 5), ("pact", "pact", "NOUN", "pobj", 2)]


@pytest.mark.parametrize("spec,trigger,code", [
    (ASKED, 1, "023"),    # "ask for aid": an appeal (02), not a demand (10)
    (HUNGER, 4, "142"),   # "hunger strike": protest, not an attack
    (CALLOFF, 1, "082"),  # "call off a strike": yield (ease dissent)
    (AGREED, 1, "0311"),  # "agree upon a trade pact": intent to cooperate economically
])
def test_events_pattern_codes(spec, trigger, code):
    doc = make_doc(spec)
    m = match_trigger(doc[trigger], load_lexicon())
    assert m is not None and m.cameo == code


WILL_PROVIDE = [("UN", "UN", "PROPN", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
                ("provide", "provide", "VERB", "ROOT", 2), ("food", "food", "NOUN", "compound", 4),
                ("aid", "aid", "NOUN", "dobj", 2)]
WOULD_BLOCKADE = [("Russia", "Russia", "PROPN", "nsubj", 2), ("would", "would", "AUX", "aux", 2),
                  ("blockade", "blockade", "VERB", "ROOT", 2), ("Odesa", "Odesa", "PROPN", "dobj", 2)]
# farmers blockading a city obstruct it (protest.disrupt): their blockade to come is a protest called
FARMERS_WOULD_BLOCKADE = [("Farmers", "farmer", "NOUN", "nsubj", 2), ("would", "would", "AUX", "aux", 2),
                          ("blockade", "blockade", "VERB", "ROOT", 2), ("Paris", "Paris", "PROPN", "dobj", 2)]
NOT_END = [("Teachers", "teacher", "NOUN", "nsubj", 3), ("will", "will", "AUX", "aux", 3),
           ("not", "not", "PART", "neg", 3), ("end", "end", "VERB", "ROOT", 3),
           ("their", "their", "PRON", "poss", 5), ("strike", "strike", "NOUN", "dobj", 3)]
PLEDGED_PROVIDE = [("UN", "UN", "PROPN", "nsubj", 1), ("pledged", "pledge", "VERB", "ROOT", 1),
                   ("to", "to", "PART", "aux", 3), ("provide", "provide", "VERB", "xcomp", 1),
                   ("food", "food", "NOUN", "compound", 5), ("aid", "aid", "NOUN", "dobj", 3)]
PROVIDED = [("UN", "UN", "PROPN", "nsubj", 1), ("provided", "provide", "VERB", "ROOT", 1),
            ("food", "food", "NOUN", "compound", 3), ("aid", "aid", "NOUN", "dobj", 1)]


@pytest.mark.parametrize("spec,trigger,code,how", [
    (PLEDGED_PROVIDE, 3, "0333", "intent"),  # promised aid: intent (03)
    (WILL_PROVIDE, 2, "0333", "plan"),       # aid foretold: CAMEO's intent, PLOVER's AID (mode future)
    (WOULD_BLOCKADE, 2, "1381", "threat"),   # a blockade to come: threat (13)
    (FARMERS_WOULD_BLOCKADE, 2, "144", "intent"),  # protesters' blockade to come: a protest called, no threat
    (NOT_END, 3, "1242", "refusal"),         # not easing dissent: rejection (12)
    (PROVIDED, 1, "073", None),              # done: the action itself
])
def test_events_stance_recoding(spec, trigger, code, how):
    doc = make_doc(spec)
    lex = load_lexicon()
    m = match_trigger(doc[trigger], lex)
    assert m is not None
    assert recode(doc[trigger], m.cameo, lex) == (code, how)
