"""Actor network: a weighted directed graph of who did what to whom.

Nodes are actor keys (actor ids or country codes, see :mod:`.facts`); an edge ``a -> b``
aggregates the story-counted incidents where ``a`` acted on ``b`` within the chosen date
range, event types and quad classes: ``weight`` (incidents), ``conflict`` and
``cooperation`` counts, ``goldstein_sum`` and the per-type counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .alerts import is_country_key
from .facts import DyadFact
from .series import DEFAULT_MODALITIES


@dataclass
class Edge:
    source: str
    target: str
    weight: int = 0
    conflict: int = 0
    cooperation: int = 0
    goldstein_sum: float = 0.0
    types: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "weight": self.weight,
                "conflict": self.conflict, "cooperation": self.cooperation,
                "goldstein_sum": round(self.goldstein_sum, 4), "types": dict(sorted(self.types.items()))}


@dataclass(frozen=True)
class Network:
    nodes: tuple[dict[str, Any], ...]
    edges: tuple[Edge, ...]
    since: dt.date | None = None
    until: dt.date | None = None
    types: tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "types": list(self.types) if self.types else None,
                "nodes": list(self.nodes), "edges": [e.to_dict() for e in self.edges]}

    def to_pandas(self):
        import pandas as pd

        return pd.DataFrame([e.to_dict() for e in self.edges],
                            columns=["source", "target", "weight", "conflict", "cooperation",
                                     "goldstein_sum", "types"])


def build_network(facts: Iterable[DyadFact], *, since: dt.date | None = None,
                  until: dt.date | None = None, types: tuple[str, ...] | None = None,
                  quad_classes: tuple[int, ...] | None = None, keys: str = "actor",
                  modalities: tuple[str, ...] | None = DEFAULT_MODALITIES,
                  names: dict[str, str] | None = None, max_edges: int | None = None) -> Network:
    """The network of the facts. ``keys``: ``"actor"`` (default), ``"country"`` or ``"all"``."""
    names = names or {}
    chosen = [f for f in facts
              if _keys_ok(f, keys)
              and (since is None or (f.day is not None and f.day >= since))
              and (until is None or (f.day is not None and f.day <= until))
              and (types is None or f.type in types)
              and (quad_classes is None or f.quad_class in quad_classes)
              and (modalities is None or f.modality in modalities)]
    edges: dict[tuple[str, str], Edge] = {}
    for f in _dedup(chosen):
        e = edges.setdefault((f.source, f.target), Edge(f.source, f.target))
        e.weight += 1
        e.conflict += f.quad_class in (3, 4)
        e.cooperation += f.quad_class in (1, 2)
        e.goldstein_sum += f.goldstein or 0.0
        e.types[f.type] = e.types.get(f.type, 0) + 1
    ordered = sorted(edges.values(), key=lambda e: (-e.weight, e.source, e.target))
    if max_edges is not None:
        ordered = ordered[:max_edges]
    degree: dict[str, int] = {}
    for e in ordered:
        degree[e.source] = degree.get(e.source, 0) + e.weight
        degree[e.target] = degree.get(e.target, 0) + e.weight
    nodes = tuple({"id": k, "name": names.get(k, k), "weight": w}
                  for k, w in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0])))
    return Network(nodes, tuple(ordered), since, until, types)


def _keys_ok(f: DyadFact, keys: str) -> bool:
    s, t = is_country_key(f.source), is_country_key(f.target)
    if keys == "country":
        return s and t
    if keys == "actor":
        return not s and not t
    return True


def _dedup(facts: list[DyadFact]) -> list[DyadFact]:
    best: dict[tuple[Any, ...], DyadFact] = {}
    for f in facts:
        cur = best.get(f.incident_key)
        if cur is None or f.confidence > cur.confidence:
            best[f.incident_key] = f
    return list(best.values())
