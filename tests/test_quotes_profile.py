"""Quote profiles: "best" (the default: rules + trained tagger) and "fast" (rules only)."""

from __future__ import annotations

import pytest

from communique.config import Settings
from communique.errors import ConfigError
from communique.pipeline import Pipeline

TEXT = ('Lavrov said he hoped the United States was bringing concrete answers. '
        '"We will not wait forever," he added.')


def test_quotes_profile_default_is_best_with_the_model():
    s = Settings()
    assert s.quote_model is True and s.quote_profile == "best"


@pytest.mark.parametrize(("overrides", "env"), [
    ({"quote_profile": "fast"}, {}),
    ({}, {"COMMUNIQUE_QUOTE_PROFILE": "fast"}),
])
def test_quotes_profile_fast_from_overrides_and_environment(overrides, env):
    assert Settings.load(overrides, env=env).quote_profile == "fast"


def test_quotes_profile_unknown_is_refused():
    with pytest.raises(ConfigError):
        Settings.load({"quote_profile": "fastest"}, env={})


def test_quotes_profile_fast_runs_the_rules_only():
    fast = Pipeline(Settings(quote_profile="fast", events=False)).analyze(TEXT).quotes
    rules = Pipeline(Settings(quote_model=False, events=False)).analyze(TEXT).quotes
    best = Pipeline(Settings(events=False)).analyze(TEXT).quotes
    assert fast and fast == rules
    assert not any(q.rule.startswith("model.") for q in fast)
    assert any(q.rule.startswith("model.") for q in best)
