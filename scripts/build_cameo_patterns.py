"""Compile PETRARCH2's verb dictionary and discard list into communique's pattern file.

    python scripts/build_cameo_patterns.py ../shared/data/petrarch2 \
        src/communique/data/events/petrarch_verbs.json

The converter itself is ``communique.ontology.petrarch_verbs`` (pure functions).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from communique.ontology.petrarch_verbs import compile_dictionary, validate

VERSION = "1.0.0"
SOURCE = "github.com/openeventdata/petrarch2 commit 676801c: CAMEO.2.0.txt, Phoenix.discards.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("petrarch2", type=Path, help="folder holding CAMEO.2.0.txt and Phoenix.discards.txt")
    ap.add_argument("out", type=Path, help="compiled JSON file to write")
    a = ap.parse_args()
    read = lambda name: (a.petrarch2 / name).read_text(encoding="utf-8", errors="replace")  # noqa: E731
    data = compile_dictionary(read("CAMEO.2.0.txt"), read("Phoenix.discards.txt"), version=VERSION, source=SOURCE)
    validate(data)
    a.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n",
                     encoding="utf-8")
    print(f"{a.out}: {len(data['synsets'])} synonym sets, {len(data['verbs'])} head verbs, "
          f"{len(data['patterns'])} phrase patterns, {len(data['discards']['sentence'])} sentence and "
          f"{len(data['discards']['story'])} story discards")


if __name__ == "__main__":
    main()
