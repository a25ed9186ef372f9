"""The statement's history as the API gives it to staff: labels, not codes or ids, and for a
long text the words that changed."""

import pytest
from django.contrib.auth import get_user_model

from apps.accounts.roles import FACT_CHECKERS
from apps.core.services import history_note
from tests.factories import make_statement, make_user
from tests.workflow import worked_on

pytestmark = pytest.mark.django_db

LONG = "Kazakhs never had any statehood before the Soviet Union, the President said at a youth forum in 2014."


def changes(client, statement) -> list[dict]:
    response = client.get(f"/api/v1/statements/{statement.pk}/history/")
    assert response.status_code == 200, response.content
    return response.json()["changes"]


def test_a_long_text_edit_comes_with_the_words_that_changed(editor_api, editor):
    statement = make_statement(text=LONG)
    statement.text = LONG.replace("youth forum", "<b>youth</b> camp")
    history_note(statement, user=editor)
    statement.save()

    (change,) = changes(editor_api, statement)[0]["changes"]

    assert (change["before"], change["after"]) == (LONG, statement.text)
    assert [piece for piece in change["diff"] if piece["op"] != "equal"] == [
        {"op": "delete", "text": "youth forum "},
        {"op": "insert", "text": "<b>youth</b> camp "},
    ]
    assert "".join(piece["text"] for piece in change["diff"] if piece["op"] != "insert") == LONG


def test_a_deleted_account_is_null_as_the_author_and_deleted_as_the_fact_checker(editor_api):
    gone = make_user("gone-checker", group=FACT_CHECKERS)
    statement = make_statement()
    worked_on(statement, gone)
    get_user_model().objects.filter(pk=gone.pk).delete()

    entries = changes(editor_api, statement)
    assigned = [c for entry in entries for c in entry["changes"] if c["field"] == "fact_checker"]

    assert assigned == [
        {"field": "fact_checker", "label": "fact-checker", "before": "—", "after": "(deleted user)", "diff": None}
    ]
    assert {entry["user"] for entry in entries if entry["record"] == "verification"} == {None}
