"""What the evaluations on the project's own labelled sets share (``eval time``, ``eval places``).

- :func:`load_jsonl`: read a labelled set, one JSON object a line;
- :func:`phrase_span` and :func:`first_overlapping`: find the extracted record covering a
  labelled phrase;
- :func:`register_set_command`: the ``communique eval <name>`` command that scores a set
  and prints a table of measures (or the scores as JSON) and, on request, every miss.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Protocol, Sequence, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..config import Settings
    from ..extract.actors import ActorTable
    from ..extract.context import ExtractionContext


class _HasSpan(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=_HasSpan)

# One table row: (measure, n, correct, accuracy).
Row = tuple[str, int, int, float]


def load_jsonl(path: str | Path | None, default: Path) -> list[dict[str, Any]]:
    """The items of a JSONL set (``default`` when ``path`` is empty), blank lines skipped."""
    p = Path(path) if path else default
    with p.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def phrase_span(text: str, phrase: str) -> tuple[int, int]:
    """Character offsets of the first occurrence of ``phrase`` in ``text``."""
    start = text.index(phrase)
    return start, start + len(phrase)


def parsed_with_actors(texts: Sequence[str], settings: Settings,
                       published: dt.date) -> Iterator[tuple[Doc, ExtractionContext, ActorTable]]:
    """Each text parsed (one ``nlp.pipe`` over all), with its extraction context (an article
    published on ``published``) and its actor table: what the event evaluations start from."""
    from ..extract.actors import extract_actors
    from ..extract.context import ExtractionContext
    from ..ingest.article import make_article
    from ..nlp import build_pipeline

    for text, doc in zip(texts, build_pipeline(settings).pipe(texts)):
        ctx = ExtractionContext(make_article(text, published=published), settings)
        yield doc, ctx, extract_actors(doc, ctx)


def first_overlapping(records: Iterable[T], start: int, end: int) -> T | None:
    """The first record (anything with ``start``/``end``) overlapping ``[start, end)``."""
    return next((r for r in records if r.start < end and start < r.end), None)


def register_set_command(
    app,
    name: str,
    *,
    summary: str,
    default_set: Path,
    score: Callable[[Path | None], Any],
    rows: Callable[[Any], Sequence[Row]],
    error_line: Callable[[dict[str, Any]], str],
    notes: Callable[[Any], Sequence[str]] = lambda _res: (),
) -> None:
    """Add ``communique eval <name>``: ``score(path)`` gives scores with ``to_dict()``;
    ``rows`` lays them out as a table, ``notes`` adds lines under it and ``error_line``
    formats one entry of ``scores.errors`` for ``--errors``."""
    import typer

    def command(
        path: Path = typer.Option(None, "--path", help="labelled set (JSONL); default: the project's own"),
        errors: bool = typer.Option(False, "--errors", help="list every miss"),
        as_json: bool = typer.Option(False, "--json", help="print JSON"),
    ) -> None:
        from rich.console import Console
        from rich.table import Table

        res = score(path)
        if as_json:
            typer.echo(json.dumps(res.to_dict(), indent=2))
            return
        con = Console(highlight=False)
        t = Table(title=f"communique eval {name} — {path or default_set.name}")
        for col in ("measure", "n", "correct", "accuracy"):
            t.add_column(col)
        for measure, n, correct, accuracy in rows(res):
            t.add_row(measure, str(n), str(correct), f"{accuracy:.3f}")
        con.print(t)
        for line in notes(res):
            con.print(line)
        if errors:
            for e in res.errors:
                con.print(error_line(e))

    command.__doc__ = summary
    app.command(name)(command)
