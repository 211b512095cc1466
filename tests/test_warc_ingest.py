"""WARC / WARC.gz archives written by the test with warcio."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from _local_http import html_page
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from communique.config import Settings
from communique.ingest.sources import Skip, iter_articles
from communique.ingest.warc import WarcStats, read_warc
from communique.models import Article

PARAS = ["The interior ministry said on Thursday that police had arrested twelve people "
         "after clashes near the stadium, and that an investigation had been opened.",
         "The mayor called for calm and announced extra patrols for the weekend."]
PARAS_FR = ["Le ministère a déclaré jeudi que la police avait arrêté douze personnes près "
            "du stade et qu'une enquête était ouverte à Genève."]


def write_warc(path, gz: bool) -> None:
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))

        def response(url, status, ctype, body, date="2022-01-20T10:00:00Z"):
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(url, "response", payload=io.BytesIO(body),
                                       http_headers=http, warc_headers_dict={"WARC-Date": date})
            w.write_record(rec)

        req = w.create_warc_record("https://news.example/a", "request", payload=io.BytesIO(
            b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"))
        w.write_record(req)
        response("https://news.example/a", "200 OK", "text/html; charset=utf-8",
                 html_page("Arrests after clashes", PARAS, date="2022-01-19"))
        response("https://news.example/fr", "200 OK", "text/html",
                 html_page("Arrestations", PARAS_FR * 3, charset="iso-8859-1"))
        response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")
        response("https://news.example/missing", "404 Not Found", "text/html", b"<html>no</html>")
        response("https://news.example/moved", "301 Moved Permanently", "text/html", b"")
        response("https://news.example/report.pdf", "200 OK", "application/pdf", b"%PDF-1.4")


@pytest.mark.parametrize("name, gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_extracted_others_skipped(tmp_path, name, gz):
    path = tmp_path / name
    write_warc(path, gz)
    stats = WarcStats()
    items = list(read_warc(path, stats=stats))
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in arts] == ["https://news.example/a", "https://news.example/fr"]
    assert "arrested twelve people" in arts[0].text
    assert arts[0].published == dt.date(2022, 1, 19)       # the page's own date
    assert arts[1].published == dt.date(2022, 1, 20)       # else the crawl date
    assert "déclaré jeudi" in arts[1].text                 # latin-1 page decoded
    assert stats.articles == 2
    assert stats.skipped == {"type image/png": 1, "type application/pdf": 1,
                             "status 404": 1, "status 301": 1}
    assert stats.records["response"] == 6 and stats.records["request"] == 1
    assert stats.records["warcinfo"] == 1


def test_warc_through_registry_counts_skips(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, True)
    items = list(iter_articles([str(tmp_path)], Settings()))   # a directory holding the archive
    assert sum(isinstance(i, Article) for i in items) == 2
    skips = [i for i in items if isinstance(i, Skip)]
    assert len(skips) == 4 and all("skipped" in s.reason for s in skips)


def test_warc_explicit_published_wins(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, False)
    arts = [i for i in read_warc(path, published="2021-12-31") if isinstance(i, Article)]
    assert {a.published for a in arts} == {dt.date(2021, 12, 31)}


def test_warc_not_an_archive(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a warc file\n" * 10)
    items = list(iter_articles([str(path)], Settings()))
    assert len(items) == 1 and isinstance(items[0], Skip)
    assert "not a readable WARC" in items[0].reason
