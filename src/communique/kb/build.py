"""Compile the open event-data dictionaries (PETRARCH2 / Phoenix, MIT) into the package
data file ``data/kb/phoenix.json.gz`` that :mod:`communique.kb.phoenix` loads.

Inputs (a folder laid out like ``openeventdata/petrarch2/petrarch2/data/dictionaries``):
``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt`` (parsed with :func:`~communique.kb.dictionaries.parse_petrarch`)
and ``Phoenix.agents.txt`` plus optionally NGEC's ``PLOVER_agents.txt`` (nouns to sectors).

Output sections: ``people`` (name, aliases, dated codes), ``organizations`` (own actors
with a sector and, where they have one, a country), ``bodies`` (government bodies that
stand for their state), ``places`` (country aliases that are cities or regions, used for
datelines only) and ``agents`` (common nouns to sectors). Keys are precomputed so the
loader does no normalisation.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import re
from pathlib import Path
from typing import Any, Iterable

from .dictionaries import CAMEO_SECTORS, parse_petrarch
from .names import normalize_name, phrase_key
from .phoenix import FORMAT, first_token
from .registry import PersonRecord
from .words import actor_words

log = logging.getLogger(__name__)

ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
AGENT_FILES = ("Phoenix.agents.txt", "PLOVER_agents.txt")
# agent codes that name no sector ("junk", "none", "unknown", "pre-modern", "society")
NOT_SECTORS = frozenset({"JNK", "NON", "UNK", "PRE", "SOC"})
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
NON_COUNTRY = frozenset({"IGO", "NGO", "MNC", "IMG", "INT", "MEA", "NGM", "UNO", "KKL", "MOS", "BAH",
                         "HIN", "MED", "ELI", "AFR", "ASA", "EUR", "LAM", "NAF", "SAF", "WAF",
                         "EAF", "CAF", "SAM", "CAS", "SEA", "NMR", "WST", "BLK", "CRB", "PGS"})
_NAME_WORDS = re.compile(r"[A-Za-z]")


def _date(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _sector(code: str) -> str | None:
    """``KENGOVHLH`` -> GOV, ``NGOHRIAMN`` -> NGO, ``AFGREB`` -> REB, ``USAELI`` -> ELI."""
    code = code.upper()
    head, rest = code[:3], code[3:]
    if head in ("IGO", "NGO", "MNC"):
        return {"MNC": "BUS"}.get(head, head)
    if head == "IMG":
        return "REB"
    sec = rest[:3] or None
    return CAMEO_SECTORS.get(sec or "", sec)


def _country(code: str, countries: frozenset[str]) -> str | None:
    head = code[:3].upper()
    return head if head in countries and head not in NON_COUNTRY else None


def _keep_phrase(name: str) -> bool:
    return bool(_NAME_WORDS.search(name)) and len(name) >= 2


def _org_ok(name: str, sector: str | None) -> bool:
    """Multinational companies only with several words (Apple, Shell, Total are words);
    a one-word organisation needs 4+ letters (an acronym or a name like Hamas)."""
    words = [w for w in name.split() if w.lower() != "the"]
    if not words:
        return False
    if sector == "BUS" and len(words) < 2:
        return False
    return len(words) > 1 or len(words[0]) >= 3


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _roles(rec: PersonRecord, countries: frozenset[str]) -> list[list[Any]]:
    """Dated codes first (the undated one is the default when no dated one applies)."""
    dated = [r for r in rec.roles if r.start or r.end]
    undated = [r for r in rec.roles if not (r.start or r.end)]
    out = []
    for r in dated + undated[:1]:
        code = r.code or ""
        out.append([code, _country(code, countries), _sector(code), _date(r.start), _date(r.end)])
    return out


def _is_person(rec: PersonRecord, comment_people: set[str], heads: frozenset[str]) -> bool:
    """A person: marked so in the Countries file, else a "person" record (dated or with a
    non-organisation sector) whose names mostly have no organisation word (Congress, Ministry)."""
    if rec.name in comment_people:
        return True
    if rec.kind != "person":
        return False
    names = (rec.name, *rec.aliases)
    org = [any(w.lower() in heads for w in n.split()) for n in names]
    # an organisation word in the name, or in most of the aliases (US Intelligence Community:
    # Central Intelligence Agency, National Security Agency, ...)
    return not org[0] and sum(org) * 2 < len(names)


def convert_actors(path: Path, countries: frozenset[str], out: dict[str, Any]) -> dict[str, int]:
    """Add the records of one ``.actors.txt`` file to the sections of ``out``."""
    text = path.read_text(encoding="utf-8", errors="replace")
    # the Countries file marks people with "# CountryInfo.txt"; keep those names
    comment_people = {" ".join(w.title() for w in m.split("_") if w)
                      for m in re.findall(r"^([A-Z][A-Z_.'\-]+?)_?\s+#\s*CountryInfo", text, re.M)}
    problems: list[tuple[int, str]] = []
    records = parse_petrarch(text, source=path.name, problems=problems)
    people = out.setdefault("_people", {})
    words = actor_words()
    heads = frozenset(words.org_heads) | frozenset(words.state_heads)
    counts = {"people": 0, "organizations": 0, "bodies": 0, "places": 0, "skipped": len(problems)}
    for rec in records:
        names = [n for n in dict.fromkeys((rec.name, *rec.aliases)) if _keep_phrase(n)]
        if not names or not rec.roles:
            counts["skipped"] += 1
            continue
        code = rec.roles[0].code or ""
        bare = [r.code or "" for r in rec.roles if len(r.code or "") == 3 and _country(r.code or "", countries)]
        if bare:  # a country (dated codes: renamed, split, a former Soviet republic)
            for n in names:
                out["places"].setdefault(normalize_name(n), bare[-1])
                counts["places"] += 1
            continue
        if _is_person(rec, comment_people, heads):
            keys = [normalize_name(n) for n in names]
            known = next((people[k] for k in keys if k in people), None)
            if known is not None:  # the same person in two files: one record, all roles
                row = out["people"][known]
                row[1].extend(n for n in names if n not in row[1] and n != row[0])
                row[2].extend(r for r in _roles(rec, countries) if r not in row[2])
                row[2].sort(key=lambda r: r[3] is None and r[4] is None)
                continue
            for k in keys:
                people.setdefault(k, len(out["people"]))
            out["people"].append([names[0], names[1:], _roles(rec, countries)])
            counts["people"] += 1
            continue
        sector = _sector(code)
        country = _country(code, countries)
        if not _org_ok(names[0], sector):
            counts["skipped"] += 1
            continue
        names = [n for n in dict.fromkeys(_strip_the(n) for n in names) if n.lower() not in words.not_org_names]
        if not names:
            counts["skipped"] += 1
            continue
        if country and sector in STATE_SECTORS:
            out["bodies"].append([names[0], names[1:], country, sector])
            counts["bodies"] += 1
        else:
            out["organizations"].append([names[0], names[1:], country, sector])
            counts["organizations"] += 1
    return counts


_AGENT = re.compile(r"^([A-Z][A-Z0-9_!'\-]*?)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]+)\]")


def parse_agents(text: str) -> dict[str, str]:
    """``POLICE!PERSON! [~COP]`` -> {"policeman": "COP", "policemen": ..., "police person": ...};
    regular plurals are generated (the file leaves them out), ``{...}`` gives irregular ones.
    Stems (a phrase without its closing ``_``) are read as words."""
    subs: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = _AGENT.match(line)
        if not m:
            continue
        phrase, plurals, code = m.group(1), m.group(2), m.group(3)
        sector = CAMEO_SECTORS.get(code[:3], code[:3])
        if sector in NOT_SECTORS:
            continue
        forms = [phrase]
        for marker, words in subs.items():
            if marker in phrase:
                forms = [f.replace(marker, w.lower() if f.endswith(marker) and not f.startswith(marker)
                                   else w) for f in forms for w in words]
        for f in forms:
            words = [w for w in f.replace("_", " ").lower().split() if w]
            if not words:
                continue
            base = " ".join(words)
            for form in (base, *_plurals(base)):
                out.setdefault(form, sector)
        for p in (plurals or "").split(","):
            p = p.replace("_", " ").strip().lower()
            if p:
                out.setdefault(p, sector)
    return out


def _plurals(phrase: str) -> list[str]:
    head, _, last = phrase.rpartition(" ")
    pre = head + " " if head else ""
    if last.endswith("man"):
        return [pre + last[:-3] + "men"]
    if last.endswith("s") and not last.endswith("ss"):
        return []  # already plural ("gulf states")
    if last.endswith(("s", "x", "ch", "sh")):
        return [pre + last + "es"]
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return [pre + last[:-1] + "ies"]
    return [pre + last + "s"]


def _index(rows: Iterable[list[Any]], key) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, row in enumerate(rows):
        for n in (row[0], *row[1]):
            k = key(n)
            if k:
                index.setdefault(k, i)
    return index


def build(folder: Path, countries: Iterable[str], extra_agents: Iterable[Path] = (),
          version: str = "1") -> dict[str, Any]:
    """The compiled knowledge base (a JSON-ready dict) from the dictionaries in ``folder``."""
    iso = frozenset(countries)
    out: dict[str, Any] = {"people": [], "organizations": [], "bodies": [], "places": {}}
    counts: dict[str, dict[str, int]] = {}
    for name in ACTOR_FILES:
        path = folder / name
        if path.is_file():
            counts[name] = convert_actors(path, iso, out)
    agents: dict[str, str] = {}
    for path in [folder / AGENT_FILES[0], *extra_agents]:
        if path.is_file():
            for k, v in parse_agents(path.read_text(encoding="utf-8", errors="replace")).items():
                agents.setdefault(k, v)
    out.pop("_people", None)
    out["agents"] = dict(sorted(agents.items()))
    out["people_index"] = _index(out["people"], normalize_name)
    out["org_index"] = _index(out["organizations"], lambda n: phrase_key(n).lower())
    out["body_index"] = _index(out["bodies"], lambda n: phrase_key(n).lower())
    out["first_tokens"] = sorted({first_token(n) for rows in (out["organizations"], out["bodies"])
                                  for row in rows for n in (row[0], *row[1])})
    # one tab-separated string per row: the loader parses a row only when it is looked up
    out["people"] = ["\t".join((r[0], "|".join(r[1]), ";".join(",".join(x or "" for x in c) for c in r[2])))
                     for r in out["people"]]
    out["organizations"] = ["\t".join((r[0], "|".join(r[1]), r[2] or "", r[3] or ""))
                            for r in out["organizations"]]
    out["format"] = FORMAT
    out["version"] = f"phoenix-{version}"
    out["source"] = ("openeventdata/petrarch2 dictionaries (commit 676801c): " + ", ".join(ACTOR_FILES)
                     + ", Phoenix.agents.txt; ahalterman/NGEC-2025 PLOVER_agents.txt")
    out["licence"] = "MIT (Open Event Data Alliance); see NOTICE"
    out["counts"] = {"people": len(out["people"]), "organizations": len(out["organizations"]),
                     "bodies": len(out["bodies"]), "places": len(out["places"]), "agents": len(agents),
                     "files": counts}
    return out


def write(data: dict[str, Any], path: Path) -> int:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as fh:  # reproducible bytes
        fh.write(raw)
    return path.stat().st_size
