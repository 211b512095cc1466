"""Compile the open event-data dictionaries into ``src/communique/data/kb/phoenix.json.gz``.

Usage: python scripts/build_kb.py DICTIONARY_DIR [--plover-agents FILE] [--out FILE] [--version V]
  e.g. python scripts/build_kb.py ../shared/data/petrarch2 \
           --plover-agents ../shared/data/events/ngec/PLOVER_agents.txt

DICTIONARY_DIR holds Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt and Phoenix.agents.txt (openeventdata/petrarch2, MIT).
Prints the counts of each section and the size of the file written.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from communique.kb.build import build, write

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "communique" / "data" / "kb" / "phoenix.json.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--plover-agents", type=Path, action="append", default=[])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--version", default="1")
    args = ap.parse_args()
    countries = json.loads((ROOT / "src/communique/data/kb/countries.json").read_text(encoding="utf-8"))
    data = build(args.folder, countries["countries"], args.plover_agents, version=args.version)
    size = write(data, args.out)
    print(json.dumps(data["counts"], indent=1))
    print(f"wrote {args.out} ({size / 1e6:.2f} MB, version {data['version']})")


if __name__ == "__main__":
    main()
