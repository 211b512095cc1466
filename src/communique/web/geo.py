"""Country outlines for the map, offline: Natural Earth 1:110m countries (the npm package
world-atlas, vendored under ``communique/data/geo``) decoded from TopoJSON to SVG paths.

Pure functions of the bundled data: :func:`countries` decodes the topology once (arcs
delta-decoded and dequantized, rings stitched, rings crossing the antimeridian unwrapped),
:func:`projection` fits an equirectangular projection (scaled by the cosine of the middle
latitude) to a bounding box, and :func:`country_paths` draws every country for one box,
cached per box and width since outlines never change between requests.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

from ..errors import CommuniqueError

Ring = tuple[tuple[float, float], ...]  # (lon, lat) points
BBox = tuple[float, float, float, float]  # west, south, east, north


class UnknownRegion(CommuniqueError):
    code = "W422"
    status = 422


@dataclass(frozen=True)
class Country:
    iso3: str | None  # ISO 3166-1 alpha-3; None for the few Natural Earth units without one
    name: str
    rings: tuple[Ring, ...]


@dataclass(frozen=True)
class Projection:
    bbox: BBox
    width: int
    height: int
    k: float  # pixels per degree of latitude
    kx: float  # pixels per degree of longitude

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.bbox[0]) * self.kx, (self.bbox[3] - lat) * self.k

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        return self.bbox[0] + x / self.kx, self.bbox[3] - y / self.k


def _data(name: str):
    return json.loads(resources.files("communique.data").joinpath("geo/" + name).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def regions() -> dict[str, dict]:
    """``{key: {"name", "bbox"}}`` from data/geo/regions.json."""
    return {k: {"name": v["name"], "bbox": tuple(float(x) for x in v["bbox"])}
            for k, v in _data("regions.json")["regions"].items()}


def region_bbox(region: str | None = None, bbox: str | None = None) -> tuple[str | None, BBox]:
    """The bounding box asked for: ``bbox`` "west,south,east,north" or a named region
    (default: the world). Raises :class:`UnknownRegion` (W422) on bad input."""
    if bbox:
        try:
            w, s, e, n = (float(x) for x in bbox.split(","))
        except ValueError:
            raise UnknownRegion("bbox must be west,south,east,north in degrees", parameter="bbox") from None
        if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
            raise UnknownRegion("bbox must satisfy -180 <= west < east <= 180 and -90 <= south < north <= 90",
                                parameter="bbox")
        return None, (w, s, e, n)
    key = region or "world"
    if key not in regions():
        raise UnknownRegion(f"unknown region {key!r}; one of {', '.join(regions())}", parameter="region")
    return key, regions()[key]["bbox"]


def _unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Longitudes made continuous (a ring crossing the antimeridian goes past ±180)."""
    out = [ring[0]]
    for lon, lat in ring[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while prev - lon > 180:
            lon += 360
        out.append((lon, lat))
    return out


@functools.lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country of the bundled topology, rings in (lon, lat) degrees."""
    topo = _data("countries-110m.json")
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        pts: list[tuple[float, float]] = []
        for i in indexes:
            seg = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(seg[1:] if pts else seg)
        return pts

    alpha3 = _data("countries-110m.iso3.json")["codes"]  # scripts/geo_country_codes.py
    out = []
    for g in topo["objects"]["countries"]["geometries"]:
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"] if g["type"] == "MultiPolygon" else []
        rings: list[Ring] = []
        for poly in polys:
            for idx in poly:
                r = _unwrap(ring(idx))
                rings.append(tuple(r))
                lons = [p[0] for p in r]
                for shift in ((-360,) if max(lons) > 180 else ()) + ((360,) if min(lons) < -180 else ()):
                    rings.append(tuple((lon + shift, lat) for lon, lat in r))
        name = g.get("properties", {}).get("name", "")
        iso = alpha3.get(name)
        out.append(Country(iso, name, tuple(rings)))
    return tuple(out)


def projection(bbox: BBox, width: int) -> Projection:
    w, s, e, n = bbox
    kx_over_k = math.cos(math.radians((s + n) / 2))
    k = width / ((e - w) * kx_over_k)
    return Projection(bbox, width, max(1, round((n - s) * k)), k, k * kx_over_k)


def _path(rings: tuple[Ring, ...], proj: Projection) -> str:
    w, s, e, n = proj.bbox
    parts = []
    for r in rings:
        lons = [p[0] for p in r]
        lats = [p[1] for p in r]
        if max(lons) < w or min(lons) > e or max(lats) < s or min(lats) > n:
            continue  # wholly outside the box
        pts: list[tuple[float, float]] = []
        for lon, lat in r:
            x, y = proj.xy(lon, lat)
            q = (round(x, 1), round(y, 1))
            if not pts or q != pts[-1]:
                pts.append(q)
        if len(pts) >= 3:
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in pts) + "Z")
    return "".join(parts)


@functools.lru_cache(maxsize=64)
def country_paths(bbox: BBox, width: int) -> tuple[Projection, tuple[tuple[str | None, str, str], ...]]:
    """The projection for ``bbox`` at ``width`` pixels and each visible country's
    ``(iso3, name, path d)``."""
    proj = projection(bbox, width)
    out = []
    for c in countries():
        d = _path(c.rings, proj)
        if d:
            out.append((c.iso3, c.name, d))
    return proj, tuple(out)
