"""The desk's workflow end to end in a browser, as its people do it: an editor records a statement
and where it was reported, and puts it in a fact-checker's queue; the fact-checker takes it from
"My queue", writes the verdict, summary and evidence and sends it to review, and cannot publish
it; an editor publishes it; readers then find the verdict through the API and its ClaimReview."""

from apps.accounts.roles import EDITORS, FACT_CHECKERS
from tests.factories import make_user

from .admin_ui import expect, log_in, log_out, screenshot
from .desk import SPEAKER_NAME, STATEMENT_TEXT, api_get, editor_records_a_reported_statement
from .verdict import (
    editor_assigns,
    editor_publishes_from_the_review_queue,
    fact_checker_cannot_publish,
    fact_checker_opens_from_my_queue,
    fact_checker_types_and_sends_to_review,
    fact_checker_writes_the_verdict,
)

SUMMARY = "False: the 1920 map shows the border along the ridge, not the river."
EXPLANATION = "The survey of 1920 and the treaty of 2005 both follow the ridge."


def test_a_statement_goes_from_the_editor_to_a_published_verdict(page, new_page):
    editor = make_user("desk-editor", group=EDITORS)
    checker = make_user("desk-factchecker", group=FACT_CHECKERS)
    reader = new_page()

    # The editor records the statement; it is public at once, and unverified.
    log_in(page, editor)
    recorded = editor_records_a_reported_statement(page)
    page.goto(f"/admin/claims/statement/{recorded.statement.pk}/change/")
    expect(page.locator("#statement-state .quotation-place")).to_contain_text(
        f"{recorded.source.title} (publisher unknown, 5 March 2024) — direct quote"
    )
    screenshot(page, "statement page with its quotation")
    listing = api_get(reader, "/api/v1/statements/", search="river border 1920")
    (statement,) = listing["results"]
    assert (statement["id"], statement["text"], statement["speaker"]["name"]) == (
        recorded.statement.pk,
        STATEMENT_TEXT,
        SPEAKER_NAME,
    )
    assert [(q["text"], q["source"]["id"]) for q in statement["quotations"]] == [
        (recorded.quotation.text, recorded.source.pk)
    ]
    assert statement["verification"] is None

    # The editor puts it in the fact-checker's queue.
    editor_assigns(page, statement=recorded.statement, fact_checker=checker)
    log_out(page)

    # The fact-checker takes it from "My queue", writes the verdict and sends it to review.
    log_in(page, checker)
    verification = fact_checker_opens_from_my_queue(page, statement=recorded.statement)
    fact_checker_writes_the_verdict(
        page,
        rating="False",
        summary=SUMMARY,
        evidence_url="https://archive.example.org/maps/1920-border-survey",
        evidence_note="The 1920 survey map draws the border along the ridge.",
    )
    # Typed, not saved, then "Send to review": what was typed is kept.
    fact_checker_types_and_sends_to_review(page, explanation=EXPLANATION)
    verification.refresh_from_db()
    assert (verification.status, verification.rating.label, verification.summary) == ("in_review", "False", SUMMARY)
    assert verification.explanation == EXPLANATION
    assert [e.url for e in verification.evidence.all()] == ["https://archive.example.org/maps/1920-border-survey"]
    # Still private: in review is not published.
    assert api_get(reader, f"/api/v1/statements/{recorded.statement.pk}/")["verification"] is None
    fact_checker_cannot_publish(page, verification=verification)
    log_out(page)

    # An editor publishes it from the review queue.
    log_in(page, editor)
    editor_publishes_from_the_review_queue(page, statement=recorded.statement, summary=SUMMARY, explanation=EXPLANATION)
    page.goto(f"/admin/claims/statement/{recorded.statement.pk}/change/")
    history = page.locator(".field-change_history")
    for line in (
        "Publish",
        "Send to review",
        "Assign",
        checker.username,
        editor.username,
        "First draft of the verdict",
    ):
        expect(history).to_contain_text(line)
    screenshot(page, "statement history after publication")

    # Readers see the verdict, and its ClaimReview.
    public = api_get(reader, f"/api/v1/statements/{recorded.statement.pk}/")["verification"]
    assert (public["status"], public["verdict"]["label"], public["summary"]) == ("published", "False", SUMMARY)
    assert public["fact_checker"] is None and public["reviewer"] is None  # names stay with the desk
    claimreview = reader.request.get(f"/api/v1/statements/{recorded.statement.pk}/claimreview/")
    assert claimreview.status == 200
    assert claimreview.headers["content-type"].startswith("application/ld+json")
    review = claimreview.json()
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == STATEMENT_TEXT
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["itemReviewed"]["author"]["name"] == SPEAKER_NAME
