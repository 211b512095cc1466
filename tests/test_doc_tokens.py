"""The per-document token table equals what the Tokens say, for the document asked about."""

from __future__ import annotations

import pytest

from communique.extract.doc_tokens import doc_ents, doc_text, token_table

TEXTS = [
    "",
    "x",
    'Lavrov said: "We will respond."\n\nThe minister,  he added, was "not amused".\n',
    "\n\n  HEADLINE HERE\nWALLACE: Let's start.\r\n\r\n“Quoted” — Carla Sanchez\n \n",
    "According to officials, talks resumed on Monday (AP) -- in Geneva.",
]


def _paragraphs(doc) -> list[int]:
    """Paragraph numbers from the Tokens: a paragraph ends after a line break."""
    out, p = [], 0
    for tok in doc:
        out.append(p)
        if (tok.is_space and "\n" in tok.text) or "\n" in tok.whitespace_:
            p += 1
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_doc_tokens_table_equals_tokens(nlp, text: str) -> None:
    doc = nlp(text)
    tab = token_table(doc)
    assert list(tab.text) == [t.text for t in doc]
    assert list(tab.pos) == [t.pos_ for t in doc]
    assert list(tab.space_after) == [bool(t.whitespace_) for t in doc]
    assert list(tab.is_space) == [t.is_space for t in doc]
    assert list(tab.is_punct) == [t.is_punct for t in doc]
    assert list(tab.paragraph) == _paragraphs(doc)
    assert list(tab.head) == [t.head.i for t in doc]
    assert list(tab.dep) == [t.dep_ for t in doc]
    assert doc_text(doc) == doc.text == text
    assert [(e.start, e.end, e.label_) for e in doc_ents(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]


def test_doc_tokens_follow_the_document_asked_about(nlp) -> None:
    a, b = nlp(TEXTS[2]), nlp(TEXTS[3])
    assert token_table(a).text != token_table(b).text
    assert [e.text for e in doc_ents(a)] != [e.text for e in doc_ents(b)]
    for doc in (a, b, a, b):
        assert list(token_table(doc).text) == [t.text for t in doc]
        assert doc_text(doc) == doc.text
        assert [e.text for e in doc_ents(doc)] == [e.text for e in doc.ents]
