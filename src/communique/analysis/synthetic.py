"""Synthetic analyses for tests, demos and benchmarks (no NLP involved).

Each article is a short text of generated sentences such as "Russia accused Ukraine in
Kyiv." with every record's offsets pointing into it, so the store, the pages and the
exports can be exercised at any scale. Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Iterator

from ..ingest.article import article_id
from ..models import Actor, Analysis, Article, Event, Extent, Location, Party, Place, Quote, Span

COUNTRIES = (  # name, ISO3, capital, lat, lon
    ("Russia", "RUS", "Moscow", 55.75, 37.62), ("Ukraine", "UKR", "Kyiv", 50.45, 30.52),
    ("United States", "USA", "Washington", 38.90, -77.04), ("China", "CHN", "Beijing", 39.90, 116.40),
    ("Germany", "DEU", "Berlin", 52.52, 13.40), ("France", "FRA", "Paris", 48.86, 2.35),
    ("United Kingdom", "GBR", "London", 51.51, -0.13), ("Turkey", "TUR", "Ankara", 39.93, 32.86),
    ("Iran", "IRN", "Tehran", 35.69, 51.39), ("Israel", "ISR", "Jerusalem", 31.77, 35.21),
    ("India", "IND", "New Delhi", 28.61, 77.21), ("Japan", "JPN", "Tokyo", 35.68, 139.69),
)
# PLOVER type, verb, quad class, CAMEO, Goldstein
VERBS = (
    ("AGREE", "agreed with", 1, "057", 8.0), ("CONSULT", "met", 1, "040", 1.0),
    ("SUPPORT", "praised", 1, "051", 3.4), ("COOPERATE", "cooperated with", 2, "061", 6.4),
    ("AID", "sent aid to", 2, "070", 7.0), ("REQUEST", "urged", 3, "010", -2.0),
    ("ACCUSE", "accused", 3, "112", -2.0), ("REJECT", "rejected", 3, "120", -4.0),
    ("THREATEN", "threatened", 3, "130", -4.4), ("SANCTION", "sanctioned", 3, "163", -8.0),
    ("MOBILIZE", "mobilized against", 4, "150", -7.2), ("ASSAULT", "shelled", 4, "190", -10.0),
)
CONFLICT_VERBS = tuple(v for v in VERBS if v[2] >= 3)


@functools.lru_cache(maxsize=None)
def country_actor_id(iso3: str) -> str:
    from ..extract.actors import actor_id

    name = next(c[0] for c in COUNTRIES if c[1] == iso3)
    return actor_id("country", name)


def make_analysis(day: dt.date, triples: list[tuple[str, str, str]], *, quote: str | None = None,
                  speaker_iso: str | None = None, story: str | None = None,
                  source: str = "synthetic", salt: str = "") -> Analysis:
    """One article on ``day`` with one event per ``(actor ISO3, PLOVER type, recipient ISO3)``."""
    by_iso = {c[1]: c for c in COUNTRIES}
    by_type = {v[0]: v for v in VERBS}
    parts: list[str] = []
    pos = 0
    mentions: dict[str, list[Span]] = {}
    events: list[Event] = []
    places: list[Place] = []
    quotes: list[Quote] = []

    def add(s: str) -> tuple[int, int]:
        nonlocal pos
        start = pos
        parts.append(s)
        pos += len(s)
        return start, pos

    if quote and speaker_iso:
        add('"')
        cs, ce = add(quote)
        add('", a spokesperson for ')
        ss, se = add(by_iso[speaker_iso][0])
        add(" ")
        qs, qe = add("said")
        add(". ")
        text_so_far = "".join(parts)
        mentions.setdefault(speaker_iso, []).append(Span(ss, se, text_so_far[ss:se]))
        quotes.append(Quote(content=(Span(cs, ce, quote),), kind="direct",
                            speaker=Span(ss, se, by_iso[speaker_iso][0]),
                            speaker_actor=country_actor_id(speaker_iso),
                            cue=Span(qs, qe, "said"), date=day, confidence=0.9,
                            rule="synthetic.direct"))
    for src, typ, tgt in triples:
        sname, tname = by_iso[src][0], by_iso[tgt][0]
        verb = by_type[typ]
        sent_start = pos
        a0, a1 = add(sname)
        add(" ")
        t0, t1 = add(verb[1])
        add(" ")
        r0, r1 = add(tname)
        add(" in ")
        cap, lat, lon = by_iso[tgt][2], by_iso[tgt][3], by_iso[tgt][4]
        p0, p1 = add(cap)
        sent_end = add(".")[1]
        add(" ")
        mentions.setdefault(src, []).append(Span(a0, a1, sname))
        mentions.setdefault(tgt, []).append(Span(r0, r1, tname))
        places.append(Place(p0, p1, cap, cap, tgt, None, lat, lon, None))
        events.append(Event(
            type=typ, trigger=Span(t0, t1, verb[1]), sentence=Extent(sent_start, sent_end),
            quad_class=verb[2], cameo=verb[3], goldstein=verb[4], intensity=verb[4],
            actor=Party((country_actor_id(src),), sname, a0, a1, src, "GOV"),
            recipient=Party((country_actor_id(tgt),), tname, r0, r1, tgt, "GOV"),
            date=day, date_precision="day", location=Location(cap, tgt, lat, lon, None),
            modality="asserted", quote=0 if quotes and src == speaker_iso else None,
            confidence=0.8, rule="synthetic.svo"))
    text = "".join(parts).rstrip() or "Nothing happened."
    actors = tuple(Actor(id=country_actor_id(iso), name=by_iso[iso][0], kind="country", country=iso,
                         sector="GOV", mentions=tuple(ms)) for iso, ms in mentions.items())
    art = Article(id=article_id(text + salt + day.isoformat()), text=text,
                  title=f"{len(events)} events on {day.isoformat()}", source=source, published=day,
                  url=None)
    if story:
        try:
            art = Article(**{**{f: getattr(art, f) for f in art.__slots__}, "story_id": story})
        except TypeError:  # models without story ids
            pass
    return Analysis(article=art, actors=actors, quotes=tuple(quotes), events=tuple(events),
                    places=tuple(places))


def synthetic_analyses(n_articles: int, *, events_per_article: int = 10, seed: int = 7,
                       start: dt.date = dt.date(2021, 1, 4), days: int = 730,
                       spike: tuple[str, str, dt.date] | None = ("RUS", "UKR", dt.date(2022, 2, 24))
                       ) -> Iterator[Analysis]:
    """A reproducible stream of articles; conflict between ``spike``'s dyad jumps in its week."""
    rng = random.Random(seed)
    isos = [c[1] for c in COUNTRIES]
    weights = [12, 10, 9, 6, 4, 4, 4, 3, 3, 3, 2, 2]
    for n in range(n_articles):
        day = start + dt.timedelta(days=rng.randrange(days))
        triples = []
        for _ in range(events_per_article):
            src, tgt = rng.choices(isos, weights)[0], rng.choices(isos, weights)[0]
            while tgt == src:
                tgt = rng.choices(isos, weights)[0]
            triples.append((src, rng.choice(VERBS)[0], tgt))
        if spike and abs((day - spike[2]).days) <= 3 and rng.random() < 0.8:
            triples[0] = (spike[0], rng.choice(CONFLICT_VERBS)[0], spike[1])
        speaker = triples[0][0]
        yield make_analysis(day, triples, quote=f"We will respond to item {n}", speaker_iso=speaker,
                            salt=str(n))
