"""The browsable API: every operation of the OpenAPI document, asked for by a browser
(`Accept: text/html`), anonymously and as a signed-in editor, answers without a server error,
whatever it answers (a page with its forms, or an error)."""

import pytest
from django.test import Client

from apps.ops.seed import seed_load
from tests.api import operation_url, record_ids
from tests.openapi import openapi_document
from tests.shared_rows import module_rows

pytestmark = pytest.mark.django_db
# Reads first and deletions last, so that every operation finds the records it names.
ORDER = {"get": 0, "post": 1, "put": 1, "patch": 1, "delete": 2}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The seed data set, loaded once for the module (tests/shared_rows.py: each test runs in its
    own savepoint, rolled back after it, so what one test's requests write never reaches another)."""
    with module_rows(django_db_blocker):
        seed_load()
        yield


@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_every_operation_answers_a_browser_without_a_server_error(who, seeded, editor):
    client = Client(raise_request_exception=False)  # every server error listed, not the first raised
    if who == "editor":
        client.force_login(editor)
    ids = record_ids(client)
    operations = sorted(
        (ORDER[method], method, operation_url(path, ids))
        for path, methods in openapi_document()["paths"].items()
        for method in methods
    )
    assert len(operations) > 50
    server_errors = []
    for _, method, url in operations:
        body = "{}" if method != "get" else ""
        response = client.generic(method.upper(), url, body, content_type="application/json", HTTP_ACCEPT="text/html")
        if response.status_code >= 500:
            server_errors.append(f"{method.upper()} {url}: {response.status_code}")
    assert not server_errors


def test_a_statement_s_verification_page_offers_a_body_of_the_verification_s_fields(seeded, editor):
    client = Client()
    client.force_login(editor)
    statement = record_ids(client)["statements"]
    page = client.get(f"/api/v1/statements/{statement}/verification/", HTTP_ACCEPT="text/html").content.decode()
    assert "&quot;rating_id&quot;: null" in page and "&quot;summary&quot;" in page
    assert "speaker_id" not in page
