"""Two pairs of eyes: whoever wrote a verdict (its rating, attribution, summary, explanation or
evidence) since it was last published may not publish it, whoever is assigned; and only the
assignee or an editor writes it. Through the API, the services and the command alike."""

import io
from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.accounts.roles import EDITORS
from apps.api.tests.test_workflow import edit, etag_of, move, url
from apps.verification import services
from apps.verification.choices import VerificationStatus
from apps.verification.models import Verification
from tests.api import api_client_for
from tests.factories import default_rating, make_statement, make_user
from tests.workflow import SUMMARY, in_review, published, worked_on

pytestmark = pytest.mark.django_db

VERDICT_BY_THE_EDITOR = {
    "summary": "Mostly false: the editor's own reading of the treaty.",
    "evidence": [{"url": "https://example.org/editors-source", "note": "What the editor found."}],
}


@pytest.fixture(autouse=True)
def two_person_desk(settings):
    settings.CLAIMTRACK_SELF_PUBLISH_ALLOWED = False


def test_an_editor_who_rewrote_a_fact_checkers_verdict_may_not_publish_it(
    fact_checker_api, editor_api, editor, second_editor, fact_checker
):
    statement = make_statement()
    assert move(fact_checker_api, statement, "assign").status_code == 200
    body = VERDICT_BY_THE_EDITOR | {"rating_id": default_rating("mostly-false").pk}
    assert edit(editor_api, statement, body, etag_of(editor_api, statement)).status_code == 200
    assert move(editor_api, statement, "submit", etag=etag_of(editor_api, statement)).status_code == 200

    refused = move(editor_api, statement, "publish", etag=etag_of(editor_api, statement))

    assert refused.status_code == 409, refused.content
    detail = refused.json()["detail"]
    assert "You wrote this verdict since it was last published" in detail
    assert f"Someone else with the publish permission must review and publish it: {second_editor.username}." in detail
    assert Verification.objects.get(statement=statement).status == VerificationStatus.IN_REVIEW

    second = api_client_for(second_editor)
    published_now = move(second, statement, "publish", etag=etag_of(second, statement))
    assert published_now.status_code == 200, published_now.content
    assert published_now.json()["reviewer"] == second_editor.username


def test_sending_work_back_and_reassigning_it_does_not_forget_who_wrote_it(editor, fact_checker):
    statement = make_statement()
    verification = worked_on(statement, editor)  # the editor's own assignment, written by the editor
    services.verification_submit(verification=verification, user=editor)
    with pytest.raises(services.TransitionRefused, match="You wrote this verdict"):
        services.verification_publish(verification=verification, user=editor)

    services.verification_return(verification=verification, user=editor, reason="Have another look.")
    services.verification_assign(statement=statement, user=editor, fact_checker=fact_checker)
    services.verification_submit(verification=verification, user=fact_checker)

    with pytest.raises(services.TransitionRefused, match="You wrote this verdict"):
        services.verification_publish(verification=verification, user=editor)
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_REVIEW


def test_every_writer_is_named_and_none_of_them_may_publish(editor, second_editor, fact_checker):
    third_editor = make_user("third-editor", group=EDITORS)
    verification = worked_on(make_statement(), fact_checker)
    services.verification_update(verification=verification, user=editor, fields={"explanation": "A figure fixed."})
    services.verification_update(verification=verification, user=second_editor, fields={"summary": "A comma."})
    services.verification_submit(verification=verification, user=fact_checker)

    for writer in (editor, second_editor):
        with pytest.raises(services.TransitionRefused) as refusal:
            services.verification_publish(verification=verification, user=writer)
        message = str(refusal.value)
        assert f"{editor.username}, {fact_checker.username} and {second_editor.username} wrote this verdict" in message
        assert f"must review and publish it: {third_editor.username}." in message

    services.verification_publish(verification=verification, user=third_editor)


def test_nobody_else_with_the_permission_is_said_so(editor, fact_checker):
    verification = in_review(make_statement(), editor)

    with pytest.raises(services.TransitionRefused, match="Nobody else has the publish permission"):
        services.verification_publish(verification=verification, user=editor)


def test_being_assigned_without_writing_does_not_stop_an_editor_from_publishing(editor, fact_checker, second_editor):
    statement = make_statement()
    verification = services.verification_assign(statement=statement, user=editor)  # assigned, writes nothing
    services.verification_assign(statement=statement, user=editor, fact_checker=fact_checker)
    worked_on_by_checker = services.verification_update(
        verification=verification,
        user=fact_checker,
        fields={"rating": default_rating("false"), "summary": SUMMARY},
        evidence=[{"url": "https://example.org/a", "note": "Shows it."}],
    )
    services.verification_submit(verification=worked_on_by_checker, user=fact_checker)

    assert services.verification_publish(verification=verification, user=editor).status == VerificationStatus.PUBLISHED


def test_an_edit_that_changes_nothing_makes_nobody_a_writer_and_no_new_version(editor, fact_checker):
    verification = worked_on(make_statement(), fact_checker)
    version = verification.version

    services.verification_update(
        verification=verification,
        user=editor,
        fields={"summary": verification.summary},
        evidence=[{"url": "https://example.org/treaty", "note": "Article 2 fixes the border."}],
    )

    verification.refresh_from_db()
    assert verification.version == version
    assert list(verification.writers.all()) == [fact_checker]


def test_a_correction_is_judged_afresh_the_list_of_writers_starts_again_at_publication(
    editor, second_editor, fact_checker
):
    verification = published(make_statement(), fact_checker, editor)
    assert not verification.writers.exists()
    services.verification_reopen(verification=verification, user=editor, reason="A figure was wrong.")
    services.verification_update(verification=verification, user=fact_checker, fields={"summary": "Corrected."})
    services.verification_submit(verification=verification, user=fact_checker)

    # The editor who published the first version wrote nothing of this one: they may publish it.
    assert services.verification_publish(verification=verification, user=editor).status == VerificationStatus.PUBLISHED

    services.verification_reopen(verification=verification, user=editor, reason="Another figure.")
    services.verification_update(verification=verification, user=editor, fields={"summary": "Corrected again."})
    services.verification_submit(verification=verification, user=editor)
    with pytest.raises(services.TransitionRefused, match="You wrote this verdict"):
        services.verification_publish(verification=verification, user=editor)
    services.verification_publish(verification=verification, user=second_editor)


def test_a_one_person_desk_may_publish_its_own_work_and_the_history_says_so(editor, settings):
    settings.CLAIMTRACK_SELF_PUBLISH_ALLOWED = True
    verification = in_review(make_statement(), editor)

    services.verification_publish(verification=verification, user=editor)

    latest = verification.history.latest()
    assert latest.status == VerificationStatus.PUBLISHED
    assert latest.history_change_reason.startswith("Self-published: published by one of its writers")


def test_a_reviewer_who_did_not_write_it_publishes_without_a_self_published_note(editor, fact_checker, settings):
    settings.CLAIMTRACK_SELF_PUBLISH_ALLOWED = True
    verification = in_review(make_statement(), fact_checker)

    services.verification_publish(verification=verification, user=editor)

    assert verification.history.latest().history_change_reason == "Publish"


def test_the_command_refuses_a_writer_too(editor, fact_checker):
    statement = make_statement()
    in_review(statement, editor)

    errors = io.StringIO()
    with pytest.raises(CommandError, match="1 of 1 statement"):
        call_command("verification", "publish", str(statement.pk), "--user", editor.username, stderr=errors)
    assert "You wrote this verdict since it was last published" in errors.getvalue()
    assert Verification.objects.get(statement=statement).status == VerificationStatus.IN_REVIEW


# --- Whose verdict a fact-checker may change -------------------------------------------------------


def test_a_fact_checker_cannot_rewrite_a_colleagues_verdict(fact_checker, other_checker):
    statement = make_statement()
    worked_on(statement, fact_checker)
    colleague = api_client_for(other_checker)

    response = edit(colleague, statement, {"summary": "Mine now."}, etag_of(colleague, statement))

    assert response.status_code == 403, response.content
    assert f"assigned to {fact_checker.username}: only they or an editor may change" in response.json()["detail"]
    assert Verification.objects.get(statement=statement).summary == SUMMARY


def test_a_fact_checker_cannot_rewrite_a_colleagues_verdict_in_review_either(fact_checker, other_checker):
    verification = in_review(make_statement(), fact_checker)

    with pytest.raises(PermissionDenied, match="only they or an editor"):
        services.verification_update(verification=verification, user=other_checker, fields={"summary": "Mine."})


def test_an_editor_may_change_a_fact_checkers_verdict_and_becomes_a_writer(editor, fact_checker):
    statement = make_statement()
    worked_on(statement, fact_checker)
    editor_api = api_client_for(editor)

    response = edit(editor_api, statement, {"explanation": "Adds the 2005 treaty."}, etag_of(editor_api, statement))

    assert response.status_code == 200, response.content
    assert set(Verification.objects.get(statement=statement).writers.all()) == {editor, fact_checker}


def test_staff_see_who_wrote_a_verdict_and_the_public_does_not(editor, fact_checker, anonymous):
    statement = make_statement()
    verification = in_review(statement, fact_checker)
    editor_api = api_client_for(editor)

    assert editor_api.get(url(statement)).json()["writers"] == [fact_checker.username]

    services.verification_publish(verification=verification, user=editor)
    assert editor_api.get(url(statement)).json()["writers"] == []
    assert anonymous.get(url(statement)).json()["writers"] is None


def test_work_under_way_before_writers_were_kept_gets_them_from_its_history(editor, second_editor, fact_checker):
    fill = import_module("apps.verification.migrations.0007_writers_from_history").writers_from_history
    verification = published(make_statement(), fact_checker, make_user("reviewer", group=EDITORS))
    services.verification_reopen(verification=verification, user=editor, reason="A figure was wrong.")
    services.verification_update(verification=verification, user=editor, fields={"summary": "Corrected."})
    services.verification_update(
        verification=verification,
        user=second_editor,
        fields={},
        evidence=[{"url": "https://example.org/other", "note": "Another source."}],
    )
    verification.writers.clear()  # as the migration finds it

    fill(apps, None)

    # Those who wrote since the last publication, not the fact-checker who wrote the first one.
    assert set(verification.writers.all()) == {editor, second_editor}
