"""Polite, guarded HTTP fetching (httpx) for URLs and feeds.

What the :class:`Fetcher` does for every request:

* **refuses private addresses**: the host is resolved and *every* address it resolves to is
  checked (loopback, private, link-local, cloud metadata such as ``169.254.169.254``,
  carrier-grade NAT, multicast, reserved, unspecified, IPv4-mapped IPv6 forms of these); the
  connection then goes to the checked address (the resolution is pinned, so a second DNS
  answer cannot swap in a private address). Redirects are followed by hand, one hop at a
  time, and each hop is checked again. ``allow_private=True`` (``--allow-private``) lifts
  this, e.g. for a local test server.
* only ``http``/``https``; a redirect limit; a timeout; a size cap (on the decoded body,
  checked while streaming); an allowed content-type list; charset detection
  (:mod:`communique.ingest.charset`);
* a clear user agent; robots.txt respected (cached per host, ``Crawl-delay`` honoured);
* a per-host minimum interval between requests; retries with exponential backoff on
  connection errors, timeouts, 429 and 5xx (``Retry-After`` honoured, capped).

Library code: no printing; problems are raised as :class:`FetchError` subclasses (which are
``InputError``s, so a batch records them as skips and goes on).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from ..config import Settings
from ..errors import InputError
from . import charset as _charset

log = logging.getLogger(__name__)

USER_AGENT = ("communique/0.1 (+https://github.com/communique/communique; "
              "news analysis for research; respects robots.txt)")
ROBOTS_AGENT = "communique"

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml")
TEXT_TYPES = ("text/plain",)
ARTICLE_TYPES = HTML_TYPES + TEXT_TYPES
ANY_TYPE: tuple[str, ...] = ()

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254",   # AWS, GCP, Azure, OpenStack, DigitalOcean
    "169.254.170.2",     # AWS ECS task metadata
    "100.100.100.200",   # Alibaba Cloud
    "fd00:ec2::254",     # AWS IPv6
))
METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata", "instance-data",
                            "instance-data.ec2.internal"})
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


class FetchError(InputError):
    """A URL could not be fetched (network error, status, type, size, ...)."""

    code = "E210"


class BlockedAddressError(FetchError):
    """The URL points at (or redirects to) a private, loopback, link-local or metadata address."""

    code = "E211"


class RobotsDisallowedError(FetchError):
    """robots.txt of the host disallows the URL for our user agent."""

    code = "E212"


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 20.0
    max_redirects: int = 5
    max_bytes: int = 5_000_000
    user_agent: str = USER_AGENT
    allow_private: bool = False
    respect_robots: bool = True
    delay: float = 1.0            # minimum seconds between two requests to one host
    retries: int = 2
    backoff: float = 0.5          # first retry waits this long, then doubles
    max_backoff: float = 30.0
    max_crawl_delay: float = 30.0

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchOptions:
        return cls(timeout=settings.fetch_timeout, max_bytes=settings.fetch_max_bytes,
                   allow_private=settings.allow_private, respect_robots=settings.respect_robots,
                   delay=settings.fetch_delay, retries=settings.fetch_retries)


@dataclass(frozen=True)
class FetchResult:
    url: str                      # the URL asked for
    final_url: str                # after redirects
    status: int
    content_type: str             # media type only, lower case ("text/html")
    content: bytes
    charset: str
    redirects: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def text(self) -> str:
        return self.content.decode(self.charset, errors="replace").removeprefix("\ufeff")


# --- address checks ----------------------------------------------------------------------


def blocked_reason(address: str | ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an IP address must not be fetched from, or None when it is a public address."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip.sixtofour is not None:
            ip = ip.sixtofour
    if ip in METADATA_ADDRESSES:
        return "cloud metadata address"
    if ip.is_loopback:
        return "loopback address"
    if ip.is_link_local:
        return "link-local address"
    if ip.is_unspecified:
        return "unspecified address"
    if ip.is_multicast:
        return "multicast address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "shared (carrier-grade NAT) address"
    if ip.is_reserved:
        return "reserved address"
    if ip.is_private:
        return "private address"
    if not ip.is_global:
        return "non-global address"
    return None


Resolver = Callable[..., list]


def resolve_host(host: str, port: int, resolver: Resolver = socket.getaddrinfo) -> list[str]:
    """All addresses ``host`` resolves to (IP literals resolve to themselves)."""
    try:
        return [ipaddress.ip_address(host.strip("[]")).compressed]
    except ValueError:
        pass
    try:
        infos = resolver(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}", host=host) from exc
    seen: list[str] = []
    for info in infos:
        addr = info[4][0].split("%", 1)[0]  # drop an IPv6 zone id
        if addr not in seen:
            seen.append(addr)
    if not seen:
        raise FetchError(f"host {host!r} resolves to no address", host=host)
    return seen


def check_url(url: str, *, allow_private: bool = False,
              resolver: Resolver = socket.getaddrinfo) -> list[str]:
    """Check scheme and addresses of ``url``; return the addresses it may be fetched from.

    Raises :class:`BlockedAddressError` when any address the host resolves to is not public
    (unless ``allow_private``), :class:`FetchError` for a bad scheme or unresolvable host.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs can be fetched", url=url)
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise FetchError(f"{url}: URL has no host", url=url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"{url}: bad port", url=url) from exc
    if allow_private:
        return []
    if host in METADATA_HOSTS or host.endswith(".internal"):
        raise BlockedAddressError(f"{url}: refused: {host} is a cloud metadata host "
                                  f"(use --allow-private to fetch from private addresses)",
                                  url=url, host=host)
    addresses = resolve_host(host, port, resolver)
    for addr in addresses:
        reason = blocked_reason(addr)
        if reason:
            raise BlockedAddressError(f"{url}: refused: {host} resolves to {addr}, a {reason} "
                                      f"(use --allow-private to fetch from private addresses)",
                                      url=url, host=host, address=addr)
    return addresses


# --- politeness ------------------------------------------------------------------------------


class HostRateLimiter:
    """At most one request per ``delay`` seconds to each host (thread-safe)."""

    def __init__(self, delay: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.delay = delay
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._extra: dict[str, float] = {}
        self._lock = threading.Lock()

    def set_host_delay(self, host: str, delay: float) -> None:
        """A longer interval for one host (robots.txt ``Crawl-delay``)."""
        with self._lock:
            self._extra[host] = delay

    def wait(self, host: str) -> float:
        """Block until a request to ``host`` is allowed; return the seconds waited."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + max(self.delay, self._extra.get(host, 0.0))
        waited = start - now
        if waited > 0:
            self._sleep(waited)
        return waited


# --- the fetcher -----------------------------------------------------------------------------


class Fetcher:
    """Fetch URLs politely and safely; reuse one instance for many URLs (keeps connections,
    robots.txt and per-host timing)."""

    def __init__(self, options: FetchOptions | None = None, *,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic,
                 resolver: Resolver = socket.getaddrinfo,
                 transport=None) -> None:
        import httpx

        self.options = options or FetchOptions()
        self._httpx = httpx
        self._sleep = sleep
        self._resolver = resolver
        self.limiter = HostRateLimiter(self.options.delay, clock=clock, sleep=sleep)
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._robots_lock = threading.Lock()
        self.client = httpx.Client(
            timeout=httpx.Timeout(self.options.timeout),
            follow_redirects=False,
            headers={"User-Agent": self.options.user_agent,
                     "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                               "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,"
                               "*/*;q=0.1"},
            transport=transport,
            trust_env=False,  # no proxies from the environment: they would skip the address checks
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # public ---------------------------------------------------------------------------------

    def fetch(self, url: str, *, accept: Iterable[str] = ARTICLE_TYPES) -> FetchResult:
        """GET ``url`` following redirects (each hop checked); the body must be one of the
        ``accept`` media types (empty: any)."""
        accept = tuple(accept)
        redirects: list[str] = []
        current = url
        for _hop in range(self.options.max_redirects + 1):
            check_url(current, allow_private=self.options.allow_private, resolver=self._resolver)
            if self.options.respect_robots and not self.allowed_by_robots(current):
                raise RobotsDisallowedError(f"{current}: disallowed by robots.txt", url=current)
            status, headers, body = self._get(current)
            if status in REDIRECT_STATUSES and headers.get("location"):
                target = urljoin(current, headers["location"].strip())
                log.debug("redirect %s -> %s", current, target)
                redirects.append(target)
                current = target
                continue
            if status >= 400:
                raise FetchError(f"{current}: HTTP {status}", url=current, status=status)
            ctype_header = headers.get("content-type", "")
            media = ctype_header.split(";", 1)[0].strip().lower()
            if not media:
                media = _sniff_media(body)
            if accept and media not in accept:
                raise FetchError(f"{current}: content type {media or 'unknown'!r} is not one of "
                                 f"{', '.join(accept)}", url=current, content_type=media)
            return FetchResult(url=url, final_url=current, status=status, content_type=media,
                               content=body, charset=_charset.detect_charset(body, ctype_header),
                               redirects=tuple(redirects), headers=dict(headers))
        raise FetchError(f"{url}: more than {self.options.max_redirects} redirects", url=url)

    def allowed_by_robots(self, url: str) -> bool:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc.lower()}"
        with self._robots_lock:
            if key not in self._robots:
                self._robots[key] = self._load_robots(key)
                parser = self._robots[key]
                delay = parser.crawl_delay(self.options.user_agent) if parser else None
                if delay:
                    self.limiter.set_host_delay(parts.netloc.lower(),
                                                min(float(delay), self.options.max_crawl_delay))
            parser = self._robots[key]
        if parser is None:
            return True
        return parser.can_fetch(self.options.user_agent, url)

    # internals ------------------------------------------------------------------------------

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """RFC 9309: 2xx parsed; 401/403 -> nothing allowed; other 4xx -> everything allowed;
        5xx or unreachable -> nothing allowed. None means "no rules"."""
        robots_url = origin + "/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            current = robots_url
            for _ in range(self.options.max_redirects + 1):
                status, headers, body = self._get(current, max_bytes=512_000)
                if status in REDIRECT_STATUSES and headers.get("location"):
                    current = urljoin(current, headers["location"].strip())
                    continue
                break
        except BlockedAddressError:
            raise
        except FetchError as exc:
            log.info("robots.txt of %s unreachable (%s): treating the host as disallowed",
                     origin, exc.message)
            parser.disallow_all = True  # type: ignore[attr-defined]  # RobotFileParser's own flag
            return parser
        if status in (401, 403) or status >= 500:
            parser.disallow_all = True  # type: ignore[attr-defined]
            return parser
        if status >= 400 or status in REDIRECT_STATUSES:
            return None
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser

    def _get(self, url: str, *, max_bytes: int | None = None) -> tuple[int, dict[str, str], bytes]:
        """One GET without following redirects, with retries; returns status, headers, body."""
        httpx = self._httpx
        opts = self.options
        attempt = 0
        while True:
            addresses = check_url(url, allow_private=opts.allow_private, resolver=self._resolver)
            host = (urlsplit(url).netloc or "").lower()
            self.limiter.wait(host)
            try:
                status, headers, body = self._send(url, addresses, max_bytes or opts.max_bytes)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                if attempt >= opts.retries:
                    raise FetchError(f"{url}: {type(exc).__name__}: {exc or 'network error'} "
                                     f"(after {attempt + 1} attempts)", url=url) from exc
                wait = self._backoff(attempt, None)
                log.info("retrying %s in %.1fs after %s", url, wait, type(exc).__name__)
            else:
                if status not in RETRY_STATUSES or attempt >= opts.retries:
                    return status, headers, body
                wait = self._backoff(attempt, headers.get("retry-after"))
                log.info("retrying %s in %.1fs after HTTP %d", url, wait, status)
            attempt += 1
            self._sleep(wait)

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        wait = self.options.backoff * (2 ** attempt)
        if retry_after:
            try:
                wait = max(wait, float(retry_after))
            except ValueError:
                pass  # an HTTP date: keep the exponential wait
        return min(wait, self.options.max_backoff)

    def _send(self, url: str, addresses: list[str], max_bytes: int) -> tuple[int, dict[str, str], bytes]:
        httpx = self._httpx
        target = httpx.URL(url)
        headers: dict[str, str] = {}
        extensions: dict[str, object] = {}
        if addresses:  # pin the connection to the address that was checked
            headers["Host"] = target.netloc.decode("ascii")
            if target.scheme == "https":
                extensions["sni_hostname"] = target.host
            target = target.copy_with(host=addresses[0])
        request = self.client.build_request("GET", target, headers=headers, extensions=extensions)
        response = self.client.send(request, stream=True)
        try:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"{url}: response of {declared} bytes is over the size cap of "
                                 f"{max_bytes} bytes", url=url, size=declared)
            chunks: list[bytes] = []
            size = 0
            if response.status_code not in REDIRECT_STATUSES:
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(f"{url}: response is over the size cap of {max_bytes} "
                                         f"bytes", url=url)
                    chunks.append(chunk)
            return (response.status_code, {k.lower(): v for k, v in response.headers.items()},
                    b"".join(chunks))
        finally:
            response.close()


def article_from_result(result: FetchResult, *, published=None, **metadata: str | None):
    """An :class:`~communique.models.Article` from a fetched page (HTML through trafilatura,
    plain text as is); explicit metadata (e.g. from a feed item) wins over the page's."""
    from .article import make_article
    from .html import html_article

    text = result.text
    if result.content_type in TEXT_TYPES:
        if not text.strip():
            raise FetchError(f"{result.final_url}: empty page", url=result.final_url)
        return make_article(text, url=result.final_url, published=published,
                            title=metadata.get("title"), source=metadata.get("source"),
                            author=metadata.get("author"))
    return html_article(text, source_name=result.final_url, url=result.final_url,
                        published=published, **metadata)


def fetch_article(url: str, fetcher: Fetcher, *, published=None, **metadata: str | None):
    """Fetch ``url`` and extract its article."""
    return article_from_result(fetcher.fetch(url, accept=ARTICLE_TYPES), published=published,
                               **metadata)


def _sniff_media(body: bytes) -> str:
    head = body[:512].lstrip().lower()
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        return "application/xml"
    if head.startswith(b"<"):
        return "text/html"
    return ""


@lru_cache(maxsize=8)
def _shared_fetcher(options: FetchOptions) -> Fetcher:
    return Fetcher(options)


def fetcher_for(settings: Settings) -> Fetcher:
    """The process-wide fetcher for these settings (per-host timing and robots.txt shared)."""
    return _shared_fetcher(FetchOptions.from_settings(settings))


__all__ = ["Fetcher", "FetchOptions", "FetchResult", "FetchError", "BlockedAddressError",
           "RobotsDisallowedError", "check_url", "blocked_reason", "resolve_host",
           "HostRateLimiter", "fetcher_for", "fetch_article", "article_from_result", "USER_AGENT", "HTML_TYPES",
           "FEED_TYPES",
           "ARTICLE_TYPES"]
