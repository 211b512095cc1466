"""Real headless Chromium for the browser tests: Debian's /usr/bin/chromium (or
``COMMUNIQUE_CHROMIUM``) driven by Playwright. The ``browser`` fixture (tests/conftest.py)
starts it, and skips its test cleanly when Playwright or Chromium is missing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    """The Chromium executable: ``COMMUNIQUE_CHROMIUM``, else /usr/bin/chromium, else
    ``chromium`` on PATH; None when there is none."""
    path = os.environ.get("COMMUNIQUE_CHROMIUM", CHROMIUM)
    return path if Path(path).exists() else shutil.which("chromium")


def launch(playwright, executable_path: str):
    """A headless Chromium browser started by ``playwright`` (a ``sync_playwright()`` context)."""
    return playwright.chromium.launch(executable_path=executable_path, args=ARGS)
