"""The fields of a :class:`~communique.models.Quote` that the rule and model sides
build alike: the kind (direct, mixed, indirect), the medium named around the cue, the
actors a speaker mention resolves to, and character spans of token segments.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..models import Span
from .actors import ActorTable
from .doc_tokens import token_table
from .lexicons import media_lexicon
from .quote_rules import Seg

__all__ = ["medium_of", "quote_kind", "speaker_actors", "token_segs", "token_span"]


def quote_kind(content: tuple[Seg, ...], reg_of: list[int], doc: Doc) -> str:
    """direct: all words quoted; mixed: some; indirect: none."""
    quoted = unquoted = 0
    table = token_table(doc)
    for a, b in content:
        for i in range(a, b + 1):
            if table.is_punct[i] or table.is_space[i]:
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


def medium_of(head: Token) -> str | None:
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


def token_span(doc: Doc, seg: Seg, text: str) -> Span:
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


def token_segs(doc: Doc, segs: Iterable[tuple[int, int]]) -> tuple[Seg, ...]:
    """Inclusive token segments of character ranges [start, end) (expanded to whole tokens)."""
    out = []
    for a, b in segs:
        sp = doc.char_span(a, b, alignment_mode="expand")
        if sp is not None and len(sp):
            out.append((sp.start, sp.end - 1))
    return tuple(out)
