"""Hand-built spaCy Docs for rule tests (no statistical model)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc


@lru_cache(maxsize=1)
def _vocab():
    import spacy

    return spacy.blank("en").vocab


def make_doc(rows: list[tuple], ents: list[str] | None = None) -> Doc:
    """``rows``: (word, pos, tag, dep, head index, lemma[, space_after]) per token."""
    words = [r[0] for r in rows]
    spaces = [r[6] if len(r) > 6 else True for r in rows]
    return Doc(_vocab(), words=words, spaces=spaces, pos=[r[1] for r in rows],
               tags=[r[2] for r in rows], deps=[r[3] for r in rows], heads=[r[4] for r in rows],
               lemmas=[r[5] for r in rows], ents=ents or ["O"] * len(rows),
               sent_starts=[True] + [False] * (len(rows) - 1))
