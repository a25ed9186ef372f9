"""The workflow over the API: POST …/verification/<move>/, PATCH …/verification/ with If-Match,
ETags, 409/412/428, and the statement's history."""

import pytest

from apps.claims.models import Statement
from apps.verification.choices import VerificationStatus
from apps.verification.models import Verification
from tests.api import api_client_for, assert_invalid
from tests.factories import default_rating, make_statement, make_user

pytestmark = pytest.mark.django_db


def url(statement, tail=""):
    return f"/api/v1/statements/{statement.pk}/verification/{tail}"


def etag_of(client, statement) -> str:
    response = client.get(url(statement))
    assert response.status_code == 200, response.content
    return response["ETag"]


def move(client, statement, name, body=None, etag=None):
    headers = {"HTTP_IF_MATCH": etag} if etag else {}
    return client.post(url(statement, f"{name}/"), body or {}, format="json", **headers)


def edit(client, statement, body, etag):
    return client.patch(url(statement), body, format="json", HTTP_IF_MATCH=etag)


VERDICT = {
    "rating_id": None,  # filled in by the fixture
    "summary": "False: the border was fixed by the 2005 treaty.",
    "evidence": [{"url": "https://example.org/treaty-2005", "note": "Article 1 describes the border."}],
}


@pytest.fixture
def verdict(db):
    return {**VERDICT, "rating_id": default_rating("false").pk}


@pytest.fixture
def statement(db):
    return make_statement(text="The border was never agreed.")


def to_review(client, statement, verdict):
    assert move(client, statement, "assign").status_code == 200
    assert edit(client, statement, verdict, etag_of(client, statement)).status_code == 200
    response = move(client, statement, "submit", etag=etag_of(client, statement))
    assert response.status_code == 200, response.content
    return response


def test_the_whole_workflow_over_the_api(fact_checker_api, editor_api, anonymous, statement, verdict):
    response = move(fact_checker_api, statement, "assign")
    assert response.status_code == 200
    assert response.json()["status"] == "in_progress"
    assert response.json()["fact_checker"] == "factchecker-in-test"
    verification = Verification.objects.get(statement=statement)
    assert response["ETag"] == f'"verification-{verification.pk}-v{verification.version}"'

    response = edit(fact_checker_api, statement, verdict, response["ETag"])
    assert response.status_code == 200, response.content
    assert response.json()["verdict"]["slug"] == "false"
    assert [e["url"] for e in response.json()["evidence"]] == ["https://example.org/treaty-2005"]

    response = move(fact_checker_api, statement, "submit", etag=response["ETag"])
    assert response.json()["status"] == "in_review"
    # Unpublished: the public sees nothing yet.
    assert anonymous.get(url(statement)).status_code == 404
    assert anonymous.get(f"/api/v1/statements/{statement.pk}/claimreview/").status_code == 404

    response = move(editor_api, statement, "publish", etag=response["ETag"])
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "published"
    assert response.json()["reviewer"] == "editor-in-test"
    assert response.json()["published_at"]

    public = anonymous.get(url(statement)).json()
    assert public["verdict"]["label"] == "False"
    assert public["reviewer"] is None  # who reviewed is staff-only
    claimreview = anonymous.get(f"/api/v1/statements/{statement.pk}/claimreview/").json()
    assert claimreview["reviewRating"]["alternateName"] == "False"
    assert claimreview["datePublished"] == public["published_at"]


def test_a_move_that_is_not_allowed_answers_409_with_the_reason(fact_checker_api, statement):
    move(fact_checker_api, statement, "assign")
    response = move(fact_checker_api, statement, "submit", etag=etag_of(fact_checker_api, statement))
    assert response.status_code == 409
    assert response.json()["code"] == "refused"
    assert "needs a verdict, a summary and at least one piece of evidence" in response.json()["detail"]
    assert Verification.objects.get(statement=statement).status == VerificationStatus.IN_PROGRESS


def test_moves_on_a_statement_nobody_took_are_409(editor_api, statement):
    response = move(editor_api, statement, "publish")
    assert response.status_code == 409
    assert "assign it first" in response.json()["detail"]


def test_a_fact_checker_cannot_publish_over_the_api(fact_checker_api, statement, verdict):
    etag = to_review(fact_checker_api, statement, verdict)["ETag"]
    response = move(fact_checker_api, statement, "publish", etag=etag)
    assert response.status_code == 403
    assert "publish" in response.json()["detail"]
    assert Verification.objects.get(statement=statement).status == VerificationStatus.IN_REVIEW


def test_the_fact_checker_who_did_the_work_cannot_publish_it(editor_api, statement, verdict, settings):
    settings.CLAIMTRACK_SELF_PUBLISH_ALLOWED = False
    etag = to_review(editor_api, statement, verdict)["ETag"]
    response = move(editor_api, statement, "publish", etag=etag)
    assert response.status_code == 409
    assert "two pairs of eyes" in response.json()["detail"]


def test_anonymous_moves_are_401(anonymous, statement):
    assert move(anonymous, statement, "assign").status_code == 401
    assert not Verification.objects.filter(statement=statement).exists()


def test_writes_to_a_verification_need_if_match(fact_checker_api, statement, verdict):
    move(fact_checker_api, statement, "assign")
    response = fact_checker_api.patch(url(statement), verdict, format="json")
    assert response.status_code == 428
    assert response.json()["code"] == "precondition_required"
    assert "If-Match" in response.json()["detail"]
    assert move(fact_checker_api, statement, "submit").status_code == 428
    assert Verification.objects.get(statement=statement).summary == ""


def test_a_stale_if_match_is_412_and_shows_what_changed(fact_checker_api, editor_api, statement, verdict):
    move(fact_checker_api, statement, "assign")
    stale = etag_of(fact_checker_api, statement)
    assert edit(editor_api, statement, {"summary": "The editor's wording."}, stale).status_code == 200

    response = edit(fact_checker_api, statement, {"summary": "Mine."}, stale)
    assert response.status_code == 412
    body = response.json()
    assert body["code"] == "edit_conflict"
    assert body["changes"][0]["user"] == "editor-in-test"
    assert {"field": "summary", "before": "—", "after": "The editor's wording."} in body["changes"][0]["changes"]
    assert response["ETag"] == etag_of(fact_checker_api, statement)
    assert Verification.objects.get(statement=statement).summary == "The editor's wording."


def test_an_if_match_of_another_record_is_412(fact_checker_api, statement):
    move(fact_checker_api, statement, "assign")
    response = edit(fact_checker_api, statement, {"summary": "x"}, '"statement-1-v1"')
    assert response.status_code == 412
    assert "is not an ETag of this verification" in response.json()["detail"]


@pytest.mark.parametrize("etag", [None, '"verification-999-v1"'])
@pytest.mark.parametrize(
    "tail,body",
    [("", {"reason": {"x": []}}), ("", {"evidence": None}), ("reopen/", {"reason": True}), ("submit/", {"x": 1})],
)
def test_an_invalid_body_is_a_400_whatever_the_if_match_as_for_every_write(editor_api, statement, tail, body, etag):
    # As a statement's or a quotation's: the body is read before the version it claims to start from.
    move(editor_api, statement, "assign")
    headers = {"HTTP_IF_MATCH": etag} if etag else {}
    method = editor_api.post if tail else editor_api.patch
    response = method(url(statement, tail), body, format="json", **headers)
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "invalid"


@pytest.mark.parametrize(
    "if_match",
    ['"verification-{pk}-v' + "9" * 5000 + '"', '"verification-' + "9" * 5000 + '-v1"'],  # int() stops at 4,300 digits
)
def test_an_if_match_with_a_number_longer_than_any_id_or_version_is_412(fact_checker_api, statement, if_match):
    move(fact_checker_api, statement, "assign")
    verification = Verification.objects.get(statement=statement)
    response = edit(fact_checker_api, statement, {"summary": "x"}, if_match.format(pk=verification.pk))
    assert response.status_code == 412, response.content
    assert "is not an ETag of this verification" in response.json()["detail"]


def test_the_status_cannot_be_patched(fact_checker_api, statement):
    move(fact_checker_api, statement, "assign")
    response = edit(fact_checker_api, statement, {"status": "published"}, etag_of(fact_checker_api, statement))
    assert "workflow" in assert_invalid(response, "status")[0]
    assert Verification.objects.get(statement=statement).status == VerificationStatus.IN_PROGRESS


def test_the_verification_cannot_be_written_through_the_statement(editor_api, statement):
    response = editor_api.patch(
        f"/api/v1/statements/{statement.pk}/", {"verification": {"status": "published"}}, format="json"
    )
    assert "/verification/" in assert_invalid(response, "verification")[0]
    assert not Verification.objects.filter(statement=statement).exists()


def test_a_published_verdict_is_edited_only_after_reopening(
    fact_checker_api, editor_api, anonymous, statement, verdict
):
    etag = move(editor_api, statement, "publish", etag=to_review(fact_checker_api, statement, verdict)["ETag"])["ETag"]
    response = edit(fact_checker_api, statement, {"summary": "Changed quietly."}, etag)
    assert response.status_code == 409
    assert "reopen it first" in response.json()["detail"]

    response = move(editor_api, statement, "reopen", {"reason": ""}, etag=etag)
    assert_invalid(response, "reason")
    response = move(editor_api, statement, "reopen", {"reason": "The 2005 treaty was amended in 2018."}, etag=etag)
    assert response.status_code == 200
    assert response.json()["status"] == "in_progress"
    assert anonymous.get(url(statement)).status_code == 404

    history = anonymous.get(f"/api/v1/statements/{statement.pk}/history/").json()
    assert [p["event"] for p in history["publications"]] == ["reopened", "published"]
    assert history["publications"][1]["verdict"]["slug"] == "false"
    assert history["changes"] is None  # staff only


def test_the_history_shows_staff_every_change_with_reasons(fact_checker_api, editor_api, statement, verdict):
    etag = to_review(fact_checker_api, statement, verdict)["ETag"]
    move(editor_api, statement, "return", {"reason": "Cite the treaty text, not a summary."}, etag=etag)
    changes = editor_api.get(f"/api/v1/statements/{statement.pk}/history/").json()["changes"]
    latest = changes[0]
    assert (latest["record"], latest["move"], latest["user"]) == ("verification", "return", "editor-in-test")
    assert latest["reason"] == "Cite the treaty text, not a summary."
    status = {"field": "status", "label": "status", "before": "In review", "after": "In progress", "diff": None}
    assert status in latest["changes"]
    assert {entry["record"] for entry in changes} >= {"verification", "evidence"}


def test_an_editor_assigns_a_fact_checker_and_a_fact_checker_cannot(
    editor_api, fact_checker_api, fact_checker, statement
):
    other = make_user("second-checker")
    response = move(fact_checker_api, statement, "assign", {"fact_checker_id": other.pk})
    assert response.status_code == 403
    response = move(editor_api, statement, "assign", {"fact_checker_id": fact_checker.pk})
    assert response.status_code == 200
    assert response.json()["fact_checker"] == fact_checker.username


def test_unknown_fields_in_a_move_are_refused(fact_checker_api, statement):
    assert_invalid(move(fact_checker_api, statement, "assign", {"fact_checker": 1}), "fact_checker")


# ETag and If-Match on statements and quotations


def test_statements_carry_an_etag_and_honour_if_match(editor_api, statement):
    etag = editor_api.get(f"/api/v1/statements/{statement.pk}/")["ETag"]
    assert etag == f'"statement-{statement.pk}-v1"'
    response = editor_api.patch(
        f"/api/v1/statements/{statement.pk}/", {"text": "First edit."}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 200
    assert response["ETag"] == f'"statement-{statement.pk}-v2"'
    assert response.json()["version"] == 2

    response = editor_api.patch(
        f"/api/v1/statements/{statement.pk}/", {"text": "Second, stale."}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 412
    assert "First edit." in response.json()["detail"]
    assert Statement.objects.get(pk=statement.pk).text == "First edit."

    response = editor_api.delete(f"/api/v1/statements/{statement.pk}/", HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert Statement.objects.filter(pk=statement.pk).exists()


def test_writes_to_statements_without_if_match_still_work(editor_api, statement):
    response = editor_api.patch(f"/api/v1/statements/{statement.pk}/", {"text": "Edited."}, format="json")
    assert response.status_code == 200


def test_api_writes_record_the_token_user_in_the_history(editor_api, editor, statement):
    editor_api.patch(f"/api/v1/statements/{statement.pk}/", {"text": "Edited by token."}, format="json")
    assert statement.history.latest().history_user == editor


def test_a_fact_checker_without_delete_permission_cannot_drop_evidence(fact_checker_api, statement, verdict):
    to_review(fact_checker_api, statement, verdict)
    response = move(fact_checker_api, statement, "assign")  # already in review: refused, nothing changes
    assert response.status_code in (409, 428)
    verification = Verification.objects.get(statement=statement)
    verification.status = VerificationStatus.IN_PROGRESS
    verification.save()
    response = edit(fact_checker_api, statement, {"evidence": []}, etag_of(fact_checker_api, statement))
    assert response.status_code == 403
    assert verification.evidence.count() == 1


def test_the_editor_role_token_sees_work_in_progress(fact_checker_api, editor_api, anonymous, statement):
    move(fact_checker_api, statement, "assign")
    assert editor_api.get(url(statement)).json()["status"] == "in_progress"
    assert anonymous.get(url(statement)).status_code == 404
    assert api_client_for(make_user("nobody")).get(url(statement)).status_code == 404


def test_a_republished_verdict_keeps_its_first_date_and_shows_the_change(
    fact_checker_api, editor_api, anonymous, statement, verdict
):
    etag = move(editor_api, statement, "publish", etag=to_review(fact_checker_api, statement, verdict)["ETag"])["ETag"]
    first = anonymous.get(f"/api/v1/statements/{statement.pk}/claimreview/").json()
    etag = move(editor_api, statement, "reopen", {"reason": "A new source."}, etag=etag)["ETag"]
    etag = edit(fact_checker_api, statement, {"rating_id": default_rating("mostly-false").pk}, etag)["ETag"]
    etag = move(fact_checker_api, statement, "submit", etag=etag)["ETag"]
    assert move(editor_api, statement, "publish", etag=etag).status_code == 200

    second = anonymous.get(f"/api/v1/statements/{statement.pk}/claimreview/").json()
    assert second["datePublished"] == first["datePublished"]
    assert second["dateModified"] > first["dateModified"]
    assert second["reviewRating"]["alternateName"] == "Mostly false"
    events = [p["event"] for p in anonymous.get(f"/api/v1/statements/{statement.pk}/history/").json()["publications"]]
    assert events == ["republished", "reopened", "published"]


def test_the_history_costs_the_same_queries_however_long_it_is(editor_api, fact_checker):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from apps.verification import services

    def queries(statement):
        with CaptureQueriesContext(connection) as captured:
            assert editor_api.get(f"/api/v1/statements/{statement.pk}/history/").status_code == 200
        return len(captured)

    short, long = make_statement(), make_statement()
    services.verification_assign(statement=short, user=fact_checker)
    verification = services.verification_assign(statement=long, user=fact_checker)
    for number in range(10):
        services.verification_update(
            verification=verification, user=fact_checker, fields={"summary": f"Draft {number}."}
        )
    assert len(editor_api.get(f"/api/v1/statements/{long.pk}/history/").json()["changes"]) >= 12
    assert queries(long) == queries(short)


def test_a_statement_with_a_published_verdict_cannot_be_deleted_until_reopened(
    fact_checker_api, editor_api, statement, verdict
):
    etag = move(editor_api, statement, "publish", etag=to_review(fact_checker_api, statement, verdict)["ETag"])["ETag"]
    response = editor_api.delete(f"/api/v1/statements/{statement.pk}/")
    assert response.status_code == 409
    assert "published verdict and cannot be deleted" in response.json()["detail"]
    assert Statement.objects.filter(pk=statement.pk).exists()

    move(editor_api, statement, "reopen", {"reason": "Recorded twice; the other record stays."}, etag=etag)
    assert editor_api.delete(f"/api/v1/statements/{statement.pk}/").status_code == 204
    assert not Statement.objects.filter(pk=statement.pk).exists()


def test_the_verification_of_a_statement_nobody_works_on_says_to_assign_it_to_staff(fact_checker_api, anonymous):
    statement = make_statement()

    response = fact_checker_api.get(url(statement))

    assert response.status_code == 404
    # It said "has no published verification", as to the public: a fact-checker read that the
    # work was hidden, not that it was never started.
    assert response.json()["detail"] == (
        f"Statement {statement.pk} has no verification yet: nobody is working on it. Assign it first "
        f"(POST /api/v1/statements/{statement.pk}/verification/assign/)."
    )
    assert anonymous.get(url(statement)).json()["detail"] == (
        f"Statement {statement.pk} has no published verification."
    )
