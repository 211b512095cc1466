"""``communique load``: merge a batch output (Parquet partitions) into the store.

Idempotent: articles already stored are left as they are (the store's ids are content
hashes), so loading the same output twice, or two overlapping outputs, adds nothing twice.
Failed documents and unreadable inputs of the batch become recorded skips. The analyses go
through the same ingest service as ``communique ingest`` (guards, story clustering against
the articles already stored, skips), without being analysed again.

Stories: the service clusters the loaded articles again, against the articles stored
last, with the rules the batch used (canonical URL, content hash, MinHash near copies), so
a batch's copies share a story as they did in the batch and copies of a story stored
earlier (by ``ingest``, the API or another load) join it. A story that was merged into
another during the batch (``stories.parquet``: ``canonical_story_id``) is moved there in
the store too, for articles of it stored by an earlier load.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..config import Settings
from ..ingest.service import IngestService
from ..ingest.sources import Skip
from ..ingest.stories import DEFAULT_WINDOW
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


def story_aliases(out: str | Path) -> dict[str, str]:
    """``story id -> the story it was merged into`` of a batch output (merged ones only)."""
    import pyarrow.parquet as pq

    path = Path(out) / "stories.parquet"
    if not path.is_file():
        return {}
    table = pq.read_table(path, columns=["story_id", "canonical_story_id"]).to_pylist()
    return {r["story_id"]: r["canonical_story_id"] for r in table
            if r["canonical_story_id"] and r["canonical_story_id"] != r["story_id"]}


def _canonical(analysis, aliases: dict[str, str]):
    art = analysis.article
    sid = aliases.get(art.story_id) if art.story_id else None
    return replace(analysis, article=replace(art, story_id=sid)) if sid else analysis


def load_batch(out: str | Path, store, *, on_partition: Callable[[dict], None] | None = None,
               settings: Settings | None = None, window: int = DEFAULT_WINDOW) -> dict[str, Any]:
    """Add every analysis of the batch output ``out`` to ``store`` through the ingest service
    (:class:`~communique.ingest.service.IngestService`: the guards, story clustering against
    the stored articles and skip records of ``communique ingest``); returns counts."""
    import pyarrow.parquet as pq

    service = IngestService(store, settings or Settings.load(), window=window)
    counts = {"articles": 0, "new": 0, "already": 0, "errors": 0, "partitions": 0}
    aliases = story_aliases(out)
    if aliases:
        store.merge_stories(aliases)
    for _name, tables in iter_partitions(out):
        analyses = [_canonical(a, aliases) for a in analyses_from_tables(tables)]
        before = service.counts.to_dict()
        service.load(analyses)
        for err in tables["errors"]:
            service.record_skip(Skip(err["url"] or f"article {err['article_id']}", err["message"], err["code"]))
        now = service.counts.to_dict()
        step = {"articles": len(analyses), "new": now["new"] - before["new"],
                "already": now["stored"] - before["stored"], "errors": now["skipped"] - before["skipped"],
                "partitions": 1}
        for k, v in step.items():
            counts[k] += v
        if on_partition:
            on_partition(step)
    inputs = Path(out) / "errors" / "inputs.parquet"
    if inputs.is_file():
        for err in pq.read_table(inputs).to_pylist():
            service.record_skip(Skip(err["source"] or "input", err["message"], err["code"]))
            counts["errors"] += 1
    return counts


__all__ = ["load_batch", "iter_partitions", "story_aliases"]
