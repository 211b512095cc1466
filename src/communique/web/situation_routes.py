"""Routes of the situation pages that app.py does not define itself: the story page and
its twin, the chart data (JSON twin and CSV of every chart) and the favicon."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from ..config import Settings
from . import situation_views as sv

STATIC = Path(__file__).parent / "static"


def register_situation_routes(app: FastAPI, settings: Settings, store: Callable[..., Any],
                              page: Callable[..., HTMLResponse], to_json: Callable[[Any], Response]) -> None:
    @app.get("/api/stories/{story_id}", tags=["read"])
    def api_story(story_id: str, raw: bool = False, s=Depends(store)):
        """One story across outlets: articles, first seen, each outlet's events and quotes."""
        return to_json(sv.story_view(s, settings, story_id, raw=raw))

    @app.get("/api/charts/{chart}", tags=["analytics"])
    def api_chart(request: Request, chart: str, format: str = Query("json", pattern="^(json|csv)$"),
                  s=Depends(store)):
        """The data of a chart (quads, rising, dyad, actor-timeline, map-countries, map-places)
        with the parameters of its page; ``format=csv`` downloads it."""
        data = sv.chart_view(s, settings, chart, dict(request.query_params))
        if format == "csv":
            return Response(sv.chart_csv(data), media_type="text/csv", headers={
                "Content-Disposition": f'attachment; filename="communique-{chart}.csv"'})
        return to_json(data)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str, raw: bool = False, s=Depends(store)):
        return page(request, "story.html", sv.story_view(s, settings, story_id, raw=raw))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml",
                            headers={"Cache-Control": "public, max-age=86400"})
