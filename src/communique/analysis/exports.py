"""Event tables for other tools: a PLOVER/POLECAT-style table and a GDELT-style table,
written as CSV, TSV, JSONL or Parquet. Columns are documented in ``docs/formats.md``.

The PLOVER table has one row per extracted event (each with its own evidence). The
GDELT table has one row per *incident* (events sharing story cluster, type, actor,
recipient and date are merged, GDELT's NumMentions/NumArticles/NumSources counting them).

:func:`stream` writes a table in chunks (what ``GET /api/export`` sends): PLOVER rows are
made and written a chunk of records at a time, never the whole table in memory; the GDELT
table merges incidents first (it needs every record), then streams its rows. CSV and TSV
text cells that start like a spreadsheet formula are neutralised (:mod:`.spreadsheet`).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..models import Analysis, Article, Event, Party
from .facts import event_day, event_id, story_of
from .spreadsheet import safe_row

FORMATS = ("csv", "tsv", "jsonl", "parquet")
TABLES = ("plover", "gdelt")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
               "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}
CHUNK_ROWS = 1000  # rows made and written at a time by :func:`stream`

PLOVER_COLUMNS = (
    "event_id", "story_id", "article_id", "event_date", "date_precision", "event_type",
    "event_mode", "event_context", "quad_class", "cameo", "goldstein", "intensity", "modality",
    "actor_name", "actor_ids", "actor_country", "actor_sector", "actor_text",
    "recipient_name", "recipient_ids", "recipient_country", "recipient_sector", "recipient_text",
    "placename", "location_country", "lat", "lon", "geonameid",
    "trigger", "trigger_start", "trigger_end", "sentence", "quote_id",
    "confidence", "rule", "publication_date", "title", "url", "source",
)

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
    "PLOVERType", "Modality", "EvidenceEventIDs",
)


@dataclass(frozen=True)
class EventRecord:
    """An event with the article it came from and its parties' names."""

    article: Article
    index: int
    event: Event
    sentence: str
    actor_names: tuple[str, ...] = ()
    recipient_names: tuple[str, ...] = ()


def records_of(analyses: Iterable[Analysis]) -> list[EventRecord]:
    out = []
    for a in analyses:
        names = {x.id: x.name for x in a.actors}
        for i, e in enumerate(a.events):
            out.append(EventRecord(a.article, i, e, a.text[e.sentence.start:e.sentence.end],
                                   _names(e.actor, names), _names(e.recipient, names)))
    return out


def _names(party: Party | None, names: dict[str, str]) -> tuple[str, ...]:
    if party is None:
        return ()
    return tuple(names[i] for i in party.actors if i in names) or (party.text,)


def _side_names(party: Party, side: Party, names: tuple[str, ...]) -> tuple[str, ...]:
    """The names of one member ``side`` of ``party`` (``names`` are the party's)."""
    if side is party:
        return names
    if side.actors and len(names) == len(party.actors) and side.actors[0] in party.actors:
        return (names[party.actors.index(side.actors[0])],)
    return (side.text,)


def member_pairs(records: Iterable[EventRecord]) -> Iterator[EventRecord]:
    """Each record once per (actor member, recipient member) pair: a multi-party side
    ("Armenia and Azerbaijan") gives one row per member, with its own country and sector."""
    for r in records:
        e = r.event
        actors = e.actor.sides() if e.actor else (None,)
        recipients = e.recipient.sides() if e.recipient else (None,)
        if len(actors) == len(recipients) == 1:
            yield r
            continue
        for a in actors:
            for b in recipients:
                yield replace(r, event=replace(e, actor=a, recipient=b),
                              actor_names=_side_names(e.actor, a, r.actor_names) if a and e.actor else (),
                              recipient_names=_side_names(e.recipient, b, r.recipient_names)
                              if b and e.recipient else ())


def _join(values: Sequence[str]) -> str | None:
    return ";".join(values) if values else None


def plover_rows(records: Iterable[EventRecord]) -> list[dict[str, Any]]:
    return list(iter_plover_rows(records))


def iter_plover_rows(records: Iterable[EventRecord]) -> Iterator[dict[str, Any]]:
    """One PLOVER row per record and member pair (``member_pairs``), made as the records come."""
    for r in member_pairs(records):
        e, art = r.event, r.article
        day = event_day(e, art)
        loc = e.location
        yield {
            "event_id": event_id(art.id, r.index), "story_id": story_of(art), "article_id": art.id,
            "event_date": day.isoformat() if day else None, "date_precision": e.date_precision,
            "event_type": e.type, "event_mode": e.mode, "event_context": _join(e.contexts),
            "quad_class": e.quad_class, "cameo": e.cameo, "goldstein": e.goldstein,
            "intensity": e.intensity, "modality": e.modality,
            "actor_name": _join(r.actor_names), "actor_ids": _join(e.actor.actors) if e.actor else None,
            "actor_country": e.actor.country if e.actor else None,
            "actor_sector": e.actor.sector if e.actor else None,
            "actor_text": e.actor.text if e.actor else None,
            "recipient_name": _join(r.recipient_names),
            "recipient_ids": _join(e.recipient.actors) if e.recipient else None,
            "recipient_country": e.recipient.country if e.recipient else None,
            "recipient_sector": e.recipient.sector if e.recipient else None,
            "recipient_text": e.recipient.text if e.recipient else None,
            "placename": loc.name if loc else None, "location_country": loc.country if loc else None,
            "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
            "geonameid": loc.geonameid if loc else None,
            "trigger": e.trigger.text, "trigger_start": e.trigger.start, "trigger_end": e.trigger.end,
            "sentence": r.sentence,
            "quote_id": f"{art.id}:q{e.quote}" if e.quote is not None else None,
            "confidence": e.confidence, "rule": e.rule,
            "publication_date": art.published.isoformat() if art.published else None,
            "title": art.title, "url": art.url, "source": art.source,
        }


def _actor_code(party: Party | None) -> str | None:
    if party is None:
        return None
    code = (party.country or "") + (party.sector or "")
    return code or None


def gdelt_rows(records: Iterable[EventRecord]) -> list[dict[str, Any]]:
    groups: dict[tuple[Any, ...], list[EventRecord]] = {}
    for r in member_pairs(records):
        e = r.event
        key = (story_of(r.article), e.type, _actor_code(e.actor) or (e.actor.text if e.actor else None),
               _actor_code(e.recipient) or (e.recipient.text if e.recipient else None),
               event_day(e, r.article))
        groups.setdefault(key, []).append(r)
    rows = []
    for members in groups.values():
        members.sort(key=lambda r: (-r.event.confidence, r.article.id, r.index))
        r = members[0]
        e, art = r.event, r.article
        day = event_day(e, art)
        loc = e.location
        cameo = e.cameo or ""
        rows.append({
            "GLOBALEVENTID": event_id(art.id, r.index),
            "SQLDATE": day.strftime("%Y%m%d") if day else None,
            "MonthYear": day.strftime("%Y%m") if day else None,
            "Year": day.year if day else None,
            "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365.0, 4) if day else None,
            "Actor1Code": _actor_code(e.actor), "Actor1Name": _join(r.actor_names),
            "Actor1CountryCode": e.actor.country if e.actor else None,
            "Actor1Type1Code": e.actor.sector if e.actor else None,
            "Actor2Code": _actor_code(e.recipient), "Actor2Name": _join(r.recipient_names),
            "Actor2CountryCode": e.recipient.country if e.recipient else None,
            "Actor2Type1Code": e.recipient.sector if e.recipient else None,
            "IsRootEvent": 1 if e.trigger.start - e.sentence.start < 200 else 0,
            "EventCode": cameo or None, "EventBaseCode": cameo[:3] or None,
            "EventRootCode": cameo[:2] or None, "QuadClass": e.quad_class,
            "GoldsteinScale": e.goldstein,
            "NumMentions": len(members), "NumSources": len({m.article.source for m in members}),
            "NumArticles": len({m.article.id for m in members}), "AvgTone": None,
            "ActionGeo_Type": (4 if loc.geonameid else 1) if loc else 0,
            "ActionGeo_FullName": loc.name if loc else None,
            "ActionGeo_CountryCode": loc.country if loc else None,
            "ActionGeo_Lat": loc.lat if loc else None, "ActionGeo_Long": loc.lon if loc else None,
            "ActionGeo_FeatureID": loc.geonameid if loc else None,
            "DATEADDED": art.published.strftime("%Y%m%d") if art.published else None,
            "SOURCEURL": art.url,
            "PLOVERType": e.type, "Modality": e.modality,
            "EvidenceEventIDs": ";".join(event_id(m.article.id, m.index) for m in members),
        })
    rows.sort(key=lambda row: (row["SQLDATE"] or "", row["GLOBALEVENTID"]))
    return rows


def table_rows(records: Iterable[EventRecord], table: str) -> tuple[tuple[str, ...], list[dict[str, Any]]]:
    if table == "plover":
        return PLOVER_COLUMNS, plover_rows(records)
    if table == "gdelt":
        return GDELT_COLUMNS, gdelt_rows(records)
    raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")


def to_pandas(records: Iterable[EventRecord], table: str = "plover"):
    import pandas as pd

    columns, rows = table_rows(records, table)
    return pd.DataFrame(rows, columns=list(columns))


def render(records: Iterable[EventRecord], table: str = "plover", fmt: str = "csv") -> bytes:
    """The table as bytes in ``fmt`` (csv, tsv, jsonl, parquet)."""
    return b"".join(stream(records, table, fmt))


def stream(records: Iterable[EventRecord], table: str = "plover", fmt: str = "csv", *,
           chunk_rows: int = CHUNK_ROWS) -> Iterator[bytes]:
    """The table in ``fmt`` as chunks of bytes, ``chunk_rows`` rows each (the format and
    table are checked before the first chunk)."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    return _chunks(records, table, fmt, chunk_rows)


def _chunks(records: Iterable[EventRecord], table: str, fmt: str, chunk_rows: int) -> Iterator[bytes]:
    if table == "plover":
        columns: tuple[str, ...] = PLOVER_COLUMNS
        rows: Iterator[dict[str, Any]] = iter_plover_rows(records)
    else:
        columns, rows = GDELT_COLUMNS, iter(gdelt_rows(records))
    batches = iter(lambda: list(itertools.islice(rows, chunk_rows)), [])
    if fmt == "jsonl":
        for batch in batches:
            yield "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in batch).encode("utf-8")
    elif fmt == "parquet":
        yield from _parquet_chunks(columns, batches)
    else:
        yield from _delimited_chunks(columns, batches, "\t" if fmt == "tsv" else ",")


def _delimited_chunks(columns: Sequence[str], batches: Iterable[list[dict[str, Any]]],
                      delimiter: str) -> Iterator[bytes]:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(columns), delimiter=delimiter, lineterminator="\n",
                       extrasaction="ignore")
    w.writeheader()
    for batch in batches:
        for r in batch:
            r = safe_row(r)
            if delimiter == "\t":
                r = {k: (str(v).replace("\t", " ").replace("\n", " ") if v is not None else "")
                     for k, v in r.items()}
            w.writerow(r)
        yield out.getvalue().encode("utf-8")
        out.seek(0)
        out.truncate()
    if out.tell():
        yield out.getvalue().encode("utf-8")


class _Sink(io.RawIOBase):
    """A write-only file whose written bytes are taken out as they come (parquet's sink)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.pos = 0

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self.parts.append(bytes(b))
        self.pos += len(b)
        return len(b)

    def tell(self) -> int:
        return self.pos

    def take(self) -> bytes:
        out, self.parts = b"".join(self.parts), []
        return out


INTEGER_COLUMNS = frozenset({"quad_class", "geonameid", "trigger_start", "trigger_end", "Year",
                             "IsRootEvent", "QuadClass", "NumMentions", "NumSources", "NumArticles",
                             "ActionGeo_Type", "ActionGeo_FeatureID"})
FLOAT_COLUMNS = frozenset({"goldstein", "intensity", "lat", "lon", "confidence", "FractionDate",
                           "GoldsteinScale", "AvgTone", "ActionGeo_Lat", "ActionGeo_Long"})


def _parquet_chunks(columns: Sequence[str], batches: Iterable[list[dict[str, Any]]]) -> Iterator[bytes]:
    """One row group per batch, one schema for all (the numeric columns typed, the rest text)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([pa.field(c, pa.int64() if c in INTEGER_COLUMNS else
                                 pa.float64() if c in FLOAT_COLUMNS else pa.string()) for c in columns])
    sink = _Sink()
    writer = pq.ParquetWriter(sink, schema)
    for batch in batches:
        writer.write_table(pa.table({c: [r[c] for r in batch] for c in columns}, schema=schema))
        yield sink.take()
    writer.close()
    yield sink.take()


def write(records: Iterable[EventRecord], path: str | Path, table: str = "plover",
          fmt: str | None = None) -> Path:
    """Write the table to ``path``; the format defaults to the file's suffix."""
    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".").lower()
    path.write_bytes(render(records, table, fmt))
    return path
