"""The desk's pages as a person sees them on a laptop (1366×768) and a phone (390×844): the lists
show status and verdict without sideways scrolling, a statement's page starts with where it
stands (within the first screen), its buttons work and are reached with the keyboard, work sent
back says why, the favicon is found, and axe-core finds no serious or critical accessibility
violation on any page the desk templated or changed.

The measured widths are printed (`-s`); CLAIMTRACK_KEEP_SCREENSHOTS=1 keeps the screenshots in
test-output/browser/, and CLAIMTRACK_DOCS_SCREENSHOTS=1 writes the README's screenshots into
docs/screenshots/."""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from apps.accounts.roles import EDITORS, FACT_CHECKERS
from apps.claims.models import Statement
from apps.verification import services
from apps.verification.choices import VerificationStatus
from apps.verification.models import Verification
from tests.factories import make_quotation, make_source, make_speaker, make_statement, make_user
from tests.workflow import in_review, published

from .accessibility import expect_accessible
from .admin_ui import expect, log_in, screenshot

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
SIZES = {"laptop": LAPTOP, "phone": PHONE}
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

REASON = "The census figure needs its source: link the 1992 table of the statistics office, not a news report."
ARCHIVED = (
    "The regional council met on Tuesday. Councillor Aigerim Bekmukhambetova-Sarsenbayeva told the chamber "
    "that the river has marked the border since 1920 and that no map says otherwise. Officials did not comment."
)
LONG_TEXT = (
    "The river has marked the border since 1920, and no map printed since, whether by the survey office, "
    "the ministry or the neighbouring republic, says otherwise; anyone who claims differently is misreading "
    "the treaty of 2005, which confirms the line along the river in its second article."
)


@dataclass
class Desk:
    editor: object
    checker: object
    published: Statement
    sent_back: Statement
    in_review: Statement
    unchecked: Statement


def a_desk_at_work() -> Desk:
    """Statements in every state, with long words and long names, as a desk has them."""
    editor = make_user("desk-editor", group=EDITORS)
    checker = make_user("desk-factchecker", group=FACT_CHECKERS)
    for n in range(4):  # said earlier: listed after the others
        make_statement(
            speaker=make_speaker(name=f"Speaker with a rather long name number {n}"),
            text=f"{LONG_TEXT} (as repeated by speaker {n})",
            said_on=datetime.date(2023, 1, 10 + n),
            said_on_precision="day",
        )
    speaker = make_speaker(name="Aigerim Bekmukhambetova-Sarsenbayeva, regional councillor for the river district")
    source = make_source(
        title="Council debates the river border, and the survey office answers", archived_text=ARCHIVED
    )
    done = make_statement(speaker=speaker, text=LONG_TEXT, said_on=datetime.date(2024, 3, 5), said_on_precision="day")
    make_quotation(
        statement=done,
        source=source,
        text="the river has marked the border since 1920",
        context="told the chamber that the river has marked the border since 1920 and",
    )
    published(done, checker, editor)
    back = make_statement(
        speaker=speaker,
        text="The census counted two million people in the river district in 1992.",
        said_on=datetime.date(2024, 3, 4),
        said_on_precision="day",
    )
    services.verification_return(verification=in_review(back, checker), user=editor, reason=REASON)
    review = make_statement(
        speaker=speaker,
        text="No map printed since 1920 shows another border.",
        said_on=datetime.date(2024, 3, 3),
        said_on_precision="day",
    )
    in_review(review, checker)
    fresh = make_statement(
        speaker=speaker,
        text="The border commission has never met since the treaty was signed.",
        said_on=datetime.date(2024, 3, 2),
        said_on_precision="day",
    )
    return Desk(editor, checker, done, back, review, fresh)


# (list, the cells that must be in view: status and verdict)
LISTS = {
    "statements": ("/admin/claims/statement/", ("td.field-status", "td.field-verdict")),
    "verifications": ("/admin/verification/verification/", ("td.field-state", "td.field-verdict")),
    "quotations": ("/admin/claims/quotation/", ("td.field-mode", "td.field-anchored")),
}

MEASURE = """(cells) => {
  const table = document.querySelector('#result_list');
  const box = document.querySelector('#changelist .results');
  const out = {table: table.scrollWidth, box: box.clientWidth, viewport: window.innerWidth,
               page: document.documentElement.scrollWidth, outside: []};
  for (const selector of cells) {
    for (const cell of document.querySelectorAll('#result_list ' + selector)) {
      const rect = cell.getBoundingClientRect();
      if (rect.left < 0 || rect.right > window.innerWidth + 0.5) out.outside.push(selector + ' ' + rect.left + '–' + rect.right);
    }
  }
  return out;
}"""


@pytest.mark.parametrize("size", SIZES)
def test_the_lists_show_status_and_verdict_without_sideways_scrolling(new_page, size):
    desk = a_desk_at_work()
    page = new_page(viewport=SIZES[size])
    log_in(page, desk.editor)
    for name, (url, cells) in LISTS.items():
        page.goto(url)
        expect(page.locator("#result_list tbody tr").first).to_be_visible()
        widths = page.evaluate(MEASURE, list(cells))
        print(
            f"\n{size} {SIZES[size]['width']}×{SIZES[size]['height']} {name}: table {widths['table']} px "
            f"in a {widths['box']} px box (page {widths['page']} px wide)"
        )
        screenshot(page, f"{size} {name} list")
        assert widths["table"] <= widths["box"], f"{name}: the table scrolls sideways ({widths})"
        assert widths["page"] <= widths["viewport"], f"{name}: the page scrolls sideways ({widths})"
        assert not widths["outside"], f"{name}: cells out of view: {widths['outside']}"
        # The whole of a long text is there on hover.
        if name == "statements":
            expect(page.locator(f'#result_list [title="{LONG_TEXT}"]').first).to_be_attached()
    if size == "laptop" and os.environ.get("CLAIMTRACK_DOCS_SCREENSHOTS"):
        page.goto(LISTS["statements"][0])
        _docs_screenshot(page, "statements-list.png")


@pytest.mark.parametrize("size", SIZES)
def test_a_statement_page_starts_with_its_state_within_the_first_screen(new_page, size):
    desk = a_desk_at_work()
    page = new_page(viewport=SIZES[size])
    log_in(page, desk.editor)
    page.goto(f"/admin/claims/statement/{desk.published.pk}/change/")
    panel = page.locator("#statement-state")
    badge = panel.locator(".state-verdict .verdict-badge")
    expect(badge).to_have_text("False")
    expect(panel.locator(".state-status")).to_contain_text("Published")
    expect(panel.locator(".state-fact-checker")).to_contain_text(desk.checker.username)
    expect(panel.locator(".quotation-place")).to_contain_text("the river has marked the border since 1920")
    expect(panel.locator(".quotation-place mark")).to_have_text("the river has marked the border since 1920")
    box, form = badge.bounding_box(), page.locator("#statement_form").bounding_box()
    print(
        f"\n{size}: the verdict badge at {box['y']:.0f}–{box['y'] + box['height']:.0f} px, the form at {form['y']:.0f} px"
    )
    assert box["y"] + box["height"] <= SIZES[size]["height"], "the verdict is below the first screen"
    assert box["y"] < form["y"], "the state panel comes after the edit form"
    # The buttons sit below the title, not over it.
    title = page.locator("#content h1").bounding_box()
    for button in panel.locator(".workflow-move").all():
        assert button.bounding_box()["y"] >= title["y"] + title["height"]
    screenshot(page, f"{size} statement page")
    if size == "laptop" and os.environ.get("CLAIMTRACK_DOCS_SCREENSHOTS"):
        page.goto(f"/admin/claims/statement/{desk.sent_back.pk}/change/")
        _docs_screenshot(page, "statement-page.png")


def _focus_by_tab(page, selector: str, *, limit: int = 150) -> int:
    """Press Tab until the element matching `selector` has the focus; return how many presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def _expect_focus_visible(page) -> None:
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 2, f"no visible focus: {outline}"


def test_a_fact_checker_assigns_a_statement_to_themselves_from_its_page_by_keyboard(page):
    desk = a_desk_at_work()
    log_in(page, desk.checker)
    page.goto(f"/admin/claims/statement/{desk.unchecked.pk}/change/")
    expect(page.locator("#statement-state .state-status")).to_contain_text("Unchecked")
    presses = _focus_by_tab(page, "button.workflow-assign_to_me")
    print(f"\n'Assign to me' reached after {presses} presses of Tab")
    _expect_focus_visible(page)
    screenshot(page, "assign to me has the focus")
    page.keyboard.press("Enter")
    expect(page.locator("ul.messagelist li.success")).to_contain_text("Assign to me — done for 1 statement")
    expect(page.locator("#statement-state .state-status")).to_contain_text("In progress")
    expect(page.locator("#statement-state .state-fact-checker")).to_contain_text(desk.checker.username)
    verification = Verification.objects.get(statement=desk.unchecked)
    assert (verification.status, verification.fact_checker) == (VerificationStatus.IN_PROGRESS, desk.checker)


def test_work_sent_back_says_who_when_and_why_in_the_queue_and_on_its_pages(page):
    desk = a_desk_at_work()
    log_in(page, desk.checker)
    page.goto("/admin/verification/verification/?queue=mine")
    row = page.locator("#result_list tbody tr", has_text="census")
    expect(row.locator(".status-badge")).to_have_text("Sent back")
    expect(row.locator(".sent-back-note")).to_contain_text(f"Sent back by {desk.editor.username} on ")
    expect(row.locator(".sent-back-note")).to_contain_text(REASON[:60])
    verification = Verification.objects.get(statement=desk.sent_back)
    for url in (
        f"/admin/verification/verification/{verification.pk}/change/",
        f"/admin/claims/statement/{desk.sent_back.pk}/change/",
    ):
        page.goto(url)
        banner = page.locator(".sent-back-banner")
        expect(banner).to_contain_text(f"Sent back by {desk.editor.username} on ")
        expect(banner).to_contain_text(REASON)
        screenshot(page, f"sent back banner on {url}")
    # On the verification's own page, Tab reaches "Send to review", with a visible focus.
    page.goto(f"/admin/verification/verification/{verification.pk}/change/")
    _focus_by_tab(page, "button.workflow-submit")
    _expect_focus_visible(page)


def test_the_favicon_is_found(page):
    desk = a_desk_at_work()
    log_in(page, desk.editor)
    href = page.locator('link[rel="icon"]').get_attribute("href")
    assert page.request.get(href).status == 200
    response = page.request.get("/favicon.ico")
    assert response.status == 200 and response.headers["content-type"].startswith("image/svg+xml")


def _pages(desk: Desk) -> dict[str, str]:
    back = Verification.objects.get(statement=desk.sent_back)
    review = Verification.objects.get(statement=desk.in_review)
    quotation = desk.published.quotations.get()
    return {
        "admin index": "/admin/",
        "the desk board": "/admin/desk/",
        "my notifications": "/admin/desk/notifications/",
        "statements": "/admin/claims/statement/",
        "a statement (sent back)": f"/admin/claims/statement/{desk.sent_back.pk}/change/",
        "a statement (published)": f"/admin/claims/statement/{desk.published.pk}/change/",
        "a statement's history": f"/admin/claims/statement/{desk.published.pk}/history/",
        "verifications": "/admin/verification/verification/",
        "a verification (sent back)": f"/admin/verification/verification/{back.pk}/change/",
        "publish: the confirmation": f"/admin/verification/verification/{review.pk}/move/publish/?version={review.version}",
        "send back: the reason": f"/admin/claims/statement/{desk.in_review.pk}/move/return/",
        "assign to a fact-checker": f"/admin/claims/statement/{desk.unchecked.pk}/move/assign_to/",
        "speakers": "/admin/speakers/speaker/",
        "a speaker": f"/admin/speakers/speaker/{desk.published.speaker_id}/change/",
        "quotations": "/admin/claims/quotation/",
        "a quotation": f"/admin/claims/quotation/{quotation.pk}/change/",
        "sources": "/admin/sources/source/",
        "a source": f"/admin/sources/source/{quotation.source_id}/change/",
    }


@pytest.mark.parametrize("size", SIZES)
def test_axe_core_finds_no_serious_violation_on_the_desks_pages(new_page, size):
    desk = a_desk_at_work()
    page = new_page(viewport=SIZES[size], bypass_csp=True)  # axe-core is injected as a script
    log_in(page, desk.editor)
    failures = []
    for what, url in _pages(desk).items():
        page.goto(url)
        expect(page.locator("#content")).to_be_visible()
        try:
            expect_accessible(page, f"{what} ({size})")
        except AssertionError as failure:
            screenshot(page, f"axe {what}")
            failures.append(str(failure))
    assert not failures, "\n\n".join(failures)


def _docs_screenshot(page, name: str) -> None:
    """A README screenshot: what the first screen shows, at 1366×768."""
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = DOCS_SCREENSHOTS / name
    page.screenshot(path=path)
    assert path.stat().st_size < 300_000, f"{path} is {path.stat().st_size} bytes: keep README images small"
    print(f"\nwrote {path}")


def test_the_axe_check_can_fail(new_page):
    """The check itself: a page with an image without a text alternative fails it."""
    page = new_page(bypass_csp=True)
    page.set_content(
        '<html lang="en"><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>'
    )
    with pytest.raises(AssertionError, match=re.escape("image-alt")):
        expect_accessible(page, "a page made to fail")
