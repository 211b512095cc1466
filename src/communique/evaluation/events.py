"""Event coding measured on the CAMEO codebook's example sentences.

``communique eval events --cameo-examples cameo-codes.csv`` parses each example sentence,
codes its main event (``extract/event_main.py``: the reported action, not the report;
CAMEO 01 statements count only when nothing else matches) and scores:

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
from ..extract.event_args import actor_token, fallback_actor_token, party_of
from ..extract.event_lexicon import load_lexicon
from ..extract.event_main import rank as main_rank
from ..extract.events import match_trigger, recode
from ..ontology import plover_for_cameo
from .report import parsed_with_actors


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
        rank = main_rank(tok, m.pattern.statement)
        if best is None or rank < best[0]:
            best = (rank, tok, m)
    if best is None:
        return None, None, None, None
    _, tok, m = best
    cameo, how = recode(tok, m.cameo, lex, table)
    # a planned act keeps its own PLOVER type under CAMEO's intent code, as the coder does
    if how == "plan":
        ptype = _type_of(m.cameo, m.pattern.type)
    else:
        ptype = _type_of(cameo, m.pattern.type if cameo == m.cameo else None)
    a = actor_token(tok)
    party = party_of(doc, a, table, (), None) if a is not None else None
    if party is None:
        f = fallback_actor_token(tok, table)
        party = party_of(doc, f, table, (), None) if f is not None else None
    countries = None
    if party is not None:
        countries = "|".join(sorted({a.country for a in (table.get(x) for x in party.actors)
                                     if a is not None and a.country}))
    return ptype, cameo, countries or None, tok.i


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


SPLIT_SEED = 20240521


def split_halves(n: int, seed: int = SPLIT_SEED) -> tuple[list[int], list[int]]:
    """A seeded random split of example indices into (tuning half, held-out half).

    Error analysis and lexicon work look only at the tuning half; the held-out half
    tells whether what was learnt there generalises."""
    import random

    idx = list(range(n))
    random.Random(seed).shuffle(idx)
    half = n // 2
    return sorted(idx[:half]), sorted(idx[half:])


@dataclass(frozen=True)
class Outcome:
    """One example scored: gold and predicted type/code/country for ours and the baseline."""

    example: Example
    expected_type: str | None
    type: str | None
    cameo: str | None
    trigger: str | None
    country_gold: str | None
    country: str | None
    base_type: str | None
    base_cameo: str | None
    base_country: str | None


def score(outcomes: list[Outcome]) -> dict[str, dict]:
    sys_s, base_s = Scores(), Scores()
    for o in outcomes:
        for s, t, c in ((sys_s, o.type, o.cameo), (base_s, o.base_type, o.base_cameo)):
            s.n += 1
            if o.expected_type is not None:
                s.type_n += 1
                s.type_ok += int(t == o.expected_type)
            s.root_ok += int(c is not None and c[:2] == o.example.code[:2])
        if o.country_gold is not None:
            sys_s.country_n += 1
            sys_s.country_ok += int(o.country_gold in (o.country or "").split("|"))
            base_s.country_n += 1
            base_s.country_ok += int(o.base_country == o.country_gold)
    return {"communique": sys_s.as_dict(), "baseline": base_s.as_dict()}


def run_examples(examples: list[Example], settings: Settings | None = None) -> list[Outcome]:
    settings = settings or Settings()
    out = []
    parsed = parsed_with_actors([e.text for e in examples], settings, dt.date(2000, 1, 1))
    for ex, (doc, _ctx, table) in zip(examples, parsed):
        ptype, pcode, pcountry, trig = predict(doc, table)
        btype, bcode = baseline(doc)
        out.append(Outcome(ex, expected_type(ex.code), ptype, pcode,
                           doc[trig].text if trig is not None else None,
                           first_country(table, doc, trig), pcountry, btype, bcode,
                           last_country(table, doc, trig)))
    return out


def evaluate(examples: list[Example], settings: Settings | None = None) -> dict[str, dict]:
    """Scores of ours and the baseline over all ``examples``."""
    return score(run_examples(examples, settings))


def evaluate_split(examples: list[Example], settings: Settings | None = None,
                   seed: int = SPLIT_SEED) -> dict[str, dict[str, dict]]:
    """Scores over all examples, the tuning half and the held-out half."""
    outcomes = run_examples(examples, settings)
    tune, held = split_halves(len(outcomes), seed)
    return {"all": score(outcomes), "tuning": score([outcomes[i] for i in tune]),
            "held-out": score([outcomes[i] for i in held])}


def register(app) -> None:  # app: typer.Typer
    import typer

    @app.command("events")
    def eval_events(cameo_examples: Path | None = typer.Option(None, "--cameo-examples", exists=True,
                                                               help="cameo-codes.csv (code, example columns)"),
                    dev_set: Path | None = typer.Option(None, "--dev-set", exists=True,
                                                        help="labelled sentences (data/eval/events_dev.jsonl)"),
                    split: str = typer.Option("all", "--split", help="dev set part: tune, heldout or all"),
                    details_path: Path | None = typer.Option(None, "--details",
                                                             help="write one JSON line per dev-set sentence"),
                    seed: int = typer.Option(SPLIT_SEED, "--seed", help="seed of the CAMEO examples' split"),
                    as_json: bool = typer.Option(False, "--json", help="print JSON"),
                    compare: bool = typer.Option(False, "--compare", help="baseline, curated patterns, rules "
                                                 "(+ PETRARCH2 dictionary), model and combined in one run "
                                                 "(CAMEO examples: held-out half)")) -> None:
        """Score event coding beside a naive baseline. --dev-set: type, argument accuracy and
        country-dyad F1 of each sentence's main event on the labelled development set.
        --cameo-examples: PLOVER type, CAMEO root and actor country on CAMEO example
        sentences (all, tuning half, held-out half)."""
        import json

        from rich.console import Console
        from rich.table import Table

        if (cameo_examples is None) == (dev_set is None):
            raise typer.BadParameter("give exactly one of --dev-set and --cameo-examples")
        if compare:  # evaluation/event_compare.py
            from .event_compare import compare_cameo, compare_dev, print_comparison

            res = (compare_dev(dev_set, split) if dev_set is not None
                   else compare_cameo(cameo_examples))  # type: ignore[arg-type]  # one of the two (checked above)
            if as_json:
                typer.echo(json.dumps(res, indent=2))
            else:
                print_comparison(res)
            return
        if dev_set is not None:
            from .event_devset import details, load_dev_set, run_dev, score_dev

            scored = run_dev(load_dev_set(dev_set, split))
            if details_path is not None:
                with open(details_path, "w", encoding="utf-8") as fh:
                    for row in details(scored):
                        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            dev = score_dev(scored)
            if as_json:
                typer.echo(json.dumps(dev, indent=2))
                return
            t = Table(title=f"Main events on {dev_set.name} (split {split})")
            cols = ("sentences", "type_accuracy", "event_sentences", "argument_accuracy", "dyad_f1")
            for col in ("system", *cols):
                t.add_column(col)
            for name, r in dev.items():
                t.add_row(name, *(str(r[c]) for c in cols))
            Console().print(t)
            return
        assert cameo_examples is not None
        result = evaluate_split(load_examples(cameo_examples), seed=seed)
        if as_json:
            typer.echo(json.dumps(result, indent=2))
            return
        table = Table(title=f"Event coding on {cameo_examples.name} (split seed {seed})")
        table.add_column("examples set")
        table.add_column("system")
        cols = ("examples", "type_accuracy", "root_accuracy", "country_accuracy", "country_examples")
        for col in cols:
            table.add_column(col)
        for part, res in result.items():
            for name, r in res.items():
                table.add_row(part, name, *(str(r[c]) for c in cols))
        Console().print(table)
