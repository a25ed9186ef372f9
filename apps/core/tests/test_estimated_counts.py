"""Unfiltered lists of very large tables report the planner's estimate, not COUNT(*)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.claims.models import Statement
from tests.factories import make_speaker, make_statement

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="estimates come from PostgreSQL's planner"
)


@pytest.fixture
def thirty_statements(db):
    speaker = make_speaker()
    for _ in range(30):
        make_statement(speaker=speaker, said_on=datetime.date(2020, 1, 1), said_on_precision="day")
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Statement._meta.db_table}" if connection.vendor == "postgresql" else "SELECT 1")


@postgresql_only
def test_an_unfiltered_list_of_a_large_table_reports_an_estimate_without_counting(
    anonymous, thirty_statements, settings
):
    settings.CLAIMTRACK_ESTIMATED_COUNT_FROM = 10  # "large", for this test
    response = anonymous.get("/api/v1/statements/")
    body = response.json()
    assert (body["count"], body["count_is_estimate"]) == (30, True)  # ANALYZE counted them exactly
    with CaptureQueriesContext(connection) as queries:
        anonymous.get("/api/v1/statements/")
    assert not any("COUNT(" in query["sql"].upper() for query in queries.captured_queries)
    assert any("reltuples" in query["sql"] for query in queries.captured_queries)


@postgresql_only
def test_small_lists_are_counted_exactly(anonymous, thirty_statements, settings):
    settings.CLAIMTRACK_ESTIMATED_COUNT_FROM = 100_000
    assert "count_is_estimate" not in anonymous.get("/api/v1/statements/").json()
    assert "count_is_estimate" not in anonymous.get("/api/v1/statements/", {"language": "en"}).json()


@postgresql_only
def test_a_large_filtered_list_reports_the_plans_estimate_without_counting(anonymous, thirty_statements, settings):
    settings.CLAIMTRACK_ESTIMATED_COUNT_FROM = 10
    with CaptureQueriesContext(connection) as queries:
        body = anonymous.get("/api/v1/statements/", {"said_from": "1900-01-01", "page_size": 5}).json()
    assert body["count_is_estimate"] is True and body["count"] >= 10
    assert body["next"] is not None
    assert not any("COUNT(" in query["sql"].upper() for query in queries.captured_queries)
    assert any(query["sql"].startswith("EXPLAIN (FORMAT JSON)") for query in queries.captured_queries)


@postgresql_only
def test_an_estimate_is_replaced_by_the_exact_count_once_a_page_shows_the_end(anonymous, thirty_statements, settings):
    settings.CLAIMTRACK_ESTIMATED_COUNT_FROM = 10
    body = anonymous.get("/api/v1/statements/", {"said_from": "1900-01-01", "page_size": 100}).json()
    assert (body["count"], len(body["results"]), body["next"]) == (30, 30, None)
    assert "count_is_estimate" not in body


@postgresql_only
def test_a_page_past_the_end_of_an_overestimated_list_is_not_found(anonymous, thirty_statements, settings):
    settings.CLAIMTRACK_ESTIMATED_COUNT_FROM = 1
    with connection.cursor() as cursor:  # make the planner believe in far more statements
        cursor.execute(f"UPDATE pg_class SET reltuples = 100000 WHERE relname = '{Statement._meta.db_table}'")
    estimated = anonymous.get("/api/v1/statements/", {"said_from": "1900-01-01"}).json()
    assert estimated["count"] > 30 and estimated["count_is_estimate"] is True
    response = anonymous.get("/api/v1/statements/", {"said_from": "1900-01-01", "page": 10})
    assert response.status_code == 404
    assert "there are 2 page(s)" in response.json()["detail"]
    body = anonymous.get("/api/v1/statements/", {"said_from": "1900-01-01", "page": 2}).json()
    assert (body["count"], len(body["results"]), body["next"]) == (30, 10, None)


def test_the_last_page_is_found_exactly_even_with_estimates(anonymous, thirty_statements, settings):
    settings.CLAIMTRACK_ESTIMATED_COUNT_FROM = 1
    body = anonymous.get("/api/v1/statements/", {"page": "last", "page_size": 20}).json()
    assert len(body["results"]) == 10
    assert "count_is_estimate" not in body


def test_the_count_is_right_and_estimated_only_on_postgresql(anonymous, thirty_statements, settings):
    settings.CLAIMTRACK_ESTIMATED_COUNT_FROM = 1
    body = anonymous.get("/api/v1/statements/").json()
    assert body["count"] == 30
    assert body.get("count_is_estimate", False) is (connection.vendor == "postgresql")
