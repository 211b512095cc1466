"""Events: who did what to whom. Minimal version: a handful of verbs coded to PLOVER.
(Deepened by the actors-and-events work: ontology registries, verb-pattern lexicon,
modality, nominal events.)
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Event, Extent, Quote, Span
from .actors import ActorTable
from .context import ExtractionContext
from .places import PlaceTable
from .time import DateTable

# lemma -> (PLOVER type, CAMEO code, quad class, goldstein)
_VERBS = {
    "meet": ("CONSULT", "040", 1, 1.0),
    "demand": ("REQUEST", "100", 3, -5.0),
    "deny": ("REJECT", "120", 3, -4.0),
    "allege": ("ACCUSE", "112", 3, -2.0),
    "threaten": ("THREATEN", "130", 3, -4.4),
    "deliver": ("AID", "070", 2, 7.0),
}


def extract_events(doc: Doc, ctx: ExtractionContext, actors: ActorTable,
                   quotes: tuple[Quote, ...], dates: DateTable,
                   places: PlaceTable) -> tuple[Event, ...]:
    events = []
    for tok in doc:
        code = _VERBS.get(tok.lemma_)
        if code is None or tok.pos_ != "VERB":
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        actor = None
        if subj is not None:
            s = doc[subj.left_edge.i: subj.right_edge.i + 1]
            actor = actors.party(doc, s.start_char, s.end_char)
        date, precision = dates.date_for(tok)
        events.append(Event(
            type=code[0], cameo=code[1], quad_class=code[2], goldstein=code[3],
            trigger=Span.of(doc.text, tok.idx, tok.idx + len(tok.text)),
            sentence=Extent(tok.sent.start_char, tok.sent.end_char),
            actor=actor, date=date, date_precision=precision,
            location=places.location_for(tok),
            confidence=0.5, rule="minimal.verb",
        ))
    return tuple(events)
