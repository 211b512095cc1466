"""The review loop in real Chromium on the seed article: correct a speaker and an event
(type, actor, recipient), add a missed quote by selecting text, and see the changes on the
quotes and events pages and in the dyad series (the raw version stays available)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")  # the web extra; the browser fixture skips without Chromium

from web_server import LiveServer  # noqa: E402

from communique.config import Settings  # noqa: E402
from communique.pipeline import Pipeline  # noqa: E402
from communique.store import Store  # noqa: E402
from communique.web.app import create_app  # noqa: E402

SEED = Path(__file__).parent / "fixtures" / "seed_article.txt"
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("review-ui") / "r.db")
    analysis = Pipeline(Settings()).analyze(SEED.read_text(encoding="utf-8"), published="2022-01-21")
    with Store(db) as s:
        s.add(analysis)
    with LiveServer(create_app(db, Settings(api_key="alice:s3cret", rate_limit=0))) as live:
        yield live, analysis


@pytest.fixture(scope="module")
def page(seeded, browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()
    assert not errors, errors


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _country(analysis, iso):
    return next(a for a in analysis.actors if a.country == iso and a.kind == "country")


def test_review_browser_correct_speaker_and_event_type(seeded, page):
    live, a = seeded
    url = f"{live.url}/articles/{a.id}"
    page.goto(url)
    page.fill("#reviewer-key input[name=api_key]", "s3cret")
    page.click("#reviewer-key button")
    page.wait_for_url(f"**/articles/{a.id}")
    assert page.locator("#reviewer-name").inner_text() == "alice"
    # correct the speaker of the first quote
    new_speaker = next(x for x in a.actors if x.id != a.quotes[0].speaker_actor and x.kind == "person")
    li = page.locator("#rec-q0")
    li.locator("details.review summary").click()
    li.locator("select[name=speaker_actor]").select_option(new_speaker.id)
    li.locator("input[name=comment]").fill("the speaker is someone else")
    li.locator("button.correct").click()
    page.wait_for_url("**reviewed=*")
    fixed = page.locator("#rec-q100000")
    assert fixed.locator(".speaker-name").inner_text() == new_speaker.name
    assert fixed.locator(".review-status").inner_text() == "corrected"
    # correct the first event: type, actor and recipient (Russia -> Ukraine)
    rus, ukr = _country(a, "RUS"), _country(a, "UKR")
    li = page.locator("#rec-e0")
    li.locator("details.review summary").click()
    li.locator("select[name=type]").select_option("ASSAULT")
    li.locator("select[name=actor]").select_option(rus.id)
    li.locator("select[name=recipient]").select_option(ukr.id)
    li.locator("button.correct").click()
    page.wait_for_url("**reviewed=*")
    ev = page.locator("#rec-e100000")
    assert ev.locator(".event-type").inner_text() == "ASSAULT"
    assert page.locator("ul.reviews li").count() == 2
    shot(page, "review-article")
    # the quotes page shows the corrected speaker, the raw one the machine's
    page.goto(f"{live.url}/quotes?speaker={new_speaker.name.split()[-1]}")
    assert page.locator("a[href$='#ev-q100000']").count() >= 1
    shot(page, "review-quotes")
    # the events page shows the corrected type; the raw version does not
    page.goto(f"{live.url}/events?type=ASSAULT")
    assert page.locator("#events a[href$='#ev-e100000']").count() >= 1
    shot(page, "review-events")
    page.goto(f"{live.url}/events?type=ASSAULT&raw=true")
    assert page.locator("#events a[href$='#ev-e100000']").count() == 0
    # following the evidence link lands on the corrected record's highlighted trigger
    page.goto(f"{url}#ev-e100000")
    assert page.locator("#ev-e100000 + span.m-trigger").is_visible()
    # the dyad series counts the corrected event as material conflict
    page.goto(f"{live.url}/dyads/RUS/UKR?period=week")
    assert page.locator("#dyad-chart rect.bar.confl").count() >= 1
    shot(page, "review-dyad")
    reviewed = page.request.get(f"{live.url}/api/dyads/RUS/UKR?period=week").json()
    raw = page.request.get(f"{live.url}/api/dyads/RUS/UKR?period=week&raw=true").json()
    q4 = lambda d: sum(p["q4"] for p in d["series"]["points"])  # noqa: E731
    assert q4(reviewed) == q4(raw) + 1
    assert f"{a.id}:e100000" in {i for p in reviewed["series"]["points"] for i in p["event_ids"]}


def test_review_browser_add_missed_quote_by_selecting_text(seeded, page):
    live, a = seeded
    page.goto(f"{live.url}/articles/{a.id}")
    target = "the path of diplomacy and dialogue"
    start = a.text.index(target)
    page.evaluate("""([s, e]) => {
        const root = document.getElementById('article-text');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let pos = 0, range = document.createRange(), n, started = false;
        while ((n = walker.nextNode())) {
            const len = n.textContent.length;
            if (!started && s < pos + len) { range.setStart(n, s - pos); started = true; }
            if (started && e <= pos + len) { range.setEnd(n, e - pos); break; }
            pos += len;
        }
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    }""", [start, start + len(target)])
    page.wait_for_function("document.getElementById('add-span').value !== ''")
    assert page.locator("#add-span").input_value() == f"{start}-{start + len(target)}"
    assert page.locator("#sel-text").inner_text() == target
    page.click("#add-button")
    page.wait_for_url("**reviewed=*")
    added = page.locator("ol.quotes li.rv-added")
    assert added.count() == 1 and target in added.inner_text()
    shot(page, "review-added")
    items = page.request.get(f"{live.url}/api/reviews?article_id={a.id}").json()["items"]
    assert items[-1]["action"] == "add" and items[-1]["author"] == "alice"
