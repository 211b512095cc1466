"""Store: a database of analyses, in an SQLite file or on PostgreSQL.

``open_store(db)`` (also ``communique.Store(db)``) -> ``SQLiteStore`` (WAL) or
``PostgresStore``, both a ``BaseStore`` -> ``Repository`` (the only code that writes SQL;
plain SQL with parameters and a tiny :mod:`dialect` layer) -> numbered
``migrations/NNNN_*.sql`` recorded in ``schema_migrations``. Driver errors leave a store
only as :class:`~communique.errors.StoreError` (:mod:`driver_errors`).
"""

from .base import BaseStore
from .factory import Store, open_store
from .location import is_postgres_url, redacted
from .rows import ActorRow, EventRow, QuoteRow

__all__ = ["open_store", "Store", "BaseStore", "is_postgres_url", "redacted", "QuoteRow", "EventRow",
           "ActorRow"]
