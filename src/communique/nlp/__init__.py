"""spaCy pipeline construction; Doc extensions are registered in one place."""

from .pipeline import build_pipeline, resolve_model_name

__all__ = ["build_pipeline", "resolve_model_name"]
