"""CAMEO statement codes (01x) on quotes, only where nothing more specific applies (issue 19)."""

from __future__ import annotations

import datetime as dt

import jsonschema
import pytest

from communique.extract.statements import code_statements, cue_clause
from communique.models import Quote, Span, Statement
from communique.schema import analysis_schema

DAY = dt.date(2024, 1, 2)


def _run(pipeline, text: str):
    analysis = pipeline.analyze(text, published=DAY)
    return analysis, pipeline.nlp(text)


def _one_quote(analysis):
    assert len(analysis.quotes) == 1, analysis.quotes
    return analysis.quotes[0]


@pytest.mark.parametrize("text, code, rule", [
    ("Putin said the talks were useful.", "010", "say.statement"),
    ("Putin said he was optimistic about the talks.", "013", "say.optimism"),
    # an event in the speaker's relative clause is another clause: the statement stands
    ("Putin, who met Erdogan on Monday, said the talks were useful.", "010", "say.statement"),
])
def test_statements_coded_where_no_event_applies(pipeline, text, code, rule):
    analysis, _ = _run(pipeline, text)
    q = _one_quote(analysis)
    assert q.speaker_actor is not None
    assert q.statement is not None
    assert (q.statement.code, q.statement.rule) == (code, rule)
    assert q.statement.label and "no event" in q.statement.reason


@pytest.mark.parametrize("text", [
    "Blinken said the U.S. will impose sanctions on Iran.",   # the event in the content
    "The U.S. will impose sanctions on Iran, Blinken said.",  # the event is the verb the cue hangs on
    "Russia accused Ukraine of shelling the town.",            # ACCUSE coded on the cue itself
])
def test_statements_none_where_an_event_is_in_the_cue_clause(pipeline, text):
    analysis, doc = _run(pipeline, text)
    q = _one_quote(analysis)
    assert analysis.events, "the test needs the event coded"
    clause = cue_clause(doc, q)
    assert any(doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")[0].i in clause
               for e in analysis.events)
    assert q.statement is None


@pytest.mark.parametrize("text", [
    '"I think so," he said.',                          # no actor for the speaker
    "Putin believes the talks will fail.",             # a cognition cue
    '"Will the talks fail?" Putin asked.',             # a question
    "Putin did not say whether the talks were useful.",  # a negated cue
])
def test_statements_none_without_actor_cognition_question_or_negation(pipeline, text):
    analysis, doc = _run(pipeline, text)
    assert analysis.quotes, "the test needs the quote"
    # with no event at all the quote still gets no statement: no blanket fallback
    for q in code_statements(doc, analysis.quotes, ()):
        assert q.statement is None


@pytest.mark.parametrize("text, code, rule", [
    ("Russia denied the report.", "016", "say.deny-resp"),
    ("Russia's foreign ministry denied responsibility for the attack.", "016", "say.deny-resp"),
    ("Russia dismissed the allegations as absurd.", "016", "say.deny-resp"),
])
def test_statements_deny_accusations_is_016_not_a_rejection(pipeline, text, code, rule):
    # CAMEO 016 "discard or deny accusations or charges": a statement, no REJECT event
    analysis, _ = _run(pipeline, text)
    assert not [e for e in analysis.events if e.type == "REJECT"]
    q = _one_quote(analysis)
    assert q.statement is not None
    assert (q.statement.code, q.statement.rule) == (code, rule)


def test_statements_events_elsewhere_do_not_block(pipeline):
    text = "Putin said the talks were useful. Russia later imposed sanctions on Ukraine."
    analysis, doc = _run(pipeline, text)
    assert analysis.events
    coded = [q for q in analysis.quotes if q.statement is not None]
    assert [q.statement.code for q in coded if q.statement] == ["010"]


@pytest.mark.parametrize("statement", [None, Statement("016", "Deny responsibility", "say.deny-resp",
                                                        "no event coded in the cue's clause")])
def test_statements_quote_roundtrip(statement):
    q = Quote(content=(Span(0, 3, "abc"),), kind="indirect", cue=Span(4, 8, "said"), statement=statement)
    d = q.to_dict()
    assert Quote.from_dict(d) == q
    old = {k: v for k, v in d.items() if k != "statement"}  # stored before the field existed
    assert Quote.from_dict(old).statement is None
    schema = {"$defs": analysis_schema()["$defs"], "$ref": "#/$defs/Quote"}
    jsonschema.validate(d, schema)


@pytest.mark.parametrize("bad", [{"code": "120", "label": "Reject", "rule": "x", "reason": "y"},
                                 {"code": "010", "label": "Make statement", "rule": "x"}])
def test_statements_schema_rejects_bad_records(bad):
    d = Quote(content=(Span(0, 3, "abc"),), kind="direct").to_dict()
    d["statement"] = bad
    schema = {"$defs": analysis_schema()["$defs"], "$ref": "#/$defs/Quote"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, schema)


def test_statements_shown_on_the_article_page(pipeline, tmp_path):
    fastapi = pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from communique.config import Settings
    from communique.store import Store
    from communique.web import create_app

    assert fastapi
    analysis = pipeline.analyze("Putin said he was optimistic about the talks.", published=DAY)
    assert analysis.quotes and analysis.quotes[0].statement is not None
    db = str(tmp_path / "s.db")
    store = Store(db)
    try:
        store.add_many([analysis])
    finally:
        store.close()
    with TestClient(create_app(db, Settings(api_key="k", rate_limit=0))) as client:
        page = client.get(f"/articles/{analysis.article.id}", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "CAMEO 013 Make optimistic comment" in page.text
