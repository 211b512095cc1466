"""The repository: the only code that writes SQL.

It works on any DB-API connection plus a :class:`~communique.store.dialect.Dialect`
(plain SQL with ``?`` parameters), so SQLite and PostgreSQL share it. Callers open write
transactions with :meth:`Repository.transaction`; every write method below expects to run
inside one. Every statement, fetch and commit runs inside the backend's
:class:`~communique.store.driver_errors.DriverErrors`, so a driver exception leaves the
repository only as a :class:`~communique.errors.StoreError`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import MigrationError, StoreError
from ..ingest.dedup import source_key
from ..models import Actor, Analysis, Article, Event, Quote
from .analytics import AnalyticsQueries
from .conditions import date_range, date_text, placeholders
from .dialect import Dialect
from .driver_errors import DriverErrors
from .migrations import Migration
from .query import ListFilter, actor_conditions, event_conditions, quote_conditions
from .registry import RegistryQueries
from .reviews import ReviewQueries, position_key, variant_filter
from .rows import ActorRow, EventRow, QuoteRow

log = logging.getLogger(__name__)

COUNTED_TABLES = ("articles", "actors", "quotes", "events", "places", "dates", "skips")

# articles and distinct sources of the story of the article ``a`` (migration 0004)
STORY_COUNTS = ("(SELECT COUNT(*) FROM articles sa WHERE sa.story_id = a.story_id), "
                "(SELECT COUNT(DISTINCT sa.source_key) FROM articles sa WHERE sa.story_id = a.story_id)")


def _json(d: dict[str, Any]) -> str:
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _with_story(row: tuple) -> dict[str, Any]:
    """An article's JSON (``row[0]``) with the story id of its column (``row[1]``), which
    follows story merges."""
    d = json.loads(row[0])
    if row[1] and (row[1] != d.get("id") or d.get("story_id")):  # its own story: left unset
        d["story_id"] = row[1]
    return d


class Repository(AnalyticsQueries, ReviewQueries, RegistryQueries):
    def __init__(self, conn: Any, dialect: Dialect, errors: DriverErrors | None = None) -> None:
        self.conn = conn
        self.dialect = dialect
        self.errors = errors or DriverErrors(types=(), db="")
        self._depth = 0

    # --- plumbing ---------------------------------------------------------------------

    def _exec(self, query: str, params: Sequence[Any] = ()) -> Any:
        with self.errors.wrapped():
            cur = self.conn.cursor()
            cur.execute(self.dialect.sql(query), tuple(params))
        return cur

    def _all(self, query: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self.errors.wrapped():
            return self._exec(query, params).fetchall()

    def _one(self, query: str, params: Sequence[Any] = ()) -> tuple | None:
        with self.errors.wrapped():
            return self._exec(query, params).fetchone()

    def _all_in(self, query: str, values: Iterable[Any]) -> list[tuple]:
        """Rows of ``query`` whose ``IN ({marks})`` takes ``values``, 500 at a time."""
        values = list(values)
        rows: list[tuple] = []
        for i in range(0, len(values), 500):
            chunk = values[i:i + 500]
            rows += self._all(query.format(marks=placeholders(chunk)), chunk)
        return rows

    def configure(self) -> None:
        """Per-connection settings (WAL, foreign keys, busy timeout for SQLite)."""
        for statement in self.dialect.setup:
            self._exec(statement)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (nested calls join the outer one); rolled back on error,
        a failed commit included."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._exec(self.dialect.begin)
        self._depth = 1
        try:
            yield
            self._depth = 0
            self._exec("COMMIT")
        except BaseException:
            self._depth = 0
            self._rollback()
            raise

    def _rollback(self) -> None:
        """Best effort: the error that made us roll back is the one to report."""
        try:
            self._exec("ROLLBACK")
        except StoreError as exc:
            log.warning("rollback failed: %s", exc)

    # --- migrations -------------------------------------------------------------------

    def schema_version(self) -> int:
        try:
            row = self._one("SELECT MAX(version) FROM schema_migrations")
        except StoreError:  # table missing: a new database
            return 0
        return int(row[0] or 0) if row else 0

    def migrate(self, migrations: Sequence[Migration]) -> list[int]:
        """Apply the migrations newer than the database, each in its own transaction."""
        with self.transaction():
            self._exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                       "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        current = self.schema_version()
        known = max((m.version for m in migrations), default=0)
        if current > known:
            raise MigrationError(f"the database schema is version {current}, newer than this "
                                 f"communique knows ({known}); upgrade communique")
        applied = []
        for mig in migrations:
            if mig.version <= current:
                continue
            try:
                with self.transaction():
                    for statement in mig.statements:
                        self._exec(statement)
                    self._exec("INSERT INTO schema_migrations (version, name, applied_at) "
                               "VALUES (?, ?, ?)", (mig.version, mig.name, _now()))
            except MigrationError:
                raise
            except Exception as exc:
                raise MigrationError(f"migration {mig.version:04d}_{mig.name} failed: {exc}") from exc
            log.info("applied migration %04d_%s", mig.version, mig.name)
            applied.append(mig.version)
        return applied

    def migrations_applied(self) -> list[tuple[int, str]]:
        return [(int(v), n) for v, n in
                self._all("SELECT version, name FROM schema_migrations ORDER BY version")]

    # --- writes -----------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self._one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        return {r[0] for r in self._all_in("SELECT id FROM articles WHERE id IN ({marks})",
                                           dict.fromkeys(ids))}

    def add_analysis(self, analysis: Analysis) -> bool:
        """Insert one analysis; ``False`` (and nothing changed) if its article is stored already."""
        art = analysis.article
        if self.has_article(art.id):
            return False
        text = art.text
        article_data = art.to_dict()
        if analysis.meta:
            article_data["meta"] = dict(analysis.meta)
        self._exec(
            "INSERT INTO articles (id, title, url, source, published, language, n_actors, n_quotes, "
            "n_events, added_at, data, story_id, source_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (art.id, art.title, art.url, art.source, date_text(art.published), art.language,
             len(analysis.actors), len(analysis.quotes), len(analysis.events), _now(),
             _json(article_data), art.story_id or art.id, source_key(art)))
        for seq, actor in enumerate(analysis.actors):
            self._add_actor(art.id, seq, actor)
        names = {a.id: a.name for a in analysis.actors}
        for seq, quote in enumerate(analysis.quotes):
            self._add_quote(art, seq, quote, names)
        for seq, event in enumerate(analysis.events):
            self._add_event(art, seq, event, text, names)
        for seq, place in enumerate(analysis.places):
            self._exec(
                "INSERT INTO places (article_id, seq, start_char, end_char, text, name, country, "
                "admin1, lat, lon, geonameid, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (art.id, seq, place.start, place.end, place.text, place.name, place.country,
                 place.admin1, place.lat, place.lon, place.geonameid, _json(place.to_dict())))
        for seq, ref in enumerate(analysis.dates):
            self._exec(
                "INSERT INTO dates (article_id, seq, start_char, end_char, text, value, "
                "date_precision, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (art.id, seq, ref.start, ref.end, ref.text, date_text(ref.value), ref.precision,
                 _json(ref.to_dict())))
        self._index_analytics(analysis)  # dyad index + full-text search (store/analytics.py)
        return True

    def _add_actor(self, article_id: str, seq: int, actor: Actor) -> None:
        summary = actor.to_dict()
        summary["mentions"] = []  # mentions live per article
        n = len(actor.mentions)
        self._exec(
            "INSERT INTO actors (id, name, kind, country, sector, n_articles, n_mentions, data) "
            "VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "n_articles = actors.n_articles + 1, n_mentions = actors.n_mentions + excluded.n_mentions",
            (actor.id, actor.name, actor.kind, actor.country, actor.sector, n, _json(summary)))
        self._exec(
            "INSERT INTO article_actors (article_id, actor_id, seq, name, n_mentions, data) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (article_id, actor.id, seq, actor.name, n, _json(actor.to_dict())))
        for mseq, m in enumerate(actor.mentions):
            self._exec(
                "INSERT INTO mentions (article_id, actor_id, seq, start_char, end_char, text) "
                "VALUES (?, ?, ?, ?, ?, ?)", (article_id, actor.id, mseq, m.start, m.end, m.text))

    def _known_actor(self, actor_id: str | None, names: dict[str, str]) -> str | None:
        return actor_id if actor_id in names else None

    def _add_quote(self, art: Article, seq: int, quote: Quote, names: dict[str, str]) -> None:
        content = " … ".join(c.text for c in quote.content)
        self._exec(
            "INSERT INTO quotes (article_id, seq, speaker_actor, speaker_text, kind, medium, "
            "quote_date, start_char, end_char, content_text, confidence, rule, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (art.id, seq, self._known_actor(quote.speaker_actor, names),
             quote.speaker.text if quote.speaker else None, quote.kind, quote.medium,
             date_text(quote.date or art.published), quote.start, quote.end, content,
             quote.confidence, quote.rule, _json(quote.to_dict())))

    def _add_event(self, art: Article, seq: int, event: Event, text: str,
                   names: dict[str, str]) -> None:
        loc = event.location
        self._exec(
            "INSERT INTO events (article_id, seq, type, mode, cameo, quad_class, goldstein, "
            "actor_text, recipient_text, trigger_text, sentence_text, event_date, date_precision, "
            "location_name, location_country, modality, confidence, rule, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (art.id, seq, event.type, event.mode, event.cameo, event.quad_class, event.goldstein,
             event.actor.text if event.actor else None,
             event.recipient.text if event.recipient else None,
             event.trigger.text, text[event.sentence.start:event.sentence.end],
             date_text(event.date or art.published), event.date_precision,
             loc.name if loc else None, loc.country if loc else None, event.modality,
             event.confidence, event.rule, _json(event.to_dict())))
        if self.dialect.name == "sqlite":  # event search (migration 0009; PostgreSQL: events.tsv)
            self._exec("INSERT INTO events_fts (sentence_text, article_id, seq) VALUES (?, ?, ?)",
                       (text[event.sentence.start:event.sentence.end], art.id, seq))
        for role, party in (("actor", event.actor), ("recipient", event.recipient)):
            if party is None:
                continue
            for actor_id in dict.fromkeys(party.actors):
                if actor_id in names:
                    self._exec("INSERT INTO event_parties (article_id, seq, role, actor_id) "
                               "VALUES (?, ?, ?, ?)", (art.id, seq, role, actor_id))

    def merge_stories(self, aliases: dict[str, str]) -> int:
        """Move the articles (and dyad facts) of each story ``old`` to ``aliases[old]``: a later
        article joined two clusters. Returns the number of articles moved."""
        moved = 0
        for old, new in aliases.items():
            if old == new:
                continue
            moved += self._exec("UPDATE articles SET story_id = ? WHERE story_id = ?", (new, old)).rowcount
            self._exec("UPDATE event_dyads SET story = ? WHERE story = ?", (new, old))
            self._refresh_incidents([old, new])
        return moved

    def record_skip(self, source: str, reason: str, code: str, line: int | None = None) -> bool:
        """Record an input that was not analysed (once per source, line and reason)."""
        cur = self._exec(
            "INSERT INTO skips (source, line, code, reason, recorded_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (source, line, reason) DO NOTHING",
            (source, line or 0, code, reason, _now()))
        return bool(cur.rowcount)

    # --- reads ------------------------------------------------------------------------

    def get_analysis(self, article_id: str, raw: bool = False) -> Analysis | None:
        """The stored analysis: its reviewed version, or the machine output with ``raw``."""
        row = self._one("SELECT data, story_id FROM articles WHERE id = ?", (article_id,))
        if row is None:
            return None
        d = _with_story(row)

        def records(table: str) -> list[dict]:
            return [json.loads(r[0]) for r in
                    self._all(f"SELECT data FROM {table} WHERE article_id = ? ORDER BY seq", (article_id,))]

        def versioned(table: str) -> list[tuple[int, dict]]:
            rows = self._all(f"SELECT seq, data FROM {table} WHERE article_id = ? AND "
                             f"{variant_filter('', raw)}", (article_id,))
            return sorted(((int(r[0]), json.loads(r[1])) for r in rows), key=lambda x: position_key(x[0]))

        d["actors"] = records("article_actors")
        quotes = versioned("quotes")
        events = versioned("events")
        if not raw:  # reviewed rows point at quotes by seq: back to positions
            pos: dict[int, int] = {}
            for i, (seq, _) in enumerate(quotes):
                pos[seq] = i
                if position_key(seq) != seq:
                    pos[position_key(seq)] = i
            for _, e in events:
                if e.get("quote") is not None:
                    e["quote"] = pos.get(int(e["quote"]))
        d["quotes"] = [q for _, q in quotes]
        d["events"] = [e for _, e in events]
        d["places"] = records("places")
        d["dates"] = records("dates")
        return Analysis.from_dict(d)

    def articles(self, *, since: dt.date | str | None = None, until: dt.date | str | None = None,
                 limit: int | None = None) -> list[Article]:
        where, params = ["1 = 1"], []
        dates, date_params = date_range("published", since, until)
        where += dates
        params += date_params
        q = f"SELECT data, story_id FROM articles WHERE {' AND '.join(where)} ORDER BY published, id"
        if limit:
            q += " LIMIT ?"
            params.append(int(limit))
        return [Article.from_dict(_with_story(r)) for r in self._all(q, params)]

    def story_ids(self, ids: Iterable[str]) -> dict[str, str]:
        """``article id -> story id`` of the stored articles among ``ids``."""
        return {r[0]: r[1] or r[0] for r in
                self._all_in("SELECT id, story_id FROM articles WHERE id IN ({marks})", dict.fromkeys(ids))}

    def recent_articles(self, limit: int, *, unless: Callable[[str], bool] | None = None) -> list[Article]:
        """The ``limit`` most recently added articles (with their story ids), oldest first;
        those whose id ``unless`` accepts are left out before their records are read."""
        ids = [r[0] for r in self._all("SELECT id FROM articles ORDER BY added_at DESC, id DESC LIMIT ?",
                                       (int(limit),))]
        wanted = [i for i in ids if unless is None or not unless(i)]
        found = {r[0]: r[1:] for r in self._all_in("SELECT id, data, story_id FROM articles WHERE id IN ({marks})",
                                                    wanted)}
        return [Article.from_dict(_with_story(found[i])) for i in reversed(wanted) if i in found]

    def story_count(self) -> int:
        row = self._one("SELECT COUNT(DISTINCT story_id) FROM articles")
        return int(row[0]) if row else 0

    def quotes(self, *, actor: str | None = None, since: dt.date | str | None = None,
               until: dt.date | str | None = None, kind: str | None = None,
               text: str | None = None, article_id: str | None = None,
               limit: int | None = None, raw: bool = False) -> list[QuoteRow]:
        """Quotes in date order, filtered as every list is (store/query.py; ``text``: the search)."""
        where, params = quote_conditions(ListFilter(search=text, actor=actor, since=since, until=until,
                                                    kind=kind, article_id=article_id, raw=raw), self.dialect,
                                         selective=self._selective("quotes", text))
        query = ("SELECT q.article_id, q.seq, q.data, act.name, q.speaker_text, a.title, a.published, "
                 f"q.review_status, a.story_id, {STORY_COUNTS} "
                 "FROM quotes q JOIN articles a ON a.id = q.article_id "
                 "LEFT JOIN actors act ON act.id = q.speaker_actor "
                 f"WHERE {' AND '.join(where)} ORDER BY q.quote_date, a.published, q.article_id, q.seq")
        if limit:
            query += " LIMIT ?"
            params.append(int(limit))
        return [QuoteRow(article_id=r[0], index=int(r[1]), quote=Quote.from_dict(json.loads(r[2])),
                         speaker_name=r[3] or r[4], title=r[5], published=_date(r[6]), review=r[7],
                         story_id=r[8] or r[0], story_articles=int(r[9] or 1), story_sources=int(r[10] or 1))
                for r in self._all(query, params)]

    def events(self, *, actor: str | None = None, type: str | None = None,
               since: dt.date | str | None = None, until: dt.date | str | None = None,
               modality: str | None = None, text: str | None = None,
               article_id: str | None = None, limit: int | None = None,
               raw: bool = False, country: str | None = None,
               quad_class: int | None = None) -> list[EventRow]:
        """Events in date order, filtered as every list is (store/query.py; ``text``: the search)."""
        where, params = event_conditions(ListFilter(
            search=text, actor=actor, type=type, country=country, modality=modality,
            quad_class=quad_class, since=since, until=until, article_id=article_id, raw=raw), self.dialect,
            selective=self._selective("events", text))
        query = ("SELECT e.article_id, e.seq, e.data, e.sentence_text, a.title, a.published, "
                 f"e.review_status, a.story_id, {STORY_COUNTS} "
                 "FROM events e JOIN articles a ON a.id = e.article_id "
                 f"WHERE {' AND '.join(where)} ORDER BY e.event_date, a.published, e.article_id, e.seq")
        if limit:
            query += " LIMIT ?"
            params.append(int(limit))
        rows = self._all(query, params)
        events = [Event.from_dict(json.loads(r[2])) for r in rows]
        ids = sorted({i for ev in events for p in (ev.actor, ev.recipient) if p for i in p.actors})
        names = self._actor_names(ids)

        def party_names(party) -> tuple[str, ...]:
            if party is None:
                return ()
            known = tuple(names[i] for i in party.actors if i in names)
            return known or (party.text,)

        return [EventRow(article_id=r[0], index=int(r[1]), event=ev,
                         actor_names=party_names(ev.actor), recipient_names=party_names(ev.recipient),
                         sentence=r[3], title=r[4], published=_date(r[5]), review=r[6],
                         story_id=r[7] or r[0], story_articles=int(r[8] or 1), story_sources=int(r[9] or 1))
                for r, ev in zip(rows, events)]

    def _actor_names(self, ids: Sequence[str]) -> dict[str, str]:
        return {r[0]: r[1] for r in self._all_in("SELECT id, name FROM actors WHERE id IN ({marks})", ids)}

    def actors(self, *, name: str | None = None, kind: str | None = None,
               country: str | None = None, article_id: str | None = None,
               limit: int | None = None) -> list[ActorRow]:
        """Actors, most mentioned first, filtered as every list is (store/query.py; ``name``:
        the actor filter)."""
        where, params = actor_conditions(ListFilter(actor=name, kind=kind, country=country,
                                                    article_id=article_id), self.dialect)
        query = ("SELECT act.id, act.name, act.kind, act.country, act.sector, act.n_articles, "
                 f"act.n_mentions FROM actors act WHERE {' AND '.join(where)} "
                 "ORDER BY act.n_mentions DESC, act.n_articles DESC, act.name, act.id")
        if limit:
            query += " LIMIT ?"
            params.append(int(limit))
        rows = self._all(query, params)
        links: dict[str, list[str]] = {}
        for actor_id, art_id in self._all_in(
                "SELECT actor_id, article_id FROM article_actors WHERE actor_id IN ({marks}) "
                "ORDER BY article_id", [r[0] for r in rows]):
            links.setdefault(actor_id, []).append(art_id)
        known = self._registry_records([r[0] for r in rows])  # registry aliases and dated roles

        def registry(aid: str) -> dict[str, Any]:
            rec = known.get(aid)
            return {"aliases": rec.aliases, "roles": tuple(x.to_dict() for x in rec.roles)} if rec else {}

        return [ActorRow(id=r[0], name=r[1], kind=r[2], country=r[3], sector=r[4],
                         articles=int(r[5]), mentions=int(r[6]), article_ids=tuple(links.get(r[0], ())),
                         **registry(r[0]))
                for r in rows]

    def skips(self, limit: int | None = None) -> list[dict[str, Any]]:
        q = "SELECT source, line, code, reason, recorded_at FROM skips ORDER BY recorded_at, source, line"
        params: list[Any] = []
        if limit:
            q += " LIMIT ?"
            params.append(int(limit))
        return [{"source": r[0], "line": r[1] or None, "code": r[2], "reason": r[3], "recorded_at": r[4]}
                for r in self._all(q, params)]

    def stats(self) -> dict[str, int]:
        out = {}
        for table in COUNTED_TABLES:
            where = " WHERE variant <> 'raw'" if table in ("quotes", "events") else ""  # reviewed version
            row = self._one(f"SELECT COUNT(*) FROM {table}{where}")
            out[table] = int(row[0]) if row else 0
        return out


__all__ = ["Repository", "StoreError"]
