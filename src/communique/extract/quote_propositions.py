"""Whether a quote's content carries a proposition.

A report of speech says *that* something is so, asks *whether*, or quotes words. Some cue
verbs also take a bare noun phrase that reports no speech at all: "Russia welcomed the
deal", "Starmer backed Reeves", "she thanked the volunteers". For the verbs listed under
``bare_object`` in the quote cue lexicon (``data/lexicons/quote_cues.json``), a quote whose
content is such a noun phrase is dropped, whichever side (rules or tagger) found it. A
content carries a proposition when it holds a quotation mark or a clause: a verb with its
own subject, or one opened by "that", "whether" or "if". A cue in a headline reports
no speech either: the article's body says who said what.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc, Token

from .doc_tokens import token_table
from .lexicons import load_lexicon
from .quote_marks import is_double_mark

__all__ = ["bare_object_cues", "carries_proposition", "in_headline", "reports_no_speech"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_MARKS = frozenset({"that", "whether", "if"})


@cache
def bare_object_cues() -> frozenset[str]:
    """Cue lemmas whose bare noun-phrase object reports no speech."""
    return frozenset(load_lexicon("quote_cues").get("bare_object", ()))


def _clause(tok: Token) -> bool:
    """A clause that says something: not one that modifies (a relative clause, "if Russia
    attacks", a participle before a noun)."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound", "relcl", "advcl"):
        return False
    return any(c.dep_ in _SUBJECTS or (c.dep_ == "mark" and c.lower_ in _MARKS) for c in tok.children)


def carries_proposition(doc: Doc, segs: Iterable[tuple[int, int]], kind: str = "indirect") -> bool:
    """True when the content (inclusive token segments, of the quote ``kind``) quotes
    words (a direct or mixed quote, or a double quotation mark) or holds a clause."""
    if kind != "indirect":
        return True
    for a, b in segs:
        for i in range(a, b + 1):
            tok = doc[i]
            if is_double_mark(tok) or _clause(tok):
                return True
    return False


def in_headline(doc: Doc, tok: Token) -> bool:
    """The token stands in a headline: a one-line paragraph at the top of the text (or
    anywhere) that does not end as a sentence does and whose words are mostly capitalised
    ("Blinken, Lavrov, Expect No Breakthroughs on Ukraine")."""
    # a line runs between space tokens (a token's own trailing whitespace is one space or none)
    space = token_table(doc).is_space
    a = b = tok.i
    while a > 0 and not space[a - 1]:
        a -= 1
    while b + 1 < len(doc) and not space[b + 1]:
        b += 1
    if doc[b].text in (".", "!", "?", "”", '"', "’", ":", ";"):
        return False
    words = [t for t in doc[a:b + 1] if t.is_alpha]
    if len(words) < 3:
        return False
    capital = sum(1 for t in words if t.text[0].isupper())
    return capital >= 0.6 * len(words)


def reports_no_speech(doc: Doc, cue: Iterable[Token], segs: Iterable[tuple[int, int]],
                      kind: str = "indirect") -> bool:
    """A quote that reports no speech: its cue stands in a headline, or a cue word of the
    ``bare_object`` list has a content that carries no proposition."""
    cue = list(cue)
    if not cue:
        return False
    if in_headline(doc, cue[0]):
        return True
    bare = bare_object_cues()
    return any(t.lemma_.lower() in bare for t in cue) and not carries_proposition(doc, segs, kind)
