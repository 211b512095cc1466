"""Places: toponyms in the text, geocoded offline.

Minimal version: GPE/LOC/FAC entities that are not acting as actors, unresolved.
(Deepened by the when-and-where work: gazetteer, disambiguation, event locations.)
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..models import Location, Place
from .actors import ActorTable
from .context import ExtractionContext


@dataclass(frozen=True)
class PlaceTable:
    places: tuple[Place, ...]

    @classmethod
    def empty(cls) -> PlaceTable:
        return cls(())

    def location_for(self, token: Token) -> Location | None:
        """Where the event named by ``token`` happened ("talks in Geneva")."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "at"):
                for obj in child.children:
                    for p in self.places:
                        if p.start <= obj.idx < p.end:
                            return p.location
        return None


def extract_places(doc: Doc, ctx: ExtractionContext, actors: ActorTable) -> PlaceTable:
    places = []
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC") and ent.root.dep_ not in ("nsubj", "nsubjpass"):
            places.append(Place(ent.start_char, ent.end_char, ent.text, name=ent.text))
    return PlaceTable(tuple(places))
