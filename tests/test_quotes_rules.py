"""Quote rules on hand-built parsed Docs (no model): which rule fires, speaker, cue, content."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from communique.extract.quote_candidates import find_candidates
from communique.extract.quote_fields import quote_kind

VOCAB = spacy.blank("en").vocab


def make(spec: list[tuple], ents: list[str] | None = None) -> Doc:
    """spec rows: (word, head offset from itself, dep, pos, lemma[, space_after])."""
    words = [r[0] for r in spec]
    spaces = [r[5] if len(r) > 5 else True for r in spec]
    heads = [i + r[1] for i, r in enumerate(spec)]
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=[r[2] for r in spec],
               pos=[r[3] for r in spec], lemmas=[r[4] for r in spec], ents=ents)


def seg_text(doc: Doc, seg) -> str:
    return doc[seg[0]:seg[1] + 1].text


LAVROV = [("Lavrov", 1, "nsubj", "PROPN", "Lavrov"), ("said", 0, "ROOT", "VERB", "say"),
          ("he", 1, "nsubj", "PRON", "he"), ("hoped", -2, "ccomp", "VERB", "hope"),
          ("it", -1, "dobj", "PRON", "it", False), (".", -4, "punct", "PUNCT", ".")]
INVERTED = [("“", 6, "punct", "PUNCT", "“", False), ("We", 1, "nsubj", "PRON", "we"),
            ("win", 4, "ccomp", "VERB", "win", False), (",", 3, "punct", "PUNCT", ",", False),
            ("”", 1, "punct", "PUNCT", "”"), ("Zakharova", 1, "nsubj", "PROPN", "Zakharova"),
            ("said", 0, "ROOT", "VERB", "say", False), (".", -1, "punct", "PUNCT", ".")]
AFTER = [("Blinken", 1, "nsubj", "PROPN", "Blinken"), ("said", 0, "ROOT", "VERB", "say", False),
         (",", -1, "punct", "PUNCT", ","), ("“", -2, "punct", "PUNCT", "“", False),
         ("We", 1, "nsubj", "PRON", "we"), ("win", -4, "ccomp", "VERB", "win", False),
         (".", -5, "punct", "PUNCT", ".", False), ("”", -6, "punct", "PUNCT", "”")]
PARTICIPIAL = [("Biden", 1, "nsubj", "PROPN", "Biden"), ("hedged", 0, "ROOT", "VERB", "hedge", False),
               (",", -1, "punct", "PUNCT", ","), ("saying", -2, "advcl", "VERB", "say", False),
               (",", -1, "punct", "PUNCT", ","), ("“", -2, "punct", "PUNCT", "“", False),
               ("He", 1, "nsubj", "PRON", "he"), ("will", -4, "ccomp", "VERB", "will", False),
               (".", -7, "punct", "PUNCT", ".", False), ("”", -8, "punct", "PUNCT", "”")]
ACCORDING = [("The", 1, "det", "DET", "the"), ("plan", 1, "nsubj", "NOUN", "plan"),
             ("failed", 0, "ROOT", "VERB", "fail", False), (",", -1, "punct", "PUNCT", ","),
             ("according", -2, "prep", "VERB", "accord"), ("to", -1, "prep", "ADP", "to"),
             ("officials", -1, "pobj", "NOUN", "official", False), (".", -5, "punct", "PUNCT", ".")]
NESTED = [("Smith", 1, "nsubj", "PROPN", "Smith"), ("said", 0, "ROOT", "VERB", "say"),
          ("Jones", 1, "nsubj", "PROPN", "Jones"), ("claimed", -2, "ccomp", "VERB", "claim"),
          ("it", 1, "nsubj", "PRON", "it"), ("works", -2, "ccomp", "VERB", "work", False),
          (".", -5, "punct", "PUNCT", ".")]
LEARNED = [("Smith", 1, "nsubj", "PROPN", "Smith"), ("gambled", 0, "ROOT", "VERB", "gamble"),
           ("that", 2, "mark", "SCONJ", "that"), ("it", 1, "nsubj", "PRON", "it"),
           ("works", -3, "ccomp", "VERB", "work", False), (".", -4, "punct", "PUNCT", ".")]
NONHUMAN = [("The", 1, "det", "DET", "the"), ("rock", 1, "nsubj", "NOUN", "rock"),
            ("gambled", 0, "ROOT", "VERB", "gamble"), ("that", 2, "mark", "SCONJ", "that"),
            ("it", 1, "nsubj", "PRON", "it"), ("works", -3, "ccomp", "VERB", "work", False),
            (".", -4, "punct", "PUNCT", ".")]
OBJECT = [("Trump", 1, "nsubj", "PROPN", "Trump"), ("endorsed", 0, "ROOT", "VERB", "endorse"),
          ("Sanders", -1, "dobj", "PROPN", "Sanders", False), (".", -2, "punct", "PUNCT", ".")]


@pytest.mark.parametrize("spec, ents, rule, speaker, cue, content, kind", [
    (LAVROV, ["B-PERSON"] + ["O"] * 5, "indirect.ccomp", "Lavrov", "said", ["he hoped it"], "indirect"),
    (INVERTED, None, "direct.before", "Zakharova", "said", ["“We win,”"], "direct"),
    (AFTER, None, "direct.after", "Blinken", "said", ["“We win.”"], "direct"),
    (PARTICIPIAL, None, "direct.after", "Biden", "saying", ["“He will.”"], "direct"),
    (ACCORDING, None, "indirect.according-to", "officials", "according to", ["The plan failed"],
     "indirect"),
    (NESTED, None, "indirect.ccomp", "Smith", "said", ["Jones claimed it works"], "indirect"),
    (LEARNED, ["B-PERSON"] + ["O"] * 5, "indirect.learned", "Smith", "gambled", ["that it works"],
     "indirect"),
    (OBJECT, ["B-PERSON", "O", "B-PERSON", "O"], "indirect.object", "Trump", "endorsed", ["Sanders"],
     "indirect"),
])
def test_quote_rules_single_attribution(spec, ents, rule, speaker, cue, content, kind):
    doc = make(spec, ents)
    cands, _regions, reg_of = find_candidates(doc)
    assert len(cands) == 1, cands
    (c,) = cands
    assert c.rule == rule
    assert seg_text(doc, c.speaker) == speaker
    assert doc[c.cue[0]:c.cue[-1] + 1].text == cue
    assert [seg_text(doc, s) for s in c.content] == content
    assert quote_kind(c.content, reg_of, doc) == kind


def test_quote_rules_non_human_subject_is_no_learned_cue():
    cands, _, _ = find_candidates(make(NONHUMAN))
    assert cands == []


def test_quote_rules_split_quote_two_segments():
    spec = [("“", 2, "punct", "PUNCT", "“", False), ("A", 1, "nsubj", "PRON", "a"),
            ("won", 4, "ccomp", "VERB", "win", False), (",", 3, "punct", "PUNCT", ",", False),
            ("”", 2, "punct", "PUNCT", "”"), ("she", 1, "nsubj", "PRON", "she"),
            ("said", 0, "ROOT", "VERB", "say", False), (",", -1, "punct", "PUNCT", ","),
            ("“", -2, "punct", "PUNCT", "“", False), ("B", 1, "nsubj", "PRON", "b"),
            ("lost", -4, "conj", "VERB", "lose", False), (".", -5, "punct", "PUNCT", ".", False),
            ("”", -6, "punct", "PUNCT", "”")]
    doc = make(spec)
    (c,) = find_candidates(doc)[0]
    assert c.rule == "direct.split"
    assert [seg_text(doc, s) for s in c.content] == ["“A won,”", "“B lost.”"]
    assert seg_text(doc, c.speaker) == "she"


def flat(words: list[str]) -> Doc:
    """Words without a parse (no verb: only the layout rules can fire); "\\n\\n" breaks a
    paragraph."""
    spaces = [w != "\n\n" and (i + 1 < len(words) and words[i + 1] != "\n\n") for i, w in enumerate(words)]
    pos = ["PROPN" if w[:1].isupper() else "PUNCT" if not w[:1].isalnum() else "NOUN" for w in words]
    return Doc(VOCAB, words=words, spaces=spaces, pos=pos)


@pytest.mark.parametrize("words, speaker, content", [
    (["“", "We", "win", ".", "”", "―", "Carla", "Sanchez"], "Carla Sanchez", "“ We win . ”"),
    # a closing mark glued to the dash; a role after the name
    (["“", "We", "win", ".", "”―", "Carla", "Sanchez", ",", "nurse"], "Carla Sanchez", "“ We win ."),
    (["“", "We", "win", ".", "”", "—", "Edwin", "G.", "Monroy", "."], "Edwin G. Monroy", "“ We win . ”"),
])
def test_quote_rules_signed_quote(words, speaker, content):
    doc = flat(words + ["\n\n", "Next", "paragraph", "."])
    (c,) = find_candidates(doc)[0]
    assert c.rule == "direct.signed"
    assert seg_text(doc, c.speaker) == speaker
    assert [seg_text(doc, s) for s in c.content] == [content]


@pytest.mark.parametrize("words", [
    ["“", "We", "win", ".", "”", "―", "and", "that", "was", "all", "."],  # no name
    ["He", "said", "“", "We", "win", ".", "”", "―", "Carla", "Sanchez"],  # not a quoted paragraph
])
def test_quote_rules_dash_without_signature(words):
    assert [c.rule for c in find_candidates(flat(words))[0]] == []


def test_quote_rules_transcript_turns():
    words = ['"', "WALLACE", ":", "Will", "she", "come", "?", "\n\n",
             '"', "PENCE", ":", "No", ".", "\n\n",
             '"', "She", "will", "not", ".", '"', "\n\n",
             "UPDATE", ":", "More", "later", ".", "\n\n",
             '"', "Follow", "us", "."]
    doc = flat(words)
    cands = find_candidates(doc)[0]
    assert [(c.rule, seg_text(doc, c.speaker), doc[c.cue[0]].text, [seg_text(doc, s) for s in c.content])
            for c in cands] == [
        ("direct.transcript", "WALLACE", ":", ["Will she come ?"]),
        # the next paragraph goes on in the same quotation; it closes the quotation, so the
        # turn ends there; "UPDATE" labels no speaker
        ("direct.transcript", "PENCE", ":", ["No .", "She will not ."]),
    ]


def _tagged(rows: list[tuple]) -> Doc:
    """rows: (word, head offset, dep, pos, lemma, tag)."""
    doc = make([r[:5] for r in rows])
    for t, r in zip(doc, rows):
        t.tag_ = r[5]
    return doc


@pytest.mark.parametrize("rows, cue, sourceless", [
    # "Asked about the vote, Lopez said no.": the asker is unnamed
    ([("Asked", 5, "advcl", "VERB", "ask", "VBN"), ("about", -1, "prep", "ADP", "about", "IN"),
      ("it", -1, "pobj", "PRON", "it", "PRP"), (",", 2, "punct", "PUNCT", ",", ","),
      ("Lopez", 1, "nsubj", "PROPN", "Lopez", "NNP"), ("said", 0, "ROOT", "VERB", "say", "VBD")], 0, True),
    # "Lopez was asked about it." (no agent) / "… asked by Diaz" (the agent asks)
    ([("Lopez", 2, "nsubjpass", "PROPN", "Lopez", "NNP"), ("was", 1, "auxpass", "AUX", "be", "VBD"),
      ("asked", 0, "ROOT", "VERB", "ask", "VBN"), ("about", -1, "prep", "ADP", "about", "IN"),
      ("it", -1, "pobj", "PRON", "it", "PRP")], 2, True),
    ([("Lopez", 2, "nsubjpass", "PROPN", "Lopez", "NNP"), ("was", 1, "auxpass", "AUX", "be", "VBD"),
      ("asked", 0, "ROOT", "VERB", "ask", "VBN"), ("by", -1, "agent", "ADP", "by", "IN"),
      ("Diaz", -1, "pobj", "PROPN", "Diaz", "NNP")], 2, False),
    # "Lopez asked about it.": Lopez asks
    ([("Lopez", 1, "nsubj", "PROPN", "Lopez", "NNP"), ("asked", 0, "ROOT", "VERB", "ask", "VBD"),
      ("about", -1, "prep", "ADP", "about", "IN"), ("it", -1, "pobj", "PRON", "it", "PRP")], 1, False),
    # "She appeared to confuse them.": the writer's reading
    ([("She", 1, "nsubj", "PRON", "she", "PRP"), ("appeared", 0, "ROOT", "VERB", "appear", "VBD"),
      ("to", 1, "aux", "PART", "to", "TO"), ("confuse", -2, "xcomp", "VERB", "confuse", "VB"),
      ("them", -1, "dobj", "PRON", "they", "PRP")], 1, True),
    ([("Lopez", 1, "nsubj", "PROPN", "Lopez", "NNP"), ("said", 0, "ROOT", "VERB", "say", "VBD"),
      ("it", -1, "dobj", "PRON", "it", "PRP")], 1, False),
])
def test_quote_rules_sourceless_cue(rows, cue, sourceless):
    from communique.extract.lexicons import cue_lexicon
    from communique.extract.quote_rules import sourceless_cue

    assert sourceless_cue(_tagged(rows)[cue], cue_lexicon()) is sourceless
