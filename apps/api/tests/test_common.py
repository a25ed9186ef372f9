"""What every endpoint shares: errors as JSON with a message a person can act on, pagination
by page number and by cursor, token and session authentication."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.db import OperationalError

from apps.api.claims.views import StatementViewSet
from apps.api.common.conditional import etag
from apps.api.common.parsers import MAX_JSON_DEPTH
from apps.speakers.models import Speaker
from tests.factories import make_speaker, make_statement, make_verification
from tests.openapi import assert_conforms, openapi_document

pytestmark = pytest.mark.django_db
URL = "/api/v1/speakers/"


def names(response) -> list[str]:
    return [row["name"] for row in response.json()["results"]]


# Errors


def test_an_unknown_api_url_is_a_json_404_pointing_to_the_docs(api_client):
    response = api_client.get("/api/v1/speechs/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "/api/docs/" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/v1/x%0A", "/api/%0A", "/api/v1/topics/1/%0A", "/api/v1/topics/%0D%0A/"])
def test_an_api_url_with_a_line_break_is_a_json_404_even_with_debug_on(api_client, settings, path):
    settings.DEBUG = True  # where Django answers its own HTML page for a URL no pattern matches
    response = api_client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "not_found"


def test_a_missing_object_is_a_json_404(api_client):
    response = api_client.get(f"{URL}999999/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No Speaker matches the given query.", "code": "not_found"}


def test_a_method_not_allowed_is_a_json_405(api_client, token_client, editor):
    response = token_client(editor).put(URL, {}, format="json")
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


def test_a_body_that_is_not_json_is_refused_with_415(token_client, editor):
    response = token_client(editor).generic("POST", URL, "name=Putin", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert "application/x-www-form-urlencoded" in response.json()["detail"]
    assert_conforms(openapi_document(), response, method="post", path="/api/v1/speakers/")
    assert not Speaker.objects.exists()


def test_malformed_json_is_refused_with_400_saying_where(token_client, editor):
    response = token_client(editor).generic("POST", URL, '{"name": "Putin",', content_type="application/json")
    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]
    assert not Speaker.objects.exists()


def nested(depth: int, innermost: str = "1") -> str:
    """A JSON body `depth` levels deep: arrays inside an object inside arrays..."""
    return (
        "".join("[" if level % 2 else '{"a":' for level in range(depth))
        + innermost
        + "".join("]" if level % 2 else "}" for level in reversed(range(depth)))
    )


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 1000, 100_000])
@pytest.mark.parametrize(
    "method,url",
    [
        ("POST", URL),
        ("PATCH", "/api/v1/statements/{statement}/"),
        ("PATCH", "/api/v1/statements/{statement}/verification/"),
        ("POST", "/api/v1/statements/{statement}/verification/assign/"),
    ],
)
def test_a_json_body_nested_deeper_than_the_limit_is_a_400_that_says_the_limit(
    token_client, editor, method, url, depth
):
    verification = make_verification(statement=make_statement(), status="in_progress")
    response = token_client(editor).generic(
        method,
        url.format(statement=verification.statement.pk),
        nested(depth),
        content_type="application/json",
        HTTP_IF_MATCH=etag(verification),  # a verification's body is read once its version is known
    )
    assert response.status_code == 400, response.content
    assert response.json() == {
        "detail": f"The JSON body is nested too deeply: at most {MAX_JSON_DEPTH} levels of objects and arrays.",
        "code": "parse_error",
    }


@pytest.mark.parametrize("number", ["1e999", "-1e999", "1E400"])
@pytest.mark.parametrize(
    "url,body",
    [
        (URL, '{"name": "Ivan Petrov", "affiliation_id": %s}'),
        ("/api/v1/statements/", '{"speaker_id": 1, "text": "x", "topic_ids": [%s]}'),
        ("/api/v1/topics/", '{"name": %s}'),  # read as the text "inf" before
    ],
)
def test_a_json_number_too_large_for_a_float_is_a_400(token_client, editor, url, body, number):
    response = token_client(editor).generic("POST", url, body % number, content_type="application/json")
    assert response.status_code == 400, response.content
    assert response.json() == {
        "detail": "JSON parse error - a number is out of range: at most about 1.8e308 either way.",
        "code": "parse_error",
    }


def test_a_json_body_as_deep_as_the_limit_is_read(token_client, editor):
    response = token_client(editor).post(URL, nested(MAX_JSON_DEPTH), content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"  # read, and refused for its fields
    assert "a" in response.json()["errors"]  # not a field of a speaker


def test_an_anonymous_write_is_401_with_the_scheme_to_use(api_client):
    response = api_client.post(URL, {"name": "Putin"}, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert_conforms(openapi_document(), response, method="post", path="/api/v1/speakers/")


def test_an_invalid_token_is_401(api_client):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = api_client.get(URL)
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_a_write_without_permission_is_403_and_stores_nothing(token_client, fact_checker):
    response = token_client(fact_checker).post(URL, {"name": "Putin"}, format="json")
    assert response.status_code == 403
    assert_conforms(openapi_document(), response, method="post", path="/api/v1/speakers/")
    assert not Speaker.objects.exists()


def test_deleting_a_record_others_refer_to_is_a_409_that_names_them(token_client, editor):
    speaker = make_speaker(name="Vladimir Putin")
    make_statement(speaker=speaker, text="The Kazakhs never had a state.")
    response = token_client(editor).delete(f"{URL}{speaker.pk}/")
    assert response.status_code == 409
    detail = response.json()["detail"]
    assert "1 statement refer to it" in detail
    assert "The Kazakhs never had a state." in detail
    assert Speaker.objects.filter(pk=speaker.pk).exists()


def test_an_unexpected_error_is_a_json_500_without_a_traceback(api_client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(StatementViewSet, "get_queryset", broken)
    response = api_client.get("/api/v1/statements/")
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert "secret internals" not in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_a_database_outage_is_a_503_with_retry_after(api_client, monkeypatch):
    def unavailable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(StatementViewSet, "get_queryset", unavailable)
    response = api_client.get("/api/v1/statements/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json()["code"] == "unavailable"


# Pagination


@pytest.fixture
def speakers(db):
    return [make_speaker(name=f"Speaker {n:02d}") for n in range(25)]


def test_pages_have_count_next_and_previous(api_client, speakers):
    first = api_client.get(URL, {"ordering": "name"}).json()
    assert first["count"] == 25
    assert len(first["results"]) == 20
    assert first["previous"] is None
    second = api_client.get(first["next"])
    assert names(second) == [f"Speaker {n:02d}" for n in range(20, 25)]
    assert second.json()["next"] is None


def test_page_size_up_to_100_is_honoured(api_client, speakers):
    assert len(api_client.get(URL, {"page_size": 100}).json()["results"]) == 25
    assert len(api_client.get(URL, {"page_size": 5}).json()["results"]) == 5


@pytest.mark.parametrize("page_size", ["101", "0", "-1", "ten"])
def test_a_page_size_out_of_range_is_refused_saying_what_is_allowed(api_client, page_size):
    response = api_client.get(URL, {"page_size": page_size})
    assert response.status_code == 400
    assert "page_size" in response.json()["errors"]


def test_a_page_past_the_end_is_a_404_saying_how_many_pages_there_are(api_client, speakers):
    response = api_client.get(URL, {"page": 3})
    assert response.status_code == 404
    assert response.json()["detail"] == "Page 3 does not exist: there are 2 page(s) of 20."


def test_page_last_is_the_last_page_and_a_page_that_is_not_a_number_is_refused(api_client, speakers):
    assert len(api_client.get(URL, {"page": "last"}).json()["results"]) == 5
    assert api_client.get(URL, {"page": "two"}).status_code == 400


def test_cursor_pagination_walks_the_whole_list_in_id_order(api_client, speakers):
    seen, url, query = [], URL, {"pagination": "cursor", "page_size": 10}
    while url:
        page = api_client.get(url, query).json()
        assert "count" not in page
        seen += [row["id"] for row in page["results"]]
        url, query = page["next"], {}
    assert seen == sorted(speaker.pk for speaker in speakers)


def test_cursor_pages_may_be_up_to_1000_rows(api_client):
    assert api_client.get(URL, {"pagination": "cursor", "page_size": 1000}).status_code == 200
    assert api_client.get(URL, {"pagination": "cursor", "page_size": 1001}).status_code == 400


@pytest.mark.parametrize(
    "cursor",
    [
        "cD1h",  # DRF's base64 of "p=a": a position that is not a number
        "a",
        "ab",
        "x12",
        "a12b",
        "a-1",
        "a9223372036854775808",  # past the largest id a database holds
        "b" + "9" * 40,
    ],
)
def test_a_cursor_whose_position_is_not_a_number_is_a_400(api_client, speakers, cursor):
    response = api_client.get(URL, {"pagination": "cursor", "cursor": cursor})
    assert response.status_code == 400, response.content
    assert "a cursor is" in response.json()["errors"]["cursor"][0]


def test_a_cursor_names_the_id_a_page_starts_after_or_ends_before(api_client, speakers):
    ids = sorted(speaker.pk for speaker in speakers)
    query = {"pagination": "cursor", "page_size": 10}
    first = api_client.get(URL, query).json()
    assert f"cursor=a{ids[9]}&" in first["next"]
    second = api_client.get(URL, {**query, "cursor": f"a{ids[9]}"}).json()
    assert [row["id"] for row in second["results"]] == ids[10:20]
    assert f"cursor=b{ids[10]}&" in second["previous"]
    back = api_client.get(URL, {**query, "cursor": f"b{ids[10]}"}).json()
    assert [row["id"] for row in back["results"]] == ids[:10]
    assert back["previous"] is None


def test_the_openapi_document_gives_patterns_that_the_links_match_and_refused_values_do_not(api_client, speakers):
    parameters = {
        parameter["name"]: parameter["schema"] for parameter in openapi_document()["paths"][URL]["get"]["parameters"]
    }
    page, cursor = parameters["page"]["pattern"], parameters["cursor"]["pattern"]
    next_page = api_client.get(URL, {"page_size": 10}).json()["next"]
    next_cursor = api_client.get(URL, {"page_size": 10, "pagination": "cursor"}).json()["next"]
    assert re.search(page, parse_qs(urlparse(next_page).query)["page"][0]) and re.search(page, "last")
    assert re.search(cursor, parse_qs(urlparse(next_cursor).query)["cursor"][0])
    for refused in ("0", "two", "-1", "1.5", "lastly"):
        assert api_client.get(URL, {"page": refused}).status_code == 400
        assert not re.search(page, refused)


@pytest.mark.parametrize(
    "query,parameter",
    [
        ({"pagination": "cursor", "cursor": "garbage"}, "cursor"),
        ({"pagination": "cursor", "page": 2}, "page"),
        ({"pagination": "cursor", "ordering": "name"}, "ordering"),
        ({"cursor": "a1"}, "cursor"),
        ({"pagination": "offset"}, "pagination"),
    ],
)
def test_cursor_misuse_is_refused_with_400(api_client, speakers, query, parameter):
    response = api_client.get(URL, query)
    assert response.status_code == 400
    assert parameter in response.json()["errors"]


# Authentication


def test_a_session_login_works_for_the_browsable_api(client, editor):
    client.force_login(editor)
    response = client.get(URL, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"Speakers" in response.content or b"Speaker List" in response.content


def test_a_filtered_page_applies_the_filters_it_names_and_the_filter_form_still_offers_every_filter(client, editor):
    make_speaker(name="Kassym-Jomart Tokayev", country="KZ")
    make_speaker(name="Vladimir Putin", country="RU")
    client.force_login(editor)
    assert names(client.get(URL, {"country": "KZ", "ordering": "name"})) == ["Kassym-Jomart Tokayev"]
    html = client.get(URL, {"country": "KZ"}, HTTP_ACCEPT="text/html").content.decode()
    for other_filter in ("kind", "wikidata_id", "affiliation", "search"):
        assert f'name="{other_filter}"' in html


def test_session_writes_need_the_csrf_token(editor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(URL, {"name": "Putin"}, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/topics/?search=a&search=b",
        "/api/v1/statements/?ordering=said_on&ordering=-said_on",
        "/api/v1/statements/?page_size=5&page_size=10",
        "/api/v1/claims:search?query=a&query=b",
    ],
)
def test_a_parameter_that_takes_one_value_given_twice_is_a_400_naming_it(anonymous, url):
    name = url.split("?")[1].split("=")[0]

    response = anonymous.get(url)

    assert response.status_code == 400, response.content
    assert response.json()["errors"][name] == ["Given 2 times; it takes one value: give it once."]


def test_a_repeatable_filter_may_be_given_several_times(anonymous):
    assert anonymous.get("/api/v1/statements/?status=unchecked&status=published").status_code == 200


@pytest.mark.parametrize(
    "url,body",
    [
        ("/api/v1/topics/", {"name": "Borders", "errors": {}}),
        ("/api/v1/speakers/", {"name": "Ivan Petrov", "kind": "person", "nmae": "typo"}),
    ],
)
def test_a_body_field_the_resource_does_not_have_is_a_400_naming_it(editor_api, url, body):
    response = editor_api.post(url, body, format="json")

    unknown = [name for name in body if name in ("errors", "nmae")]
    assert response.status_code == 400, response.content
    assert list(response.json()["errors"]) == unknown
    assert response.json()["errors"][unknown[0]][0].startswith("Unknown field. This endpoint understands:")


def test_a_record_read_can_be_sent_back_as_it_is(editor_api):
    created = editor_api.post("/api/v1/topics/", {"name": "Borders"}, format="json").json()

    response = editor_api.put(created["api_url"], created, format="json")

    assert response.status_code == 200, response.content
