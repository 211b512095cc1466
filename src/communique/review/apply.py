"""Applying reviews: the reviewed version of an analysis, and re-attachment after a
re-analysis. Pure functions; the machine analysis is never changed.

Per record, the attached reviews are taken in time order: corrections accumulate field by
field (a later value wins), and the last verdict decides whether the record stays (a
``reject`` after a ``correct`` removes it, a ``confirm`` or ``correct`` after a ``reject``
restores it). Final states: ``confirmed``, ``corrected``, ``rejected`` (left out of the
reviewed version), ``added`` (a record the machine missed). An ``add`` whose spans the
machine has found meanwhile takes the machine record's place (that one is ``superseded``).

Re-attachment (:func:`reattach`): a review stays **attached** when the re-analysed article
still has a record with the same key (same spans) and, for the fields the review is about,
the new machine values equal either the reviewed *before* or the corrected *after* values
(a confirm is about all checked fields); otherwise it is **flagged** with the reason, and
flagged reviews are not applied. Additions are anchored to the text alone and always attach.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..models import Analysis, Event, Quote
from .records import EVENT_FIELDS, QUOTE_FIELDS, Review, attached, base_key, flagged, record_keys

QUOTE_STATES = ("confirmed", "corrected", "rejected", "added", "superseded")


@dataclass(frozen=True)
class RecordState:
    """One record of the reviewed version: where it came from and what reviewers said."""

    machine_index: int | None  # position in the machine analysis (None: added)
    status: str | None  # None (not reviewed) | confirmed | corrected | added
    reviews: tuple[str, ...] = ()  # review ids
    key: str = ""


@dataclass(frozen=True)
class Reviewed:
    """The reviewed version of an analysis plus, per record, its state."""

    analysis: Analysis
    quotes: tuple[RecordState, ...]
    events: tuple[RecordState, ...]
    machine_quotes: tuple[str | None, ...]  # per machine quote: None | confirmed | corrected | rejected | superseded
    machine_events: tuple[str | None, ...]

    def states(self, kind: str) -> tuple[RecordState, ...]:
        return self.quotes if kind == "quote" else self.events

    def machine_states(self, kind: str) -> tuple[str | None, ...]:
        return self.machine_quotes if kind == "quote" else self.machine_events


def _fold(records: Sequence[Quote | Event], keys: list[str], reviews: list[Review], kind: str):
    cls = Quote if kind == "quote" else Event
    by_key: dict[str, list[Review]] = {}
    for r in reviews:
        by_key.setdefault(r.key, []).append(r)
    kept: list[tuple[Quote | Event, RecordState]] = []
    machine: list[str | None] = []
    used: set[str] = set()
    adds = [r for r in reviews if r.action == "add"]
    add_for = {}
    for r in adds:  # an addition whose spans the machine found: it replaces the first such record
        k = r.key
        if k in keys and k not in add_for:
            add_for[k] = r
    for rec, key in zip(records, keys):
        rs = [r for r in by_key.get(key, []) if r.action != "add"]
        if key in add_for:
            machine.append("superseded")
            add = add_for[key]
            used.add(add.id)
            d = dict(add.after or {})
            for r in rs:
                if r.created_at > add.created_at and r.action == "correct":
                    d.update(r.after or {})
            kept.append((cls.from_dict(d), RecordState(len(machine) - 1, "added",
                                                       (add.id,) + tuple(r.id for r in rs), key)))
            continue
        if not rs:
            machine.append(None)
            kept.append((rec, RecordState(len(machine) - 1, None, (), key)))
            continue
        d = rec.to_dict()
        corrected = rejected = False
        for r in rs:
            if r.action == "correct":
                d.update(r.after or {})
                corrected, rejected = True, False
            elif r.action == "reject":
                rejected = True
            elif r.action == "confirm":
                rejected = False
        state = "rejected" if rejected else ("corrected" if corrected else "confirmed")
        machine.append(state)
        if not rejected:
            new = cls.from_dict(d) if corrected else rec
            kept.append((new, RecordState(len(machine) - 1, state, tuple(r.id for r in rs), key)))
    for r in sorted((r for r in adds if r.id not in used), key=lambda r: (r.key, r.created_at)):
        later = [x for x in by_key.get(r.key, []) if x.action != "add" and x.created_at > r.created_at]
        d = dict(r.after or {})
        dropped = False
        for x in later:
            if x.action == "correct":
                d.update(x.after or {})
                dropped = False
            elif x.action == "reject":
                dropped = True
            else:
                dropped = False
        if not dropped:
            kept.append((cls.from_dict(d), RecordState(None, "added", (r.id,) + tuple(x.id for x in later),
                                                       r.key)))
    return kept, tuple(machine)


def apply_reviews(analysis: Analysis, reviews: Iterable[Review]) -> Reviewed:
    """The reviewed version of ``analysis`` (attached reviews of this article only)."""
    revs = sorted((r for r in reviews if r.status == "attached" and r.article_id == analysis.id),
                  key=lambda r: (r.created_at, r.id))
    qkept, qmachine = _fold(analysis.quotes, record_keys(analysis, "quote"),
                            [r for r in revs if r.kind == "quote"], "quote")
    ekept, emachine = _fold(analysis.events, record_keys(analysis, "event"),
                            [r for r in revs if r.kind == "event"], "event")
    # events point at the quote they were reported in: follow the quotes to their new places
    new_pos = {st.machine_index: i for i, (_, st) in enumerate(qkept) if st.machine_index is not None}
    events = []
    for ev, st in ekept:
        if ev.quote is not None and st.status != "added":
            ev = replace(ev, quote=new_pos.get(ev.quote))
        events.append(ev)
    reviewed = replace(analysis, quotes=tuple(q for q, _ in qkept), events=tuple(events),
                        meta={**analysis.meta, "reviewed": bool(revs)})
    return Reviewed(reviewed, tuple(st for _, st in qkept), tuple(st for _, st in ekept),
                    qmachine, emachine)


# --- re-attachment ------------------------------------------------------------------------

def _checked(field: str, value: Any) -> Any:
    """The part of a field value that must match: spans for speakers and parties."""
    if value is None:
        return None
    if field in ("speaker", "actor", "recipient") and isinstance(value, dict):
        return (value.get("start"), value.get("end"))
    if field == "location" and isinstance(value, dict):
        return (value.get("name"), value.get("country"))
    return value


def check(review: Review, analysis: Analysis) -> str | None:
    """Why ``review`` does not fit ``analysis`` (None: it fits)."""
    if review.article_id != analysis.id:
        return "another article"
    if review.action == "add":
        return None
    keys = record_keys(analysis, review.kind)
    if review.key not in keys:
        return f"no {review.kind} with the same spans after re-analysis"
    rec = (analysis.quotes if review.kind == "quote" else analysis.events)[keys.index(review.key)]
    new = rec.to_dict()
    before = review.before or {}
    fields: tuple[str, ...] = QUOTE_FIELDS if review.kind == "quote" else EVENT_FIELDS
    if review.action == "correct":
        fields = tuple(f for f in fields if f in (review.after or {}))
    elif review.action == "reject":
        fields = ()
    for f in fields:
        now = _checked(f, new.get(f))
        if now == _checked(f, before.get(f)):
            continue
        if review.action == "correct" and now == _checked(f, (review.after or {}).get(f)):
            continue
        return f"{f} changed after re-analysis: {_show(before.get(f))} -> {_show(new.get(f))}"
    return None


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return repr(value.get("text") or value.get("name") or value)
    return repr(value)


def reattach(analysis: Analysis, reviews: Iterable[Review]) -> list[Review]:
    """Every review of the article, attached or flagged against a (re-)analysis."""
    out = []
    for r in reviews:
        why = check(r, analysis)
        out.append(attached(r) if why is None else flagged(r, why))
    return out


def key_of(analysis: Analysis, kind: str, index: int) -> str:
    return record_keys(analysis, kind)[index]


__all__ = ["Reviewed", "RecordState", "apply_reviews", "reattach", "check", "base_key", "key_of"]
