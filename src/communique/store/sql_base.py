"""What the query mixins of :class:`~communique.store.repository.Repository` may call.

``AnalyticsQueries``, ``ReviewQueries`` and ``RegistryQueries`` hold the SQL of one concern
each and run it through the repository's primitives (``_exec``, ``_all``, ``_one``,
``_all_in``) in its ``dialect``. ``SQLMixin`` declares those for the type checker only:
at run time the repository's own methods are the ones called.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import threading

    from .dialect import Dialect
    from .repository import Repository


class SQLMixin:
    if TYPE_CHECKING:
        dialect: Dialect

        def _exec(self, query: str, params: Sequence[Any] = ()) -> Any: ...

        def _all(self, query: str, params: Sequence[Any] = ()) -> list[tuple]: ...

        def _one(self, query: str, params: Sequence[Any] = ()) -> tuple | None: ...

        def _all_in(self, query: str, values: Iterable[Any]) -> list[tuple]: ...


class StoreMixin:
    """The public-method mixins of the store (``ReviewStore``, ``RegistryStore``) use its
    repository under its lock."""

    if TYPE_CHECKING:
        repo: Repository
        _lock: threading.RLock
