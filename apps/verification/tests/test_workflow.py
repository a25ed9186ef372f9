"""The workflow services: each move's conditions, who may make it, and what it records."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from apps.accounts.roles import FACT_CHECKERS
from apps.core.services import EditConflict
from apps.verification import services
from apps.verification.choices import VerificationStatus
from apps.verification.history import published_history, statement_history
from apps.verification.models import Verification
from tests.factories import default_rating, make_statement, make_user
from tests.workflow import in_review, worked_on

pytestmark = pytest.mark.django_db


def test_assigning_takes_an_unchecked_statement_into_progress(fact_checker):
    statement = make_statement()
    verification = services.verification_assign(statement=statement, user=fact_checker)
    assert verification.status == VerificationStatus.IN_PROGRESS
    assert verification.fact_checker == fact_checker
    assert verification.history.latest().history_change_reason == f"Assigned to {fact_checker.username}"


def test_a_fact_checker_cannot_assign_someone_else_nor_take_over_assigned_work(fact_checker, editor):
    other = make_user("other-checker", group=FACT_CHECKERS)
    statement = make_statement()
    with pytest.raises(PermissionDenied, match="assign"):
        services.verification_assign(statement=statement, user=fact_checker, fact_checker=other)
    services.verification_assign(statement=statement, user=other)
    with pytest.raises(services.TransitionRefused, match="It is assigned to other-checker"):
        services.verification_assign(statement=statement, user=fact_checker)
    with pytest.raises(PermissionDenied, match="assign"):
        services.verification_assign(statement=statement, user=fact_checker, fact_checker=fact_checker)
    # "Assign to me" never takes work out of someone's hands, even an editor's; naming the
    # fact-checker explicitly does, for editors.
    with pytest.raises(services.TransitionRefused, match="It is assigned to other-checker"):
        services.verification_assign(statement=statement, user=editor)
    assert (
        services.verification_assign(statement=statement, user=editor, fact_checker=fact_checker).fact_checker
        == fact_checker
    )


def test_assigning_to_a_user_who_cannot_work_on_verifications_is_refused(editor):
    outsider = make_user("outsider")
    with pytest.raises(services.TransitionRefused, match="outsider cannot work on verifications"):
        services.verification_assign(statement=make_statement(), user=editor, fact_checker=outsider)
    assert not Verification.objects.filter(fact_checker=outsider).exists()


def test_sending_to_review_needs_a_verdict_a_summary_and_evidence(fact_checker):
    verification = services.verification_assign(statement=make_statement(), user=fact_checker)
    with pytest.raises(services.TransitionRefused) as refused:
        services.verification_submit(verification=verification, user=fact_checker)
    assert str(refused.value) == (
        "“Send to review” needs a verdict, a summary and at least one piece of evidence: add them first."
    )
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_PROGRESS


def test_sending_to_review_with_everything_in_place(fact_checker):
    verification = in_review(make_statement(), fact_checker)
    assert verification.status == VerificationStatus.IN_REVIEW


def test_only_the_assigned_fact_checker_or_an_editor_sends_work_to_review(fact_checker):
    verification = worked_on(make_statement(), fact_checker)
    other = make_user("other-checker", group=FACT_CHECKERS)
    with pytest.raises(PermissionDenied, match="only they or an editor may change its verdict or send it to review"):
        services.verification_submit(verification=verification, user=other)


def test_a_fact_checker_cannot_publish(fact_checker):
    verification = in_review(make_statement(), fact_checker)
    with pytest.raises(PermissionDenied, match="publish"):
        services.verification_publish(verification=verification, user=fact_checker)
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_REVIEW


def test_publishing_needs_a_second_pair_of_eyes(editor, second_editor, settings):
    settings.CLAIMTRACK_SELF_PUBLISH_ALLOWED = False
    verification = in_review(make_statement(), editor)
    with pytest.raises(services.TransitionRefused, match="two pairs of eyes"):
        services.verification_publish(verification=verification, user=editor)
    published = services.verification_publish(verification=verification, user=second_editor)
    assert published.status == VerificationStatus.PUBLISHED
    assert published.reviewer == second_editor
    assert published.published_at is not None


def test_a_one_person_desk_may_publish_its_own_work(editor, settings):
    settings.CLAIMTRACK_SELF_PUBLISH_ALLOWED = True
    verification = in_review(make_statement(), editor)
    assert services.verification_publish(verification=verification, user=editor).status == VerificationStatus.PUBLISHED


def test_moves_from_the_wrong_status_are_refused_with_the_reason(fact_checker, editor):
    verification = worked_on(make_statement(), fact_checker)
    with pytest.raises(services.TransitionRefused) as refused:
        services.verification_publish(verification=verification, user=editor)
    assert str(refused.value) == "“Publish” needs the statement “in review”; it is “in progress”."


def test_reopening_needs_a_reason_and_keeps_the_published_version(fact_checker, editor):
    statement = make_statement()
    verification = services.verification_publish(verification=in_review(statement, fact_checker), user=editor)
    first_published_at = verification.published_at
    with pytest.raises(services.TransitionRefused, match="Give a reason"):
        services.verification_reopen(verification=verification, user=editor, reason="  ")

    reopened = services.verification_reopen(verification=verification, user=editor, reason="The treaty was amended.")
    assert reopened.status == VerificationStatus.IN_PROGRESS
    assert reopened.history.latest().history_change_reason == "The treaty was amended."
    # The published version stays in the history.
    assert reopened.history.filter(status=VerificationStatus.PUBLISHED, summary__startswith="Not so").exists()

    services.verification_update(
        verification=reopened, user=fact_checker, fields={"rating": default_rating("mostly-false")}
    )
    services.verification_submit(verification=reopened, user=fact_checker)
    republished = services.verification_publish(verification=reopened, user=editor)
    assert republished.published_at == first_published_at  # datePublished stays
    assert republished.review_modified_at > first_published_at  # dateModified moves
    events = [(p.event, p.rating.slug if p.rating else None) for p in published_history(statement)]
    assert events == [("republished", "mostly-false"), ("reopened", None), ("published", "false")]


def test_a_published_verdict_cannot_be_edited(fact_checker, editor):
    verification = services.verification_publish(verification=in_review(make_statement(), fact_checker), user=editor)
    with pytest.raises(services.TransitionRefused, match="reopen it first"):
        services.verification_update(verification=verification, user=editor, fields={"summary": "Changed."})
    verification.refresh_from_db()
    assert verification.summary == "Not so: the treaty says otherwise."


def test_the_status_is_not_an_editable_field(fact_checker):
    verification = worked_on(make_statement(), fact_checker)
    with pytest.raises(ValidationError) as refused:
        services.verification_update(verification=verification, user=fact_checker, fields={"status": "published"})
    assert "status" in refused.value.message_dict


def test_a_stale_version_is_refused_and_shows_what_changed(fact_checker, editor):
    verification = worked_on(make_statement(), fact_checker)
    read_at = verification.version
    services.verification_update(verification=verification, user=editor, fields={"summary": "Editor's wording."})
    with pytest.raises(EditConflict) as conflict:
        services.verification_update(
            verification=verification, user=fact_checker, fields={"summary": "Mine."}, expected_version=read_at
        )
    message = str(conflict.value)
    assert f"version {read_at + 1} saved by {editor.username}" in message
    assert "summary: “Not so: the treaty says otherwise.” → “Editor's wording.”" in message
    verification.refresh_from_db()
    assert verification.summary == "Editor's wording."


def test_bad_evidence_leaves_nothing_half_written(fact_checker):
    verification = worked_on(make_statement(), fact_checker)
    with pytest.raises(ValidationError, match="Evidence 2"):
        services.verification_update(
            verification=verification,
            user=fact_checker,
            fields={"summary": "New summary."},
            evidence=[{"url": "https://example.org/a", "note": "Fine."}, {"url": "", "note": "No document."}],
        )
    verification.refresh_from_db()
    assert verification.summary == "Not so: the treaty says otherwise."
    assert [e.url for e in verification.evidence.all()] == ["https://example.org/treaty"]


def test_bulk_moves_report_each_statement(fact_checker, editor):
    ready, not_ready = make_statement(), make_statement()
    in_review(ready, fact_checker)
    services.verification_assign(statement=not_ready, user=fact_checker)
    done, refused = services.statements_move(statements=[ready, not_ready], user=editor, move="publish")
    assert done == [ready]
    assert [(statement, "needs the statement “in review”" in why) for statement, why in refused] == [(not_ready, True)]


def test_the_statement_history_names_who_did_what_and_why(fact_checker, editor):
    statement = make_statement()
    services.verification_publish(verification=in_review(statement, fact_checker), user=editor)
    moves = [(entry.move, entry.user) for entry in statement_history(statement) if entry.move]
    assert moves == [("publish", editor.username), ("submit", fact_checker.username), ("assign", fact_checker.username)]
    publish = statement_history(statement)[0]
    assert ("status", "In review", "Published") in [(c.name, c.before, c.after) for c in publish.changes]


def test_the_management_command_makes_moves_by_the_same_rules(fact_checker, editor):
    from io import StringIO

    from django.core.management import CommandError, call_command

    statement = make_statement(slug="border-claim")
    out = StringIO()
    call_command("verification", "assign", "border-claim", user=fact_checker.username, stdout=out)
    assert "Assign: " in out.getvalue()
    assert Verification.objects.get(statement=statement).fact_checker == fact_checker

    err = StringIO()
    with pytest.raises(CommandError, match="1 of 1 statement"):
        call_command("verification", "publish", str(statement.pk), user=editor.username, stderr=err)
    assert "needs the statement “in review”" in err.getvalue()
    with pytest.raises(CommandError, match="no user is named “nobody”"):
        call_command("verification", "submit", "border-claim", user="nobody")
    with pytest.raises(CommandError, match="No statement has the id or slug “missing”"):
        call_command("verification", "submit", "missing", user=editor.username)
