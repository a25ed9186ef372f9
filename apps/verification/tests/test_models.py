import pytest
from django.core.exceptions import ValidationError

from apps.verification.choices import RatingBucket, VerificationStatus
from apps.verification.models import Rating, RatingScale
from tests.factories import default_rating, make_evidence, make_verification

pytestmark = pytest.mark.django_db


def test_the_default_scale_has_five_steps_and_two_labels_off_the_scale():
    scale = RatingScale.objects.get(is_default=True)
    on_scale = list(scale.ratings.exclude(value=None).order_by("value").values_list("label", "value", "bucket"))
    assert on_scale == [
        ("False", 1, "false"),
        ("Mostly false", 2, "false"),
        ("Half true", 3, "mixed"),
        ("Mostly true", 4, "true"),
        ("True", 5, "true"),
    ]
    off_scale = set(scale.ratings.filter(value=None).values_list("label", "bucket"))
    assert off_scale == {("Unverifiable", "other"), ("Not a checkable claim", "other")}


def test_publishing_without_a_verdict_and_summary_is_refused():
    with pytest.raises(ValidationError) as error:
        make_verification(status=VerificationStatus.PUBLISHED)
    assert "needs a verdict" in error.value.message_dict["rating"][0]
    assert "needs a summary" in error.value.message_dict["summary"][0]


def test_a_published_verification_with_verdict_and_summary_is_accepted():
    verification = make_verification(
        status=VerificationStatus.PUBLISHED, rating=default_rating("false"), summary="Kazakh statehood predates 1991."
    )
    assert verification.rating.bucket == RatingBucket.FALSE


def test_work_in_progress_needs_no_verdict():
    assert make_verification(status=VerificationStatus.IN_PROGRESS).rating is None


def test_evidence_needs_a_url_or_a_source_and_a_note():
    with pytest.raises(ValidationError, match="URL or pick a source"):
        make_evidence(url="")
    with pytest.raises(ValidationError) as error:
        make_evidence(note="  ")
    assert "Say what this evidence shows" in str(error.value)


def test_only_one_scale_is_the_default():
    scale = RatingScale(name="Other desk", slug="other-desk", is_default=True)
    with pytest.raises(ValidationError, match="already the default"):
        scale.full_clean()


def test_a_rating_colour_is_a_hex_code_and_values_are_unique_on_a_scale():
    scale = RatingScale.objects.get(is_default=True)
    with pytest.raises(ValidationError) as error:
        Rating(scale=scale, label="Pants on fire", slug="pants", value=1, bucket="false", colour="red").full_clean()
    assert "colour" in error.value.message_dict
    assert "already has a rating with this value" in str(error.value)
