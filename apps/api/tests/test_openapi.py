"""The OpenAPI document is valid, its docs are served from our own static files, and every
endpoint answers as the document says: successes and errors alike."""

import re

import pytest
from openapi_spec_validator import validate

from apps.accounts.roles import EDITORS
from apps.intake.services import intake_create
from tests.factories import (
    default_rating,
    make_evidence,
    make_publisher,
    make_quotation,
    make_source,
    make_speaker,
    make_statement,
    make_topic,
    make_user,
    make_verification,
)
from tests.openapi import assert_conforms, openapi_document
from tests.shared_rows import module_rows

INTAKE_TEXT = (
    "Council backs the sea wall\n\n“We cannot wait for another storm,” said Maria Lindqvist, the council's leader. "
    "Tomas Berg called the plan “a blank cheque for the builders”."
)

pytestmark = pytest.mark.django_db


def test_the_schema_is_valid_openapi_3_1(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    validate(document)  # raises on any violation of the OpenAPI specification


def test_every_operation_documents_its_errors():
    document = openapi_document()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert "400" in operation["responses"], f"{method} {path} documents no 400"
            if method in ("post", "put", "patch", "delete"):
                assert {"401", "403"} <= set(operation["responses"]), f"{method} {path}"
            if method in ("post", "put", "patch"):
                assert {"413", "415"} <= set(operation["responses"]), f"{method} {path}: a body may be too large"
            if "{id}" in path:
                assert "404" in operation["responses"], f"{method} {path} documents no 404"


@pytest.mark.parametrize(
    ("path", "name"), [("/api/v1/statements/", "has_verdict"), ("/api/v1/quotations/", "is_first_appearance")]
)
def test_a_yes_or_no_filter_is_documented_as_a_boolean_and_takes_true_and_false(client, path, name):
    [parameter] = [p for p in openapi_document()["paths"][path]["get"]["parameters"] if p["name"] == name]
    assert parameter["schema"]["type"] == "boolean"
    assert "enum" not in parameter["schema"]  # it listed the strings "true" and "false": no boolean is either
    assert client.get(path, {name: "true"}).status_code == client.get(path, {name: "false"}).status_code == 200
    assert client.get(path, {name: "yes"}).status_code == 400


# The desk's own worksheets, read with credentials only: articles brought in and their suggestions.
PRIVATE_READS = ("/api/v1/intake/",)


def test_the_document_says_that_reads_need_no_credentials_and_writes_do():
    for path, operations in openapi_document()["paths"].items():
        for method, operation in operations.items():
            anonymous = {} in operation["security"]
            open_read = method == "get" and not path.startswith(PRIVATE_READS)
            assert anonymous == open_read, f"{method} {path}: {operation['security']}"
            assert {"tokenAuth": []} in operation["security"], f"{method} {path}"
            if not anonymous:
                assert {"401", "403"} <= set(operation["responses"]), f"{method} {path}"


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_the_api_docs_load_their_scripts_from_our_own_static_files(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any("drf_spectacular_sidecar" in asset for asset in assets)
    assert not [asset for asset in assets if asset.startswith(("http:", "https:", "//"))]


def test_swagger_ui_gets_its_script_although_it_asks_with_an_empty_parameter(client):
    # The page loads `?script=`; the API's rule that an empty parameter is absent must not apply.
    html = client.get("/api/docs/").content.decode()
    assert 'src="/api/docs/?script="' in html or "?script=" in html
    script = client.get("/api/docs/", {"script": ""})
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")


@pytest.fixture(scope="class")
def world(django_db_setup, django_db_blocker):
    """Records of every kind, made once for the tests of TestEveryAnswerMatchesTheDocument
    (tests/shared_rows.py: each test runs in its own savepoint, rolled back after it, so the
    writes of one never reach another; the records go at the end of the class)."""
    with module_rows(django_db_blocker):
        yield _world()


def _world():
    speaker = make_speaker(name="Vladimir Putin", wikidata_id="Q7747")
    publisher = make_publisher(name="Foreign Policy", url="https://foreignpolicy.com/")
    source = make_source(publisher=publisher, authors=[make_speaker()], url="https://example.org/a")
    topic = make_topic()
    statement = make_statement(speaker=speaker, topics=[topic])
    quotation = make_quotation(statement=statement, source=source, is_first_appearance=True)
    verification = make_verification(
        statement=statement, status="published", rating=default_rating("false"), summary="False."
    )
    make_evidence(verification=verification, source=source)
    unpublished = make_statement(speaker=speaker)
    in_progress = make_verification(statement=unpublished, status="in_progress")
    fresh = make_statement(speaker=speaker)
    intake = intake_create(user=make_user("intake-in-world", group=EDITORS), text=INTAKE_TEXT)
    return {
        "intake": intake.pk,
        "intake_text": INTAKE_TEXT,
        "fresh": fresh.pk,
        "in_progress_etag": f'"verification-{in_progress.pk}-v{in_progress.version}"',
        "published_etag": f'"verification-{verification.pk}-v{verification.version}"',
        "speaker": speaker.pk,
        "publisher": publisher.pk,
        "source": source.pk,
        "topic": topic.pk,
        "statement": statement.pk,
        "unpublished": unpublished.pk,
        "quotation": quotation.pk,
        "scale": default_rating().scale_id,
    }


# (method, documented path, concrete path with {names} from `world`, query, body)
READS = [
    ("get", "/api/v1/{resource}/", "/api/v1/{resource}/", {}, None),
    ("get", "/api/v1/{resource}/{id}/", "/api/v1/{resource}/{pk}/", {}, None),
    ("get", "/api/v1/{resource}/", "/api/v1/{resource}/", {"page": 99}, None),  # 404: no such page
    ("get", "/api/v1/{resource}/", "/api/v1/{resource}/", {"page_size": 101}, None),  # 400
    ("get", "/api/v1/{resource}/", "/api/v1/{resource}/", {"pagination": "cursor"}, None),
    ("get", "/api/v1/{resource}/{id}/", "/api/v1/{resource}/999999/", {}, None),  # 404
]
RESOURCES = {
    "publishers": "publisher",
    "sources": "source",
    "speakers": "speaker",
    "statements": "statement",
    "quotations": "quotation",
    "topics": "topic",
    "rating-scales": "scale",
    "claimreviews": "statement",
}
OTHER_CALLS = [
    ("get", "/api/v1/statements/{id}/claimreview/", "/api/v1/statements/{statement}/claimreview/", {}, None),
    ("get", "/api/v1/statements/{id}/similar/", "/api/v1/statements/{statement}/similar/", {}, None),
    (
        "get",
        "/api/v1/statements/{id}/similar/",
        "/api/v1/statements/{statement}/similar/",
        {"min_similarity": "2"},
        None,
    ),
    ("get", "/api/v1/statements/{id}/claimreview/", "/api/v1/statements/{unpublished}/claimreview/", {}, None),
    ("get", "/api/v1/statements/same-remark/", "/api/v1/statements/same-remark/", {"text": "statement"}, None),
    ("get", "/api/v1/statements/same-remark/", "/api/v1/statements/same-remark/", {}, None),  # 400: text required
    (
        "post",
        "/api/v1/statements/{id}/same-remark/",
        "/api/v1/statements/{fresh}/same-remark/",
        {},
        {"other": "{statement}", "decision": "different"},
    ),
    (
        "post",
        "/api/v1/statements/{id}/same-remark/",
        "/api/v1/statements/{fresh}/same-remark/",
        {},
        {"other": "{statement}", "decision": "maybe"},
    ),  # 400
    (
        "post",
        "/api/v1/statements/{id}/same-remark/",
        "/api/v1/statements/{fresh}/same-remark/",
        {},
        {"other": "{statement}", "decision": "same"},
    ),  # 200: merged into the older statement
    (
        "post",
        "/api/v1/statements/{id}/same-remark/",
        "/api/v1/statements/{unpublished}/same-remark/",
        {},
        {"other": "{statement}", "decision": "same"},
    ),  # 409: both are being verified
    ("get", "/api/v1/statements/", "/api/v1/statements/", {"status": "nonsense"}, None),
    ("get", "/api/v1/statements/", "/api/v1/statements/", {"said_from": "2022-13-01"}, None),
    ("get", "/api/v1/claims:search", "/api/v1/claims:search", {"query": "statement"}, None),
    ("get", "/api/v1/claims:search", "/api/v1/claims:search", {"query": "statement", "pageSize": 1}, None),
    ("get", "/api/v1/claims:search", "/api/v1/claims:search", {}, None),  # 400: query required
    ("post", "/api/v1/speakers/", "/api/v1/speakers/", {}, {"name": "Kassym-Jomart Tokayev", "kind": "person"}),
    ("post", "/api/v1/speakers/", "/api/v1/speakers/", {}, {"name": "X", "wikidata_id": "Tokayev"}),  # 400
    ("patch", "/api/v1/sources/{id}/", "/api/v1/sources/{source}/", {}, {"title": "A new title"}),
    ("put", "/api/v1/topics/{id}/", "/api/v1/topics/{topic}/", {}, {"name": "Borders", "slug": "borders"}),
    ("delete", "/api/v1/speakers/{id}/", "/api/v1/speakers/{speaker}/", {}, None),  # 409: has statements
    ("delete", "/api/v1/topics/{id}/", "/api/v1/topics/{topic}/", {}, None),  # 204
    ("post", "/api/v1/quotations/", "/api/v1/quotations/", {}, {"statement_id": "{statement}"}),  # 400
    # The workflow. For writes, the query dict holds request headers (If-Match).
    ("get", "/api/v1/statements/{id}/verification/", "/api/v1/statements/{statement}/verification/", {}, None),
    ("get", "/api/v1/statements/{id}/verification/", "/api/v1/statements/{fresh}/verification/", {}, None),  # 404
    ("get", "/api/v1/statements/{id}/history/", "/api/v1/statements/{statement}/history/", {}, None),
    (
        "patch",
        "/api/v1/statements/{id}/verification/",
        "/api/v1/statements/{unpublished}/verification/",
        {"HTTP_IF_MATCH": "{in_progress_etag}"},
        {"summary": "Checked.", "evidence": [{"url": "https://example.org/e", "note": "Shows it."}]},
    ),
    (
        "patch",
        "/api/v1/statements/{id}/verification/",
        "/api/v1/statements/{unpublished}/verification/",
        {},
        {"summary": "x"},
    ),  # 428
    (
        "patch",
        "/api/v1/statements/{id}/verification/",
        "/api/v1/statements/{statement}/verification/",
        {"HTTP_IF_MATCH": '"verification-1-v999"'},
        {"summary": "x"},
    ),  # 412
    ("post", "/api/v1/statements/{id}/verification/assign/", "/api/v1/statements/{fresh}/verification/assign/", {}, {}),
    (
        "post",
        "/api/v1/statements/{id}/verification/submit/",
        "/api/v1/statements/{unpublished}/verification/submit/",
        {"HTTP_IF_MATCH": "{in_progress_etag}"},
        {},
    ),  # 409: no verdict yet
    (
        "post",
        "/api/v1/statements/{id}/verification/return/",
        "/api/v1/statements/{unpublished}/verification/return/",
        {"HTTP_IF_MATCH": "{in_progress_etag}"},
        {},
    ),  # 400: reason required
    (
        "post",
        "/api/v1/statements/{id}/verification/publish/",
        "/api/v1/statements/{fresh}/verification/publish/",
        {},
        {},
    ),  # 409
    (
        "post",
        "/api/v1/statements/{id}/verification/reopen/",
        "/api/v1/statements/{statement}/verification/reopen/",
        {"HTTP_IF_MATCH": "{published_etag}"},
        {"reason": "New facts."},
    ),
    # Intake (editors only: a 401 for the anonymous client).
    ("get", "/api/v1/intake/", "/api/v1/intake/", {}, None),
    ("get", "/api/v1/intake/{id}/", "/api/v1/intake/{intake}/", {}, None),
    ("get", "/api/v1/intake/{id}/", "/api/v1/intake/999999/", {}, None),  # 404
    ("post", "/api/v1/intake/", "/api/v1/intake/", {}, {"text": "{intake_text}"}),  # 201
    ("post", "/api/v1/intake/", "/api/v1/intake/", {}, {"url": "http://10.0.0.1/article"}),  # 400: private
    (
        "post",
        "/api/v1/intake/{id}/quotations/{number}/accept/",
        "/api/v1/intake/{intake}/quotations/1/accept/",
        {},
        {},
    ),  # 200
    (
        "post",
        "/api/v1/intake/{id}/quotations/{number}/accept/",
        "/api/v1/intake/{intake}/quotations/1/accept/",
        {},
        {"text": "never printed"},
    ),  # 400
    (
        "post",
        "/api/v1/intake/{id}/quotations/{number}/reject/",
        "/api/v1/intake/{intake}/quotations/2/reject/",
        {},
        {},
    ),  # 200
    (
        "post",
        "/api/v1/intake/{id}/quotations/{number}/reject/",
        "/api/v1/intake/{intake}/quotations/99/reject/",
        {},
        {},
    ),
    # The desk's notes (staff only: a 404 for the anonymous client).
    (
        "get",
        "/api/v1/statements/{id}/verification/notes/",
        "/api/v1/statements/{unpublished}/verification/notes/",
        {},
        None,
    ),
    (
        "post",
        "/api/v1/statements/{id}/verification/notes/",
        "/api/v1/statements/{unpublished}/verification/notes/",
        {},
        {"text": "Which edition of the map?"},
    ),  # 201
    (
        "post",
        "/api/v1/statements/{id}/verification/notes/",
        "/api/v1/statements/{fresh}/verification/notes/",
        {},
        {"text": ""},
    ),  # 400
]


def _calls():
    for resource, key in RESOURCES.items():
        for method, path, concrete, query, body in READS:
            yield (
                method,
                path.replace("{resource}", resource),
                concrete.replace("{resource}", resource).replace("{pk}", "{" + key + "}"),
                query,
                body,
            )
    yield from OTHER_CALLS


def _fill(value, world):
    if isinstance(value, str):
        return value.format(**world) if "{" in value else value
    if isinstance(value, dict):
        return {key: _fill(item, world) for key, item in value.items()}
    return value


class TestEveryAnswerMatchesTheDocument:
    @pytest.mark.parametrize("method,path,concrete,query,body", list(_calls()))
    def test_every_answer_matches_the_documented_response(
        self, world, token_client, method, path, concrete, query, body
    ):
        editor = make_user("schema-editor", group=EDITORS, is_superuser=True)
        client = token_client(editor)
        url = _fill(concrete, world)
        if method == "get":
            response = client.get(url, query)
        else:
            response = getattr(client, method)(url, _fill(body, world), format="json", **_fill(query, world))
        assert response.status_code < 500
        assert_conforms(openapi_document(), response, method=method, path=path)

    @pytest.mark.parametrize("method,path,concrete,query,body", [c for c in _calls() if c[0] == "get"])
    def test_anonymous_answers_match_the_documented_response_too(
        self, world, api_client, method, path, concrete, query, body
    ):
        response = api_client.get(_fill(concrete, world), query)
        assert_conforms(openapi_document(), response, method=method, path=path)


def test_every_documented_path_is_exercised_above():
    exercised = {path for _, path, _, _, _ in _calls()}
    assert set(openapi_document()["paths"]) == exercised


@pytest.mark.django_db
def test_a_body_over_the_size_limit_gets_the_documented_413_and_stores_nothing(token_client, settings):
    from apps.intake.models import Intake

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client = token_client(make_user("big-paster", group=EDITORS, is_superuser=True))

    response = client.post("/api/v1/intake/", {"text": "“Words,” she said. " * 2_000}, format="json")

    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
    assert_conforms(openapi_document(), response, method="post", path="/api/v1/intake/")
    assert not Intake.objects.exists()
