"""Quotes: who said what — direct, indirect and mixed quotes with speakers.

``extract_quotes(doc, ctx, actors, dates)`` takes the cue rules' selected candidates
(:mod:`.quote_candidates`) and builds :class:`Quote` records: character spans of
speaker, cue and content, the kind, the canonical speaker actor (resolved by the
:class:`ActorTable`; several actors for "each side said" give one quote each), the
medium ("on Twitter", "in a statement", "told reporters"), the date of the cue, a
confidence and the rule that fired (:mod:`.quote_fields`). With ``quote_model`` the
trained tagger's quotes (:mod:`.attribution`) are merged in. The dateline and the byline
are cut out of every quote's content and speaker (:func:`.dateline.clip_quotes`). A
quotation inside a quote with a speaker of its own follows as a quote whose ``parent`` is
the index of the quote holding it (:mod:`.quote_nesting`).
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from ..models import Quote
from .actors import ActorTable
from .context import ExtractionContext
from .dateline import clip_quotes
from .doc_tokens import doc_text
from .lexicons import cue_lexicon
from .quote_candidates import find_candidates
from .quote_fields import medium_of, quote_kind, speaker_actors, token_span
from .quote_nesting import embedded_quotes
from .quote_propositions import reports_no_speech
from .quote_rules import sourceless_cue
from .time import DateTable

log = logging.getLogger(__name__)

__all__ = ["extract_quotes", "rule_quotes"]


def extract_quotes(doc: Doc, ctx: ExtractionContext, actors: ActorTable,
                   dates: DateTable) -> tuple[Quote, ...]:
    """Rule quotes and/or the trained tagger's (settings ``quote_rules``, ``quote_model``),
    combined by :func:`.attribution.combine.combine`. The ``fast`` quote profile
    (``quote_profile``) runs the rules only."""
    s = ctx.settings
    rules = rule_quotes(doc, ctx, actors, dates) if s.quote_rules else ()
    if not s.quote_model or s.quote_profile == "fast":
        return embedded_quotes(doc, clip_quotes(doc, rules), actors, dates)
    from .attribution.combine import combine, model_quotes

    quotes = clip_quotes(doc, combine(doc, rules, model_quotes(doc, ctx, actors, dates)))
    return embedded_quotes(doc, quotes, actors, dates)


def rule_quotes(doc: Doc, ctx: ExtractionContext, actors: ActorTable,  # noqa: ARG001 (stage interface)
                dates: DateTable) -> tuple[Quote, ...]:
    cands, _regions, reg_of = find_candidates(doc)
    quotes: list[Quote] = []
    text = doc_text(doc)  # Doc.text is rebuilt on every access
    lex = cue_lexicon()
    for c in cands:
        content = tuple(token_span(doc, s, text) for s in c.content)
        kind = quote_kind(c.content, reg_of, doc)
        head = doc[c.head]
        if c.cue and reports_no_speech(doc, (doc[i] for i in c.cue), c.content, kind):
            continue  # "Russia welcomed the deal": no proposition, no quote
        cue = token_span(doc, (c.cue[0], c.cue[-1]), text) if c.cue else None
        mention, ref = c.speaker, c.speaker_ref or c.speaker
        if c.cue and sourceless_cue(head, lex):
            mention = ref = None  # "Asked about X, he said": the asker of X is unnamed
        speaker = token_span(doc, mention, text) if mention is not None else None
        date, _precision = dates.date_for(head)
        medium = medium_of(head) if c.cue else None
        for actor in speaker_actors(doc, actors, token_span(doc, ref, text) if ref is not None else None):
            quotes.append(Quote(
                content=content, kind=kind, speaker=speaker, speaker_actor=actor, cue=cue,
                medium=medium, date=date, confidence=round(c.confidence, 2), rule=c.rule,
            ))
    return tuple(quotes)
