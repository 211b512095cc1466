"""Review routes (communique.review): ``POST /api/reviews`` (X-API-Key required; the
review's author is the key's name), ``GET /api/reviews``, ``GET /api/reviews/agreement``,
and the article page's forms (``POST /articles/{id}/reviews``, key from the reviewer
cookie set by ``POST /review-key``).

API keys come from the ``api_key`` setting: ``"secret"`` (author ``api``) or named keys
``"alice:secret1,bob:secret2"``.
"""

from __future__ import annotations

import hmac
from typing import Any
from urllib.parse import parse_qs, quote

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel

from ..config import Settings
from ..errors import CommuniqueError
from ..review.records import parse_span

COOKIE = "communique_reviewer"


class Unauthorized(CommuniqueError):
    code = "W401"
    status = 401


class WritingDisabled(CommuniqueError):
    code = "W403"
    status = 403


def api_keys(settings: Settings) -> dict[str, str]:
    """Key -> name, parsed from the ``api_key`` setting."""
    out: dict[str, str] = {}
    for part in (settings.api_key or "").split(","):
        part = part.strip()
        if not part:
            continue
        name, sep, secret = part.partition(":")
        if sep and name and secret:
            out[secret] = name
        else:
            out[part] = "api"
    return out


def key_name(settings: Settings, given: str | None) -> str | None:
    """The name of a valid key (None: missing or wrong)."""
    if not given:
        return None
    for secret, name in api_keys(settings).items():
        if hmac.compare_digest(secret.encode(), given.encode()):
            return name
    return None


def require_author(settings: Settings, given: str | None, auth=None) -> str:
    """The author of a write with key ``given``. ``auth``: the app's
    :class:`~communique.web.security.Authenticator` (stored keys, read-only mode)."""
    if auth is not None:
        return auth.require(given)
    if not settings.api_key:
        raise WritingDisabled("writing over HTTP is disabled: set api_key (COMMUNIQUE_API_KEY)")
    name = key_name(settings, given)
    if name is None:
        raise Unauthorized("missing or wrong API key (X-API-Key header or reviewer key)")
    return name


class ReviewIn(BaseModel):
    action: str  # confirm | reject | correct | add
    record: str | None = None  # record key or id (confirm, reject, correct)
    article_id: str | None = None  # add
    kind: str | None = None  # add: quote | event
    span: tuple[int, int] | None = None  # add: content / trigger offsets
    changes: dict[str, Any] | None = None
    comment: str | None = None


_SPANS = ("speaker_span", "actor_span", "recipient_span")


def _span(value: str | None) -> tuple[int, int] | None:
    from .views import BadRequest

    return parse_span(value, BadRequest)


def form_changes(form: dict[str, str]) -> dict[str, Any]:
    """Changes from an article-page form: empty fields mean "unchanged", ``__none__`` clears."""
    fields = ("speaker_actor", "kind", "date", "type", "mode", "modality", "actor", "recipient",
              "place", "place_name") + _SPANS
    out: dict[str, Any] = {}
    for f in fields:
        v = (form.get(f) or "").strip()
        if not v:
            continue
        if v == "__none__":
            out[f] = ""
        elif f in _SPANS:
            out[f] = _span(v)
        else:
            out[f] = v
    return out


def register_review_routes(app: FastAPI, settings: Settings, store_dep) -> None:
    from ..review.agreement import agreement
    from ..review.service import submit

    @app.post("/api/reviews", tags=["review"], status_code=201)
    def api_post_review(body: ReviewIn, x_api_key: str | None = Header(None), s=Depends(store_dep)):
        """Confirm, reject or correct a record, or add a missed one (X-API-Key required)."""
        author = require_author(settings, x_api_key, getattr(app.state, "auth", None))
        changes = dict(body.changes or {})
        for k in _SPANS:
            if isinstance(changes.get(k), str):
                changes[k] = _span(changes[k])
        r = submit(s, action=body.action, author=author, ref=body.record, article_id=body.article_id,
                   kind=body.kind, span=(body.span[0], body.span[1]) if body.span else None, changes=changes,
                   comment=body.comment)
        return r.to_dict()

    @app.get("/api/reviews", tags=["review"])
    def api_reviews(article_id: str | None = None, author: str | None = None,
                    status: str | None = Query(None, pattern="^(attached|flagged)$"),
                    kind: str | None = Query(None, pattern="^(quote|event)$"),
                    limit: int | None = Query(None, ge=1, le=5000), s=Depends(store_dep)):
        rows = s.reviews(article_id=article_id, author=author, status=status, kind=kind, limit=limit)
        return {"items": [r.to_dict() for r in rows]}

    @app.get("/api/reviews/agreement", tags=["review"])
    def api_agreement(s=Depends(store_dep)):
        return agreement(s.reviews())

    @app.post("/review-key", include_in_schema=False)
    async def set_review_key(request: Request):
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8")).items()}
        back = form.get("next") or "/"
        if not back.startswith("/") or back.startswith("//"):
            back = "/"
        require_author(settings, form.get("api_key"), getattr(app.state, "auth", None))
        resp = RedirectResponse(back, status_code=303)
        resp.set_cookie(COOKIE, form["api_key"], httponly=True, samesite="strict", path="/")
        return resp

    @app.post("/articles/{article_id}/reviews", include_in_schema=False)
    async def post_review_form(request: Request, article_id: str, s=Depends(store_dep)):
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8"),
                                             keep_blank_values=True).items()}
        author = require_author(settings, form.get("api_key") or request.cookies.get(COOKIE)
                                or request.headers.get("x-api-key"), getattr(app.state, "auth", None))
        action = form.get("action", "")
        changes = form_changes(form)
        if action == "add":
            kind = form.get("kind") or "quote"
            r = submit(s, action="add", author=author, article_id=article_id, kind=kind,
                       span=_span(form.get("span")), changes=changes, comment=form.get("comment"))
        else:
            r = submit(s, action=action, author=author, ref=form.get("record"), changes=changes,
                       comment=form.get("comment"))
        return RedirectResponse(f"/articles/{quote(article_id)}?reviewed={r.id}#reviews", status_code=303)


def reviewer(settings: Settings, request: Request) -> str | None:
    auth = getattr(request.app.state, "auth", None)
    if auth is not None:
        return auth.name_for(request.cookies.get(COOKIE))
    return key_name(settings, request.cookies.get(COOKIE))
