"""E-mail about the desk's work goes to those who asked for it, once the move is committed, and
a mail server's failure never undoes a move."""

import pytest
from django.core import mail
from django.test import override_settings

from apps.accounts.models import DeskPreferences
from apps.verification import services
from apps.verification.choices import VerificationStatus
from apps.verification.models import Verification
from tests.factories import make_statement
from tests.workflow import in_review, published, worked_on

pytestmark = pytest.mark.django_db

REASON = "The 1920 map shows the ridge: cite it as evidence."


def opt_in(*users, on=True):
    for user in users:
        user.email = f"{user.username}@example.org"
        user.save(update_fields=["email"])
        DeskPreferences.objects.update_or_create(user=user, defaults={"email_notifications": on})


def test_an_assignment_by_someone_else_mails_the_assignee(editor, fact_checker, django_capture_on_commit_callbacks):
    opt_in(editor, fact_checker)
    statement = make_statement(text="Unemployment fell by half in a single year.")

    with django_capture_on_commit_callbacks(execute=True):
        services.verification_assign(statement=statement, user=editor, fact_checker=fact_checker)

    assert [message.to for message in mail.outbox] == [["factchecker-in-test@example.org"]]
    message = mail.outbox[0]
    assert "Assigned to you" in message.subject
    assert "Unemployment fell by half" in message.subject
    assert f"/admin/verification/verification/{statement.verification.pk}/change/" in message.body
    assert editor.username in message.body


def test_a_statement_over_several_lines_gets_a_one_line_subject(
    editor, fact_checker, django_capture_on_commit_callbacks
):
    opt_in(fact_checker)
    statement = make_statement(text="First line of the claim,\r\nand the second line.")

    with django_capture_on_commit_callbacks(execute=True):
        services.verification_assign(statement=statement, user=editor, fact_checker=fact_checker)

    (message,) = mail.outbox
    assert message.subject == "[ClaimTrack] Assigned to you: First line of the claim, and the second line."
    assert "and the second line." in message.body


def test_taking_a_statement_oneself_mails_nobody(fact_checker, django_capture_on_commit_callbacks):
    opt_in(fact_checker)

    with django_capture_on_commit_callbacks(execute=True):
        services.verification_assign(statement=make_statement(), user=fact_checker)

    assert mail.outbox == []


@pytest.mark.parametrize("move", ["return", "reopen"])
def test_work_sent_back_or_reopened_mails_the_fact_checker_with_the_reason(
    move, editor, second_editor, fact_checker, django_capture_on_commit_callbacks
):
    opt_in(editor, second_editor, fact_checker)
    statement = make_statement()
    if move == "return":
        verification = in_review(statement, fact_checker)
    else:
        verification = published(statement, fact_checker, editor)

    with django_capture_on_commit_callbacks(execute=True):
        service = services.verification_return if move == "return" else services.verification_reopen
        service(verification=verification, user=second_editor, reason=REASON)

    assert [message.to for message in mail.outbox] == [["factchecker-in-test@example.org"]]
    assert REASON in mail.outbox[0].body
    assert ("Sent back to you" if move == "return" else "Reopened") in mail.outbox[0].subject


def test_a_publication_mails_the_fact_checker_and_every_writer_but_not_the_publisher(
    editor, second_editor, fact_checker, other_checker, django_capture_on_commit_callbacks
):
    opt_in(editor, second_editor, fact_checker, other_checker)
    verification = in_review(make_statement(), fact_checker)
    services.verification_update(verification=verification, user=second_editor, fields={"summary": "Not so at all."})

    with django_capture_on_commit_callbacks(execute=True):
        services.verification_publish(verification=verification, user=editor)

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["factchecker-in-test@example.org", "second-editor@example.org"]
    assert all("Published" in message.subject for message in mail.outbox)


def test_nobody_who_did_not_turn_it_on_is_mailed(
    editor, second_editor, fact_checker, django_capture_on_commit_callbacks
):
    opt_in(editor, second_editor)
    opt_in(fact_checker, on=False)  # an address, and the preference off
    verification = in_review(make_statement(), fact_checker)

    with django_capture_on_commit_callbacks(execute=True):
        services.verification_return(verification=verification, user=editor, reason=REASON)
        services.verification_submit(verification=verification, user=fact_checker)
        services.verification_publish(verification=verification, user=second_editor)

    assert mail.outbox == []


def test_a_user_without_preferences_is_not_mailed(editor, fact_checker, django_capture_on_commit_callbacks):
    fact_checker.email = "factchecker@example.org"
    fact_checker.save(update_fields=["email"])

    with django_capture_on_commit_callbacks(execute=True):
        services.verification_assign(statement=make_statement(), user=editor, fact_checker=fact_checker)

    assert mail.outbox == []


def test_a_refused_move_mails_nothing(editor, fact_checker, django_capture_on_commit_callbacks):
    opt_in(fact_checker)
    verification = worked_on(make_statement(), fact_checker)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(services.TransitionRefused):
            services.verification_return(verification=verification, user=editor, reason=REASON)  # not in review

    assert callbacks == [] and mail.outbox == []


def test_a_move_rolled_back_after_the_mail_was_queued_sends_nothing(
    editor, fact_checker, django_capture_on_commit_callbacks
):
    from django.db import transaction

    opt_in(fact_checker)
    statement = make_statement()

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            services.verification_assign(statement=statement, user=editor, fact_checker=fact_checker)
            raise RuntimeError("something later in the same transaction failed")

    assert mail.outbox == []
    assert not Verification.objects.filter(statement=statement, status=VerificationStatus.IN_PROGRESS).exists()


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        return True

    def close(self):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


@override_settings(EMAIL_BACKEND="apps.verification.tests.test_notifications.FailingBackend")
def test_a_failing_mail_server_does_not_undo_the_move_and_is_logged(
    editor, fact_checker, django_capture_on_commit_callbacks, caplog
):
    opt_in(fact_checker)
    statement = make_statement()

    with django_capture_on_commit_callbacks(execute=True):
        verification = services.verification_assign(statement=statement, user=editor, fact_checker=fact_checker)

    verification.refresh_from_db()
    assert (verification.status, verification.fact_checker) == (VerificationStatus.IN_PROGRESS, fact_checker)
    assert "Could not e-mail factchecker-in-test@example.org" in caplog.text
