"""Review records: an analyst's verdict on one quote or event, addressed by a stable key.

A record is addressed by its **record key**, derived from its spans so that a later
re-analysis can find it again: ``q:<article>:<content start-end>[+<start-end>...]`` for a
quote and ``e:<article>:<trigger start-end>`` for an event, with ``#n`` appended for the
n-th further record with the same spans. A :class:`Review` keeps its author (the API key
name), its time, the machine record *before* and the change *after*:

- ``confirm`` / ``reject``: ``after`` is empty;
- ``correct``: ``after`` maps the changed fields to their new JSON values (resolved here:
  a corrected speaker carries its span and actor id, a corrected event type its quad class);
- ``add``: ``after`` is the whole new record (``Quote.to_dict`` / ``Event.to_dict``).

The ``make_*`` functions build reviews against an :class:`~communique.models.Analysis`;
they never change it (see :mod:`communique.review.apply`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import InputError
from ..models import Analysis, Event, Extent, Location, Party, Quote, Span
from ..ontology import plover_type, plover_types

KINDS = ("quote", "event")
ACTIONS = ("confirm", "reject", "correct", "add")
STATUSES = ("attached", "flagged")

# fields an analyst can correct (JSON names of Quote/Event.to_dict); the *checked* ones
# decide whether a review still fits a re-analysed record
QUOTE_FIELDS = ("speaker", "speaker_actor", "kind", "date")
EVENT_FIELDS = ("type", "mode", "actor", "recipient", "date", "location", "modality")
DERIVED_FIELDS = ("quad_class", "cameo", "goldstein", "intensity", "date_precision")
REVIEW_RULE = "review.add"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Review:
    article_id: str
    kind: str  # quote | event
    key: str  # record key (see module docstring)
    action: str  # confirm | reject | correct | add
    author: str
    created_at: str = field(default_factory=_now)
    before: dict[str, Any] | None = None  # the machine record reviewed (to_dict); None for add
    after: dict[str, Any] | None = None  # correct: changed fields; add: the new record
    comment: str | None = None
    rule: str | None = None  # rule of the machine record (agreement per rule)
    status: str = "attached"  # attached | flagged (after a re-analysis)
    note: str | None = None  # why it was flagged
    id: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise InputError(f"record kind must be quote or event, not {self.kind!r}")
        if self.action not in ACTIONS:
            raise InputError(f"review action must be one of {', '.join(ACTIONS)}, not {self.action!r}")
        if not self.author:
            raise InputError("a review needs an author")
        if not self.id:
            object.__setattr__(self, "id", review_id(self))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "article_id": self.article_id, "kind": self.kind, "key": self.key,
                "action": self.action, "author": self.author, "created_at": self.created_at,
                "before": self.before, "after": self.after, "comment": self.comment,
                "rule": self.rule, "status": self.status, "note": self.note}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Review:
        return cls(article_id=d["article_id"], kind=d["kind"], key=d["key"], action=d["action"],
                   author=d["author"], created_at=d.get("created_at") or _now(),
                   before=d.get("before"), after=d.get("after"), comment=d.get("comment"),
                   rule=d.get("rule"), status=d.get("status") or "attached", note=d.get("note"),
                   id=d.get("id") or "")


def review_id(r: Review) -> str:
    payload = json.dumps([r.article_id, r.key, r.action, r.author, r.created_at, r.after, r.comment],
                         sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


# --- record keys -----------------------------------------------------------------------

def base_key(kind: str, article_id: str, record: Quote | Event) -> str:
    if kind == "quote":
        spans = "+".join(f"{c.start}-{c.end}" for c in record.content)  # type: ignore[union-attr]
        return f"q:{article_id}:{spans}"
    t = record.trigger  # type: ignore[union-attr]
    return f"e:{article_id}:{t.start}-{t.end}"


def record_keys(analysis: Analysis, kind: str) -> list[str]:
    """The keys of the article's quotes or events, in order (``#n`` for repeated spans)."""
    seen: dict[str, int] = {}
    out = []
    for rec in records_of(analysis, kind):
        k = base_key(kind, analysis.id, rec)
        n = seen.get(k, 0)
        seen[k] = n + 1
        out.append(k if n == 0 else f"{k}#{n}")
    return out


def records_of(analysis: Analysis, kind: str) -> tuple:
    return analysis.quotes if kind == "quote" else analysis.events


_KEY = re.compile(r"^([qe]):([^:]+):(\d+-\d+(?:\+\d+-\d+)*)(?:#\d+)?$")


def parse_key(key: str) -> tuple[str, str]:
    """``(kind, article id)`` of a record key; InputError when it is not one."""
    m = _KEY.match(key or "")
    if not m:
        raise InputError(f"not a record key: {key!r} (q:<article>:<start-end> or e:<article>:<start-end>)")
    return ("quote" if m.group(1) == "q" else "event"), m.group(2)


def parse_span(value: str | None, error: type[Exception] = InputError) -> tuple[int, int] | None:
    """``START-END`` as ``(start, end)`` (``None`` when empty); ``error`` (the exception of
    the caller's surface: CLI or web) when it is not one."""
    if not value:
        return None
    try:
        a, b = value.split("-", 1)
        return int(a), int(b)
    except ValueError:
        raise error(f"a span is START-END, not {value!r}") from None


def find_record(analysis: Analysis, key: str) -> tuple[int, Quote | Event]:
    kind, _ = parse_key(key)
    keys = record_keys(analysis, kind)
    if key not in keys:
        raise InputError(f"no {kind} {key!r} in article {analysis.id}", key=key)
    i = keys.index(key)
    return i, records_of(analysis, kind)[i]


# --- resolving what the analyst chose -----------------------------------------------------

Offsets = tuple[int, int]


def _check_span(analysis: Analysis, span: Offsets, what: str) -> Offsets:
    s, e = int(span[0]), int(span[1])
    if not 0 <= s < e <= len(analysis.text):
        raise InputError(f"{what} offsets {s}-{e} are outside the article text (0-{len(analysis.text)})")
    return s, e


def actor_at(analysis: Analysis, span: Offsets) -> str | None:
    """The article actor with the mention overlapping ``span`` most."""
    best, best_overlap = None, 0
    for a in analysis.actors:
        for m in a.mentions:
            ov = min(m.end, span[1]) - max(m.start, span[0])
            if ov > best_overlap:
                best, best_overlap = a.id, ov
    return best


def mention_near(analysis: Analysis, actor_id: str, pos: int) -> Span:
    actor = analysis.actor(actor_id)
    if actor is None:
        raise InputError(f"no actor {actor_id!r} in article {analysis.id}", actor=actor_id)
    if not actor.mentions:
        raise InputError(f"actor {actor_id!r} has no mention in article {analysis.id}")
    return min(actor.mentions, key=lambda m: (abs(m.start - pos), m.start))


def speaker_of(analysis: Analysis, *, actor: str | None = None, span: Offsets | None = None,
               near: int = 0) -> tuple[Span, str | None]:
    if span is not None:
        s, e = _check_span(analysis, span, "speaker")
        return Span.of(analysis.text, s, e), actor or actor_at(analysis, (s, e))
    if actor:
        return mention_near(analysis, actor, near), actor
    raise InputError("a speaker needs an actor id or a text span")


def party_of(analysis: Analysis, *, actor: str | None = None, span: Offsets | None = None,
             near: int = 0) -> Party:
    if span is not None:
        s, e = _check_span(analysis, span, "party")
        ids = tuple(dict.fromkeys(a.id for a in analysis.actors for m in a.mentions
                                  if m.start < e and m.end > s))
        if actor:
            ids = (actor,) + tuple(i for i in ids if i != actor)
        text = analysis.text[s:e]
    elif actor:
        m = mention_near(analysis, actor, near)
        ids, s, e, text = (actor,), m.start, m.end, m.text
    else:
        raise InputError("an actor or recipient needs an actor id or a text span")
    first = analysis.actor(ids[0]) if ids else None
    return Party(actors=ids, text=text, start=s, end=e, country=first.country if first else None,
                 sector=first.sector if first else None)


def location_of(analysis: Analysis, *, place: int | None = None, name: str | None = None,
                country: str | None = None) -> Location:
    if place is not None:
        if not 0 <= place < len(analysis.places):
            raise InputError(f"no place #{place} in article {analysis.id}")
        return analysis.places[place].location
    if name:
        return Location(name=name, country=country.upper() if country else None)
    raise InputError("a place needs a place index or a name")


def _date_value(value: str | dt.date | None) -> str | None:
    if value in (None, ""):
        return None
    try:
        return (value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))).isoformat()
    except ValueError as exc:
        raise InputError(f"date must be YYYY-MM-DD, not {value!r}") from exc


def event_type_fields(event_type: str) -> dict[str, Any]:
    t = event_type.strip().upper()
    ptype = plover_type(t)  # the ontology registry (data/ontology/plover.yaml)
    if ptype is None:
        raise InputError(f"unknown PLOVER event type {event_type!r}", known=", ".join(plover_types()))
    # the CAMEO code and Goldstein value belonged to the old type: cleared, not guessed
    return {"type": t, "quad_class": ptype.quad_class, "cameo": None, "goldstein": None,
            "intensity": None}


# --- building reviews -------------------------------------------------------------------

def _review(analysis: Analysis, key: str, action: str, author: str, *, after=None, comment=None,
            created_at: str | None = None) -> Review:
    kind, aid = parse_key(key)
    if aid != analysis.id:
        raise InputError(f"record {key!r} is not in article {analysis.id}")
    _, rec = find_record(analysis, key)
    return Review(article_id=analysis.id, kind=kind, key=key, action=action, author=author,
                  created_at=created_at or _now(), before=rec.to_dict(), after=after,
                  comment=comment or None, rule=rec.rule or None)


def make_confirm(analysis: Analysis, key: str, author: str, comment: str | None = None,
                 created_at: str | None = None) -> Review:
    return _review(analysis, key, "confirm", author, comment=comment, created_at=created_at)


def make_reject(analysis: Analysis, key: str, author: str, comment: str | None = None,
                created_at: str | None = None) -> Review:
    return _review(analysis, key, "reject", author, comment=comment, created_at=created_at)


def resolve_changes(analysis: Analysis, kind: str, record: Quote | Event | None,
                    changes: dict[str, Any]) -> dict[str, Any]:
    """The JSON field values of an analyst's changes.

    Quotes: ``speaker_actor`` (actor id), ``speaker_span`` ((start, end)), ``kind``, ``date``.
    Events: ``type``, ``mode``, ``modality``, ``actor`` / ``recipient`` (actor id),
    ``actor_span`` / ``recipient_span``, ``date``, ``place`` (index into the article's
    places) or ``place_name`` (+ ``place_country``). ``None`` values are ignored; an empty
    string clears a field.
    """
    changes = {k: v for k, v in changes.items() if v is not None}
    near = record.start if isinstance(record, Quote) else (record.trigger.start if record else 0)
    out: dict[str, Any] = {}
    if kind == "quote":
        unknown = set(changes) - {"speaker_actor", "speaker_span", "kind", "date"}
        if unknown:
            raise InputError(f"cannot correct {', '.join(sorted(unknown))} of a quote")
        if "speaker_actor" in changes or "speaker_span" in changes:
            if changes.get("speaker_actor") == "" and not changes.get("speaker_span"):
                out["speaker"], out["speaker_actor"] = None, None
            else:
                sp, actor = speaker_of(analysis, actor=changes.get("speaker_actor") or None,
                                       span=changes.get("speaker_span"), near=near)
                out["speaker"], out["speaker_actor"] = sp.to_dict(), actor
        if "kind" in changes:
            if changes["kind"] not in ("direct", "indirect", "mixed"):
                raise InputError("quote kind must be direct, indirect or mixed")
            out["kind"] = changes["kind"]
        if "date" in changes:
            out["date"] = _date_value(changes["date"])
        return out
    unknown = set(changes) - {"type", "mode", "modality", "actor", "recipient", "actor_span",
                              "recipient_span", "date", "place", "place_name", "place_country"}
    if unknown:
        raise InputError(f"cannot correct {', '.join(sorted(unknown))} of an event")
    if changes.get("type"):
        out.update(event_type_fields(changes["type"]))
    if "mode" in changes:
        out["mode"] = changes["mode"] or None
    if "modality" in changes:
        from ..models import MODALITIES

        if changes["modality"] not in MODALITIES:
            raise InputError(f"modality must be one of {', '.join(MODALITIES)}")
        out["modality"] = changes["modality"]
    for side in ("actor", "recipient"):
        if side in changes or f"{side}_span" in changes:
            if changes.get(side) == "" and not changes.get(f"{side}_span"):
                out[side] = None
            else:
                out[side] = party_of(analysis, actor=changes.get(side) or None,
                                     span=changes.get(f"{side}_span"), near=near).to_dict()
    if "date" in changes:
        out["date"] = _date_value(changes["date"])
        out["date_precision"] = "day" if out["date"] else "publication"
    if "place" in changes and changes["place"] != "":
        out["location"] = location_of(analysis, place=int(changes["place"])).to_dict()
    elif changes.get("place_name") is not None:
        out["location"] = (location_of(analysis, name=changes["place_name"],
                                       country=changes.get("place_country")).to_dict()
                           if changes["place_name"] else None)
    return out


def make_correction(analysis: Analysis, key: str, author: str, changes: dict[str, Any],
                    comment: str | None = None, created_at: str | None = None) -> Review:
    kind, _ = parse_key(key)
    _, rec = find_record(analysis, key)
    after = resolve_changes(analysis, kind, rec, changes)
    if not after:
        raise InputError("a correction needs at least one changed field")
    return _review(analysis, key, "correct", author, after=after, comment=comment,
                   created_at=created_at)


def _sentence_of(text: str, start: int, end: int) -> Extent:
    a = max(text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0,
            text.rfind("\n", 0, start) + 1)
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    b = min(ends) + 1 if ends else len(text)
    return Extent(a, min(b, len(text)))


def make_addition(analysis: Analysis, kind: str, author: str, span: Offsets,
                  changes: dict[str, Any] | None = None, comment: str | None = None,
                  created_at: str | None = None) -> Review:
    """A record the machine missed: a quote whose content is ``span`` or an event whose
    trigger is ``span`` (``changes`` as :func:`resolve_changes`; events need ``type``)."""
    s, e = _check_span(analysis, span, "content" if kind == "quote" else "trigger")
    changes = dict(changes or {})
    text = analysis.text
    if kind == "quote":
        content = Span.of(text, s, e)
        marks = any(ch in content.text for ch in '"“”')
        rec: Quote | Event = Quote(content=(content,), kind=changes.pop("kind", None)
                                   or ("direct" if marks else "indirect"),
                                   date=analysis.article.published, confidence=1.0, rule=REVIEW_RULE)
    elif kind == "event":
        etype = changes.pop("type", None)
        if not etype:
            raise InputError("an added event needs a type")
        tf = event_type_fields(etype)
        rec = Event(type=tf["type"], quad_class=tf["quad_class"], trigger=Span.of(text, s, e),
                    sentence=_sentence_of(text, s, e), confidence=1.0, rule=REVIEW_RULE)
    else:
        raise InputError(f"record kind must be quote or event, not {kind!r}")
    d = rec.to_dict()
    d.update(resolve_changes(analysis, kind, rec, changes))
    key = base_key(kind, analysis.id, Quote.from_dict(d) if kind == "quote" else Event.from_dict(d))
    return Review(article_id=analysis.id, kind=kind, key=key, action="add", author=author,
                  created_at=created_at or _now(), after=d, comment=comment or None,
                  rule=REVIEW_RULE)


def flagged(review: Review, note: str) -> Review:
    return replace(review, status="flagged", note=note)


def attached(review: Review) -> Review:
    return replace(review, status="attached", note=None)
