"""The trained attribution tagger inside the quote stage.

``model_quotes`` turns the tagger's linked spans (:mod:`.linking`) into
:class:`Quote` records, with the quote stage's own kind, medium, date and speaker
resolution. ``combine`` merges them with the rule quotes: where both found the same
content (token-Jaccard >= 0.5), one quote with the rules' content (the model's where it is
a mixed quote around the rules' quotation, or where the rules' content swallowed the
model's cue), medium and date, the model's cue, and the rules' speaker resolution unless
the rules' speaker is implausible (a time stamp, a headline, a thing, a mention inside the
quote itself), only carried over from the paragraph before, or missing, when the model's
speaker and its actors are taken; a transcript label or a signature always stays
(:func:`_merge`). Then the quotes only one side found, when that side is sure enough
(:class:`CombineOptions`), the largest first, each kept unless most of its content is
already in a kept quote (a fragment or a rival reading of the same words: the two sides
often bound one quotation differently, and keeping both would report it twice). Every
quote says which produced it: ``model.<architecture>-attribution@<version>``
(``model.bilstm-crf-attribution@3.2``), a rule id, or both joined by ``+``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc

from ...config import Settings
from ...errors import ModelNotInstalledError
from ...models import Quote, Span
from ..actors import ActorTable
from ..context import ExtractionContext
from ..doc_tokens import doc_text, token_table
from ..lexicons import cue_lexicon
from ..quote_fields import medium_of, quote_kind, speaker_actors, token_segs
from ..quote_marks import paragraph_ids, region_index, scan_quotes
from ..quote_propositions import reports_no_speech
from ..quote_rules import is_human, sourceless_cue
from ..time import DateTable

log = logging.getLogger(__name__)

__all__ = ["CombineOptions", "attributions_to_quotes", "combine", "model_quotes"]


@dataclass(frozen=True)
class CombineOptions:
    """How rule and model quotes merge. The two thresholds were chosen on PolNeAR train out
    of fold (``bench/attribution_crossfit.py``: fold networks on the articles they did not
    see), the rest on dev; see the model card."""

    min_rule_confidence: float = 0.8    # rule quotes the model did not find, at least this sure
    min_model_confidence: float = 0.7   # model quotes the rules did not find, at least this sure
    content_from: str = "rules"         # "rules" | "model": spans of a quote both found
    speaker_from: str = "model"         # the speaker span, when both name the same speaker
    cue_from: str = "model"             # the cue span, when it overlaps the rules' cue
    jaccard: float = 0.5
    max_overlap: float = 0.5            # an unmatched quote sharing more than this share of its
                                        # content tokens with a kept quote is a fragment: dropped
    prefer: str = "model"               # among unmatched quotes that overlap, which side is kept


@lru_cache(maxsize=8)
def _warn_once(path: str, message: str) -> None:
    log.warning("attribution model unavailable (%s): %s; quotes from rules only", path, message)


def _model_for(settings: Settings):
    from .model import load_model

    try:
        return load_model(settings.quote_model_path)
    except ModelNotInstalledError as exc:
        if settings.quote_model_path:  # a model the user asked for explicitly: an error
            raise
        _warn_once(str(settings.quote_model_path), exc.message)
        return None


def _cue_span(doc: Doc, text: str, start: int, end: int) -> Span:
    """The cue's characters without a time word at either end ("vowed Thursday")."""
    sp = doc.char_span(start, end, alignment_mode="expand")
    if sp is not None and len(sp) > 1:
        toks = list(sp)
        while len(toks) > 1 and toks[-1].ent_type_ in ("DATE", "TIME"):
            toks.pop()
        while len(toks) > 1 and toks[0].ent_type_ in ("DATE", "TIME"):
            toks.pop(0)
        start, end = max(start, toks[0].idx), min(end, toks[-1].idx + len(toks[-1].text))
    return Span.of(text, start, end)


def attributions_to_quotes(doc: Doc, attributions, rule: str, actors: ActorTable,
                           dates: DateTable | None = None) -> tuple[Quote, ...]:
    """``Quote`` records of predicted attributions (source, cue, content segments, confidence)."""

    text = doc_text(doc)
    lex = cue_lexicon()
    reg_of = region_index(scan_quotes(doc, paragraph_ids(doc)), len(doc))
    out: list[Quote] = []
    for att in attributions:
        content = tuple(Span.of(text, a, b) for a, b in att.content)
        speaker = Span.of(text, att.source[0][0], att.source[-1][1]) if att.source else None
        cue = _cue_span(doc, text, att.cue[0][0], att.cue[-1][1]) if att.cue else None
        date = medium = None
        segs = token_segs(doc, att.content)
        kind = quote_kind(segs, reg_of, doc)
        if cue is not None:
            head = doc.char_span(cue.start, cue.end, alignment_mode="expand")
            if head is not None and len(head):
                if reports_no_speech(doc, head, segs, kind):
                    continue  # as the rules: "Russia welcomed the deal" is no quote
                if dates is not None:
                    date, _ = dates.date_for(head.root)
                medium = medium_of(head.root)
                if sourceless_cue(head.root, lex):
                    speaker = None  # as the rules: "Asked about X, …", "she appeared to …"
        for actor in speaker_actors(doc, actors, speaker):
            out.append(Quote(content=content, kind=kind, speaker=speaker, speaker_actor=actor,
                             cue=cue, medium=medium, date=date,
                             confidence=round(float(att.confidence), 2), rule=rule))
    return tuple(out)


def model_quotes(doc: Doc, ctx: ExtractionContext, actors: ActorTable,
                 dates: DateTable) -> tuple[Quote, ...]:
    """Quotes from the trained tagger alone (empty when no model is available)."""
    from .linking import predict_attributions

    model = _model_for(ctx.settings)
    if model is None:
        return ()
    return attributions_to_quotes(doc, predict_attributions(doc, model), model.rule_id, actors, dates)


def _tokens(doc: Doc, q: Quote) -> frozenset[int]:
    out: set[int] = set()
    table = token_table(doc)
    for c in q.content:
        sp = doc.char_span(c.start, c.end, alignment_mode="expand")
        if sp is not None:
            out.update(i for i in range(sp.start, sp.end) if not table.is_punct[i] and not table.is_space[i])
    return frozenset(out)


def _overlap(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def combine(doc: Doc, rule_quotes: Sequence[Quote], learned: Sequence[Quote],
            options: CombineOptions = CombineOptions()) -> tuple[Quote, ...]:
    """Merge rule quotes and model quotes (see the module docstring)."""
    if not learned:
        return tuple(rule_quotes)
    if not rule_quotes:
        return tuple(learned)
    # quotes with the same content (one per actor of "each side") move together
    def groups(qs: Sequence[Quote]) -> list[list[Quote]]:
        by: dict[tuple, list[Quote]] = {}
        for q in qs:
            by.setdefault(tuple((c.start, c.end) for c in q.content), []).append(q)
        return list(by.values())

    rg, mg = groups(rule_quotes), groups(learned)
    rt = [_tokens(doc, g[0]) for g in rg]
    mt = [_tokens(doc, g[0]) for g in mg]
    pairs = []
    for i, a in enumerate(mt):
        for j, b in enumerate(rt):
            inter = len(a & b)
            if inter and inter / len(a | b) >= options.jaccard:
                pairs.append((inter / len(a | b), i, j))
    for i, a in enumerate(mt):  # the model's content holds the rules' direct quote and more
        for j, b in enumerate(rt):
            r = rg[j][0]
            if b and b < a and r.kind == "direct" and len(a & b) / len(a | b) < options.jaccard:
                pairs.append((len(b) / len(a), i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_m: set[int] = set()
    used_r: set[int] = set()
    out: list[Quote] = []
    kept: set[int] = set()  # content tokens of the quotes kept so far
    for _jac, i, j in pairs:
        if i in used_m or j in used_r:
            continue
        used_m.add(i)
        used_r.add(j)
        out.extend(_merge(doc, mg[i], rg[j], mt[i], rt[j], options))
        kept |= mt[i] if options.content_from == "model" else rt[j]
    extra_m = [(mt[i], g) for i, g in enumerate(mg)
               if i not in used_m and g[0].confidence >= options.min_model_confidence]
    extra_r = [(rt[j], g) for j, g in enumerate(rg)
               if j not in used_r and g[0].confidence >= options.min_rule_confidence]
    # the outermost first (as the rules keep the outer of nested reports), then the side
    # preferred: a fragment of a quote already kept is dropped
    extra = sorted(extra_m + extra_r if options.prefer == "model" else extra_r + extra_m,
                   key=lambda x: -len(x[0]))
    for toks, g in extra:
        if toks and len(toks & kept) > options.max_overlap * len(toks):
            continue
        if g[0].rule.startswith("model.") and _cue_inside(doc, g[0], kept):
            continue  # the outermost report wins, as in the rules
        out.extend(g)
        kept |= toks
    out.sort(key=lambda q: (q.content[0].start, q.rule))
    return tuple(out)


# words that do not make a mixed quote of a quotation ("a “minor incursion.”")
_FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "SPACE"})

# rules whose speaker comes from the layout itself (a transcript label, a signature): the
# model's reading of the speaker never replaces theirs
STRUCTURAL_RULES = frozenset({"direct.transcript", "direct.signed"})


def _cue_inside(doc: Doc, q: Quote, kept: set[int]) -> bool:
    """The quote's cue stands inside the content of a kept quote, or is joined (``conj``)
    to a word that does ("said the U.S. is committed to A, but is also committed to B")."""
    if q.cue is None:
        return False
    sp = doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return False
    tok = sp.root
    while True:
        if tok.i in kept:
            return True
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            return False
        tok = tok.head


def _inside(a: Span, b: Span) -> bool:
    return b.start <= a.start and a.end <= b.end


def _implausible(doc: Doc, q: Quote) -> bool:
    """A speaker no one could be: a time stamp or a headline run into the text (the span
    crosses a paragraph), a mention inside the quote's own words, or a thing ("All this",
    "public") rather than a person, a group or a document."""
    span = q.speaker
    if span is None:
        return False
    sp = doc.char_span(span.start, span.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return False
    if "\n" in sp.text or sp.root.ent_type_ in ("TIME", "DATE"):
        return True
    if any(_inside(span, c) for c in q.content):
        return True
    return not is_human(sp.root, cue_lexicon())


def _merge(doc: Doc, model_group: list[Quote], rule_group: list[Quote], model_tokens: frozenset[int],
           rule_tokens: frozenset[int], options: CombineOptions) -> list[Quote]:
    """One quote per rule quote (the rules resolve the actors), spans chosen per role. The
    content is the rules', or the model's where it is one span holding the rules' direct
    quotation and more (a mixed quote: "that her statement was 'not in line with our
    policy'") or where the rules' content holds the model's cue (a misreading: "The
    researchers reported that Apple holds …" as the content of "holds"). The model's
    speaker is taken where it names the same mention, where the rules have none, where the
    rules only carried the previous paragraph's speaker over, or where the rules' speaker
    is implausible and the model's is not, never over a transcript label or a signature; a
    speaker the rules did not name comes with the model's actors (one quote each)."""
    m, r = model_group[0], rule_group[0]
    changes: dict = {"rule": f"{m.rule}+{r.rule}",
                     "confidence": round(min(1.0, max(m.confidence, r.confidence) + 0.1), 2)}
    misread = m.cue is not None and any(_inside(m.cue, c) for c in r.content)
    if options.content_from == "model" or misread or (
            r.kind == "direct" and len(m.content) == 1 and model_tokens > rule_tokens
            and any(doc[i].pos_ not in _FUNCTION_POS for i in model_tokens - rule_tokens)):
        changes.update(content=m.content, kind=m.kind)
    if options.cue_from == "model" and m.cue is not None and (r.cue is None or _overlap(m.cue, r.cue)):
        changes["cue"] = m.cue
        changes["date"] = r.date or m.date
    base = rule_group
    if options.speaker_from == "model" and m.speaker is not None and r.rule not in STRUCTURAL_RULES:
        if r.speaker is not None and _overlap(m.speaker, r.speaker):
            changes["speaker"] = m.speaker
        elif (r.speaker is None or r.rule == "direct.continued"
              or (_implausible(doc, r) and not _implausible(doc, m))):
            changes["speaker"] = m.speaker
            base = [replace(r, speaker_actor=q.speaker_actor) for q in model_group]
    return [replace(q, **changes) for q in base]
