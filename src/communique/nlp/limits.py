"""Keep the parser's input sane: no sentence longer than ``max_sentence_tokens`` tokens.

A run-on "sentence" of thousands of words (a scraped list, a table flattened into text, a
page without punctuation) makes the parser and the extraction rules, which walk sentences
and subtrees, slow for no gain. The ``communique_sentence_limit`` component runs before the
parser and marks a sentence start wherever a run of tokens without a sentence end
(``.``, ``!``, ``?``, a blank line) reaches the limit, preferring to cut after a comma,
semicolon, colon or dash, or before a coordinating conjunction, in the last quarter of the
run. spaCy's parser keeps sentence starts set before it, so no arc crosses a cut. Ordinary
prose (sentences of 10-60 tokens) is never touched.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "communique_sentence_limit"
_ENDS = frozenset({".", "!", "?", "…", "。"})
_CUT_AFTER = frozenset({",", ";", ":", "—", "–", "-", ")"})
_CUT_BEFORE = frozenset({"and", "but", "or", "while", "whereas", "because", "which"})


def split_long_runs(doc: Doc, max_tokens: int) -> list[int]:
    """Mark sentence starts in ``doc`` so that no run exceeds ``max_tokens``; return the
    indices of the tokens marked."""
    marked: list[int] = []
    start = 0  # first token of the current run
    for i, tok in enumerate(doc):
        if i > start and tok.is_sent_start:  # a boundary set earlier (e.g. by a previous component)
            start = i
        if tok.text in _ENDS or (tok.is_space and "\n\n" in tok.text):
            start = i + 1
            continue
        if i - start + 1 < max_tokens:
            continue
        cut = _best_cut(doc, start, i, max_tokens)
        doc[cut].is_sent_start = True
        marked.append(cut)
        start = cut
    return marked


def _best_cut(doc: Doc, start: int, end: int, max_tokens: int) -> int:
    """The token that starts the next sentence: after a punctuation mark or before a
    conjunction in the last quarter of ``doc[start:end + 1]``, else ``end``."""
    lowest = max(start + 1, end - max_tokens // 4)
    for j in range(end, lowest - 1, -1):
        if doc[j - 1].text in _CUT_AFTER:
            return j
        if doc[j].lower_ in _CUT_BEFORE:
            return j
    return end


class SentenceLimit:
    def __init__(self, max_tokens: int) -> None:
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) > self.max_tokens:
            split_long_runs(doc, self.max_tokens)
        return doc


@Language.factory(COMPONENT, default_config={"max_tokens": 200})
def make_sentence_limit(nlp: Language, name: str, max_tokens: int) -> SentenceLimit:  # noqa: ARG001 (spaCy's factory signature)
    return SentenceLimit(max_tokens)


def install(nlp: Language, max_tokens: int) -> None:
    """Add the component before the parser (once), or update its limit."""
    if COMPONENT in nlp.pipe_names:
        limit: Any = nlp.get_pipe(COMPONENT)  # our SentenceLimit
        limit.max_tokens = max_tokens
        return
    before = "parser" if "parser" in nlp.pipe_names else None
    if before is None and "senter" in nlp.pipe_names:
        before = "senter"
    if before is None:
        return  # no statistical sentence segmentation to protect
    nlp.add_pipe(COMPONENT, before=before, config={"max_tokens": max_tokens})


__all__ = ["COMPONENT", "SentenceLimit", "split_long_runs", "install"]
