"""User actor dictionaries: a simple CSV / YAML format and the PETRARCH/CAMEO
``.actors.txt`` format, so existing event-data dictionaries work unchanged.

CSV columns (header required): ``name, kind, country, sector, aliases, role, start, end,
gender`` (aliases ``|``-separated; only ``name`` is required). YAML: a list (or a mapping
with ``people:`` / ``actors:``) of entries shaped like ``data/kb/people.yaml``.

PETRARCH ``.actors.txt``: a primary phrase in upper case with ``_`` between words, its
codes in brackets on the same or following lines, and synonyms on ``+`` lines::

    VLADIMIR_PUTIN_   [RUSELI] [RUSGOV >000507]
    +PUTIN_
    BARACK_OBAMA_  [USAELI 080603-090120] [USAGOV >090120]

Date restrictions: ``>YYMMDD`` (from), ``<YYMMDD`` (until), ``YYMMDD-YYMMDD``.
Codes split into an ISO3-like country (first three letters) and a sector (the rest).
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from .registry import PersonRecord, RoleRecord, person_from_dict

# CAMEO actor-type codes to the sector codes communique uses (PLOVER names where they
# differ); ELI (elites: former officials) stays ELI, so a president's dated GOV role ends
CAMEO_SECTORS = {"MED": "JRN", "HLH": "MED", "HRI": "NGO", "AMN": "NGO", "IRC": "NGO", "PPL": "CVL",
                 "IMG": "REB", "NGM": "NGO", "INT": "IGO", "UNO": "IGO", "PKO": "IGO",
                 "BUD": "REL", "CHR": "REL", "MUS": "REL", "JEW": "REL", "HIN": "REL", "SIK": "REL",
                 "CTH": "REL", "ORT": "REL", "PRO": "REL", "JAN": "REL", "SHI": "REL", "SUN": "REL"}
_ORG_SECTORS = frozenset({"REB", "PTY", "NGO", "IGO", "MNC", "BUS", "JRN", "UAF", "INS", "SEP"})
_CODE = re.compile(r"\[([^\]]+)\]")
log = logging.getLogger(__name__)


FORMATS = ("auto", "csv", "yaml", "petrarch")

# (line number, message) of an entry that could not be read
Problem = tuple[int, str]


def dictionary_format(path: str | Path, format: str = "auto") -> str:
    """``csv``, ``yaml`` or ``petrarch``: ``format`` unless ``auto``, else from the suffix."""
    if format not in FORMATS:
        raise ConfigError(f"unknown actor dictionary format {format!r} (one of {', '.join(FORMATS)})")
    if format != "auto":
        return format
    suffix = Path(path).suffix.lower()
    return {".csv": "csv", ".yaml": "yaml", ".yml": "yaml"}.get(suffix, "petrarch")


def load_dictionary(path: str | Path, format: str = "auto",
                    problems: list[Problem] | None = None) -> list[PersonRecord]:
    """The records of a user dictionary. Entries that cannot be read are left out and
    reported in ``problems`` as (line number, message), or logged without that list."""
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"actor dictionary not found: {p}")
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"actor dictionary {p} is not UTF-8 text: {exc}") from exc
    parse = {"csv": parse_csv, "yaml": parse_yaml, "petrarch": parse_petrarch}[dictionary_format(p, format)]
    return parse(text, source=p.name, problems=problems)


def _report(problems: list[Problem] | None, source: str, line: int, message: str) -> None:
    if problems is None:
        log.warning("actor dictionary %s, line %d: %s (left out)", source, line, message)
    else:
        problems.append((line, message))


def parse_csv(text: str, source: str = "csv", problems: list[Problem] | None = None) -> list[PersonRecord]:
    rows = csv.DictReader(text.splitlines())
    out = []
    for row in rows:
        line = rows.line_num
        row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if isinstance(k, str)}
        if not any(row.values()):
            continue
        if not row.get("name"):
            _report(problems, source, line, "no name")
            continue
        d: dict[str, Any] = {
            "name": row["name"], "kind": row.get("kind") or "person",
            "country": row.get("country") or None, "sector": row.get("sector") or None,
            "gender": row.get("gender") or None,
            "aliases": [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()],
        }
        if row.get("role"):
            d["roles"] = [{"role": row["role"], "country": d["country"], "sector": d["sector"],
                           "start": row.get("start") or None, "end": row.get("end") or None}]
        try:
            out.append(person_from_dict(d, source=source))
        except ValueError as exc:
            _report(problems, source, line, f"bad date: {exc}")
    return out


def parse_yaml(text: str, source: str = "yaml", problems: list[Problem] | None = None) -> list[PersonRecord]:
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            if isinstance(node, yaml.MappingNode):  # people: [...] or actors: [...]
                node = next((v for k, v in node.value if getattr(k, "value", None) in ("people", "actors")),
                            None)
            if node is None:
                return []
            if not isinstance(node, yaml.SequenceNode):
                raise ConfigError(f"actor dictionary {source}: expected a list of entries")
            items = []
            for item in node.value:
                line = item.start_mark.line + 1
                try:
                    items.append((line, loader.construct_object(item, deep=True)))
                except (ValueError, TypeError) as exc:  # e.g. an impossible date
                    _report(problems, source, line, f"bad entry: {exc}")
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise ConfigError(f"actor dictionary {source} is not valid YAML: {exc}") from exc
    out = []
    for line, d in items:
        if not isinstance(d, dict) or not d.get("name"):
            _report(problems, source, line, "an entry needs a name")
            continue
        try:
            out.append(person_from_dict(d, source=source))
        except (ValueError, TypeError, AttributeError) as exc:
            _report(problems, source, line, f"bad entry: {exc}")
    return out


_ACRONYMS = frozenset({"US", "UK", "UN", "EU", "AU", "DC", "NY", "UAE", "USA", "FBI", "CIA", "NSA", "PLO", "ANC"})
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "to", "at", "de", "du", "des", "la", "le"})


def _word_case(w: str, first: bool) -> str:
    if not w.isupper() or "." in w or (len(w) <= 3 and not w.isalpha()):
        return w  # mixed case as written, or U.N., U.S.
    if not first and w.lower() in _SMALL_WORDS:
        return w.lower()
    if w in _ACRONYMS:
        return w
    return "-".join(_capitalise(p) for p in w.split("-"))


def _capitalise(part: str) -> str:
    """MCCAIN -> McCain, O'BRIEN -> O'Brien, GADDAFI -> Gaddafi."""
    low = part.lower()
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + low[2:3].upper() + low[3:]
    if len(low) > 2 and low[1] in "'’":
        return low[:1].upper() + low[1] + low[2:3].upper() + low[3:]
    return low[:1].upper() + low[1:]


def _phrase(raw: str) -> str:
    words = [w for w in raw.strip().strip("+").split("_") if w]
    if len(words) == 1 and len(words[0]) <= 4 and words[0].isupper():
        return words[0]  # an acronym: ALF, NATO
    return " ".join(_word_case(w, i == 0) for i, w in enumerate(words))


def _yymmdd(s: str) -> dt.date:
    """``YYMMDD`` or ``YYYYMMDD`` (PETRARCH allows both); anything else is a ValueError."""
    s = s.strip()
    if len(s) == 8 and s.isdigit():
        return dt.date(int(s[0:4]), int(s[4:6]), int(s[6:8]))
    if len(s) != 6 or not s.isdigit():
        raise ValueError(f"bad date {s!r}")
    y, m, d = int(s[0:2]), int(s[2:4]), int(s[4:6])
    # the CountryInfo dictionaries (2014) give birth years such as 480101: 00-29 are 20xx
    return dt.date(2000 + y if y < 30 else 1900 + y, m, d)


def parse_code(raw: str) -> RoleRecord:
    """``RUSGOV >080508`` -> RoleRecord(country RUS, sector GOV, start 2008-05-08)."""
    parts = raw.split()
    code = parts[0].upper() if parts else ""
    start = end = None
    for restriction in parts[1:]:
        if restriction.startswith(">"):
            start = _yymmdd(restriction[1:])
        elif restriction.startswith("<"):
            end = _yymmdd(restriction[1:])
        elif "-" in restriction:
            a, b = restriction.split("-", 1)
            start, end = _yymmdd(a), _yymmdd(b)
    country = code[:3] if len(code) >= 3 else None
    sector = code[3:6] or None
    if country in ("IGO", "NGO", "MNC"):
        sector, country = country, None
    sector = CAMEO_SECTORS.get(sector or "", sector)
    return RoleRecord(role=code, country=country, sector=sector, start=start, end=end, code=code)


def parse_petrarch(text: str, source: str = "actors.txt",
                   problems: list[Problem] | None = None) -> list[PersonRecord]:
    entries: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith(("<", "=")):
            continue
        stripped = line.strip()
        codes, bad = [], False
        for raw in _CODE.findall(stripped):
            try:
                codes.append(parse_code(raw))
            except (ValueError, IndexError):
                _report(problems, source, number, f"bad code or date restriction [{raw}]")
                bad = True
        head = _CODE.sub("", stripped).strip()
        if stripped.count("[") != stripped.count("]"):
            _report(problems, source, number, "unbalanced brackets")
            continue
        if stripped.startswith("+"):
            if entries and head:
                entries[-1]["aliases"].append(_phrase(head))
            elif not entries:
                _report(problems, source, number, "a synonym (+) before any actor")
            continue
        if head and not line[:1].isspace():  # an actor with a bad code is left out whole
            entries.append({"name": _phrase(head), "aliases": [], "codes": codes, "bad": bad})
        elif entries:
            entries[-1]["codes"].extend(codes)
        else:
            _report(problems, source, number, "codes before any actor")
    out = []
    for e in entries:
        if e["bad"] or not e["name"].strip():
            continue
        roles: list[RoleRecord] = e["codes"]
        undated = [c for c in roles if c.start is None and c.end is None]
        if any(c.start or c.end for c in roles) or not undated:
            kind = "person"
        elif undated[0].sector in _ORG_SECTORS:
            kind = "organization"
        elif undated[0].sector:
            kind = "person"
        else:
            kind = "country"
        country = next((c.country for c in roles if c.country), None)
        sector = next((c.sector for c in undated if c.sector), None) or next(
            (c.sector for c in roles if c.sector), None)
        if kind == "country" and not sector and len(e["name"].split()) > 3:
            kind = "organization"
        out.append(PersonRecord(name=e["name"], aliases=tuple(e["aliases"]), country=country,
                                sector=sector, roles=tuple(roles), kind=kind, source=source))
    return out
