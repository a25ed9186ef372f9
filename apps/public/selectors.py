"""Reads for the public site: only what readers may see, with every relation a page shows
selected up front, so that a page costs the same number of queries however long it is."""

from django.db.models import QuerySet

from apps.claims.models import Statement
from apps.verification.querysets import public_q


def published_fact_checks() -> QuerySet[Statement]:
    """Statements with a public verdict (published, including verdicts corrected and
    republished), the latest published first, with the speaker and the verdict selected."""
    return (
        Statement.objects.filter(public_q("verification__", verdict=True))
        .select_related("speaker", "verification__rating__scale")
        .order_by("-verification__published_at", "-pk")
    )
