"""Which date governs an event word: hand-built parses, then the seed article."""

from __future__ import annotations

import datetime as dt

import pytest
from _when_where_docs import make_doc

from communique.extract.context import ExtractionContext
from communique.extract.time import extract_dates
from communique.ingest.article import make_article
from communique.models import Article

FRI = dt.date(2022, 1, 21)


def _table(doc, published=FRI):
    art = Article(id="t", text=doc.text, published=published)
    return extract_dates(doc, ExtractionContext(art))


VOWED = make_doc([
    ("Blinken", "PROPN", "NNP", "nsubj", 1, "Blinken"),
    ("vowed", "VERB", "VBD", "ROOT", 1, "vow"),
    ("Thursday", "PROPN", "NNP", "npadvmod", 1, "Thursday"),
    ("that", "SCONJ", "IN", "mark", 6, "that"),
    ("Russia", "PROPN", "NNP", "nsubj", 6, "Russia"),
    ("would", "AUX", "MD", "aux", 6, "would"),
    ("pay", "VERB", "VB", "ccomp", 1, "pay"),
    (".", "PUNCT", ".", "punct", 1, ".", False),
], ["O", "O", "B-DATE", "O", "B-GPE", "O", "O", "O"])

ON_THURSDAY = make_doc([
    ("On", "ADP", "IN", "prep", 4, "on"),
    ("Thursday", "PROPN", "NNP", "pobj", 0, "Thursday", False),
    (",", "PUNCT", ",", "punct", 4, ","),
    ("Zakharova", "PROPN", "NNP", "nsubj", 4, "Zakharova"),
    ("alleged", "VERB", "VBD", "ROOT", 4, "allege"),
    ("a", "DET", "DT", "det", 6, "a"),
    ("plot", "NOUN", "NN", "dobj", 4, "plot", False),
    (".", "PUNCT", ".", "punct", 4, ".", False),
], ["O", "B-DATE", "O", "B-PERSON", "O", "O", "O", "O"])

WILL_MEET = make_doc([
    ("They", "PRON", "PRP", "nsubj", 2, "they"),
    ("will", "AUX", "MD", "aux", 2, "will"),
    ("meet", "VERB", "VB", "ROOT", 2, "meet"),
    ("on", "ADP", "IN", "prep", 2, "on"),
    ("Monday", "PROPN", "NNP", "pobj", 3, "Monday", False),
    (".", "PUNCT", ".", "punct", 2, ".", False),
], ["O", "O", "O", "O", "B-DATE", "O"])

MET = make_doc([
    ("They", "PRON", "PRP", "nsubj", 1, "they"),
    ("met", "VERB", "VBD", "ROOT", 1, "meet"),
    ("on", "ADP", "IN", "prep", 1, "on"),
    ("Monday", "PROPN", "NNP", "pobj", 2, "Monday", False),
    (".", "PUNCT", ".", "punct", 1, ".", False),
], ["O", "O", "O", "B-DATE", "O"])

NO_DATE = make_doc([
    ("Lavrov", "PROPN", "NNP", "nsubj", 1, "Lavrov"),
    ("said", "VERB", "VBD", "ROOT", 1, "say"),
    ("he", "PRON", "PRP", "nsubj", 3, "he"),
    ("hoped", "VERB", "VBD", "ccomp", 1, "hope", False),
    (".", "PUNCT", ".", "punct", 1, ".", False),
])

THURSDAYS_MEETING = make_doc([
    ("Thursday", "PROPN", "NNP", "poss", 2, "Thursday"),
    ("'s", "PART", "POS", "case", 0, "'s"),
    ("meeting", "NOUN", "NN", "nsubj", 3, "meeting"),
    ("ended", "VERB", "VBD", "ROOT", 3, "end", False),
    (".", "PUNCT", ".", "punct", 3, ".", False),
], ["B-DATE", "O", "O", "O", "O"])


@pytest.mark.parametrize("doc,word,expected", [
    (VOWED, "vowed", (dt.date(2022, 1, 20), "day")),
    (VOWED, "pay", (dt.date(2022, 1, 20), "day")),          # the head verb's date
    (ON_THURSDAY, "alleged", (dt.date(2022, 1, 20), "day")),
    (ON_THURSDAY, "plot", (dt.date(2022, 1, 20), "day")),
    (WILL_MEET, "meet", (dt.date(2022, 1, 24), "day")),      # future clause: the next Monday
    (MET, "met", (dt.date(2022, 1, 17), "day")),             # past clause: the last Monday
    (NO_DATE, "said", (FRI, "publication")),
    (NO_DATE, "hoped", (FRI, "publication")),
    (THURSDAYS_MEETING, "ended", (dt.date(2022, 1, 20), "day")),
])
def test_time_governance_date_for(doc, word, expected):
    tok = next(t for t in doc if t.text == word)
    assert _table(doc).date_for(tok) == expected


def test_time_governance_no_publication_date_gives_none():
    table = _table(MET, published=None)
    tok = next(t for t in MET if t.text == "met")
    assert table.date_for(tok) == (None, "publication")
    assert [r.value for r in table.refs] == [None]


def test_time_governance_refs_carry_offsets():
    table = _table(ON_THURSDAY)
    (ref,) = table.refs
    assert ON_THURSDAY.text[ref.start:ref.end] == ref.text == "Thursday"


@pytest.mark.model
@pytest.mark.parametrize("word,occurrence,expected", [
    ("began", 0, dt.date(2022, 1, 21)),     # "began their talks Friday"
    ("vowed", 0, dt.date(2022, 1, 20)),     # "Blinken vowed Thursday"
    ("made", 0, dt.date(2022, 1, 19)),      # "At his news conference Wednesday, ... Biden made"
    ("alleged", 0, dt.date(2022, 1, 20)),   # "On Thursday, ... Zakharova alleged"
])
def test_time_governance_seed_article(nlp, seed_text, word, occurrence, expected):
    doc = nlp(seed_text)
    table = extract_dates(doc, ExtractionContext(make_article(seed_text, published=FRI)))
    tok = [t for t in doc if t.text == word][occurrence]
    assert table.date_for(tok) == (expected, "day")


@pytest.mark.model
def test_time_governance_seed_expressions(nlp, seed_text):
    doc = nlp(seed_text)
    table = extract_dates(doc, ExtractionContext(make_article(seed_text, published=FRI)))
    got = {(r.text, r.value, r.precision) for r in table.refs}
    assert ("Wednesday", dt.date(2022, 1, 19), "day") in got
    assert ("recent days", dt.date(2022, 1, 17), "week") in got
    for r in table.refs:
        assert seed_text[r.start:r.end] == r.text
