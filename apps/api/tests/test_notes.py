"""The desk's notes in the API (/api/v1/statements/{id}/verification/notes/): staff only, 404 for
the public as unpublished work is, and never in any public response."""

import json

import pytest

from apps.verification import services
from apps.verification.models import VerificationNote
from tests.api import api_client_for
from tests.factories import make_statement
from tests.openapi import openapi_document
from tests.workflow import published, worked_on

pytestmark = pytest.mark.django_db

SECRET = "Internal: the minister's office confirmed off the record."


def notes_url(statement) -> str:
    return f"/api/v1/statements/{statement.pk}/verification/notes/"


def test_staff_read_the_thread_oldest_first_and_add_to_it(editor, fact_checker):
    statement = make_statement()
    verification = worked_on(statement, fact_checker)
    services.verification_note_add(verification=verification, user=editor, text="Which edition?")
    client = api_client_for(fact_checker)

    added = client.post(notes_url(statement), {"text": "The 1920 one."}, format="json")

    assert added.status_code == 201, added.content
    assert (added.json()["author"], added.json()["text"]) == (fact_checker.username, "The 1920 one.")
    thread = client.get(notes_url(statement)).json()
    assert [(note["author"], note["text"]) for note in thread] == [
        (editor.username, "Which edition?"),
        (fact_checker.username, "The 1920 one."),
    ]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "x" * 5001}, "text"),
        ({"text": "a\x07b"}, "text"),
        ({"text": "hi", "note": "x"}, "note"),
    ],
)
def test_bad_notes_are_a_400_naming_the_field(fact_checker, body, field):
    statement = make_statement()
    worked_on(statement, fact_checker)

    response = api_client_for(fact_checker).post(notes_url(statement), body, format="json")

    assert response.status_code == 400, response.content
    assert field in json.dumps(response.json())
    assert not VerificationNote.objects.exists()


def test_a_statement_nobody_works_on_has_no_thread_yet(fact_checker):
    statement = make_statement()
    client = api_client_for(fact_checker)

    assert client.get(notes_url(statement)).json() == []
    refused = client.post(notes_url(statement), {"text": "Hello"}, format="json")
    assert refused.status_code in (400, 409) and "assign it first" in refused.content.decode()


def test_the_public_gets_404_and_cannot_write_even_on_a_published_verdict(editor, fact_checker, anonymous, plain_api):
    statement = make_statement()
    services.verification_note_add(verification=published(statement, fact_checker, editor), user=editor, text=SECRET)

    assert anonymous.get(notes_url(statement)).status_code == 404
    assert plain_api.get(notes_url(statement)).status_code == 404
    assert anonymous.post(notes_url(statement), {"text": "spam"}, format="json").status_code in (401, 403)
    assert plain_api.post(notes_url(statement), {"text": "spam"}, format="json").status_code == 403
    assert VerificationNote.objects.count() == 1


def test_notes_never_appear_in_any_public_response(editor, fact_checker, anonymous):
    statement = make_statement(text="The border was fixed in 1920.")
    verification = published(statement, fact_checker, editor)
    services.verification_note_add(verification=verification, user=editor, text=SECRET)

    for url in (
        "/api/v1/statements/",
        f"/api/v1/statements/{statement.pk}/",
        f"/api/v1/statements/{statement.pk}/verification/",
        f"/api/v1/statements/{statement.pk}/claimreview/",
        f"/api/v1/statements/{statement.pk}/history/",
        "/api/v1/claimreviews/",
        f"/api/v1/claimreviews/{statement.pk}/",
        "/api/v1/claims:search?query=border",
    ):
        response = anonymous.get(url)
        assert response.status_code == 200, url
        assert "minister" not in response.content.decode(), url
    # The check can fail: staff do read the thread.
    assert "minister" in api_client_for(editor).get(notes_url(statement)).content.decode()


def test_the_notes_endpoint_is_in_the_openapi_document():
    path = openapi_document()["paths"]["/api/v1/statements/{id}/verification/notes/"]

    assert set(path) >= {"get", "post"}
    assert "201" in path["post"]["responses"]
