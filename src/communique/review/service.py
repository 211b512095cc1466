"""Submitting reviews to a store: the one function behind ``POST /api/reviews``, the
article page forms and ``communique review ...``.

A record is named by its record key (``q:<article>:<start-end>``) or by its public id
(``<article>:q3`` / ``<article>:e0``, as the pages and the API show it: a corrected
record's id refers to the machine record it corrects).
"""

from __future__ import annotations

from typing import Any

from ..analysis.facts import parse_record_id
from ..errors import InputError
from ..models import Analysis
from .records import Review, make_addition, make_confirm, make_correction, make_reject, parse_key, record_keys


def resolve(store: Any, ref: str) -> tuple[Analysis, str]:
    """The machine analysis and the record key named by ``ref`` (key or public id)."""
    from ..store.reviews import ADDED_BASE, position_key

    try:
        kind, aid = parse_key(ref)
        key: str | None = ref
        index: int | None = None
    except InputError:
        try:
            aid, letter, seq = parse_record_id(ref)
        except ValueError:
            raise InputError(f"not a record key or id: {ref!r}") from None
        kind = "quote" if letter == "q" else "event"
        if seq >= ADDED_BASE:
            raise InputError(f"{ref} is a record a reviewer added: review its key instead")
        index, key = position_key(seq), None
    try:
        raw = store.get(aid, raw=True)
    except KeyError:
        raise InputError(f"no article {aid!r} in the store", article=aid) from None
    keys = record_keys(raw, kind)
    if key is None:
        if index is None or not 0 <= index < len(keys):
            raise InputError(f"no record {ref!r}")
        key = keys[index]
    return raw, key


def submit(store: Any, *, action: str, author: str, ref: str | None = None,
           article_id: str | None = None, kind: str | None = None,
           span: tuple[int, int] | None = None, changes: dict[str, Any] | None = None,
           comment: str | None = None, created_at: str | None = None) -> Review:
    """Build one review against the stored machine analysis and store it."""
    if action == "add":
        if not article_id or kind not in ("quote", "event") or span is None:
            raise InputError("add needs article_id, kind (quote or event) and span (start, end)")
        try:
            raw = store.get(article_id, raw=True)
        except KeyError:
            raise InputError(f"no article {article_id!r} in the store", article=article_id) from None
        review = make_addition(raw, kind, author, span, changes, comment, created_at)
    else:
        if not ref:
            raise InputError(f"{action} needs a record (key or id)")
        raw, key = resolve(store, ref)
        if action == "confirm":
            review = make_confirm(raw, key, author, comment, created_at)
        elif action == "reject":
            review = make_reject(raw, key, author, comment, created_at)
        elif action == "correct":
            review = make_correction(raw, key, author, changes or {}, comment, created_at)
        else:
            raise InputError(f"unknown review action {action!r}")
    store.add_review(review)
    return review
