"""The fact-checking workflow in the admin: bulk actions and single-object buttons that report
per statement what was done and what was refused, the pages that ask for a reason or a
fact-checker, who sees which move, edits that cannot overwrite someone else's, the desk's
queues and the statement's history."""

import re

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.accounts.roles import FACT_CHECKERS
from apps.claims.models import Quotation, Statement
from apps.core.services import model_save
from apps.verification import services
from apps.verification.choices import VerificationStatus
from apps.verification.models import Verification
from tests.admin import (
    action_names,
    admin_url,
    change_form,
    client_of,
    confirm,
    form_data,
    form_errors,
    messages_of,
    move_url,
    run_action,
    run_move,
)
from tests.factories import make_quotation, make_source, make_statement, make_user, make_verification
from tests.workflow import in_review, published, worked_on

pytestmark = pytest.mark.django_db

EDITOR_ONLY_MOVES = {"move_assign_to", "move_return", "move_publish", "move_reopen"}


# --- Set-up -------------------------------------------------------------------------------


@pytest.fixture
def fact_checker_client(fact_checker):
    client = Client()
    client.force_login(fact_checker)
    return client


def status_of(statement) -> str | None:
    verification = Verification.objects.filter(statement=statement).first()
    return verification.status if verification else None


# --- 1. Assign to me --------------------------------------------------------------------------


def test_assign_to_me_takes_unchecked_statements_into_progress_and_names_them(fact_checker_client, fact_checker):
    first, second = make_statement(text="The border was drawn in 1936."), make_statement(text="Nobody lived there.")
    untouched = make_statement()

    response = run_move(fact_checker_client, Statement, "move_assign_to_me", [first, second])

    assert response.status_code == 302
    for statement in (first, second):
        verification = Verification.objects.get(statement=statement)
        assert (verification.status, verification.fact_checker) == (VerificationStatus.IN_PROGRESS, fact_checker)
    assert status_of(untouched) is None
    [(level, text)] = messages_of(response)
    assert level == "success"
    assert text.startswith("Assign to me — done for 2 statements:")
    assert "The border was drawn in 1936." in text and "Nobody lived there." in text


def test_assign_to_me_refuses_work_assigned_to_someone_else_and_does_the_rest(
    fact_checker_client, fact_checker, other_checker
):
    taken = make_statement(text="Taken by a colleague.")
    services.verification_assign(statement=taken, user=other_checker)
    free = make_statement(text="Free to take.")

    response = run_move(fact_checker_client, Statement, "move_assign_to_me", [taken, free])

    assert Verification.objects.get(statement=taken).fact_checker == other_checker
    assert Verification.objects.get(statement=free).fact_checker == fact_checker
    messages = messages_of(response)
    assert ("success", f"Assign to me — done for 1 statement: “{free}”") in messages
    warnings = [text for level, text in messages if level == "warning"]
    assert len(warnings) == 1
    assert warnings[0].startswith(
        f"“{taken}” was not changed: It is assigned to other-checker. An editor can reassign it"
    )


def test_assign_to_me_on_work_already_mine_is_refused_with_the_reason(fact_checker_client, fact_checker):
    mine = make_statement()
    services.verification_assign(statement=mine, user=fact_checker)
    version = Verification.objects.get(statement=mine).version

    response = run_move(fact_checker_client, Statement, "move_assign_to_me", [mine])

    assert messages_of(response) == [
        ("warning", f"“{mine}” was not changed: It is already assigned to {fact_checker.username}.")
    ]
    assert Verification.objects.get(statement=mine).version == version


def test_statement_text_in_the_messages_is_escaped(fact_checker_client):
    statement = make_statement(text="Borders <b>never</b> existed & never will.")

    response = run_move(fact_checker_client, Statement, "move_assign_to_me", [statement])

    [(_, text)] = messages_of(response)
    assert "&lt;b&gt;never&lt;/b&gt; existed &amp; never will." in text and "<b>" not in text


# --- 2. Send to review, Publish ---------------------------------------------------------------


def test_send_to_review_reports_what_was_sent_and_what_lacks_evidence(fact_checker_client, fact_checker):
    ready, no_evidence = make_statement(text="Ready for review."), make_statement(text="No evidence yet.")
    worked_on(ready, fact_checker)
    worked_on(no_evidence, fact_checker, evidence=False)

    response = run_move(fact_checker_client, Statement, "move_submit", [ready, no_evidence])

    assert status_of(ready) == VerificationStatus.IN_REVIEW
    assert status_of(no_evidence) == VerificationStatus.IN_PROGRESS
    assert messages_of(response) == [
        ("success", f"Send to review — done for 1 statement: “{ready}”"),
        (
            "warning",
            f"“{no_evidence}” was not changed: “Send to review” needs at least one piece of evidence: add it first.",
        ),
    ]


def test_publish_reports_per_statement_what_was_published_and_what_was_refused(
    editor_client, editor, fact_checker, settings
):
    settings.CLAIMTRACK_SELF_PUBLISH_ALLOWED = False
    reviewed = make_statement(text="Reviewed and ready.")
    in_review(reviewed, fact_checker)
    still_in_progress = make_statement(text="Still being checked.")
    worked_on(still_in_progress, fact_checker)
    own_work = make_statement(text="The editor checked this one.")
    in_review(own_work, editor)
    unchecked = make_statement(text="Nobody looked at it.")

    response = run_move(editor_client, Statement, "move_publish", [reviewed, still_in_progress, own_work, unchecked])

    assert status_of(reviewed) == VerificationStatus.PUBLISHED
    assert Verification.objects.get(statement=reviewed).reviewer == editor
    assert status_of(still_in_progress) == VerificationStatus.IN_PROGRESS
    assert status_of(own_work) == VerificationStatus.IN_REVIEW
    assert status_of(unchecked) is None
    messages = messages_of(response)
    assert messages[0] == ("success", f"Publish — done for 1 statement: “{reviewed}”")
    assert [level for level, _ in messages[1:]] == ["warning"] * 3
    refused = dict(text.split(" was not changed: ", 1) for _, text in messages[1:])
    assert refused[f"“{still_in_progress}”"] == "“Publish” needs the statement “in review”; it is “in progress”."
    assert refused[f"“{unchecked}”"] == "Nobody is working on this statement yet: assign it to a fact-checker first."
    assert "two pairs of eyes" in refused[f"“{own_work}”"]


def test_the_same_moves_work_from_the_verification_changelist(fact_checker_client, fact_checker):
    ready, not_ready = make_statement(), make_statement()
    ready_verification = worked_on(ready, fact_checker)
    not_ready_verification = worked_on(not_ready, fact_checker, evidence=False)

    response = run_move(fact_checker_client, Verification, "move_submit", [ready_verification, not_ready_verification])

    assert status_of(ready) == VerificationStatus.IN_REVIEW
    assert status_of(not_ready) == VerificationStatus.IN_PROGRESS
    assert [level for level, _ in messages_of(response)] == ["success", "warning"]


# --- 3. What a fact-checker is not offered ------------------------------------------------------


@pytest.mark.parametrize("model", [Statement, Verification], ids=lambda model: model.__name__)
def test_a_fact_checker_is_offered_only_the_moves_a_fact_checker_may_make(fact_checker_client, editor_client, model):
    make_statement()
    offered = action_names(fact_checker_client, model)
    assert {"move_assign_to_me", "move_submit"} <= offered
    assert not offered & EDITOR_ONLY_MOVES
    assert EDITOR_ONLY_MOVES <= action_names(editor_client, model)


def test_a_fact_checker_sees_no_publish_button_and_cannot_publish_through_its_url(
    fact_checker_client, editor_client, fact_checker
):
    verification = in_review(make_statement(), fact_checker)
    page = admin_url(Verification, "change", verification.pk)

    assert 'data-move="publish"' not in fact_checker_client.get(page).content.decode()
    assert 'data-move="publish"' in editor_client.get(page).content.decode()

    response = fact_checker_client.post(move_url(verification, "publish"), {"apply": "yes"})

    assert response.status_code == 302
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_REVIEW
    [(level, text)] = messages_of(response)
    assert level == "warning"
    assert "You may not publish verdicts" in text


def test_a_fact_checker_cannot_run_an_editor_only_action_by_posting_it(fact_checker_client, fact_checker):
    statement = make_statement()
    in_review(statement, fact_checker)
    fact_checker_client.post(
        admin_url(Statement, "changelist"),
        {"action": "move_publish", ACTION_CHECKBOX_NAME: [statement.pk], "index": 0},
    )
    assert status_of(statement) == VerificationStatus.IN_REVIEW


# --- 4. Reopen… asks for a reason ------------------------------------------------------------


def test_reopen_asks_for_a_reason_and_refuses_to_go_on_without_one(editor_client, editor, fact_checker):
    statement = make_statement()
    verification = published(statement, fact_checker, editor)
    version = verification.version

    page = run_action(editor_client, Statement, "move_reopen", [statement])

    assert page.status_code == 200
    assert page.templates[0].name == "admin/verification/move.html"
    assert 'name="reason"' in page.content.decode()
    assert status_of(statement) == VerificationStatus.PUBLISHED

    refused = confirm(editor_client, page, reason="  ")

    assert refused.status_code == 200
    assert refused.context["form"].errors["reason"] == ["This field is required."]
    verification.refresh_from_db()
    assert (verification.status, verification.version) == (VerificationStatus.PUBLISHED, version)


def test_reopen_with_a_reason_takes_the_verdict_back_into_progress_and_keeps_the_reason(
    editor_client, editor, fact_checker
):
    statement = make_statement()
    published(statement, fact_checker, editor)

    response = run_move(editor_client, Statement, "move_reopen", [statement], reason="The treaty was amended in 2005.")

    assert response.status_code == 302
    verification = Verification.objects.get(statement=statement)
    assert verification.status == VerificationStatus.IN_PROGRESS
    latest = verification.history.latest()
    assert latest.history_change_reason == "The treaty was amended in 2005."
    assert latest.history_user == editor
    assert messages_of(response) == [("success", f"Reopen — done for 1 statement: “{statement}”")]


def test_the_reopen_button_of_a_verification_asks_for_the_reason_too(editor_client, editor, fact_checker):
    verification = published(make_statement(), fact_checker, editor)
    page = editor_client.get(move_url(verification, "reopen"))
    assert page.status_code == 200 and "reason" in page.context["form"].fields

    refused = editor_client.post(move_url(verification, "reopen"), {"apply": "yes", "reason": ""})
    assert refused.status_code == 200 and "reason" in refused.context["form"].errors
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.PUBLISHED

    confirm(editor_client, page, reason="A figure was wrong.")
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_PROGRESS
    assert verification.history.latest().history_change_reason == "A figure was wrong."


# --- 5. Assign to a fact-checker… ---------------------------------------------------------------


def test_assign_to_offers_only_users_who_may_work_on_verifications(editor_client, editor, fact_checker):
    make_user("plain-staff")  # staff, but no permission on verifications
    make_user("gone-checker", group=FACT_CHECKERS, is_active=False)
    not_staff = make_user("not-staff-checker", group=FACT_CHECKERS)
    not_staff.is_staff = False
    not_staff.save()
    statement = make_statement()

    page = run_action(editor_client, Statement, "move_assign_to", [statement])

    assert page.status_code == 200
    offered = {user.username for user in page.context["form"].fields["fact_checker"].queryset}
    assert offered == {editor.username, fact_checker.username}
    assert status_of(statement) is None


def test_assign_to_puts_the_statements_in_the_chosen_fact_checkers_hands(editor_client, fact_checker):
    first, second = make_statement(), make_statement()

    response = run_move(editor_client, Statement, "move_assign_to", [first, second], fact_checker=fact_checker.pk)

    assert response.status_code == 302
    for statement in (first, second):
        verification = Verification.objects.get(statement=statement)
        assert (verification.status, verification.fact_checker) == (VerificationStatus.IN_PROGRESS, fact_checker)
        assert verification.history.latest().history_change_reason == f"Assigned to {fact_checker.username}"


def test_assign_to_refuses_a_user_who_is_not_offered(editor_client):
    outsider = make_user("plain-staff")
    statement = make_statement()

    page = run_move(editor_client, Statement, "move_assign_to", [statement], fact_checker=outsider.pk)

    assert page.status_code == 200
    assert "fact_checker" in page.context["form"].errors
    assert status_of(statement) is None


def test_assign_to_is_for_editors_only(fact_checker_client, other_checker):
    statement = make_statement()
    run_action(
        fact_checker_client,
        Statement,
        "move_assign_to",
        [statement],
        apply="yes",
        fact_checker=other_checker.pk,
        **{f"version-{statement.pk}": "none"},
    )
    assert status_of(statement) is None


# --- 6. Buttons on the verification page ---------------------------------------------------------


def test_an_in_progress_verification_shows_send_to_review_and_the_button_moves_it(fact_checker_client, fact_checker):
    verification = worked_on(make_statement(), fact_checker)

    page = fact_checker_client.get(admin_url(Verification, "change", verification.pk))
    assert 'name="_workflow" value="submit"' in page.content.decode()  # a button of the page's form

    data = form_data(page, "verification_form") | {"_workflow": ["submit"]}
    response = fact_checker_client.post(admin_url(Verification, "change", verification.pk), data)

    assert response.status_code == 302
    assert response.url == admin_url(Verification, "change", verification.pk)
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_REVIEW


def test_a_published_verification_is_read_only_with_a_reopen_link_for_editors(
    editor_client, fact_checker_client, editor, fact_checker
):
    verification = published(make_statement(), fact_checker, editor)
    page = admin_url(Verification, "change", verification.pk)

    response = editor_client.get(page)
    html = response.content.decode()
    form = response.context["adminform"].form
    assert not {"rating", "attribution", "summary", "explanation"} & set(form.fields)
    verdict_form = html.split('id="notes"')[0]  # the desk's notes thread below takes new notes
    assert 'name="summary"' not in verdict_form and "<textarea" not in verdict_form
    assert "Not so: the treaty says otherwise." in html  # shown, not editable
    assert f'<a href="{move_url(verification, "reopen")}?version={verification.version}"' in html
    assert 'data-move="submit"' not in html and 'data-move="publish"' not in html

    assert 'data-move="reopen"' not in fact_checker_client.get(page).content.decode()


def test_saving_a_published_verification_page_as_shown_gives_no_bogus_error(editor_client, editor, fact_checker):
    verification = published(make_statement(), fact_checker, editor)
    data = change_form(editor_client, verification)

    response = editor_client.post(admin_url(Verification, "change", verification.pk), data)

    assert "missing the version it was opened at" not in response.content.decode()
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.PUBLISHED
    assert verification.summary == "Not so: the treaty says otherwise."


# --- 7. The verification's form ---------------------------------------------------------------


def test_the_status_cannot_be_changed_through_the_verification_form(fact_checker_client, fact_checker):
    verification = worked_on(make_statement(), fact_checker)
    data = change_form(fact_checker_client, verification)
    assert "status" not in data
    data |= {"status": ["published"], "reviewer": [str(fact_checker.pk)], "summary": ["Edited summary."]}

    response = fact_checker_client.post(admin_url(Verification, "change", verification.pk), data)

    assert response.status_code == 302
    verification.refresh_from_db()
    assert verification.summary == "Edited summary."
    assert (verification.status, verification.reviewer) == (VerificationStatus.IN_PROGRESS, None)


def test_the_reason_given_for_an_edit_is_kept_in_the_history(fact_checker_client, fact_checker):
    verification = worked_on(make_statement(), fact_checker)
    data = change_form(fact_checker_client, verification)
    data |= {"summary": ["False: the 1936 map shows it."], "change_reason": ["Cite the 1936 map."]}

    response = fact_checker_client.post(admin_url(Verification, "change", verification.pk), data)

    assert response.status_code == 302
    latest = Verification.history.filter(id=verification.pk).latest()
    assert (latest.summary, latest.history_change_reason) == ("False: the 1936 map shows it.", "Cite the 1936 map.")
    assert latest.history_user == fact_checker


def test_an_outdated_verification_form_is_refused_naming_the_change(fact_checker_client, fact_checker, editor):
    verification = worked_on(make_statement(), fact_checker)
    data = change_form(fact_checker_client, verification)
    services.verification_update(verification=verification, user=editor, fields={"summary": "The editor's words."})

    data |= {"summary": ["Mine."]}
    response = fact_checker_client.post(admin_url(Verification, "change", verification.pk), data)

    errors = form_errors(response)
    assert "changed by someone else" in errors and editor.username in errors
    verification.refresh_from_db()
    assert verification.summary == "The editor's words."


def test_saving_an_unchanged_verification_form_after_someone_else_saved_is_refused(
    fact_checker_client, fact_checker, editor
):
    verification = worked_on(make_statement(), fact_checker)
    data = change_form(fact_checker_client, verification)
    services.verification_update(verification=verification, user=editor, fields={"explanation": "Added."})

    response = fact_checker_client.post(admin_url(Verification, "change", verification.pk), data)

    assert "changed by someone else" in form_errors(response)
    verification.refresh_from_db()
    assert verification.explanation == "Added."


# --- 8. No lost edits ------------------------------------------------------------------------------


def test_a_statement_form_opened_before_someone_elses_save_is_refused(editor_client, second_editor):
    statement = make_statement(text="Kazakhs never had a state.")
    mine = change_form(editor_client, statement)
    assert mine["base_version"] == [str(statement.version)]

    theirs = change_form(client_of(second_editor), statement) | {"text": ["Kazakhs never had a state of their own."]}
    assert client_of(second_editor).post(admin_url(Statement, "change", statement.pk), theirs).status_code == 302

    mine |= {"text": ["Kazakhs had no state."]}
    response = editor_client.post(admin_url(Statement, "change", statement.pk), mine)

    errors = form_errors(response)
    assert "changed by someone else" in errors
    assert f"saved by {second_editor.username}" in errors
    assert "“Kazakhs never had a state.” → “Kazakhs never had a state of their own.”" in errors
    statement.refresh_from_db()
    assert statement.text == "Kazakhs never had a state of their own."


def test_a_statement_form_opened_before_a_service_save_is_refused(editor_client, second_editor):
    statement = make_statement(text="The border is ancient.")
    mine = change_form(editor_client, statement)
    model_save(
        instance=statement,
        changes={"occasion": "Lake Seliger youth forum"},
        user=second_editor,
        expected_version=statement.version,
    )

    mine |= {"text": ["The border is old."]}
    errors = form_errors(editor_client.post(admin_url(Statement, "change", statement.pk), mine))

    assert "changed by someone else" in errors and "Lake Seliger youth forum" in errors
    statement.refresh_from_db()
    assert (statement.text, statement.occasion) == ("The border is ancient.", "Lake Seliger youth forum")


def test_a_quotation_form_opened_before_someone_elses_save_is_refused(editor_client, second_editor):
    quotation = make_quotation(text="never had a state", context="He said they “never had a state” of their own.")
    mine = change_form(editor_client, quotation)

    theirs = change_form(client_of(second_editor), quotation) | {"mode": ["partial"]}
    theirs_response = client_of(second_editor).post(admin_url(Quotation, "change", quotation.pk), theirs)
    assert theirs_response.status_code == 302

    mine |= {"context": ["He said that they “never had a state” at all."]}
    errors = form_errors(editor_client.post(admin_url(Quotation, "change", quotation.pk), mine))

    assert "changed by someone else" in errors and second_editor.username in errors
    quotation.refresh_from_db()
    assert (quotation.mode, quotation.context) == ("partial", "He said they “never had a state” of their own.")


def test_a_quotation_row_of_the_statement_page_opened_before_someone_elses_save_is_refused(
    editor_client, second_editor
):
    quotation = make_quotation(text="never had a state", context="He said they “never had a state” of their own.")
    statement = quotation.statement
    mine = change_form(editor_client, statement)
    assert mine["quotations-0-base_version"] == [str(quotation.version)]

    theirs = change_form(client_of(second_editor), quotation) | {"context": ["They “never had a state”, he said."]}
    assert client_of(second_editor).post(admin_url(Quotation, "change", quotation.pk), theirs).status_code == 302

    mine |= {"quotations-0-context": ["He said that they “never had a state” at all."]}
    errors = form_errors(editor_client.post(admin_url(Statement, "change", statement.pk), mine))

    assert "changed by someone else" in errors and second_editor.username in errors
    quotation.refresh_from_db()
    assert quotation.context == "They “never had a state”, he said."


# --- 9. The desk's queues ----------------------------------------------------------------------------


def test_my_queue_lists_only_my_work_in_progress(fact_checker_client, fact_checker, other_checker):
    mine = services.verification_assign(statement=make_statement(), user=fact_checker)
    in_review(make_statement(), fact_checker)  # mine, but no longer in progress
    services.verification_assign(statement=make_statement(), user=other_checker)

    response = fact_checker_client.get(admin_url(Verification, "changelist") + "?queue=mine")

    assert list(response.context["cl"].result_list) == [mine]


def test_waiting_for_my_review_leaves_out_my_own_work(editor_client, editor, fact_checker):
    theirs = in_review(make_statement(), fact_checker)
    in_review(make_statement(), editor)
    worked_on(make_statement(), fact_checker)

    response = editor_client.get(admin_url(Verification, "changelist") + "?queue=my-reviews")

    assert list(response.context["cl"].result_list) == [theirs]


def test_the_admin_index_shows_the_desk_with_my_queue_and_its_count(fact_checker_client, fact_checker, other_checker):
    for _ in range(2):
        services.verification_assign(statement=make_statement(), user=fact_checker)
    services.verification_assign(statement=make_statement(), user=other_checker)
    make_statement()  # no verification yet
    make_verification()  # a verification nobody has taken

    html = fact_checker_client.get(reverse("admin:index")).content.decode()

    assert "<caption>Fact-checking desk</caption>" in html
    my_queue = admin_url(Verification, "changelist") + "?queue=mine"
    assert re.search(rf'<a href="{re.escape(my_queue)}">My queue</a></th><td>2</td>', html)
    unchecked = admin_url(Statement, "changelist") + "?status=unchecked"
    assert re.search(rf'<a href="{re.escape(unchecked)}">Unchecked statements</a></th><td>2</td>', html)
    assert "Waiting for my review" not in html  # fact-checkers do not review


# --- 10. The statement's history ---------------------------------------------------------------------


def history_rows(html: str) -> list[list[str]]:
    """The cells of each row of the statement page's history table, tags stripped."""
    table = re.search(r'<table class="history-table">.*?</table>', html, re.S)
    assert table, "no history table on the page"
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(0), re.S)[1:]  # without the header
    return [
        [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in rows
    ]


def test_the_statement_page_shows_the_workflow_moves_with_who_before_after_and_why(editor_client, editor, fact_checker):
    statement = make_statement()
    verification = published(statement, fact_checker, editor)
    services.verification_reopen(verification=verification, user=editor, reason="The treaty was amended.")

    rows = history_rows(editor_client.get(admin_url(Statement, "change", statement.pk)).content.decode())

    # When, who, record, what, changes, reason; newest first.
    moves = [row for row in rows if row[3] in ("Assign", "Send to review", "Publish", "Reopen")]
    assert [(who, what, reason) for _, who, _, what, _, reason in moves] == [
        (editor.username, "Reopen", "The treaty was amended."),
        (editor.username, "Publish", "Publish"),
        (fact_checker.username, "Send to review", "Send to review"),
        (fact_checker.username, "Assign", f"Assigned to {fact_checker.username}"),
    ]
    assert all(record == f"verification #{verification.pk}" for _, _, record, _, _, _ in moves)
    reopen_changes, publish_changes, _, assign_changes = (row[4] for row in moves)
    assert "Status: Published → In progress" in reopen_changes
    assert "Status: In review → Published" in publish_changes
    assert f"Reviewer: — → {editor.username}" in publish_changes
    assert f"Fact-checker: — → {fact_checker.username}" in assign_changes


# --- 11. History is append-only ---------------------------------------------------------------


def test_an_old_version_of_a_statement_is_shown_without_a_revert_button(editor_client, second_editor):
    statement = make_statement(text="The first wording.")
    first = statement.history.earliest()
    statement = model_save(
        instance=statement,
        changes={"text": "The second wording."},
        user=second_editor,
        expected_version=statement.version,
    )

    page = editor_client.get(reverse("admin:claims_statement_simple_history", args=[statement.pk, first.history_id]))

    assert page.status_code == 200
    assert 'value="Revert"' not in page.content.decode()


@pytest.mark.parametrize("who", ["editor", "fact_checker"])
def test_posting_to_an_old_version_of_a_statement_does_not_revert_it(request, who, second_editor):
    user = request.getfixturevalue(who)
    client = client_of(user)
    statement = make_statement(text="The first wording.")
    first = statement.history.earliest()
    statement = model_save(
        instance=statement,
        changes={"text": "The second wording."},
        user=second_editor,
        expected_version=statement.version,
    )
    url = reverse("admin:claims_statement_simple_history", args=[statement.pk, first.history_id])
    data = form_data(client.get(url), "historicalstatement_form")
    data |= {"base_version": [str(statement.version)]}  # the version stored now, as a revert would send

    client.post(url, data)

    statement.refresh_from_db()
    assert statement.text == "The second wording."


def test_a_fact_checker_cannot_revert_a_source_through_its_history_page(fact_checker_client, editor):
    source = make_source(title="The first title")
    first = source.history.earliest()
    model_save(instance=source, changes={"title": "The corrected title"}, user=editor)
    url = reverse("admin:sources_source_simple_history", args=[source.pk, first.history_id])

    fact_checker_client.post(url, form_data(fact_checker_client.get(url), "historicalsource_form"))

    source.refresh_from_db()
    assert source.title == "The corrected title"


def test_history_rows_cannot_be_changed_nor_deleted_from_the_admin(editor_client):
    statement = make_statement()
    history_model = type(statement.history.first())

    assert not admin.site.is_registered(history_model)
    assert not any(model.__name__.startswith("Historical") for model in admin.site._registry)


def test_an_edit_without_a_reason_does_not_inherit_the_reason_of_the_move_before(fact_checker):
    verification = services.verification_assign(statement=make_statement(), user=fact_checker)
    services.verification_update(verification=verification, user=fact_checker, fields={"summary": "Not so."})

    latest = Verification.history.filter(id=verification.pk).latest()
    assert latest.summary == "Not so."
    assert not latest.history_change_reason


# --- Queries ----------------------------------------------------------------------------------------


def page_cost(client, url: str) -> tuple[int, str]:
    """The number of queries of a page as if asked for the first time (apps.core.paginator keeps
    the planner's estimates for a minute), and the page."""
    from apps.core.paginator import forget_plan_estimates

    forget_plan_estimates()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()


def test_the_statement_page_costs_the_same_queries_with_1_and_10_history_entries(editor_client, second_editor):
    statement = make_statement(text="Wording 0.")
    url = admin_url(Statement, "change", statement.pk)
    with_one, html = page_cost(editor_client, url)
    assert len(history_rows(html)) == 1

    for n in range(1, 10):
        statement = model_save(
            instance=statement,
            changes={"text": f"Wording {n}."},
            user=second_editor,
            expected_version=statement.version,
        )

    with_ten, html = page_cost(editor_client, url)
    assert len(history_rows(html)) == 10
    assert with_ten == with_one


def test_the_statement_page_costs_the_same_queries_with_few_and_many_workflow_moves(
    editor_client, editor, fact_checker
):
    statement = make_statement()
    verification = worked_on(statement, fact_checker)
    url = admin_url(Statement, "change", statement.pk)
    with_few, html = page_cost(editor_client, url)
    few_rows = len(history_rows(html))

    for _ in range(5):  # ten more moves
        services.verification_submit(verification=verification, user=fact_checker)
        services.verification_return(verification=verification, user=editor, reason="Check the map again.")

    with_many, html = page_cost(editor_client, url)
    assert len(history_rows(html)) == few_rows + 10
    assert with_many == with_few


def test_a_statement_with_a_published_verdict_cannot_be_deleted_in_the_admin(
    editor_client, fact_checker, second_editor
):
    kept, deletable = make_statement(text="Published, kept."), make_statement(text="Unchecked, deletable.")
    published(kept, fact_checker, second_editor)
    # Its delete page sends the editor back to the statement, saying why.
    response = editor_client.get(admin_url(Statement, "delete", kept.pk))
    assert response.status_code == 302 and response.url == admin_url(Statement, "change", kept.pk)
    [(level, text)] = messages_of(response)
    assert level == "error" and f"#{kept.pk} “Published, kept.”" in text and "Reopen" in text
    # Selected together, the admin refuses the whole deletion, before the confirmation page,
    # and names the published statement: nothing goes.
    for step in ({}, {"post": "yes"}):
        response = run_action(editor_client, Statement, "delete_selected", [kept, deletable], **step)
        assert response.status_code == 302
        level, text = messages_of(response)[-1]
        assert level == "error" and text.startswith(
            "Nothing was deleted: 1 of the selected statements has a published verdict"
        )
        assert f"#{kept.pk}" in text and f"#{deletable.pk}" not in text
    assert Statement.objects.filter(pk__in=[kept.pk, deletable.pk]).count() == 2
    run_action(editor_client, Statement, "delete_selected", [deletable], post="yes")
    assert not Statement.objects.filter(pk=deletable.pk).exists()
    assert Statement.objects.filter(pk=kept.pk).exists()
