"""The server against hostile users: API keys (stored hashed, created and revoked from the
CLI), writes need a key, read-only mode, request size limits (413), per-key rate limits
(429), CORS off by default, SQL injection attempts in every filter (API and CLI), and SSRF
through the URL ingest endpoint. Stored XSS in real Chromium: tests/test_robust_xss.py."""

from __future__ import annotations

import hashlib
import sqlite3

import httpx
import pytest

pytest.importorskip("fastapi")
from _local_http import LocalServer, html_page  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from test_fetch_guard import PUBLIC_IP, _NatTransport, fake_dns  # noqa: E402
from typer.testing import CliRunner  # noqa: E402
from web_server import LiveServer, fill  # noqa: E402

from communique.cli import app as cli_app  # noqa: E402
from communique.config import Settings  # noqa: E402
from communique.ingest.fetch import Fetcher, FetchOptions  # noqa: E402
from communique.store import Store  # noqa: E402
from communique.web import create_app  # noqa: E402

ENV = {"COLUMNS": "160", "NO_COLOR": "1", "TERM": "dumb"}
NOT_ANALYSED = {"text": "a", "html": "<p>b</p>"}  # passes auth, then 422 before any analysis


def shape(r: httpx.Response, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, (r.status_code, r.text[:300])
    body = r.json()
    assert set(body) == {"error", "status"} and body["status"] == status
    assert set(body["error"]) == {"code", "type", "message", "details"}
    if code:
        assert body["error"]["code"] == code, body
    return body


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("sec") / "sec.db")
    fill(path, 40)
    return path


def keys(*args: str):
    return CliRunner().invoke(cli_app, ["keys", *args], env=ENV)


# --- keys ---------------------------------------------------------------------------------------


def test_robust_server_keys_created_hashed_listed_revoked(tmp_path):
    db = str(tmp_path / "k.db")
    fill(db, 3)
    created = keys("create", "alice", "--db", db)
    assert created.exit_code == 0, created.output
    key = created.stdout.strip()
    assert key.startswith("cq_") and len(key) > 40
    assert keys("create", "alice", "--db", db).exit_code == 2  # one active key per name
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("k.db*"))
    assert key.encode() not in raw  # the key itself is never stored
    con = sqlite3.connect(db)
    assert con.execute("SELECT key_hash FROM api_keys").fetchone()[0] == hashlib.sha256(key.encode()).hexdigest()
    con.close()
    listed = keys("list", "--db", db)
    assert "alice" in listed.stdout and key not in listed.stdout and "active" in listed.stdout

    with TestClient(create_app(db, Settings())) as c:
        shape(c.post("/api/articles", json=NOT_ANALYSED), 401, "W401")
        shape(c.post("/api/articles", json=NOT_ANALYSED, headers={"X-API-Key": key + "x"}), 401, "W401")
        shape(c.post("/api/articles", json=NOT_ANALYSED, headers={"X-API-Key": key}), 422)  # authorised
    assert keys("revoke", "alice", "--db", db).exit_code == 0
    assert "revoked" in keys("list", "--db", db).stdout
    with TestClient(create_app(db, Settings())) as c:
        shape(c.post("/api/articles", json=NOT_ANALYSED, headers={"X-API-Key": key}), 403, "W403")
    rotated = keys("create", "alice", "--db", db)
    assert rotated.exit_code == 0 and rotated.stdout.strip() != key


def test_robust_server_settings_keys_still_work(db):
    with TestClient(create_app(db, Settings(api_key="bob:s3cret,carol:other"))) as c:
        shape(c.post("/api/articles", json=NOT_ANALYSED, headers={"X-API-Key": "s3cret"}), 422)
        shape(c.post("/api/articles", json=NOT_ANALYSED, headers={"X-API-Key": "bob"}), 401, "W401")
        shape(c.post("/api/reviews", json={"action": "confirm", "record": "nope"}), 401, "W401")


def test_robust_server_no_key_configured_means_no_writes(db):
    with TestClient(create_app(db, Settings())) as c:
        shape(c.post("/api/articles", json=NOT_ANALYSED, headers={"X-API-Key": "anything"}), 403, "W403")
        assert c.get("/api/stats").status_code == 200


def test_robust_server_read_only_mode_refuses_every_write(db):
    with TestClient(create_app(db, Settings(api_key="k", read_only=True))) as c:
        for path in ("/api/articles", "/api/reviews", "/review-key", "/articles/x/reviews"):
            body = shape(c.post(path, json=NOT_ANALYSED, headers={"X-API-Key": "k"}), 403, "W403")
            assert "read-only" in body["error"]["message"]
        assert c.get("/api/events").status_code == 200


# --- size and rate limits, CORS, headers ----------------------------------------------------------


def test_robust_server_oversized_bodies_are_413(db):
    settings = Settings(api_key="k", max_request_bytes=10_000)
    with LiveServer(create_app(db, settings)) as live, httpx.Client(base_url=live.url) as c:
        big = {"text": "x" * 20_000}
        shape(c.post("/api/articles", json=big, headers={"X-API-Key": "k"}), 413, "W413")
        shape(c.post("/api/articles", json=big), 413, "W413")  # refused before auth

        def chunks():  # streamed, no Content-Length
            for _ in range(30):
                yield b"x" * 1000
        shape(c.post("/api/articles", content=chunks(), headers={"X-API-Key": "k",
                                                                "Content-Type": "application/json"}), 413)
        import socket

        with socket.create_connection(("127.0.0.1", live.port)) as sock:  # a lying Content-Length
            sock.sendall(b"POST /api/articles HTTP/1.1\r\nHost: x\r\nX-API-Key: k\r\n"
                         b"Content-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{}")
            sock.settimeout(10)
            reply = b""
            while b'"W413"' not in reply:  # headers and body may come in separate packets
                piece = sock.recv(4096)
                if not piece:
                    break
                reply += piece
        assert reply.startswith(b"HTTP/1.1 413") and b'"W413"' in reply
        assert c.get("/api/stats").status_code == 200  # the server is fine


def test_robust_server_rate_limit_per_key_and_address(db):
    settings = Settings(api_key="alice:ka,bob:kb", rate_limit=0.5, rate_burst=3,
                        write_rate_limit=0.5, write_rate_burst=1)
    with TestClient(create_app(db, settings)) as c:
        assert [c.get("/api/stats").status_code for _ in range(3)] == [200, 200, 200]
        r = c.get("/api/stats")
        body = shape(r, 429, "W429")
        assert int(r.headers["retry-after"]) >= 1 and "rate_limit" in body["error"]["message"]
        # a key has its own bucket, apart from the anonymous address
        assert c.get("/api/stats", headers={"X-API-Key": "ka"}).status_code == 200
        shape(c.post("/api/articles", json=NOT_ANALYSED, headers={"X-API-Key": "ka"}), 422)
        shape(c.post("/api/articles", json=NOT_ANALYSED, headers={"X-API-Key": "ka"}), 429, "W429")
        shape(c.post("/api/articles", json=NOT_ANALYSED, headers={"X-API-Key": "kb"}), 422)


def test_robust_server_cors_off_by_default_and_allow_list(db):
    origin = {"Origin": "https://evil.example"}
    with TestClient(create_app(db, Settings())) as c:
        r = c.get("/api/stats", headers=origin)
        assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
        pre = c.options("/api/articles", headers={**origin, "Access-Control-Request-Method": "POST"})
        assert "access-control-allow-origin" not in pre.headers
    with TestClient(create_app(db, Settings(cors_origins=("https://ok.example",)))) as c:
        ok = c.get("/api/stats", headers={"Origin": "https://ok.example"})
        assert ok.headers["access-control-allow-origin"] == "https://ok.example"
        assert "access-control-allow-origin" not in c.get("/api/stats", headers=origin).headers
        pre = c.options("/api/articles", headers={"Origin": "https://ok.example",
                                                  "Access-Control-Request-Method": "POST",
                                                  "Access-Control-Request-Headers": "X-API-Key"})
        assert pre.status_code == 200 and "POST" in pre.headers["access-control-allow-methods"]


def test_robust_server_security_headers(db):
    with TestClient(create_app(db, Settings())) as c:
        for path in ("/", "/api/stats", "/api/nowhere"):
            r = c.get(path, headers={"accept": "text/html"})
            assert "script-src 'self' 'nonce-" in r.headers["content-security-policy"]
            assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"


# --- SQL injection --------------------------------------------------------------------------------

INJECTIONS = ["' OR '1'='1", "'; DROP TABLE articles; --", "\" OR \"\"=\"", "1) UNION SELECT sqlite_version() --",
              "%", "_", "\\", "%' --", "RUS' AND 1=1 --", "'||(SELECT name FROM sqlite_master)||'",
              "\x00", "é' OR 1=1#", "1; ATTACH DATABASE '/tmp/x.db' AS x; --"]
API_FILTERS = {
    "/api/articles": ["q", "since", "until", "cursor"],
    "/api/quotes": ["q", "speaker", "since", "until", "cursor"],
    "/api/events": ["actor", "country", "type", "quad_class", "since", "until", "modality", "cursor"],
    "/api/actors": ["name", "kind", "country"],
    "/api/alerts": ["keys", "since", "until"],
    "/api/network": ["keys", "since", "until", "type"],
    "/api/map": ["since", "until"],
    "/api/export": ["actor", "type", "since", "until"],
    "/api/reviews": ["article_id", "author"],
}


def _db_fingerprint(db: str) -> tuple:
    con = sqlite3.connect(db)
    try:
        tables = tuple(sorted(r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")))
        counts = tuple(con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                       for t in ("articles", "events", "quotes", "actors"))
        return tables, counts
    finally:
        con.close()


@pytest.mark.parametrize("path", sorted(API_FILTERS))
def test_robust_server_sql_injection_in_every_api_filter(db, path):
    before = _db_fingerprint(db)
    with TestClient(create_app(db, Settings(rate_limit=0))) as c:
        everything = c.get(path)
        for param in API_FILTERS[path]:
            for payload in INJECTIONS:
                r = c.get(path, params={param: payload})
                assert r.status_code in (200, 422), (path, param, payload, r.status_code, r.text[:200])
                if r.status_code == 422:
                    shape(r, 422)
                elif param in ("speaker", "actor", "name") and r.headers["content-type"].startswith(
                        "application/json") and payload in ("%", "_", "' OR '1'='1"):
                    data, full = r.json(), everything.json()
                    items = data.get("items", data.get("actors"))
                    if items is not None and full.get("items", full.get("actors")):
                        assert len(items) < len(full.get("items", full.get("actors"))), (path, param, payload)
        for payload in INJECTIONS[:6]:  # path segments too
            seg = payload.replace("%", "%25").replace("#", "%23").replace("?", "%3F").replace("/", "%2F")
            for p in (f"/api/articles/{seg}", f"/api/actors/{seg}", f"/api/records/{seg}"):
                r = c.get(p)
                assert r.status_code in (404, 422), (p, r.status_code)
            r = c.get(f"/api/dyads/{seg}/UKR")
            assert r.status_code == 422 or not r.json()["series"]["points"], r.text[:300]
    assert _db_fingerprint(db) == before


@pytest.mark.parametrize("command,options", [
    ("quotes", ["--actor", "--search", "--kind", "--since"]),
    ("events", ["--actor", "--type", "--modality", "--search", "--until"]),
    ("actors", ["--actor", "--kind", "--country"]),
])
def test_robust_server_sql_injection_in_every_cli_filter(db, command, options):
    before = _db_fingerprint(db)
    for option in options:
        for payload in INJECTIONS:
            if "\x00" in payload:
                continue  # not expressible as a command-line argument
            r = CliRunner().invoke(cli_app, [command, "--db", db, option, payload, "--format", "json"], env=ENV)
            assert r.exit_code in (0, 2), (option, payload, r.output[-500:])
            assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
            if r.exit_code == 0 and payload in ("%", "_", "' OR '1'='1") and option in ("--actor", "--search"):
                import json

                assert len(json.loads(r.stdout)) == 0, (option, payload)
    assert _db_fingerprint(db) == before


# --- SSRF through POST /api/articles {"url": ...} ---------------------------------------------------------


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:{port}/secret", "http://localhost:{port}/secret", "http://[::1]:{port}/secret",
    "http://10.0.0.5/secret", "http://192.168.1.1/secret", "http://169.254.169.254/latest/meta-data/",
    "http://metadata.google.internal/computeMetadata/v1/", "http://0.0.0.0:{port}/secret",
    "http://2130706433:{port}/secret", "http://0x7f.1:{port}/secret", "http://[::ffff:127.0.0.1]:{port}/secret",
    "http://[fe80::1]/secret", "http://100.64.0.1/secret",
])
def test_robust_server_ssrf_private_addresses_refused(db, url):
    with LocalServer() as srv, TestClient(create_app(db, Settings(api_key="k"))) as c:
        srv.routes["/secret"] = (200, {"Content-Type": "text/html"}, html_page("Secret", ["internal data"]))
        body = shape(c.post("/api/articles", json={"url": url.format(port=srv.port)},
                            headers={"X-API-Key": "k"}), 422)
        assert body["error"]["code"] == "E211" and "refused" in body["error"]["message"]
        assert srv.requests == []  # nothing reached the internal server


@pytest.mark.parametrize("url,code", [("file:///etc/passwd", "E210"), ("gopher://127.0.0.1/", "E210"),
                                      ("ftp://example.com/x", "E210"), ("http:///nohost", "E210")])
def test_robust_server_ssrf_other_schemes_refused(db, url, code):
    with TestClient(create_app(db, Settings(api_key="k"))) as c:
        shape(c.post("/api/articles", json={"url": url}, headers={"X-API-Key": "k"}), 422, code)


@pytest.fixture()
def public_web(db):
    """news.test resolves to a public address (connections go to a local server through a
    NAT-like transport); evil.test resolves to private ones."""
    with LocalServer() as srv:
        srv.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n")
        dns = fake_dns({"news.test": [PUBLIC_IP], "evil.test": ["10.0.0.8"],
                        "rebind.test": [PUBLIC_IP, "127.0.0.1"], "meta.test": ["169.254.169.254"],
                        "localhost": ["127.0.0.1"]})
        fetcher = Fetcher(FetchOptions(delay=0.0, timeout=5.0, retries=0), transport=_NatTransport(srv.port),
                          resolver=dns, sleep=lambda s: None)
        web = create_app(db, Settings(api_key="k"))
        web.state.fetcher = fetcher
        with fetcher, TestClient(web) as c:
            yield srv, c


@pytest.mark.parametrize("target", ["http://evil.test/secret", "http://rebind.test/secret", "http://meta.test/",
                                    "http://127.0.0.1/secret", "http://localhost/secret",
                                    "http://169.254.169.254/latest/meta-data/", "http://[::1]/secret"])
@pytest.mark.parametrize("how", ["direct", "redirect"])
def test_robust_server_ssrf_dns_names_and_redirects(public_web, target, how):
    srv, c = public_web
    if how == "direct":
        if not target.startswith("http://evil") and not target.startswith("http://rebind") \
                and not target.startswith("http://meta"):
            pytest.skip("literal addresses: see test_robust_server_ssrf_private_addresses_refused")
        url = target
    else:
        srv.routes["/jump"] = (302, {"Location": target}, b"")
        url = f"http://news.test:{srv.port}/jump"
    body = shape(c.post("/api/articles", json={"url": url}, headers={"X-API-Key": "k"}), 422, "E211")
    assert "refused" in body["error"]["message"]
    assert "/secret" not in [p for p, _ in srv.requests]


@pytest.mark.model
def test_robust_server_public_url_still_ingested(public_web, pipeline):
    srv, c = public_web
    srv.routes["/story"] = (200, {"Content-Type": "text/html"}, html_page(
        "Talks", ["Russia and Ukraine agreed on Tuesday to hold new talks in Geneva next week, officials said.",
                  "The foreign minister told reporters that the talks would be difficult and long."]))
    with Store(c.app.state.pool.db) as store:
        before = store.stats()["articles"]
    r = c.post("/api/articles", json={"url": f"http://news.test:{srv.port}/story"}, headers={"X-API-Key": "k"})
    assert r.status_code == 201, r.text
    with Store(c.app.state.pool.db) as store:
        assert store.stats()["articles"] == before + 1
