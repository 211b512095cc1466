"""pandas DataFrames over a store, so notebooks need no SQL::

    store = open_store("communique.db")
    store.frames.events(actor="Russia", since="2022-01-01")   # one row per event
    store.frames.quotes(speaker="Lavrov")
    store.frames.actors(country="RUS")
    store.frames.dyad("RUS", "UKR", period="week")            # the dyad time series
    store.frames.export("gdelt")                              # a GDELT-style table

pandas is imported only when a frame is built.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from .exports import EventRecord
from .exports import to_pandas as _table
from .series import dyad_series


def _flat(d: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in d.items():
        if isinstance(v, dict):
            for k2, v2 in v.items():
                out[f"{k}_{k2}"] = ";".join(map(str, v2)) if isinstance(v2, list) else v2
        elif isinstance(v, list):
            out[k] = ";".join(x if isinstance(x, str) else str(x.get("text", x)) if isinstance(x, dict) else str(x)
                              for x in v) if v else None
        else:
            out[k] = v
    return out


class Frames:
    def __init__(self, store: Any) -> None:
        self.store = store

    def events(self, **filters: Any):
        import pandas as pd

        return pd.DataFrame([_flat(r.to_dict()) for r in self.store.events(**filters)])

    def quotes(self, **filters: Any):
        import pandas as pd

        if "speaker" in filters:
            filters["actor"] = filters.pop("speaker")
        return pd.DataFrame([_flat(r.to_dict()) for r in self.store.quotes(**filters)])

    def actors(self, **filters: Any):
        import pandas as pd

        return pd.DataFrame([_flat(r.to_dict()) for r in self.store.actors(**filters)])

    def dyad(self, a: str, b: str | None = None, *, period: str = "week", directed: bool = True,
             since: Any = None, until: Any = None, modalities: tuple[str, ...] | None = ("asserted",)):
        facts = self.store.repo.dyad_facts(a, b, directed=directed, since=since, until=until)
        return dyad_series(facts, a, b, period=period, directed=directed,
                           modalities=modalities).to_pandas()

    def export(self, table: str = "plover", **filters: Any):
        return _table(event_records(self.store, **filters), table)


def event_records(store: Any, **filters: Any) -> list[EventRecord]:
    """Export records of the store's events (filters as ``Store.events``)."""
    return list(iter_event_records(store, **filters))


def iter_event_records(store: Any, **filters: Any) -> Iterator[EventRecord]:
    """:func:`event_records` one at a time (the articles read as their events come, the
    last few kept), for exports that are streamed."""
    arts: OrderedDict[str, Any] = OrderedDict()
    for r in store.events(**filters):
        art = arts.get(r.article_id)
        if art is None:
            art = arts[r.article_id] = store.get(r.article_id).article
            if len(arts) > 64:
                arts.popitem(last=False)
        yield EventRecord(art, r.index, r.event, r.sentence, r.actor_names, r.recipient_names)
