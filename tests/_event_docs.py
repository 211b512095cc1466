"""Hand-built spaCy Docs for the event-rule tests (no statistical model)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc


@lru_cache(maxsize=1)
def _vocab():
    import spacy

    return spacy.blank("en").vocab


def make_doc(spec: list[tuple]) -> Doc:
    """``spec``: (word, lemma, pos, dep, head index[, tag]) per token."""
    return Doc(_vocab(), words=[s[0] for s in spec], lemmas=[s[1] for s in spec],
               pos=[s[2] for s in spec], tags=[s[5] if len(s) > 5 else "" for s in spec],
               deps=[s[3] for s in spec], heads=[s[4] for s in spec])
