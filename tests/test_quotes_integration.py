"""Quote extraction with the real spaCy model on small sentences, and the seed golden."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import FIXTURES

pytestmark = pytest.mark.model


def quotes_of(pipeline, text):
    a = pipeline.analyze(text, published=dt.date(2022, 1, 21))
    return a, a.quotes


@pytest.mark.parametrize("text, speaker, kind, content_start", [
    ("Lavrov said he hoped the United States was bringing concrete answers.", "Lavrov", "indirect", "he hoped"),
    ("“They may have tragic consequences,” Zakharova said.", "Zakharova", "direct", "“They"),
    ("Blinken said, “We’re at a decisive juncture.”", "Blinken", "direct", "“We’re"),
    ('"We will win," he said, "and they will lose."', "he", "direct", '"We will win,"'),
    ("The program is failing, according to a report by the agency.", "a report by the agency",
     "indirect", "The program"),
    ("Smith alleged that the claims were a “cover for provocations” by the West.", "Smith", "mixed",
     "that the claims"),
])
def test_quotes_integration_sentence(pipeline, text, speaker, kind, content_start):
    _a, quotes = quotes_of(pipeline, text)
    assert quotes, text
    q = quotes[0]
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.kind == kind
    assert q.content[0].text.startswith(content_start)
    assert q.rule and 0 < q.confidence <= 1
    for s in (q.speaker, q.cue, *q.content):
        assert text[s.start:s.end] == s.text


def test_quotes_integration_unbalanced_marks_do_not_raise(pipeline):
    text = 'He said "this never closes.\n\nShe said ” stray and “ another, then “ more.'
    _a, quotes = quotes_of(pipeline, text)
    assert isinstance(quotes, tuple)


def test_quotes_integration_multi_paragraph(pipeline):
    text = ('The minister said: “We will not give up.\n\n'
            '“We will keep working until the end. Nobody should doubt it.”\n\nThe talks ended.')
    _a, quotes = quotes_of(pipeline, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert direct
    assert len(direct[0].content) == 2
    assert direct[0].content[-1].text.endswith("doubt it.”")


def test_quotes_integration_medium_twitter(pipeline):
    text = "Zelenskiy, who said on Twitter, “We want to remind the great powers of this.”"
    _a, quotes = quotes_of(pipeline, text)
    assert quotes[0].medium == "Twitter"


# --- seed article ---------------------------------------------------------------------

GOLDEN = json.loads((FIXTURES / "seed_quotes.golden.json").read_text(encoding="utf-8"))


def _rows(analysis):
    return [(q.kind, q.speaker.to_dict() if q.speaker else None, q.cue.to_dict() if q.cue else None,
             [c.to_dict() for c in q.content]) for q in analysis.quotes]


def test_quotes_seed_golden_spans(seed_analysis):
    expected = [(g["kind"], g["speaker"], g["cue"], g["content"]) for g in GOLDEN["quotes"]]
    assert _rows(seed_analysis) == expected


# (speaker surface text, speaker actor name, kind, content begins with, medium, date or None)
ACCEPTANCE = [
    ("Lavrov", "Sergey Lavrov", "indirect", "he hoped the United States was bringing concrete answers", None, None),
    ("Blinken", "Antony Blinken", "indirect", "the U.S. is committed to the path of diplomacy", None, None),
    ("Blinken", "Antony Blinken", "mixed", "that the United States and its allies would inflict “swift and massive”",
     None, "2022-01-20"),
    ("Blinken", "Antony Blinken", "mixed", "the U.S. has been “very clear throughout”", None, None),
    ("Blinken", "Antony Blinken", "mixed", "Putin has a choice between “dialogue and diplomacy on the one hand",
     None, None),
    ("Blinken", "Antony Blinken", "direct", "“We’re at a decisive juncture,”", None, None),
    ("White House press secretary Jen Psaki", "Jen Psaki", "mixed", "Biden “knows from long experience",
     None, None),
    ("who", "Volodymyr Zelenskiy", "direct", "“We want to remind the great powers", "Twitter", None),
    ("Biden", "Joe Biden", "direct", "“I’m not so sure he [is] certain", None, None),
    ("The U.S. leader", "Joe Biden", "mixed", "he does not believe Putin wants a “full-blown war”",
     None, None),
    ("Russia", "Russia", "indirect", "it has intentions of invading Ukraine", None, None),
    ("Russian Foreign Ministry spokesperson Maria Zakharova", "Maria Zakharova", "mixed",
     "that Ukrainian and Western claims of an imminent Russian attack on Ukraine were a “cover for staging",
     None, None),
    ("Zakharova", "Maria Zakharova", "direct", "“They may have extremely tragic consequences", None, None),
    ("She", "Maria Zakharova", "indirect", "Britain delivering weapons to Ukraine", None, None),
    ("She", "Maria Zakharova", "mixed", "that Ukraine perceives Western military assistance as a “carte blanche",
     None, None),
]


def _find(analysis, speaker, kind, start):
    for q in analysis.quotes:
        if q.speaker and q.speaker.text == speaker and q.kind == kind and q.content[0].text.startswith(start):
            return q
    return None


@pytest.mark.parametrize("speaker, actor, kind, start, medium, date", ACCEPTANCE,
                         ids=[f"{a[0][:20]}:{a[3][:25]}" for a in ACCEPTANCE])
def test_quotes_seed_acceptance_span_and_kind(seed_analysis, speaker, actor, kind, start, medium, date):
    q = _find(seed_analysis, speaker, kind, start)
    assert q is not None, f"no {kind} quote by {speaker!r} starting {start!r}"
    if medium:
        assert q.medium == medium
    if date:
        assert q.date == dt.date.fromisoformat(date)


@pytest.mark.parametrize("speaker, actor, kind, start, medium, date", ACCEPTANCE,
                         ids=[f"{a[0][:20]}:{a[3][:25]}" for a in ACCEPTANCE])
def test_quotes_seed_acceptance_speaker_actor(seed_analysis, speaker, actor, kind, start, medium, date):
    q = _find(seed_analysis, speaker, kind, start)
    assert q is not None
    found = seed_analysis.actor(q.speaker_actor)
    assert found is not None and found.name == actor


def test_quotes_seed_zelenskiy_three_sentences(seed_analysis):
    q = _find(seed_analysis, "who", "direct", "“We want")
    assert q.content[-1].text.endswith("I say this as the president of a great power.”")


def test_quotes_seed_each_side_yields_both(seed_analysis):
    names = {seed_analysis.actor(q.speaker_actor).name for q in seed_analysis.quotes
             if q.speaker and q.speaker.text == "each side" and q.speaker_actor}
    assert {"Antony Blinken", "Sergey Lavrov"} <= names
