"""Reader for the PolNeAR attribution corpus (BRAT standoff).

``load_split(folder, "dev")`` returns one :class:`PolnearDoc` per article, with the
attributions of the lexicographically smallest annotator. Offsets are Python str indices
into the text read as UTF-8; spans may be discontinuous (several segments).
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .attribution_metrics import Attribution, Segments

log = logging.getLogger(__name__)


_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


# A gold attribution has the scorer's shape (its source is empty when it has none).
GoldAttribution = Attribution


@dataclass(frozen=True)
class PolnearDoc:
    name: str
    annotator: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    published: str | None = None
    publisher: str | None = None


def _segments(offsets: str) -> Segments:
    segs = []
    for part in offsets.split(";"):
        a, b = part.split()
        segs.append((int(a), int(b)))
    return tuple(segs)


def parse_ann(ann: str) -> tuple[GoldAttribution, ...]:
    """Attributions of one ``.ann`` file (events, plus sourceless triggers)."""
    spans: dict[str, tuple[str, Segments]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = (m.group(2), _segments(m.group(3)))
            continue
        m = _E_LINE.match(line)
        if m:
            roles: dict[str, str] = {}
            for arg in m.group(2).split():
                if ":" in arg:
                    role, ref = arg.split(":", 1)
                    roles[re.sub(r"\d+$", "", role)] = ref
            events.append(roles)
    out = []
    for roles in events:
        def seg(role: str) -> Segments:
            ref = roles.get(role)
            return spans[ref][1] if ref in spans else ()
        content = seg("Content")
        if not content:
            continue
        out.append(GoldAttribution(source=seg("Source"), cue=seg("Cue"), content=content))
    return tuple(sorted(out, key=lambda a: a.content[0]))


def _metadata(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / "metadata.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}


def load_split(folder: str | Path, split: str = "dev", limit: int | None = None) -> list[PolnearDoc]:
    return list(iter_split(folder, split, limit))


def iter_split(folder: str | Path, split: str = "dev", limit: int | None = None) -> Iterator[PolnearDoc]:
    folder = Path(folder)
    base = folder / split
    if not (base / "text").is_dir() or not (base / "attributions").is_dir():
        raise InputError(f"not a PolNeAR folder: {base} needs text/ and attributions/ "
                         "(point --polnear at the corpus root, e.g. ../shared/data/polnear)")
    meta = _metadata(folder)
    by_name: dict[str, list[Path]] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        name, _, annotator = ann.stem.rpartition("_")
        by_name.setdefault(name, []).append(ann)
    n = 0
    for name in sorted(by_name):
        txt = base / "text" / f"{name}.txt"
        if not txt.is_file():
            log.warning("PolNeAR: no text for %s", name)
            continue
        ann = min(by_name[name], key=lambda p: p.stem.rpartition("_")[2])
        row = meta.get(name, {})
        yield PolnearDoc(
            name=name,
            annotator=ann.stem.rpartition("_")[2],
            text=txt.read_text(encoding="utf-8"),
            attributions=parse_ann(ann.read_text(encoding="utf-8")),
            published=row.get("publication_date") or None,
            publisher=row.get("publisher") or None,
        )
        n += 1
        if limit is not None and n >= limit:
            return
