"""Actors: who takes part, from named entities, with in-document resolution.

Minimal version: named entities become actors; later surname mentions join the person
introduced earlier. (Deepened by the actors-and-events work: kb, roles, coref.)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..models import Actor, Party, Span
from .context import ExtractionContext

_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


def actor_id(kind: str, name: str) -> str:
    """Stable id of an actor from its kind and canonical name."""
    return hashlib.sha1(f"{kind}:{name.lower()}".encode()).hexdigest()[:12]


@dataclass(frozen=True)
class ActorTable:
    """The actors of one document and a map from token index to actor id."""

    actors: tuple[Actor, ...] = ()
    by_token: dict[int, str] = field(default_factory=dict)

    def actor_for_token(self, i: int) -> str | None:
        return self.by_token.get(i)

    def actor_at(self, doc: Doc, start: int, end: int) -> str | None:
        """The actor a character span refers to (its last resolved token wins)."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        for tok in reversed(span):
            if tok.i in self.by_token:
                return self.by_token[tok.i]
        return None

    def get(self, actor_id_: str | None) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id_:
                return a
        return None

    def party(self, doc: Doc, start: int, end: int) -> Party | None:
        aid = self.actor_at(doc, start, end)
        if aid is None:
            return None
        a = self.get(aid)
        return Party((aid,), doc.text[start:end], start, end,
                     a.country if a else None, a.sector if a else None)


def extract_actors(doc: Doc, ctx: ExtractionContext) -> ActorTable:
    names: dict[str, tuple[str, str]] = {}  # id -> (kind, name)
    mentions: dict[str, list[Span]] = {}
    by_token: dict[int, str] = {}
    surnames: dict[str, str] = {}
    for ent in doc.ents:
        kind = _KIND.get(ent.label_)
        if kind is None:
            continue
        name = ent.text.strip()
        if kind == "person" and " " not in name and name in surnames:
            aid = surnames[name]
        else:
            aid = actor_id(kind, name)
            names.setdefault(aid, (kind, name))
            if kind == "person":
                surnames[name.split()[-1]] = aid
        mentions.setdefault(aid, []).append(Span.of(doc.text, ent.start_char, ent.end_char))
        for tok in ent:
            by_token[tok.i] = aid
    actors = tuple(
        Actor(id=aid, name=name, kind=kind, mentions=tuple(mentions[aid]))
        for aid, (kind, name) in names.items()
    )
    return ActorTable(actors, by_token)
