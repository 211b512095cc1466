"""Typed rows returned by store queries: a record plus where it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..models import Event, Quote


def _story(row: QuoteRow | EventRow) -> dict[str, Any]:
    return {"story_id": row.story_id, "story_articles": row.story_articles,
            "story_sources": row.story_sources}


@dataclass(frozen=True, slots=True)
class QuoteRow:
    article_id: str
    index: int  # position in the article's quotes
    quote: Quote
    speaker_name: str | None  # canonical actor name, or the speaker text
    title: str | None
    published: dt.date | None
    review: str | None = None  # None (not reviewed), confirmed, corrected, added (communique.review)
    # the story cluster of the record's article (ingest/dedup.py): how many articles and
    # distinct sources report it, so fifty copies of one wire story count as one story
    story_id: str | None = None
    story_articles: int = 1
    story_sources: int = 1

    @property
    def text(self) -> str:
        return " … ".join(c.text for c in self.quote.content)

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "index": self.index, "speaker_name": self.speaker_name,
                "title": self.title,
                "published": self.published.isoformat() if self.published else None,
                "review": self.review, **_story(self), **self.quote.to_dict()}


@dataclass(frozen=True, slots=True)
class EventRow:
    article_id: str
    index: int  # position in the article's events
    event: Event
    actor_names: tuple[str, ...]
    recipient_names: tuple[str, ...]
    sentence: str
    title: str | None
    published: dt.date | None
    review: str | None = None  # None (not reviewed), confirmed, corrected, added (communique.review)
    story_id: str | None = None  # story cluster of the article (see QuoteRow)
    story_articles: int = 1
    story_sources: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "index": self.index,
                "actor_names": list(self.actor_names), "recipient_names": list(self.recipient_names),
                "sentence_text": self.sentence, "title": self.title,
                "published": self.published.isoformat() if self.published else None,
                "review": self.review, **_story(self), **self.event.to_dict()}


@dataclass(frozen=True, slots=True)
class ActorRow:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    articles: int  # number of articles that mention the actor
    mentions: int  # mentions over all articles
    article_ids: tuple[str, ...] = ()
    # from the actor registry (store/registry.py) when it knows the actor: spelling
    # variants and roles with dates (RoleRecord.to_dict: role, code, start, end, ...)
    aliases: tuple[str, ...] = ()
    roles: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
                "sector": self.sector, "articles": self.articles, "mentions": self.mentions,
                "article_ids": list(self.article_ids), "aliases": list(self.aliases),
                "roles": [dict(r) for r in self.roles]}
