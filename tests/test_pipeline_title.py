"""communique.analyze(text) takes the text's first line as the title, with the one function
(ingest.article.title_from_text) the CLI uses for an article's heading."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.ingest.article import TITLE_CHARS, title_from_text

LONG = "Talks " * 30


@pytest.mark.parametrize("text,title", [
    ("Lavrov and Blinken meet in Geneva\n\nThe two ministers met on Friday.", "Lavrov and Blinken meet in Geneva"),
    ("\n\n   EU imposes sanctions   \nBRUSSELS — The EU imposed sanctions.", "EU imposes sanctions"),
    ("One line only.", "One line only."),
    (LONG + "\nrest", LONG.strip()[:TITLE_CHARS]),
    ("   \n\t ", None),
])
def test_pipeline_title_from_text_is_the_first_line(text, title):
    assert title_from_text(text) == title


@pytest.mark.parametrize("text,given,expected", [
    ("Lavrov and Blinken meet in Geneva\n\nThe two ministers met in Geneva on Friday.", None,
     "Lavrov and Blinken meet in Geneva"),
    ("Lavrov and Blinken meet in Geneva\n\nThe two ministers met in Geneva on Friday.", "Given title",
     "Given title"),
])
def test_pipeline_title_analyze_takes_the_first_line(pipeline, text, given, expected):
    assert pipeline.analyze(text, title=given).article.title == expected


def test_pipeline_title_cli_heading_is_the_same(pipeline, tmp_path):
    text = "\n  Lavrov and Blinken meet in Geneva  \n\nThe two ministers met in Geneva on Friday."
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(path), "--format", "table"],
                                env={"COLUMNS": "160", "NO_COLOR": "1", "TERM": "dumb"})
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == pipeline.analyze(text).article.title == title_from_text(text)
