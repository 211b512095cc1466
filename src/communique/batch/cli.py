"""``communique batch`` and ``communique load`` (plug-in: ``register(app)`` adds both)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..cli_options import DbOpt


def register(app: typer.Typer) -> None:
    @app.command()
    def batch(
        inputs: Annotated[list[str], typer.Argument(
            help="Files, directories, JSONL, WARC(.gz), feeds, URLs or - for stdin.",
            show_default=False)],
        out: Annotated[Path, typer.Option("--out", help="Output folder (Parquet partitions "
                                          "and manifest.json).", file_okay=False)],
        workers: Annotated[Optional[int], typer.Option(
            "--workers", min=0, help="Worker processes of the local Dask cluster (default: "
            "CPU count; 0: no Dask, in this process).")] = None,
        scheduler: Annotated[Optional[str], typer.Option(
            "--scheduler", help="Address of an existing Dask scheduler (tcp://host:8786) "
            "instead of a local cluster.")] = None,
        partition_size: Annotated[int, typer.Option(
            "--partition-size", min=1, help="Articles per partition.")] = 200,
        published: Annotated[Optional[str], typer.Option(
            "--published", metavar="YYYY-MM-DD",
            help="Publication date for articles whose source gives none.")] = None,
        no_dedup: Annotated[bool, typer.Option(
            "--no-dedup", help="Do not cluster syndicated copies into stories.")] = False,
        allow_private: Annotated[bool, typer.Option(
            "--allow-private", help="Allow fetching from private/loopback addresses.")] = False,
        model: Annotated[Optional[str], typer.Option(
            "--model", help="spaCy pipeline to use (default: setting spacy_model).")] = None,
    ) -> None:
        """Analyse a corpus on a Dask cluster and write Parquet partitions (articles, quotes,
        events, actors, places, errors) with a manifest. Failed documents are recorded and
        the batch goes on."""
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        from ..config import Settings
        from ..ingest.article import parse_date
        from ..ingest.sources import Skip, iter_articles
        from .run import run_batch

        settings = Settings.load({"spacy_model": model, "allow_private": allow_private or None})
        pub = parse_date(published)
        skips: list = []

        def articles():
            for item in iter_articles(inputs, settings, published=pub):
                if isinstance(item, Skip):
                    skips.append(item)
                else:
                    yield item

        err = Console(stderr=True, highlight=False)
        progress = Progress(SpinnerColumn(), TextColumn("[bold]batch"),
                            TextColumn("{task.completed} articles"),
                            TextColumn("{task.fields[parts]} partitions"),
                            TextColumn("{task.fields[errors]} failed"), TimeElapsedColumn(),
                            console=err)
        with progress:
            task = progress.add_task("batch", total=None, parts=0, errors=0)
            state = {"parts": 0, "errors": 0}

            def step(summary: dict) -> None:
                state["parts"] += 1
                state["errors"] += summary["errors"]
                progress.update(task, advance=summary["articles"] + summary["errors"],
                                parts=state["parts"], errors=state["errors"])

            manifest = run_batch(articles(), out, settings=settings, workers=workers,
                                 scheduler=scheduler, partition_size=partition_size,
                                 dedup=not no_dedup, skips=skips, inputs=list(inputs),
                                 on_partition=step)
        t = manifest["totals"]
        Console(highlight=False).print(
            f"{t['articles']} articles in {t['partitions']} partitions ({t['stories']} stories): "
            f"{t['quotes']} quotes, {t['events']} events, {t['actors']} actors, {t['places']} "
            f"places; {t['errors']} failed documents, {t['skipped_inputs']} skipped inputs; "
            f"{manifest['seconds']:.1f} s on {manifest['cluster']['workers']} worker(s) -> {out}",
            markup=False)

    @app.command()
    def load(
        out: Annotated[Path, typer.Argument(help="A `communique batch` output folder.",
                                            file_okay=False, show_default=False)],
        db: DbOpt = None,
    ) -> None:
        """Merge a batch output into the store (idempotent: loading twice adds nothing)."""
        from rich.console import Console

        from ..cli_options import open_db, resolve_db, shown_db
        from .load import load_batch

        db = resolve_db(db)
        with open_db(db) as store:
            counts = load_batch(out, store)
            totals = store.stats()
        Console(highlight=False).print(
            f"{counts['new']} new articles loaded from {counts['partitions']} partitions; "
            f"{counts['already']} already stored; {counts['errors']} recorded skips. "
            f"{shown_db(db)}: {totals['articles']} articles, {totals['quotes']} quotes, "
            f"{totals['events']} events", markup=False)
