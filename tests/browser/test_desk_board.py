"""The desk's board in a browser, at a laptop's 1366×768: a fact-checker finds it in the header,
sees their work, what was sent back and why, and follows a count to its list; they discuss a
verdict in the notes of its page; an editor sees what waits for their review."""

import re

from apps.accounts.roles import EDITORS, FACT_CHECKERS
from apps.verification import services
from tests.factories import make_statement, make_user
from tests.workflow import in_review, worked_on

from .admin_ui import expect, log_in, log_out, screenshot

REASON = "The 1920 map shows the ridge, not the river: cite it as evidence."


def test_the_board_shows_each_section_with_its_count_as_a_link(page):
    editor = make_user("board-editor", group=EDITORS)
    checker = make_user("board-factchecker", group=FACT_CHECKERS)
    for number in range(3):
        worked_on(make_statement(text=f"Statement {number} in progress, about the river border."), checker)
    sent_back = in_review(make_statement(text="The border follows the river since 1920."), checker)
    services.verification_return(verification=sent_back, user=editor, reason=REASON)
    in_review(make_statement(text="Wheat exports doubled last year."), checker)
    make_statement(text="Nobody has taken this one yet.")
    page.set_viewport_size({"width": 1366, "height": 768})

    log_in(page, checker)
    page.locator("#user-tools").get_by_role("link", name="The desk").click()
    expect(page).to_have_url(re.compile(r"/admin/desk/$"))
    expect(page.locator("#desk-mine caption a")).to_have_text("My work: 4 in progress")
    expect(page.locator("#desk-sent-back caption a")).to_have_text("Sent back to me: 1")
    expect(page.locator("#desk-sent-back")).to_contain_text(REASON)
    expect(page.locator("#desk-sent-back")).to_contain_text("board-editor")
    expect(page.locator("#desk-unassigned caption a")).to_have_text("Unassigned: 1 unchecked statement")
    expect(page.locator("#desk-to-review")).to_have_count(0)  # no publish permission
    expect(page.locator("#desk-team")).to_contain_text("board-factchecker")
    # At 1366×768 the first two sections are above the fold.
    mine, sent = page.locator("#desk-mine").bounding_box(), page.locator("#desk-sent-back").bounding_box()
    assert mine["y"] < 768 and sent["y"] < 768
    screenshot(page, "fact-checker's board")

    page.locator("#desk-sent-back caption a").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator("#result_list")).to_contain_text("The border follows the river since 1920.")

    # The notes of the verification's page.
    page.goto(f"/admin/verification/verification/{sent_back.pk}/change/")
    page.locator("#id_note_text").fill("Which edition of the map: 1920 or 1924?")
    page.get_by_role("button", name="Add the note").click()
    expect(page.locator("#notes .verification-note")).to_have_count(1)
    expect(page.locator("#notes")).to_contain_text("Which edition of the map: 1920 or 1924?")
    screenshot(page, "notes on the verification's page")

    # E-mail about their work, turned on from the header.
    page.locator("#user-tools").get_by_role("link", name="My notifications").click()
    page.get_by_label("E-mail me about my work").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messagelist")).to_contain_text("E-mail about your work is on.")
    expect(page.get_by_label("E-mail me about my work")).to_be_checked()
    screenshot(page, "my notifications")
    log_out(page)

    log_in(page, editor)
    page.goto("/admin/desk/")
    expect(page.locator("#desk-to-review caption a")).to_have_text("Waiting for my review: 1")
    expect(page.locator("#desk-to-review")).to_contain_text("Wheat exports doubled last year.")
    expect(page.locator('#desk-ageing tr[data-status="in_progress"] a').first).to_have_text("4")
    screenshot(page, "editor's board")
