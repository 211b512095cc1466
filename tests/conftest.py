"""Shared fixtures: the real spaCy pipeline (loaded once), the seed article, the
throwaway PostgreSQL server (``pg_server``, ``pg_url``, ``store`` on both backends: pg_cluster.py)
and a real headless Chromium (``browser``: _chromium.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pg_cluster import pg_server, pg_url, store  # noqa: F401  (fixtures for every test module)

FIXTURES = Path(__file__).parent / "fixtures"
SEED_PUBLISHED = dt.date(2022, 1, 21)


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium (tests/_chromium.py: /usr/bin/chromium via Playwright), one per
    test module; the test is skipped when Playwright or Chromium is not installed."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    from _chromium import chromium_path, launch

    path = chromium_path()
    if path is None:
        pytest.skip("Chromium not found: apt-get install chromium")
    with sync_api.sync_playwright() as p:
        b = launch(p, path)
        yield b
        b.close()


@pytest.fixture(scope="session")
def nlp():
    from communique.config import Settings
    from communique.nlp import build_pipeline

    return build_pipeline(Settings())


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "seed_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pipeline():
    from communique.config import Settings
    from communique.pipeline import Pipeline

    return Pipeline(Settings())


@pytest.fixture(scope="session")
def seed_analysis(pipeline, seed_text):
    return pipeline.analyze(seed_text, published=SEED_PUBLISHED)
