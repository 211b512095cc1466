"""Typed, frozen records: the one data model of communique.

Every record that points into an article does so with character offsets
(Python ``str`` indices) into ``Article.text``. Each record has one
``to_dict``/``from_dict`` pair and the round trip is lossless:
``Analysis.from_dict(a.to_dict()) == a``.

Dates are :class:`datetime.date` in memory and ``"YYYY-MM-DD"`` in JSON.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Literal

ActorKind = Literal["person", "organization", "country", "group"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Modality = Literal["asserted", "negated", "hypothetical", "future", "denied", "demanded", "alleged"]
Precision = Literal["day", "week", "month", "year", "publication"]

ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "country", "group")
QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
MODALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "future", "denied", "demanded",
                               "alleged")
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "publication")


def _date_to_str(value: _dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date_from_str(value: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if value else None


@dataclass(frozen=True, slots=True)
class Span:
    """A contiguous stretch of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(start=int(d["start"]), end=int(d["end"]), text=d["text"])

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``."""
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Extent:
    """Offsets without text (a sentence of an event)."""

    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Extent:
        return cls(start=int(d["start"]), end=int(d["end"]))


# A mention of an actor is a span of text; the alias keeps the contract's name.
Mention = Span


@dataclass(frozen=True, slots=True)
class Actor:
    """A participant: person, organisation, country or group, with all its mentions."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    roles: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "roles": list(self.roles),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            id=d["id"],
            name=d["name"],
            kind=d["kind"],
            country=d.get("country"),
            sector=d.get("sector"),
            roles=tuple(d.get("roles") or ()),
            mentions=tuple(Span.from_dict(m) for m in d.get("mentions") or ()),
        )


@dataclass(frozen=True, slots=True)
class Member:
    """One member of a multi-party side ("*Armenia* and *Azerbaijan*"): its own actor,
    country and sector, and the span that names it."""

    actor: str | None
    text: str
    start: int
    end: int
    country: str | None = None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "text": self.text, "start": self.start, "end": self.end,
                "country": self.country, "sector": self.sector}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Member:
        return cls(actor=d.get("actor"), text=d["text"], start=int(d["start"]), end=int(d["end"]),
                   country=d.get("country"), sector=d.get("sector"))


@dataclass(frozen=True, slots=True)
class Party:
    """One side of an event: one or more actors named by one stretch of text. A side of
    several actors lists each in ``members`` (``country`` is then the one they share, or
    None)."""

    actors: tuple[str, ...]
    text: str
    start: int
    end: int
    country: str | None = None
    sector: str | None = None
    members: tuple[Member, ...] = ()

    def sides(self) -> tuple[Party, ...]:
        """One single-member Party per member (the party itself when it has no members):
        what dyadic outputs pair up, one row per member pair."""
        if not self.members:
            return (self,)
        return tuple(Party((m.actor,) if m.actor else (), m.text, m.start, m.end, m.country, m.sector)
                     for m in self.members)

    def to_dict(self) -> dict[str, Any]:
        return {
            "actors": list(self.actors),
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "country": self.country,
            "sector": self.sector,
            "members": [m.to_dict() for m in self.members],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Party:
        return cls(
            actors=tuple(d.get("actors") or ()),
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            country=d.get("country"),
            sector=d.get("sector"),
            members=tuple(Member.from_dict(m) for m in d.get("members") or ()),
        )


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened (a geocoded place, without offsets)."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Location:
        return cls(
            name=d["name"],
            country=d.get("country"),
            lat=d.get("lat"),
            lon=d.get("lon"),
            geonameid=d.get("geonameid"),
        )


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym in the text and the place it was resolved to."""

    start: int
    end: int
    text: str
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    region: str | None = None  # part of the place: "east" for "eastern Ukraine"
    role: str | None = None  # "dateline": the place the story was filed from ("PARIS, March 3 -")

    @property
    def location(self) -> Location:
        return Location(self.name, self.country, self.lat, self.lon, self.geonameid)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "region": self.region,
            "role": self.role,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(
            start=int(d["start"]),
            end=int(d["end"]),
            text=d["text"],
            name=d["name"],
            country=d.get("country"),
            admin1=d.get("admin1"),
            lat=d.get("lat"),
            lon=d.get("lon"),
            geonameid=d.get("geonameid"),
            region=d.get("region"),
            role=d.get("role"),
        )


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A temporal expression and the calendar date it resolves to."""

    start: int
    end: int
    text: str
    value: _dt.date | None
    precision: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": _date_to_str(self.value),
            "precision": self.precision,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeRef:
        return cls(
            start=int(d["start"]),
            end=int(d["end"]),
            text=d["text"],
            value=_date_from_str(d.get("value")),
            precision=d["precision"],
        )


@dataclass(frozen=True, slots=True)
class Statement:
    """A quote's CAMEO statement code (01x), set only where no more specific event applies.

    ``rule`` is the pattern id that fired (or ``statement.say`` for a plain speech verb);
    ``reason`` says why the quote is coded as a bare statement.
    """

    code: str
    label: str
    rule: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "label": self.label, "rule": self.rule, "reason": self.reason}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Statement:
        return cls(code=str(d["code"]), label=d.get("label", ""), rule=d.get("rule", ""),
                   reason=d.get("reason", ""))


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: speaker, cue and content spans, explained by a rule."""

    content: tuple[Span, ...]
    kind: str
    speaker: Span | None = None
    speaker_actor: str | None = None
    cue: Span | None = None
    medium: str | None = None
    date: _dt.date | None = None
    confidence: float = 0.5
    rule: str = ""
    parent: int | None = None  # index (in the same analysis) of the quote whose content holds this one
    statement: Statement | None = None  # CAMEO 01x, only where no event in the cue's clause applies

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_actor": self.speaker_actor,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": [c.to_dict() for c in self.content],
            "kind": self.kind,
            "medium": self.medium,
            "date": _date_to_str(self.date),
            "confidence": self.confidence,
            "rule": self.rule,
            "parent": self.parent,
            "statement": self.statement.to_dict() if self.statement else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            speaker=Span.from_dict(d["speaker"]) if d.get("speaker") else None,
            speaker_actor=d.get("speaker_actor"),
            cue=Span.from_dict(d["cue"]) if d.get("cue") else None,
            content=tuple(Span.from_dict(c) for c in d.get("content") or ()),
            kind=d["kind"],
            medium=d.get("medium"),
            date=_date_from_str(d.get("date")),
            confidence=float(d.get("confidence", 0.5)),
            rule=d.get("rule", ""),
            parent=d.get("parent"),
            statement=Statement.from_dict(d["statement"]) if d.get("statement") else None,
        )

    @property
    def start(self) -> int:
        return min(c.start for c in self.content) if self.content else 0

    @property
    def end(self) -> int:
        return max(c.end for c in self.content) if self.content else 0


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom: a PLOVER/CAMEO-coded event with its evidence."""

    type: str
    trigger: Span
    sentence: Extent
    quad_class: int
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    cameo: str | None = None
    goldstein: float | None = None
    intensity: float | None = None
    actor: Party | None = None
    recipient: Party | None = None
    date: _dt.date | None = None
    date_precision: str = "publication"
    location: Location | None = None
    modality: str = "asserted"
    quote: int | None = None
    confidence: float = 0.5
    rule: str = ""
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "intensity": self.intensity,
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.to_dict(),
            "date": _date_to_str(self.date),
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "modality": self.modality,
            "quote": self.quote,
            "confidence": self.confidence,
            "rule": self.rule,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            type=d["type"],
            mode=d.get("mode"),
            contexts=tuple(d.get("contexts") or ()),
            cameo=d.get("cameo"),
            quad_class=int(d["quad_class"]),
            goldstein=d.get("goldstein"),
            intensity=d.get("intensity"),
            actor=Party.from_dict(d["actor"]) if d.get("actor") else None,
            recipient=Party.from_dict(d["recipient"]) if d.get("recipient") else None,
            trigger=Span.from_dict(d["trigger"]),
            sentence=Extent.from_dict(d["sentence"]),
            date=_date_from_str(d.get("date")),
            date_precision=d.get("date_precision", "publication"),
            location=Location.from_dict(d["location"]) if d.get("location") else None,
            modality=d.get("modality", "asserted"),
            quote=d.get("quote"),
            confidence=float(d.get("confidence", 0.5)),
            rule=d.get("rule", ""),
            mentions=tuple(Span.from_dict(m) for m in d.get("mentions") or ()),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """A news article: the exact text analysed plus its metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: _dt.date | None = None
    language: str = "en"
    author: str | None = None
    story_id: str | None = None  # story cluster (ingest/dedup.py); serialised only when set

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published": _date_to_str(self.published),
            "language": self.language,
            "author": self.author,
        }
        if self.story_id is not None:
            d["story_id"] = self.story_id
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=d["id"],
            text=d["text"],
            title=d.get("title"),
            url=d.get("url"),
            source=d.get("source"),
            published=_date_from_str(d.get("published")),
            language=d.get("language") or "en",
            author=d.get("author"),
            story_id=d.get("story_id"),
        )


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything extracted from one article. Serialises to the output contract."""

    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[TimeRef, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text

    def actor(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def to_dict(self) -> dict[str, Any]:
        d = self.article.to_dict()
        d["actors"] = [a.to_dict() for a in self.actors]
        d["quotes"] = [q.to_dict() for q in self.quotes]
        d["events"] = [e.to_dict() for e in self.events]
        d["places"] = [p.to_dict() for p in self.places]
        d["dates"] = [t.to_dict() for t in self.dates]
        if self.meta:
            d["meta"] = dict(self.meta)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        return cls(
            article=Article.from_dict(d),
            actors=tuple(Actor.from_dict(a) for a in d.get("actors") or ()),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes") or ()),
            events=tuple(Event.from_dict(e) for e in d.get("events") or ()),
            places=tuple(Place.from_dict(p) for p in d.get("places") or ()),
            dates=tuple(TimeRef.from_dict(t) for t in d.get("dates") or ()),
            meta=dict(d.get("meta") or {}),
        )
