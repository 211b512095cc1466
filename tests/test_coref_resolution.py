"""Pronoun, surname and description resolution on hand-built Docs (no model)."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from communique.config import Settings
from communique.extract.actors import extract_actors
from communique.extract.context import ExtractionContext
from communique.ingest.article import make_article

VOCAB = spacy.blank("en").vocab


def _doc(words, pos, deps, heads, ents=None):
    spaces = [True] * len(words)
    for i, w in enumerate(words[:-1]):
        if words[i + 1] in (".", ",", "'s"):
            spaces[i] = False
    lemmas = [w.lower() for w in words]
    return Doc(VOCAB, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads, lemmas=lemmas,
               ents=ents or ["O"] * len(words),
               sent_starts=[w == words[0] or words[i - 1] == "." for i, w in enumerate(words)])


def _table(doc):
    ctx = ExtractionContext(make_article(doc.text, published=dt.date(2022, 1, 21)), Settings())
    return extract_actors(doc, ctx)


def _name(table, i):
    aid = table.actor_for_token(i)
    a = table.get(aid) if aid else None
    return a.name if a else None


# "Secretary Antony Blinken met Lavrov . He spoke ."
MEET = (["Secretary", "Antony", "Blinken", "met", "Lavrov", ".", "He", "spoke", "."],
        ["PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"],
        ["compound", "compound", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct"],
        [2, 2, 3, 3, 3, 3, 7, 7, 7],
        ["O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "O", "O", "O"])


@pytest.mark.parametrize("index,expected", [
    (2, "Antony Blinken"),   # the name
    (4, "Sergey Lavrov"),    # a surname the KB knows
    (6, "Antony Blinken"),   # "He": the subject of the previous sentence
])
def test_coref_pronoun_and_surname(index, expected):
    table = _table(_doc(*MEET))
    assert _name(table, index) == expected


# "Russia denied it . Its troops stayed ."
ITS = (["Russia", "denied", "it", ".", "Its", "troops", "stayed", "."],
       ["PROPN", "VERB", "PRON", "PUNCT", "PRON", "NOUN", "VERB", "PUNCT"],
       ["nsubj", "ROOT", "dobj", "punct", "poss", "nsubj", "ROOT", "punct"],
       [1, 1, 1, 1, 5, 6, 6, 6],
       ["B-GPE", "O", "O", "O", "O", "O", "O", "O"])


@pytest.mark.parametrize("index,expected", [(0, "Russia"), (5, "Russia")])
def test_coref_owned_group_takes_owner(index, expected):
    table = _table(_doc(*ITS))
    assert _name(table, index) == expected


# "Joe Biden spoke . The U.S. president left ."
DESC = (["Joe", "Biden", "spoke", ".", "The", "U.S.", "president", "left", "."],
        ["PROPN", "PROPN", "VERB", "PUNCT", "DET", "PROPN", "NOUN", "VERB", "PUNCT"],
        ["compound", "nsubj", "ROOT", "punct", "det", "compound", "nsubj", "ROOT", "punct"],
        [1, 2, 2, 2, 6, 6, 7, 7, 7],
        ["B-PERSON", "I-PERSON", "O", "O", "O", "B-GPE", "O", "O", "O"])


def test_coref_description_joins_person_with_role():
    table = _table(_doc(*DESC))
    assert _name(table, 6) == "Joe Biden"


# "Rubio said Christie attacked him ." / "... attacked himself ." (no reflexive rule: the object
# pronoun alone is bound away from its clause's subject)
BOUND = (["Rubio", "said", "Christie", "attacked", "him", "."],
         ["PROPN", "VERB", "PROPN", "VERB", "PRON", "PUNCT"],
         ["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct"],
         [1, 1, 3, 1, 3, 1],
         ["B-PERSON", "O", "B-PERSON", "O", "O", "O"])


@pytest.mark.parametrize("index,expected", [(0, "Marco Rubio"), (2, "Chris Christie"), (4, "Marco Rubio")])
def test_coref_object_pronoun_is_not_its_clauses_subject(index, expected):
    table = _table(_doc(*BOUND))
    assert _name(table, index) == expected


def _group_doc(name: str, ent: str):
    # "<name> declined to comment . The militant group fired rockets ."
    return _doc([name, "declined", "comment", ".", "The", "militant", "group", "fired", "rockets", "."],
                ["PROPN", "VERB", "NOUN", "PUNCT", "DET", "ADJ", "NOUN", "VERB", "NOUN", "PUNCT"],
                ["nsubj", "ROOT", "dobj", "punct", "det", "amod", "nsubj", "ROOT", "dobj", "punct"],
                [1, 1, 1, 1, 6, 6, 7, 7, 7, 7],
                [f"B-{ent}", "O", "O", "O", "O", "O", "O", "O", "O", "O"])


@pytest.mark.parametrize("name, ent, expected", [
    ("Hezbollah", "ORG", "Hezbollah"),  # the organisation named last
    ("NATO", "ORG", None),              # a body of states is no "group"
    ("Russia", "GPE", None),            # nor is a state
])
def test_coref_definite_group_takes_the_organisation_named_last(name, ent, expected):
    table = _table(_group_doc(name, ent))
    assert _name(table, 6) == expected


# "Rubio attacked Christie when he spoke ." / "Rubio attacked Christie , who said he lost ."
SUBJECT_FIRST = (["Rubio", "attacked", "Christie", "when", "he", "spoke", "."],
                 ["PROPN", "VERB", "PROPN", "SCONJ", "PRON", "VERB", "PUNCT"],
                 ["nsubj", "ROOT", "dobj", "advmod", "nsubj", "advcl", "punct"],
                 [1, 1, 1, 5, 5, 1, 1],
                 ["B-PERSON", "O", "B-PERSON", "O", "O", "O", "O"])


def test_coref_subject_pronoun_prefers_its_sentences_subject():
    """A subject pronoun in its antecedent's sentence is the nearest subject, not the nearest
    name ("Bush went after Trump, when *he* called the businessman 'unhinged'": Bush)."""
    table = _table(_doc(*SUBJECT_FIRST))
    assert table.get(table.actor_for_token(4)).name == table.get(table.actor_for_token(0)).name
