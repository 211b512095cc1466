"""Dyad facts: one row per (event, source key, target key), the unit every aggregate counts.

An event with parties ``actor`` and ``recipient`` is indexed under every *key* of each
side: each actor id in the party, plus the party's ISO 3166 alpha-3 country code. So a
dyad can be asked for by actor ids (``"3f2a..."``) or by countries (``"USA"``, ``"RUS"``)
with the same code. Actor ids are 12 lower-case hex digits and countries 3 upper-case
letters, so the two kinds of key never collide.

A fact is dated by the event's own date when the extractor resolved one, else by the
article's publication date; facts with neither are left out of time series.

*Story-cluster counting*: several articles often report the same event. Facts that share
(story, type, source key, target key, date) are one **incident**; counts and sums are over
incidents, not articles. The story is the article's story-cluster id when one exists
(``Article.story_id`` / ``story``), else the article id, so without clustering each
article counts once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..models import Analysis, Article, Event, Party

CONFLICT_QUADS = (3, 4)
COOPERATION_QUADS = (1, 2)
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


def event_id(article_id: str, index: int) -> str:
    """Stable public id of an event: the article id and its position in the article."""
    return f"{article_id}:e{index}"


def quote_id(article_id: str, index: int) -> str:
    return f"{article_id}:q{index}"


def parse_record_id(value: str) -> tuple[str, str, int]:
    """``"abc:e3"`` -> ``("abc", "e", 3)``; raises ValueError on anything else."""
    article, _, rest = value.rpartition(":")
    if not article or len(rest) < 2 or rest[0] not in "eq" or not rest[1:].isdigit():
        raise ValueError(f"not a record id: {value!r}")
    return article, rest[0], int(rest[1:])


def story_of(article: Article) -> str:
    """The story-cluster id of an article, or its own id when it has none."""
    for name in ("story_id", "story"):
        value = getattr(article, name, None)
        if value:
            return str(value)
    return article.id


def party_keys(party: Party | None) -> tuple[str, ...]:
    """The keys a party is indexed under: its actor ids and its country code, and each
    member's country ("Armenia and Azerbaijan": ARM and AZE), so a multi-party side gives
    one fact per member pair."""
    if party is None:
        return ()
    keys = list(dict.fromkeys(party.actors))
    for country in (party.country, *(m.country for m in party.members)):
        if country and country not in keys:
            keys.append(country)
    return tuple(keys)


def conflict_score(quad_class: int | None, goldstein: float | None, intensity: float | None) -> float:
    """How much conflict one incident carries (>= 0).

    Conflict events (quad classes 3 and 4) score ``-goldstein`` when the Goldstein value
    is negative, else ``-intensity`` when the PLOVER intensity is negative, else 1 (verbal)
    or 2 (material); cooperation events score 0.
    """
    if quad_class not in CONFLICT_QUADS:
        return 0.0
    for value in (goldstein, intensity):
        if value is not None and value < 0:
            return float(-value)
    return 1.0 if quad_class == 3 else 2.0


@dataclass(frozen=True, slots=True)
class DyadFact:
    """One event seen from one (source key, target key) pair."""

    article_id: str
    index: int
    story: str
    day: dt.date | None
    source: str
    target: str
    type: str
    quad_class: int
    goldstein: float | None = None
    intensity: float | None = None
    modality: str = "asserted"
    confidence: float = 0.5
    quote: int | None = None

    @property
    def event_id(self) -> str:
        return event_id(self.article_id, self.index)

    @property
    def incident_key(self) -> tuple[Any, ...]:
        return (self.story, self.type, self.source, self.target, self.day)

    @property
    def conflict(self) -> float:
        return conflict_score(self.quad_class, self.goldstein, self.intensity)

    def to_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "article_id": self.article_id, "index": self.index,
                "story": self.story, "day": self.day.isoformat() if self.day else None,
                "source": self.source, "target": self.target, "type": self.type,
                "quad_class": self.quad_class, "goldstein": self.goldstein,
                "intensity": self.intensity, "modality": self.modality,
                "confidence": self.confidence, "quote": self.quote}


def event_day(event: Event, article: Article) -> dt.date | None:
    return event.date or article.published


def facts_of_event(article: Article, index: int, event: Event, story: str | None = None) -> Iterator[DyadFact]:
    """The facts of one event: one per (source key, target key); none when a side is missing."""
    story = story or story_of(article)
    day = event_day(event, article)
    for s in party_keys(event.actor):
        for t in party_keys(event.recipient):
            if s == t:
                continue
            yield DyadFact(article.id, index, story, day, s, t, event.type, event.quad_class,
                           event.goldstein, event.intensity, event.modality, event.confidence,
                           event.quote)


def facts_of(analyses: Iterable[Analysis]) -> list[DyadFact]:
    """All dyad facts of some analyses (the in-memory twin of the store's dyad index)."""
    out: list[DyadFact] = []
    for a in analyses:
        story = story_of(a.article)
        for i, e in enumerate(a.events):
            out.extend(facts_of_event(a.article, i, e, story))
    return out


def matches(fact: DyadFact, a: str, b: str | None, directed: bool) -> bool:
    """Whether ``fact`` belongs to the dyad ``a -> b`` (either way when not ``directed``).

    ``b=None`` means "``a`` with anyone".
    """
    if b is None:
        return fact.source == a or (not directed and fact.target == a)
    if fact.source == a and fact.target == b:
        return True
    return not directed and fact.source == b and fact.target == a
