"""What every extraction stage receives besides the parsed Doc."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Settings
from ..models import Article


@dataclass(frozen=True)
class ExtractionContext:
    """The article being analysed (its publication date anchors relative dates) and the settings."""

    article: Article
    settings: Settings = field(default_factory=Settings)
