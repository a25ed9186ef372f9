"""A move's page says at once when the move cannot be made, before anyone types a reason or
picks a fact-checker; and the statement page offers "Send to review" only to whoever may make it."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from apps.claims.models import Statement
from apps.verification import services
from apps.verification.choices import VerificationStatus
from apps.verification.models import Verification
from tests.admin import admin_url, client_of
from tests.factories import make_statement
from tests.workflow import in_review, worked_on

pytestmark = pytest.mark.django_db


def move_page(user, statement, name, version=None):
    url = reverse("admin:claims_statement_move", args=[statement.pk, name])
    return client_of(user).get(url + (f"?version={version}" if version is not None else ""))


def refusals(page) -> list[str]:
    html = page.content.decode()
    return [
        " ".join(text.split()) for text in re.findall(r'<p class="errornote move-refusal[^"]*">(.*?)</p>', html, re.S)
    ]


def has_move_button(page) -> bool:
    return bool(re.search(r'<input type="submit" class="default"', page.content.decode()))


def test_a_fact_checker_opening_send_back_is_told_at_once_and_gets_no_button(fact_checker):
    statement = make_statement()
    verification = in_review(statement, fact_checker)

    page = move_page(fact_checker, statement, "return", verification.version)

    assert page.status_code == 200
    (refusal,) = refusals(page)
    assert refusal.startswith("You may not send work back from review")
    assert not has_move_button(page)


def test_a_fact_checker_opening_assign_to_someone_else_is_told_at_once(fact_checker):
    statement = make_statement()

    page = move_page(fact_checker, statement, "assign_to")

    (refusal,) = refusals(page)
    assert refusal.startswith("You may not assign statements to other fact-checkers")
    assert not has_move_button(page)


def test_reopening_work_that_is_not_published_is_refused_on_its_page_saying_its_status(editor, fact_checker):
    statement = make_statement()
    verification = in_review(statement, fact_checker)

    page = move_page(editor, statement, "reopen", verification.version)

    (refusal,) = refusals(page)
    assert "“Reopen” needs the statement “published”; it is “in review”" in refusal
    assert not has_move_button(page)


def test_a_move_the_user_may_make_has_no_refusal_and_its_button(editor, fact_checker):
    statement = make_statement()
    verification = in_review(statement, fact_checker)

    page = move_page(editor, statement, "return", verification.version)

    assert refusals(page) == []
    assert has_move_button(page)


def _moves_offered(user, statement) -> list[str]:
    html = client_of(user).get(admin_url(Statement, "change", statement.pk)).content.decode()
    panel = re.search(r'<section class="state-panel".*?</section>', html, re.S).group(0)
    return re.findall(r'data-move="(\w+)"', panel)


def test_send_to_review_is_offered_only_on_ones_own_work(fact_checker, other_checker):
    statement = make_statement()
    worked_on(statement, fact_checker)

    assert _moves_offered(fact_checker, statement) == ["submit"]
    assert "submit" not in _moves_offered(other_checker, statement)


def test_work_in_progress_with_nobody_assigned_offers_assign_to_me_and_says_so_if_sent(fact_checker, editor):
    statement = make_statement()
    verification = worked_on(statement, fact_checker)
    Verification.objects.filter(pk=verification.pk).update(fact_checker=None)  # e.g. the account was deleted

    assert _moves_offered(fact_checker, statement) == ["assign_to_me"]
    verification.refresh_from_db()
    with pytest.raises(PermissionDenied) as refused:
        services.verification_submit(verification=verification, user=fact_checker)
    assert str(refused.value) == (
        "Nobody is assigned to this statement: take it with “Assign to me” first, then change its verdict or send it "
        "to review."
    )
    assert Verification.objects.get(pk=verification.pk).status == VerificationStatus.IN_PROGRESS


def test_a_move_from_a_page_opened_before_a_change_says_nothing_moved_not_nothing_saved(
    editor, second_editor, fact_checker
):
    statement = make_statement()
    verification = in_review(statement, fact_checker)
    shown = verification.version
    services.verification_update(
        verification=verification, user=second_editor, fields={"summary": "Changed meanwhile."}
    )

    done, refused = services.statements_move(
        statements=[statement], user=editor, move="publish", versions={statement.pk: shown}
    )

    ((_, why),) = refused
    assert done == [] and why.endswith("Nothing moved: review it as it is now, then make the move again.")
    assert "Nothing was saved" not in why
