"""Reads of speakers, with what the API and the admin show about each."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from apps.claims.models import Statement
from apps.verification.choices import RatingBucket, VerificationStatus

from .models import Speaker


def _count(statements: QuerySet) -> Coalesce:
    """A per-speaker count as a correlated subquery: it stays cheap for a page of speakers
    however many statements the database holds, and cannot be multiplied by other joins."""
    counted = statements.filter(speaker=OuterRef("pk")).order_by().values("speaker").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def speaker_list() -> QuerySet[Speaker]:
    """Speakers with their affiliation, their number of statements and their published
    verdicts per normalised bucket (`verdicts_true`, `verdicts_mixed`…): a record at a glance."""
    published = Statement.objects.filter(verification__status=VerificationStatus.PUBLISHED)
    return Speaker.objects.select_related("affiliation").annotate(
        statement_count=_count(Statement.objects.all()),
        **{
            f"verdicts_{bucket}": _count(published.filter(verification__rating__bucket=bucket))
            for bucket in RatingBucket.values
        },
    )
