"""Review loop: analysts confirm, correct or reject quotes and events, or add missed ones;
their reviews give the reviewed version of every analysis and become gold data.

- :mod:`.records` -- :class:`Review`, record keys, building reviews against an analysis;
- :mod:`.apply` -- the reviewed version of an analysis, re-attachment after re-analysis;
- :mod:`.agreement` -- how often reviewers confirmed the machine, per record type and rule;
- :mod:`.gold` -- export as PolNeAR-style BRAT (attributions) and PLOVER-style JSONL (events);
- :mod:`.cli` -- ``communique review ...``.

The store keeps the machine output and the reviews side by side (migration 0003).
"""

from .apply import RecordState, Reviewed, apply_reviews, reattach
from .records import (
                      ACTIONS,
                      KINDS,
                      Review,
                      make_addition,
                      make_confirm,
                      make_correction,
                      make_reject,
                      parse_key,
                      record_keys,
)

__all__ = ["Review", "Reviewed", "RecordState", "apply_reviews", "reattach", "make_confirm",
           "make_reject", "make_correction", "make_addition", "record_keys", "parse_key", "ACTIONS",
           "KINDS"]
