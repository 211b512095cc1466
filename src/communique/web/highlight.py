"""The article text with its records highlighted (in the spirit of displaCy).

Every record contributes *marks* (character ranges of ``Article.text`` with a kind and a
record id); overlapping marks are cut into segments, each a ``<span>`` carrying all the
kinds and records covering it, with the rules and confidences as its tooltip. Each record's
first span gets an anchor ``id="ev-<record>"`` so the records beside the text link to
their evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..models import Analysis


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # speaker, quote, cue, trigger, actor, place, date
    record: str  # q0, e3, a:<actor id>, p2, d1
    tip: str


def marks_of(analysis: Analysis, quote_ids: Sequence[int] | None = None,
             event_ids: Sequence[int] | None = None) -> list[Mark]:
    """Marks of every record; quotes and events are named ``q<id>``/``e<id>`` with their ids
    (store seqs, see communique.review) or, without ids, their positions."""
    out: list[Mark] = []
    names = {a.id: a.name for a in analysis.actors}
    qids = list(quote_ids) if quote_ids is not None else list(range(len(analysis.quotes)))
    eids = list(event_ids) if event_ids is not None else list(range(len(analysis.events)))
    for i, q in zip(qids, analysis.quotes):
        tip = f"quote q{i} · rule {q.rule} · confidence {q.confidence:.2f}"
        for c in q.content:
            out.append(Mark(c.start, c.end, "quote", f"q{i}", tip))
        if q.speaker:
            out.append(Mark(q.speaker.start, q.speaker.end, "speaker", f"q{i}", tip))
        if q.cue:
            out.append(Mark(q.cue.start, q.cue.end, "cue", f"q{i}", tip))
    for i, e in zip(eids, analysis.events):
        tip = f"event e{i} {e.type} · rule {e.rule} · confidence {e.confidence:.2f}"
        out.append(Mark(e.trigger.start, e.trigger.end, "trigger", f"e{i}", tip))
        for m in e.mentions:
            out.append(Mark(m.start, m.end, "trigger", f"e{i}", tip))
    for a in analysis.actors:
        for m in a.mentions:
            out.append(Mark(m.start, m.end, "actor", f"a:{a.id}",
                            f"actor {names.get(a.id, a.id)} ({a.kind})"))
    for i, p in enumerate(analysis.places):
        out.append(Mark(p.start, p.end, "place", f"p{i}", f"place {p.name} ({p.country or '?'})"))
    for i, d in enumerate(analysis.dates):
        value = d.value.isoformat() if d.value else "unresolved"
        out.append(Mark(d.start, d.end, "date", f"d{i}", f"date {value} ({d.precision})"))
    n = len(analysis.text)
    return [m for m in out if 0 <= m.start < m.end <= n]


def highlight(analysis: Analysis, quote_ids: Sequence[int] | None = None,
              event_ids: Sequence[int] | None = None) -> str:
    """The article text as HTML with marked segments (newlines become ``<br>``)."""
    text = analysis.text
    marks = marks_of(analysis, quote_ids, event_ids)
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    first: dict[str, int] = {}
    for m in sorted(marks, key=lambda m: m.start):
        first.setdefault(m.record, m.start)
    anchors_at: dict[int, list[str]] = {}
    for rec, pos in first.items():
        anchors_at.setdefault(pos, []).append(rec)
    html: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        for rec in anchors_at.get(a, ()):
            html.append(f'<a class="anchor" id="ev-{escape(rec.replace(":", "-"))}"></a>')
        seg = escape(text[a:b]).replace("\n", "<br>\n")
        active = [m for m in marks if m.start <= a and b <= m.end]
        if not active:
            html.append(seg)
            continue
        kinds = " ".join(sorted({f"m-{m.kind}" for m in active}))
        recs = " ".join(sorted({m.record for m in active}))
        tip = escape("\n".join(dict.fromkeys(m.tip for m in active)))
        html.append(f'<span class="m {kinds}" data-records="{escape(recs)}" title="{tip}">{seg}</span>')
    return "".join(html)


_OPENING = "\"'“‘«„‚‹「『"
_CLOSING = "\"'”’»“‘›」』"


def quoted(text: str | None, length: int | None = None) -> str:
    """``text`` between one pair of curly quotes: marks already around it are dropped (a
    direct quote's content often carries its own), the inside cut to ``length`` characters
    at a word boundary with an ellipsis."""
    t = " ".join((text or "").split())
    t = t.lstrip(_OPENING).rstrip(_CLOSING).strip()
    if length and len(t) > length:
        t = t[:length].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return f"“{t}”"
