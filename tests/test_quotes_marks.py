"""Quotation-mark scanning on hand-built Docs (no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from communique.extract.quote_marks import paragraph_ids, scan_quotes

VOCAB = spacy.blank("en").vocab


def make(tokens: list[str]) -> Doc:
    """Tokens joined by single spaces; a token "\\n\\n" is a paragraph break; quotation
    marks attach to the word they face, as spaCy's tokenizer leaves them."""
    words, spaces = [], []
    for k, tok in enumerate(tokens):
        words.append(tok)
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        attach = tok in ("“", "``") or nxt in ("”", ",", ".", "''") or (tok == '"' and k % 2 == 0)
        spaces.append(not attach and nxt is not None and nxt != "\n\n" and tok != "\n\n")
    return Doc(VOCAB, words=words, spaces=spaces)


def texts(doc: Doc) -> list[list[str]]:
    return [[doc[a:b + 1].text for a, b in r.segments] for r in scan_quotes(doc)]


@pytest.mark.parametrize("tokens, expected", [
    (["He", "said", ",", "“", "We", "win", ".", "”"], [["“We win.”"]]),
    (["He", "said", "``", "we", "win", "''", "."], [["``we win''"]]),
    (["“", "A", "’", "b", "’", "c", ".", "”", "she", "said"], [["“A ’ b ’ c.”"]]),
])
def test_quote_marks_pairs(tokens, expected):
    assert texts(make(tokens)) == expected


def test_quote_marks_multi_paragraph_each_paragraph_opens():
    doc = make(["He", "said", ":", "“", "One", ".", "\n\n", "“", "Two", ".", "\n\n", "“", "Three", ".", "”"])
    regions = scan_quotes(doc)
    assert len(regions) == 1
    assert [doc[a:b + 1].text for a, b in regions[0].segments] == ["“One.", "“Two.", "“Three.”"]
    assert regions[0].closed


@pytest.mark.parametrize("tokens", [
    ["“", "Never", "closed", "and", "more", "\n\n", "Next", "paragraph", "."],
    ["Stray", "”", "closer", "only", "."],
    ["“", "“", "double", "open", "”"],
    ["”", "“", "”", "“"],
    ["“"],
    [],
])
def test_quote_marks_unbalanced_never_raise(tokens):
    doc = make(tokens) if tokens else Doc(VOCAB, words=[])
    regions = scan_quotes(doc)
    for r in regions:
        assert r.end >= r.start


def test_quote_marks_unclosed_quote_ends_at_paragraph():
    doc = make(["“", "Never", "closed", "\n\n", "Next", "."])
    (r,) = scan_quotes(doc)
    assert not r.closed
    assert doc[r.start:r.end + 1].text == "“Never closed"


def test_quote_marks_paragraph_ids():
    doc = make(["A", ".", "\n\n", "B", "."])
    assert paragraph_ids(doc) == [0, 0, 0, 1, 1]
