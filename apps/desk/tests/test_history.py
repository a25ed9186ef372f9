"""The admin's history pages and the statement page's history table, in the desk's words:
no "Deleted user (pk=None)", no raw status codes, no "[86 chars]", text escaped."""

import pytest
from django.contrib.auth import get_user_model

from apps.accounts.roles import FACT_CHECKERS
from apps.claims.models import Statement
from apps.core.services import history_note
from apps.verification import services
from apps.verification.models import Verification
from tests.admin import admin_url
from tests.factories import make_statement, make_user
from tests.workflow import in_review, worked_on

pytestmark = pytest.mark.django_db

LONG = "Kazakhs never had any statehood before the Soviet Union, the President said at a youth forum in 2014."


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_verification_history_page_names_statuses_and_users(editor_client, editor, fact_checker):
    statement = make_statement()
    verification = services.verification_publish(verification=in_review(statement, fact_checker), user=editor)

    html = page(editor_client, admin_url(Verification, "history", verification.pk))

    assert "<del>In review</del> → <ins>Published</ins>" in html
    assert f"<ins>{fact_checker.username}</ins>" in html  # assigned: the fact-checker by name
    assert "pk=None" not in html
    assert "in_review" not in html


def test_a_deleted_account_shows_as_no_account_and_deleted_user(editor_client):
    gone = make_user("gone-checker", group=FACT_CHECKERS)
    verification = worked_on(make_statement(), gone)
    get_user_model().objects.filter(pk=gone.pk).delete()

    html = page(editor_client, admin_url(Verification, "history", verification.pk))

    assert "(deleted user)" in html
    assert "(no account)" in html
    assert "Deleted user" not in html
    assert "pk=None" not in html


def test_a_long_text_edit_shows_the_words_that_changed_with_html_escaped(editor_client, editor):
    statement = make_statement(text=LONG)
    statement.text = LONG.replace("youth forum", "<b>youth</b> camp")
    history_note(statement, user=editor)
    statement.save()

    for html in (
        page(editor_client, admin_url(Statement, "history", statement.pk)),
        page(editor_client, admin_url(Statement, "change", statement.pk)),  # its history table
    ):
        assert "at a <del>youth forum</del> <ins>&lt;b&gt;youth&lt;/b&gt; camp</ins> in 2014." in html
        assert "<b>youth</b>" not in html
        assert "chars]" not in html


def test_the_first_version_on_a_later_history_page_still_shows_its_changes(editor_client, editor, settings):
    statement = make_statement(occasion="Version 0")
    for number in range(1, 4):
        statement.occasion = f"Version {number}"
        history_note(statement, user=editor)
        statement.save()

    from apps.desk.admin.claims import StatementAdmin

    per_page = 2
    original = StatementAdmin.history_list_per_page
    StatementAdmin.history_list_per_page = per_page
    try:
        html = page(editor_client, admin_url(Statement, "history", statement.pk) + "?p=2")
    finally:
        StatementAdmin.history_list_per_page = original

    # Page 2 holds versions 1 and 0 (newest first): version 1's change is shown.
    assert "<del>Version 0</del> → <ins>Version 1</ins>" in html


def test_the_history_page_costs_the_same_queries_for_2_and_20_versions(
    editor_client, editor, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(statement) -> int:
        with CaptureQueriesContext(connection) as captured:
            page(editor_client, admin_url(Statement, "history", statement.pk))
        return len(captured)

    few, many = make_statement(occasion="0"), make_statement(occasion="0")
    for statement, versions in ((few, 1), (many, 19)):
        for number in range(versions):
            statement.occasion = f"Occasion {number}"
            history_note(statement, user=editor)
            statement.save()
    queries(few)  # process-wide caches (content types) filled

    assert queries(many) == queries(few)
