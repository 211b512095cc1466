"""Review records, the reviewed version, re-attachment and the agreement report (pure)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from communique.analysis.synthetic import make_analysis
from communique.errors import InputError
from communique.models import Span
from communique.review import (
    Review,
    apply_reviews,
    make_addition,
    make_confirm,
    make_correction,
    make_reject,
    parse_key,
    reattach,
    record_keys,
)
from communique.review.agreement import agreement

DAY = dt.date(2022, 1, 21)


@pytest.fixture()
def analysis():
    return make_analysis(DAY, [("RUS", "ACCUSE", "UKR"), ("USA", "SANCTION", "RUS")],
                         quote="We will respond firmly", speaker_iso="UKR")


def _t(n: int) -> str:
    return f"2024-01-01T00:00:{n:02d}+00:00"


def test_review_records_keys_are_spans_and_parse(analysis):
    ekeys = record_keys(analysis, "event")
    qkeys = record_keys(analysis, "quote")
    t = analysis.events[0].trigger
    assert ekeys[0] == f"e:{analysis.id}:{t.start}-{t.end}"
    c = analysis.quotes[0].content[0]
    assert qkeys == [f"q:{analysis.id}:{c.start}-{c.end}"]
    assert parse_key(ekeys[1]) == ("event", analysis.id)
    with pytest.raises(InputError):
        parse_key("x:1:2")


def test_review_records_repeated_spans_get_ordinals(analysis):
    dup = dataclasses.replace(analysis, quotes=analysis.quotes * 2)
    keys = record_keys(dup, "quote")
    assert keys[1] == keys[0] + "#1"


@pytest.mark.parametrize("changes,field,value", [
    ({"type": "assault"}, "type", "ASSAULT"),
    ({"modality": "negated"}, "modality", "negated"),
    ({"date": "2022-01-20"}, "date", "2022-01-20"),
    ({"mode": "cyber"}, "mode", "cyber"),
])
def test_review_records_correct_event_fields(analysis, changes, field, value):
    key = record_keys(analysis, "event")[0]
    r = make_correction(analysis, key, "alice", changes, created_at=_t(1))
    assert r.before == analysis.events[0].to_dict() and r.author == "alice"
    out = apply_reviews(analysis, [r])
    assert out.analysis.events[0].to_dict()[field] == value
    assert out.events[0].status == "corrected" and out.machine_events[0] == "corrected"
    if field == "type":
        assert out.analysis.events[0].quad_class == 4
    assert analysis.events[0].type == "ACCUSE"  # the machine analysis is untouched


def test_review_records_correct_speaker_and_parties(analysis):
    usa = next(a for a in analysis.actors if a.country == "USA")
    qkey = record_keys(analysis, "quote")[0]
    ekey = record_keys(analysis, "event")[0]
    rq = make_correction(analysis, qkey, "alice", {"speaker_actor": usa.id}, created_at=_t(1))
    re_ = make_correction(analysis, ekey, "alice", {"recipient": usa.id}, created_at=_t(2))
    out = apply_reviews(analysis, [rq, re_]).analysis
    assert out.quotes[0].speaker_actor == usa.id
    assert out.quotes[0].speaker.text == analysis.text[out.quotes[0].speaker.start:out.quotes[0].speaker.end]
    assert out.events[0].recipient.actors == (usa.id,) and out.events[0].recipient.country == "USA"


def test_review_records_reject_confirm_and_order(analysis):
    k = record_keys(analysis, "event")[1]
    rej = make_reject(analysis, k, "bob", created_at=_t(1))
    out = apply_reviews(analysis, [rej])
    assert len(out.analysis.events) == 1 and out.machine_events == (None, "rejected")
    back = make_confirm(analysis, k, "carol", created_at=_t(2))
    out = apply_reviews(analysis, [rej, back])
    assert len(out.analysis.events) == 2 and out.machine_events[1] == "confirmed"


def test_review_records_add_missed_records(analysis):
    text = analysis.text
    s = text.index("Russia")
    r = make_addition(analysis, "event", "alice", (s, s + 6), {"type": "THREATEN"}, created_at=_t(1))
    q = make_addition(analysis, "quote", "alice", (0, 10), created_at=_t(2))
    out = apply_reviews(analysis, [r, q])
    assert len(out.analysis.events) == 3 and out.events[-1].status == "added"
    assert out.analysis.events[-1].rule == "review.add" and out.analysis.events[-1].trigger == Span.of(text, s, s + 6)
    assert len(out.analysis.quotes) == 2 and out.quotes[-1].machine_index is None
    with pytest.raises(InputError):
        make_addition(analysis, "event", "alice", (s, s + 6), {})


def test_review_records_roundtrip_dict(analysis):
    r = make_correction(analysis, record_keys(analysis, "event")[0], "alice", {"type": "AID"},
                        comment="aid, not accusation")
    assert Review.from_dict(r.to_dict()) == r


@pytest.mark.parametrize("bad", [{"type": "BOMB"}, {"date": "21/01/2022"}, {"colour": "red"}])
def test_review_records_bad_corrections_are_input_errors(analysis, bad):
    with pytest.raises(InputError):
        make_correction(analysis, record_keys(analysis, "event")[0], "alice", bad)


def test_review_records_reattach_attached_or_flagged(analysis):
    ek = record_keys(analysis, "event")
    qk = record_keys(analysis, "quote")[0]
    reviews = [make_confirm(analysis, ek[0], "a", created_at=_t(1)),
               make_correction(analysis, ek[1], "a", {"type": "ASSAULT"}, created_at=_t(2)),
               make_reject(analysis, qk, "a", created_at=_t(3)),
               make_addition(analysis, "quote", "a", (0, 5), created_at=_t(4))]
    # same output: everything attached
    assert [r.status for r in reattach(analysis, reviews)] == ["attached"] * 4
    # a newer model: event 0 has another type, event 1 is gone, the quote is unchanged
    e0 = dataclasses.replace(analysis.events[0], type="REJECT")
    newer = dataclasses.replace(analysis, events=(e0,))
    out = reattach(newer, reviews)
    assert [r.status for r in out] == ["flagged", "flagged", "attached", "attached"]
    assert "type changed" in out[0].note and "no event" in out[1].note
    # a newer model that now agrees with the correction keeps it attached
    e1 = dataclasses.replace(analysis.events[1], type="ASSAULT", quad_class=4)
    assert reattach(dataclasses.replace(analysis, events=(analysis.events[0], e1)), reviews)[1].status == "attached"
    # flagged reviews are not applied
    applied = apply_reviews(newer, out)
    assert applied.analysis.events[0].type == "REJECT"


def test_review_records_agreement_per_kind_and_rule(analysis):
    ek = record_keys(analysis, "event")
    qk = record_keys(analysis, "quote")[0]
    reviews = [make_confirm(analysis, ek[0], "a", created_at=_t(1)),
               make_confirm(analysis, ek[0], "b", created_at=_t(2)),
               make_correction(analysis, ek[1], "a", {"type": "ASSAULT"}, created_at=_t(3)),
               make_reject(analysis, ek[1], "b", created_at=_t(4)),
               make_reject(analysis, qk, "a", created_at=_t(5)),
               make_addition(analysis, "event", "a", (0, 5), {"type": "AID"}, created_at=_t(6))]
    rep = agreement(reviews)
    ev = rep["by_kind"]["event"]
    assert (ev["reviewed"], ev["confirmed"], ev["rejected"], ev["missed"]) == (2, 1, 1, 1)
    assert ev["precision"] == 0.5 and ev["corrected_fields"] == {"type": 1}
    assert rep["by_kind"]["quote"]["precision"] == 0.0
    assert rep["by_rule"]["event/synthetic.svo"]["reviewed"] == 2
    assert rep["author_agreement"] == {"records": 2, "agree": 1, "rate": 0.5}
