"""On PostgreSQL the statement list and detail pages are built by one SQL query
(apps/api/claims/statement_json.py, made from StatementSerializer), writes by StatementSerializer: both must answer alike, byte for
byte, for every kind of statement and every kind of reader."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models.expressions import RawSQL
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from apps.accounts.roles import EDITORS, FACT_CHECKERS
from apps.api.claims.serializers import StatementSerializer
from apps.api.claims.statement_json import statement_json, with_statement_json
from apps.claims.models import Statement
from apps.ops.seed import seed_load
from apps.verification.models import Verification
from apps.verification.selectors import statement_list
from tests.factories import (
    make_evidence,
    make_publisher,
    make_quotation,
    make_source,
    make_speaker,
    make_statement,
    make_topic,
    make_user,
)
from tests.shared_rows import module_rows
from tests.workflow import in_review, published, worked_on

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL-built pages are PostgreSQL's"),
]


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker):
    """Made once for the module (tests/shared_rows.py): each test runs in its own savepoint."""
    with module_rows(django_db_blocker):
        editor = make_user("editor-in-test", group=EDITORS)
        fact_checker = make_user("factchecker-in-test", group=FACT_CHECKERS)
        yield {"editor": editor, "fact_checker": fact_checker, "count": _every_kind_of_statement(editor, fact_checker)}


@pytest.fixture
def editor(shared):
    return shared["editor"]


@pytest.fixture
def fact_checker(shared):
    return shared["fact_checker"]


@pytest.fixture
def every_kind_of_statement(shared):
    """The number of statements: those of `_every_kind_of_statement`."""
    return shared["count"]


def _every_kind_of_statement(editor, fact_checker):
    """The seed data set, and what it may lack: every workflow state, evidence with and without
    a source, a quotation reported via another source, every date precision."""
    seed_load()
    speaker = make_speaker(name="Ivan Example", wikidata_id="Q42")
    agency = make_source(title="An agency wire", publisher=make_publisher(name="Agency"))
    dated = {
        "day": make_statement(speaker=speaker, said_on=datetime.date(2022, 1, 7), said_on_precision="day"),
        "month": make_statement(speaker=speaker, said_on=datetime.date(2022, 1, 1), said_on_precision="month"),
        "year": make_statement(speaker=speaker, said_on=datetime.date(2022, 1, 1), said_on_precision="year"),
    }
    dated["day"].topics.set([make_topic(name="Borders"), make_topic(name="Anthems")])
    make_quotation(statement=dated["day"], reported_via=agency, reported_via_note="via the wire")
    make_quotation(statement=dated["day"], source=make_source(publisher=None))
    worked_on(dated["day"], fact_checker)
    in_review(dated["month"], fact_checker)
    done = published(dated["year"], fact_checker, editor)
    make_evidence(verification=done, number=2, source=agency, url="", note="The wire’s own report.")
    # A whole second: DRF leaves the microseconds out.
    Statement.objects.filter(pk=dated["year"].pk).update(created_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    assert Verification.objects.filter(status="in_progress").exists()
    return Statement.objects.count()


def rendered(data) -> bytes:
    return JSONRenderer().render(data)


@pytest.mark.parametrize("reader", ["anonymous", "editor", "fact_checker"])
def test_the_sql_built_statement_equals_the_serializers_for_every_statement_and_reader(
    every_kind_of_statement, reader, request
):
    user = AnonymousUser() if reader == "anonymous" else request.getfixturevalue(reader)
    http = Request(APIRequestFactory().get("/api/v1/statements/"))
    http.user = user
    sees_work = reader != "anonymous"
    statements = list(statement_list(user=user).order_by("pk"))
    assert len(statements) == every_kind_of_statement > 10

    documents = statement_json([s.pk for s in statements], request=http, sees_work=sees_work)
    serializer = StatementSerializer(
        statements, many=True, context={"request": http, "sees_verification_work": sees_work}
    )
    for document, expected in zip(documents, serializer.data, strict=True):
        assert rendered(document) == rendered(expected)
    assert any(d["verification"] and d["verification"]["evidence"] for d in documents)
    assert any(q["reported_via"] for d in documents for q in d["quotations"])
    assert any(d["verification"] is None for d in documents)


def test_statements_come_in_the_order_asked_and_unknown_ids_are_left_out(every_kind_of_statement):
    http = Request(APIRequestFactory().get("/api/v1/statements/"))
    first, second = Statement.objects.order_by("pk").values_list("pk", flat=True)[:2]
    documents = statement_json([second, 10**12, first], request=http, sees_work=False)
    assert [d["id"] for d in documents] == [second, first]


def test_a_queryset_with_statement_json_yields_its_own_page_in_its_own_order(every_kind_of_statement):
    http = Request(APIRequestFactory().get("/api/v1/statements/"))
    newest_id_first = Statement.objects.order_by("-pk")
    page = list(with_statement_json(newest_id_first, request=http, sees_work=False)[2:7])
    expected_ids = list(newest_id_first.values_list("pk", flat=True)[2:7])
    assert [document["id"] for document in page] == expected_ids
    assert page == statement_json(expected_ids, request=http, sees_work=False)


def test_a_literal_percent_sign_in_the_querysets_sql_is_kept(every_kind_of_statement):
    # Django writes a literal % as %%; the page's SQL is joined to the JSON query's, whose
    # placeholders are named, so Django's %s become names and its %% must stay as they are.
    http = Request(APIRequestFactory().get("/api/v1/statements/"))
    not_like = RawSQL("SELECT id FROM claims_statement WHERE text NOT LIKE '%%no statement says this%%'", [])
    statements = Statement.objects.filter(pk__in=not_like, language__iexact="en").order_by("pk")
    documents = list(with_statement_json(statements, request=http, sees_work=False))
    assert [document["id"] for document in documents] == list(statements.values_list("pk", flat=True))
    assert documents


def test_a_queryset_that_can_match_nothing_yields_no_documents(every_kind_of_statement):
    http = Request(APIRequestFactory().get("/api/v1/statements/"))
    assert list(with_statement_json(Statement.objects.filter(pk__in=[]), request=http, sees_work=False)) == []
