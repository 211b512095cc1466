"""Scores for attribution (quote) extraction, as pure functions over character spans.

An attribution is ``(source, cue, content)``, each a tuple of ``(start, end)`` character
segments (empty when absent). Two families of figures:

- exact-span micro P/R/F1 per role (source, cue, content), counting each segment of a
  discontinuous span as one item, per document, as in the CofeNet paper;
- end to end: predicted attributions are matched one to one to gold ones, greedily by
  content token-Jaccard (>= 0.5); quote P/R/F1 over the matches; speaker accuracy over the
  matched pairs (source spans share a token, or both are empty); attribution P/R/F1 where
  a true positive is a matched pair whose speaker is right. Gold attributions are split
  into ``direct`` (content contains a quotation mark) and ``indirect``; an unmatched
  prediction goes to the bucket its own content says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Segments = tuple[tuple[int, int], ...]
ROLES = ("source", "cue", "content")
BUCKETS = ("all", "direct", "indirect")
QUOTE_CHARS = frozenset('"“”«»„') | {"''"}
_WORD = re.compile(r"\w+|[^\w\s]")
JACCARD_MIN = 0.5


@dataclass(frozen=True)
class Attribution:
    source: Segments
    cue: Segments
    content: Segments


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}


def tokens_of(text: str) -> list[tuple[int, int]]:
    """Word and punctuation tokens of ``text`` as character ranges."""
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def token_set(segs: Segments, toks: Sequence[tuple[int, int]], starts: Sequence[int]) -> frozenset[int]:
    """Indices of the tokens that overlap the segments."""
    from bisect import bisect_left, bisect_right

    out: set[int] = set()
    for a, b in segs:
        lo = max(0, bisect_right(starts, a) - 1)
        hi = bisect_left(starts, b)
        for k in range(lo, hi):
            s, e = toks[k]
            if s < b and e > a:
                out.add(k)
    return frozenset(out)


def has_quote_mark(text: str, segs: Segments) -> bool:
    for a, b in segs:
        chunk = text[a:b]
        if any(ch in chunk for ch in '"“”«»„') or "''" in chunk:
            return True
    return False


def _clean(segs: Segments, text: str) -> Segments:
    """Segments with surrounding whitespace removed (empty ones dropped)."""
    out = []
    for a, b in segs:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return tuple(out)


def cleaned(a: Attribution, text: str) -> Attribution:
    """The attribution with each role's segments stripped of surrounding whitespace."""
    return Attribution(*(_clean(getattr(a, r), text) for r in ROLES))


@dataclass
class Counts:
    """Running totals over documents."""

    exact: dict[str, list[int]] = field(default_factory=lambda: {r: [0, 0, 0] for r in ROLES})
    e2e: dict[str, dict[str, int]] = field(default_factory=lambda: {
        b: {"pred": 0, "gold": 0, "matched": 0, "speaker_ok": 0} for b in BUCKETS})
    docs: int = 0
    errors: int = 0

    def add(self, text: str, gold: Iterable[Attribution], pred: Iterable[Attribution]) -> None:
        gold = [cleaned(g, text) for g in gold]
        pred = [p for p in (cleaned(p, text) for p in pred) if p.content]
        self.docs += 1
        for role in ROLES:
            gs = {s for g in gold for s in getattr(g, role)}
            ps = {s for p in pred for s in getattr(p, role)}
            c = self.exact[role]
            c[0] += len(gs & ps)
            c[1] += len(ps)
            c[2] += len(gs)
        toks = tokens_of(text)
        starts = [s for s, _ in toks]
        matches = match_contents(gold, pred, toks, starts)
        used_p = {i for i, _ in matches}
        gbucket = ["direct" if has_quote_mark(text, g.content) else "indirect" for g in gold]
        pbucket = ["direct" if has_quote_mark(text, p.content) else "indirect" for p in pred]
        for j, b in enumerate(gbucket):
            for key in ("all", b):
                self.e2e[key]["gold"] += 1
        for i, p in enumerate(pred):
            if i not in used_p:
                for key in ("all", pbucket[i]):
                    self.e2e[key]["pred"] += 1
        for i, j in matches:
            ok = speaker_ok(pred[i].source, gold[j].source, toks, starts)
            for key in ("all", gbucket[j]):
                e = self.e2e[key]
                e["pred"] += 1
                e["matched"] += 1
                e["speaker_ok"] += int(ok)

    def summary(self) -> dict:
        out: dict = {"docs": self.docs, "errors": self.errors, "exact": {}, "e2e": {}}
        for role in ROLES:
            tp, npred, ngold = self.exact[role]
            out["exact"][role] = prf(tp, npred, ngold)
        for b in BUCKETS:
            e = self.e2e[b]
            quote = prf(e["matched"], e["pred"], e["gold"])
            attr = prf(e["speaker_ok"], e["pred"], e["gold"])
            out["e2e"][b] = {
                "quote": quote,
                "speaker_accuracy": e["speaker_ok"] / e["matched"] if e["matched"] else 0.0,
                "attribution": attr,
            }
        return out


def match_contents(gold: Sequence[Attribution], pred: Sequence[Attribution], toks: Sequence[tuple[int, int]],
                   starts: Sequence[int]) -> list[tuple[int, int]]:
    """(prediction index, gold index) pairs matched one to one, greedily by content
    token-Jaccard (>= ``JACCARD_MIN``), the best pairs first."""
    gsets = [token_set(g.content, toks, starts) for g in gold]
    psets = [token_set(p.content, toks, starts) for p in pred]
    pairs = []
    for i, pset in enumerate(psets):
        if not pset:
            continue
        for j, gset in enumerate(gsets):
            inter = len(pset & gset)
            if not inter:
                continue
            jac = inter / len(pset | gset)
            if jac >= JACCARD_MIN:
                pairs.append((jac, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    matches = []
    for _jac, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matches.append((i, j))
    return matches


def speaker_ok(pred: Segments, gold: Segments, toks, starts) -> bool:
    if not pred and not gold:
        return True
    if not pred or not gold:
        return False
    return bool(token_set(pred, toks, starts) & token_set(gold, toks, starts))
