import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from apps.accounts.roles import EDITORS
from apps.claims.models import Statement
from tests.api import count_queries
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
from tests.shared_rows import module_rows

pytestmark = pytest.mark.django_db
URL = "/api/v1/statements/"


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def published(statement, rating="false", **fields):
    fields.setdefault("summary", "Not so.")
    fields.setdefault("published_at", datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc))
    return make_verification(statement=statement, status="published", rating=default_rating(rating), **fields)


@pytest.fixture
def plain_user(db):
    """Authenticated, but with no permission at all."""
    return get_user_model().objects.create_user("reader", password="pw-for-tests-only")


# Detail and embedding


def test_a_statement_embeds_its_speaker_topics_quotations_and_their_sources(api_client):
    speaker = make_speaker(name="Vladimir Putin", wikidata_id="Q7747")
    source = make_source(title="Border question", publisher=make_publisher(name="Foreign Policy"))
    statement = make_statement(
        speaker=speaker,
        topics=[make_topic(name="Statehood")],
        said_on=datetime.date(2014, 8, 1),
        said_on_precision="month",
    )
    make_quotation(statement=statement, source=source, text="never had a state", mode="partial")

    data = api_client.get(f"{URL}{statement.pk}/").json()

    assert data["speaker"]["name"] == "Vladimir Putin"
    assert data["speaker"]["wikidata_id"] == "Q7747"
    assert data["said_on_display"] == "August 2014"
    assert [topic["name"] for topic in data["topics"]] == ["Statehood"]
    [quotation] = data["quotations"]
    assert quotation["text"] == "never had a state"
    assert quotation["mode"] == "partial"
    assert quotation["source"]["title"] == "Border question"
    assert quotation["source"]["publisher"] == "Foreign Policy"
    assert data["verification"] is None
    assert data["claimreview_url"] is None


def test_a_published_verdict_is_embedded_with_label_value_bucket_attribution_summary_and_evidence(api_client):
    statement = make_statement()
    verification = published(statement, rating="mostly-false", attribution="confirmed", summary="Mostly wrong.")
    make_evidence(verification=verification, url="https://example.org/proof", note="Shows the opposite.")

    data = api_client.get(f"{URL}{statement.pk}/").json()

    assert data["verification"]["status"] == "published"
    assert data["verification"]["verdict"] == {
        "label": "Mostly false",
        "slug": "mostly-false",
        "value": 2,
        "bucket": "false",
        "colour": default_rating("mostly-false").colour,
        "scale": "claimtrack-five-step",
        "worst_value": 1,
        "best_value": 5,
    }
    assert data["verification"]["attribution"] == "confirmed"
    assert data["verification"]["summary"] == "Mostly wrong."
    assert data["verification"]["published_at"] == "2026-01-02T03:04:05Z"
    assert [(e["url"], e["note"]) for e in data["verification"]["evidence"]] == [
        ("https://example.org/proof", "Shows the opposite.")
    ]
    assert data["verification"]["fact_checker"] is None  # never shown to the public
    assert data["claimreview_url"].endswith(f"/api/v1/statements/{statement.pk}/claimreview/")


# Visibility of unpublished verification work


@pytest.fixture
def work_in_progress(db):
    statement = make_statement(text="Kazakhstan is an artificial state.")
    verification = make_verification(
        statement=statement,
        status="in_review",
        rating=default_rating("false"),
        attribution="disputed",
        summary="DRAFT-VERDICT-SUMMARY",
        explanation="DRAFT-EXPLANATION",
    )
    make_evidence(verification=verification, note="DRAFT-EVIDENCE-NOTE")
    return statement


def _leaks(response) -> bool:
    body = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
    return any(
        marker in body for marker in ("DRAFT-VERDICT-SUMMARY", "DRAFT-EXPLANATION", "DRAFT-EVIDENCE-NOTE", "in_review")
    )


def test_anonymous_clients_never_see_unpublished_verification_work(api_client, work_in_progress):
    detail = api_client.get(f"{URL}{work_in_progress.pk}/")
    listing = api_client.get(URL)
    export = api_client.get(URL, {"format": "csv"})
    assert detail.json()["verification"] is None
    assert not _leaks(detail)
    assert not _leaks(listing)
    assert not _leaks(export)


def test_a_token_without_the_view_permission_does_not_see_unpublished_work(token_client, plain_user, work_in_progress):
    response = token_client(plain_user).get(f"{URL}{work_in_progress.pk}/")
    assert response.json()["verification"] is None
    assert not _leaks(response)


def test_fact_checkers_see_unpublished_work_with_its_fact_checker(token_client, fact_checker, work_in_progress):
    work_in_progress.verification.fact_checker = fact_checker
    work_in_progress.verification.save()
    data = token_client(fact_checker).get(f"{URL}{work_in_progress.pk}/").json()
    assert data["verification"]["status"] == "in_review"
    assert data["verification"]["summary"] == "DRAFT-VERDICT-SUMMARY"
    assert data["verification"]["fact_checker"] == fact_checker.username
    assert data["claimreview_url"] is None  # not published yet


def test_filters_cannot_be_used_to_probe_unpublished_verdicts(api_client, work_in_progress):
    for query in (
        {"status": "in_review"},
        {"verdict": "false"},
        {"bucket": "false"},
        {"attribution": "disputed"},
        {"has_verdict": "true"},
        {"status": "published"},
    ):
        assert ids(api_client.get(URL, query)) == set(), query
    # To the public the statement is simply unchecked and unconfirmed.
    assert ids(api_client.get(URL, {"status": "unchecked"})) == {work_in_progress.pk}
    assert ids(api_client.get(URL, {"attribution": "unconfirmed"})) == {work_in_progress.pk}


def test_staff_filter_on_the_real_workflow_state(token_client, editor, work_in_progress):
    client = token_client(editor)
    assert ids(client.get(URL, {"status": "in_review"})) == {work_in_progress.pk}
    assert ids(client.get(URL, {"bucket": "false"})) == {work_in_progress.pk}
    assert ids(client.get(URL, {"attribution": "disputed"})) == {work_in_progress.pk}
    assert ids(client.get(URL, {"status": "unchecked"})) == set()


# Filters


def test_filter_by_speaker_id_or_slug_and_speaker_kind(api_client):
    putin = make_speaker(slug="vladimir-putin")
    anonymous = make_speaker(kind="anonymous")
    by_putin, by_anonymous = make_statement(speaker=putin), make_statement(speaker=anonymous)
    assert ids(api_client.get(URL, {"speaker": "vladimir-putin"})) == {by_putin.pk}
    assert ids(api_client.get(URL, {"speaker_id": putin.pk})) == {by_putin.pk}
    assert ids(api_client.get(URL, {"speaker_id": [putin.pk, anonymous.pk]})) == {by_putin.pk, by_anonymous.pk}
    assert ids(api_client.get(URL, {"speaker_kind": "anonymous"})) == {by_anonymous.pk}


def test_filter_by_source_and_publisher_lists_each_statement_once(api_client):
    dw = make_publisher(slug="dw")
    article = make_source(slug="dw-article", publisher=dw)
    other = make_source()
    twice = make_statement()
    make_quotation(statement=twice, source=article)
    make_quotation(statement=twice, source=article, occurrence=2, text="a state", context="no “a state” then")
    elsewhere = make_statement()
    make_quotation(statement=elsewhere, source=other)
    for query in ({"source": "dw-article"}, {"source_id": article.pk}, {"publisher": "dw"}, {"publisher_id": dw.pk}):
        response = api_client.get(URL, query)
        assert ids(response) == {twice.pk}, query
        assert response.json()["count"] == 1


def test_filter_by_topic(api_client):
    borders = make_topic(slug="borders")
    about_borders, about_else = make_statement(topics=[borders]), make_statement()
    assert ids(api_client.get(URL, {"topic": "borders"})) == {about_borders.pk}
    assert ids(api_client.get(URL, {"topic_id": borders.pk})) == {about_borders.pk}
    assert about_else.pk not in ids(api_client.get(URL, {"topic": "borders"}))


def test_filter_by_several_statuses_counts_a_statement_without_verification_as_unchecked(token_client, editor):
    never_checked = make_statement()
    in_progress = make_statement()
    make_verification(statement=in_progress, status="in_progress")
    done = make_statement()
    published(done)
    client = token_client(editor)
    assert ids(client.get(URL, {"status": ["unchecked", "in_progress"]})) == {never_checked.pk, in_progress.pk}
    assert ids(client.get(URL, {"status": "published"})) == {done.pk}


def test_filter_by_verdict_bucket_attribution_and_has_verdict(api_client):
    false = make_statement()
    published(false, rating="false", attribution="confirmed")
    true = make_statement()
    published(true, rating="true", attribution="paraphrase")
    unchecked = make_statement()
    assert ids(api_client.get(URL, {"verdict": "false"})) == {false.pk}
    assert ids(api_client.get(URL, {"verdict": ["false", "true"]})) == {false.pk, true.pk}
    assert ids(api_client.get(URL, {"bucket": "true"})) == {true.pk}
    assert ids(api_client.get(URL, {"attribution": "paraphrase"})) == {true.pk}
    assert ids(api_client.get(URL, {"has_verdict": "true"})) == {false.pk, true.pk}
    assert ids(api_client.get(URL, {"has_verdict": "false"})) == {unchecked.pk}


def test_filter_by_date_said_and_language(api_client):
    old = make_statement(said_on=datetime.date(2014, 8, 29), said_on_precision="day", language="ru")
    new = make_statement(said_on=datetime.date(2022, 1, 7), said_on_precision="day", language="en")
    assert ids(api_client.get(URL, {"said_from": "2020-01-01"})) == {new.pk}
    assert ids(api_client.get(URL, {"said_to": "2020-01-01"})) == {old.pk}
    assert ids(api_client.get(URL, {"said_from": "2014-08-29", "said_to": "2014-08-29"})) == {old.pk}
    assert ids(api_client.get(URL, {"language": "RU"})) == {old.pk}


@pytest.mark.parametrize(
    "query,parameter",
    [
        ({"speaker": "no-such-speaker"}, "speaker"),
        ({"speaker_id": "abc"}, "speaker_id"),
        ({"status": "done"}, "status"),
        ({"verdict": "pants-on-fire"}, "verdict"),
        ({"bucket": "maybe"}, "bucket"),
        ({"said_from": "29/08/2014"}, "said_from"),
        ({"said_from": "2022-01-01", "said_to": "2021-01-01"}, "said_from"),
        ({"has_verdict": "perhaps"}, "has_verdict"),
        ({"ordering": "text"}, "ordering"),
        ({"speakr": "putin"}, "speakr"),
        ({"search": " ".join(["word"] * 11)}, "search"),
    ],
)
def test_bad_filter_values_are_refused_with_400_naming_the_parameter(api_client, query, parameter):
    make_statement()
    response = api_client.get(URL, query)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert parameter in body["errors"]
    assert parameter in body["detail"]


@pytest.mark.parametrize(
    "url,query,hint",
    [
        (URL, {"speaker": "tokayev"}, "Give the slug of a speaker on file (see /api/v1/speakers/)"),
        (URL, {"speaker_id": "abc"}, "Give the id of a speaker on file (see /api/v1/speakers/)"),
        (URL, {"speaker_id": "99999"}, "Give the id of a speaker on file"),
        (URL, {"topic": "nope"}, "Give the slug of a topic on file (see /api/v1/topics/)"),
        (URL, {"verdict": "pants-on-fire"}, "Give the slug of a rating on file (see /api/v1/rating-scales/)"),
        (URL, {"status": "done"}, "Use one of: unchecked, in_progress, in_review, published."),
        (URL, {"bucket": "maybe"}, "Use one of: true, mixed, false, other."),
        (URL, {"has_verdict": "perhaps"}, "Use one of: true, false."),
        (URL, {"ordering": "text"}, "Use one of: said_on, -said_on, speaker, -speaker,"),
        (URL, {"said_from": "29/08/2014"}, "Write the date as YYYY-MM-DD, e.g. 2022-01-31."),
        ("/api/v1/sources/", {"published_from": "2022"}, "Write the date as YYYY-MM-DD"),
        ("/api/v1/claimreviews/", {"modified_since": "yesterday"}, "e.g. 2026-01-31T12:00:00Z"),
    ],
)
def test_a_refused_filter_value_says_what_the_parameter_takes(api_client, url, query, hint):
    response = api_client.get(url, query)
    assert response.status_code == 400
    (parameter,) = query
    assert hint in response.json()["errors"][parameter][0]
    assert hint in response.json()["detail"]


def test_a_filter_value_that_looks_like_sql_is_just_a_value(api_client):
    make_statement(text="Kazakhs never had a state.")
    response = api_client.get(URL, {"search": "'; DROP TABLE claims_statement; --"})
    assert ids(response) == set()
    assert Statement.objects.count() == 1


# Search and ordering


def test_search_finds_words_in_the_text_the_quotations_and_the_speakers_name(api_client):
    in_text = make_statement(text="Kazakhstan is an artificial state.")
    by_name = make_statement(speaker=make_speaker(name="Dmitry Medvedev"))
    in_quotation = make_statement(text="A paraphrase.")
    make_quotation(statement=in_quotation, text="virtual country", context="It is a “virtual country”, he said.")
    make_statement(text="Unrelated.")
    assert ids(api_client.get(URL, {"search": "artificial"})) == {in_text.pk}
    assert ids(api_client.get(URL, {"search": "medvedev"})) == {by_name.pk}
    assert ids(api_client.get(URL, {"search": "virtual COUNTRY"})) == {in_quotation.pk}
    assert ids(api_client.get(URL, {"search": "artificial medvedev"})) == set()  # every word must match


def test_ordering_by_date_said_and_speaker_name(api_client):
    zed = make_statement(speaker=make_speaker(name="Zed"), said_on=datetime.date(2020, 1, 1), said_on_precision="day")
    abe = make_statement(speaker=make_speaker(name="Abe"), said_on=datetime.date(2010, 1, 1), said_on_precision="day")
    order = lambda query: [row["id"] for row in api_client.get(URL, {"ordering": query}).json()["results"]]  # noqa: E731
    assert order("said_on") == [abe.pk, zed.pk]
    assert order("-said_on") == [zed.pk, abe.pk]
    assert order("speaker") == [abe.pk, zed.pk]
    assert order("-speaker") == [zed.pk, abe.pk]


# Query counts


def _statements_with_everything(count: int):
    publisher = make_publisher()
    topic = make_topic()
    for n in range(count):
        statement = make_statement(topics=[topic, make_topic()])
        source = make_source(publisher=publisher)
        make_quotation(statement=statement, source=source, reported_via=make_source(publisher=make_publisher()))
        make_quotation(statement=statement, source=make_source(), occurrence=2)
        if n % 2 == 0:
            verification = published(statement)
            make_evidence(verification=verification, source=source)
        else:
            make_verification(statement=statement, status="in_progress", fact_checker=make_user(f"fc-{n}"))


def test_the_statement_list_can_be_walked_by_cursor_in_id_order(api_client):
    _statements_with_everything(7)
    expected = list(Statement.objects.order_by("pk").values_list("pk", flat=True))
    seen, url, query = [], URL, {"pagination": "cursor", "page_size": 3}
    while url:
        response = api_client.get(url, query)
        assert response.status_code == 200, response.content
        page = response.json()
        seen += [row["id"] for row in page["results"]]
        assert all(row["quotations"] for row in page["results"])
        url, query = page["next"], None
    assert seen == expected


PAGE_QUERIES = 1 if connection.vendor == "postgresql" else 5


@pytest.fixture(scope="class", params=[1, 50], ids=lambda rows: f"{rows}")
def rows(request, django_db_setup, django_db_blocker):
    """1 or 50 statements with everything, made once for the tests of TestQueryCounts that ask
    for that number (tests/shared_rows.py: each test runs in its own savepoint, rolled back after
    it; the rows go at the end of the class)."""
    with module_rows(django_db_blocker):
        _statements_with_everything(request.param)
        yield request.param


class TestQueryCounts:
    """The same queries for a page of 1 row as for one of 50."""

    def test_the_statement_list_costs_the_same_queries_for_1_and_50_rows(
        self, api_client, django_assert_num_queries, rows
    ):
        # count_queries() for the count, then PostgreSQL: the page picked and its JSON built in one query
        # (apps/api/claims/statement_json.py); elsewhere: statements with speaker, verification, rating, scale and
        # fact-checker, topics, quotations with sources and publishers, evidence with sources, the scales' ratings
        with django_assert_num_queries(count_queries() + PAGE_QUERIES):
            response = api_client.get(URL, {"page_size": 50})
        assert len(response.json()["results"]) == rows

    def test_staff_see_the_same_query_count(self, token_client, editor, django_assert_num_queries, rows):
        client = token_client(editor)
        # token and user, the user's permissions and the group's, count_queries() for the count, then the page
        with django_assert_num_queries(3 + count_queries() + PAGE_QUERIES):
            response = client.get(URL, {"page_size": 50})
        assert len(response.json()["results"]) == rows

    def test_the_csv_export_costs_the_same_queries_for_1_and_50_rows(self, api_client, django_assert_num_queries, rows):
        # 1 statements, 2 topics, 3 quotations, 4 evidence, 5 ratings (one chunk)
        with django_assert_num_queries(5):
            response = api_client.get(URL, {"format": "csv"})
            body = b"".join(response.streaming_content)
        assert body.count(b"\r\n") == rows + 1


# CSV export


def test_the_csv_export_has_a_header_row_stable_columns_and_every_filtered_row(api_client):
    putin = make_speaker(name="Vladimir Putin", slug="vladimir-putin")
    statement = make_statement(speaker=putin, text="Kazakhs never had a state.", topics=[make_topic(slug="statehood")])
    published(statement, rating="false", attribution="confirmed", summary="False.")
    for _ in range(25):  # more than one page: the export is not paged
        make_statement(speaker=putin)
    make_statement()  # filtered out

    response = api_client.get(URL, {"format": "csv", "speaker": "vladimir-putin", "ordering": "id"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="statements.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 26
    assert list(rows[0])[:6] == ["id", "slug", "speaker_id", "speaker", "speaker_kind", "text"]
    first = rows[0]
    assert first["text"] == "Kazakhs never had a state."
    assert first["speaker"] == "Vladimir Putin"
    assert first["topics"] == "statehood"
    assert (first["status"], first["verdict"], first["verdict_value"], first["verdict_bucket"]) == (
        "published",
        "False",
        "1",
        "false",
    )
    assert rows[1]["status"] == "unchecked"


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_defused(api_client):
    make_statement(text='=HYPERLINK("http://evil.example","click")')
    body = b"".join(api_client.get(URL, {"format": "csv"}).streaming_content).decode()
    row = list(csv.DictReader(io.StringIO(body)))[0]
    assert row["text"] == '\'=HYPERLINK("http://evil.example","click")'


def test_a_csv_request_with_a_bad_filter_gets_a_json_error(api_client):
    response = api_client.get(URL, {"format": "csv", "status": "nonsense"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "status" in response.json()["errors"]


@pytest.mark.parametrize("path", ["{id}/", "{id}/verification/", "{id}/history/"])
def test_only_the_statement_list_is_exported_as_csv(api_client, path):
    statement = make_statement()
    make_verification(statement=statement, status="published", rating=default_rating(), summary="Not so.")
    response = api_client.get(URL + path.format(id=statement.pk), {"format": "csv"})
    assert response.status_code == 400  # not an empty CSV file
    assert response.json()["errors"]["format"] == ["“csv” is not a format of this endpoint; use one of: json, api."]


# Writes


def test_an_editor_creates_a_statement_with_topics_and_a_generated_slug(token_client, editor):
    speaker = make_speaker(slug="kassym-jomart-tokayev")
    topic = make_topic()
    response = token_client(editor).post(
        URL,
        {
            "speaker_id": speaker.pk,
            "text": "Kazakhstan will not recognise the referenda.",
            "said_on": "2022-06-17",
            "said_on_precision": "day",
            "topic_ids": [topic.pk],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["slug"] == "kassym-jomart-tokayev-2022-kazakhstan-will-not-recognise-the-referenda"
    assert data["speaker"]["id"] == speaker.pk
    assert [t["id"] for t in data["topics"]] == [topic.pk]
    assert data["verification"] is None
    assert Statement.objects.get(pk=data["id"]).topics.get() == topic


def test_a_statement_whose_date_disagrees_with_its_precision_is_refused_and_not_stored(token_client, editor):
    response = token_client(editor).post(
        URL,
        {"speaker_id": make_speaker().pk, "text": "x", "said_on": "2022-06-17", "said_on_precision": "month"},
        format="json",
    )
    assert response.status_code == 400
    assert "first day of the month" in response.json()["errors"]["said_on"][0]
    assert not Statement.objects.exists()


def test_an_unknown_speaker_id_is_refused_saying_where_to_look(token_client, editor):
    response = token_client(editor).post(URL, {"speaker_id": 999999, "text": "x"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["speaker_id"] == [
        "There is no speaker with id 999999; see /api/v1/speakers/ for the ids."
    ]


@pytest.mark.parametrize("who,expected", [("anonymous", 401), ("plain", 403), ("fact_checker", 403), ("editor", 200)])
def test_only_users_with_the_change_permission_may_edit_a_statement(
    api_client, token_client, plain_user, fact_checker, editor, who, expected
):
    statement = make_statement(text="Before.")
    users = {"plain": plain_user, "fact_checker": fact_checker, "editor": editor}
    client = api_client if who == "anonymous" else token_client(users[who])
    response = client.patch(f"{URL}{statement.pk}/", {"text": "After."}, format="json")
    assert response.status_code == expected
    statement.refresh_from_db()
    assert statement.text == ("After." if expected == 200 else "Before.")


def test_the_verification_cannot_be_written_through_the_statement(token_client, editor):
    statement = make_statement()
    response = token_client(editor).patch(
        f"{URL}{statement.pk}/", {"verification": {"status": "published"}}, format="json"
    )
    assert response.status_code == 400
    assert "/verification/" in response.json()["errors"]["verification"][0]
    assert not hasattr(Statement.objects.get(pk=statement.pk), "verification")


def test_deleting_a_statement_needs_the_delete_permission(token_client, fact_checker):
    statement = make_statement()
    assert token_client(fact_checker).delete(f"{URL}{statement.pk}/").status_code == 403
    editor = make_user("deleting-editor", group=EDITORS)
    assert token_client(editor).delete(f"{URL}{statement.pk}/").status_code == 204
    assert not Statement.objects.filter(pk=statement.pk).exists()


def test_a_patch_answers_the_same_statement_as_a_get_sources_without_publisher_included(token_client, editor):
    # Found by the fuzz test: a partial update's answer left "publisher" out of an embedded
    # source that has none, which the OpenAPI document does not allow.
    statement = make_statement(text="Before.")
    without_publisher = make_source(title="A book cited by an article")
    make_quotation(statement=statement, source=make_source(publisher=make_publisher()), reported_via=without_publisher)
    client = token_client(editor)

    patched = client.patch(f"{URL}{statement.pk}/", {}, format="json")
    assert patched.status_code == 200
    assert patched.json()["quotations"][0]["reported_via"]["publisher"] is None
    assert patched.json() == client.get(f"{URL}{statement.pk}/").json()
