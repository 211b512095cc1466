"""Evaluate toponym resolution on the project's own labelled set (``communique eval places``).

The set (``tests/fixtures/places_eval.jsonl``) holds sentences written for communique,
each with one toponym and its gold answer: a GeoNames id (cities, countries, US states,
continents), else a country (ISO3; other subdivisions and curated regions), else a
name (seas and world regions); or ``place: false`` for a metonym acting as an actor
("Moscow said"), which must not come out as a place.

Scores (end to end: the spaCy entity recogniser must find the toponym):

- places: the place covering the toponym has the gold geonameid / country / name;
- metonyms: no place covers the toponym;
- overall: both together; ``missed`` counts toponyms the NER did not return.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .report import first_overlapping, load_jsonl, phrase_span, register_set_command

DEFAULT_SET = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "places_eval.jsonl"


@dataclass
class PlaceScores:
    n_places: int = 0
    places_ok: int = 0
    missed: int = 0
    n_metonyms: int = 0
    metonyms_ok: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.places_ok / self.n_places if self.n_places else 0.0

    @property
    def metonym_accuracy(self) -> float:
        return self.metonyms_ok / self.n_metonyms if self.n_metonyms else 0.0

    @property
    def overall(self) -> float:
        n = self.n_places + self.n_metonyms
        return (self.places_ok + self.metonyms_ok) / n if n else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"places": self.n_places, "places_correct": self.places_ok,
                "accuracy": round(self.accuracy, 4), "missed_by_ner": self.missed,
                "metonyms": self.n_metonyms, "metonyms_correct": self.metonyms_ok,
                "metonym_accuracy": round(self.metonym_accuracy, 4),
                "overall": round(self.overall, 4), "errors": self.errors}


def load_items(path: str | Path | None = None) -> list[dict[str, Any]]:
    return load_jsonl(path, DEFAULT_SET)


def is_correct(item: dict[str, Any], place) -> bool:
    """Does ``place`` (a models.Place or None) answer ``item``?"""
    if not item["place"]:
        return place is None
    if place is None:
        return False
    if item.get("geonameid") is not None:
        return place.geonameid == item["geonameid"]
    if item.get("country") is not None:
        return place.country == item["country"]
    return place.name == item.get("name")


def evaluate(items: Iterable[dict[str, Any]], nlp=None, settings=None) -> PlaceScores:
    from ..config import Settings
    from ..extract.actors import extract_actors
    from ..extract.context import ExtractionContext
    from ..extract.places import extract_places
    from ..ingest.article import make_article
    from ..nlp import build_pipeline

    settings = settings or Settings()
    nlp = nlp or build_pipeline(settings)
    scores = PlaceScores()
    items = list(items)
    for it, doc in zip(items, nlp.pipe([it["text"] for it in items])):
        ctx = ExtractionContext(make_article(it["text"]), settings)
        table = extract_places(doc, ctx, extract_actors(doc, ctx))
        start, end = phrase_span(it["text"], it["toponym"])
        place = first_overlapping(table.places, start, end)
        ok = is_correct(it, place)
        if it["place"]:
            scores.n_places += 1
            scores.places_ok += ok
            if place is None and not any(e.start_char < end and start < e.end_char
                                         for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")):
                scores.missed += 1
        else:
            scores.n_metonyms += 1
            scores.metonyms_ok += ok
        if not ok:
            scores.errors.append({
                "id": it["id"], "text": it["text"], "toponym": it["toponym"],
                "expected": it.get("geonameid") or it.get("country") or it.get("name") or "not a place",
                "got": None if place is None else {"name": place.name, "country": place.country,
                                                   "geonameid": place.geonameid},
                "entities": [(e.text, e.label_) for e in doc.ents]})
    return scores


def register(app) -> None:
    register_set_command(
        app, "places",
        summary="Score toponym resolution (geonameid / country) and metonym rejection.",
        default_set=DEFAULT_SET,
        score=lambda path: evaluate(load_items(path)),
        rows=lambda res: [
            ("places: geonameid / country", res.n_places, res.places_ok, res.accuracy),
            ("metonyms kept out of places", res.n_metonyms, res.metonyms_ok, res.metonym_accuracy),
            ("overall", res.n_places + res.n_metonyms, res.places_ok + res.metonyms_ok, res.overall),
        ],
        notes=lambda res: [f"toponyms the entity recogniser missed: {res.missed}"],
        error_line=lambda e: (f"[red]{e['id']}[/red] {e['toponym']!r} in {e['text']!r}: expected "
                              f"{e['expected']} got {e['got']}  ents={e['entities']}"),
    )
