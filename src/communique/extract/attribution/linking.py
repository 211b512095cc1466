"""From tagged spans to attributions.

The tagger finds source, cue and content spans; rules link them: each content span joins
the nearest cue that governs it in the parse, else the nearest cue in its sentence (a cue
right after a closing quotation mark counts as in it: ``"…?" he asked``), else a cue in
the sentence before or after in the same paragraph (the one before first: ``"A," said X.
"B."``; another paragraph only after a colon: ``He said:``); a sentence ends at a full
stop even where the parser ran two together. Each cue takes the tagged source that is its
subject, else the nearest tagged source in its sentence, else its subject in the parse
(for a nominal cue, "he reserved his passion for …", the subject of its verb). A
cue's contents become the segments of one attribution (``"…," she said, "…"``).
:mod:`communique.extract.attribution.combine` turns attributions into ``Quote`` records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Token

from ..doc_tokens import TokenTable, token_table
from ..quote_marks import is_double_mark, paragraph_ids
from ..quote_rules import find_subject, noun_phrase
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
    parse_source: bool = True      # a cue with no tagged source takes its subject in the parse


def _sent_index(doc: Doc) -> list[int]:
    """The sentence number of each token."""
    return [k for k, (a, b) in enumerate(token_table(doc).sentences) for _ in range(a, b)]


def _governs(parse: TokenTable, cue: TaggedSpan, other: TaggedSpan) -> bool:
    """A token of ``other`` attaches to the cue, or the cue attaches into ``other``."""
    heads = parse.head
    for i in range(other.start, other.end):
        h = heads[i]
        if cue.start <= h < cue.end and not (other.start <= h < other.end) and not parse.is_punct[i]:
            return True
    for i in range(cue.start, cue.end):
        h = heads[i]
        if other.start <= h < other.end:
            return True
    return False


def _full_stop_between(doc: Doc, a: TaggedSpan, b: TaggedSpan) -> bool:
    """A sentence-final mark between (or closing) the earlier span and the later one: the
    parser sometimes runs ``"… fraud." Mr. Grassley says …`` into one sentence."""
    lo, hi = (a, b) if a.start < b.start else (b, a)
    for i in range(max(lo.end - 2, lo.start), hi.start):
        if doc[i].text == ".":
            return True
        if doc[i].text in ("?", "!"):  # "…?" he asked: the sentence goes on
            nxt = next((t for t in doc[i + 1:hi.start + 1] if t.is_alpha), None)
            if nxt is not None and nxt.is_title:
                return True
    return False


def _introduced(doc: Doc, cue: TaggedSpan, content: TaggedSpan) -> bool:
    """The cue comes first and the content follows a colon (``He said:`` and the quotation
    in the next paragraph)."""
    if cue.start >= content.start:
        return False
    j = content.start - 1
    while j >= 0 and (doc[j].is_space or is_double_mark(doc[j])):
        j -= 1
    return j >= 0 and doc[j].text == ":"


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
    para = paragraph_ids(doc)
    parse = token_table(doc)
    cues = [s for s in spans if s.role == "CUE"]
    sources = [s for s in spans if s.role == "SOURCE"]
    contents = [s for s in spans if s.role == "CONTENT"]
    by_cue: dict[int, list[TaggedSpan]] = {}
    orphans: list[TaggedSpan] = []
    reach = max(options.max_sentence_gap, 1)
    for c in sorted(contents, key=lambda s: s.start):
        best: tuple[float, int] | None = None
        c_sents = (sent[c.start], sent[c.end - 1])
        for k, cue in enumerate(cues):
            cs = sent[cue.start]
            if cs < c_sents[0] - reach or cs > c_sents[1] + reach:
                continue  # too far to link (a parse never crosses sentences)
            if _governs(parse, cue, c):
                score = _distance(cue, c) / 1000  # the nearest of two governing cues
            elif ((c_sents[0] <= cs <= c_sents[1] or 0 <= cue.start - c.end <= 3)
                  and not _full_stop_between(doc, c, cue)):
                score = 1.0 + _distance(cue, c) / 1000
            else:
                gap = max(1, min(abs(cs - c_sents[0]), abs(cs - c_sents[1])))
                if gap > options.max_sentence_gap:
                    continue
                if para[cue.start] != para[c.start] and not _introduced(doc, cue, c):
                    continue  # another paragraph: another attribution, unless "he said:"
                later = 0.5 if cue.start >= c.end else 0.0  # "A," said X. "B." : B goes with said
                score = 2.0 + gap + later + _distance(cue, c) / 1000
            if best is None or score < best[0]:
                best = (score, k)
        if best is None:
            orphans.append(c)
        else:
            by_cue.setdefault(best[1], []).append(c)
    out: list[PredictedAttribution] = []
    for k, cue in enumerate(cues):
        conts = by_cue.get(k)
        if not conts:
            continue
        src = _source_for(doc, parse, cue, sources, conts, sent)
        if src is None and options.parse_source:
            src = _parse_source(doc, cue, conts)
        parts = [cue.confidence] + [c.confidence for c in conts] + ([src.confidence] if src else [])
        conf = sum(parts) / len(parts)
        out.append(PredictedAttribution(
            source=(_chars(doc, src),) if src else (),
            cue=(_chars(doc, cue),),
            content=tuple(_chars(doc, c) for c in conts),
            confidence=round(conf, 4),
        ))
    if options.keep_orphans:
        for c in orphans:
            out.append(PredictedAttribution((), (), (_chars(doc, c),), round(c.confidence * 0.5, 4)))
    out = [a for a in out if a.confidence >= options.min_confidence]
    return sorted(out, key=lambda a: a.content[0])


def _syntactic(parse: TokenTable, cue: TaggedSpan, s: TaggedSpan) -> bool:
    """The source is the cue's subject (or agent), or otherwise attached to it."""
    return any(parse.dep[i] in _SUBJ_DEPS and cue.start <= parse.head[i] < cue.end
               for i in range(s.start, s.end)) or _governs(parse, cue, s)


def _source_for(doc: Doc, parse: TokenTable, cue: TaggedSpan, sources: Sequence[TaggedSpan],
                contents: Sequence[TaggedSpan], sent: list[int]) -> TaggedSpan | None:
    best: tuple[float, TaggedSpan] | None = None
    cs = sent[cue.start]
    for s in sources:
        if not sent[s.start] <= cs <= sent[s.end - 1]:
            continue  # neither test below can hold: a parse never crosses sentences
        if any(c.start <= s.start < c.end for c in contents):
            continue
        if _syntactic(parse, cue, s):
            score = 0.0 + _distance(cue, s) / 1000
        elif (sent[s.start] == cs or sent[s.end - 1] == cs) and not _full_stop_between(doc, s, cue):
            score = 1.0 + _distance(cue, s) / 1000
        else:
            continue
        if best is None or score < best[0]:
            best = (score, s)
    return best[1] if best else None


def _cue_head(doc: Doc, cue: TaggedSpan) -> Token:
    """The cue token the rest of the cue hangs from (the verb of "has been saying")."""
    heads = [doc[i] for i in range(cue.start, cue.end)
             if not (cue.start <= doc[i].head.i < cue.end) or doc[i].head.i == i]
    verbs = [t for t in heads if t.pos_ in ("VERB", "AUX")]
    return (verbs or heads or [doc[cue.start]])[0]


def _governing_verb(tok: Token) -> Token:
    """The verb a nominal cue is the object of ("he reserved his passion for …", "closed
    with only a mention of …"): its subject is the one who speaks or feels; other tokens are
    their own verb."""
    t, steps = tok, 0
    while t.pos_ in ("NOUN", "PROPN", "ADP") and t.dep_ in ("dobj", "pobj", "prep") and steps < 3:
        t, steps = t.head, steps + 1
    return t if t.pos_ in ("VERB", "AUX") else tok


def _parse_source(doc: Doc, cue: TaggedSpan, contents: Sequence[TaggedSpan]) -> TaggedSpan | None:
    """The cue's subject in the parse (as the quote rules find a speaker), when the tagger
    marked no source: "Stumpf in a televised interview appeared to blame ..." -> Stumpf."""
    head, _ref = find_subject(_governing_verb(_cue_head(doc, cue)))
    if head is None or head.is_space or head.pos_ in ("PUNCT", "SYM", "NUM"):
        return None
    seg = noun_phrase(doc, head)
    if seg is None:
        return None
    a, b = seg[0], seg[1] + 1
    if a < cue.end and cue.start < b:  # the subject phrase holds the cue: keep its head only
        a, b = head.i, head.i + 1
    if any(a < c.end and c.start < b for c in contents):
        return None
    return TaggedSpan("SOURCE", a, b, cue.confidence)


def _chars(doc: Doc, s: TaggedSpan) -> tuple[int, int]:
    last = doc[s.end - 1]
    return doc[s.start].idx, last.idx + len(last.text)


def predict_attributions(doc: Doc, model: AttributionModel,
                         options: LinkOptions | None = None) -> list[PredictedAttribution]:
    """Tag ``doc`` with ``model`` and link the spans into attributions."""
    if options is None:
        options = LinkOptions(**model.meta.get("link", {}))
    return link_spans(doc, model.spans(doc), options)
