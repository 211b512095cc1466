"""communique: turn news into sourced, structured records.

Python API::

    import communique
    a = communique.analyze(text, published="2022-01-21")
    p = communique.Pipeline(); results = list(p.analyze_many(articles))
    store = communique.Store("communique.db")       # or a postgresql://user@host/db URL
"""

import logging

from .config import Settings
from .models import Actor, Analysis, Article, Event, Location, Party, Place, Quote, Span, TimeRef
from .pipeline import Pipeline, analyze

logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"


def __getattr__(name: str):  # the store is imported lazily so analysis-only use stays light
    if name in ("Store", "open_store"):
        from . import store

        return getattr(store, name)
    raise AttributeError(name)


__all__ = ["analyze", "Pipeline", "Store", "open_store", "Settings", "Analysis", "Article", "Actor", "Quote",
           "Event", "Party", "Place", "Location", "Span", "TimeRef", "__version__"]
