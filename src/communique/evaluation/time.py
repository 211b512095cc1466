"""Evaluate date resolution on the project's own labelled set (``communique eval time``).

The set (``tests/fixtures/dates_eval.jsonl``, one JSON object a line) holds sentences
written for communique with a publication date (or null), a temporal expression, its
expected value and precision, and for most an event word with the date it should get
(``DateTable.date_for``). Scores:

- expressions: exact value and precision of the resolved expression that overlaps the
  labelled one (an expression the detector misses counts as wrong);
- exact day: the same, counting only the value;
- event dates: ``date_for(event word)`` equal to the expected value and precision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .report import first_overlapping, load_jsonl, phrase_span, register_set_command

DEFAULT_SET = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "dates_eval.jsonl"


@dataclass
class TimeScores:
    n_expr: int = 0
    exact: int = 0  # value and precision
    value_ok: int = 0
    n_event: int = 0
    event_ok: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.exact / self.n_expr if self.n_expr else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.n_expr if self.n_expr else 0.0

    @property
    def event_accuracy(self) -> float:
        return self.event_ok / self.n_event if self.n_event else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"expressions": self.n_expr, "exact": self.exact, "accuracy": round(self.accuracy, 4),
                "value_accuracy": round(self.value_accuracy, 4), "events": self.n_event,
                "event_accuracy": round(self.event_accuracy, 4), "errors": self.errors}


def load_items(path: str | Path | None = None) -> list[dict[str, Any]]:
    return load_jsonl(path, DEFAULT_SET)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def evaluate(items: Iterable[dict[str, Any]], nlp=None, settings=None) -> TimeScores:
    """Run the date stage over every item and score it."""
    from ..config import Settings
    from ..extract.context import ExtractionContext
    from ..extract.time import extract_dates
    from ..ingest.article import make_article
    from ..nlp import build_pipeline

    settings = settings or Settings()
    nlp = nlp or build_pipeline(settings)
    scores = TimeScores()
    items = list(items)
    docs = nlp.pipe([it["text"] for it in items])
    for it, doc in zip(items, docs):
        article = make_article(it["text"], published=it.get("published"))
        table = extract_dates(doc, ExtractionContext(article, settings))
        if "expr" in it:
            scores.n_expr += 1
            ref = first_overlapping(table.refs, *phrase_span(it["text"], it["expr"]))
            got_v, got_p = (_iso(ref.value), ref.precision) if ref else (None, None)
            if got_v == it["value"]:
                scores.value_ok += 1
            if got_v == it["value"] and (got_p == it["precision"] or ref is None and it["value"] is None):
                scores.exact += 1
            else:
                scores.errors.append({"id": it["id"], "kind": "expression", "text": it["text"],
                                      "expr": it["expr"], "found": ref.text if ref else None,
                                      "expected": [it["value"], it["precision"]], "got": [got_v, got_p]})
        if "event" in it:
            ev = it["event"]
            scores.n_event += 1
            tok = next((t for t in doc if t.text == ev["token"]), None)
            found = table.date_for(tok) if tok is not None else (None, None)
            got = (_iso(found[0]), found[1])
            if got == (ev["value"], ev["precision"]):
                scores.event_ok += 1
            else:
                scores.errors.append({"id": it["id"], "kind": "event", "text": it["text"],
                                      "token": ev["token"], "expected": [ev["value"], ev["precision"]],
                                      "got": list(got)})
    return scores


def register(app) -> None:
    register_set_command(
        app, "time",
        summary="Score date resolution: expressions (value + precision) and event dates.",
        default_set=DEFAULT_SET,
        score=lambda path: evaluate(load_items(path)),
        rows=lambda res: [
            ("expressions: value + precision", res.n_expr, res.exact, res.accuracy),
            ("expressions: exact day (value)", res.n_expr, res.value_ok, res.value_accuracy),
            ("event dates (date_for)", res.n_event, res.event_ok, res.event_accuracy),
        ],
        error_line=lambda e: (f"[red]{e['id']}[/red] {e['kind']}: {e['text']!r} "
                              f"{e.get('expr') or e.get('token')!r}: expected {e['expected']} got {e['got']}"),
    )
