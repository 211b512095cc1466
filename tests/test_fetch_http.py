"""The fetcher against a real HTTP server on 127.0.0.1 (allow_private, as --allow-private)."""

from __future__ import annotations

import pytest
from _local_http import LocalServer, html_page

from communique.ingest.fetch import (
    USER_AGENT,
    Fetcher,
    FetchError,
    FetchOptions,
    HostRateLimiter,
    RobotsDisallowedError,
    fetch_article,
)

PARAS = ["The foreign minister said on Monday that talks with the delegation would continue "
         "next week in Geneva, despite the objections raised by the opposition.",
         "Officials from both governments met for three hours and agreed to publish a joint "
         "statement about the humanitarian corridor and the exchange of prisoners."]


@pytest.fixture()
def server():
    with LocalServer() as srv:
        srv.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"},
                                     b"User-agent: *\nDisallow: /private\n")
        yield srv


def make_fetcher(**kw) -> tuple[Fetcher, list[float]]:
    waits: list[float] = []
    opts = FetchOptions(allow_private=True, delay=0.0, timeout=5.0, **kw)
    return Fetcher(opts, sleep=waits.append), waits


def test_fetch_html_page_with_user_agent(server):
    server.routes["/news/1"] = (200, {"Content-Type": "text/html; charset=utf-8"},
                                html_page("Talks go on", PARAS))
    fetcher, _ = make_fetcher()
    with fetcher:
        result = fetcher.fetch(server.url("/news/1"))
    assert result.status == 200
    assert result.content_type == "text/html"
    assert "Geneva" in result.text
    ua = dict(server.requests)["/news/1"]["user-agent"]
    assert ua == USER_AGENT and "communique" in ua


@pytest.mark.parametrize("header, body_charset, meta", [
    ("text/html", "iso-8859-1", True),              # charset only in <meta>
    ("text/html; charset=windows-1252", "cp1252", False),  # charset only in the header
    ("text/html", "utf-8", False),                  # no declaration: valid UTF-8
])
def test_fetch_charset_detection(server, header, body_charset, meta):
    paras = ["Le ministre a déclaré à Genève que les négociations continueraient. " * 3]
    server.routes["/fr"] = (200, {"Content-Type": header},
                            html_page("Négociations", paras, charset=body_charset, meta_charset=meta))
    fetcher, _ = make_fetcher()
    with fetcher:
        result = fetcher.fetch(server.url("/fr"))
    assert "déclaré à Genève" in result.text


def test_fetch_follows_redirects_and_records_them(server):
    server.routes["/old"] = (301, {"Location": "/mid"}, b"")
    server.routes["/mid"] = (302, {"Location": server.url("/new")}, b"")
    server.routes["/new"] = (200, {"Content-Type": "text/html"}, html_page("Moved", PARAS))
    fetcher, _ = make_fetcher()
    with fetcher:
        result = fetcher.fetch(server.url("/old"))
    assert result.final_url == server.url("/new")
    assert result.redirects == (server.url("/mid"), server.url("/new"))


def test_fetch_redirect_limit(server):
    for i in range(10):
        server.routes[f"/r{i}"] = (302, {"Location": f"/r{i + 1}"}, b"")
    fetcher, _ = make_fetcher(max_redirects=3)
    with fetcher, pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher.fetch(server.url("/r0"))
    assert "/r4" not in server.paths()


@pytest.mark.parametrize("chunked", [False, True])
def test_fetch_size_cap(server, chunked):
    headers = {"Content-Type": "text/html"}
    if chunked:
        headers["X-Chunked"] = "1"  # no Content-Length: the cap is enforced while streaming
    server.routes["/big"] = (200, headers, b"<html><body>" + b"x" * 50_000 + b"</body></html>")
    fetcher, _ = make_fetcher(max_bytes=10_000)
    with fetcher, pytest.raises(FetchError, match="size cap"):
        fetcher.fetch(server.url("/big"))


@pytest.mark.parametrize("ctype", ["image/png", "application/pdf", "application/octet-stream"])
def test_fetch_refuses_unexpected_content_type(server, ctype):
    server.routes["/file"] = (200, {"Content-Type": ctype}, b"\x89PNG....")
    fetcher, _ = make_fetcher()
    with fetcher, pytest.raises(FetchError, match="content type"):
        fetcher.fetch(server.url("/file"))


def test_fetch_respects_robots_txt(server):
    server.routes["/private/a"] = (200, {"Content-Type": "text/html"}, html_page("Secret", PARAS))
    server.routes["/public/a"] = (200, {"Content-Type": "text/html"}, html_page("Open", PARAS))
    fetcher, _ = make_fetcher()
    with fetcher:
        with pytest.raises(RobotsDisallowedError):
            fetcher.fetch(server.url("/private/a"))
        assert fetcher.fetch(server.url("/public/a")).status == 200
    assert "/private/a" not in server.paths()
    assert server.paths().count("/robots.txt") == 1  # cached per host
    fetcher2, _ = make_fetcher(respect_robots=False)
    with fetcher2:
        assert fetcher2.fetch(server.url("/private/a")).status == 200


def test_fetch_robots_server_error_disallows(server):
    server.routes["/robots.txt"] = (503, {"Content-Type": "text/plain"}, b"down")
    server.routes["/a"] = (200, {"Content-Type": "text/html"}, html_page("A", PARAS))
    fetcher, _ = make_fetcher(retries=0)
    with fetcher, pytest.raises(RobotsDisallowedError):
        fetcher.fetch(server.url("/a"))


def test_fetch_retries_with_backoff_then_succeeds(server):
    answers = iter([(503, {"Retry-After": "2"}, b"busy"), (502, {}, b"bad gateway"),
                    (200, {"Content-Type": "text/html"}, html_page("Finally", PARAS))])
    server.routes["/flaky"] = lambda: next(answers)
    fetcher, waits = make_fetcher(retries=3, backoff=0.5)
    with fetcher:
        result = fetcher.fetch(server.url("/flaky"))
    assert result.status == 200
    assert server.paths().count("/flaky") == 3
    assert waits == [2.0, 1.0]  # Retry-After honoured, then exponential backoff (0.5 * 2)


def test_fetch_gives_up_after_retries(server):
    server.routes["/down"] = (503, {}, b"down")
    fetcher, waits = make_fetcher(retries=2, backoff=0.1)
    with fetcher, pytest.raises(FetchError, match="HTTP 503"):
        fetcher.fetch(server.url("/down"))
    assert server.paths().count("/down") == 3
    assert waits == [0.1, 0.2]


def test_fetch_connection_refused_is_fetch_error():
    with LocalServer() as srv:
        url = srv.url("/gone")
    fetcher, _ = make_fetcher(retries=1, respect_robots=False)
    with fetcher, pytest.raises(FetchError, match="after 2 attempts"):
        fetcher.fetch(url)


def test_fetch_article_extracts_main_text(server):
    server.routes["/story"] = (200, {"Content-Type": "text/html"},
                               html_page("Talks go on", PARAS, date="2022-01-21"))
    fetcher, _ = make_fetcher()
    with fetcher:
        art = fetch_article(server.url("/story"), fetcher)
    assert "humanitarian corridor" in art.text
    assert "All rights reserved" not in art.text
    assert art.url == server.url("/story")
    assert art.published is not None and art.published.isoformat() == "2022-01-21"


@pytest.mark.parametrize("delay, calls, expected", [
    (1.0, [("a", 0.0), ("a", 0.2), ("b", 0.2), ("a", 5.0)], [0.0, 0.8, 0.0, 0.0]),
    (2.0, [("a", 0.0), ("a", 0.0), ("a", 0.0)], [0.0, 2.0, 4.0]),
])
def test_fetch_rate_limiter_per_host(delay, calls, expected):
    now = [0.0]
    slept: list[float] = []
    limiter = HostRateLimiter(delay, clock=lambda: now[0], sleep=slept.append)
    waited = []
    for host, t in calls:
        now[0] = t
        waited.append(round(limiter.wait(host), 6))
    assert waited == expected
    assert slept == [w for w in expected if w > 0]
