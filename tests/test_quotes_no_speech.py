"""Sentences that report no speech give no quote: stance verbs with a bare noun-phrase
object ("Russia welcomed the deal"), headlines, reported events, speech acts without
content. tests/fixtures/no_speech.jsonl; the allowed number of quotes is 0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.config import Settings
from communique.extract.quote_propositions import bare_object_cues, carries_proposition
from communique.pipeline import Pipeline

ROWS = [json.loads(line) for line in
        (Path(__file__).parent / "fixtures" / "no_speech.jsonl").read_text(encoding="utf-8").splitlines()]
ALLOWED_QUOTES = 0


def test_quotes_no_speech_fixture_size():
    assert len(ROWS) >= 100
    assert len({r["text"] for r in ROWS}) == len(ROWS)


@pytest.fixture(scope="module")
def fast_pipeline():
    return Pipeline(Settings(quote_model=False, events=False))


@pytest.fixture(scope="module")
def best_pipeline():
    return Pipeline(Settings(quote_model=True, events=False))


@pytest.mark.parametrize("row", ROWS, ids=[r["text"][:40] for r in ROWS])
def test_quotes_no_speech_sentence_gives_no_quote(row, fast_pipeline, best_pipeline):
    for pipe in (fast_pipeline, best_pipeline):
        quotes = pipe.analyze(row["text"]).quotes
        assert len(quotes) == ALLOWED_QUOTES, [(q.rule, [c.text for c in q.content]) for q in quotes]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia welcomed the deal, saying it would bring peace.", "it would bring peace"),
    ("Starmer backed Reeves, saying her plan was sound.", "her plan was sound"),
    ('The minister praised the "extraordinary courage" of the firefighters.', None),
])
def test_quotes_bare_object_keeps_propositions(best_pipeline, text, expected):
    quotes = best_pipeline.analyze(text).quotes
    assert quotes
    if expected is not None:
        assert [c.text for c in quotes[0].content] == [expected]


@pytest.mark.parametrize(("text", "verb", "carries"), [
    ("Russia welcomed the deal.", "welcomed", False),
    ("Russia welcomed news that the troops would leave.", "welcomed", True),
    ("She backed Reeves.", "backed", False),
    ("She praised whether it worked.", "praised", True),
])
def test_quote_propositions_carries_proposition(nlp, text, verb, carries):
    doc = nlp(text)
    head = next(t for t in doc if t.text == verb)
    segs = [(head.i + 1, len(doc) - 2)]
    assert head.lemma_ in bare_object_cues()
    assert carries_proposition(doc, segs) is carries
