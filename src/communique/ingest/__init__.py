"""Ingest: turn sources (files, directories, JSONL, HTML, ...) into Articles."""

from .article import article_id, make_article

__all__ = ["article_id", "make_article"]
