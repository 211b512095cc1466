"""The fetcher refuses private, loopback, link-local and metadata addresses (no allow_private),
also after DNS resolution and after each redirect."""

from __future__ import annotations

import socket

import httpx
import pytest
from _local_http import LocalServer, html_page

from communique.ingest.fetch import (
    BlockedAddressError,
    Fetcher,
    FetchError,
    FetchOptions,
    blocked_reason,
    check_url,
)

PUBLIC_IP = "93.184.216.34"  # a global address; connections to it are redirected below


@pytest.mark.parametrize("address, reason", [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.5.4", "private"), ("192.168.0.1", "private"),
    ("fd12:3456::1", "private"), ("169.254.169.254", "metadata"), ("169.254.10.10", "link-local"),
    ("fe80::1", "link-local"), ("100.64.0.1", "carrier-grade"), ("100.100.100.200", "metadata"),
    ("0.0.0.0", "unspecified"), ("224.0.0.1", "multicast"), ("::ffff:127.0.0.1", "loopback"),
    ("::ffff:169.254.169.254", "metadata"), ("2002:7f00:1::", "loopback"), ("240.0.0.1", "reserved"),
])
def test_fetch_guard_blocked_reason(address, reason):
    assert reason in blocked_reason(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_fetch_guard_public_addresses_pass(address):
    assert blocked_reason(address) is None


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost/", "http://LOCALHOST./admin", "http://[::1]:8080/",
    "http://10.0.0.1/", "http://192.168.1.1/router", "http://172.16.0.1/",
    "http://169.254.169.254/latest/meta-data/", "http://[::ffff:127.0.0.1]/",
    "http://0.0.0.0/", "http://2130706433/", "http://0x7f.1/", "http://metadata.google.internal/",
])
def test_fetch_guard_refuses_private_urls(url):
    with pytest.raises(BlockedAddressError, match="refused"):
        check_url(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://x/"])
def test_fetch_guard_refuses_other_schemes(url):
    with pytest.raises(FetchError, match="only http and https"):
        check_url(url)


def fake_dns(table: dict[str, list[str]]):
    """A resolver answering from ``table`` (getaddrinfo's shape)."""
    def resolve(host, port, *args, **kw):
        if host not in table:
            raise socket.gaierror(f"unknown host {host}")
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                 (a, port)) for a in table[host]]
    return resolve


@pytest.mark.parametrize("answers", [["127.0.0.1"], [PUBLIC_IP, "10.0.0.7"], ["169.254.169.254"]])
def test_fetch_guard_checks_every_resolved_address(answers):
    with pytest.raises(BlockedAddressError):
        check_url("http://news.test/a", resolver=fake_dns({"news.test": answers}))


class _NatTransport(httpx.HTTPTransport):
    """Network stand-in: connections to PUBLIC_IP go to the local test server instead."""

    def __init__(self, port: int) -> None:
        super().__init__()
        self.port = port
        self.hosts: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.hosts.append(request.url.host)
        if request.url.host == PUBLIC_IP:
            request.url = request.url.copy_with(host="127.0.0.1", port=self.port)
        return super().handle_request(request)


@pytest.fixture()
def public_server():
    """The local server, reachable as http://news.test:PORT (resolving to a public address)."""
    with LocalServer() as srv:
        srv.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n")
        transport = _NatTransport(srv.port)
        fetcher = Fetcher(FetchOptions(delay=0.0, timeout=5.0, retries=0), transport=transport,
                          resolver=fake_dns({"news.test": [PUBLIC_IP], "localhost": ["127.0.0.1", "::1"]}),
                          sleep=lambda _s: None)
        with fetcher:
            yield srv, fetcher, transport


def test_fetch_guard_public_host_is_fetched_pinned(public_server):
    srv, fetcher, transport = public_server
    srv.routes["/ok"] = (200, {"Content-Type": "text/html"}, html_page("Fine", ["Fine text."]))
    result = fetcher.fetch(f"http://news.test:{srv.port}/ok")
    assert result.status == 200
    assert transport.hosts and set(transport.hosts) == {PUBLIC_IP}  # connected to the checked IP
    assert dict(srv.requests)["/ok"]["host"] == f"news.test:{srv.port}"  # Host header kept


@pytest.mark.parametrize("location", [
    "http://127.0.0.1/secret", "http://localhost/secret", "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/secret", "http://10.0.0.5/secret",
])
def test_fetch_guard_refuses_redirect_to_private(public_server, location):
    srv, fetcher, transport = public_server
    srv.routes["/jump"] = (302, {"Location": location}, b"")
    with pytest.raises(BlockedAddressError, match="refused"):
        fetcher.fetch(f"http://news.test:{srv.port}/jump")
    assert "/secret" not in srv.paths()
    assert transport.hosts and all(h == PUBLIC_IP for h in transport.hosts)


def test_fetch_guard_refuses_local_server_without_allow_private():
    with LocalServer() as srv:
        srv.routes["/page"] = (200, {"Content-Type": "text/html"}, html_page("P", ["text"]))
        for url in (srv.url("/page"), f"http://localhost:{srv.port}/page"):
            with Fetcher(FetchOptions(delay=0.0, retries=0)) as fetcher:
                with pytest.raises(BlockedAddressError):
                    fetcher.fetch(url)
        assert srv.requests == []  # nothing reached the server, not even robots.txt
        with Fetcher(FetchOptions(delay=0.0, retries=0, allow_private=True)) as fetcher:
            assert fetcher.fetch(srv.url("/page")).status == 200
