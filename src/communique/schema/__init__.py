"""The JSON Schema of the output contract (analysis.schema.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def analysis_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one analysed article."""
    return json.loads((resources.files(__name__) / "analysis.schema.json").read_text(encoding="utf-8"))
