"""Write src/communique/data/geo/countries-110m.iso3.json: the ISO 3166-1 alpha-3 code of each
country of the vendored world-atlas topology (its ids are ISO numeric codes), with pycountry.
Run after updating countries-110m.json: ``.venv/bin/python scripts/geo_country_codes.py``."""

from __future__ import annotations

import json
from pathlib import Path

import pycountry

GEO = Path(__file__).resolve().parents[1] / "src" / "communique" / "data" / "geo"
EXTRA = {"Kosovo": "XKX"}  # Natural Earth units without an ISO numeric id


def main() -> None:
    topo = json.loads((GEO / "countries-110m.json").read_text(encoding="utf-8"))
    numeric = {c.numeric: c.alpha_3 for c in pycountry.countries}
    codes = {}
    for g in topo["objects"]["countries"]["geometries"]:
        name = g.get("properties", {}).get("name", "")
        iso = numeric.get(str(g.get("id", ""))) or EXTRA.get(name)
        if iso:
            codes[name] = iso
    out = {"version": "2026.12.1", "source": "world-atlas 2.0.2 countries-110m.json ids mapped with "
           f"pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''}".strip(),
           "licence": "MIT (this table)", "schema": {"codes": {"<Natural Earth name>": "ISO3"}},
           "codes": dict(sorted(codes.items()))}
    (GEO / "countries-110m.iso3.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n",
                                                   encoding="utf-8")


if __name__ == "__main__":
    main()
