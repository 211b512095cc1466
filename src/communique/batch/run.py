"""``communique batch``: analyse a corpus on a Dask cluster, write Parquet partitions.

The client streams the inputs (any source ``communique ingest`` reads), gives each
article its story cluster (:mod:`communique.ingest.dedup`), cuts the stream into
partitions and submits them to the cluster with bounded look-ahead (memory on the client
does not grow with the corpus). Each worker analyses a partition with its own
once-loaded pipeline and writes one Parquet file per table. At the end the client writes
``stories.parquet`` (articles and distinct sources per story), ``errors/inputs.parquet``
(inputs that could not be read) and ``manifest.json``.

``workers=0`` runs the same partitions in this process without Dask (the single-process
reference that the cluster's output must equal).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import platform
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from ..config import Settings
from ..errors import ConfigError
from ..ingest.dedup import StoryClusterer
from ..models import Article
from .tables import TABLES, schema
from .worker import analyze_partition, pipeline_for

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
MARKER = ".communique-batch"  # written first: an interrupted run's folder can be reused
FORMAT_VERSION = 1


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _preload_plugin(settings: Settings):
    from distributed import WorkerPlugin

    class PipelinePreload(WorkerPlugin):
        """Load the pipeline when a worker starts (once per worker process)."""

        name = "communique-pipeline"

        def __init__(self, settings: Settings) -> None:
            self.settings = settings

        def setup(self, worker) -> None:  # noqa: ARG002 (dask calls setup(worker=...))
            pipeline_for(self.settings)

    return PipelinePreload(settings)


def _clean_output(out: Path) -> None:
    """Refuse to mix runs: the output folder must be new, empty, or a previous batch (finished,
    or interrupted: the marker file is written before any partition)."""
    if out.exists() and any(out.iterdir()) and not (out / MANIFEST).exists() \
            and not (out / MARKER).exists():
        raise ConfigError(f"{out} exists and is not a communique batch output; choose a new --out")
    for table in TABLES:
        for pattern in ("part-*.parquet", ".part-*.parquet.tmp"):
            for f in (out / table).glob(pattern) if (out / table).is_dir() else ():
                f.unlink()
    for name in ("stories.parquet", MANIFEST):
        if (out / name).exists():
            (out / name).unlink()


def run_batch(articles: Iterable[Article], out: str | Path, *, settings: Settings | None = None,
              workers: int | None = None, scheduler: str | None = None,
              partition_size: int = 200, dedup: bool = True, skips: Sequence[Any] | None = None,
              inputs: Sequence[str] = (), on_partition: Callable[[dict], None] | None = None
              ) -> dict[str, Any]:
    """Analyse ``articles`` into Parquet partitions under ``out``; return the manifest.

    ``scheduler``: address of an existing Dask scheduler; else a LocalCluster with
    ``workers`` single-threaded worker processes (default: CPU count); ``workers=0``: no
    Dask, in this process. ``skips``: a list the caller fills with unreadable inputs while
    ``articles`` is consumed (recorded in ``errors/inputs.parquet``).
    """
    import pyarrow.parquet as pq

    settings = settings or Settings.load()
    out = Path(out)
    _clean_output(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("communique batch output: the run is finished when manifest.json "
                              "exists; rerun the same command after an interruption\n",
                              encoding="utf-8")
    started = time.perf_counter()
    clusterer = StoryClusterer(settings.dedup_threshold) if dedup else None

    def clustered() -> Iterator[Article]:
        for art in articles:
            yield clusterer.add(art) if clusterer else art

    parts: list[dict[str, Any]] = []
    failed: list[dict[str, Any]] = []

    def done(summary: dict[str, Any]) -> None:
        parts.append(summary)
        if on_partition:
            on_partition(summary)

    cluster_info: dict[str, Any]
    chunks = _chunks(clustered(), partition_size)
    if scheduler is None and workers == 0:
        cluster_info = {"mode": "in-process", "workers": 1}
        for part, chunk in enumerate(chunks):
            done(analyze_partition(part, chunk, str(out), settings))
    else:
        from distributed import Client, LocalCluster, as_completed

        cluster = None
        if scheduler:
            client = Client(scheduler)
            cluster_info = {"mode": "scheduler", "address": scheduler}
        else:
            n = workers or os.cpu_count() or 1
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
            cluster_info = {"mode": "local", "workers": n}
        try:
            client.register_plugin(_preload_plugin(settings))
            n_workers = max(1, len(client.scheduler_info().get("workers", {})) or 1)
            cluster_info["workers"] = n_workers
            limit = 2 * n_workers + 1
            pending = as_completed()
            meta: dict[Any, int] = {}  # future key -> partition

            def collect(fut) -> None:
                try:
                    done(fut.result())
                except Exception as exc:  # a lost partition is recorded; the batch goes on
                    log.exception("partition %s failed", meta.get(fut.key))
                    failed.append({"part": meta.get(fut.key), "error": f"{type(exc).__name__}: {exc}"})

            for part, chunk in enumerate(chunks):
                fut = client.submit(analyze_partition, part, chunk, str(out), settings,
                                    pure=False, retries=1, key=f"communique-part-{part}")
                meta[fut.key] = part
                pending.add(fut)
                while pending.count() >= limit:
                    collect(next(pending))
            for fut in pending:
                collect(fut)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    parts.sort(key=lambda p: p["part"])
    stories = clusterer.story_counts().by_story if clusterer else {}
    if clusterer is None:  # every article is its own story
        for p in sorted((out / "articles").glob("part-*.parquet")):
            for sid in pq.read_table(p, columns=["story_id"]).column("story_id").to_pylist():
                stories[sid] = (1, 1)
    import pyarrow as pa

    aliases = clusterer.aliases() if clusterer else {}
    pq.write_table(pa.Table.from_pylist(
        [{"story_id": s, "canonical_story_id": aliases.get(s, s), "story_articles": a,
          "story_sources": n} for s, (a, n) in stories.items()],
        schema=schema("stories")), out / "stories.parquet")
    skipped = [s.to_dict() if hasattr(s, "to_dict") else dict(s) for s in (skips or [])]
    (out / "errors").mkdir(exist_ok=True)
    pq.write_table(pa.Table.from_pylist(
        [{"article_id": None, "url": s.get("source"), "source": s.get("source"),
          "code": s.get("code"), "type": "Skip", "message": s.get("reason")} for s in skipped],
        schema=schema("errors")), out / "errors" / "inputs.parquet")
    totals = {t: sum(p[t] for p in parts) for t in TABLES}
    manifest = {
        "format": "communique-batch", "format_version": FORMAT_VERSION,
        "communique": __version__, "python": platform.python_version(),
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "inputs": list(inputs), "cluster": cluster_info,
        "settings": settings.to_dict(), "dedup": dedup, "partition_size": partition_size,
        "tables": {t: f"{t}/" for t in TABLES}, "stories": "stories.parquet",
        "partitions": parts, "failed_partitions": failed,
        "totals": {**totals, "stories": len(stories), "skipped_inputs": len(skipped),
                   "partitions": len(parts)},
        "seconds": round(time.perf_counter() - started, 3),
    }
    tmp = out / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=2, default=str), encoding="utf-8")
    os.replace(tmp, out / MANIFEST)
    return manifest


def read_manifest(out: str | Path) -> dict[str, Any]:
    path = Path(out) / MANIFEST
    if not path.is_file():
        raise ConfigError(f"{out}: no {MANIFEST}; not a communique batch output")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != "communique-batch":
        raise ConfigError(f"{path}: not a communique batch manifest")
    return manifest


__all__ = ["run_batch", "read_manifest", "MANIFEST"]
