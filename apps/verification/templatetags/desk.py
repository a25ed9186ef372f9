"""The desk's queues on the admin's front page."""

from django import template
from django.urls import reverse

from apps.claims.models import Statement

from ..choices import VerificationStatus
from ..models import Verification

register = template.Library()
# A statement with no verification, or an unchecked one, is unchecked.
STARTED = [status for status in VerificationStatus if status != VerificationStatus.UNCHECKED]


@register.simple_tag(takes_context=True)
def desk_queues(context) -> list[dict]:
    """[{label, url, count}] of the queues the logged-in user works from."""
    user = context["request"].user
    if not user.has_perm("verification.view_verification"):
        return []
    verifications = reverse("admin:verification_verification_changelist")
    statements = reverse("admin:claims_statement_changelist")
    in_review = Verification.objects.filter(status=VerificationStatus.IN_REVIEW)
    queues = [
        {
            "label": "My queue",
            "url": f"{verifications}?queue=mine",
            "count": Verification.objects.filter(fact_checker=user, status=VerificationStatus.IN_PROGRESS).count(),
        },
        {
            "label": "Unchecked statements",
            "url": f"{statements}?status=unchecked",
            "count": Statement.objects.exclude(verification__status__in=STARTED).count(),
        },
    ]
    if user.has_perm("verification.publish_verification"):
        queues.append(
            {
                "label": "Waiting for my review",
                "url": f"{verifications}?queue=my-reviews",
                "count": in_review.exclude(fact_checker=user).count(),
            }
        )
    return queues
