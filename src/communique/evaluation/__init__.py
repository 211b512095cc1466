"""Evaluation on annotated data (PolNeAR, CAMEO examples, the project's own test sets).

Each ``evaluation.<name>`` module holds pure scoring functions and a ``register(app)``
that adds its ``communique eval <name>`` command to the CLI.
"""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger(__name__)

# Modules that contribute `communique eval ...` commands, in help order.
EVAL_MODULES = ("quotes", "events", "time", "places")


def register_all(app) -> None:  # app: typer.Typer
    for name in EVAL_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue
            raise
        module.register(app)
