"""Steps of the fact-checking half of the desk's work in the admin: an editor puts a statement
in a fact-checker's queue, the fact-checker takes it from "My queue", writes the verdict and its
evidence and sends it to review, and an editor publishes it. Each step checks what the page
says and what the database now holds."""

from __future__ import annotations

import re

from apps.verification.choices import VerificationStatus
from apps.verification.models import Verification

from .admin_ui import expect, field, pick_autocomplete, save, screenshot


def editor_assigns(page, *, statement, fact_checker) -> None:
    """From the statements list: select the statement, "Assign to a fact-checker…", pick them."""
    page.goto("/admin/claims/statement/")
    page.locator("#searchbar").fill(" ".join(statement.text.split()[:4]))
    page.locator("#searchbar").press("Enter")
    page.locator(f'input[name="_selected_action"][value="{statement.pk}"]').check()
    page.locator('select[name="action"]').select_option(label="Assign to a fact-checker…")
    page.locator('button[name="index"]').click()
    expect(page.locator("#content h1")).to_have_text("Assign to a fact-checker")
    page.locator("#id_fact_checker").select_option(label=fact_checker.get_username())
    screenshot(page, "assign to a fact-checker")
    page.get_by_role("button", name="Assign to a fact-checker").click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text("done for 1 statement")
    verification = Verification.objects.get(statement=statement)
    assert (verification.status, verification.fact_checker) == (VerificationStatus.IN_PROGRESS, fact_checker)


def fact_checker_opens_from_my_queue(page, *, statement) -> Verification:
    """From the admin's front page: "My queue", then the statement's verification."""
    page.goto("/admin/")
    desk = page.locator("#desk-queues")
    expect(desk.get_by_role("row", name=re.compile(r"My queue\s+1"))).to_be_visible()
    desk.get_by_role("link", name="My queue").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    screenshot(page, "my queue")
    page.locator("#result_list tbody tr th a").click()
    expect(page.locator("#content h1")).to_have_text("Change verification")
    return Verification.objects.get(statement=statement)


def fact_checker_writes_the_verdict(page, *, rating: str, summary: str, evidence_url: str, evidence_note: str) -> None:
    """Verdict, summary and one piece of evidence, saved on the verification's page."""
    # "False" is also in "Mostly false": pick the label that starts with it.
    pick_autocomplete(page, "rating", rating, choice=re.compile(rf"(^|×){re.escape(rating)} \("))
    field(page, "summary").fill(summary)
    page.locator(".add-row a", has_text="Add another Evidence").click()
    field(page, "evidence-0-url").fill(evidence_url)
    field(page, "evidence-0-note").fill(evidence_note)
    field(page, "change_reason").fill("First draft of the verdict")
    screenshot(page, "verdict written")
    save(page, "_continue")
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was changed successfully")


def make_move(page, label: str) -> None:
    """Click a workflow button on the verification's page and expect it to be done."""
    page.locator(".workflow-move", has_text=label).click()
    expect(page.locator("ul.messagelist li.success", has_text=f"{label} — done")).to_contain_text(
        f"{label} — done for 1 statement"
    )


def fact_checker_types_and_sends_to_review(page, *, explanation: str) -> None:
    """Type into Explanation and press "Send to review" without saving first: the button saves
    what was typed, then makes the move."""
    field(page, "explanation").fill(explanation)
    screenshot(page, "explanation typed, not saved")
    make_move(page, "Send to review")
    expect(page.locator("ul.messagelist li.success").first).to_contain_text("What you typed was saved first")
    expect(field(page, "explanation")).to_have_value(explanation)


def fact_checker_cannot_publish(page, *, verification: Verification) -> None:
    """No Publish button for a fact-checker; and the publish page, opened by its URL, refuses."""
    page.goto(f"/admin/verification/verification/{verification.pk}/change/")
    expect(page.locator(".workflow-move")).to_have_count(0)  # in review: nothing for them
    page.goto(f"/admin/verification/verification/{verification.pk}/move/publish/")
    # Said at once, with nothing to press (apply_move refuses a hand-made POST too: tested apart).
    expect(page.locator(".publish-refusal")).to_contain_text("You may not publish verdicts")
    expect(page.get_by_role("button", name="Publish this")).to_have_count(0)
    screenshot(page, "a fact-checker's publish refused")
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_REVIEW


def editor_publishes_from_the_review_queue(page, *, statement, summary: str, explanation: str) -> Verification:
    """From "Waiting for my review": the verification, "Publish…", then the confirmation page,
    which shows what will go public, and "Publish this"."""
    page.goto("/admin/")
    page.locator("#desk-queues").get_by_role("link", name="Waiting for my review").click()
    page.locator("#result_list tbody tr th a", has_text=statement.text[:40]).click()
    screenshot(page, "review before publishing")
    page.locator(".workflow-move", has_text="Publish…").click()
    expect(page.locator("#content h1")).to_have_text("Publish")
    expect(page.locator(".preview-summary")).to_have_text(summary)
    expect(page.locator(".preview-explanation")).to_have_text(explanation)
    expect(page.locator(".claimreview-preview")).to_contain_text('"@type": "ClaimReview"')
    screenshot(page, "what will go public")
    page.get_by_role("button", name="Publish this").click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text("Publish — done for 1 statement:")
    verification = Verification.objects.get(statement=statement)
    assert verification.status == VerificationStatus.PUBLISHED
    assert verification.published_at is not None
    return verification
