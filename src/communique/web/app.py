"""The FastAPI app: a JSON API under ``/api`` and server-rendered pages, one view
function behind each pair (``/events`` and ``/api/events`` give the same data).

Errors have one JSON shape everywhere under ``/api`` (and for any non-HTML client)::

    {"error": {"code": "W404", "type": "NotFound", "message": "...", "details": {...}},
     "status": 404}

Lists are newest first with stable keyset cursors: pass ``next_cursor`` back as ``cursor``.
"""

from __future__ import annotations

import gc
import json
import logging
import threading
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..analysis.situation import country_name
from ..config import Settings
from ..errors import CommuniqueError, InputError
from ..models import MODALITIES
from ..ontology import plover_types
from . import situation_views, views
from .highlight import quoted
from .params import Evidence, Limit, QuadClass
from .situation_routes import register_situation_routes
from .svg import home_charts, network_chart, quad_bars, series_chart, world_map

log = logging.getLogger(__name__)
HERE = Path(__file__).parent


from .reviews import register_review_routes, reviewer  # noqa: E402


class StorePool:
    """One store connection per worker thread (SQLite WAL readers run in parallel)."""

    def __init__(self, db: str) -> None:
        from ..store import open_store

        self.db = db
        self._all: list[Any] = []
        self._lock = threading.Lock()
        self._factory = open_store
        self._idle: list[Any] = []
        self.release(self.acquire())  # open (and migrate) once up front

    def acquire(self):
        """A store no other request uses until :meth:`release` (FastAPI runs a sync
        dependency and its route in different threads, so a thread-local store could serve
        two requests at once)."""
        with self._lock:
            if self._idle:
                return self._idle.pop()
        s = self._factory(self.db)
        with self._lock:
            self._all.append(s)
        return s

    def release(self, s) -> None:
        with self._lock:
            self._idle.append(s)

    @contextmanager
    def checkout(self):
        s = self.acquire()
        try:
            yield s
        finally:
            self.release(s)

    def close(self) -> None:
        with self._lock:
            for s in self._all:
                try:
                    s.close()
                except Exception:  # noqa: BLE001 - closing other threads' connections
                    log.debug("closing a store failed", exc_info=True)
            self._all.clear()


class ArticleIn(BaseModel):
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None


def _json(data: Any) -> Response:
    """A view's dict as a JSON response, skipping FastAPI's ``jsonable_encoder`` pass (the
    views already return JSON types; the pass cost more than the query on big pages)."""
    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str),
                    media_type="application/json")


def _error_body(code: str, type_: str, message: str, status: int, details: dict | None = None) -> dict:
    return {"error": {"code": code, "type": type_, "message": message, "details": details or {}},
            "status": status}


def create_app(db: str, settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.load()
    pool = StorePool(str(db))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        # What is loaded by now (modules, reference data: ~250,000 objects) lives as long as
        # the server: out of the collector's sight, a full collection no longer stalls a
        # request for 0.2-0.3 s (bench/bench_pages.py, 1M-event store: 7-10 ms).
        gc.freeze()
        yield
        pool.close()

    app = FastAPI(lifespan=lifespan, title="communique", version=__version__,
                  description="Quotes with speakers and PLOVER/CAMEO events from news, "
                              "with dyad time series, escalation alerts and evidence.",
                  docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.pool = pool
    from .security import install_security

    install_security(app, settings, pool.checkout)  # keys, read-only, size and rate limits, CORS, CSP
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["version"] = __version__
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    templates.env.filters["quoted"] = quoted
    templates.env.filters["country_name"] = country_name

    def store():
        with pool.checkout() as s:  # one request per connection at a time
            yield s

    ingest_lock = threading.Lock()

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")

    def error_response(request: Request, status: int, body: dict) -> Response:
        if wants_html(request):
            return templates.TemplateResponse(request, "error.html", {"e": body["error"], "status": status,
                                                                      "twin": None}, status_code=status)
        return JSONResponse(body, status_code=status)

    @app.exception_handler(CommuniqueError)
    async def _communique_error(request: Request, exc: CommuniqueError):
        status = getattr(exc, "status", None) or (422 if isinstance(exc, InputError) else 500)
        d = exc.to_dict()
        return error_response(request, status, _error_body(d["code"], d["type"], d["message"], status,
                                                           d["details"]))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        names = {404: "NotFound", 405: "MethodNotAllowed"}
        return error_response(request, exc.status_code, _error_body(
            f"W{exc.status_code}", names.get(exc.status_code, "HTTPError"), str(exc.detail), exc.status_code))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        details = {".".join(str(x) for x in e.get("loc", ())): e.get("msg", "") for e in exc.errors()}
        return error_response(request, 422, _error_body("W422", "BadRequest", "invalid request", 422, details))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, _error_body("W500", type(exc).__name__, "internal error", 500))

    def page(request: Request, template: str, data: dict[str, Any], **extra: Any) -> HTMLResponse:
        twin = "/api" + request.url.path + (("?" + request.url.query) if request.url.query else "")
        if request.url.path == "/":
            twin = "/api/stats" + (("?" + request.url.query) if request.url.query else "")
        return templates.TemplateResponse(request, template, {"d": data, "twin": twin, **extra})

    # --- JSON API -------------------------------------------------------------------------

    @app.get("/api/stats", tags=["read"])
    def api_stats(days: int = 90, raw: bool = False, s=Depends(store)):
        return _json(situation_views.home_view(s, settings, days=days, raw=raw))

    @app.get("/api/articles", tags=["read"])
    def api_articles(q: str | None = None, since: str | None = None, until: str | None = None,
                     cursor: str | None = None, limit: Limit = None, s=Depends(store)):
        return _json(views.articles_view(s, settings, q=q, since=since, until=until, cursor=cursor,
                                         limit=limit))

    @app.get("/api/articles/{article_id}", tags=["read"])
    def api_article(article_id: str, raw: bool = False, s=Depends(store)):
        return _json(views.article_view(s, settings, article_id, raw=raw))

    @app.post("/api/articles", tags=["write"], status_code=201)
    def api_post_article(body: ArticleIn, x_api_key: str | None = Header(None), s=Depends(store)):
        app.state.auth.require(x_api_key)
        try:
            article = _article_from(body, settings, getattr(app.state, "fetcher", None))
        except InputError as exc:  # recorded as ``ingest`` records an unreadable input
            s.record_skip(body.url or "POST /api/articles", exc.message, exc.code)
            raise
        with ingest_lock:  # one clusterer for the app: its posts go in one at a time
            outcome = _ingest_service(app, s, settings).add(article)  # refused: recorded, 422
        analysis = outcome.analysis or s.get(article.id)
        return {"id": article.id, "created": outcome.status == "new", "story_id": outcome.story_id,
                "quotes": len(analysis.quotes), "events": len(analysis.events),
                "url": f"/articles/{article.id}"}

    @app.get("/api/quotes", tags=["read"])
    def api_quotes(q: str | None = None, speaker: str | None = None, since: str | None = None,
                   until: str | None = None, cursor: str | None = None,
                   limit: Limit = None, raw: bool = False, s=Depends(store)):
        return _json(views.quotes_view(s, settings, q=q, speaker=speaker, since=since, until=until,
                                       cursor=cursor, limit=limit, raw=raw))

    @app.get("/api/events", tags=["read"])
    def api_events(actor: str | None = None, country: str | None = None, type: str | None = None,
                   quad_class: str | None = None, since: str | None = None, until: str | None = None,
                   modality: str | None = None, q: str | None = None, cursor: str | None = None,
                   limit: Limit = None, raw: bool = False, s=Depends(store)):
        return _json(views.events_view(s, settings, actor=actor, country=country, type=type,
                                       quad_class=quad_class, since=since, until=until, modality=modality,
                                       q=q, cursor=cursor, limit=limit, raw=raw))

    @app.get("/api/records/{record_id}", tags=["read"])
    def api_record(record_id: str, s=Depends(store)):
        return _json(views.record_view(s, settings, record_id))

    @app.get("/api/actors", tags=["read"])
    def api_actors(name: str | None = None, kind: str | None = None, country: str | None = None,
                   limit: Limit = None, page: int = Query(1, ge=1), s=Depends(store)):
        return _json(situation_views.actors_view(s, settings, name=name, kind=kind, country=country,
                                                 page=page, limit=limit))

    @app.get("/api/actors/{actor_id}", tags=["read"])
    def api_actor(actor_id: str, s=Depends(store)):
        return _json(situation_views.actor_view(s, settings, actor_id))

    @app.get("/api/dyads/{source}/{target}", tags=["analytics"])
    def api_dyad(source: str, target: str, period: str = "week", directed: bool = True,
                 since: str | None = None, until: str | None = None, raw: bool = False,
                 evidence: Evidence = None,
                 s=Depends(store)):
        return _json(views.dyad_view(s, settings, source, target, period=period, directed=directed,
                                     since=since, until=until, raw=raw, evidence=evidence))

    @app.get("/api/alerts", tags=["analytics"])
    def api_alerts(keys: str = "country", since: str | None = None, until: str | None = None,
                   weeks: str | None = None, raw: bool = False, s=Depends(store)):
        return _json(situation_views.alerts_view(s, settings, keys=keys, since=since, until=until, weeks=weeks,
                                                 raw=raw))

    @app.get("/api/network", tags=["analytics"])
    def api_network(keys: str = "country", since: str | None = None, until: str | None = None,
                    type: str | None = None, quad_class: QuadClass = None,
                    raw: bool = False, s=Depends(store)):
        return _json(views.network_view(s, settings, keys=keys, since=since, until=until, type=type,
                                        quad_class=quad_class, raw=raw))

    @app.get("/api/map", tags=["analytics"])
    def api_map(since: str | None = None, until: str | None = None, days: str | None = None,
                region: str | None = None, bbox: str | None = None, metric: str = "events",
                place: str | None = None, raw: bool = False, s=Depends(store)):
        return _json(situation_views.map_view(s, settings, since=since, until=until, days=days, region=region,
                                              bbox=bbox, metric=metric, place=place, raw=raw))

    @app.get("/api/export", tags=["analytics"])
    def api_export(table: str = Query("plover", pattern="^(plover|gdelt)$"),
                   format: str = Query("csv", pattern="^(csv|tsv|jsonl|parquet)$"),
                   actor: str | None = None, type: str | None = None, since: str | None = None,
                   until: str | None = None, raw: bool = False):
        chunks, media, name = views.export_view(pool.checkout, table=table, format=format, actor=actor,
                                                type=type, since=since, until=until, raw=raw)
        return StreamingResponse(chunks, media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    register_review_routes(app, settings, store)
    register_situation_routes(app, settings, store, page, _json)

    # --- pages ------------------------------------------------------------------------------

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        """The OpenAPI reference rendered server-side (no CDN scripts); raw at /openapi.json."""
        spec = app.openapi()
        ops = [{"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                "tags": op.get("tags", []), "params": op.get("parameters", []),
                "body": "requestBody" in op}
               for path, item in spec["paths"].items() for method, op in item.items()]
        return templates.TemplateResponse(request, "docs.html", {"ops": ops, "twin": "/openapi.json",
                                                                 "spec": spec})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, days: int = 90, raw: bool = False, s=Depends(store)):
        d = situation_views.home_view(s, settings, days=days, raw=raw)
        return page(request, "home.html", d, charts=home_charts(d))

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, q: str | None = None, since: str | None = None,
                      until: str | None = None, cursor: str | None = None, s=Depends(store)):
        return page(request, "articles.html", views.articles_view(s, settings, q=q, since=since,
                                                                   until=until, cursor=cursor))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str, raw: bool = False, s=Depends(store)):
        d = views.article_view(s, settings, article_id, raw=raw)
        return page(request, "article.html", d, reviewer=reviewer(settings, request),
                    writable=app.state.auth.writing_enabled(), plover_types=tuple(plover_types()),
                    modalities=MODALITIES)

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, q: str | None = None, speaker: str | None = None,
                    since: str | None = None, until: str | None = None, cursor: str | None = None,
                    raw: bool = False, s=Depends(store)):
        return page(request, "quotes.html", views.quotes_view(s, settings, q=q, speaker=speaker,
                                                               since=since, until=until, cursor=cursor,
                                                               raw=raw))

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, actor: str | None = None, country: str | None = None,
                    type: str | None = None, quad_class: str | None = None, since: str | None = None,
                    until: str | None = None, modality: str | None = None, q: str | None = None,
                    cursor: str | None = None, raw: bool = False, s=Depends(store)):
        return page(request, "events.html", views.events_view(
            s, settings, actor=actor, country=country, type=type, quad_class=quad_class,
            since=since, until=until, modality=modality, q=q, cursor=cursor, raw=raw))

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(request: Request, name: str | None = None, kind: str | None = None,
                    country: str | None = None, page_number: int = Query(1, ge=1, alias="page"),
                    s=Depends(store)):
        return page(request, "actors.html", situation_views.actors_view(s, settings, name=name, kind=kind,
                                                                         country=country, page=page_number))

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: str, s=Depends(store)):
        d = situation_views.actor_view(s, settings, actor_id)
        return page(request, "actor.html", d, chart=quad_bars(d["timeline"]["points"], chart_id="actor-timeline",
                                                              link=f"/events?actor={actor_id}&"))

    @app.get("/dyads/{source}/{target}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, source: str, target: str, period: str = "week",
                  directed: bool = True, since: str | None = None, until: str | None = None,
                  raw: bool = False, evidence: Evidence = None,
                  s=Depends(store)):
        d = views.dyad_view(s, settings, source, target, period=period, directed=directed,
                            since=since, until=until, raw=raw, evidence=evidence)
        return page(request, "dyad.html", d, chart=series_chart(d["series"]["points"], d["alerts"]))

    @app.get("/alerts", response_class=HTMLResponse, include_in_schema=False)
    def alerts_page(request: Request, keys: str = "country", since: str | None = None, until: str | None = None,
                    weeks: str | None = None, s=Depends(store)):
        return page(request, "alerts.html", situation_views.alerts_view(s, settings, keys=keys, since=since,
                                                                         until=until, weeks=weeks))

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, keys: str = "country", since: str | None = None,
                     until: str | None = None, type: str | None = None, quad_class: QuadClass = None,
                     s=Depends(store)):
        d = views.network_view(s, settings, keys=keys, since=since, until=until, type=type,
                               quad_class=quad_class)
        return page(request, "network.html", d, chart=network_chart(d["nodes"], d["edges"]))

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, since: str | None = None, until: str | None = None, days: str | None = None,
                 region: str | None = None, bbox: str | None = None, metric: str = "events",
                 place: str | None = None, s=Depends(store)):
        d = situation_views.map_view(s, settings, since=since, until=until, days=days, region=region, bbox=bbox,
                                     metric=metric, place=place)
        keep = urlencode({k: v for k, v in request.query_params.items() if k != "place"})
        return page(request, "map.html", d, query=keep, chart=world_map(
            d["places"], {c["iso3"]: c for c in d["countries"]}, bbox=tuple(d["filters"]["bbox"]),
            metric=metric, link=f"/map?{keep}&" if keep else "/map?", selected=place))

    return app


def _ingest_service(app: FastAPI, store, settings: Settings):
    """The ingest service of ``POST /api/articles`` on this request's store connection: the
    app's one pipeline (built on the first post) and one story clusterer (seeded from the
    store on its first post), so posted copies of a story join it as ``ingest`` copies do."""
    from ..ingest.service import IngestService

    state = app.state
    if getattr(state, "ingest_stories", None) is None:
        from ..ingest.stories import StoreStories

        state.ingest_stories = StoreStories(store, settings.dedup_threshold)
    state.ingest_stories.bind(store).catch_up()  # articles other writers stored meanwhile

    def build_pipeline():
        from ..pipeline import Pipeline

        state.pipeline = Pipeline(settings.replace(actor_registry=store.actor_registry()))
        return state.pipeline

    return IngestService(store, settings, pipeline=getattr(state, "pipeline", None),
                         make_pipeline=build_pipeline, stories=state.ingest_stories)


def _article_from(body: ArticleIn, settings: Settings, fetcher=None):
    from ..ingest.article import make_article

    # text or html, with the page's url when known (as a JSONL record has them), or a url to fetch
    if (body.text is not None and body.html is not None) or (body.text, body.html, body.url) == (None,) * 3:
        raise views.BadRequest("give exactly one of text or html (with the page's url if known), "
                               "or a url alone to fetch")
    meta = {"title": body.title, "source": body.source}
    if body.text is not None:  # an empty text is refused by the ingest guards (E202)
        return make_article(body.text, published=body.published, url=body.url, title=body.title,
                            source=body.source)
    if body.html is not None:
        from ..ingest.html import html_article

        return html_article(body.html, source_name="POST /api/articles", published=body.published,
                            url=body.url, **{k: v for k, v in meta.items() if v})
    from ..ingest.fetch import fetch_article, fetcher_for

    assert body.url is not None  # neither text nor html: the check above needs a url
    return fetch_article(body.url, fetcher or fetcher_for(settings), published=body.published,
                         **{k: v for k, v in meta.items() if v})
