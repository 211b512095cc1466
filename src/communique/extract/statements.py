"""CAMEO statement codes (01x) on quotes, only where nothing more specific applies (issue 19).

PLOVER has no statement type, so a statement is not an :class:`~communique.models.Event`:
it is a property of the quote that reports it. ``code_statements(doc, quotes, events)``
returns the quotes with ``statement`` set on those that satisfy every condition below, and
leaves the others untouched (never a blanket fallback, unlike PETRARCH's hard-coded 010):

- the quote has a cue and a speaker resolved to an actor (no actor, no statement);
- the cue is not negated ("did not say"), not a question ("asked", content ending in "?")
  and not a cognition verb of the quote lexicon ("believe", "think", "fear");
- no event of the analysis lies in the cue's clause, which is: the cue's tokens; the verb the
  cue hangs on ("..., Blinken said": the reported verb); the subtrees of the cue's
  complements (``ccomp``, ``xcomp``, ``dobj``, ``attr``, ``oprd``, ``parataxis``,
  ``prep``, ``dative``); the quote's content spans; and any event linked to the quote.
  The speaker's own subtree, adverbial clauses and conjoined verbs are other clauses;
- the cue matches a statement pattern of the event lexicon (``statement: true``, e.g. 016
  deny responsibility); else the content clause's predicate does, when its subject is a
  pronoun or the speaker ("he was optimistic" -> 013); else a plain speech verb of the quote
  lexicon gives 010 "Make statement" with rule ``statement.say``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Sequence

from spacy.tokens import Doc, Token

from ..models import Event, Quote, Statement
from ..ontology.registry import cameo
from .actors import ActorTable
from .event_lexicon import Lexicon, index_by_lemma, load_lexicon
from .events import match_trigger
from .lexicons import cue_lexicon

__all__ = ["code_statements", "statement_for", "cue_clause"]

SAY_RULE = "statement.say"
SAY_CODE = "010"
REASON = "no event coded in the cue's clause"
# complements of the cue that belong to its clause (what is said, to whom, about what)
_CLAUSAL = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd", "parataxis", "prep", "dative", "acomp"})
_QUESTION_CUES = frozenset({"ask", "inquire", "wonder", "question"})
_PERSONAL = frozenset({"i", "we", "he", "she"})


def _statement_only(lex: Lexicon) -> Lexicon:
    pats = tuple(p for p in lex.patterns if p.statement)
    return replace(lex, patterns=pats, by_lemma=index_by_lemma(pats))


@lru_cache(maxsize=1)
def _default_statement_lexicon() -> Lexicon:
    return _statement_only(load_lexicon())


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def cue_clause(doc: Doc, quote: Quote) -> set[int]:
    """Token indices of the cue's clause (see the module docstring); empty without a cue."""
    if quote.cue is None:
        return set()
    cue = _tokens(doc, quote.cue.start, quote.cue.end)
    out = {t.i for t in cue}
    for t in cue:
        head = t.head
        if head.i != t.i and head.i not in out and head.pos_ in ("VERB", "AUX"):
            out.add(head.i)
        for child in t.children:
            if child.dep_ in _CLAUSAL:
                out.update(x.i for x in child.subtree)
    for c in quote.content:
        out.update(t.i for t in _tokens(doc, c.start, c.end))
    return out


def _cue_token(doc: Doc, quote: Quote) -> Token | None:
    """The cue's governing token: its verb if it has one, else its first token."""
    if quote.cue is None:
        return None
    toks = _tokens(doc, quote.cue.start, quote.cue.end)
    if not toks:
        return None
    inside = {t.i for t in toks}
    tops = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    verbs = [t for t in tops if t.pos_ in ("VERB", "AUX")]
    return (verbs or tops or toks)[0]


def _is_question(quote: Quote) -> bool:
    return any(c.text.rstrip(" \"'\u201d\u2019»,").endswith("?") for c in quote.content)


def _content_predicate(quote: Quote, cue: Token, actors: ActorTable | None) -> list[Token]:
    """The predicate of the content clause ('he was optimistic': was, optimistic) when its
    subject is a pronoun or the speaker; else nothing (the speaker's stance, not others')."""
    roots = [c for c in cue.children if c.dep_ == "ccomp"]
    if not roots:
        return []
    root = roots[0]
    if any(c.dep_ == "neg" for c in root.children):
        return []
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return []
    own = subj.lower_ in _PERSONAL or (
        actors is not None and quote.speaker_actor is not None
        and actors.actor_for_token(subj.i) == quote.speaker_actor)
    if not own:
        return []
    return [root, *(c for c in root.children if c.dep_ in ("acomp", "attr"))]


def statement_for(doc: Doc, quote: Quote, event_tokens: Iterable[int], *, linked: bool = False,
                  actors: ActorTable | None = None, lex: Lexicon | None = None) -> Statement | None:
    """The statement code of one quote, or None. ``event_tokens`` are the trigger token
    indices of the analysis's events; ``linked`` says an event is linked to this quote."""
    if quote.cue is None or quote.speaker is None or quote.speaker_actor is None:
        return None
    cue = _cue_token(doc, quote)
    if cue is None or any(c.dep_ == "neg" for c in cue.children):
        return None
    lemma = cue.lemma_.lower()
    cues = cue_lexicon()
    if lemma in _QUESTION_CUES or _is_question(quote) or cues.verb_class(lemma) == "cognition":
        return None
    if linked or cue_clause(doc, quote) & set(event_tokens):
        return None
    slex = _default_statement_lexicon() if lex is None else _statement_only(lex)
    general = None
    for tok in (cue, *_content_predicate(quote, cue, actors)):
        m = match_trigger(tok, slex, actors, statements=True)
        if m is None:
            continue
        if m.cameo != SAY_CODE:  # a specific 01x (pessimism, denial ...) wins over a plain 010
            info = cameo(m.cameo)
            return Statement(m.cameo, info.name if info else "", m.pattern.id, REASON)
        general = general or m
    if general is not None:
        info = cameo(SAY_CODE)
        return Statement(SAY_CODE, info.name if info else "Make statement", general.pattern.id, REASON)
    if cues.verb_class(lemma) == "speech":
        info = cameo(SAY_CODE)
        return Statement(SAY_CODE, info.name if info else "Make statement", SAY_RULE,
                         f"plain speech verb '{lemma}'; {REASON}")
    return None


def code_statements(doc: Doc, quotes: Sequence[Quote], events: Sequence[Event], *,
                    actors: ActorTable | None = None, lex: Lexicon | None = None) -> tuple[Quote, ...]:
    """``quotes`` with ``statement`` set where nothing more specific applies (see module doc)."""
    if not quotes:
        return tuple(quotes)
    triggers: set[int] = set()
    for e in events:
        triggers.update(t.i for t in _tokens(doc, e.trigger.start, e.trigger.end))
    linked = {e.quote for e in events if e.quote is not None}
    out = []
    for i, q in enumerate(quotes):
        st = statement_for(doc, q, triggers, linked=i in linked, actors=actors, lex=lex)
        out.append(replace(q, statement=st) if st is not None else q)
    return tuple(out)
