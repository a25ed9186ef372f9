"""Reads of verifications, and of the statements and speakers shown with them. Who may read
which verification work is decided in querysets.py, once."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from apps.claims.models import Quotation, Statement, Topic
from apps.core.selectors import count_per_row
from apps.speakers.models import Speaker

from .choices import RatingBucket, VerificationStatus
from .models import Evidence
from .querysets import public_q, sees_work


def fact_checker_candidates():
    """Users a statement can be assigned to: active staff who may work on verifications."""
    return _staff_with_permission("change_verification")


def publish_candidates():
    """Users who may publish verdicts: active staff with the publish permission."""
    return _staff_with_permission("publish_verification")


def _staff_with_permission(codename: str):
    granted = Permission.objects.filter(codename=codename, content_type__app_label="verification")
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | Q(user_permissions__in=granted) | Q(groups__permissions__in=granted))
        .distinct()
        .order_by("username")
    )


# The desk's queues: (label, which verifications) by the name used in the admin's `?queue=`.
QUEUES = {
    "mine": ("My queue", lambda user: Q(fact_checker=user, status=VerificationStatus.IN_PROGRESS)),
    "review": ("Waiting for review", lambda user: Q(status=VerificationStatus.IN_REVIEW)),
    "my-reviews": (
        "Waiting for my review",
        lambda user: Q(status=VerificationStatus.IN_REVIEW) & ~Q(fact_checker=user),
    ),
    # The desk's board (apps/verification/board.py) links its counts here.
    "sent-back": (
        "Sent back to me",
        lambda user: Q(fact_checker=user, status=VerificationStatus.IN_PROGRESS) & ~Q(sent_back_reason=""),
    ),
    "to-publish": (
        "In review, not written by me",
        lambda user: Q(status=VerificationStatus.IN_REVIEW) & ~Q(writers=user),
    ),
    "written-by-me": (
        "In review, written by me",
        lambda user: Q(status=VerificationStatus.IN_REVIEW, writers=user),
    ),
    **{
        f"over-{days}-days": (
            f"Waiting more than {days} days",
            lambda user, days=days: Q(
                status__in=(VerificationStatus.IN_PROGRESS, VerificationStatus.IN_REVIEW),
                status_changed_at__lt=timezone.now() - datetime.timedelta(days=days),
            ),
        )
        for days in (7, 30)
    },
}


def verification_queue(queryset, *, name: str, user):
    """The verifications of queue `name` (see QUEUES) as `user` sees it."""
    return queryset.filter(QUEUES[name][1](user))


# --- Reads that combine verifications with the records below them --------------------------------


def statement_list(*, user) -> QuerySet[Statement]:
    """Statements with speaker, topics, quotations (with their sources) and verification (with
    verdict, scale and evidence). Evidence of unpublished work, and who did the work, are
    fetched only for users who may see them."""
    shows_work = sees_work(user)
    evidence = Evidence.objects.select_related("source__publisher").order_by(*Evidence.VERIFICATION_ORDER)
    related = ["speaker", "verification__rating__scale"]
    if shows_work:
        related += ["verification__fact_checker", "verification__reviewer"]
    else:
        evidence = evidence.filter(public_q("verification__"))
    quotations = Quotation.objects.select_related("source__publisher", "reported_via__publisher").order_by(
        *Quotation.STATEMENT_ORDER
    )
    return Statement.objects.select_related(*related).prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by(*Topic._meta.ordering)),
        Prefetch("quotations", queryset=quotations),
        Prefetch("verification__evidence", queryset=evidence),
        "verification__rating__scale__ratings",
    )


def speaker_list() -> QuerySet[Speaker]:
    """Speakers with their affiliation, their number of statements and their published
    verdicts per normalised bucket (`verdicts_true`, `verdicts_mixed`…): a record at a glance."""
    published = Statement.objects.filter(public_q("verification__"))
    return Speaker.objects.select_related("affiliation").annotate(
        statement_count=count_per_row(Statement.objects.all(), field="speaker"),
        **{
            f"verdicts_{bucket}": count_per_row(published.filter(verification__rating__bucket=bucket), field="speaker")
            for bucket in RatingBucket.values
        },
    )
