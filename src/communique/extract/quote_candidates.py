"""Quote candidates: the cue rules' attributions of a document, selected.

``find_candidates(doc)`` scans quotation marks (:mod:`.quote_marks`), runs the cue rules
(:mod:`.quote_rules`), keeps the outermost attribution where one report contains another
(the PolNeAR convention), lets a quoted stretch after a direct quote continue it, and
carries the speaker over to a paragraph that continues a quote. Rule logic only: no
actors, no dates. Used by the quote stage and by the tagger's features.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicons import cue_lexicon
from .quote_marks import QuoteRegion, paragraph_ids, region_index, scan_quotes
from .quote_rules import (
    Candidate,
    Seg,
    according_to_candidates,
    cue_candidates,
    paragraph_spans,
    signed_candidates,
    transcript_candidates,
)

__all__ = ["find_candidates"]


Found = tuple[list[Candidate], tuple[QuoteRegion, ...], list[int]]
# the last document's candidates: the quote rules and the tagger's features both read them
_last: tuple[Doc, Found] | None = None


def find_candidates(doc: Doc) -> Found:
    """All selected candidates of ``doc`` (rule logic only; no actors, no dates). The
    last document's answer is kept, so that the rules and the tagger's features, which
    both need it, compute it once."""
    global _last
    last = _last
    if last is not None and last[0] is doc:
        cands, regions, reg_of = last[1]
        return list(cands), regions, list(reg_of)
    found = _find(doc)
    _last = (doc, found)
    return list(found[0]), found[1], list(found[2])


def _find(doc: Doc) -> Found:
    lex = cue_lexicon()
    para = paragraph_ids(doc)
    regions = scan_quotes(doc, para)
    reg_of = region_index(regions, len(doc))
    cands = cue_candidates(doc, lex, regions, reg_of, para)
    cands += according_to_candidates(doc, regions, reg_of)
    spans = paragraph_spans(doc, para)
    cands += signed_candidates(doc, para, spans)
    turns = transcript_candidates(doc, para, spans)
    if turns:  # a transcript's turns are explicit: they override what the cues found inside
        inside = {i for t in turns
                  for i in range(t.speaker[0] if t.speaker else t.content[0][0], t.content[-1][1] + 1)}
        cands = [c for c in cands if c.head not in inside and not any(
            i in inside for a, b in c.content for i in range(a, b + 1))] + turns
    chosen = _outermost(cands)
    chosen = _absorb_following(doc, chosen, regions, reg_of, para)
    chosen += _continued(doc, chosen, regions, para, spans)
    chosen.sort(key=lambda c: (c.content[0][0], c.head))
    return chosen, regions, reg_of


def _size(c: Candidate) -> int:
    return sum(b - a + 1 for a, b in c.content)


def _outermost(cands: list[Candidate]) -> list[Candidate]:
    """Drop attributions whose cue lies inside the content of another (outermost wins),
    and duplicates of the same content."""
    kept: list[Candidate] = []
    seen: set[tuple[Seg, ...]] = set()
    inside: set[int] = set()  # the tokens of the kept contents
    for c in sorted(cands, key=lambda c: (-_size(c), -c.confidence, c.head)):
        if c.content in seen:
            continue
        if c.head in inside:
            continue
        kept.append(c)
        seen.add(c.content)
        for a, b in c.content:
            inside.update(range(a, b + 1))
    return kept


def _absorb_following(doc: Doc, chosen: list[Candidate], regions: tuple[QuoteRegion, ...],
                      reg_of: list[int], para: list[int]) -> list[Candidate]:
    """``"A," she said. "B."``: a quoted stretch that follows a direct quote in the same
    paragraph, with nothing but the cue, its speaker and punctuation between, and no cue
    of its own, continues that quote."""
    covered: set[int] = set()
    for c in chosen:
        for a, b in c.content:
            covered.update(range(a, b + 1))
    out = []
    for c in chosen:
        if not c.rule.startswith("direct.") or not c.cue:
            out.append(c)
            continue
        own = set(c.cue)
        verb = doc[c.head]
        own.update(range(verb.left_edge.i, verb.right_edge.i + 1))
        if c.speaker is not None:
            own.update(range(c.speaker[0], c.speaker[1] + 1))
        segs = list(c.content)
        j = segs[-1][1] + 1
        p = para[segs[-1][1]]
        closed = c.closed
        while j < len(doc) and para[j] == p:
            t = doc[j]
            k = reg_of[j]
            if k >= 0 and regions[k].start == j:
                if j in covered:
                    break
                r = regions[k]
                segs.extend(r.segments)
                covered.update(range(r.start, r.end + 1))
                closed = closed and r.closed
                j = r.end + 1
                continue
            if (j in own and k < 0) or t.is_punct or t.is_space:
                j += 1
                continue
            break
        if len(segs) > len(c.content):
            c = Candidate(c.rule, c.confidence, c.cue, c.head, tuple(segs), c.speaker,
                          c.speaker_ref, closed)
        out.append(c)
    return out


def _continued(doc: Doc, chosen: list[Candidate], regions: tuple[QuoteRegion, ...],
               para: list[int], spans: list[tuple[int, int]]) -> list[Candidate]:
    """A paragraph that opens a quote with no cue of its own continues the speaker of
    the quote in the paragraph before (``spans``: the first and last word of each non-empty
    paragraph, :func:`.quote_rules.paragraph_spans`)."""
    covered: set[int] = set()
    for c in chosen:
        for a, b in c.content:
            covered.update(range(a, b + 1))
    by_para: dict[int, Candidate] = {}
    for c in chosen:
        p = para[c.content[-1][1]]
        prev = by_para.get(p)
        if prev is None or prev.content[-1][1] < c.content[-1][1]:
            by_para[p] = c
    cue_paras = {para[c.head] for c in chosen}
    first_of = {para[first]: first for first, _last in spans}
    nonempty = sorted(first_of)
    out = []
    for r in regions:
        if r.start in covered or r.n_words(doc) < 3:
            continue
        p = para[r.start]
        if p in cue_paras or first_of.get(p) != r.start:
            continue
        q = max((x for x in nonempty if x < p), default=-1)
        prev = by_para.get(q)
        if prev is None or prev.speaker is None:
            continue
        conf = 0.6 if r.closed else 0.45
        cand = Candidate("direct.continued", conf, (), prev.head, r.segments, prev.speaker,
                         prev.speaker_ref, r.closed)
        out.append(cand)
        by_para[para[r.end]] = cand
    return out
