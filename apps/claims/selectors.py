"""Reads of statements and quotations, with every relation the API shows selected up front, so
that a page costs the same number of queries whatever its length."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from apps.verification.choices import VerificationStatus
from apps.verification.models import Evidence
from apps.verification.selectors import verification_work_visible

from .models import Quotation, Statement, Topic


def quotation_list() -> QuerySet[Quotation]:
    return Quotation.objects.select_related("statement__speaker", "source__publisher", "reported_via__publisher")


def statement_list(*, user) -> QuerySet[Statement]:
    """Statements with speaker, topics, quotations (with their sources) and verification (with
    verdict, scale and evidence). Evidence of unpublished work is fetched only for users who may
    see it."""
    evidence = Evidence.objects.select_related("source__publisher").order_by("number")
    if not verification_work_visible(user=user):
        evidence = evidence.filter(verification__status=VerificationStatus.PUBLISHED)
    quotations = Quotation.objects.select_related("source__publisher", "reported_via__publisher").order_by(
        "source__published_on", "source_id", "char_start", "occurrence", "pk"
    )
    return Statement.objects.select_related(
        "speaker", "verification__rating__scale", "verification__fact_checker", "verification__reviewer"
    ).prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("name")),
        Prefetch("quotations", queryset=quotations),
        Prefetch("verification__evidence", queryset=evidence),
        "verification__rating__scale__ratings",
    )


def statements_matching(queryset: QuerySet[Statement], words: list[str]) -> QuerySet[Statement]:
    """Statements in which every word appears: in the text, the speaker's name or a quotation."""
    for word in words:
        in_quotations = Quotation.objects.filter(statement=OuterRef("pk"), text__icontains=word)
        queryset = queryset.filter(
            Q(text__icontains=word) | Q(speaker__name__icontains=word) | Q(Exists(in_quotations))
        )
    return queryset
