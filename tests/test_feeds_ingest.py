"""RSS/Atom feeds: items' links fetched from a real local server (allow_private)."""

from __future__ import annotations

import datetime as dt

import pytest
from _local_http import LocalServer, html_page

from communique.config import Settings
from communique.ingest.feeds import looks_like_feed, parse_feed
from communique.ingest.sources import Skip, iter_articles
from communique.models import Article

SETTINGS = Settings(allow_private=True, fetch_delay=0.0, fetch_retries=0)

STORY_A = ["The defence minister said on Tuesday that troops would withdraw from the border "
           "region within two weeks, according to a statement released in the capital.",
           "Opposition leaders welcomed the decision but demanded an independent inquiry."]
STORY_B = ["Farmers protested outside parliament on Wednesday against the new fuel tax, "
           "blocking the main avenue with tractors for several hours.",
           "The agriculture minister promised to meet their representatives on Friday."]


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>Example Wire</title><link>{base}/</link><description>News</description>
  <item><title>Troops to withdraw</title><link>{base}/a</link>
    <pubDate>Tue, 18 Jan 2022 10:00:00 GMT</pubDate><author>desk@example.org (Jane Roe)</author></item>
  <item><title>Farmers protest fuel tax</title><link>/b?utm_source=rss</link>
    <pubDate>Wed, 19 Jan 2022 09:30:00 +0100</pubDate></item>
  <item><title>Gone</title><link>{base}/missing</link></item>
</channel></rss>""".encode()


def atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!-- an Atom feed -->
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Desk</title><id>urn:x</id><updated>2022-01-20T00:00:00Z</updated>
  <entry><title>Withdrawal</title><link href="{base}/a"/><id>urn:1</id>
    <updated>2022-01-20T08:00:00Z</updated></entry>
</feed>""".encode()


@pytest.fixture()
def server():
    with LocalServer() as srv:
        srv.routes["/robots.txt"] = (404, {}, b"")
        srv.routes["/a"] = (200, {"Content-Type": "text/html"}, html_page("Troops", STORY_A))
        srv.routes["/b?utm_source=rss"] = (200, {"Content-Type": "text/html; charset=utf-8"},
                                           html_page("Farmers", STORY_B))
        srv.routes["/feed.xml"] = lambda: (200, {"Content-Type": "application/rss+xml"}, rss(srv.base))
        yield srv


def test_feeds_url_items_fetched_with_feed_metadata(server):
    items = list(iter_articles([server.url("/feed.xml")], SETTINGS))
    arts = [i for i in items if isinstance(i, Article)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [a.title for a in arts] == ["Troops to withdraw", "Farmers protest fuel tax"]
    assert {a.source for a in arts} == {"Example Wire"}
    assert arts[0].published == dt.date(2022, 1, 18)
    assert arts[1].published == dt.date(2022, 1, 19)
    assert "withdraw from the border" in arts[0].text
    assert arts[1].url == server.url("/b?utm_source=rss")  # relative link resolved
    assert len(skips) == 1 and "HTTP 404" in skips[0].reason and "item 3" in skips[0].reason


def test_feeds_explicit_published_wins(server):
    items = list(iter_articles([server.url("/feed.xml")], SETTINGS, published="2022-02-01"))
    assert {i.published for i in items if isinstance(i, Article)} == {dt.date(2022, 2, 1)}


@pytest.mark.parametrize("suffix", [".atom", ".xml"])
def test_feeds_local_atom_file(server, tmp_path, suffix):
    path = tmp_path / f"desk{suffix}"
    path.write_bytes(atom(server.base))
    items = list(iter_articles([str(path)], SETTINGS))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert items[0].source == "Atom Desk" and items[0].published == dt.date(2022, 1, 20)


def test_feeds_url_page_is_one_article(server):
    items = list(iter_articles([server.url("/a")], SETTINGS))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert "Opposition leaders" in items[0].text


def test_feeds_private_feed_refused_without_allow_private(server):
    items = list(iter_articles([server.url("/feed.xml")], Settings(fetch_delay=0.0)))
    assert len(items) == 1 and isinstance(items[0], Skip)
    assert items[0].code == "E211" and "refused" in items[0].reason
    assert server.requests == []


def test_feeds_item_links_checked_too(server, tmp_path):
    """A feed read from a file may point at private addresses: each link is refused."""
    path = tmp_path / "f.rss"
    path.write_bytes(rss(server.base))
    items = list(iter_articles([str(path)], Settings(fetch_delay=0.0)))
    assert len(items) == 3 and all(isinstance(i, Skip) for i in items)
    assert [i.code for i in items] == ["E211", "E210", "E211"]  # item 2: relative link, no base
    assert server.requests == []


@pytest.mark.parametrize("data, expected", [
    (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', True),
    (b'<?xml version="1.0"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom"/>', True),
    (b'<rdf:RDF xmlns:rdf="x"/>', True),
    (b'<?xml version="1.0"?><urlset/>', False),
    (b"<!DOCTYPE html><html></html>", False),
])
def test_feeds_looks_like_feed(data, expected):
    assert looks_like_feed(data) is expected


def test_feeds_parse_feed_metadata():
    info, items = parse_feed(rss("http://news.example"), url="http://news.example/feed")
    assert info.title == "Example Wire" and info.items == 3
    assert items[0].author and "Jane Roe" in items[0].author
    assert items[1].link == "http://news.example/b?utm_source=rss"
