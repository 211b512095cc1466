"""Ingest: turn sources (files, directories, JSONL, HTML, stdin, ...) into Articles."""

from .article import article_id, make_article, parse_date
from .sources import Skip, iter_articles, register_reader

__all__ = ["article_id", "make_article", "parse_date", "Skip", "iter_articles", "register_reader"]
