"""Work sent back from review, or a published verdict reopened, carries the reason with it until
it is sent to review again: the fact-checker sees what is to be done where they work."""

from datetime import datetime, timedelta, timezone
from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from apps.api.tests.test_workflow import url
from apps.verification import services
from apps.verification.choices import VerificationStatus
from apps.verification.models import Verification
from tests.api import api_client_for
from tests.factories import make_statement
from tests.workflow import in_review, published

pytestmark = pytest.mark.django_db

EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)

REASON = "The 1920 map shows the ridge: cite it as evidence."


def test_sending_work_back_keeps_the_reason_who_and_when_until_it_is_submitted_again(editor, fact_checker):
    verification = in_review(make_statement(), fact_checker)

    services.verification_return(verification=verification, user=editor, reason=REASON)

    verification.refresh_from_db()
    assert verification.is_sent_back
    assert (verification.sent_back_reason, verification.sent_back_by) == (REASON, editor)
    assert verification.sent_back_at is not None
    assert (verification.sent_back_move, verification.was_reopened) == ("return", False)

    services.verification_submit(verification=verification, user=fact_checker)
    verification.refresh_from_db()
    assert not verification.is_sent_back
    assert (verification.sent_back_reason, verification.sent_back_by, verification.sent_back_at) == ("", None, None)


def test_reopening_a_published_verdict_sends_it_back_with_its_reason(editor, second_editor, fact_checker):
    verification = published(make_statement(), fact_checker, editor)

    services.verification_reopen(verification=verification, user=second_editor, reason="A figure was wrong.")

    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_PROGRESS
    assert (verification.sent_back_reason, verification.sent_back_by) == ("A figure was wrong.", second_editor)
    assert (verification.sent_back_move, verification.was_reopened) == ("reopen", True)


def test_staff_read_the_reason_in_the_api_and_the_public_does_not(editor, fact_checker, anonymous):
    statement = make_statement()
    services.verification_return(verification=in_review(statement, fact_checker), user=editor, reason=REASON)

    sent_back = api_client_for(fact_checker).get(url(statement)).json()["sent_back"]

    assert (sent_back["move"], sent_back["reason"], sent_back["by"]) == ("return", REASON, editor.username)
    assert sent_back["at"]
    assert anonymous.get(url(statement)).json().get("sent_back") is None


def test_work_sent_back_before_the_reason_was_kept_gets_it_from_its_history(editor, fact_checker):
    fill = import_module("apps.verification.migrations.0008_sent_back_and_ageing").fill_from_history
    returned = in_review(make_statement(), fact_checker)
    services.verification_return(verification=returned, user=editor, reason=REASON)
    resubmitted = in_review(make_statement(), fact_checker)
    services.verification_return(verification=resubmitted, user=editor, reason="Old reason.")
    services.verification_submit(verification=resubmitted, user=fact_checker)
    moved_at = {v.pk: v.status_changed_at for v in Verification.objects.all()}
    # as the migration finds them
    Verification.objects.update(sent_back_reason="", sent_back_by=None, sent_back_at=None, status_changed_at=EPOCH)

    fill(apps, None)

    returned.refresh_from_db()
    resubmitted.refresh_from_db()
    assert (returned.sent_back_reason, returned.sent_back_by, returned.sent_back_move) == (REASON, editor, "return")
    assert returned.sent_back_at is not None
    assert (resubmitted.sent_back_reason, resubmitted.sent_back_at) == ("", None)
    # Since when each is in its status: its last move, as the history recorded it.
    assert {v.pk: v.status_changed_at for v in Verification.objects.all()} == pytest.approx(
        moved_at, abs=timedelta(seconds=1)
    )


def test_each_move_restarts_the_ageing_and_an_edit_does_not(editor, fact_checker):
    verification = in_review(make_statement(), fact_checker)
    submitted_at = verification.status_changed_at

    services.verification_update(verification=verification, user=editor, fields={"summary": "Edited in review."})
    verification.refresh_from_db()
    assert verification.status_changed_at == submitted_at

    services.verification_return(verification=verification, user=editor, reason=REASON)
    verification.refresh_from_db()
    assert verification.status_changed_at > submitted_at
    assert verification.sent_back_at == verification.status_changed_at


def test_a_reason_longer_than_the_forms_take_is_refused_by_the_service_too(editor, fact_checker):
    verification = in_review(make_statement(), fact_checker)

    with pytest.raises(services.TransitionRefused, match=r"is 1,001 characters long: keep it to 1,000"):
        services.verification_return(verification=verification, user=editor, reason="x" * 1001)

    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_REVIEW


@pytest.mark.parametrize(
    ("reason", "says"),
    [
        ("bad \u202e reason", "u+202e (right-to-left override) at position 5"),
        ("need\x07source", "control character u+0007 at position 5"),
    ],
)
def test_a_reason_with_invisible_characters_is_refused_by_the_service(editor, fact_checker, reason, says):
    verification = in_review(make_statement(), fact_checker)

    with pytest.raises(services.TransitionRefused) as refused:
        services.verification_return(verification=verification, user=editor, reason=reason)

    assert says in str(refused.value).lower()
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_REVIEW


def test_the_api_and_the_admin_refuse_such_a_reason_before_anything_moves(editor, editor_client, fact_checker):
    from apps.api.tests.test_workflow import etag_of, move
    from tests.admin import form_data

    statement = make_statement()
    verification = in_review(statement, fact_checker)
    editor_api = api_client_for(editor)

    response = move(editor_api, statement, "return", {"reason": "x \u2066y\u2069"}, etag=etag_of(editor_api, statement))
    assert response.status_code == 400, response.content
    assert "U+2066" in str(response.json())

    url = f"/admin/verification/verification/{verification.pk}/move/return/?version={verification.version}"
    page = editor_client.get(url)
    data = form_data(page, "move_form") | {"reason": ["bad \u202e reason"]}
    refused = editor_client.post(url, data)
    assert refused.status_code == 200
    assert "U+202E" in refused.content.decode()
    verification.refresh_from_db()
    assert (verification.status, verification.sent_back_reason) == (VerificationStatus.IN_REVIEW, "")


def test_a_verification_sent_back_with_such_a_reason_before_the_rule_can_still_be_edited(editor, fact_checker):
    verification = in_review(make_statement(), fact_checker)
    services.verification_return(verification=verification, user=editor, reason="Figure wrong.")
    Verification.objects.filter(pk=verification.pk).update(sent_back_reason="Figure\x0bwrong")  # stored earlier
    verification.refresh_from_db()

    services.verification_update(verification=verification, user=fact_checker, fields={"explanation": "Fixed."})

    assert Verification.objects.get(pk=verification.pk).explanation == "Fixed."
    with pytest.raises(ValidationError) as refused:
        services.verification_update(
            verification=verification, user=fact_checker, fields={"explanation": "Again."}, reason="why \u202eon"
        )
    assert "U+202E" in str(refused.value)
