"""Quotes inside quotes: a rival's words quoted by a speaker.

"The chancellor told us her plan was 'fully costed and fiscally responsible', but the
numbers do not add up," Hunt said. Hunt's quote holds the chancellor's words; crediting
them to Hunt alone would be wrong. ``embedded_quotes`` finds a quotation inside a quote's
content (single marks inside a double-quoted stretch, or a double-quoted stretch inside
reported speech), resolves its own speaker from the words around it, and returns it as a
quote of its own whose ``parent`` is the index of the quote that holds it:

- "as Hunt put it": the subject of that clause;
- "Reeves told us her plan was '...'", "Clinton described the TPP as “the gold
  standard”": the subject of the speech verb whose words the quotation is, inside the
  outer quote;
- inside a direct quote only, "Reeves's plan was '...'", "Reeves's 'fully costed' plan":
  the possessor of the noun the quotation describes.

A quotation whose speaker cannot be found this way, is a pronoun, cannot speak, or is
the outer quote's own speaker ("my plan was '...'"), gives no quote (the outer one stands
for it). On PolNeAR dev: 9 embedded quotes among about 1,800, 7 of them right by hand.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..models import Quote
from .actors import ActorTable
from .doc_tokens import doc_text, token_table
from .lexicons import cue_lexicon
from .quote_fields import speaker_actors, token_segs, token_span
from .quote_marks import DOUBLE_MARKS
from .quote_rules import Seg, is_human, noun_phrase
from .time import DateTable

__all__ = ["embedded_quotes"]

_SINGLE_OPEN = frozenset({"‘", "'", "`"})
_SINGLE_CLOSE = frozenset({"’", "'"})
_SINGLE_MARKS = _SINGLE_OPEN | _SINGLE_CLOSE
_AS_VERBS = frozenset({"put", "say", "call", "describe", "write", "tell"})
_SUBJECTS = ("nsubj", "nsubjpass")
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_NOT_WORDS = frozenset({"advmod", "npadvmod", "nsubj", "nsubjpass", "neg", "aux", "amod", "advcl"})


def _single_pairs(doc: Doc, a: int, b: int) -> list[Seg]:
    """Single-quoted stretches (marks included) in tokens a..b."""
    out: list[Seg] = []
    open_at: int | None = None
    tab = token_table(doc)
    words, ws = tab.text, tab.space_after
    for i in range(a, b + 1):
        text = words[i]
        if text not in _SINGLE_MARKS:  # a possessive "'s" (one token) is no mark either
            continue
        if (i > a and not ws[i - 1] and text in ("'", "’")
                and i + 1 <= b and doc[i + 1].is_alpha and not ws[i]):
            continue  # an apostrophe inside a word
        if open_at is None and text in _SINGLE_OPEN and (i == a or ws[i - 1] or words[i - 1] in DOUBLE_MARKS):
            open_at = i
        elif open_at is not None and text in _SINGLE_CLOSE and i > open_at + 1:
            out.append((open_at, i))
            open_at = None
    return out


def _double_regions(doc: Doc, a: int, b: int) -> list[Seg]:
    """Double-quoted stretches in tokens a..b that do not make up the whole of a..b."""
    words = token_table(doc).text
    marks = [i for i in range(a, b + 1) if words[i] in DOUBLE_MARKS]
    out = [(x, y) for x, y in zip(marks[0::2], marks[1::2]) if y > x + 1]
    return [s for s in out if s != (a, b)]


def _head_np(doc: Doc, tok: Token) -> Seg | None:
    """The mention headed by ``tok`` when it could speak (a person, a group, a document)
    and stays in one paragraph, without a trailing possessive."""
    seg = noun_phrase(doc, tok)
    if seg is None or not is_human(tok, cue_lexicon()) or "\n" in doc[seg[0]:seg[1] + 1].text:
        return None
    x, y = seg
    while y > x and doc[y].lower_ in ("'s", "’s", "'", "’"):
        y -= 1
    return (x, y)


def _speaker_of(doc: Doc, inner: Seg, outer: list[Seg], in_direct: bool) -> tuple[Seg, Token | None] | None:
    """The mention that said the quotation ``inner`` (marks included), and its cue verb.
    A possessor ("Reeves's plan was '...'", "Reeves's '...' plan") only counts inside a direct
    quote: in reported speech ("that Trump's statement was “true”") the quoted verdict is
    the reporter's."""
    a, b = inner
    words = [t for t in doc[a + 1:b] if not t.is_punct]
    if not words:
        return None
    root = next((t for t in words if not (a < t.head.i < b) or t.head.i == t.i), words[0])
    lex = cue_lexicon()
    # "as Hunt put it": a clause of the same sentence opened by "as"
    for t in root.sent:
        if t.lemma_.lower() in _AS_VERBS and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children):
            subj = next((c for c in t.children if c.dep_ in _SUBJECTS), None)
            if subj is not None:
                seg = _head_np(doc, subj)
                return (seg, t) if seg is not None else None
    inside: set[int] = set()
    for x, y in outer:
        inside.update(range(x, y + 1))
    chain = [root]
    while len(chain) < 8 and chain[-1].head.i != chain[-1].i and chain[-1].i in inside:
        chain.append(chain[-1].head)
    for below, node in zip(chain, chain[1:]):  # a speech verb whose words the quotation is
        if below.dep_ in _NOT_WORDS or (below.dep_ == "prep" and below.lower_ != "as"):
            break  # "the advertisement “unmistakably” suggests", "release the videos “without
            # delay”": how, not what, it says ("described it as “the gold standard”" is what)
        if node.lemma_.lower() in lex.speech and node.i in inside:
            subj = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
            if subj is not None and subj.i in inside:
                seg = _head_np(doc, subj)  # Reeves told us her plan was '...'
                return (seg, node) if seg is not None else None
    if not in_direct:
        return None
    for node in chain:
        poss = next((c for c in node.children if c.dep_ == "poss"), None)
        if poss is not None and node.pos_ in ("NOUN", "PROPN") and not (a <= poss.i <= b):
            seg = _head_np(doc, poss)  # Reeves's 'fully costed' plan
            return (seg, None) if seg is not None else None
        subj = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
        owner = next((c for c in subj.children if c.dep_ == "poss"), None) if subj is not None else None
        if owner is not None and not (a <= owner.i <= b):
            seg = _head_np(doc, owner)  # Reeves's plan was '...'
            return (seg, None) if seg is not None else None
    return None


def embedded_quotes(doc: Doc, quotes: tuple[Quote, ...], actors: ActorTable,
                    dates: DateTable | None = None) -> tuple[Quote, ...]:
    """``quotes`` followed by the quotations found inside them, each with ``parent`` set to
    the index of the quote that holds it."""
    text = doc_text(doc)
    extra: list[Quote] = []
    for k, q in enumerate(quotes):
        if q.parent is not None:
            continue
        outer = list(token_segs(doc, ((c.start, c.end) for c in q.content)))
        inner: list[tuple[Seg, bool]] = []
        for a, b in outer:
            if q.kind != "indirect":
                inner += [(s, True) for s in _single_pairs(doc, a, b)]
            if q.kind != "direct":
                inner += [(s, False) for s in _double_regions(doc, a, b)]
        for seg, in_direct in inner:
            found = _speaker_of(doc, seg, outer, in_direct)
            if found is None:
                continue
            mention, cue = found
            if all(t.lower_ in _FIRST_PERSON for t in doc[mention[0]:mention[1] + 1]):
                continue  # "my plan was '...'": the outer speaker's own words
            speaker = token_span(doc, mention, text)
            if q.speaker is not None and speaker.start < q.speaker.end and q.speaker.start < speaker.end:
                continue
            ids = speaker_actors(doc, actors, speaker)
            if q.speaker_actor is not None and q.speaker_actor in ids:
                continue  # the outer speaker quoting themselves
            if mention[0] == mention[1] and doc[mention[0]].pos_ == "PRON":
                continue  # "what she calls ...": most likely the outer speaker again
            date = dates.date_for(cue)[0] if dates is not None and cue is not None else q.date
            base = Quote(content=(token_span(doc, seg, text),), kind="direct", speaker=speaker,
                         cue=token_span(doc, (cue.i, cue.i), text) if cue is not None else None,
                         date=date, confidence=0.6, rule="direct.embedded", parent=k)
            extra.extend(replace(base, speaker_actor=a) for a in ids)
    return tuple(quotes) + tuple(extra)
