"""The "Possibly the same remark" panel as an editor uses it: the statement page lists another
statement worded alike with its score; "Different" takes it off for good; "Same remark: merge"
moves the newer statement's quotation to the older one and lands on it."""

from __future__ import annotations

import re

from apps.accounts.roles import EDITORS
from apps.claims.models import Statement
from tests.factories import make_quotation, make_source, make_speaker, make_statement, make_user

from .accessibility import expect_accessible
from .admin_ui import expect, log_in, screenshot


def test_an_editor_rejects_one_suggestion_and_merges_another(new_page):
    page = new_page(bypass_csp=True)  # axe-core is injected as a script
    editor = make_user("desk-editor", group=EDITORS)
    speaker = make_speaker(name="Kassym-Jomart Tokayev")
    older = make_statement(speaker=speaker, text="Kazakhstan's borders are not up for discussion with anyone.")
    newer = make_statement(speaker=speaker, text="The borders of Kazakhstan are not up for discussion with anyone.")
    other = make_statement(text="Kazakhstan's borders are not up for discussion, the ministry said in 1995.")
    quotation = make_quotation(
        statement=newer,
        source=make_source(title="Tokayev on the border"),
        text="not up for discussion with anyone",
        context="He said the borders were “not up for discussion with anyone” on Tuesday.",
    )

    log_in(page, editor)
    page.goto(f"/admin/claims/statement/{older.pk}/change/")
    panel = page.locator("table.same-remark")
    expect(panel.locator(f'tr[data-statement="{newer.pk}"]')).to_be_visible()
    expect(panel.locator(f'tr[data-statement="{other.pk}"]')).to_be_visible()
    expect(panel.locator(".same-remark-score").first).to_have_text(re.compile(r"^\d+%$"))
    screenshot(page, "statement page with its possible same remarks")
    expect_accessible(page, "statement page with the same-remark panel")

    # The ministry's statement is another remark: rejected, never offered again.
    panel.locator(f'tr[data-statement="{other.pk}"]').get_by_role("button", name="Different").click()
    expect(page.locator(".messagelist")).to_contain_text(f"statement {other.pk} is a different remark")
    expect(page.locator(f'table.same-remark tr[data-statement="{other.pk}"]')).to_have_count(0)

    # The reworded one is the same remark: merged into the older statement.
    page.locator(f'table.same-remark tr[data-statement="{newer.pk}"]').get_by_role(
        "button", name="Same remark: merge"
    ).click()
    expect(page).to_have_url(re.compile(rf"/admin/claims/statement/{older.pk}/change/$"))
    expect(page.locator(".messagelist")).to_contain_text(f"statement {newer.pk} was the same remark")
    expect(page.locator("#statement-state .quotation-place")).to_contain_text("Tokayev on the border")
    screenshot(page, "after the merge")
    assert not Statement.objects.filter(pk=newer.pk).exists()
    quotation.refresh_from_db()
    assert quotation.statement_id == older.pk
