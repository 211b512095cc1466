"""Every page in real headless Chromium (Debian's /usr/bin/chromium via Playwright), at
desktop width and at 390 px (a phone): it loads, fits the width with no sideways scroll,
passes axe-core (vendored for the tests in tests/vendor/, MPL-2.0) with no serious or
critical violation, and keeps a screenshot in tests/artifacts/<page>-<width>.png."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")  # the web extra; the browser fixture skips without Chromium

from _stories import STORY, add_story  # noqa: E402
from web_server import LiveServer, fill  # noqa: E402

from communique.config import Settings  # noqa: E402
from communique.store import Store  # noqa: E402
from communique.web.app import create_app  # noqa: E402

ARTIFACTS = Path(__file__).parent / "artifacts"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("pages") / "pages.db")
    fill(db)
    article_ids = add_story(db)
    s = Store(db)
    actor = s.actors(name="Ukraine", limit=1)[0].id
    s.close()
    with LiveServer(create_app(db, Settings(rate_limit=0))) as live:
        live.article = article_ids[1]
        live.actor = actor
        yield live


def open_page(browser, width: int):  # noqa: F811
    # bypass_csp: lets the test inject axe-core; the pages themselves load no script
    ctx = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("requestfailed", lambda r: errors.append(f"failed {r.url}"))
    pg.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return ctx, pg, errors


def axe_violations(pg) -> list[dict]:
    pg.add_script_tag(path=str(AXE))
    result = pg.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.slice(0, 3).map(n => n.html.slice(0, 160))}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


PAGES = [
    ("home", "/", "#quad-chart rect.bar"),
    ("home-30-days", "/?days=30", "#quad-chart"),
    ("story", f"/stories/{STORY}", "#story-events"),
    ("articles", "/articles", "#articles"),
    ("article", "/articles/{article}", "#article-text"),
    ("quotes", "/quotes", "#quotes"),
    ("events", "/events", "#events"),
    ("actors", "/actors", "#actors"),
    ("actor", "/actors/{actor}", "#actor-timeline rect.bar"),
    ("alerts", "/alerts", "#alert-settings"),
    ("network", "/network", "#network-chart line.edge"),
    ("map", "/map", "#event-map path.country"),
    ("map-europe-place", "/map?region=europe&place=Kyiv", "#place-events"),
    ("dyad", "/dyads/RUS/UKR", "#dyad-chart rect.bar"),
    ("api-docs", "/docs", "#operations"),
]


@pytest.mark.parametrize("width_name", list(WIDTHS))
@pytest.mark.parametrize("name,path,selector", PAGES, ids=[p[0] for p in PAGES])
def test_web_pages_browser_page_fits_and_is_accessible(server, browser, name, path, selector,  # noqa: F811
                                                       width_name):
    ctx, pg, errors = open_page(browser, WIDTHS[width_name])
    try:
        resp = pg.goto(server.url + path.format(article=server.article, actor=server.actor))
        assert resp.status == 200
        assert pg.locator(selector).first.is_visible()
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"{name}-{width_name}.png"), full_page=True)
        overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow} px at {WIDTHS[width_name]} px"
        assert axe_violations(pg) == []
        assert errors == []
    finally:
        ctx.close()


@pytest.fixture()
def desktop(browser):  # noqa: F811
    """A desktop-sized page; the test fails on any script error, failed request or 4xx/5xx."""
    ctx, pg, errors = open_page(browser, WIDTHS["desktop"])
    yield pg
    ctx.close()
    assert errors == []


def test_web_pages_browser_keyboard_focus_is_visible(server, desktop):
    desktop.goto(server.url + "/")
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.className") == "skip"
    assert desktop.locator("a.skip").is_visible()
    desktop.keyboard.press("Tab")
    style = desktop.evaluate("(() => { const s = getComputedStyle(document.activeElement); "
                             "return [s.outlineStyle, s.outlineWidth]; })()")
    assert style[0] == "solid" and style[1] != "0px"


def test_web_pages_browser_home_bar_lists_its_events(server, desktop):
    desktop.goto(server.url + "/")
    href = desktop.locator("#quad-chart a:has(rect.bar.quad4)").last.get_attribute("href")
    assert "quad_class=4" in href
    day = href.split("since=")[1].split("&")[0]
    desktop.goto(server.url + href)  # the SVG link's target
    rows = desktop.locator("#events tr.q4")
    assert rows.count() > 0 and desktop.locator("#events tr.q1").count() == 0
    assert {rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())} == {day}


def test_web_pages_browser_map_click_lists_place_events(server, desktop):
    desktop.goto(server.url + "/map?region=europe")
    assert desktop.locator("#event-map path.country").count() > 30
    desktop.locator('#event-map a[aria-label^="Kyiv:"]').click()
    desktop.wait_for_url("**place=Kyiv*")
    assert "region=europe" in desktop.url
    assert desktop.locator("#place-events").is_visible()
    assert desktop.locator("#place-events + ul li").count() > 0
    assert desktop.locator("#event-map circle.loc.selected").count() == 1


def test_web_pages_browser_favicon_served(server, desktop):
    resp = desktop.goto(server.url + "/favicon.ico")
    assert resp.status == 200 and resp.headers["content-type"].startswith("image/svg+xml")
