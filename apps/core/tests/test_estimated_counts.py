"""Unfiltered lists of very large tables report the planner's estimate, not COUNT(*)."""

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
        make_statement(speaker=speaker)
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
def test_filtered_lists_and_small_tables_are_counted_exactly(anonymous, thirty_statements, settings):
    settings.CLAIMTRACK_ESTIMATED_COUNT_FROM = 10
    body = anonymous.get("/api/v1/statements/", {"language": "xx"}).json()
    assert body["count"] == 0 and "count_is_estimate" not in body
    settings.CLAIMTRACK_ESTIMATED_COUNT_FROM = 100_000
    assert "count_is_estimate" not in anonymous.get("/api/v1/statements/").json()


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
