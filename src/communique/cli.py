"""The ``communique`` command line: thin commands over the library (typer + rich).

User errors (any :class:`~communique.errors.CommuniqueError`) print one red line with
their code and exit with status 2; there are no tracebacks for them.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import itertools
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from . import __version__
from .cli_options import DbOpt, open_db, shown_db
from .config import Settings
from .errors import CommuniqueError, EmptyInputError, InputError
from .ingest.article import parse_date, title_from_text
from .models import Analysis, Article

# Modules that add commands with ``register(app)`` when they exist (imported lazily).
PLUGIN_MODULES: tuple[str, ...] = ("communique.batch.cli", "communique.web.cli", "communique.learn.cli",
                                   "communique.review.cli")

EXIT_USER_ERROR = 2


def _stdout() -> Console:
    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 120  # piped or logged output: wide enough for the tables
    return console


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


def print_error(exc: CommuniqueError) -> None:
    """One red line on stderr: ``error [E200]: message``."""
    _stderr().print(Text(f"error [{exc.code}]: {exc.message}", style="bold red"))


class CommuniqueGroup(TyperGroup):
    """Turns CommuniqueError from any command (plug-ins included) into exit status 2."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CommuniqueError as exc:
            print_error(exc)
            raise typer.Exit(EXIT_USER_ERROR) from None


app = typer.Typer(
    name="communique", cls=CommuniqueGroup, no_args_is_help=True, add_completion=False,
    pretty_exceptions_enable=False,
    help="Turn news into sourced records: who said what, who did what to whom, when and where.",
)
eval_app = typer.Typer(cls=CommuniqueGroup, no_args_is_help=True,
                       help="Evaluate extraction against annotated data.")
app.add_typer(eval_app, name="eval")


class OutputFormat(str, enum.Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


class ListFormat(str, enum.Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"communique {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Turn news into sourced records: who said what, who did what to whom, when and where."""


# --- options shared by several commands --------------------------------------------------

PathsArg = Annotated[list[str], typer.Argument(
    metavar="PATH...", help="Files (.txt, .html, .htm, .jsonl), directories (read recursively) or - for stdin.",
    show_default=False)]
PublishedOpt = Annotated[Optional[str], typer.Option(
    "--published", metavar="YYYY-MM-DD",
    help="Publication date for articles whose source gives none (anchors relative dates).")]
ModelOpt = Annotated[Optional[str], typer.Option(
    "--model", help="spaCy pipeline to use (default: setting spacy_model).")]
RawOpt = Annotated[bool, typer.Option(
    "--raw", help="The machine output, ignoring reviews (default: the reviewed version).")]
LimitOpt = Annotated[int, typer.Option("--limit", min=0, help="At most this many rows (0: all).")]
SinceOpt = Annotated[Optional[str], typer.Option("--since", metavar="YYYY-MM-DD",
                                                 help="Only on or after this date.")]
UntilOpt = Annotated[Optional[str], typer.Option("--until", metavar="YYYY-MM-DD",
                                                 help="Only on or before this date.")]
ActorOpt = Annotated[Optional[str], typer.Option("--actor", help="Actor id or part of its name.")]
SearchOpt = Annotated[Optional[str], typer.Option(
    "--search", help="Full text: records with every word of it, stemmed (talks finds talk), as the "
    "web lists' q (a search without words is refused).")]
ListFormatOpt = Annotated[ListFormat, typer.Option("--format", help="Output format.")]
FastOpt = Annotated[bool, typer.Option(
    "--fast", help="Quotes from the rules only, without the trained tagger: for firehose ingest "
    "(setting quote_profile = \"fast\").")]
AllowPrivateOpt = Annotated[bool, typer.Option(
    "--allow-private", help="Allow fetching URLs on private, loopback and link-local addresses "
    "(refused by default; setting allow_private).")]


def _date_opt(value: str | None, name: str) -> dt.date | None:
    try:
        return parse_date(value)
    except InputError as exc:
        raise InputError(f"{name}: {exc.message}") from None


def _settings(model: str | None = None, **overrides: Any) -> Settings:
    return Settings.load({"spacy_model": model, **overrides})


def _read(paths: Sequence[str], settings: Settings, published: dt.date | None,
          skips: list) -> Iterator[Article]:
    from .ingest.sources import Skip, iter_articles

    for item in iter_articles(paths, settings, published=published):
        if isinstance(item, Skip):
            skips.append(item)
        else:
            yield item


# --- analyze -------------------------------------------------------------------------------


@app.command()
def analyze(
    paths: PathsArg,
    format: Annotated[OutputFormat, typer.Option(
        "--format", help="json: one object per article (JSONL when several); jsonl; table.")
    ] = OutputFormat.json,
    published: PublishedOpt = None,
    model: ModelOpt = None,
    allow_private: AllowPrivateOpt = False,
    fast: FastOpt = False,
) -> None:
    """Analyse articles and print quotes, events, actors, dates and places."""
    from .pipeline import Pipeline

    settings = _settings(model, allow_private=allow_private or None, quote_profile="fast" if fast else None)
    pub = _date_opt(published, "--published")
    skips: list = []
    err = _stderr()

    def articles() -> Iterator[Article]:
        for art in _read(paths, settings, pub, skips):
            while skips:
                skip = skips.pop(0)
                err.print(Text(f"skipped [{skip.code}] {skip.reason}", style="yellow"))
            yield art

    stream = articles()
    head = list(itertools.islice(stream, 2))  # one article: one JSON object; several: JSONL
    if not head:
        if len(skips) == 1:
            exc = InputError(skips[0].reason)
            exc.code = skips[0].code  # keep the specific code (e.g. E201 unsupported input)
            raise exc
        reasons = "; ".join(s.reason for s in skips[:3]) + ("; …" if len(skips) > 3 else "")
        raise EmptyInputError("no article to analyse" + (f" ({reasons})" if skips else ""))
    single = len(head) == 1
    pipeline = Pipeline(settings)
    done = failed = 0
    for result in pipeline.analyze_stream(itertools.chain(head, stream)):
        if isinstance(result, CommuniqueError):
            failed += 1
            err.print(Text(f"failed [{result.code}] {result.message}", style="yellow"))
            continue
        if format is OutputFormat.table:
            _print_analysis_table(result, first=done == 0)
        elif format is OutputFormat.json and single:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        done += 1
    for skip in skips:
        err.print(Text(f"skipped [{skip.code}] {skip.reason}", style="yellow"))
    if not done:
        raise EmptyInputError("no article could be analysed")


def _party_name(analysis: Analysis, party) -> str:
    if party is None:
        return ""
    names = [a.name for a in (analysis.actor(i) for i in party.actors) if a is not None]
    return ", ".join(names) or party.text


def _print_analysis_table(analysis: Analysis, *, first: bool) -> None:
    out = _stdout()
    art = analysis.article
    if not first:
        out.print()
    head = art.title or title_from_text(art.text) or ""
    out.print(Text(head, style="bold"))
    out.print(Text(f"id {art.id} · published {art.published or 'unknown'} · {len(analysis.actors)} actors, "
                   f"{len(analysis.quotes)} quotes, {len(analysis.events)} events, "
                   f"{len(analysis.places)} places, {len(analysis.dates)} dates", style="dim"))
    quotes = []
    for q in analysis.quotes:
        actor = analysis.actor(q.speaker_actor)
        speaker = actor.name if actor else (q.speaker.text if q.speaker else "")
        quotes.append((speaker, " … ".join(c.text for c in q.content), q.kind, q.date))
    out.print(_quotes_table(quotes))
    events = [(e, _party_name(analysis, e.actor), _party_name(analysis, e.recipient))
              for e in analysis.events]
    out.print(_events_table(events))


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _story_cell(counts: tuple[int, int]) -> str:
    """``articles, sources`` of a record's story cluster (a wire story copied by fifty sites
    is one story of fifty articles)."""
    n_articles, n_sources = counts
    return f"{n_articles} art, {n_sources} src"


def _add_provenance_columns(table: Table, articles: Sequence[str] | None,
                            stories: Sequence[tuple[int, int]] | None) -> None:
    """The optional Story (articles, sources) and Article (short id) columns of a records table."""
    if stories is not None:
        table.add_column("Story", no_wrap=True)
    if articles is not None:
        table.add_column("Article", style="dim", no_wrap=True)


def _provenance_cells(i: int, articles: Sequence[str] | None,
                      stories: Sequence[tuple[int, int]] | None) -> list[str]:
    """The cells of :func:`_add_provenance_columns` for the ``i``-th row (0-based)."""
    cells = []
    if stories is not None:
        cells.append(_story_cell(stories[i]))
    if articles is not None:
        cells.append(articles[i][:8])
    return cells


def _quotes_table(rows: Iterable[tuple[str, str, str, dt.date | None]], *,
                  articles: Sequence[str] | None = None,
                  stories: Sequence[tuple[int, int]] | None = None) -> Table:
    table = Table(title="Quotes", title_justify="left", show_lines=False, expand=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("Speaker", style="cyan", max_width=28)
    table.add_column("Quote", max_width=90)
    table.add_column("Kind")
    table.add_column("Date", no_wrap=True)
    _add_provenance_columns(table, articles, stories)
    for i, (speaker, text, kind, date) in enumerate(rows, start=1):
        table.add_row(str(i), escape(speaker or "?"), escape(_clip(text, 240)), kind, str(date or ""),
                      *_provenance_cells(i - 1, articles, stories))
    return table


def _events_table(rows: Iterable[tuple[Any, str, str]], *,
                  articles: Sequence[str] | None = None,
                  stories: Sequence[tuple[int, int]] | None = None) -> Table:
    table = Table(title="Events", title_justify="left", expand=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("Type", style="magenta")
    table.add_column("Actor", style="cyan", max_width=26)
    table.add_column("Action", max_width=22)
    table.add_column("Recipient", style="cyan", max_width=26)
    table.add_column("Date", min_width=10)
    table.add_column("Place", max_width=20)
    _add_provenance_columns(table, articles, stories)
    for i, (ev, actor, recipient) in enumerate(rows, start=1):
        kind = ev.type + (f" ({ev.cameo})" if ev.cameo else "")
        action = ev.trigger.text + (f" [{ev.modality}]" if ev.modality != "asserted" else "")
        when = str(ev.date or "")
        if ev.date and ev.date_precision != "day":
            when += " (pub.)" if ev.date_precision == "publication" else f" ({ev.date_precision})"
        table.add_row(str(i), kind, escape(actor or ""), escape(action), escape(recipient or ""),
                      when, escape(ev.location.name if ev.location else ""),
                      *_provenance_cells(i - 1, articles, stories))
    return table


# --- ingest --------------------------------------------------------------------------------


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = None,
    published: PublishedOpt = None,
    model: ModelOpt = None,
    batch_size: Annotated[Optional[int], typer.Option(
        "--batch-size", min=1, help="Articles per batch (default: setting batch_size).")] = None,
    allow_private: AllowPrivateOpt = False,
    story_window: Annotated[int, typer.Option(
        "--story-window", min=1, metavar="N",
        help="Near-duplicate copies are searched among the N articles seen last (on a rerun: "
             "the N stored last); memory grows with N, not with the corpus.")] = 2000,
    fast: FastOpt = False,
) -> None:
    """Analyse articles and store them with all extracted records in a database.

    Syndicated copies (same canonical URL, same text, or near-duplicate text) share a story
    id, so events and quotes are counted per story. Articles already stored are skipped, so
    an interrupted run can simply be rerun. Inputs that cannot be read are recorded with the
    reason and the run goes on.
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .ingest.service import IngestService
    from .ingest.sources import iter_articles
    from .store import open_store

    settings = _settings(model, batch_size=batch_size, db=db,
                         allow_private=allow_private or None, quote_profile="fast" if fast else None)
    db = settings.db
    pub = _date_opt(published, "--published")
    started = time.perf_counter()
    with open_store(db) as store:
        service = IngestService(store, settings, window=story_window)
        counts = service.counts
        progress = Progress(
            SpinnerColumn(), TextColumn("[bold]ingest"),
            TextColumn("{task.completed} articles"), TextColumn("{task.fields[rate]:.1f} articles/s"),
            TextColumn("{task.fields[already]} already stored"), TextColumn("{task.fields[skipped]} skipped"),
            TextColumn("{task.fields[stories]} new stories, {task.fields[copies]} copies"),
            TimeElapsedColumn(), console=_stderr(), transient=False)
        with progress:
            task = progress.add_task("ingest", total=None, rate=0.0, already=0, skipped=0, stories=0,
                                     copies=0)
            for outcomes in service.run(iter_articles(paths, settings, published=pub)):
                elapsed = max(time.perf_counter() - started, 1e-9)
                progress.update(task, advance=len(outcomes), rate=counts.new / elapsed,
                                already=counts.stored, skipped=counts.skipped,
                                stories=counts.new_stories, copies=counts.copies)
            elapsed = max(time.perf_counter() - started, 1e-9)
            progress.update(task, rate=counts.new / elapsed, already=counts.stored, skipped=counts.skipped)
        totals = store.stats()
        n_stories = store.story_count()
    elapsed = time.perf_counter() - started
    out = _stdout()
    out.print(Text(
        f"{counts.new} new articles stored in {elapsed:.1f} s ({counts.new / max(elapsed, 1e-9):.1f} "
        f"articles/s); {counts.stored} already stored; {counts.skipped} skipped; "
        f"{counts.copies} copies of other stories", style="bold"))
    out.print(f"{shown_db(db)}: {totals['articles']} articles in {n_stories} stories, {totals['actors']} actors, "
              f"{totals['quotes']} quotes, "
              f"{totals['events']} events, {totals['places']} places, {totals['dates']} dates, "
              f"{totals['skips']} recorded skips", markup=False)


# --- listing from the store ----------------------------------------------------------------


def _print_stored(rows: Sequence[Any], make_table: Callable[..., Table],
                  cells: Callable[[Any], tuple], noun: str) -> None:
    """Stored quote or event rows as a table (``make_table`` over ``cells`` of each row),
    with their stories, and the article column when the terminal has room for it."""
    out = _stdout()
    wide = out.width >= 100
    out.print(make_table((cells(r) for r in rows), articles=[r.article_id for r in rows] if wide else None,
                         stories=[(r.story_articles, r.story_sources) for r in rows]))
    out.print(Text(f"{len(rows)} {noun} from {len({r.story_id for r in rows})} stories", style="dim"))


def _emit_rows(rows: Sequence[Any], format: ListFormat) -> bool:
    """Print rows (records with ``to_dict``, or dicts) as JSON / JSONL; ``False`` for the
    table format (caller draws it)."""
    dicts = [r if isinstance(r, dict) else r.to_dict() for r in rows]
    if format is ListFormat.json:
        typer.echo(json.dumps(dicts, ensure_ascii=False, indent=2))
        return True
    if format is ListFormat.jsonl:
        for d in dicts:
            typer.echo(json.dumps(d, ensure_ascii=False))
        return True
    return False


@app.command()
def quotes(
    db: DbOpt = None,
    actor: ActorOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="direct, indirect or mixed.")] = None,
    search: SearchOpt = None,
    limit: LimitOpt = 100,
    format: ListFormatOpt = ListFormat.table,
    raw: RawOpt = False,
) -> None:
    """List stored quotes with their speakers."""
    s, u = _date_opt(since, "--since"), _date_opt(until, "--until")
    with open_db(db, existing=True) as store:
        rows = store.quotes(actor=actor, since=s, until=u, kind=kind, text=search, limit=limit or None,
                             raw=raw)
    if not _emit_rows(rows, format):
        _print_stored(rows, _quotes_table,
                      lambda r: (r.speaker_name or "", r.text, r.quote.kind, r.quote.date or r.published),
                      "quotes")


@app.command()
def events(
    db: DbOpt = None,
    actor: ActorOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type: Annotated[Optional[str], typer.Option(
        "--type", help="PLOVER event type (e.g. CONSULT), or a CAMEO code with the codes under it "
        "(e.g. 163: impose sanctions, which PLOVER codes COERCE).")] = None,
    country: Annotated[Optional[str], typer.Option(
        "--country", help="ISO 3166-1 alpha-3: events in the country or with an actor of it.")] = None,
    quad_class: Annotated[Optional[int], typer.Option(
        "--quad-class", min=1, max=4, help="PLOVER quad class 1-4.")] = None,
    modality: Annotated[Optional[str], typer.Option(
        "--modality", help="asserted, negated, hypothetical, future, denied or demanded.")] = None,
    search: SearchOpt = None,
    limit: LimitOpt = 100,
    format: ListFormatOpt = ListFormat.table,
    raw: RawOpt = False,
) -> None:
    """List stored events with actors, dates and places."""
    s, u = _date_opt(since, "--since"), _date_opt(until, "--until")
    with open_db(db, existing=True) as store:
        rows = store.events(actor=actor, type=type, country=country, quad_class=quad_class, since=s, until=u,
                            modality=modality, text=search, limit=limit or None, raw=raw)
    if not _emit_rows(rows, format):
        _print_stored(rows, _events_table,
                      lambda r: (r.event, ", ".join(r.actor_names), ", ".join(r.recipient_names)), "events")


@app.command()
def articles(
    db: DbOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    search: SearchOpt = None,
    limit: LimitOpt = 100,
    format: ListFormatOpt = ListFormat.table,
) -> None:
    """List stored articles, newest first (the web's /articles)."""
    s, u = _date_opt(since, "--since"), _date_opt(until, "--until")
    with open_db(db, existing=True) as store:
        rows, _ = store.repo.articles_page(q=search, since=s, until=u, limit=limit or store.stats()["articles"] or 1)
    if _emit_rows(rows, format):
        return
    table = Table(title="Articles", title_justify="left")
    for col in ("Published", "Title", "Source", "Quotes", "Events", "Id"):
        table.add_column(col, justify="right" if col in ("Quotes", "Events") else "left",
                         style="dim" if col == "Id" else None, max_width=70 if col == "Title" else None)
    for r in rows:
        table.add_row(r["published"] or "", escape(r["title"] or ""), escape(r["source"] or ""),
                      str(r["quotes"]), str(r["events"]), r["id"])
    _stdout().print(table)
    _stdout().print(Text(f"{len(rows)} articles", style="dim"))


actors_app = typer.Typer(cls=CommuniqueGroup, invoke_without_command=True,
                         help="List stored actors across articles, most mentioned first; "
                              "`actors import` / `actors show` manage the actor registry.")
app.add_typer(actors_app, name="actors")


@actors_app.callback()
def actors(
    ctx: typer.Context,
    db: DbOpt = None,
    name: Annotated[Optional[str], typer.Option("--actor", "--name", help="Actor id or part of its name.")] = None,
    kind: Annotated[Optional[str], typer.Option(
        "--kind", help="person, organization, country or group.")] = None,
    country: Annotated[Optional[str], typer.Option("--country", help="ISO 3166-1 alpha-3 code.")] = None,
    limit: LimitOpt = 100,
    format: ListFormatOpt = ListFormat.table,
) -> None:
    """List stored actors across articles, most mentioned first (with their registry aliases).

    Subcommands: `actors import FILE...` loads actor dictionaries into the registry,
    `actors show NAME` shows one actor with aliases and dated roles.
    """
    if ctx.invoked_subcommand is not None:
        return
    with open_db(db, existing=True) as store:
        rows = store.actors(name=name, kind=kind, country=country, limit=limit or None)
    if _emit_rows(rows, format):
        return
    table = Table(title="Actors", title_justify="left")
    for col, style in (("Name", "cyan"), ("Kind", None), ("Country", None), ("Sector", None),
                       ("Articles", None), ("Mentions", None), ("Id", "dim")):
        table.add_column(col, style=style, justify="right" if col in ("Articles", "Mentions") else "left")
    aliases = any(r.aliases for r in rows)  # registry spelling variants, when it knows any
    if aliases:
        table.add_column("Aliases")
    for r in rows:
        cells = [escape(r.name), r.kind, r.country or "", r.sector or "", str(r.articles),
                 str(r.mentions), r.id]
        table.add_row(*cells, *([escape(", ".join(r.aliases))] if aliases else []))
    _stdout().print(table)
    _stdout().print(Text(f"{len(rows)} actors", style="dim"))


def _register_actor_commands() -> None:
    from .kb.cli import register

    register(actors_app)


_register_actor_commands()


@app.command()
def stats(db: DbOpt = None,
          skips: Annotated[bool, typer.Option("--skips", help="Also list the recorded skips.")] = False) -> None:
    """Show what a database holds (and the inputs that were skipped, with reasons)."""
    with open_db(db, existing=True) as store:
        counts = store.stats()
        skipped = store.skips() if skips else []
    out = _stdout()
    out.print(", ".join(f"{v} {k}" for k, v in counts.items()), markup=False)
    for s in skipped:
        where = f"{s['source']}:{s['line']}" if s["line"] else s["source"]
        out.print(Text(f"[{s['code']}] {where}: {s['reason']}"))


# --- plug-ins --------------------------------------------------------------------------------


def _register_plugins() -> None:
    from .evaluation import register_all

    register_all(eval_app)
    for name in PLUGIN_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            parts = name.split(".")
            if exc.name in {".".join(parts[:i]) for i in range(2, len(parts) + 1)}:
                continue
            raise
        register = getattr(module, "register", None)
        if register is not None:
            commands, groups = list(app.registered_commands), list(app.registered_groups)
            register(app)
            _drop_broken(name, commands, groups)


def _broken_callbacks(t: typer.Typer) -> list[str]:
    """Commands of ``t`` (and its sub-typers) whose parameters typer cannot build."""
    from typer.utils import get_params_from_function

    bad = []
    for info in t.registered_commands:
        if info.callback is None:
            continue
        try:
            get_params_from_function(info.callback)
        except Exception as exc:  # noqa: BLE001 - any failure here would break the whole CLI
            bad.append(f"{info.name or info.callback.__name__}: {type(exc).__name__}: {exc}")
    for group in t.registered_groups:
        if group.typer_instance is not None:
            bad += _broken_callbacks(group.typer_instance)
    return bad


def _drop_broken(module: str, commands: list, groups: list) -> None:
    """A plug-in whose commands cannot be built is left out, so the core CLI keeps working."""
    new_commands = [c for c in app.registered_commands if c not in commands]
    new_groups = [g for g in app.registered_groups if g not in groups]
    probe = typer.Typer()
    probe.registered_commands, probe.registered_groups = new_commands, new_groups
    problems = _broken_callbacks(probe)
    if problems:
        logging.getLogger(__name__).warning("plug-in %s left out: %s", module, "; ".join(problems))
        app.registered_commands, app.registered_groups = commands, groups


_register_plugins()


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point (``communique``)."""
    try:
        app(args=list(argv) if argv is not None else None, prog_name="communique")
    except CommuniqueError as exc:  # raised outside a command (e.g. while parsing)
        print_error(exc)
        sys.exit(EXIT_USER_ERROR)


if __name__ == "__main__":  # pragma: no cover
    main()
