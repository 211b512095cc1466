"""The Chromium of the browser tests (tests/_chromium.py, the ``browser`` fixture of
conftest.py): found at COMMUNIQUE_CHROMIUM, /usr/bin/chromium or on PATH; none found means
the browser tests are skipped, not failed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from _chromium import CHROMIUM, chromium_path

TESTS = Path(__file__).parent


@pytest.mark.parametrize("env, path, found", [
    ("/nonexistent/chromium", "", None),
    (sys.executable, "", sys.executable),
])
def test_chromium_fixture_finds_the_executable(monkeypatch, env, path, found):
    monkeypatch.setenv("COMMUNIQUE_CHROMIUM", env)
    monkeypatch.setenv("PATH", path)
    assert chromium_path() == found


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium not installed here")
def test_chromium_fixture_defaults_to_debian_chromium(monkeypatch):
    monkeypatch.delenv("COMMUNIQUE_CHROMIUM", raising=False)
    assert chromium_path() == CHROMIUM


def test_chromium_fixture_skips_without_chromium(tmp_path):
    """A browser test run where no Chromium can be found is skipped, cleanly."""
    (tmp_path / "test_needs_browser.py").write_text("def test_page(browser):\n    assert False\n")
    env = {**os.environ, "COMMUNIQUE_CHROMIUM": "/nonexistent/chromium", "PATH": str(Path(sys.executable).parent)}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "-c", os.devnull,
                          "--rootdir", str(tmp_path), "-o", f"pythonpath={TESTS}", "-p", "conftest",
                          str(tmp_path / "test_needs_browser.py")],
                         capture_output=True, text=True, env=env, cwd=TESTS, timeout=120)
    out = run.stdout + run.stderr
    assert run.returncode == 0, out
    assert "1 skipped" in out and "Chromium not found" in out, out
