"""Extraction stages: pure functions of a parsed Doc and its context.

Order (one direction): actors -> dates -> places -> quotes -> events. Each stage takes
what the earlier ones produced and returns new immutable records; none touches the
database or the network.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Analysis
from .actors import ActorTable, extract_actors
from .context import ExtractionContext
from .events import extract_events
from .places import PlaceTable, extract_places
from .quotes import extract_quotes
from .statements import code_statements
from .time import DateTable, extract_dates

__all__ = ["analyze_doc", "ExtractionContext", "ActorTable", "DateTable", "PlaceTable"]


def analyze_doc(doc: Doc, ctx: ExtractionContext) -> Analysis:
    """Run every enabled stage over ``doc`` (the parse of ``ctx.article.text``)."""
    s = ctx.settings
    actors = extract_actors(doc, ctx)
    dates = extract_dates(doc, ctx) if s.dates else DateTable.empty(ctx)
    places = extract_places(doc, ctx, actors) if s.places else PlaceTable.empty()
    quotes = extract_quotes(doc, ctx, actors, dates) if s.quotes else ()
    events = extract_events(doc, ctx, actors, quotes, dates, places) if s.events else ()
    if s.events:  # a statement code needs the events: it applies only where none is more specific
        quotes = code_statements(doc, quotes, events, actors=actors)
    return Analysis(
        article=ctx.article,
        actors=actors.actors,
        quotes=tuple(quotes),
        events=tuple(events),
        places=places.places,
        dates=dates.refs,
    )
