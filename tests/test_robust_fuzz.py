"""Property-based tests (hypothesis): every reader and the whole extraction pipeline take any
input and give either valid records or a documented :class:`CommuniqueError` — never another
exception — and every offset lies inside the text with ``text[start:end] == span.text``."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from communique.config import Settings
from communique.errors import CommuniqueError
from communique.ingest import charset
from communique.ingest.article import make_article
from communique.ingest.dedup import StoryClusterer, canonical_url
from communique.ingest.files import decode_utf8
from communique.ingest.guards import bounded_lines, check_text, guess_language
from communique.ingest.html import html_article
from communique.ingest.jsonl import iter_jsonl
from communique.ingest.sources import read_stream
from communique.models import Analysis, Article
from communique.schema import analysis_schema

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIPELINE_FUZZ = settings(max_examples=25, deadline=None,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

WORDS = ("Russia Ukraine NATO Lavrov Blinken Putin Biden Kyiv Moscow Geneva the a of said told "
         "warned accused attacked met agreed sanctions troops talks on Friday Monday last week "
         "in at near would will not never \u201c \u201d \" ' , . ; : ! ? ( ) - \u2014 \n \n\n "
         "according to officials spokesman he she they it 2022 January 21 Jan. 2021-12-01").split(" ")
news_like = st.lists(st.sampled_from(WORDS) | st.text(max_size=6), min_size=0, max_size=120).map(" ".join)
ACTORS = ["Russia", "Ukraine", "NATO", "Lavrov", "Foreign Minister Sergei Lavrov", "Blinken",
          "the United States", "Kyiv", "the European Union", "he", "officials", "a spokesman"]
VERBS = ["attacked", "accused", "met", "warned", "threatened", "criticized", "agreed with",
         "sanctioned", "praised", "rejected", "called on"]
NOISE = ["", "\x00", "\x07", "\u201c", "\"", "'", "\u00ab", "\ufffd", "\u200b", "\r", "\n\n", "..."]
clause = st.builds(lambda a, v, b, w: f"{a} {v} {b}{w}", st.sampled_from(ACTORS), st.sampled_from(VERBS),
                   st.sampled_from(ACTORS), st.sampled_from(["", " on Friday", " last week", " in Geneva"]))
quote = st.builds(lambda q, a, o, c: f"{o}{q},{c} {a} said.", clause, st.sampled_from(ACTORS),
                  st.sampled_from(["\"", "\u201c", "", "'"]), st.sampled_from(["\"", "\u201d", ""]))
news_sentences = st.lists(st.one_of(clause.map(lambda c: c + "."), quote, st.sampled_from(NOISE)),
                          min_size=1, max_size=12).map(" ".join)
any_text = st.text(max_size=400) | news_like | news_sentences
any_bytes = st.binary(max_size=600) | any_text.map(lambda t: t.encode("utf-8", "surrogatepass"))


def _ok_or_documented(fn):
    """Call ``fn``; a CommuniqueError is a documented outcome, anything else fails the test."""
    try:
        return fn()
    except CommuniqueError:
        return None


# --- readers ----------------------------------------------------------------------------------


@FUZZ
@given(any_bytes)
def test_robust_fuzz_decode_utf8(data):
    text = _ok_or_documented(lambda: decode_utf8(data, "x"))
    assert text is None or isinstance(text, str)


@FUZZ
@given(any_bytes, st.sampled_from([None, "text/html", "text/html; charset=utf-16", "text/plain; charset=bogus"]))
def test_robust_fuzz_charset_decode_never_fails(data, content_type):
    text, name = charset.decode(data, content_type)
    assert isinstance(text, str) and name


@FUZZ
@given(st.lists(any_bytes, max_size=8))
def test_robust_fuzz_jsonl_lines(lines):
    for item in iter_jsonl([line.replace(b"\n", b" ") + b"\n" for line in lines], name="f"):
        assert isinstance(item, (Article, CommuniqueError))


@FUZZ
@given(st.lists(st.dictionaries(st.sampled_from(["id", "text", "html", "url", "title", "published",
                                                 "source", "author", "language"]),
                                st.none() | st.integers() | any_text | st.lists(st.integers(), max_size=2)),
                max_size=5))
def test_robust_fuzz_jsonl_records(records):
    lines = [json.dumps(r).encode() + b"\n" for r in records]
    for item in iter_jsonl(lines, name="f"):
        assert isinstance(item, (Article, CommuniqueError))
        if isinstance(item, Article):
            assert isinstance(item.text, str) and item.text.strip()


@FUZZ
@given(any_bytes, st.integers(min_value=1, max_value=64))
def test_robust_fuzz_bounded_lines_lose_nothing_short(data, limit):
    out = list(bounded_lines(io.BytesIO(data), limit, chunk=5))
    kept = b"".join(x for x in out if isinstance(x, bytes))
    assert all(len(x) <= limit + 1 for x in out if isinstance(x, bytes))
    assert len(kept) + sum(x.size for x in out if not isinstance(x, bytes)) == len(data)


@FUZZ
@given(any_bytes)
def test_robust_fuzz_read_stream(data):
    def run():
        return list(read_stream(io.BytesIO(data), Settings(max_bytes=400)))
    for item in _ok_or_documented(run) or []:
        assert isinstance(item, (Article, CommuniqueError))


@FUZZ
@given(any_text | st.builds(lambda a, b: f"<html><body><p>{a}</p><div>{b}", any_text, any_text))
def test_robust_fuzz_html(html):
    art = _ok_or_documented(lambda: html_article(html, source_name="x"))
    assert art is None or (isinstance(art, Article) and art.text.strip())


@FUZZ
@given(any_bytes | any_text.map(lambda t: (
    f"<?xml version='1.0'?><rss><channel><title>{t}</title><item><title>{t}</title>"
    f"<description>{t}</description></item></channel></rss>").encode("utf-8", "surrogatepass")))
def test_robust_fuzz_feed_parser(data):
    from communique.ingest.feeds import looks_like_feed, parse_feed

    looks_like_feed(data)
    _ok_or_documented(lambda: parse_feed(data, url="https://news.example/feed"))


@FUZZ
@given(any_bytes)
def test_robust_fuzz_warc_reader(data):
    from communique.ingest.warc import iter_warc

    def run():
        return list(iter_warc(io.BytesIO(data), name="x.warc"))
    for item in _ok_or_documented(run) or []:
        assert isinstance(item, (Article, CommuniqueError))


@FUZZ
@given(any_text, st.none() | any_text)
def test_robust_fuzz_make_article_and_dedup(text, url):
    art = _ok_or_documented(lambda: make_article(text, url=url))
    if art is None:
        return
    canonical_url(url)
    clustered = StoryClusterer(0.3).add(art)
    assert clustered.id == art.id


@FUZZ
@given(any_text)
def test_robust_fuzz_text_checks(text):
    guess = guess_language(text)
    assert 0 <= guess.english <= 1 and 0 <= guess.probability <= 1
    _ok_or_documented(lambda: check_text(text, Settings()))


# --- the pipeline -----------------------------------------------------------------------------


def _check_offsets(analysis: Analysis) -> None:
    text = analysis.article.text
    root = analysis.to_dict()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if (isinstance(node.get("start"), int) and isinstance(node.get("end"), int)
                    and isinstance(node.get("text"), str) and node is not root):
                assert 0 <= node["start"] <= node["end"] <= len(text), node
                assert text[node["start"]:node["end"]] == node["text"], node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


@pytest.fixture(scope="module")
def any_language_pipeline(pipeline):
    """The real pipeline with the language check off, so random text reaches every stage."""
    from communique.pipeline import Pipeline

    return Pipeline(Settings(language_check=False))


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(analysis_schema())


@pytest.mark.model
@PIPELINE_FUZZ
@given(st.lists(any_text | news_sentences, min_size=1, max_size=4))
def test_robust_fuzz_pipeline_any_string(any_language_pipeline, validator, texts):
    pipeline = any_language_pipeline
    arts = []
    for t in texts:
        art = _ok_or_documented(lambda t=t: make_article(t, published="2022-01-21"))
        if art is not None:
            arts.append(art)
    for art, result in zip(arts, pipeline.analyze_stream(arts), strict=True):
        if isinstance(result, CommuniqueError):
            assert result.code.startswith(("E2", "E3"))
            assert not result.code.startswith("E300"), result.message  # extraction must not fail
            continue
        assert isinstance(result, Analysis)
        event(f"records: {'some' if result.quotes or result.events else 'none'}")
        data = result.to_dict()
        validator.validate(json.loads(json.dumps(data, default=str)))
        _check_offsets(result)
        assert Analysis.from_dict(data).to_dict() == data
