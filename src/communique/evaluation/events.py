"""Event coding measured on the CAMEO codebook's example sentences.

``communique eval events --cameo-examples cameo-codes.csv`` parses each example sentence,
codes its main event (the matched trigger highest in the parse; CAMEO 01 statements
count only when nothing else matches) and scores:

- PLOVER type accuracy (expected type: the example's code through the CAMEO2PLOVER
  crosswalk; examples of codes the crosswalk does not list, CAMEO 01/02, are left out);
- CAMEO root accuracy (first two digits), over all examples;
- actor country accuracy, over examples where a country (name, demonym, capital) is
  named before the trigger: the expected country is the first one named;

beside a naive baseline: the first token whose lemma is a trigger of any pattern.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..extract.actors import extract_actors
from ..extract.context import ExtractionContext
from ..extract.event_lexicon import load_lexicon
from ..extract.events import match_trigger
from ..extract.event_args import actor_token, party_of
from ..ingest.article import make_article
from ..ontology import plover_for_cameo


@dataclass(frozen=True)
class Example:
    code: str
    text: str


@dataclass
class Scores:
    n: int = 0
    type_n: int = 0
    type_ok: int = 0
    root_ok: int = 0
    country_n: int = 0
    country_ok: int = 0

    def as_dict(self) -> dict[str, float | int]:
        return {"examples": self.n, "type_examples": self.type_n,
                "type_accuracy": round(self.type_ok / self.type_n, 3) if self.type_n else 0.0,
                "root_accuracy": round(self.root_ok / self.n, 3) if self.n else 0.0,
                "country_examples": self.country_n,
                "country_accuracy": round(self.country_ok / self.country_n, 3) if self.country_n else 0.0}


def load_examples(path: str | Path) -> list[Example]:
    out = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            text = (row.get("example") or "").strip()
            code = (row.get("code") or "").strip()
            if not text or text == "NA" or not code:
                continue
            out.append(Example(code, text.replace("\ufffd", "'")))
    return out


def expected_type(code: str) -> str | None:
    cw = plover_for_cameo(code)
    return cw[0] if cw else None


def _type_of(cameo: str, pattern_type: str | None) -> str | None:
    if pattern_type:
        return pattern_type
    cw = plover_for_cameo(cameo)
    return cw[0] if cw else None


def predict(doc, table) -> tuple[str | None, str | None, str | None, int | None]:
    """(type, cameo, actor country, trigger index) of the sentence's main event."""
    lex = load_lexicon()
    best = None
    for tok in doc:
        m = match_trigger(tok, lex, table, statements=True)
        if m is None:
            continue
        depth = 0
        t = tok
        while t.head.i != t.i:
            t = t.head
            depth += 1
        rank = (1 if m.pattern.statement else 0, depth, tok.i)
        if best is None or rank < best[0]:
            best = (rank, tok, m)
    if best is None:
        return None, None, None, None
    _, tok, m = best
    a = actor_token(tok)
    party = party_of(doc, a, table, (), None) if a is not None else None
    countries = None
    if party is not None:
        countries = "|".join(sorted({a.country for a in (table.get(x) for x in party.actors)
                                     if a is not None and a.country}))
    return _type_of(m.cameo, m.pattern.type), m.cameo, countries or None, tok.i


def baseline(doc) -> tuple[str | None, str | None]:
    lex = load_lexicon()
    for tok in doc:
        pats = lex.by_lemma.get(tok.lemma_.lower())
        if pats:
            p = pats[0]
            return _type_of(p.cameo, p.type), p.cameo
    return None, None


def first_country(table, doc, before: int | None) -> str | None:
    for tok in doc:
        if before is not None and tok.i >= before:
            break
        aid = table.actor_for_token(tok.i)
        if aid is None:
            continue
        a = table.get(aid)
        if a is not None and a.country:
            return a.country
    return None


def last_country(table, doc, before: int | None) -> str | None:
    """Naive baseline: the country named nearest before the trigger."""
    found = None
    for tok in doc:
        if before is not None and tok.i >= before:
            break
        aid = table.actor_for_token(tok.i)
        a = table.get(aid) if aid else None
        if a is not None and a.country:
            found = a.country
    return found


def evaluate(examples: list[Example], settings: Settings | None = None) -> dict[str, dict]:
    from ..nlp import build_pipeline

    settings = settings or Settings()
    nlp = build_pipeline(settings)
    sys_s, base_s = Scores(), Scores()
    for ex, doc in zip(examples, nlp.pipe([e.text for e in examples])):
        ctx = ExtractionContext(make_article(ex.text, published=dt.date(2000, 1, 1)), settings)
        table = extract_actors(doc, ctx)
        ptype, pcode, pcountry, trig = predict(doc, table)
        btype, bcode = baseline(doc)
        etype = expected_type(ex.code)
        gold_country = first_country(table, doc, trig)
        for s, t, c in ((sys_s, ptype, pcode), (base_s, btype, bcode)):
            s.n += 1
            if etype is not None:
                s.type_n += 1
                s.type_ok += int(t == etype)
            s.root_ok += int(bool(c) and c[:2] == ex.code[:2])
        if gold_country is not None:
            sys_s.country_n += 1
            sys_s.country_ok += int(gold_country in (pcountry or "").split("|"))
            base_s.country_n += 1
            base_s.country_ok += int(last_country(table, doc, trig) == gold_country)
    return {"communique": sys_s.as_dict(), "baseline": base_s.as_dict()}


def register(app) -> None:  # app: typer.Typer
    import typer

    @app.command("events")
    def eval_events(cameo_examples: Path = typer.Option(..., "--cameo-examples", exists=True,
                                                        help="cameo-codes.csv (code, example columns)"),
                    as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
        """Score PLOVER type, CAMEO root and actor country on CAMEO example sentences."""
        import json

        from rich.console import Console
        from rich.table import Table

        result = evaluate(load_examples(cameo_examples))
        if as_json:
            typer.echo(json.dumps(result, indent=2))
            return
        table = Table(title=f"Event coding on {cameo_examples.name}")
        table.add_column("system")
        for col in ("examples", "type_accuracy", "root_accuracy", "country_accuracy", "country_examples"):
            table.add_column(col)
        for name, r in result.items():
            table.add_row(name, *(str(r[c]) for c in ("examples", "type_accuracy", "root_accuracy",
                                                       "country_accuracy", "country_examples")))
        Console().print(table)
