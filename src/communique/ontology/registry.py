"""Registries over ``data/ontology``: CAMEO codes, the CAMEO->PLOVER crosswalk and PLOVER
types, modes, intensities, contexts and sectors."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

DATA = "communique.data.ontology"
# CAMEO root -> quad class (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)
_CAMEO_QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2,
               "09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "14": 4, "15": 4, "16": 4,
               "17": 4, "18": 4, "19": 4, "20": 4}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    root: str
    description: str | None = None

    @property
    def quad_class(self) -> int:
        return _CAMEO_QUAD.get(self.root, 0)


@dataclass(frozen=True)
class PloverType:
    name: str
    quad_class: int
    intensity: float
    modes: dict[str, float]

    def intensity_for(self, mode: str | None) -> float:
        if mode and mode.lower() in self.modes:
            return float(self.modes[mode.lower()])
        return float(self.intensity)


def _text(name: str) -> str:
    return resources.files(DATA).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _cameo() -> dict[str, CameoCode]:
    data = json.loads(_text("cameo.json"))
    return {c: CameoCode(c, d["name"], d["goldstein"], d["root"], d.get("description"))
            for c, d in data["codes"].items()}


@lru_cache(maxsize=1)
def _crosswalk() -> dict[str, dict]:
    return json.loads(_text("cameo2plover.json"))["crosswalk"]


@lru_cache(maxsize=1)
def _plover() -> dict:
    return yaml.safe_load(_text("plover.yaml"))


def cameo_codes() -> dict[str, CameoCode]:
    return _cameo()


def cameo(code: str) -> CameoCode | None:
    return _cameo().get(code)


def plover_for_cameo(code: str) -> tuple[str, str | None, tuple[str, ...]] | None:
    """(PLOVER type, mode, contexts) of a CAMEO code, through its longest listed prefix."""
    cw = _crosswalk()
    for n in range(len(code), 2, -1):
        d = cw.get(code[:n])
        if d is not None:
            return d["type"], d["mode"], tuple(d["contexts"])
    return None


@lru_cache(maxsize=1)
def plover_types() -> dict[str, PloverType]:
    return {name: PloverType(name, int(d["quad"]), float(d["intensity"]),
                             {k: float(v) for k, v in (d.get("modes") or {}).items()})
            for name, d in _plover()["types"].items()}


def plover_type(name: str) -> PloverType | None:
    return plover_types().get(name)


def contexts() -> tuple[str, ...]:
    return tuple(_plover()["contexts"])


def sectors() -> dict[str, str]:
    return dict(_plover()["sectors"])


def ontology_fingerprint() -> str:
    """A hash of the ontology tables (the golden test pins it)."""
    h = hashlib.sha256()
    for name in ("cameo.json", "cameo2plover.json", "plover.yaml"):
        h.update(_text(name).encode())
    return h.hexdigest()[:16]
