"""The desk's queues on the admin's front page."""

from django import template
from django.urls import reverse

from apps.claims.models import Statement
from apps.desk import badges
from apps.verification.choices import VerificationStatus
from apps.verification.models import Verification
from apps.verification.selectors import QUEUES, verification_queue

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

    def queue(name: str) -> dict:
        count = verification_queue(Verification.objects.all(), name=name, user=user).count()
        return {"label": QUEUES[name][0], "url": f"{verifications}?queue={name}", "count": count}

    queues = [
        queue("mine"),
        {
            "label": "Unchecked statements",
            "url": f"{statements}?status=unchecked",
            "count": Statement.objects.exclude(verification__status__in=STARTED).count(),
        },
    ]
    if user.has_perm("verification.publish_verification"):
        queues.append(queue("my-reviews"))
    return queues


# The words of the lists, on the desk's own pages (the board): the same cut with the whole text on
# hover, the same "under a day" / "3 days", the same "Sent back" / "Reopened".


@register.filter(name="desk_cut")
def desk_cut(text, limit: int) -> str:
    return badges.cut(str(text), int(limit))


@register.filter(name="desk_days_since")
def desk_days_since(moment) -> str:
    return badges.days_since(moment)


@register.filter(name="desk_sent_back_word")
def desk_sent_back_word(verification) -> str:
    return badges.sent_back_word(verification)
