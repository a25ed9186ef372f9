"""Bad input, each refused with a clear error that names the field, and nothing stored: in the
API (a 400 JSON error) and in the admin (a form error). What is not bad input, however odd
(right-to-left marks, combining accents, HTML), is stored as given and shown escaped."""

from urllib.parse import quote

import pytest
from django.test import Client
from rest_framework.test import APIClient

from apps.api.common.conditional import etag
from apps.ops.seed import seed_load
from apps.speakers.models import Speaker
from tests.admin import admin_url
from tests.api import api_client_for, operation_url, record_ids
from tests.openapi import openapi_document
from tests.shared_rows import module_rows

pytestmark = pytest.mark.django_db
SPEAKERS = "/api/v1/speakers/"


@pytest.mark.parametrize(
    "name,message",
    [
        ("Ivan\x00Petrov", "Null characters are not allowed."),
        ("Ivan\x07Petrov", "control character U+0007 at position 5"),
        ("Ivan\x1bPetrov", "control character U+001B at position 5"),
        ("Ivan\u202ePetrov", "U+202E (right-to-left override) at position 5, which makes the text display"),
        ("\u2066Ivan Petrov\u2069", "U+2066 (left-to-right isolate) at position 1"),
        ("I" * 201, "no more than 200 characters"),
    ],
)
def test_the_api_refuses_control_characters_and_overlong_text_naming_the_field(editor, name, message):
    response = api_client_for(editor).post(SPEAKERS, {"name": name, "kind": "person"}, format="json")
    assert response.status_code == 400
    assert message in " ".join(response.json()["errors"]["name"])
    assert not Speaker.objects.exists()


@pytest.mark.parametrize("alias", ["Vova\x07", "\x1bVova"])
def test_a_control_character_in_an_alias_is_refused_in_the_api_and_the_admin(editor, editor_client, alias):
    response = api_client_for(editor).post(SPEAKERS, {"name": "Ivan Petrov", "aliases": [alias]}, format="json")
    assert response.status_code == 400, response.content
    assert "invisible control character" in " ".join(response.json()["errors"]["aliases"])

    data = {"name": "Ivan Petrov", "kind": "person", "aliases": f"Ivan\n{alias}", "slug": "", "description": ""}
    page = editor_client.post(admin_url(Speaker, "add"), data)
    assert page.status_code == 200
    assert "invisible control character" in " ".join(page.context["adminform"].form.errors["aliases"])
    assert not Speaker.objects.exists()


@pytest.mark.parametrize(
    "field,value",
    [("slug", " ivan-petrov"), ("wikidata_id", " Q42"), ("wikidata_id", "Q42\n"), ("slug", "ivan-petrov\t")],
)
def test_a_value_with_a_pattern_and_spaces_around_it_is_refused_not_trimmed(editor, field, value):
    # The OpenAPI document gives these a pattern (and URLs a format) that the value as sent does not
    # match; trimming it accepted what the document refuses.
    client = api_client_for(editor)
    response = client.post(SPEAKERS, {"name": "Ivan Petrov", field: value}, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][field][0] == "Remove the spaces or line breaks around it."
    assert not Speaker.objects.exists()
    assert client.post(SPEAKERS, {"name": "Ivan Petrov", field: value.strip()}, format="json").status_code == 201


@pytest.mark.parametrize(
    "url,body,field",
    [
        ("/api/v1/topics/", {"name": "Borders", "slug": 0}, "slug"),
        ("/api/v1/topics/", {"name": 1991}, "name"),
        ("/api/v1/publishers/", {"name": "Reuters", "domain": 0}, "domain"),
        (SPEAKERS, {"name": "Ivan Petrov", "aliases": ["Ivan", 7]}, "aliases"),
        (SPEAKERS, {"name": "Ivan Petrov", "description": 1.5}, "description"),
    ],
)
def test_a_number_where_text_is_expected_is_refused_not_turned_into_text(editor, url, body, field):
    response = api_client_for(editor).post(url, body, format="json")
    assert response.status_code == 400, response.content  # "slug": 0 stored the slug "0"
    assert "Not a valid string." in str(response.json()["errors"][field])


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("occurrence", "2", "A valid integer is required."),
        ("occurrence", True, "A valid integer is required."),
        ("is_first_appearance", 0, "Must be a valid boolean."),
        ("is_first_appearance", "true", "Must be a valid boolean."),
        ("statement_id", "{statement}", "Give the statement's id as a whole number."),
        ("source_id", True, "Give the source's id as a whole number."),
    ],
)
def test_a_value_of_another_json_type_than_the_document_gives_is_refused_not_converted(editor, field, value, message):
    from tests.factories import make_source, make_statement

    statement, source = make_statement(), make_source()
    body = {"statement_id": statement.pk, "source_id": source.pk, "text": "a gift", "context": "It was a gift."}
    body[field] = value.format(statement=statement.pk) if isinstance(value, str) else value
    response = api_client_for(editor).post("/api/v1/quotations/", body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][field] == [message]


def test_an_id_in_a_list_of_ids_is_a_number_too(editor):
    from tests.factories import make_speaker, make_topic

    topic = make_topic()
    body = {"speaker_id": make_speaker().pk, "text": "The border was never agreed.", "topic_ids": [str(topic.pk)]}
    response = api_client_for(editor).post("/api/v1/statements/", body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["errors"]["topic_ids"] == ["Give the topic's id as a whole number."]


def test_a_number_where_the_workflow_expects_text_is_refused(editor):
    from tests.factories import make_statement, make_verification

    verification = make_verification(statement=make_statement(), status="in_progress")
    client = api_client_for(editor)
    url = f"/api/v1/statements/{verification.statement_id}/verification/"
    for body in ({"summary": 42}, {"evidence": [{"url": "", "note": 42}]}):
        response = client.patch(url, body, format="json", HTTP_IF_MATCH=etag(verification))
        assert response.status_code == 400, response.content
        assert "Not a valid string." in str(response.json()["errors"])
    verification.refresh_from_db()
    assert verification.summary == ""


@pytest.mark.parametrize(
    "body,field",
    [
        ({"name": " " + "I" * 200}, "name"),  # 201 characters as sent, 200 once trimmed
        ({"name": "Ivan Petrov", "aliases": ["I" * 200 + "\n"]}, "aliases"),
        ({"name": "Ivan Petrov", "description": "D" * 300 + "  "}, "description"),
        ({"name": "Ivan Petrov", "country": "KZ "}, "country"),
    ],
)
def test_text_longer_than_the_limit_as_sent_is_refused_even_if_shorter_once_trimmed(editor, body, field):
    response = api_client_for(editor).post(SPEAKERS, {"kind": "person", **body}, format="json")
    assert response.status_code == 400, response.content
    assert "no more than" in str(response.json()["errors"][field])
    assert not Speaker.objects.exists()


def test_a_url_with_spaces_around_it_is_refused_not_trimmed(editor):
    response = api_client_for(editor).post(
        "/api/v1/sources/", {"title": "A report", "url": " https://example.org/report"}, format="json"
    )
    assert response.status_code == 400, response.content
    assert response.json()["errors"]["url"][0] == "Remove the spaces or line breaks around it."


def test_tabs_and_line_breaks_are_not_control_characters_to_refuse(editor):
    description = "Deputy of the State Duma.\r\nFirst line\tand a tab.\nLast line."
    response = api_client_for(editor).post(
        SPEAKERS, {"name": "Ivan Petrov", "kind": "person", "description": description}, format="json"
    )
    assert response.status_code == 201, response.content
    assert Speaker.objects.get().description == description


# The marks right-to-left writing needs are kept; overrides that reorder the display are refused
# (test_the_api_refuses_control_characters_and_overlong_text_naming_the_field).
@pytest.mark.parametrize(
    "name", ["\u200fمحمد بن سلمان\u200f", "Ivan \u200eנתניהו\u200e", "Jose\u0301 Marti\u0301", "Нурсултан Назарба́ев"]
)
def test_right_to_left_marks_and_combining_accents_are_kept_as_given(editor, name):
    response = api_client_for(editor).post(SPEAKERS, {"name": name, "kind": "person"}, format="json")
    assert response.status_code == 201, response.content
    assert Speaker.objects.get().name == name == response.json()["name"]


@pytest.mark.parametrize("language", ["Russian", "русский", "en us", "ru_RU", "e"])
def test_a_language_given_by_name_or_not_as_a_bcp_47_code_is_refused(editor, editor_client, language):
    # Stored as given, it became the ClaimReview's inLanguage and the page's lang="…", and the
    # ?language=ru filter and each language's search missed the record.
    from apps.claims.models import Statement
    from apps.sources.models import Source
    from tests.factories import make_speaker

    client = api_client_for(editor)
    response = client.post("/api/v1/sources/", {"title": "Report", "language": language}, format="json")
    assert response.status_code == 400, response.content
    assert "BCP 47 code" in response.json()["errors"]["language"][0]
    body = {"speaker_id": make_speaker().pk, "text": "Borders are fixed.", "language": language}
    response = client.post("/api/v1/statements/", body, format="json")
    assert response.status_code == 400, response.content
    assert "BCP 47 code" in response.json()["errors"]["language"][0]

    data = {"kind": "news_article", "title": "Report", "language": language, "published_on_precision": "unknown"}
    data |= {
        f"{inline}-{key}": "0" for inline in ("quotations", "corrections") for key in ("TOTAL_FORMS", "INITIAL_FORMS")
    }
    page = editor_client.post(admin_url(Source, "add"), data)
    assert page.status_code == 200
    assert "BCP 47 code" in " ".join(page.context["adminform"].form.errors["language"])
    assert not Source.objects.exists() and not Statement.objects.exists()


@pytest.mark.parametrize("language", ["en", "ru", "kk", "EN", "en-US", "zh-Hant-TW", "sr-Latn"])
def test_a_bcp_47_language_code_is_accepted(editor, language):
    response = api_client_for(editor).post("/api/v1/sources/", {"title": "Report", "language": language}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["language"] == language


def test_the_admin_refuses_a_control_character_with_a_form_error(editor_client):
    response = editor_client.post(
        "/admin/speakers/speaker/add/", {"name": "Ivan\x07Petrov", "kind": "person", "slug": "ivan-petrov"}
    )
    assert response.status_code == 200  # the form again, with its error
    assert "control character U+0007" in " ".join(response.context["adminform"].form.errors["name"])
    assert not Speaker.objects.exists()


def test_html_in_a_text_field_is_shown_escaped_in_the_admin_and_the_browsable_api(editor_client, editor):
    markup = '<script>alert("x")</script><b>bold</b>'
    speaker = Speaker.objects.create(name=markup, slug="markup", kind="person")
    for url in (
        "/admin/speakers/speaker/",
        f"/admin/speakers/speaker/{speaker.pk}/change/",
        f"/api/v1/speakers/{speaker.pk}/?format=api",
    ):
        page = editor_client.get(url).content.decode()
        assert "&lt;script&gt;" in page, url
        assert '<script>alert("x")' not in page, url


# Control characters in a query string: refused before any view reads them (PostgreSQL refuses
# NUL in text, so a search for one was a 500), in the API and the admin alike


@pytest.mark.parametrize("value,character,position", [("a\x00b", "U+0000", 2), ("\x1b[31mred", "U+001B", 1)])
@pytest.mark.parametrize(
    "url,parameter",
    [
        ("/admin/autocomplete/?app_label=claims&model_name=quotation&field_name=statement&term=", "term"),
        ("/admin/claims/statement/?q=", "q"),
        ("/admin/speakers/speaker/?kind__exact=", "kind__exact"),
        ("/admin/verification/verification/?q=", "q"),
    ],
)
def test_a_control_character_in_an_admin_query_parameter_is_a_400_that_names_it(
    editor_client, url, parameter, value, character, position
):
    response = editor_client.get(url + quote(value))
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        f"The query parameter “{parameter}” contains the invisible control character {character} at position "
        f"{position}; remove it (tabs and line breaks are fine).\n"
    )


@pytest.mark.parametrize(
    "url,parameter",
    [
        ("/api/v1/statements/?search=", "search"),
        ("/api/v1/speakers/?search=", "search"),
        ("/api/v1/quotations/?search=", "search"),
        ("/api/v1/statements/?speaker=", "speaker"),
        ("/api/v1/topics/?ordering=", "ordering"),
        ("/api/v1/claims:search?query=", "query"),
        ("/api/v1/statements/1/similar/?min_similarity=", "min_similarity"),
        ("/api/v1/topics/?page=", "page"),
    ],
)
def test_a_control_character_in_an_api_query_parameter_is_a_400_that_names_it(editor, url, parameter):
    response = api_client_for(editor).get(url + "a%00b")
    assert response.status_code == 400
    assert response.json() == {
        "detail": f"{parameter}: Contains the invisible control character U+0000 at position 2; remove it (tabs "
        "and line breaks are fine).",
        "code": "invalid",
        "errors": {
            parameter: [
                "Contains the invisible control character U+0000 at position 2; remove it (tabs and line breaks "
                "are fine)."
            ]
        },
    }


def test_a_control_character_in_a_query_parameter_s_name_is_refused_too(editor_client):
    response = APIClient().get("/api/v1/topics/?a%07b=1")
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "a\x07b": ["The name contains the invisible control character U+0007 at position 2; remove it."]
    }
    assert editor_client.get("/admin/claims/statement/?a%07b=1").status_code == 400


def test_more_query_parameters_than_django_reads_is_a_json_400_in_the_api():
    response = APIClient().get("/api/v1/topics/?" + "&".join(f"a{n}=1" for n in range(1001)))
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "request": ["The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS."]
    }


def test_tabs_and_line_breaks_in_a_search_are_searched_for(editor_client):
    assert APIClient().get("/api/v1/statements/", {"search": "border\ttreaty\r\nKazakh"}).status_code == 200
    assert editor_client.get("/admin/claims/statement/", {"q": "border\ttreaty\nKazakh"}).status_code == 200


# A write that touches several rows is all-or-nothing


def test_a_statement_page_that_fails_half_way_through_its_quotations_leaves_nothing_changed(editor_client, monkeypatch):
    from django.db import DatabaseError

    from apps.claims.models import Quotation, Statement
    from tests.admin import change_form
    from tests.factories import make_quotation

    first = make_quotation(text="a gift", context="It was “a gift”, he said.")
    statement = first.statement
    second = make_quotation(statement=statement, text="a gift", context="“It was a gift”, said the other.")
    data = change_form(editor_client, statement) | {
        "text": ["Changed text of the statement."],
        "quotations-0-context": ["It was “a gift”, he said again."],
        "quotations-1-context": ["“It was a gift”, said the other again."],
    }
    saves = []
    original_save = Quotation.save

    def save_failing_the_second_time(self, *args, **kwargs):
        saves.append(self.pk)
        if len(saves) == 2:
            raise DatabaseError("the disk is full (simulated)")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(Quotation, "save", save_failing_the_second_time)
    with pytest.raises(DatabaseError):
        editor_client.post(admin_url(Statement, "change", statement.pk), data)

    assert len(saves) == 2  # the statement and the first quotation were saved before the failure...
    statement.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert statement.text != "Changed text of the statement."  # ...and rolled back with it
    assert (first.context, second.context) == ("It was “a gift”, he said.", "“It was a gift”, said the other.")


# Found by fuzzing (tests/test_fuzz.py)


@pytest.mark.parametrize("ids", [["16152971945244892994732032"], ["3", "-100000000000000000000"]])
def test_an_id_too_large_for_any_database_is_refused_not_a_crash(ids):
    response = APIClient().get("/api/v1/statements/", {"source_id": ids})
    assert response.status_code == 400, response.content
    assert "is not one of the available choices" in response.json()["errors"]["source_id"][0]


@pytest.mark.parametrize("given", [1.5, 0.999, "1.5", "one"])
def test_an_id_that_is_not_a_whole_number_is_refused_not_rounded(editor, given):
    affiliation = Speaker.objects.create(name="Government of Kazakhstan", slug="government", kind="organisation")
    response = api_client_for(editor).post(
        SPEAKERS, {"name": "Ivan Petrov", "affiliation_id": given}, format="json"
    )  # 1.5 was read as id 1
    assert response.status_code == 400, response.content
    assert response.json()["errors"] == {"affiliation_id": ["Give the speaker's id as a whole number."]}
    assert Speaker.objects.get() == affiliation


def test_an_id_written_as_a_whole_number_with_a_decimal_point_is_that_id(editor):
    affiliation = Speaker.objects.create(name="Government of Kazakhstan", slug="government", kind="organisation")
    body = f'{{"name": "Ivan Petrov", "affiliation_id": {affiliation.pk}.0}}'
    response = api_client_for(editor).generic("POST", SPEAKERS, body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["affiliation"]["id"] == affiliation.pk


def other_digits(number: int) -> str:
    """The number in Arabic-Indic digits, which Python's int() reads as it reads 0 to 9."""
    return "".join(chr(0x0660 + int(digit)) for digit in str(number))


@pytest.mark.parametrize(
    "url,query,parameter",
    [
        ("/api/v1/topics/", {"page": "٢"}, "page"),  # Arabic-Indic two: Python's int() reads any script's digits
        ("/api/v1/topics/", {"page_size": "1_0"}, "page_size"),  # ...and underscores
        ("/api/v1/statements/", {"source_id": "{source}"}, "source_id"),
        ("/api/v1/claimreviews/", {"modified_since": "٢٠٢٢-٠١-٠١T00:00:00Z"}, "modified_since"),
        ("/api/v1/claims:search", {"query": "border", "pageSize": "٣"}, "pageSize"),
        ("/api/v1/claims:search", {"query": "border", "offset": "1_0"}, "offset"),
        ("/api/v1/statements/{statement}/similar/", {"min_similarity": "٠.٥"}, "min_similarity"),
    ],
)
def test_a_number_or_a_date_in_a_query_is_written_with_the_digits_0_to_9(url, query, parameter):
    from tests.factories import make_source, make_statement

    source = other_digits(make_source().pk)
    query = {name: value.format(source=source) for name, value in query.items()}
    response = APIClient().get(url.format(statement=make_statement().pk), query)
    assert response.status_code == 400, response.content
    assert list(response.json()["errors"]) == [parameter]


def test_an_id_in_a_path_is_written_with_the_digits_0_to_9():
    from tests.factories import make_source

    source = make_source()
    assert APIClient().get(f"/api/v1/sources/{source.pk}/").status_code == 200
    response = APIClient().get(f"/api/v1/sources/{other_digits(source.pk)}/")
    assert response.status_code == 404  # it was that source
    assert response.json()["code"] == "not_found"


def test_a_date_in_a_body_is_written_with_the_digits_0_to_9(editor):
    from tests.factories import make_speaker

    body = {"speaker_id": make_speaker().pk, "text": "The border was never agreed.", "said_on": "٢٠٢٢-٠١-٠١"}
    response = api_client_for(editor).post("/api/v1/statements/", body, format="json")
    assert response.status_code == 400, response.content
    assert list(response.json()["errors"]) == ["said_on"]


def test_an_empty_page_number_is_the_first_page():
    response = APIClient().get("/api/v1/publishers/", {"pagination": "page", "page": ""})
    assert response.status_code == 200, response.content


@pytest.fixture(scope="class")
def seeded(django_db_setup, django_db_blocker):
    """The seed data set, loaded once for TestOnTheSeedData, which it is scoped to
    (tests/shared_rows.py: each test runs in its own savepoint, rolled back after it)."""
    with module_rows(django_db_blocker):
        seed_load()
        yield


@pytest.mark.usefixtures("seeded")
class TestOnTheSeedData:
    def test_every_query_parameter_of_every_operation_given_empty_is_as_if_not_given(self):
        client = APIClient()
        ids = record_ids(client)
        for path, operations in openapi_document()["paths"].items():
            if "get" not in operations:
                continue
            url = operation_url(path, ids)
            parameters = [
                parameter for parameter in operations["get"].get("parameters", ()) if parameter["in"] == "query"
            ]
            assert all(parameter["allowEmptyValue"] for parameter in parameters)  # as the document says
            names = [parameter["name"] for parameter in parameters]
            required = {"query": "border"} if path.endswith("claims:search") else {}
            # In both modes of pagination: a page number or an ordering refused with a cursor is not refused empty.
            for mode in ({}, {"pagination": "cursor"}) if "pagination" in names else ({},):
                without = {**required, **mode}
                expected = client.get(url, without).status_code
                for name in set(names) - set(without):
                    response = client.get(url, {**without, name: ""})
                    assert response.status_code == expected, (url, without, name, response.content)

    def test_an_empty_value_among_repeated_ones_is_left_out(self):
        both = APIClient().get("/api/v1/statements/", {"status": ["", "published"], "ordering": "id"})
        one = APIClient().get("/api/v1/statements/", {"status": "published", "ordering": "id"})
        assert both.status_code == 200, both.content
        assert both.json()["results"] == one.json()["results"]


@pytest.mark.parametrize("value", ["", "json"])
@pytest.mark.parametrize(
    "path,query",
    [
        ("/api/v1/topics/", {}),
        ("/api/v1/statements/", {}),
        ("/api/v1/claims:search", {"query": "border"}),
        ("/api/v1/claimreviews/", {}),
    ],
)
def test_format_json_and_an_empty_format_are_understood_by_every_endpoint(path, query, value):
    response = APIClient().get(path, {**query, "format": value})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"


def test_a_write_to_no_endpoint_with_a_session_cookie_is_a_json_404_not_a_csrf_page(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.put("/api/v1/publishers/%C2%84", {"name": "x"}, content_type="application/json")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize(
    "path,formats",
    [("/api/v1/statements/", "json, api, csv"), ("/api/v1/statements/1/claimreview/", "jsonld, json")],
)
def test_an_unknown_format_is_refused_in_json_naming_the_endpoints_formats(path, formats):
    response = APIClient().get(path, {"format": "xml"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"]["format"] == [f"“xml” is not a format of this endpoint; use one of: {formats}."]


def test_an_archived_text_keeps_bidirectional_controls_as_published(editor):
    from apps.sources.models import Source

    published = "Заголовок \u202bعنوان\u202c конец."
    response = api_client_for(editor).post(
        "/api/v1/sources/", {"title": "A source", "archived_text": published}, format="json"
    )
    assert response.status_code == 201, response.content
    assert Source.objects.get().archived_text == published
