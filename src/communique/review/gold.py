"""Reviewed articles as gold data.

- Attributions (quotes): PolNeAR-style BRAT standoff, the layout
  :func:`communique.evaluation.polnear.load_split` reads, so ``communique eval quotes
  --polnear OUT --split gold`` and the attribution trainer can use a team's corrections::

      OUT/metadata.tsv                              compartment, filename, publisher, publication_date, title
      OUT/<split>/text/<article id>.txt             the article text (UTF-8, exact)
      OUT/<split>/attributions/<article id>_<annotator>.ann
          T1  Source 10 24  Antony Blinken          one T line per span (";"-joined segments)
          T2  Cue 25 29     said
          T3  Content 30 80 ...
          T4  Attribution 25 29  said               the event's trigger (the cue, else the content)
          E1  Attribution:T4 Source:T1 Cue:T2 Content:T3

- Events: PLOVER-style JSONL, ``OUT/<split>.events.jsonl``: one object per event with the
  PLOVER export columns (:data:`communique.analysis.exports.PLOVER_COLUMNS`) plus
  ``review`` (None, confirmed, corrected, added).

Which records: by default the whole reviewed version of every article with at least one
attached review (rejected records left out, corrections applied, additions included,
untouched records kept); ``vetted_only`` keeps only records a reviewer confirmed,
corrected or added.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..analysis.exports import EventRecord, plover_rows
from ..analysis.spreadsheet import safe_row
from ..evaluation.attribution_metrics import Attribution, Counts
from ..models import Analysis, Event, Quote
from .apply import Reviewed

Segments = tuple[tuple[int, int], ...]


def attribution_of(q: Quote) -> Attribution:
    return Attribution(source=((q.speaker.start, q.speaker.end),) if q.speaker else (),
                       cue=((q.cue.start, q.cue.end),) if q.cue else (),
                       content=tuple((c.start, c.end) for c in q.content))


def _clean(text: str) -> str:
    return " ".join(text.split())


def brat_ann(text: str, quotes: Iterable[Quote]) -> str:
    """The BRAT ``.ann`` of some quotes of one article (PolNeAR roles)."""
    lines: list[str] = []
    t = e = 0
    for q in quotes:
        a = attribution_of(q)
        if not a.content:
            continue
        refs = {}
        for role, segs in (("Source", a.source), ("Cue", a.cue), ("Content", a.content),
                           ("Attribution", a.cue or a.content[:1])):
            if not segs:
                continue
            t += 1
            offs = ";".join(f"{s} {en}" for s, en in segs)
            lines.append(f"T{t}\t{role} {offs}\t{_clean(' '.join(text[s:en] for s, en in segs))}")
            refs[role] = f"T{t}"
        e += 1
        args = " ".join(f"{role}:{refs[role]}" for role in ("Source", "Cue", "Content") if role in refs)
        lines.append(f"E{e}\tAttribution:{refs['Attribution']} {args}")
    return "\n".join(lines) + ("\n" if lines else "")


def _kept(states, records, vetted_only: bool):
    return [r for r, st in zip(records, states) if not vetted_only or st.status is not None]


def event_rows(reviewed: Reviewed, vetted_only: bool = False) -> list[dict[str, Any]]:
    a = reviewed.analysis
    names = {x.id: x.name for x in a.actors}
    out = []
    for i, (ev, st) in enumerate(zip(a.events, reviewed.events)):
        if vetted_only and st.status is None:
            continue
        rec = EventRecord(a.article, i, ev, a.text[ev.sentence.start:ev.sentence.end],
                          tuple(names.get(x, x) for x in ev.actor.actors) if ev.actor else (),
                          tuple(names.get(x, x) for x in ev.recipient.actors) if ev.recipient else ())
        row = plover_rows([rec])[0]
        row["review"] = st.status
        row["record_key"] = st.key or None
        row["event"] = ev.to_dict()  # the full record, offsets included
        out.append(row)
    return out


def export_gold(reviewed: Sequence[Reviewed], out: str | Path, *, split: str = "gold",
                annotator: str = "review", vetted_only: bool = False) -> dict[str, Any]:
    """Write the gold files of some reviewed articles; returns counts and paths."""
    if "_" in annotator:
        raise ValueError("the annotator name may not contain '_' (PolNeAR file names)")
    root = Path(out)
    text_dir, ann_dir = root / split / "text", root / split / "attributions"
    text_dir.mkdir(parents=True, exist_ok=True)
    ann_dir.mkdir(parents=True, exist_ok=True)
    meta_rows, n_quotes, n_events = [], 0, 0
    events_path = root / f"{split}.events.jsonl"
    with events_path.open("w", encoding="utf-8") as ev_out:
        for rv in reviewed:
            a = rv.analysis
            name = a.id
            quotes = _kept(rv.quotes, a.quotes, vetted_only)
            (text_dir / f"{name}.txt").write_text(a.text, encoding="utf-8", newline="")
            (ann_dir / f"{name}_{annotator}.ann").write_text(brat_ann(a.text, quotes), encoding="utf-8")
            n_quotes += len(quotes)
            for row in event_rows(rv, vetted_only):
                ev_out.write(json.dumps(row, ensure_ascii=False) + "\n")
                n_events += 1
            art = a.article
            meta_rows.append({"compartment": split, "filename": name, "level": "full",
                              "annotators": annotator, "publisher": art.source or "",
                              "publication_date": art.published.isoformat() if art.published else "",
                              "author": annotator, "title": art.title or name})
    with (root / "metadata.tsv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(meta_rows[0]) if meta_rows else
                           ["compartment", "filename"], delimiter="\t")
        w.writeheader()
        w.writerows(safe_row(r) for r in meta_rows)  # titles are text from the web
    return {"articles": len(reviewed), "quotes": n_quotes, "events": n_events,
            "split": split, "folder": str(root), "events_file": str(events_path)}


# --- scoring a system's output against exported gold --------------------------------------

def score_quotes(gold_dir: str | Path, analyses: dict[str, Analysis], split: str = "gold") -> dict:
    """PolNeAR attribution scores (:class:`~communique.evaluation.attribution_metrics.Counts`)
    of ``analyses`` (article id -> analysis) against the exported gold."""
    from ..evaluation.polnear import load_split

    counts = Counts()
    for doc in load_split(gold_dir, split):
        a = analyses.get(doc.name)
        gold = [Attribution(g.source, g.cue, g.content) for g in doc.attributions]
        pred = [attribution_of(q) for q in a.quotes] if a is not None else []
        counts.add(doc.text, gold, pred)
    return counts.summary()


def _event_key(d: dict[str, Any]) -> tuple:
    ev = d["event"] if "event" in d else d
    party = lambda p: (p["start"], p["end"]) if p else None  # noqa: E731
    return (ev["trigger"]["start"], ev["trigger"]["end"], ev["type"], ev.get("mode"),
            party(ev.get("actor")), party(ev.get("recipient")), ev.get("date"),
            (ev.get("location") or {}).get("name"), ev.get("modality"))


def score_events(gold_file: str | Path, analyses: dict[str, Analysis]) -> dict[str, Any]:
    """Exact-match P/R/F1 of events (trigger span, type, mode, party spans, date, place,
    modality) of ``analyses`` against exported gold, over the gold's articles."""
    from ..evaluation.attribution_metrics import prf

    gold: dict[str, list[tuple]] = {}
    for line in Path(gold_file).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold.setdefault(row["article_id"], []).append(_event_key(row))
    tp = n_pred = n_gold = 0
    type_tp = 0
    for aid, keys in gold.items():
        a = analyses.get(aid)
        pred = [_event_key(e.to_dict()) for e in a.events] if a else []
        n_pred += len(pred)
        n_gold += len(keys)
        rest = list(keys)
        for p in pred:
            if p in rest:
                rest.remove(p)
                tp += 1
        spans = [k[:3] for k in keys]
        for p in pred:
            if p[:3] in spans:
                spans.remove(p[:3])
                type_tp += 1
    return {"exact": prf(tp, n_pred, n_gold), "trigger_and_type": prf(type_tp, n_pred, n_gold)}


__all__ = ["brat_ann", "export_gold", "score_quotes", "score_events", "attribution_of", "event_rows",
           "Event"]
