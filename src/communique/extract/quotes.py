"""Quotes: who said what. Minimal version: a speech verb with a clausal complement
(indirect) or quotation marks in its sentence (direct/mixed). (Deepened by the quotes work.)
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Quote, Span
from .actors import ActorTable
from .context import ExtractionContext
from .time import DateTable

_SPEECH = {"say", "tell", "add", "vow", "allege", "deny", "warn", "claim", "hope", "insist"}
_QUOTE_CHARS = "\"“”"


def extract_quotes(doc: Doc, ctx: ExtractionContext, actors: ActorTable,
                   dates: DateTable) -> tuple[Quote, ...]:
    quotes = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_ not in _SPEECH:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        comp = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp")), None)
        if subj is None or comp is None:
            continue
        sub = doc[subj.left_edge.i: subj.right_edge.i + 1]
        content = doc[comp.left_edge.i: comp.right_edge.i + 1]
        has_marks = any(ch in content.text for ch in _QUOTE_CHARS)
        speaker = Span.of(doc.text, sub.start_char, sub.end_char)
        date, _ = dates.date_for(tok)
        quotes.append(Quote(
            content=(Span.of(doc.text, content.start_char, content.end_char),),
            kind="mixed" if has_marks else "indirect",
            speaker=speaker,
            speaker_actor=actors.actor_at(doc, speaker.start, speaker.end),
            cue=Span.of(doc.text, tok.idx, tok.idx + len(tok.text)),
            date=date,
            confidence=0.6,
            rule="minimal.speech-verb-ccomp",
        ))
    return tuple(quotes)
