"""Lossless JSON round trip for every record of the output contract."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from communique.models import Actor, Analysis, Article, Event, Extent, Location, Party, Place, Quote, Span, TimeRef

TEXT = "Lavrov said on Friday that Russia would not attack Ukraine. NATO met in Brussels."

# values for fields a sample does not set, by annotation (covers fields added later)
_BY_ANNOTATION = {
    "str": "x", "str | None": "y", "int": 3, "int | None": 7, "float": 0.75, "float | None": -1.5,
    "bool": True, "tuple[str, ...]": ("a", "b"), "_dt.date | None": dt.date(2022, 1, 20),
    "dt.date | None": dt.date(2022, 1, 20),
}


def filled(cls, **given):
    """An instance of ``cls`` with every field set to a non-default value where possible."""
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in given:
            values[f.name] = given[f.name]
        elif str(f.type) in _BY_ANNOTATION:
            values[f.name] = _BY_ANNOTATION[str(f.type)]
    return cls(**values)


def span(start: int, end: int) -> Span:
    return Span.of(TEXT, start, end)


SPEAKER = span(0, 6)
ACTOR = filled(Actor, id="a1", name="Sergey Lavrov", kind="person", country="RUS", sector="GOV",
               roles=("foreign minister",), mentions=(SPEAKER,))
PARTY = filled(Party, actors=("a1", "a2"), text="Lavrov", start=0, end=6, country="RUS", sector="GOV")
LOCATION = filled(Location, name="Brussels", country="BEL", lat=50.85, lon=4.35, geonameid=2800866)
PLACE = filled(Place, start=73, end=81, text="Brussels", name="Brussels", country="BEL", admin1="Brussels",
               lat=50.85, lon=4.35, geonameid=2800866)
TIMEREF = filled(TimeRef, start=15, end=21, text="Friday", value=dt.date(2022, 1, 21), precision="day")
QUOTE = filled(Quote, content=(span(27, 58),), kind="indirect", speaker=SPEAKER, speaker_actor="a1",
               cue=span(7, 11), medium="statement", date=dt.date(2022, 1, 21), confidence=0.9,
               rule="test.rule")
EVENT = filled(Event, type="ASSAULT", trigger=span(51, 57), sentence=Extent(0, 59), quad_class=4,
               mode="aerial", contexts=("military",), cameo="190", goldstein=-10.0, intensity=-9.0,
               actor=PARTY, recipient=filled(Party, actors=("a3",), text="Ukraine", start=58, end=65),
               date=dt.date(2022, 1, 21), date_precision="day", location=LOCATION, modality="negated",
               quote=0, confidence=0.8, rule="test.event", mentions=(span(51, 57),))
ARTICLE = filled(Article, id="abc", text=TEXT, title="T", url="https://example.org/a", source="Example",
                 published=dt.date(2022, 1, 21), language="en", author="A. Writer")
ANALYSIS = Analysis(article=ARTICLE, actors=(ACTOR,), quotes=(QUOTE,), events=(EVENT,),
                    places=(PLACE,), dates=(TIMEREF,), meta={"model": "en_core_web_sm"})

RECORDS = [SPEAKER, Extent(0, 59), ACTOR, PARTY, LOCATION, PLACE, TIMEREF, QUOTE, EVENT, ARTICLE, ANALYSIS]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_models_roundtrip_dict_is_lossless(record):
    assert type(record).from_dict(record.to_dict()) == record


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_models_roundtrip_json_is_lossless(record):
    text = json.dumps(record.to_dict(), ensure_ascii=False)
    again = type(record).from_dict(json.loads(text))
    assert again == record
    assert json.dumps(again.to_dict(), ensure_ascii=False) == text


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_models_roundtrip_serialises_every_field(record):
    d = record.to_dict()
    names = {f.name for f in dataclasses.fields(record)}
    if isinstance(record, Analysis):  # the article's fields are flattened into the analysis
        names = (names - {"article"}) | {f.name for f in dataclasses.fields(Article)}
    assert names <= set(d), f"{type(record).__name__}.to_dict misses {sorted(names - set(d))}"


def test_models_roundtrip_keeps_analysis_meta():
    assert Analysis.from_dict(ANALYSIS.to_dict()).meta == ANALYSIS.meta


def test_models_roundtrip_empty_optional_fields():
    bare = Analysis(article=Article(id="x", text="Nothing happened."))
    d = bare.to_dict()
    assert d["published"] is None and d["quotes"] == [] and "meta" not in d
    assert Analysis.from_dict(d) == bare


def test_models_roundtrip_seed_analysis(seed_analysis):
    d = seed_analysis.to_dict()
    assert Analysis.from_dict(json.loads(json.dumps(d))) == seed_analysis
