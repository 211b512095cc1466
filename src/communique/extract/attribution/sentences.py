"""Which sentences the attribution tagger reads.

Most sentences of a news article report no speech. The tagger runs only on those that may:
a sentence with a quotation mark or inside a quotation, with a rule candidate (cue,
source or content, :func:`.features.rule_tags`), or with a cue word of the quote lexicon
(a speech, cognition or report verb, a cue noun, "according to"). Consecutive chosen
sentences, with a sentence of context on either side, form one chunk (a quotation
running over several sentences stays one sequence); each chunk is tagged as a sequence of
its own (:func:`.neural.tag_chunks` reads a long chunk in windows of about 48 tokens of
whole sentences with 4 tokens of context on either side, and runs all windows of a document
as one padded batch).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from ..doc_tokens import token_table
from ..lexicons import cue_lexicon

__all__ = ["tagged_chunks"]


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    lex = cue_lexicon()
    return lex.verbs | lex.noun_cues | frozenset(lex.phrasal) | {"accord"}


def tagged_chunks(doc: Doc, rtags: list[str], inq: list[int], context: int = 1) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the runs of sentences that may report speech, each
    chosen sentence with ``context`` sentences on either side (the network read whole
    articles in training: on PolNeAR dev a sentence of context on each side keeps the
    combined attribution F1 at 0.692, against 0.694 for whole articles and 0.685 without)."""
    cues = _cue_words()
    table = token_table(doc)
    sents = table.sentences
    lemma, pos = table.lemma, table.pos
    chosen: set[int] = set()
    for k, (a, b) in enumerate(sents):
        if any(inq[i] or rtags[i] != "O" for i in range(a, b)) or any(
                lemma[i] in cues and pos[i] in ("VERB", "NOUN", "AUX") for i in range(a, b)):
            chosen.update(range(max(0, k - context), min(len(sents), k + context + 1)))
    out: list[tuple[int, int]] = []
    for k in sorted(chosen):
        a, b = sents[k]
        if out and out[-1][1] == a:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out
