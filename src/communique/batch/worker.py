"""What runs on a Dask worker: analyse one partition of articles, write its Parquet files.

The :class:`~communique.pipeline.Pipeline` is built once per worker process (cached by
settings); the batch runner registers a worker plugin that builds it when the worker starts, so no task pays for
loading the spaCy model. Pure with respect to its inputs: the same partition gives the
same files, whichever worker runs it.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import CommuniqueError
from ..models import Article
from .tables import TABLES, rows_of, to_arrow

log = logging.getLogger(__name__)

_PIPELINES: dict[str, Any] = {}


def pipeline_for(settings: Settings):
    """The process-wide pipeline for ``settings`` (built on first use)."""
    key = json.dumps(settings.to_dict(), sort_keys=True, default=str)
    pipe = _PIPELINES.get(key)
    if pipe is None:
        from ..pipeline import Pipeline

        pipe = _PIPELINES[key] = Pipeline(settings)
    return pipe


def part_name(part: int) -> str:
    return f"part-{part:05d}.parquet"


def analyze_partition(part: int, articles: Sequence[Article], out_dir: str,
                      settings: Settings) -> dict[str, Any]:
    """Analyse ``articles`` and write ``<out_dir>/<table>/part-NNNNN.parquet`` for every
    table. A document that fails becomes a row of ``errors``; the partition goes on."""
    import pyarrow.parquet as pq

    started = time.perf_counter()
    pipe = pipeline_for(settings)
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for art, result in zip(articles, pipe.analyze_stream(articles), strict=True):
        if isinstance(result, CommuniqueError):
            rows["errors"].append({"article_id": art.id, "url": art.url, "source": art.source,
                                   "code": result.code, "type": type(result).__name__,
                                   "message": result.message})
            continue
        for table, new in rows_of(result).items():
            rows[table].extend(new)
    root = Path(out_dir)
    name = part_name(part)
    for table in TABLES:
        folder = root / table
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{name}.tmp"
        pq.write_table(to_arrow(table, rows[table]), tmp)
        os.replace(tmp, folder / name)  # a partition file is complete or absent
    return {"part": part, "file": name, "seconds": round(time.perf_counter() - started, 3),
            "worker": os.getpid(), **{t: len(rows[t]) for t in TABLES}}


__all__ = ["analyze_partition", "pipeline_for", "part_name"]
