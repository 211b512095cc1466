"""Real headless Chromium (Debian's /usr/bin/chromium driven by Playwright) on the live UI.
Screenshots are written to tests/artifacts/ (ignored by git)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")  # the web extra; the browser fixture skips without Chromium

from web_server import LiveServer, fill  # noqa: E402

from communique.config import Settings  # noqa: E402
from communique.web.app import create_app  # noqa: E402

ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("ui") / "ui.db")
    fill(db)
    with LiveServer(create_app(db, Settings(rate_limit=0))) as live:
        yield live


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("requestfailed", lambda r: errors.append(f"failed {r.url}"))
    yield pg
    ctx.close()
    assert not errors, errors


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("path,name,selector", [
    ("/", "home", "table"), ("/articles", "articles", "#articles"), ("/quotes", "quotes", "#quotes"),
    ("/events", "events", "#events"), ("/actors", "actors", "#actors"), ("/alerts", "alerts", "#alerts"),
    ("/network", "network", "#network-chart line.edge"), ("/map", "map", "#event-map circle.loc"),
    ("/docs", "api-docs", "#operations"),
])
def test_browser_pages_load(server, page, path, name, selector):
    resp = page.goto(server.url + path)
    assert resp.status == 200
    assert page.locator(selector).first.is_visible()
    assert page.locator("#json-twin").count() == 1
    shot(page, name)


def test_browser_pages_event_filters(server, page):
    page.goto(server.url + "/events")
    page.fill("#event-filters input[name=country]", "RUS")
    page.select_option("#event-filters select[name=quad_class]", "4")
    page.click("#event-filters button")
    page.wait_for_url("**/events?*")
    rows = page.locator("#events tr.q4")
    assert rows.count() > 0 and page.locator("#events tr.q1").count() == 0
    assert "quad_class=4" in page.url
    shot(page, "events-filtered")
    if page.locator("#next-page").count():
        page.click("#next-page")
        assert page.locator("#events tr.q4").count() > 0


def test_browser_pages_quote_to_highlighted_evidence(server, page):
    page.goto(server.url + "/quotes")
    page.fill("#quote-filters input[name=q]", "respond")
    page.fill("#quote-filters input[name=speaker]", "Ukraine")
    page.click("#quote-filters button")
    page.wait_for_url("**/quotes?*")
    link = page.locator("a.quote-link").first
    quote_text = link.inner_text().strip("“”…. ")
    assert (link.get_attribute("title") or "").startswith("rule ")
    link.click()
    page.wait_for_url("**/articles/*#ev-q*")
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"#{anchor} + span.m")
    assert target.is_visible()
    assert "m-quote" in target.get_attribute("class")
    assert target.inner_text().strip() in quote_text or quote_text.startswith(target.inner_text().strip()[:20])
    outline = target.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"  # :target highlights the evidence
    assert "rule synthetic.direct" in target.get_attribute("title")
    shot(page, "article-evidence")
    # the records beside the text link back to spans too
    page.locator(".records ol.events a.evidence").first.click()
    assert "#ev-e0" in page.url and page.locator("#ev-e0 + span.m-trigger").is_visible()


def test_browser_pages_dyad_chart_renders(server, page):
    page.goto(server.url + "/dyads/RUS/UKR?period=week")
    chart = page.locator("#dyad-chart")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] > 400 and box["height"] > 150
    assert page.locator("#dyad-chart rect.bar.confl").count() > 0
    assert page.locator("#dyad-chart rect.bar.coop").count() > 0
    assert page.locator("#dyad-chart path.gold").count() == 1
    shot(page, "dyad")
    page.select_option("#dyad-filters select[name=period]", "month")
    page.click("#dyad-filters button")
    page.wait_for_url("**period=month*")
    assert page.locator("#dyad-chart g.pt").count() <= 8
    shot(page, "dyad-month")


def test_browser_pages_actor_page(server, page):
    page.goto(server.url + "/actors")
    page.locator("#actors a").first.click()
    page.wait_for_url("**/actors/*")
    assert page.locator("#actor-timeline rect.bar").first.is_visible()
    shot(page, "actor")
