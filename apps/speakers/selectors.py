"""Reads of speakers, with what the API and the admin show about each."""

from django.db.models import QuerySet

from apps.claims.models import Statement
from apps.core.selectors import count_per_row
from apps.verification.choices import RatingBucket, VerificationStatus

from .models import Speaker


def speaker_list() -> QuerySet[Speaker]:
    """Speakers with their affiliation, their number of statements and their published
    verdicts per normalised bucket (`verdicts_true`, `verdicts_mixed`…): a record at a glance."""
    published = Statement.objects.filter(verification__status=VerificationStatus.PUBLISHED)
    return Speaker.objects.select_related("affiliation").annotate(
        statement_count=count_per_row(Statement.objects.all(), field="speaker"),
        **{
            f"verdicts_{bucket}": count_per_row(published.filter(verification__rating__bucket=bucket), field="speaker")
            for bucket in RatingBucket.values
        },
    )
