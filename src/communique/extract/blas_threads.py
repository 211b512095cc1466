"""One BLAS thread for the numpy networks of the extract stages (the attribution tagger,
the sentence encoder): their products are small, and threads only slow them down on a busy
machine (issue 20: OpenBLAS threads spinning took most of the quote stage's time)."""

from __future__ import annotations

from contextlib import nullcontext
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - a dependency of the default install
        return None
    return ThreadpoolController()


def one_blas_thread() -> Any:
    """A context in which BLAS runs on one thread (no-op without threadpoolctl)."""
    controller = _blas_controller()
    return controller.limit(limits=1, user_api="blas") if controller is not None else nullcontext()
