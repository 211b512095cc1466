"""Per-document token tables: the text and plain token attributes of a Doc, read once.

spaCy rebuilds ``Doc.text`` and ``Doc.ents`` on every access and makes a new ``Token``
object at every ``doc[i]`` and every step of ``for tok in doc``; the rule stages read the
same few attributes of every token several times (paragraph breaks, quotation marks, parts
of speech). ``doc_text(doc)``, ``doc_ents(doc)`` and ``token_table(doc)`` compute them once
per document (the table in one ``Doc.to_array`` call). The last document asked about is
kept (the stages analyse one document at a time, each asking again), so a document is read
once per analysis. The answers hold while the Doc is not changed (no retokenising or new
entities between the stages); another thread's document only costs a rebuild.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy
from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH, POS, SENT_START, SPACY
from spacy.tokens import Doc, Span

__all__ = ["TokenTable", "doc_ents", "doc_text", "token_table"]

_ATTRS = (ORTH, POS, SPACY, IS_SPACE, IS_PUNCT, HEAD, DEP, LEMMA, LOWER, SENT_START)


@dataclass(frozen=True)
class TokenTable:
    """Token attributes of one Doc by token index (``Token.text``, ``.pos_``,
    ``bool(.whitespace_)``, ``.is_space``, ``.is_punct``, ``.head.i``, ``.dep_``,
    ``.lemma_.lower()``, ``.lower_``), each
    token's paragraph number (:func:`communique.extract.quote_marks.paragraph_ids`) and the
    sentences' token ranges (``Doc.sents``, from the sentence starts; one sentence when the
    Doc has none)."""

    text: tuple[str, ...]
    pos: tuple[str, ...]
    space_after: tuple[bool, ...]
    is_space: tuple[bool, ...]
    is_punct: tuple[bool, ...]
    paragraph: tuple[int, ...]
    head: tuple[int, ...]  # the root is its own head
    dep: tuple[str, ...]
    lemma: tuple[str, ...]  # lower-cased
    lower: tuple[str, ...]
    sentences: tuple[tuple[int, int], ...]  # [start, end) of each sentence


T = TypeVar("T")


def _last_document(build: Callable[[Doc], T]) -> Callable[[Doc], T]:
    """``build`` with its answer for the last document asked about kept (the stages analyse
    one document at a time, each asking again)."""
    last: list[tuple[Doc, T]] = []

    @functools.wraps(build)
    def cached(doc: Doc) -> T:
        if last and last[0][0] is doc:
            return last[0][1]
        value = build(doc)
        last[:] = [(doc, value)]
        return value

    return cached


@_last_document
def doc_text(doc: Doc) -> str:
    """``doc.text``, built once for the document being analysed."""
    return doc.text


@_last_document
def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents`` (rebuilt from the tokens on every access), once for the document being
    analysed."""
    return tuple(doc.ents)


@_last_document
def token_table(doc: Doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc``, built once for the document being analysed."""
    return _build(doc)


def _build(doc: Doc) -> TokenTable:
    if len(doc) == 0:
        return TokenTable((), (), (), (), (), (), (), (), (), (), ())
    arr = doc.to_array(list(_ATTRS))
    text = _strings(doc, arr[:, 0])
    # a paragraph ends after a space token holding a line break (a token's own trailing
    # whitespace is one space or none, never a line break)
    space = arr[:, 3].astype(bool)
    ends = [int(i) for i in numpy.flatnonzero(space) if "\n" in text[i]]
    starts = numpy.zeros(len(doc), dtype=numpy.int64)
    starts[[i + 1 for i in ends if i + 1 < len(doc)]] = 1
    return TokenTable(
        text=text,
        pos=_strings(doc, arr[:, 1]),
        space_after=tuple(arr[:, 2].astype(bool).tolist()),
        is_space=tuple(space.tolist()),
        is_punct=tuple(arr[:, 4].astype(bool).tolist()),
        paragraph=tuple(numpy.cumsum(starts).tolist()),
        # HEAD is the offset to the head, stored unsigned: the cast back to int64 restores the sign
        head=tuple((numpy.arange(len(doc)) + arr[:, 5].astype(numpy.int64)).tolist()),
        dep=_strings(doc, arr[:, 6]),
        lemma=_strings(doc, arr[:, 7], str.lower),
        lower=_strings(doc, arr[:, 8]),
        sentences=_sentences(arr[:, 9]),
    )


def _sentences(col: numpy.ndarray) -> tuple[tuple[int, int], ...]:
    """[start, end) of each sentence from a SENT_START column (1 at a sentence start)."""
    starts = numpy.flatnonzero(col.astype(numpy.int64) == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return tuple(zip(starts, starts[1:] + [len(col)]))


def _strings(doc: Doc, col: numpy.ndarray, fold: Callable[[str], str] | None = None) -> tuple[str, ...]:
    """The strings of one ``Doc.to_array`` column (each distinct hash looked up once)."""
    ids = col.tolist()
    strings = doc.vocab.strings
    name = {h: strings[h] if fold is None else fold(strings[h]) for h in set(ids)}
    return tuple(map(name.__getitem__, ids))
