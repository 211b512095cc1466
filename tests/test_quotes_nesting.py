"""Quotes inside quotes: the embedded quotation is a quote of its own, with its own speaker,
linked to the quote that holds it (``parent``)."""

from __future__ import annotations

import pytest

from communique.config import Settings
from communique.models import Quote
from communique.pipeline import Pipeline

COSTED = "fully costed and fiscally responsible"


@pytest.fixture(scope="module", params=["best", "fast"])
def pipe(request):
    return Pipeline(Settings(quote_profile=request.param, events=False))


@pytest.mark.parametrize(("text", "outer_speaker", "inner_speaker"), [
    (f"\"Rachel Reeves's plan was '{COSTED}', but it was nothing of the sort,\" Jeremy Hunt said.",
     "Jeremy Hunt", "Rachel Reeves"),
    (f"\"The chancellor told us her plan was '{COSTED}', but the numbers do not add up,\" Hunt said.",
     "Hunt", "The chancellor"),
    (f'Jeremy Hunt said the plan, which was "{COSTED}" as Rachel Reeves put it, would raise taxes.',
     "Jeremy Hunt", "Rachel Reeves"),
])
def test_quotes_nesting_embedded_quote_has_its_own_speaker(pipe, text, outer_speaker, inner_speaker):
    quotes = pipe.analyze(text).quotes
    inner = [q for q in quotes if q.parent is not None]
    assert len(inner) == 1
    (q,) = inner
    assert q.rule == "direct.embedded" and q.kind == "direct"
    assert q.speaker is not None and q.speaker.text == inner_speaker
    assert COSTED in q.content[0].text
    outer = quotes[q.parent]
    assert outer.parent is None and outer.speaker is not None and outer.speaker.text == outer_speaker
    assert outer.content[0].start <= q.content[0].start and q.content[0].end <= outer.content[-1].end


@pytest.mark.parametrize("text", [
    "\"We are at a 'decisive juncture',\" Blinken said.",  # the speaker's own emphasis
    'The U.S. leader said he does not believe Putin wants a "full-blown war".',  # a thought, not words
    "\"My plan was 'fully costed',\" Reeves said.",  # the speaker quoting herself
    'Hunt said the plan was "a disaster".',
])
def test_quotes_nesting_no_embedded_quote_without_another_speaker(pipe, text):
    quotes = pipe.analyze(text).quotes
    assert quotes
    assert [q for q in quotes if q.parent is not None] == []


@pytest.mark.parametrize("parent", [None, 0, 3])
def test_quotes_nesting_parent_round_trips(parent):
    from communique.models import Span

    text = "Hunt said 'no'."
    q = Quote(content=(Span.of(text, 10, 14),), kind="direct", parent=parent, rule="direct.embedded")
    assert q.to_dict()["parent"] == parent
    assert Quote.from_dict(q.to_dict()) == q
