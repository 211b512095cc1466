"""Repository methods for reviews (a mixin of ``Repository``; migration 0003).

The machine output stays in the ``quotes``/``events``/``event_dyads`` rows it was written
to. Reviews are stored as they come; after each change :meth:`ReviewQueries.materialize_reviews`
rebuilds the article's *reviewed* rows from the machine analysis and the attached reviews
(:func:`communique.review.apply.apply_reviews`): a corrected or rejected machine row is
marked ``variant = 'raw'``, corrected and added records are written as new rows with
``variant = 'reviewed'`` at ``seq = 100000 + machine index`` (corrected) or ``200000 + k``
(added). Queries read ``variant <> 'raw'`` (reviewed, the default) or ``variant <>
'reviewed'`` (``raw=True``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..analysis.facts import story_of
from ..models import Analysis

if TYPE_CHECKING:
    import datetime as dt

    from ..models import Article, Event, Quote
from ..review.apply import Reviewed, apply_reviews, reattach
from ..review.records import Review
from .sql_base import SQLMixin, StoreMixin

CORRECTED_BASE = 100_000
ADDED_BASE = 200_000


def variant_filter(alias: str, raw: bool) -> str:
    """SQL condition keeping the rows of the reviewed (default) or raw version."""
    col = f"{alias}.variant" if alias else "variant"
    return f"{col} <> 'reviewed'" if raw else f"{col} <> 'raw'"


def position_key(seq: int) -> int:
    """Sort key putting a corrected copy where its machine record was."""
    return seq - CORRECTED_BASE if CORRECTED_BASE <= seq < ADDED_BASE else seq


class ReviewQueries(SQLMixin):
    """Mixed into ``Repository``: needs ``_exec``, ``_all``, ``_one``, ``dialect`` and the writers."""

    if TYPE_CHECKING:  # the repository's writers and readers this mixin calls
        def _refresh_incidents(self, stories: Iterable[str | None]) -> None: ...

        def get_analysis(self, article_id: str, raw: bool = False) -> Analysis | None: ...

        def has_article(self, article_id: str) -> bool: ...

        def add_analysis(self, analysis: Analysis) -> bool: ...

        def _add_quote(self, art: Article, seq: int, quote: Quote, names: dict[str, str]) -> None: ...

        def _add_event(self, art: Article, seq: int, event: Event, text: str,
                       names: dict[str, str]) -> None: ...

        def _index_event(self, article_id: str, story: str, published: dt.date | None, seq: int,
                         event: Event) -> None: ...

    # --- reviews ---------------------------------------------------------------------

    def add_review(self, review: Review) -> bool:
        cur = self._exec(
            "INSERT INTO reviews (id, article_id, kind, record_key, action, author, created_at, rule, "
            "status, note, comment, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING",
            (review.id, review.article_id, review.kind, review.key, review.action, review.author,
             review.created_at, review.rule, review.status, review.note, review.comment,
             json.dumps(review.to_dict(), ensure_ascii=False, separators=(",", ":"))))
        return bool(cur.rowcount)

    def set_review_status(self, review: Review) -> None:
        d = review.to_dict()
        self._exec("UPDATE reviews SET status = ?, note = ?, data = ? WHERE id = ?",
                   (review.status, review.note, json.dumps(d, ensure_ascii=False, separators=(",", ":")),
                    review.id))

    def reviews(self, *, article_id: str | None = None, author: str | None = None,
                kind: str | None = None, action: str | None = None, status: str | None = None,
                key: str | None = None, limit: int | None = None) -> list[Review]:
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        for col, val in (("article_id", article_id), ("author", author), ("kind", kind),
                         ("action", action), ("status", status), ("record_key", key)):
            if val:
                where.append(f"{col} = ?")
                params.append(val)
        q = f"SELECT data FROM reviews WHERE {' AND '.join(where)} ORDER BY created_at, id"
        if limit:
            q += " LIMIT ?"
            params.append(int(limit))
        return [Review.from_dict(json.loads(r[0])) for r in self._all(q, params)]

    def reviewed_article_ids(self) -> list[str]:
        return [r[0] for r in self._all(
            "SELECT DISTINCT r.article_id FROM reviews r JOIN articles a ON a.id = r.article_id "
            "WHERE r.status = 'attached' ORDER BY r.article_id")]

    # --- the reviewed version ----------------------------------------------------------

    def record_seqs(self, article_id: str, kind: str, raw: bool = False) -> list[tuple[int, str | None]]:
        """``(seq, review_status)`` of the article's quotes or events, in record order."""
        table = "quotes" if kind == "quote" else "events"
        rows = self._all(f"SELECT seq, review_status FROM {table} WHERE article_id = ? AND "
                         f"{variant_filter('', raw)}", (article_id,))
        return sorted(((int(s), st) for s, st in rows), key=lambda x: position_key(x[0]))

    def materialize_reviews(self, article_id: str) -> Reviewed | None:
        """Rebuild the reviewed rows of one article from its machine rows and attached reviews
        (and the precomputed incidents of its story)."""
        out = self._materialize_reviews(article_id)
        self._refresh_incidents(self._stories_of(article_id))
        return out

    def _stories_of(self, article_id: str) -> list[str]:
        """The story of an article (its column follows merges, as event_dyads.story does)."""
        row = self._one("SELECT story_id FROM articles WHERE id = ?", (article_id,))
        return [row[0]] if row and row[0] else []

    def _materialize_reviews(self, article_id: str) -> Reviewed | None:
        for table in ("event_parties", "events", "quotes", "event_dyads"):
            self._exec(f"DELETE FROM {table} WHERE article_id = ? AND seq >= ?",
                       (article_id, CORRECTED_BASE))
        if self.dialect.name == "sqlite":
            for fts in ("quotes_fts", "events_fts"):
                self._exec(f"DELETE FROM {fts} WHERE article_id = ? AND seq >= ?",
                           (article_id, CORRECTED_BASE))
        for table in ("quotes", "events", "event_dyads"):
            extra = ", review_status = NULL" if table != "event_dyads" else ""
            self._exec(f"UPDATE {table} SET variant = 'both'{extra} WHERE article_id = ?", (article_id,))
        raw = self.get_analysis(article_id, raw=True)
        if raw is None:
            return None
        reviews = self.reviews(article_id=article_id, status="attached")
        if not reviews:
            return None
        out = apply_reviews(raw, reviews)
        art = raw.article
        names = {a.id: a.name for a in raw.actors}
        story = story_of(art)

        def new_seq(st, k: int) -> int:
            if st.machine_index is None:
                return ADDED_BASE + k
            return CORRECTED_BASE + st.machine_index if st.status in ("corrected", "added") else st.machine_index

        added = 0
        qseqs = []
        for st in out.quotes:
            qseqs.append(new_seq(st, added))
            added += st.machine_index is None
        for kind, states in (("quote", out.machine_quotes), ("event", out.machine_events)):
            table = "quotes" if kind == "quote" else "events"
            for j, state in enumerate(states):
                if state is None:
                    continue
                variant = "both" if state == "confirmed" else "raw"
                self._exec(f"UPDATE {table} SET variant = ?, review_status = ? WHERE article_id = ? "
                           "AND seq = ?", (variant, state, article_id, j))
                if kind == "event" and variant == "raw":
                    self._exec("UPDATE event_dyads SET variant = 'raw' WHERE article_id = ? AND seq = ?",
                               (article_id, j))
        for i, (q, st) in enumerate(zip(out.analysis.quotes, out.quotes)):
            if st.status not in ("corrected", "added"):
                continue
            seq = qseqs[i]
            self._add_quote(art, seq, q, names)
            self._mark_reviewed("quotes", article_id, seq, st.status)
            if self.dialect.name == "sqlite":
                self._exec("INSERT INTO quotes_fts (content_text, speaker_text, article_id, seq) "
                           "VALUES (?, ?, ?, ?)", (" ".join(c.text for c in q.content),
                                                   q.speaker.text if q.speaker else "", article_id, seq))
        added = 0
        for ev, st in zip(out.analysis.events, out.events):
            seq = new_seq(st, added)
            added += st.machine_index is None
            if st.status not in ("corrected", "added"):
                continue
            if ev.quote is not None and 0 <= ev.quote < len(qseqs):
                ev = replace(ev, quote=qseqs[ev.quote])
            self._add_event(art, seq, ev, art.text, names)
            self._mark_reviewed("events", article_id, seq, st.status)
            self._index_event(article_id, story, art.published, seq, ev)
            self._exec("UPDATE event_dyads SET variant = 'reviewed' WHERE article_id = ? AND seq = ?",
                       (article_id, seq))
        return out

    def _mark_reviewed(self, table: str, article_id: str, seq: int, status: str | None) -> None:
        self._exec(f"UPDATE {table} SET variant = 'reviewed', review_status = ? "
                   "WHERE article_id = ? AND seq = ?", (status, article_id, seq))

    # --- re-analysis --------------------------------------------------------------------

    def delete_article(self, article_id: str) -> None:
        """Remove an article's machine and reviewed rows (its reviews stay)."""
        stories = self._stories_of(article_id)
        self._exec("UPDATE actors SET n_articles = n_articles - 1, n_mentions = n_mentions - "
                   "(SELECT aa.n_mentions FROM article_actors aa WHERE aa.article_id = ? "
                   "AND aa.actor_id = actors.id) WHERE id IN "
                   "(SELECT actor_id FROM article_actors WHERE article_id = ?)", (article_id, article_id))
        for table in ("event_dyads", "event_parties", "mentions", "article_actors", "events", "quotes",
                      "places", "dates", "articles_fts"):
            self._exec(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        if self.dialect.name == "sqlite":
            for fts in ("quotes_fts", "events_fts"):
                self._exec(f"DELETE FROM {fts} WHERE article_id = ?", (article_id,))
        self._exec("DELETE FROM articles WHERE id = ?", (article_id,))
        self._refresh_incidents(stories)

    def replace_analysis(self, analysis: Analysis) -> list[Review]:
        """Store a new machine analysis of an article, re-attaching (or flagging) its reviews."""
        if self.has_article(analysis.id):
            self.delete_article(analysis.id)
        self.add_analysis(analysis)
        out = reattach(analysis, self.reviews(article_id=analysis.id))
        for r in out:
            self.set_review_status(r)
        self.materialize_reviews(analysis.id)
        return out




class ReviewStore(StoreMixin):
    """Review methods of :class:`~communique.store.Store` (mixin; needs ``_lock`` and ``repo``)."""

    def add_review(self, review: Review) -> bool:
        """Store one review and rebuild its article's reviewed version; ``False`` if stored already."""
        return self.add_reviews([review]) == 1

    def add_reviews(self, reviews: Iterable[Review]) -> int:
        """Store reviews in one transaction (their articles must be stored); returns how many were new."""
        from ..errors import InputError

        with self._lock, self.repo.transaction():
            n, touched = 0, set()
            for r in reviews:
                if not self.repo.has_article(r.article_id):
                    raise InputError(f"no article {r.article_id!r} in the store", article=r.article_id)
                if self.repo.add_review(r):
                    n += 1
                    touched.add(r.article_id)
            for aid in sorted(touched):
                self.repo.materialize_reviews(aid)
            return n

    def reviews(self, **filters: Any) -> list[Review]:
        """Reviews, oldest first (filters: article_id, author, kind, action, status, key, limit)."""
        with self._lock:
            return self.repo.reviews(**filters)

    def reviewed(self, article_id: str) -> Reviewed | None:
        """The reviewed version of one article with each record's state (None: no review)."""
        with self._lock:
            raw = self.repo.get_analysis(article_id, raw=True)
            if raw is None:
                raise KeyError(article_id)
            reviews = self.repo.reviews(article_id=article_id, status="attached")
        return apply_reviews(raw, reviews) if reviews else None

    def reanalyse(self, analysis: Analysis) -> list[Review]:
        """Replace an article's machine output by a new analysis (a newer model): its reviews
        are re-attached where their records still match, flagged otherwise (returned)."""
        with self._lock, self.repo.transaction():
            return self.repo.replace_analysis(analysis)
