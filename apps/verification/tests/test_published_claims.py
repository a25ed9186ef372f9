"""A published verdict is never silently re-pointed: the words, speaker and date of its
statement stay as reviewed until the verdict is reopened, and anything else its ClaimReview
shows that changes (an appearance, the speaker's name, a rating's label) moves the review's
dateModified, so that aggregators polling `claimreviews/?modified_since=` learn of it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.accounts.roles import EDITORS
from apps.claims.models import Quotation, Statement
from apps.core.services import model_save
from apps.ops.seed import seed_load
from apps.verification import services
from apps.verification.models import Verification
from tests.factories import (
    default_rating,
    make_publisher,
    make_quotation,
    make_source,
    make_speaker,
    make_statement,
    make_user,
)
from tests.workflow import in_review, published

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)


@pytest.fixture
def reviewer(db):
    return make_user("reviewer-in-test", group=EDITORS)


@pytest.fixture
def published_statement(fact_checker, reviewer):
    statement = make_statement(text="Kazakhs never had a state.")
    make_quotation(statement=statement)
    published(statement, fact_checker, reviewer)
    # Published long ago: a change now must show as a later dateModified.
    Verification.objects.filter(statement=statement).update(review_modified_at=LONG_AGO)
    return statement


def statement_url(statement):
    return f"/api/v1/statements/{statement.pk}/"


def etag(client, statement):
    return client.get(statement_url(statement))["ETag"]


def date_modified(api_client, statement) -> str:
    return api_client.get(f"/api/v1/statements/{statement.pk}/claimreview/").json()["dateModified"]


def reported_since(api_client, moment) -> list[int]:
    polled = api_client.get("/api/v1/claimreviews/", {"modified_since": moment.isoformat()}).json()
    return [review["claimReviewed"] for review in polled["results"]]


# --- The words, speaker and date stay as reviewed ------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"text": "Completely different claim text after publication"},
        {"said_on": "2015-01-01", "said_on_precision": "day"},
        {"speaker_id": "other"},
    ],
    ids=["text", "date", "speaker"],
)
def test_the_claim_under_a_published_verdict_cannot_change_over_the_api(editor_api, published_statement, change):
    if change.get("speaker_id") == "other":
        change = {"speaker_id": make_speaker(name="Someone Else").pk}
    response = editor_api.patch(
        statement_url(published_statement), change, format="json", HTTP_IF_MATCH=etag(editor_api, published_statement)
    )

    assert response.status_code == 400, response.content
    [field, *_] = change
    message = response.json()["errors"][field][0]
    assert "cannot change while its verdict is published: reopen the verdict first, saying why" in message
    published_statement.refresh_from_db()
    assert published_statement.text == "Kazakhs never had a state."


def test_the_claim_under_a_verdict_in_review_cannot_change_either(editor_api, fact_checker):
    statement = make_statement(text="The border was never agreed.")
    in_review(statement, fact_checker)

    response = editor_api.patch(statement_url(statement), {"text": "Other words."}, format="json")

    assert response.status_code == 400
    assert "send it back to the fact-checker first" in response.json()["errors"]["text"][0]


def test_once_reopened_the_words_may_be_corrected(editor_api, editor, published_statement):
    services.verification_reopen(
        verification=published_statement.verification, user=editor, reason="The quote was mistranscribed."
    )

    response = editor_api.patch(
        statement_url(published_statement), {"text": "Kazakhs never had statehood."}, format="json"
    )

    assert response.status_code == 200, response.content


def test_other_details_of_a_statement_under_a_published_verdict_may_change(editor_api, published_statement):
    response = editor_api.patch(statement_url(published_statement), {"occasion": "Lake Seliger"}, format="json")

    assert response.status_code == 200, response.content


def test_a_service_save_of_the_words_is_refused_too(editor, published_statement):
    with pytest.raises(ValidationError, match="cannot change while its verdict is published"):
        services.statement_save(instance=published_statement, changes={"text": "New words."}, user=editor)
    published_statement.refresh_from_db()
    assert published_statement.text == "Kazakhs never had a state."


# --- What the ClaimReview shows changed: its dateModified moves ----------------------------------------


def test_a_new_appearance_moves_date_modified_and_modified_since_reports_it(api_client, published_statement):
    before = timezone.now()

    make_quotation(statement=published_statement, source=make_source(title="A new outlet reports it"))

    assert date_modified(api_client, published_statement) > LONG_AGO.isoformat()
    assert reported_since(api_client, before) == [published_statement.text]


def test_a_removed_appearance_moves_date_modified(api_client, published_statement, editor):
    second = make_quotation(statement=published_statement, source=make_source(title="Second outlet"))
    Verification.objects.filter(statement=published_statement).update(review_modified_at=LONG_AGO)
    before = timezone.now()

    Quotation.objects.get(pk=second.pk).delete()

    assert reported_since(api_client, before) == [published_statement.text]


def test_a_corrected_speaker_name_moves_date_modified(api_client, editor_api, published_statement):
    before = timezone.now()
    speaker = published_statement.speaker

    response = editor_api.patch(f"/api/v1/speakers/{speaker.pk}/", {"name": "Vladimir V. Putin"}, format="json")

    assert response.status_code == 200, response.content
    assert reported_since(api_client, before) == [published_statement.text]
    assert (
        api_client.get(f"/api/v1/statements/{published_statement.pk}/claimreview/").json()["itemReviewed"]["author"][
            "name"
        ]
        == "Vladimir V. Putin"
    )


def test_a_change_the_claimreview_does_not_show_leaves_date_modified_alone(api_client, editor_api, published_statement):
    before = timezone.now()

    speaker_url = f"/api/v1/speakers/{published_statement.speaker_id}/"
    assert editor_api.patch(speaker_url, {"country": "RU"}, format="json").status_code == 200
    assert (
        editor_api.patch(statement_url(published_statement), {"occasion": "Lake Seliger"}, format="json").status_code
        == 200
    )

    assert reported_since(api_client, before) == []
    assert date_modified(api_client, published_statement) == LONG_AGO.isoformat().replace("+00:00", "Z")


def test_a_renamed_publisher_or_retitled_source_moves_date_modified(api_client, published_statement):
    quotation = published_statement.quotations.get()
    source = quotation.source
    source.publisher = make_publisher(name="Old Name")
    source.save()
    Verification.objects.filter(statement=published_statement).update(review_modified_at=LONG_AGO)
    before = timezone.now()

    publisher = source.publisher
    publisher.name = "New Name"
    publisher.save()

    assert reported_since(api_client, before) == [published_statement.text]


def test_a_relabelled_rating_moves_date_modified_of_every_verdict_with_it(api_client, published_statement):
    rating = default_rating("false")
    before = timezone.now()

    rating.label = "Wrong"
    rating.save()

    assert reported_since(api_client, before) == [published_statement.text]


def test_the_language_of_a_published_statement_may_change_and_moves_date_modified(
    api_client, editor_api, published_statement
):
    before = timezone.now()

    response = editor_api.patch(statement_url(published_statement), {"language": "ru"}, format="json")

    assert response.status_code == 200, response.content
    assert reported_since(api_client, before) == [published_statement.text]


def test_unpublished_work_is_not_reported(api_client, fact_checker):
    statement = make_statement()
    in_review(statement, fact_checker)
    before = timezone.now()

    make_quotation(statement=statement)

    assert reported_since(api_client, before) == []
    assert not Statement.objects.filter(verification__review_modified_at__isnull=False).exists()


def test_the_seed_data_records_what_its_reviews_show_so_an_unseen_change_moves_nothing(api_client, editor):
    seed_load()
    statement = Statement.objects.get(slug="putin-2014-kazakhs-never-had-statehood")
    before = date_modified(api_client, statement)
    source = statement.quotations.first().source

    model_save(instance=source, changes={"notes": "Archived on the day."}, user=editor)

    assert date_modified(api_client, statement) == before == "2026-11-21T00:00:00Z"
