"""Real headless Chromium (Debian's /usr/bin/chromium, or ``COMMUNIQUE_CHROMIUM``) driven by
Playwright, for the browser tests. Importing this module skips the importing test module
when FastAPI, Playwright or Chromium is missing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
CHROMIUM = os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium")
if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
    pytest.skip("Chromium not found: apt-get install chromium", allow_module_level=True)

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def launch(playwright):
    """A headless Chromium browser started by ``playwright`` (a ``sync_playwright()`` context)."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"), args=ARGS)


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium, one per test module that imports this fixture."""
    with sync_api.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()
