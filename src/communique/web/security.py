"""Server hardening for ``communique serve`` (see docs/security.md).

:func:`install_security` adds, in front of every route:

* **API keys**: keys of the ``api_key`` setting (``"KEY"`` or ``"alice:KEY1,bob:KEY2"``,
  compared in constant time) and keys created with ``communique keys create NAME`` (stored
  hashed, :mod:`communique.store.keys`). Writes (POST) need one; without any key configured
  writing over HTTP is off. Stored keys are looked up at most every few seconds per key
  (``KEY_CACHE_SECONDS``): a revoked key stops working within that time.
* **read-only mode** (setting ``read_only``): every POST/PUT/PATCH/DELETE is refused (403).
* **request size limit** (``max_request_bytes``): a body over it is refused with 413 before
  any route sees it (declared ``Content-Length`` checked first, streamed bodies counted).
* **rate limits**: a token bucket per API key name, or per client address without a valid
  key (``rate_limit`` requests/s, ``rate_burst``), and a second one for writes
  (``write_rate_limit``, ``write_rate_burst``); a client without a valid key also takes from
  a stricter bucket per address (``anonymous_rate_limit``, ``anonymous_rate_burst``), where
  an analytics read (home, dyad series, alerts, network, map, charts, export:
  :data:`HEAVY_PATHS`, :data:`HEAVY_PAGES`) costs
  ``heavy_read_cost`` tokens and static files cost none; over a limit: 429 with
  ``Retry-After``. ``rate_limit = 0`` turns every read limit off.
* **CORS** is off unless ``cors_origins`` lists the origins allowed (then GET/POST with the
  ``X-API-Key`` and ``Content-Type`` headers, no credentials).
* **security headers** on every response: a Content-Security-Policy that allows scripts
  only from this server and with the per-request nonce (``request.state.csp_nonce``),
  ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY``, ``Referrer-Policy``.

Errors use the one JSON error shape of the API (``{"error": {...}, "status": N}``).
"""

from __future__ import annotations

import hmac
import json
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from ..config import Settings
from ..errors import CommuniqueError
from .reviews import COOKIE, Unauthorized, WritingDisabled, api_keys

KEY_CACHE_SECONDS = 5.0
MAX_TRACKED = 10_000  # rate-limit buckets and cached key lookups kept at most (oldest dropped)
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
HEAVY_PATHS = ("/api/dyads/", "/api/alerts", "/api/network", "/api/map", "/api/export", "/api/charts/",
               "/dyads/", "/alerts", "/network", "/map")  # reads that aggregate or scan many rows
HEAVY_PAGES = frozenset({"/", "/api/stats"})  # the situation room home and its twin


class ReadOnlyMode(CommuniqueError):
    code = "W403"
    status = 403


class PayloadTooLarge(CommuniqueError):
    code = "W413"
    status = 413


class RateLimited(CommuniqueError):
    code = "W429"
    status = 429


# --- rate limiting ----------------------------------------------------------------------------


class TokenBucket:
    """Per-identity token buckets: ``rate`` tokens per second up to ``burst`` (thread-safe;
    at most ``MAX_TRACKED`` identities, the least recently seen dropped first)."""

    def __init__(self, rate: float, burst: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = float(burst)
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, identity: str, cost: float = 1.0) -> float:
        """Take ``cost`` tokens; returns 0.0 when allowed, else the seconds until it would be."""
        if self.rate <= 0:
            return 0.0
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.pop(identity, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            wait = 0.0
            if tokens >= cost:
                tokens -= cost
            else:
                wait = (cost - tokens) / self.rate
            self._buckets[identity] = (tokens, now)
            while len(self._buckets) > MAX_TRACKED:
                self._buckets.popitem(last=False)
        return wait


# --- keys ---------------------------------------------------------------------------------------


class Authenticator:
    """Who holds a key: settings keys first, then keys stored hashed in the database."""

    def __init__(self, settings: Settings, checkout: Callable[[], Any]) -> None:
        self.settings = settings
        self._checkout = checkout  # () -> context manager giving a store for exclusive use
        self._settings_keys = api_keys(settings)
        self._cache: OrderedDict[str, tuple[str | None, float]] = OrderedDict()
        self._any: tuple[bool, float] | None = None
        self._lock = threading.Lock()

    def _with_keys(self, fn):
        from ..store.keys import ApiKeys

        with self._checkout() as store:
            return fn(ApiKeys(store))

    def name_for(self, given: str | None) -> str | None:
        """The name of a valid key (None: missing, wrong or revoked)."""
        if not given or len(given) > 512:
            return None
        found = None
        for secret, name in self._settings_keys.items():
            if hmac.compare_digest(secret.encode("utf-8", "surrogatepass"),
                                   given.encode("utf-8", "surrogatepass")):
                found = name
        if found is not None:
            return found
        from ..store.keys import hash_key

        h = hash_key(given)
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(h)
        if hit is not None and hit[1] > now:
            return hit[0]
        name = self._with_keys(lambda k: k.lookup(given))
        with self._lock:
            self._cache[h] = (name, now + KEY_CACHE_SECONDS)
            self._cache.move_to_end(h)
            while len(self._cache) > MAX_TRACKED:
                self._cache.popitem(last=False)
        return name

    def writing_enabled(self) -> bool:
        """Writing over HTTP is possible: not read-only and some key is configured."""
        if self.settings.read_only:
            return False
        if self._settings_keys:
            return True
        now = time.monotonic()
        if self._any is None or self._any[1] <= now:
            self._any = (self._with_keys(lambda k: k.any_active()), now + KEY_CACHE_SECONDS)
        return self._any[0]

    def require(self, given: str | None) -> str:
        """The author name for a write with key ``given``; raises the right 4xx error."""
        if self.settings.read_only:
            raise ReadOnlyMode("the server is in read-only mode (setting read_only)")
        if not self.writing_enabled():
            raise WritingDisabled("writing over HTTP is disabled: create a key with "
                                  "`communique keys create NAME` or set api_key")
        name = self.name_for(given)
        if name is None:
            raise Unauthorized("missing or wrong API key (X-API-Key header or reviewer key)")
        return name


# --- the middleware -----------------------------------------------------------------------------


def _error(exc: CommuniqueError, headers: dict[str, str] | None = None) -> tuple[int, bytes, dict[str, str]]:
    d = exc.to_dict()
    status = exc.status  # type: ignore[attr-defined]
    body = {"error": {"code": d["code"], "type": d["type"], "message": d["message"],
                      "details": d["details"]}, "status": status}
    return status, json.dumps(body).encode("utf-8"), headers or {}


def _csp(nonce: str) -> str:
    return ("default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            "form-action 'self'")


class SecurityMiddleware:
    """Pure ASGI middleware: read-only mode, body size limit, rate limits, security headers."""

    def __init__(self, app, settings: Settings, auth: Authenticator) -> None:
        self.app = app
        self.settings = settings
        self.auth = auth
        self.reads = TokenBucket(settings.rate_limit, settings.rate_burst)
        self.writes = TokenBucket(settings.write_rate_limit, settings.write_rate_burst)
        self.anonymous = TokenBucket(settings.anonymous_rate_limit, settings.anonymous_rate_burst)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["csp_nonce"] = nonce
        extra = [(b"content-security-policy", _csp(nonce).encode()),
                 (b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                 (b"referrer-policy", b"same-origin")]

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        refused = await self._check(scope)
        if refused is None:
            body, refused = await self._read_body(scope, receive)
            if refused is None:
                await self.app(scope, _replay(body, receive) if body is not None else receive,
                               send_with_headers)
                return
        status, payload, headers = refused
        await send_with_headers({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
            *((k.lower().encode(), v.encode()) for k, v in headers.items())]})
        await send_with_headers({"type": "http.response.body", "body": payload})

    async def _check(self, scope) -> tuple[int, bytes, dict[str, str]] | None:
        from starlette.concurrency import run_in_threadpool

        method = scope["method"].upper()
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        write = method in WRITE_METHODS
        if write and self.settings.read_only:
            return _error(ReadOnlyMode("the server is in read-only mode (setting read_only)"))
        declared = headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.settings.max_request_bytes):
            return _error(PayloadTooLarge(f"request body over the limit of {self.settings.max_request_bytes} "
                                          f"bytes (setting max_request_bytes)"))
        if self.settings.rate_limit <= 0 and (not write or self.settings.write_rate_limit <= 0):
            return None
        key = headers.get("x-api-key") or _cookie(headers.get("cookie", ""), COOKIE)
        name = await run_in_threadpool(self.auth.name_for, key) if key else None
        client = scope.get("client") or ("unknown", 0)
        identity = f"key:{name}" if name else f"addr:{client[0]}"
        wait = self.reads.take(identity)
        if not wait and write:
            wait = self.writes.take(identity)
        limits = "settings rate_limit, write_rate_limit"
        if not wait and name is None and not write and self.settings.rate_limit > 0:
            cost = read_cost(scope.get("path", ""), self.settings)
            wait = self.anonymous.take(identity, cost) if cost else 0.0
            limits = "settings anonymous_rate_limit, heavy_read_cost: send an API key for more"
        if wait:
            retry = str(max(1, int(wait + 0.999)))
            return _error(RateLimited(f"too many requests for {identity.split(':', 1)[0]} "
                                      f"{name or client[0]}: retry in {retry} s ({limits})",
                                      retry_after=retry), {"Retry-After": retry})
        return None

    async def _read_body(self, scope, receive) -> tuple[list | None, tuple | None]:
        """Buffer a write's body (at most ``max_request_bytes``), so an oversized streamed
        body is refused before the route runs."""
        if scope["method"].upper() not in WRITE_METHODS:
            return None, None
        limit = self.settings.max_request_bytes
        messages = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > limit:
                return None, _error(PayloadTooLarge(f"request body over the limit of {limit} bytes "
                                                    f"(setting max_request_bytes)"))
            if not message.get("more_body", False):
                break
        return messages, None


def read_cost(path: str, settings: Settings) -> int:
    """Tokens an anonymous read of ``path`` takes: 0 for static files, ``heavy_read_cost``
    for the analytics routes, else 1."""
    if path.startswith("/static/"):
        return 0
    if path.startswith(HEAVY_PATHS) or path in HEAVY_PAGES:
        return settings.heavy_read_cost
    return 1


def _replay(messages: list, receive):
    pending = list(messages)

    async def replay():
        if pending:
            return pending.pop(0)
        return await receive()
    return replay


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        k, _, v = part.strip().partition("=")
        if k == name:
            return v.strip('"') or None
    return None


def install_security(app, settings: Settings, checkout: Callable[[], Any]) -> Authenticator:
    """Add the middleware (and CORS when ``cors_origins`` is set); return the authenticator,
    also kept as ``app.state.auth``. ``checkout()``: a context manager lending a store."""
    auth = Authenticator(settings, checkout)
    app.state.auth = auth
    app.add_middleware(SecurityMiddleware, settings=settings, auth=auth)
    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["X-API-Key", "Content-Type"],
                           allow_credentials=False, max_age=600)
    return auth


__all__ = ["install_security", "Authenticator", "SecurityMiddleware", "TokenBucket", "ReadOnlyMode",
           "PayloadTooLarge", "RateLimited", "KEY_CACHE_SECONDS", "HEAVY_PATHS", "HEAVY_PAGES",
           "read_cost"]
