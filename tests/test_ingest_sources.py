"""Ingest readers: txt, html, jsonl, directories, stdin, and the reader registry."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from communique.config import Settings
from communique.errors import EmptyInputError, InputError
from communique.ingest.article import article_id
from communique.ingest.files import read_text_file
from communique.ingest.html import extract_html
from communique.ingest.sources import REGISTRY, ReaderRegistry, Skip, iter_articles, read_stream
from communique.models import Article

FIXTURES = Path(__file__).parent / "fixtures"

PAGE = """<!DOCTYPE html>
<html><head><title>Talks in Geneva | Example News</title>
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2022-01-21T10:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li></ul></nav>
<article><h1>Talks in Geneva</h1>
<p>The foreign ministers met in Geneva on Friday and said the talks would continue next week.
Both sides described the meeting as frank and useful.</p>
<p>"We are not going to give up," the minister told reporters after the meeting, which lasted
two hours and ended without a joint statement.</p>
</article>
<div id="comments"><h3>Leave a comment</h3><form><textarea name="c"></textarea>
<button>Post comment</button></form></div>
<footer>Copyright 2022 Example News. All rights reserved. Privacy policy.</footer>
</body></html>"""


def articles_and_skips(paths, **kw):
    items = list(iter_articles([str(p) for p in paths], Settings(), **kw))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Skip)]


@pytest.mark.parametrize("content", [
    "Plain text.\n",
    "Windows line endings\r\nkept\r\n",
    "  leading and trailing space  \n\n",
    "\ufeffBOM kept, offsets match the file",
    "Curly “quotes” and accents: Zelenskiy, Kyiv, Ærø\n",
])
def test_ingest_sources_txt_is_text_exactly_as_read(tmp_path, content):
    path = tmp_path / "a.txt"
    path.write_bytes(content.encode("utf-8"))
    (art,), skips = articles_and_skips([path])
    assert skips == []
    assert art.text == content
    assert art.id == article_id(content)
    assert art.title is None and art.url is None


def test_ingest_sources_txt_seed_matches_fixture_bytes():
    art = read_text_file(FIXTURES / "seed_article.txt", published="2022-01-21")
    assert art.text == (FIXTURES / "seed_article.txt").read_bytes().decode("utf-8")
    assert art.published == dt.date(2022, 1, 21)


def test_ingest_sources_txt_undecodable_bytes_is_clear_input_error(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 in Z\u00fcrich".encode("latin-1"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_text_file(path)
    arts, (skip,) = articles_and_skips([path])
    assert arts == [] and skip.code == "E200" and "UTF-8" in skip.reason and skip.source == str(path)


def test_ingest_sources_txt_empty_file_is_skipped(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n")
    arts, (skip,) = articles_and_skips([path])
    assert skip.code == EmptyInputError.code


def test_ingest_sources_html_extracts_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (art,), skips = articles_and_skips([path])
    assert "met in Geneva on Friday" in art.text
    assert "We are not going to give up" in art.text
    for boilerplate in ("Home", "World news", "Leave a comment", "Post comment", "Copyright", "Privacy"):
        assert boilerplate not in art.text
    assert art.text.count("\n") >= 2  # paragraphs kept on their own lines
    assert art.title == "Talks in Geneva"
    assert art.published == dt.date(2022, 1, 21)
    assert art.author == "Jane Roe"
    assert art.source == "Example News"


def test_ingest_sources_html_without_date_does_not_guess_from_copyright():
    found = extract_html(PAGE.replace('<meta property="article:published_time" '
                                      'content="2022-01-21T10:00:00Z">', ""))
    assert found["published"] is None


def test_ingest_sources_html_without_main_text_is_skipped(tmp_path):
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><title>Nothing</title></head><body><div> </div></body></html>")
    arts, (skip,) = articles_and_skips([path])
    assert arts == [] and skip.code == EmptyInputError.code


def _jsonl(tmp_path, lines) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\n".join(x if isinstance(x, bytes) else x.encode() for x in lines) + b"\n")
    return path


def test_ingest_sources_jsonl_reads_fields_and_records_bad_lines(tmp_path):
    good = {"id": "mine-1", "url": "https://example.org/1", "title": "One", "published": "2022-01-20",
            "source": "Example", "text": "Lavrov met Blinken.  "}
    path = _jsonl(tmp_path, [
        json.dumps(good),
        "{not json",
        "",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Dated badly.", "published": "yesterday"}),
        json.dumps([1, 2]),
        b"\xff\xfe broken",
        json.dumps({"text": 42}),
        json.dumps({"html": PAGE, "url": "https://example.org/2"}),
        json.dumps({"text": "No id given.", "url": "https://example.org/3"}),
    ])
    arts, skips = articles_and_skips([path])
    assert [a.id for a in arts] == ["mine-1", arts[1].id, article_id("No id given.", "https://example.org/3")]
    first = arts[0]
    assert (first.text, first.title, first.url, first.source, first.published) == (
        "Lavrov met Blinken.  ", "One", "https://example.org/1", "Example", dt.date(2022, 1, 20))
    assert arts[1].title == "Talks in Geneva" and arts[1].url == "https://example.org/2"
    assert [s.line for s in skips] == [2, 4, 5, 6, 7, 8]
    assert all(s.source == str(path) and s.reason.startswith(f"{path}:{s.line}: ") for s in skips)
    reasons = " | ".join(s.reason for s in skips)
    for part in ("invalid JSON", "needs a 'text' or an 'html'", "not a date", "expected a JSON object",
                 "UTF-8", "must be a string"):
        assert part in reasons


def test_ingest_sources_published_default_applies_only_when_missing(tmp_path):
    path = _jsonl(tmp_path, [json.dumps({"text": "A."}), json.dumps({"text": "B.", "published": "2020-05-01"})])
    arts, _ = articles_and_skips([path], published=dt.date(2022, 1, 21))
    assert [a.published for a in arts] == [dt.date(2022, 1, 21), dt.date(2020, 5, 1)]


def test_ingest_sources_directory_is_recursive_sorted_by_extension(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z text.")
    (tmp_path / "a.txt").write_text("A text.")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / ".hidden.txt").write_text("ignored too")
    (tmp_path / "c.html").write_text(PAGE)
    _jsonl(tmp_path, [json.dumps({"text": "J text."})])
    arts, skips = articles_and_skips([tmp_path])
    assert skips == []
    assert [a.text.split()[0] for a in arts] == ["A", "Z", "J", "Talks"]  # a.txt, b/z.txt, batch.jsonl, c.html


def test_ingest_sources_missing_and_unsupported_paths_are_skips(tmp_path):
    (tmp_path / "data.csv").write_text("a,b\n")
    arts, skips = articles_and_skips([tmp_path / "missing.txt", tmp_path / "data.csv", tmp_path / "nope"])
    assert arts == []
    assert [s.code for s in skips] == ["E200", "E201", "E200"]
    assert "no such file" in skips[2].reason


@pytest.mark.parametrize("pattern, expected", [
    ("*.txt", ["A", "C"]),
    ("**/*.txt", ["A", "C", "B"]),  # recursive: a.txt, c.txt, then sub/b.txt
    ("sub/b.*", ["B"]),
    ("[ab].txt", ["A"]),
])
def test_ingest_sources_glob_patterns_expand_to_sorted_matches(tmp_path, pattern, expected):
    (tmp_path / "sub").mkdir()
    for rel, text in [("a.txt", "A text."), ("c.txt", "C text."), ("sub/b.txt", "B text.")]:
        (tmp_path / rel).write_text(text)
    arts, skips = articles_and_skips([f"{tmp_path}/{pattern}"])
    assert skips == [] and [a.text.split()[0] for a in arts] == expected


def test_ingest_sources_glob_without_matches_is_a_clear_skip(tmp_path):
    arts, skips = articles_and_skips([f"{tmp_path}/*.jsonl"])
    assert arts == [] and len(skips) == 1
    assert skips[0].code == "E200" and "no file matches the pattern" in skips[0].reason


@pytest.mark.parametrize("data, expected_text, expected_title", [
    (b"Just text from a pipe.\n", "Just text from a pipe.\n", None),
    (PAGE.encode(), None, "Talks in Geneva"),
    (json.dumps({"text": "From JSONL.", "title": "J"}).encode() + b"\n", "From JSONL.", "J"),
    (b"{curly text that is not JSON}", "{curly text that is not JSON}", None),
])
def test_ingest_sources_stdin_detects_text_html_or_jsonl(data, expected_text, expected_title):
    (art,) = list(read_stream(io.BytesIO(data), Settings()))
    if expected_text is not None:
        assert art.text == expected_text
    assert art.title == expected_title


def test_ingest_sources_registry_lets_plugins_claim_sources(tmp_path):
    registry = ReaderRegistry(_plugins_loaded=True)
    for entry in REGISTRY.entries:
        registry.add(entry.name, entry.predicate, entry.reader)
    registry.add("shout", lambda src, s: src.startswith("shout:"),
                 lambda src, s, pub: iter([Article(id="s", text=src[6:].upper())]), first=True)
    entry = registry.find("shout:hello", Settings())
    assert entry.name == "shout"
    assert [a.text for a in entry.reader("shout:hello", Settings(), None)] == ["HELLO"]
    assert registry.find(str(tmp_path / "x.txt"), Settings()).name == "text"
    registry.add("shout", lambda src, s: False, entry.reader)  # same name replaces
    assert [e.name for e in registry.entries].count("shout") == 1


def test_ingest_sources_skip_serialises():
    s = Skip("f.jsonl", "f.jsonl:2: invalid JSON", "E203", 2)
    assert s.to_dict() == {"source": "f.jsonl", "reason": "f.jsonl:2: invalid JSON", "code": "E203", "line": 2}


def test_ingest_sources_bundled_examples_are_valid():
    from importlib import resources

    path = resources.files("communique") / "data" / "examples" / "examples.jsonl"
    arts, skips = articles_and_skips([str(path)])
    assert skips == [] and len(arts) >= 4
    assert all(a.published and a.title for a in arts)
    seed = (FIXTURES / "seed_article.txt").read_bytes().decode("utf-8")
    assert arts[0].text == seed and arts[0].published == dt.date(2022, 1, 21)
    assert len({a.id for a in arts}) == len(arts)
