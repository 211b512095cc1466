"""``communique review ...``: confirm, reject, correct or add records from the command
line or a JSONL file, list reviews, re-analyse reviewed articles, export gold data and
report agreement. Thin: the work is in :mod:`communique.review`."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..cli_options import DbOpt, open_db
from .records import parse_span

AuthorOpt = Annotated[Optional[str], typer.Option("--author", help="Reviewer name (default: cli:$USER).")]
CommentOpt = Annotated[Optional[str], typer.Option("--comment", help="Why (optional).")]

Speaker = Annotated[Optional[str], typer.Option("--speaker", help="Quote: speaker actor id ('' clears).")]
SpeakerSpan = Annotated[Optional[str], typer.Option("--speaker-span", help="Quote: speaker START-END.")]
Kind = Annotated[Optional[str], typer.Option("--quote-kind", help="Quote: direct, indirect, mixed.")]
Type = Annotated[Optional[str], typer.Option("--type", help="Event: PLOVER type.")]
Mode = Annotated[Optional[str], typer.Option("--mode", help="Event: PLOVER mode.")]
Modality = Annotated[Optional[str], typer.Option("--modality", help="Event: asserted, negated, ...")]
Actor = Annotated[Optional[str], typer.Option("--actor", help="Event: actor id ('' clears).")]
Recipient = Annotated[Optional[str], typer.Option("--recipient", help="Event: recipient actor id.")]
ActorSpan = Annotated[Optional[str], typer.Option("--actor-span", help="Event: actor START-END.")]
RecipientSpan = Annotated[Optional[str], typer.Option("--recipient-span", help="Event: recipient START-END.")]
Date = Annotated[Optional[str], typer.Option("--date", help="YYYY-MM-DD ('' clears).")]
Place = Annotated[Optional[int], typer.Option("--place", help="Event: index of a place of the article.")]
PlaceName = Annotated[Optional[str], typer.Option("--place-name", help="Event: place name.")]



def _author(author: str | None) -> str:
    if author:
        return author
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # noqa: BLE001 - no user name in some containers
        return "cli"


def _span(value: str | None) -> tuple[int, int] | None:
    return parse_span(value, typer.BadParameter)


def _echo_review(r) -> None:
    typer.echo(json.dumps(r.to_dict(), ensure_ascii=False))


def register(app: typer.Typer) -> None:
    from ..cli import CommuniqueGroup

    rv = typer.Typer(cls=CommuniqueGroup, no_args_is_help=True,
                     help="Review records: confirm, reject, correct, add; export gold; agreement.")
    app.add_typer(rv, name="review")

    @rv.command("confirm")
    def confirm(record: Annotated[str, typer.Argument(help="Record key or id (ARTICLE:q0, ARTICLE:e3).")],
                db: DbOpt = None, author: AuthorOpt = None, comment: CommentOpt = None) -> None:
        """Confirm a machine record."""
        from .service import submit

        with open_db(db) as s:
            _echo_review(submit(s, action="confirm", author=_author(author), ref=record, comment=comment))

    @rv.command("reject")
    def reject(record: Annotated[str, typer.Argument(help="Record key or id.")],
               db: DbOpt = None, author: AuthorOpt = None, comment: CommentOpt = None) -> None:
        """Reject a machine record (left out of the reviewed version)."""
        from .service import submit

        with open_db(db) as s:
            _echo_review(submit(s, action="reject", author=_author(author), ref=record, comment=comment))

    def _changes(speaker, speaker_span, kind, type_, mode, modality, actor, recipient, actor_span,
                 recipient_span, date, place, place_name) -> dict[str, Any]:
        return {"speaker_actor": speaker, "speaker_span": _span(speaker_span), "kind": kind,
                "type": type_, "mode": mode, "modality": modality, "actor": actor,
                "recipient": recipient, "actor_span": _span(actor_span),
                "recipient_span": _span(recipient_span), "date": date, "place": place,
                "place_name": place_name}

    @rv.command("correct")
    def correct(record: Annotated[str, typer.Argument(help="Record key or id.")],
                speaker: Speaker = None, speaker_span: SpeakerSpan = None, kind: Kind = None,
                type_: Type = None, mode: Mode = None, modality: Modality = None, actor: Actor = None,
                recipient: Recipient = None, actor_span: ActorSpan = None,
                recipient_span: RecipientSpan = None, date: Date = None, place: Place = None,
                place_name: PlaceName = None, db: DbOpt = None, author: AuthorOpt = None,
                comment: CommentOpt = None) -> None:
        """Correct fields of a machine record (speaker, event type or mode, actor, recipient, date, place)."""
        from .service import submit

        ch = _changes(speaker, speaker_span, kind, type_, mode, modality, actor, recipient, actor_span,
                      recipient_span, date, place, place_name)
        with open_db(db) as s:
            _echo_review(submit(s, action="correct", author=_author(author), ref=record, changes=ch,
                                comment=comment))

    @rv.command("add")
    def add(article: Annotated[str, typer.Argument(help="Article id.")],
            kind: Annotated[str, typer.Argument(help="quote or event.")],
            span: Annotated[str, typer.Argument(help="Quote content or event trigger START-END.")],
            speaker: Speaker = None, speaker_span: SpeakerSpan = None, quote_kind: Kind = None,
            type_: Type = None, mode: Mode = None, modality: Modality = None, actor: Actor = None,
            recipient: Recipient = None, actor_span: ActorSpan = None,
            recipient_span: RecipientSpan = None, date: Date = None, place: Place = None,
            place_name: PlaceName = None, db: DbOpt = None, author: AuthorOpt = None,
            comment: CommentOpt = None) -> None:
        """Add a quote or event the machine missed."""
        from .service import submit

        ch = _changes(speaker, speaker_span, quote_kind, type_, mode, modality, actor, recipient,
                      actor_span, recipient_span, date, place, place_name)
        with open_db(db) as s:
            _echo_review(submit(s, action="add", author=_author(author), article_id=article, kind=kind,
                                span=_span(span), changes=ch, comment=comment))

    @rv.command("apply")
    def apply_file(path: Annotated[Path, typer.Argument(help="JSONL: one review per line: {action, "
                                                        "record | article_id+kind+span, changes, comment, author}.")],
                   db: DbOpt = None, author: AuthorOpt = None) -> None:
        """Submit many reviews from a JSONL file (scripted bulk work)."""
        from .service import submit

        n = 0
        with open_db(db) as s:
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                d = json.loads(line)
                ch = dict(d.get("changes") or {})
                for k in ("speaker_span", "actor_span", "recipient_span"):
                    if isinstance(ch.get(k), str):
                        ch[k] = _span(ch[k])
                submit(s, action=d["action"], author=d.get("author") or _author(author),
                       ref=d.get("record"), article_id=d.get("article_id"), kind=d.get("kind"),
                       span=tuple(d["span"]) if d.get("span") else None, changes=ch,
                       comment=d.get("comment"))
                n += 1
        typer.echo(f"{n} reviews submitted")

    @rv.command("list")
    def list_(db: DbOpt = None, article: Annotated[Optional[str], typer.Option("--article")] = None,
              author: Annotated[Optional[str], typer.Option("--author")] = None,
              status: Annotated[Optional[str], typer.Option("--status", help="attached or flagged")] = None,
              as_json: Annotated[bool, typer.Option("--json", help="JSONL output")] = False) -> None:
        """List reviews, oldest first."""
        from rich.console import Console
        from rich.table import Table

        with open_db(db) as s:
            rows = s.reviews(article_id=article, author=author, status=status)
        if as_json:
            for r in rows:
                _echo_review(r)
            return
        t = Table("time", "author", "action", "record", "status", "change / comment")
        for r in rows:
            t.add_row(r.created_at, r.author, r.action, r.key, r.status + (f" ({r.note})" if r.note else ""),
                      json.dumps(r.after, ensure_ascii=False)[:60] if r.after else (r.comment or ""))
        Console().print(t)

    @rv.command("agreement")
    def agreement_cmd(db: DbOpt = None,
                      as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
        """How often reviewers confirmed the machine, per record type and per rule."""
        from rich.console import Console
        from rich.table import Table

        from .agreement import agreement

        with open_db(db) as s:
            rep = agreement(s.reviews())
        if as_json:
            typer.echo(json.dumps(rep, indent=2))
            return
        t = Table("type / rule", "reviewed", "confirmed", "corrected", "rejected", "missed", "precision",
                  "corrected fields", title=f"{rep['reviews']} reviews of {rep['records']} records")
        for name, d in list(rep["by_kind"].items()) + list(rep["by_rule"].items()):
            t.add_row(name, *(str(d[k]) for k in ("reviewed", "confirmed", "corrected", "rejected", "missed")),
                      f"{d['precision']:.2f}" if d["precision"] is not None else "-",
                      ", ".join(f"{k} {v}" for k, v in d["corrected_fields"].items()))
        Console().print(t)

    @rv.command("export")
    def export(out: Annotated[Path, typer.Argument(help="Output folder.")], db: DbOpt = None,
               split: Annotated[str, typer.Option("--split")] = "gold",
               vetted_only: Annotated[bool, typer.Option("--vetted-only", help="Only records a "
                                                         "reviewer confirmed, corrected or added.")] = False) -> None:
        """Export reviewed articles as gold: PolNeAR-style BRAT and PLOVER-style JSONL."""
        from .gold import export_gold

        with open_db(db) as s:
            reviewed = [rv_ for aid in s.repo.reviewed_article_ids() if (rv_ := s.reviewed(aid))]
        typer.echo(json.dumps(export_gold(reviewed, out, split=split, vetted_only=vetted_only)))

    @rv.command("score")
    def score(gold: Annotated[Path, typer.Argument(help="A folder written by 'review export'.")],
              db: DbOpt = None, split: Annotated[str, typer.Option("--split")] = "gold",
              raw: Annotated[bool, typer.Option("--raw", help="Score the machine output instead.")] = False) -> None:
        """Score the store's (reviewed or --raw) records against exported gold."""
        from .gold import score_events, score_quotes

        with open_db(db) as s:
            ids = [p.stem for p in (gold / split / "text").glob("*.txt")]
            analyses = {i: s.get(i, raw=raw) for i in ids if s.has(i)}
        typer.echo(json.dumps({"quotes": score_quotes(gold, analyses, split),
                               "events": score_events(gold / f"{split}.events.jsonl", analyses)}, indent=2))

    @rv.command("reanalyse")
    def reanalyse(db: DbOpt = None,
                  article: Annotated[Optional[list[str]], typer.Option("--article")] = None,
                  model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline")] = None) -> None:
        """Re-analyse reviewed articles with the current model; reviews re-attach or are flagged."""
        from ..config import Settings
        from ..pipeline import Pipeline

        settings = Settings.load({"spacy_model": model})
        pipe = Pipeline(settings)
        out = {"attached": 0, "flagged": 0}
        with open_db(db) as s:
            for aid in article or s.repo.reviewed_article_ids():
                new = pipe.analyze_article(s.get(aid, raw=True).article)
                for r in s.reanalyse(new):
                    out[r.status] += 1
                    if r.status == "flagged":
                        typer.echo(f"flagged {r.id} {r.key}: {r.note}", err=True)
        typer.echo(json.dumps(out))
