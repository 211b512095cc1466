"""A Pipeline loads at start-up the tables that its warm-up text alone does not reach."""

from __future__ import annotations

import pytest

from communique.config import Settings
from communique.extract.dateline import dateline_tables
from communique.extract.event_dictionary import load_dictionary
from communique.extract.event_words import load_event_words
from communique.pipeline import Pipeline


@pytest.mark.parametrize("loader", [dateline_tables, load_dictionary, load_event_words])
def test_pipeline_warm_up_loads_tables(loader) -> None:
    loader.cache_clear()
    Pipeline(Settings(quote_model=False))
    assert loader.cache_info().currsize == 1
