"""Training data for the attribution tagger: PolNeAR articles, parsed once and cached.

Gold attributions (character segments) become one BIO label per token
(``B-SOURCE``, ``I-CUE``, ``O``...). A parsed split is cached as a spaCy ``DocBin``
next to a fingerprint of the pipeline, with the context vectors (``doc.tensor``, which a
``DocBin`` does not keep) in a ``.npz`` beside it, so repeated training runs skip the parse.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from ..evaluation.polnear import GoldAttribution, PolnearDoc, load_split

log = logging.getLogger(__name__)

ROLES = ("SOURCE", "CUE", "CONTENT")
# Overlaps are rare (only the outermost attribution is annotated); when spans of two
# attributions overlap, the later role in this order wins on the shared tokens.
_PAINT_ORDER = ("CONTENT", "SOURCE", "CUE")


@dataclass(frozen=True)
class Example:
    """One parsed article with its gold attributions and token labels."""

    name: str
    doc: Doc
    gold: tuple[GoldAttribution, ...]
    labels: tuple[str, ...]


def token_labels(doc: Doc, gold: Sequence[GoldAttribution]) -> tuple[str, ...]:
    """BIO label per token; every gold segment starts a new span (``B-``)."""
    labels = ["O"] * len(doc)
    starts = [t.idx for t in doc]
    for role in _PAINT_ORDER:
        for att in gold:
            for start, end in getattr(att, role.lower()):
                toks = _overlapping(doc, starts, start, end)
                for k, i in enumerate(toks):
                    labels[i] = ("B-" if k == 0 else "I-") + role
    return tuple(labels)


def _overlapping(doc: Doc, starts: list[int], start: int, end: int) -> list[int]:
    import bisect

    i = max(bisect.bisect_right(starts, start) - 1, 0)
    out = []
    while i < len(doc) and doc[i].idx < end:
        tok = doc[i]
        if tok.idx + len(tok.text) > start and not tok.is_space:
            out.append(i)
        i += 1
    return out


def _fingerprint(nlp: Language, docs: Sequence[PolnearDoc]) -> str:
    h = hashlib.sha1()
    h.update(f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{nlp.pipe_names}".encode())
    for d in docs:
        h.update(d.name.encode())
        h.update(str(len(d.text)).encode())
    return h.hexdigest()[:16]


def parse_split(folder: str | Path, split: str, nlp: Language, cache_dir: str | Path | None = None,
                limit: int | None = None, n_process: int = 1) -> list[Example]:
    """Examples of one PolNeAR split; parses are cached in ``cache_dir`` when given."""
    raw = load_split(folder, split, limit=limit)
    docs: list[Doc] | None = None
    cache = tensors = None
    if cache_dir is not None:
        cache = Path(cache_dir) / f"{split}-{_fingerprint(nlp, raw)}.spacy"
        tensors = cache.with_suffix(".tensors.npz")
        if cache.is_file() and tensors.is_file():
            docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
            with np.load(tensors) as z:
                if len(docs) != len(raw) or len(z.files) != len(docs):
                    docs = None
                else:
                    for i, doc in enumerate(docs):
                        doc.tensor = z[f"arr_{i}"].astype(np.float32)
    if docs is None:
        log.info("parsing %d %s articles", len(raw), split)
        docs = list(nlp.pipe((d.text for d in raw), batch_size=16, n_process=n_process))
        if cache is not None and tensors is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            DocBin(store_user_data=False, docs=docs).to_disk(cache)
            np.savez_compressed(tensors, *[np.asarray(d.tensor, dtype=np.float16) for d in docs])
    return [Example(d.name, doc, d.attributions, token_labels(doc, d.attributions))
            for d, doc in zip(raw, docs)]
