"""Store: a local database of analyses.

``Store`` (SQLite, WAL) -> ``Repository`` (the only code that writes SQL; plain SQL with
parameters and a tiny :mod:`dialect` layer, so a PostgreSQL backend can reuse it) ->
numbered ``migrations/NNNN_*.sql`` recorded in ``schema_migrations``.
"""

from .rows import ActorRow, EventRow, QuoteRow
from .sqlite import Store

__all__ = ["Store", "QuoteRow", "EventRow", "ActorRow"]
