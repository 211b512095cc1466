"""Agreement report: how often reviewers confirmed the machine (precision as users see it),
per record type and per rule id, so the weakest rules show themselves.

Each reviewed machine record counts once, with its final verdict (:mod:`.apply`):
``confirmed``, ``corrected`` or ``rejected``; ``precision = confirmed / reviewed`` and
``usable = (confirmed + corrected) / reviewed`` (the record was right enough to fix).
Additions count as ``missed`` records (of the type, under the rule ``review.add``). Which
fields corrections changed is counted per type. Where two or more authors gave a verdict
on the same record, ``author_agreement`` is the share of such records on which all their
last verdicts agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .records import Review

VERDICTS = ("confirmed", "corrected", "rejected")
_VERDICT = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}


@dataclass
class Tally:
    confirmed: int = 0
    corrected: int = 0
    rejected: int = 0
    missed: int = 0
    fields: dict[str, int] = field(default_factory=dict)

    @property
    def reviewed(self) -> int:
        return self.confirmed + self.corrected + self.rejected

    def to_dict(self) -> dict[str, Any]:
        n = self.reviewed
        return {"reviewed": n, "confirmed": self.confirmed, "corrected": self.corrected,
                "rejected": self.rejected, "missed": self.missed,
                "precision": self.confirmed / n if n else None,
                "usable": (self.confirmed + self.corrected) / n if n else None,
                "corrected_fields": dict(sorted(self.fields.items()))}


def _final(reviews: list[Review]) -> tuple[str, set[str]]:
    corrected, rejected = False, False
    fields: set[str] = set()
    for r in reviews:
        if r.action == "correct":
            corrected, rejected = True, False
            fields.update(k for k in (r.after or {}) if k not in
                          ("quad_class", "cameo", "goldstein", "intensity", "date_precision"))
        elif r.action == "reject":
            rejected = True
        elif r.action == "confirm":
            rejected = False
    return ("rejected" if rejected else "corrected" if corrected else "confirmed"), fields


def agreement(reviews: Iterable[Review]) -> dict[str, Any]:
    """The report (JSON-able): ``by_kind``, ``by_rule`` (kind/rule), ``author_agreement``."""
    revs = sorted((r for r in reviews if r.status == "attached"), key=lambda r: (r.created_at, r.id))
    by_record: dict[str, list[Review]] = {}
    by_kind: dict[str, Tally] = {}
    by_rule: dict[str, Tally] = {}
    for r in revs:
        if r.action == "add":
            by_kind.setdefault(r.kind, Tally()).missed += 1
            by_rule.setdefault(f"{r.kind}/{r.rule or 'review.add'}", Tally()).missed += 1
            continue
        by_record.setdefault(r.key, []).append(r)
    pairs = agree = 0
    for key, rs in by_record.items():
        verdict, fields = _final(rs)
        kind, rule = rs[0].kind, rs[0].rule or "?"
        for t in (by_kind.setdefault(kind, Tally()), by_rule.setdefault(f"{kind}/{rule}", Tally())):
            setattr(t, verdict, getattr(t, verdict) + 1)
            for f in fields:
                t.fields[f] = t.fields.get(f, 0) + 1
        last: dict[str, str] = {}
        for r in rs:
            last[r.author] = _VERDICT[r.action]
        if len(last) > 1:
            pairs += 1
            agree += len(set(last.values())) == 1
    rules = sorted(by_rule.items(), key=lambda kv: (kv[1].to_dict()["precision"] is None,
                                                    kv[1].to_dict()["precision"] or 0, kv[0]))
    return {"reviews": len(revs), "records": len(by_record),
            "by_kind": {k: t.to_dict() for k, t in sorted(by_kind.items())},
            "by_rule": {k: t.to_dict() for k, t in rules},
            "author_agreement": {"records": pairs, "agree": agree,
                                 "rate": agree / pairs if pairs else None}}
