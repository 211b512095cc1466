"""``communique load``: merge a batch output (Parquet partitions) into the store.

Idempotent: articles already stored are left as they are (the store's ids are content
hashes), so loading the same output twice, or two overlapping outputs, adds nothing twice.
Failed documents and unreadable inputs of the batch become recorded skips.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .run import read_manifest
from .tables import analyses_from_tables

log = logging.getLogger(__name__)

RECORD_TABLES = ("articles", "quotes", "events", "actors", "places")


def iter_partitions(out: str | Path):
    """``(file name, {table: rows})`` for every partition listed in the manifest."""
    import pyarrow.parquet as pq

    out = Path(out)
    manifest = read_manifest(out)
    for part in manifest["partitions"]:
        name = part["file"]
        tables = {t: pq.read_table(out / t / name).to_pylist() for t in RECORD_TABLES + ("errors",)}
        yield name, tables


def load_batch(out: str | Path, store, *, on_partition: Callable[[dict], None] | None = None
               ) -> dict[str, Any]:
    """Add every analysis of the batch output ``out`` to ``store``; returns counts."""
    import pyarrow.parquet as pq

    counts = {"articles": 0, "new": 0, "already": 0, "errors": 0, "partitions": 0}
    for _name, tables in iter_partitions(out):
        analyses = analyses_from_tables(tables)
        present = store.existing(a.id for a in analyses)
        todo = [a for a in analyses if a.id not in present]
        new = store.add_many(todo)
        for err in tables["errors"]:
            store.record_skip(err["url"] or f"article {err['article_id']}", err["message"], err["code"])
        step = {"articles": len(analyses), "new": new, "already": len(analyses) - new,
                "errors": len(tables["errors"]), "partitions": 1}
        for k, v in step.items():
            counts[k] += v
        if on_partition:
            on_partition(step)
    inputs = Path(out) / "errors" / "inputs.parquet"
    if inputs.is_file():
        for err in pq.read_table(inputs).to_pylist():
            store.record_skip(err["source"] or "input", err["message"], err["code"])
            counts["errors"] += 1
    return counts


__all__ = ["load_batch", "iter_partitions"]
