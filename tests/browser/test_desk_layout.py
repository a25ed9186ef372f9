"""What a person sees of the desk's pages when its people write what people write: a word longer
than the line (a pasted URL, 5,000 "x", a reason of a thousand "r") wraps instead
of widening the page; the board fits a phone; the verification page's parts do not overlap and
have no empty bars; the board's cut statements have the whole text on hover.

Measured at a laptop's 1366×768 and a phone's 390×844 (widths printed with `-s`);
CLAIMTRACK_KEEP_SCREENSHOTS=1 keeps the screenshots in test-output/browser/."""

from __future__ import annotations

import pytest

from apps.accounts.roles import EDITORS, FACT_CHECKERS
from apps.verification import services
from apps.verification.models import Verification, VerificationNote
from tests.factories import make_speaker, make_statement, make_user
from tests.workflow import in_review, worked_on

from .admin_ui import KEY_SCREENSHOTS, expect, log_in, screenshot

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
SIZES = {"laptop": LAPTOP, "phone": PHONE}

LONG_WORD = "x" * min(5_000, VerificationNote.MAX_LENGTH)
# As long as a reason may be (the services cap it; 20,000 characters before they did).
LONG_REASON = "r" * getattr(services, "REASON_MAX_LENGTH", 20_000)
LONG_STATEMENT = (
    "The river has marked the border since 1920, and no map printed since, whether by the survey office, "
    "the ministry or the neighbouring republic, says otherwise; anyone who claims differently is misreading "
    "the treaty of 2005, which confirms the line along the river in its second article."
)

WIDTHS = """() => {
  const wide = [];
  for (const element of document.querySelectorAll('#content *')) {
    const rect = element.getBoundingClientRect();
    if (rect.width && rect.right > window.innerWidth + 0.5) wide.push(
      element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') +
      (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\\s+/).join('.') : '') +
      ' ' + Math.round(rect.right));
  }
  // What holds the desk's words may not be wider than the window, nor scroll (or hide) inside
  // (a fieldset or a cell keeps a wide table from widening the page, and cuts it off instead).
  const holders = '.history-table, .verification-note, .sent-back-banner, .state-panel, .quotation-places, ' +
    '.desk-grid .module, .desk-grid table, .form-row .readonly, .module';
  const inside = [];
  for (const element of document.querySelectorAll(holders)) {
    const scroll = element.tagName === 'TABLE' ? element.scrollWidth : element.scrollWidth;
    if (element.offsetParent !== null && (scroll > window.innerWidth || scroll > element.clientWidth + 1)) {
      inside.push(element.tagName.toLowerCase() + '.' + (element.className || '') + ' ' + scroll + ' in ' + element.clientWidth);
    }
  }
  return {page: document.documentElement.scrollWidth, viewport: window.innerWidth, wide: wide.slice(0, 8),
          inside: inside.slice(0, 8)};
}"""


def a_desk_with_long_words():
    editor = make_user("layout-editor", group=EDITORS)
    checker = make_user("layout-factchecker", group=FACT_CHECKERS)
    speaker = make_speaker(name="Aigerim Bekmukhambetova-Sarsenbayeva, regional councillor for the river district")
    statement = make_statement(speaker=speaker, text=f"{LONG_STATEMENT} {LONG_WORD[:300]}")
    verification = services.verification_return(
        verification=in_review(statement, checker), user=editor, reason=LONG_REASON
    )
    services.verification_note_add(verification=verification, user=checker, text=LONG_WORD)
    make_statement(speaker=speaker, text=f"Nobody has taken this: {LONG_STATEMENT}")
    worked_on(make_statement(speaker=speaker, text=f"In progress: {LONG_STATEMENT}"), checker)
    return editor, checker, statement, verification


def _expect_no_sideways_scrolling(page, what: str) -> None:
    widths = page.evaluate(WIDTHS)
    print(f"\n{what}: the page is {widths['page']} px wide in a {widths['viewport']} px window")
    assert widths["page"] <= widths["viewport"], f"{what} scrolls sideways: {widths}"
    assert not widths["inside"], f"{what}: text runs wider than its box: {widths['inside']}"


@pytest.mark.parametrize("size", SIZES)
def test_long_words_wrap_on_the_verification_statement_and_board_pages(new_page, size):
    editor, checker, statement, verification = a_desk_with_long_words()
    page = new_page(viewport=SIZES[size])
    log_in(page, checker)
    pages = {
        "the verification page": f"/admin/verification/verification/{verification.pk}/change/",
        "the statement page": f"/admin/claims/statement/{statement.pk}/change/",
        "the board": "/admin/desk/",
    }
    for what, url in pages.items():
        page.goto(url)
        expect(page.locator("#content")).to_be_visible()
        if what == "the statement page":
            # Its history (a collapsed fieldset) open, with the long reason in it.
            page.locator("fieldset summary", has_text="History").click()
            expect(page.locator("table.history-table").first).to_be_visible()
            expect(page.locator("table.history-table").first).to_contain_text(LONG_REASON)
        _expect_no_sideways_scrolling(page, f"{size}: {what}")
        # The first screen only: wrapped, thousands of characters make a page too tall to take whole.
        KEY_SCREENSHOTS.append((f"{size} {what}", page.screenshot()))
    # A long word breaks where it is; the board's short facts do not break inside their words.
    page.goto(pages["the board"])
    for cell in ('#desk-mine td[data-label="Verdict"]', "#desk-mine .tag", '#desk-sent-back td[data-label="By, on"]'):
        lines = page.locator(cell).first.evaluate(
            "(cell) => { const range = document.createRange(); range.selectNodeContents(cell);"
            " return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size; }"
        )
        expected = 2 if "By, on" in cell and size == "laptop" else 1
        assert lines <= expected, f"{size}: {cell} is broken over {lines} lines"
    # The long texts are there, wrapped, not hidden.
    page.goto(pages["the verification page"])
    expect(page.locator(".verification-note-text")).to_contain_text(LONG_WORD)
    expect(page.locator(".sent-back-banner")).to_contain_text(LONG_REASON)


def test_the_board_fits_a_phone_with_every_column_in_view(new_page):
    editor, checker, statement, verification = a_desk_with_long_words()
    page = new_page(viewport=PHONE)
    log_in(page, checker)
    page.goto("/admin/desk/")
    for section in ("#desk-mine", "#desk-sent-back", "#desk-unassigned", "#desk-team", "#desk-ageing"):
        box = page.locator(section).bounding_box()
        print(f"\nphone: {section} at {box['x']:.0f}–{box['x'] + box['width']:.0f} px")
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"{section} is cut off: {box}"
    # Each row's speaker is in view, labelled.
    speaker = page.locator('#desk-unassigned td[data-label="Speaker"]').first
    expect(speaker).to_be_visible()
    box = speaker.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"]
    screenshot(page, "phone board")
    _expect_no_sideways_scrolling(page, "phone: the board")


def test_the_board_shows_the_whole_statement_on_hover_and_the_lists_wording_of_time(page):
    editor, checker, statement, verification = a_desk_with_long_words()
    log_in(page, checker)
    page.goto("/admin/desk/")
    link = page.locator("#desk-unassigned tbody a").first
    title = link.locator("[title]")
    expect(title).to_have_attribute("title", f"Nobody has taken this: {LONG_STATEMENT}")
    assert link.inner_text().count("…") == 1
    expect(page.locator('#desk-mine td[data-label="In progress for"]').first).to_have_text("under a day")
    expect(page.locator("#desk-content, #content")).not_to_contain_text("minutes")


def _box(page, selector: str) -> dict | None:
    locator = page.locator(selector)
    return locator.first.bounding_box() if locator.count() else None


OVERLAPS = """() => {
  // Headings, bars and boxes of the page that overlap one they are not part of: a heading's band
  // of colour showing through the gaps between the form's boxes, a pill over a band.
  const parts = [...document.querySelectorAll(
    '#content h1, #content h2, #content-main > .object-tools, .sent-back-banner, .workflow-bar, ' +
    '#content-main fieldset, #content-main .module, .submit-row')];
  const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const found = [];
  for (const one of parts) {
    for (const other of parts) {
      if (one === other || one.contains(other) || other.contains(one)) continue;
      const a = one.getBoundingClientRect(), b = other.getBoundingClientRect();
      if (!a.height || !b.height) continue;
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
        found.push(`${name(one)} ${Math.round(a.top)}–${Math.round(a.bottom)} overlaps ${name(other)} ${Math.round(b.top)}–${Math.round(b.bottom)}`);
      }
    }
  }
  return found.slice(0, 10);
}"""


@pytest.mark.parametrize("who", ["editor sees the sent-back work", "fact-checker on work in review"])
def test_the_verification_page_has_no_overlap_no_empty_bar_and_plain_fieldset_headers(new_page, who):
    editor, checker, statement, verification = a_desk_with_long_words()
    if who.startswith("fact-checker"):
        verification = in_review(make_statement(text="Wheat exports doubled last year."), checker)
        user = checker
    else:
        user = editor
    page = new_page(viewport=LAPTOP)
    log_in(page, user)
    page.goto(f"/admin/verification/verification/{verification.pk}/change/")
    screenshot(page, f"verification page: {who}")
    assert _box(page, "#content-main > .object-tools"), "no History link"
    overlaps = page.evaluate(OVERLAPS)
    assert not overlaps, "parts of the page overlap:\n" + "\n".join(overlaps)
    # The notes' heading starts below the form, not behind it (its band of colour showed through
    # every gap of the form: empty bars above and below the workflow box, tall fieldset headers).
    notes, form = page.locator("#notes h2").bounding_box(), page.locator("#verification_form").bounding_box()
    assert notes["y"] >= form["y"] + form["height"], f"the notes' heading {notes} is behind the form {form}"
    assert notes["height"] <= 40, f"the notes' heading is {notes['height']} px high"
    heading = page.locator("#verification_form fieldset h2", has_text="Verdict").first
    box = heading.bounding_box()
    print(f"\n{who}: the Verdict header is {box['height']:.0f} px high")
    assert box["height"] <= 40, f"the Verdict header is {box['height']} px high"


def test_reopened_work_says_reopened_not_sent_back_on_its_pages(page):
    editor, checker, statement, verification = a_desk_with_long_words()
    from tests.workflow import published

    done = published(make_statement(text="The treaty was signed in 2005."), checker, editor)
    services.verification_reopen(verification=done, user=editor, reason="The treaty's date is 2006.")
    done = Verification.objects.get(pk=done.pk)
    log_in(page, checker)
    page.goto(f"/admin/verification/verification/{done.pk}/change/")
    expect(page.locator(".sent-back-banner")).to_contain_text(f"Reopened by {editor.username} on ")
    page.goto(f"/admin/claims/statement/{done.statement_id}/change/")
    expect(page.locator("#statement-state .status-badge")).to_have_text("Reopened")
    expect(page.locator("#statement-state .state-fact-checker")).to_contain_text(f"last published by {editor.username}")
    page.goto("/admin/desk/")
    expect(page.locator("#desk-mine .tag").first).to_be_visible()
    expect(page.locator("#desk-mine")).to_contain_text("reopened")
