"""The public site as readers see it, with the seed data (`make run`'s): every page loads, axe-core
finds no serious or critical violation in the light and the dark scheme, the pages fit a 390 px
phone without sideways scrolling, the keyboard reaches the content through the skip link with a
visible focus, and the browser reports no error and no Content Security Policy violation (the
ClaimReview JSON-LD in the fact-check page included).

CLAIMTRACK_KEEP_SCREENSHOTS=1 keeps the screenshots in test-output/browser/, and
CLAIMTRACK_DOCS_SCREENSHOTS=1 writes the README's screenshot of a fact-check page into
docs/screenshots/fact-check-page.png."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from apps.claims.models import Statement
from apps.ops.seed import seed_load

from .accessibility import expect_accessible
from .admin_ui import expect, screenshot

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
SIZES = {"laptop": LAPTOP, "phone": PHONE}
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SEED_FACT_CHECK = "putin-2014-kazakhs-never-had-statehood"


def _public_pages() -> dict[str, str]:
    statement = Statement.objects.select_related("speaker").get(slug=SEED_FACT_CHECK)
    return {
        "home": "/",
        "fact-check": f"/fact-checks/{statement.pk}-{statement.slug}/",
        "speaker": f"/speakers/{statement.speaker.pk}-{statement.speaker.slug}/",
        "topics": "/topics/",
        "topic": "/topics/statehood/",
        "search": "/search/?q=statehood",
    }


def _watch_console(page) -> list[str]:
    """Console errors, Chromium's CSP reports ("Refused to …") among them, as they come."""
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text) if message.type == "error" else None)
    return messages


@pytest.mark.parametrize("size", SIZES)
def test_each_public_page_loads_fits_the_screen_and_reports_no_error_or_csp_violation(new_page, size):
    seed_load()
    page = new_page(viewport=SIZES[size])
    errors = _watch_console(page)
    for name, url in _public_pages().items():
        response = page.goto(url)
        assert response.status == 200, f"{name}: {response.status}"
        page.wait_for_load_state("load")
        width = page.evaluate("document.documentElement.scrollWidth")
        print(f"{size} {name}: {width} px wide")
        assert width <= SIZES[size]["width"], f"{name} is {width} px wide on a {SIZES[size]['width']} px screen"
        screenshot(page, f"{size} {name}")
    assert errors == [], f"the browser reported errors: {errors}"


def test_the_first_fact_check_a_newcomer_sees_is_the_seed_verdict_with_its_evidence(page):
    seed_load()
    page.goto("/")
    first = page.locator(".card").first
    expect(first.locator(".card-speaker")).to_have_text("Vladimir Putin, President of Russia")
    expect(first.locator(".verdict")).to_have_text("False")
    first.locator(".card-claim a").click()
    expect(page.locator("h1")).to_contain_text("The Kazakhs never had any statehood")
    expect(page.locator(".verdict-panel .verdict-large")).to_have_text("False")
    expect(page.locator(".evidence li")).to_have_count(3)  # the fourth is the unpublished Medvedev check's
    assert page.locator(".appearance").count() >= 3
    expect(page.locator(".appearance mark").first).to_be_visible()
    # The scale's meaning opens without a script (<details>).
    page.get_by_text("About the ClaimTrack five-step scale").click()
    expect(page.locator(".scale-list li.current")).to_contain_text("The statement is not accurate.")
    # The JSON-LD names this page and the speaker.
    data = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert data["url"] == page.url
    assert data["itemReviewed"]["author"]["name"] == "Vladimir Putin"
    screenshot(page, "seed fact-check")
    if os.environ.get("CLAIMTRACK_DOCS_SCREENSHOTS"):
        DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": 960, "height": 1000})
        page.get_by_text("About the ClaimTrack five-step scale").click()  # closed again: the page as it opens
        page.screenshot(path=str(DOCS_SCREENSHOTS / "fact-check-page.png"), full_page=False)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_on_any_public_page(new_page, scheme):
    seed_load()
    for size, viewport in SIZES.items():
        page = new_page(viewport=viewport, bypass_csp=True, color_scheme=scheme)  # axe is injected
        for name, url in _public_pages().items():
            page.goto(url)
            if name == "fact-check":
                page.get_by_text("About the ClaimTrack five-step scale").click()  # the scale's badges too
            expect_accessible(page, f"the {name} page ({size}, {scheme})")
            screenshot(page, f"{size} {scheme} {name}")


def test_the_keyboard_reaches_the_content_through_a_visible_skip_link(page):
    seed_load()
    for url in _public_pages().values():
        page.goto(url)
        page.keyboard.press("Tab")
        skip = page.locator(".skip-link")
        expect(skip).to_be_focused()
        expect(skip).to_be_in_viewport()
        outline = skip.evaluate("(e) => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]")
        assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 2, f"no visible focus on {url}: {outline}"
        page.keyboard.press("Enter")
        expect(page.locator("#content")).to_be_focused()
        # The next Tab goes on from the content: the first link in it, shown with an outline.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('#content') !== null"), url
        outline = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }"
        )
        assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 2, f"no visible focus on {url}: {outline}"
