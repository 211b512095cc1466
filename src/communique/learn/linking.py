"""From tagged spans to attributions.

The tagger finds source, cue and content spans; rules link them: each content joins the
cue that governs it in the parse, else the nearest cue in its sentence or the one next to
it; each cue takes the source that is its subject, else the nearest source in its
sentence. A cue's contents become the segments of one attribution (``"…," she said, "…"``).
:mod:`communique.extract.quote_model` turns attributions into ``Quote`` records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc

from .model import AttributionModel, TaggedSpan

Segments = tuple[tuple[int, int], ...]

_SUBJ_DEPS = {"nsubj", "nsubjpass", "agent", "pobj", "csubj", "expl"}


class PredictedAttribution(NamedTuple):
    """Character segments of one attribution and the model's confidence in it."""

    source: Segments
    cue: Segments
    content: Segments
    confidence: float


@dataclass(frozen=True)
class LinkOptions:
    max_sentence_gap: int = 1      # a content may join a cue this many sentences away
    keep_orphans: bool = False     # keep contents no cue could claim (no source, no cue)
    min_confidence: float = 0.0    # drop attributions below this confidence


def _sent_index(doc: Doc) -> list[int]:
    idx = [0] * len(doc)
    for si, sent in enumerate(doc.sents):
        for t in sent:
            idx[t.i] = si
    return idx


def _governs(doc: Doc, cue: TaggedSpan, other: TaggedSpan) -> bool:
    """A token of ``other`` attaches to the cue, or the cue attaches into ``other``."""
    for i in range(other.start, other.end):
        h = doc[i].head.i
        if cue.start <= h < cue.end and not (other.start <= h < other.end):
            return True
    for i in range(cue.start, cue.end):
        h = doc[i].head.i
        if other.start <= h < other.end:
            return True
    return False


def _distance(a: TaggedSpan, b: TaggedSpan) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def link_spans(doc: Doc, spans: Sequence[TaggedSpan],
               options: LinkOptions = LinkOptions()) -> list[PredictedAttribution]:
    """Group tagged spans into attributions (rules over the parse and sentence order)."""
    if not spans:
        return []
    sent = _sent_index(doc)
    cues = [s for s in spans if s.role == "CUE"]
    sources = [s for s in spans if s.role == "SOURCE"]
    contents = [s for s in spans if s.role == "CONTENT"]
    by_cue: dict[int, list[TaggedSpan]] = {}
    orphans: list[TaggedSpan] = []
    for group in _adjacent_groups(doc, contents):
        best: tuple[float, int] | None = None
        for c in group:
            c_sents = (sent[c.start], sent[c.end - 1])
            for k, cue in enumerate(cues):
                cs = sent[cue.start]
                if _governs(doc, cue, c):
                    score = 0.0
                elif c_sents[0] <= cs <= c_sents[1]:
                    score = 1.0 + _distance(cue, c) / 1000
                else:
                    gap = min(abs(cs - c_sents[0]), abs(cs - c_sents[1]))
                    if gap > options.max_sentence_gap:
                        continue
                    score = 2.0 + gap + _distance(cue, c) / 1000
                if best is None or score < best[0]:
                    best = (score, k)
        if best is None:
            orphans.extend(group)
        else:
            by_cue.setdefault(best[1], []).extend(group)
    out: list[PredictedAttribution] = []
    for k, cue in enumerate(cues):
        conts = by_cue.get(k)
        if not conts:
            continue
        src = _source_for(doc, cue, sources, conts, sent)
        parts = [cue.confidence] + [c.confidence for c in conts] + ([src.confidence] if src else [])
        conf = sum(parts) / len(parts)
        out.append(PredictedAttribution(
            source=(_chars(doc, src),) if src else (),
            cue=(_chars(doc, cue),),
            content=tuple(_chars(doc, c) for c in sorted(conts, key=lambda s: s.start)),
            confidence=round(conf, 4),
        ))
    if options.keep_orphans:
        for c in orphans:
            out.append(PredictedAttribution((), (), (_chars(doc, c),), round(c.confidence * 0.5, 4)))
    out = [a for a in out if a.confidence >= options.min_confidence]
    return sorted(out, key=lambda a: a.content[0])


def _adjacent_groups(doc: Doc, contents: Sequence[TaggedSpan]) -> list[list[TaggedSpan]]:
    """Content spans that follow each other with only spaces between (a quote that goes on
    into the next sentence) form one group, linked to one cue."""
    groups: list[list[TaggedSpan]] = []
    for c in sorted(contents, key=lambda s: s.start):
        if groups and all(doc[i].is_space for i in range(groups[-1][-1].end, c.start)):
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _source_for(doc: Doc, cue: TaggedSpan, sources: Sequence[TaggedSpan],
                contents: Sequence[TaggedSpan], sent: list[int]) -> TaggedSpan | None:
    best: tuple[float, TaggedSpan] | None = None
    cs = sent[cue.start]
    for s in sources:
        if any(c.start <= s.start < c.end for c in contents):
            continue
        syntactic = any(doc[i].dep_ in _SUBJ_DEPS and cue.start <= doc[i].head.i < cue.end
                        for i in range(s.start, s.end)) or _governs(doc, cue, s)
        if syntactic:
            score = 0.0 + _distance(cue, s) / 1000
        elif sent[s.start] == cs or sent[s.end - 1] == cs:
            score = 1.0 + _distance(cue, s) / 1000
        else:
            continue
        if best is None or score < best[0]:
            best = (score, s)
    return best[1] if best else None


def _chars(doc: Doc, s: TaggedSpan) -> tuple[int, int]:
    last = doc[s.end - 1]
    return doc[s.start].idx, last.idx + len(last.text)


def predict_attributions(doc: Doc, model: AttributionModel,
                         options: LinkOptions | None = None) -> list[PredictedAttribution]:
    """Tag ``doc`` with ``model`` and link the spans into attributions."""
    if options is None:
        options = LinkOptions(**model.meta.get("link", {}))
    return link_spans(doc, model.spans(doc), options)
