"""Quotes: who said what — direct, indirect and mixed quotes with speakers.

``extract_quotes(doc, ctx, actors, dates)`` scans quotation marks
(:mod:`.quote_marks`), runs the cue rules (:mod:`.quote_rules`), keeps the outermost
attribution where one report contains another (the PolNeAR convention), carries the
speaker over to a paragraph that continues a quote, and builds :class:`Quote` records:
character spans of speaker, cue and content, the kind, the canonical speaker actor
(resolved by the :class:`ActorTable`; several actors for "each side said" give one quote
each), the medium ("on Twitter", "in a statement", "told reporters"), the date of the
cue, a confidence and the rule that fired.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Token

from ..models import Quote, Span
from .actors import ActorTable
from .context import ExtractionContext
from .lexicons import cue_lexicon, media_lexicon
from .quote_marks import QuoteRegion, paragraph_ids, region_index, scan_quotes
from .quote_rules import (Candidate, Seg, according_to_candidates, cue_candidates, signed_candidates,
                          sourceless_cue, transcript_candidates)
from .time import DateTable

log = logging.getLogger(__name__)

__all__ = ["extract_quotes", "find_candidates", "quote_kind", "medium_of", "speaker_actors"]


def find_candidates(doc: Doc) -> tuple[list[Candidate], tuple[QuoteRegion, ...], list[int]]:
    """All selected candidates of ``doc`` (rule logic only; no actors, no dates)."""
    lex = cue_lexicon()
    para = paragraph_ids(doc)
    regions = scan_quotes(doc, para)
    reg_of = region_index(regions, len(doc))
    cands = cue_candidates(doc, lex, regions, reg_of, para)
    cands += according_to_candidates(doc, regions, reg_of)
    cands += signed_candidates(doc, para)
    turns = transcript_candidates(doc, para)
    if turns:  # a transcript's turns are explicit: they override what the cues found inside
        inside = {i for t in turns for i in range(t.speaker[0], t.content[-1][1] + 1)}
        cands = [c for c in cands if c.head not in inside and not any(
            i in inside for a, b in c.content for i in range(a, b + 1))] + turns
    chosen = _outermost(cands)
    chosen = _absorb_following(doc, chosen, regions, reg_of, para)
    chosen += _continued(doc, chosen, regions, para)
    chosen.sort(key=lambda c: (c.content[0][0], c.head))
    return chosen, regions, reg_of


def _size(c: Candidate) -> int:
    return sum(b - a + 1 for a, b in c.content)


def _inside(i: int, segs: tuple[Seg, ...]) -> bool:
    return any(a <= i <= b for a, b in segs)


def _outermost(cands: list[Candidate]) -> list[Candidate]:
    """Drop attributions whose cue lies inside the content of another (outermost wins),
    and duplicates of the same content."""
    kept: list[Candidate] = []
    seen: set[tuple[Seg, ...]] = set()
    for c in sorted(cands, key=lambda c: (-_size(c), -c.confidence, c.head)):
        if c.content in seen:
            continue
        if any(_inside(c.head, k.content) for k in kept):
            continue
        kept.append(c)
        seen.add(c.content)
    return kept


def _absorb_following(doc: Doc, chosen: list[Candidate], regions: tuple[QuoteRegion, ...],
                      reg_of: list[int], para: list[int]) -> list[Candidate]:
    """``"A," she said. "B."``: a quoted stretch that follows a direct quote in the same
    paragraph, with nothing but the cue, its speaker and punctuation between, and no cue
    of its own, continues that quote."""
    covered = set()
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
               para: list[int]) -> list[Candidate]:
    """A paragraph that opens a quote with no cue of its own continues the speaker of
    the quote in the paragraph before."""
    covered = set()
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
    first_of: dict[int, int] = {}
    for t in doc:
        if not t.is_space:
            first_of.setdefault(para[t.i], t.i)
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


def quote_kind(content: tuple[Seg, ...], reg_of: list[int], doc: Doc) -> str:
    """direct: all words quoted; mixed: some; indirect: none."""
    quoted = unquoted = 0
    for a, b in content:
        for i in range(a, b + 1):
            if doc[i].is_punct or doc[i].is_space:
                continue
            if reg_of[i] >= 0:
                quoted += 1
            else:
                unquoted += 1
    if quoted and not unquoted:
        return "direct"
    if quoted:
        return "mixed"
    return "indirect"


def _phrase(tok: Token) -> str:
    parts = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod")] + [tok.lemma_.lower()]
    return " ".join(parts)


def medium_of(doc: Doc, head: Token) -> str | None:
    """The channel of a statement named around its cue, from the media lexicon."""
    media = media_lexicon()
    lemma = head.lemma_.lower()
    verbs = [head]
    if head.dep_ in ("advcl", "xcomp", "conj") and head.head.i != head.i:
        verbs.append(head.head)
    for v in verbs:
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "in", "at", "during", "via", "through", "to"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        for key in (_phrase(g), g.lemma_.lower(), g.lower_):
                            if key in media.prep_objects:
                                return media.prep_objects[key]
            if v.lemma_.lower() == "tell" and c.dep_ in ("dobj", "dative"):
                key = c.lemma_.lower()
                if key in media.listeners:
                    return media.listeners[key]
    if lemma in media.verbs:
        return media.verbs[lemma]
    return None


def _span(doc: Doc, seg: Seg, text: str) -> Span:
    a, b = seg
    return Span.of(text, doc[a].idx, doc[b].idx + len(doc[b].text))


def speaker_actors(doc: Doc, actors: ActorTable, span: Span | None) -> tuple[str | None, ...]:
    """The actors a speaker mention resolves to: several for "each side", one, or ``(None,)``
    (one quote each)."""
    if span is None:
        return (None,)
    many = getattr(actors, "actors_at", None)
    if many is not None:
        ids = tuple(many(doc, span.start, span.end))
        if ids:
            return ids
    return (actors.actor_at(doc, span.start, span.end),)


def extract_quotes(doc: Doc, ctx: ExtractionContext, actors: ActorTable,
                   dates: DateTable) -> tuple[Quote, ...]:
    """Rule quotes and/or the trained tagger's (settings ``quote_rules``, ``quote_model``),
    combined by :func:`.quote_model.combine`."""
    s = ctx.settings
    rules = rule_quotes(doc, ctx, actors, dates) if s.quote_rules else ()
    if not s.quote_model:
        return rules
    from .quote_model import combine, model_quotes

    return combine(doc, rules, model_quotes(doc, ctx, actors, dates))


def rule_quotes(doc: Doc, ctx: ExtractionContext, actors: ActorTable,
                dates: DateTable) -> tuple[Quote, ...]:
    cands, _regions, reg_of = find_candidates(doc)
    quotes: list[Quote] = []
    text = doc.text  # Doc.text is rebuilt on every access
    lex = cue_lexicon()
    for c in cands:
        content = tuple(_span(doc, s, text) for s in c.content)
        kind = quote_kind(c.content, reg_of, doc)
        cue = _span(doc, (c.cue[0], c.cue[-1]), text) if c.cue else None
        head = doc[c.head]
        mention, ref = c.speaker, c.speaker_ref or c.speaker
        if c.cue and sourceless_cue(head, lex):
            mention = ref = None  # "Asked about X, he said": the asker of X is unnamed
        speaker = _span(doc, mention, text) if mention is not None else None
        date, _precision = dates.date_for(head)
        medium = medium_of(doc, head) if c.cue else None
        for actor in speaker_actors(doc, actors, _span(doc, ref, text) if ref is not None else None):
            quotes.append(Quote(
                content=content, kind=kind, speaker=speaker, speaker_actor=actor, cue=cue,
                medium=medium, date=date, confidence=round(c.confidence, 2), rule=c.rule,
            ))
    return tuple(quotes)
